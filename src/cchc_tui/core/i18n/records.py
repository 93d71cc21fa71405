"""What officers record and the store keeps: progress, evidence, document numbers, dates,
the audit log, the database."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- dates -----------------------------------------------------------------------------
    "date.empty": {"vi": "Chưa nhập ngày.", "en": "No date given."},
    "date.invalid": {
        "vi": "Ngày «{value}» không hợp lệ: hãy nhập theo dạng dd/mm/yyyy, ví dụ 31/03/2022.",
        "en": "Date “{value}” is not valid: type it as dd/mm/yyyy, e.g. 31/03/2022.",
    },
    "date.no_such_month": {
        "vi": "Ngày «{value}» không có: tháng {month} không có thật (tháng từ 1 đến 12).",
        "en": "There is no date “{value}”: month {month} does not exist (months are 1 to 12).",
    },
    "date.no_such_day": {
        "vi": "Ngày «{value}» không có: tháng {month}/{year} có {days} ngày.",
        "en": "There is no date “{value}”: {month}/{year} has {days} days.",
    },
    "date.too_early": {
        "vi": "Ngày «{value}» không hợp lệ: năm {year} quá sớm.",
        "en": "Date “{value}” is not valid: the year {year} is too early.",
    },
    "date.future": {
        "vi": "Ngày {value} ở tương lai (hôm nay là {today}).",
        "en": "Date {value} is in the future (today is {today}).",
    },
    # -- document numbers ------------------------------------------------------------------
    "docno.empty": {"vi": "Chưa nhập số, ký hiệu văn bản.", "en": "No document number given."},
    "docno.spaces": {
        "vi": "đã bỏ khoảng trắng quanh «/» và «-»",
        "en": "spaces around “/” and “-” were removed",
    },
    "docno.normalised": {
        "vi": "đã sửa «{typed}» thành «{now}» theo cách viết của Nghị định 30/2020/NĐ-CP",
        "en": "“{typed}” was changed to “{now}”, as Decree 30/2020/NĐ-CP writes it",
    },
    "docno.unknown_type": {
        "vi": "loại văn bản «{code}» không có trong danh mục",
        "en": "document type “{code}” is not in the official list",
    },
    "docno.cv": {
        "vi": "«CV» không phải ký hiệu chính thức của công văn",
        "en": "“CV” is not an official symbol for an official letter",
    },
    "docno.unrecognised": {
        "vi": "không nhận ra dạng số, ký hiệu (ví dụ đúng: 260/KH-UBND)",
        "en": "the number's form is not recognised (e.g. 260/KH-UBND)",
    },
    # -- statuses and roles ----------------------------------------------------------------
    "status.chua_thuc_hien": {"vi": "chưa thực hiện", "en": "not started"},
    "status.dang_thuc_hien": {"vi": "đang thực hiện", "en": "in progress"},
    "status.hoan_thanh": {"vi": "hoàn thành", "en": "done"},
    "status.khong_thuc_hien_duoc": {"vi": "không thực hiện được", "en": "cannot be done"},
    "status.none": {"vi": "chưa cập nhật", "en": "not updated"},
    "status.short.chua_thuc_hien": {"vi": "chưa làm", "en": "to do"},
    "status.short.dang_thuc_hien": {"vi": "đang làm", "en": "doing"},
    "status.short.hoan_thanh": {"vi": "đã xong", "en": "done"},
    "status.short.khong_thuc_hien_duoc": {"vi": "không TH", "en": "blocked"},
    "status.short.none": {"vi": "chưa CN", "en": "no update"},
    "role.short.lead": {"vi": "CT", "en": "L"},
    "role.short.coordinate": {"vi": "PH", "en": "C"},
    "role.lead": {"vi": "Chủ trì", "en": "Lead"},
    "role.coordinate": {"vi": "Phối hợp", "en": "Coordinate"},
    "timing.ongoing": {"vi": "Thường xuyên", "en": "Ongoing"},
    "timing.ongoing_short": {"vi": "th.xuyên", "en": "ongoing"},
    # -- agencies and plan -----------------------------------------------------------------
    "agency.unknown": {
        "vi": "Không có cơ quan «{query}» trong danh mục.{hint}",
        "en": "No agency “{query}” in the registry.{hint}",
    },
    "agency.ambiguous": {
        "vi": "«{query}» ứng với nhiều cơ quan; hãy dùng mã.{hint}",
        "en": "“{query}” matches several agencies; use the code.{hint}",
    },
    "agency.did_you_mean": {"vi": " Có phải: {choices}?", "en": " Did you mean: {choices}?"},
    "item.unknown": {
        "vi": "Không có mục «{ref}» trong kế hoạch {plan}.{hint}",
        "en": "No item “{ref}” in plan {plan}.{hint}",
    },
    "item.ambiguous": {
        "vi": "Số «{ref}» được in cho nhiều mục; hãy dùng mã: {choices}.",
        "en": "Number “{ref}” is printed for several items; use the id: {choices}.",
    },
    "item.not_trackable": {
        "vi": "«{ref}» là {kind}, không phải hoạt động cần cập nhật; các hoạt động của nó: "
        "{choices}.",
        "en": "“{ref}” is a {kind}, not an activity to update; its activities: {choices}.",
    },
    "plan.unknown": {
        "vi": "Không có kế hoạch «{plan}» trong cơ sở dữ liệu. Có: {choices}.",
        "en": "No plan “{plan}” in the database. Available: {choices}.",
    },
    "plan.conflict": {
        "vi": "Kế hoạch «{plan}» đã có trong cơ sở dữ liệu với nội dung khác.",
        "en": "Plan “{plan}” is already in the database with different content.",
    },
    "plan.bad_file": {
        "vi": "Tệp kế hoạch «{path}» không hợp lệ: {detail}",
        "en": "Plan file “{path}” is not valid: {detail}",
    },
    # -- progress --------------------------------------------------------------------------
    "progress.bad_status": {
        "vi": "Trạng thái «{value}» không hợp lệ. Dùng một trong: {choices}.",
        "en": "Status “{value}” is not valid. Use one of: {choices}.",
    },
    "progress.reason_required": {
        "vi": "Trạng thái «không thực hiện được» cần nêu lý do (--reason).",
        "en": "Status “cannot be done” needs a reason (--reason).",
    },
    "progress.reason_only_blocked": {
        "vi": "Chỉ ghi lý do khi trạng thái là «không thực hiện được»; hãy dùng --note.",
        "en": "A reason goes only with status “cannot be done”; use --note.",
    },
    "progress.bad_percent": {
        "vi": "Tiến độ phải là số nguyên từ 0 đến 100 (đã nhập {value}).",
        "en": "Progress must be a whole number from 0 to 100 (got {value}).",
    },
    "progress.done_not_100": {
        "vi": "Trạng thái «hoàn thành» thì tiến độ phải là 100% (đã nhập {value}%).",
        "en": "Status “done” needs progress 100% (got {value}%).",
    },
    "progress.not_started_pct": {
        "vi": "Trạng thái «chưa thực hiện» thì tiến độ phải là 0% (đã nhập {value}%).",
        "en": "Status “not started” needs progress 0% (got {value}%).",
    },
    "progress.completed_without_done": {
        "vi": "Chỉ ghi ngày hoàn thành khi trạng thái là «hoàn thành».",
        "en": "A completion date goes only with status “done”.",
    },
    "progress.not_assigned": {
        "vi": "Mục {item} không được giao cho {agency}.",
        "en": "Item {item} is not assigned to {agency}.",
    },
    "export.report_draft": {
        "vi": "{report} chưa có lời của cán bộ: hồ sơ kèm bản nháp tự động (Báo cáo kỳ: Ctrl+O).",
        "en": "“{report}” has no words of the officer yet: the bundle carries the automatic "
        "draft (Period report: Ctrl+O).",
    },
    "export.and_more": {"vi": " và {count} mục khác", "en": " and {count} more"},
    "export.report_words_old": {
        "vi": "Lời {report} viết trước lần thay đổi dữ liệu gần nhất: nên xem lại (Ctrl+O).",
        "en": "The words of “{report}” were written before the latest change: look at them "
        "again (Ctrl+O).",
    },
    "progress.saved": {
        "vi": "Đã lưu {item}: {status}, {pct}%.",
        "en": "Saved {item}: {status}, {pct}%.",
    },
    # -- evidence --------------------------------------------------------------------------
    "evidence.file_missing": {
        "vi": "Không tìm thấy tệp «{path}».",
        "en": "File “{path}” not found.",
    },
    "evidence.file_unreadable": {
        "vi": "Không đọc được tệp «{path}»: {detail}.",
        "en": "Cannot read file “{path}”: {detail}.",
    },
    "evidence.not_a_file": {
        "vi": "«{path}» không phải là tệp.",
        "en": "“{path}” is not a file.",
    },
    "evidence.field_required": {
        "vi": "Chưa nhập {field}.",
        "en": "{field} is missing.",
    },
    "evidence.saved": {
        "vi": "Đã lưu tài liệu kiểm chứng #{id}: {number}.",
        "en": "Saved evidence #{id}: {number}.",
    },
    "evidence.unknown": {
        "vi": "Không có tài liệu kiểm chứng #{id}.",
        "en": "No evidence #{id}.",
    },
    "field.issuer": {"vi": "cơ quan ban hành", "en": "the issuer"},
    "field.title": {"vi": "trích yếu", "en": "the title"},
    # -- database --------------------------------------------------------------------------
    "db.missing": {
        "vi": "Chưa có cơ sở dữ liệu ở «{path}». Hãy chạy: cchc init --agency MÃ --officer "
        '"Họ tên".',
        "en": 'No database at “{path}”. Run: cchc init --agency CODE --officer "Full name".',
    },
    "db.exists": {
        "vi": "Cơ sở dữ liệu «{path}» đã được khởi tạo cho {agency}.",
        "en": "Database “{path}” is already set up for {agency}.",
    },
    "db.not_initialised": {
        "vi": "Cơ sở dữ liệu «{path}» chưa được khởi tạo. Hãy chạy: cchc init.",
        "en": "Database “{path}” is not set up. Run: cchc init.",
    },
    "db.locked": {
        "vi": "Cơ sở dữ liệu «{path}» đang bị một chương trình khác khóa; hãy đóng chương trình "
        "đó rồi thử lại.",
        "en": "Database “{path}” is locked by another program; close it and try again.",
    },
    "db.readonly": {
        "vi": "Không ghi được vào cơ sở dữ liệu «{path}» (tệp hoặc thư mục chỉ đọc).",
        "en": "Cannot write to database “{path}” (read-only file or folder).",
    },
    "db.unopenable": {
        "vi": "Không mở được cơ sở dữ liệu «{path}»: {detail}.",
        "en": "Cannot open database “{path}”: {detail}.",
    },
    "db.corrupt": {
        "vi": "Tệp «{path}» không phải cơ sở dữ liệu cchc hợp lệ hoặc đã bị hỏng.",
        "en": "“{path}” is not a valid cchc database or is damaged.",
    },
    "db.newer": {
        "vi": "Cơ sở dữ liệu «{path}» do phiên bản mới hơn của cchc-tui tạo ra (lược đồ {found});"
        " hãy cập nhật chương trình.",
        "en": "Database “{path}” was written by a newer cchc-tui (schema {found}); update the "
        "program.",
    },
    "db.migrated": {
        "vi": "Đã nâng cấp cơ sở dữ liệu; bản sao trước khi nâng cấp: «{backup}».",
        "en": "Database upgraded; copy taken before the upgrade: “{backup}”.",
    },
    "db.check_ok": {"vi": "Cơ sở dữ liệu toàn vẹn.", "en": "Database is sound."},
    "db.check_failed": {
        "vi": "Cơ sở dữ liệu có vấn đề: {count} lỗi.",
        "en": "Database has problems: {count} errors.",
    },
    "db.initialised": {
        "vi": "Đã khởi tạo «{path}» cho {agency}, cán bộ {officer}.",
        "en": "Set up “{path}” for {agency}, officer {officer}.",
    },
    "profile.shown": {
        "vi": "Cơ quan: {agency} · cán bộ: {officer}",
        "en": "Agency: {agency} · officer: {officer}",
    },
    "profile.changed": {
        "vi": "Đã đổi: {agency}, cán bộ {officer} (có ghi nhật ký).",
        "en": "Changed: {agency}, officer {officer} (logged).",
    },
    "profile.left_behind": {
        "vi": "Cơ sở dữ liệu đang có dữ liệu của {old}: {progress} mục đã cập nhật, "
        "{evidence} TLKC, {scores} điểm tự chấm, {exports} hồ sơ đã xuất. Các dữ liệu này vẫn "
        "được giữ cho {old}; {new} bắt đầu trống và phải nhập chứng thư số của mình trước khi "
        "xuất hồ sơ.",
        "en": "The database holds data of {old}: {progress} items updated, {evidence} "
        "documents, {scores} self scores, {exports} bundles exported. They stay with {old}; "
        "{new} starts empty and must import its own certificate before exporting.",
    },
    "profile.unchanged": {
        "vi": "Cơ sở dữ liệu đã thuộc {agency}, cán bộ {officer}: không có gì để đổi.",
        "en": "The database already belongs to {agency}, officer {officer}: nothing to change.",
    },
    "profile.needs_yes": {
        "vi": "{warning}\nThêm --yes để vẫn đổi.",
        "en": "{warning}\nAdd --yes to change all the same.",
    },
    # --- issue 11: second copy ---
    "instance.other_copy": {
        "vi": "Một bản khác của ứng dụng đang mở cơ sở dữ liệu này từ {time} (máy {host}); lưu "
        "cùng lúc sẽ được kiểm tra xung đột.",
        "en": "Another copy of the app (on {host}) has had this database open since {time}; "
        "saves are checked for conflicts.",
    },
    "instance.other_copy_day": {
        "vi": "Một bản khác của ứng dụng đang mở cơ sở dữ liệu này từ {time} ngày {date} (máy "
        "{host}); lưu cùng lúc sẽ được kiểm tra xung đột.",
        "en": "Another copy of the app (on {host}) has had this database open since {time} on "
        "{date}; saves are checked for conflicts.",
    },
    "instance.other_copy_unknown": {
        "vi": "Một bản khác của ứng dụng đang mở cơ sở dữ liệu này; lưu cùng lúc sẽ được kiểm tra "
        "xung đột.",
        "en": "Another copy of the app has this database open; saves are checked for conflicts.",
    },
    "audit.progress.set": {"vi": "cập nhật tiến độ", "en": "progress updated"},
    "audit.progress.carry_over": {
        "vi": "giữ nguyên trạng thái kỳ trước",
        "en": "last period's status carried over",
    },
    "audit.evidence.link": {"vi": "liên kết TLKC", "en": "evidence linked"},
    "audit.evidence.unlink": {"vi": "bỏ liên kết TLKC", "en": "evidence unlinked"},
    "audit.field.status": {"vi": "trạng thái", "en": "status"},
    "audit.field.progress_pct": {"vi": "tiến độ", "en": "progress"},
    "audit.field.note": {"vi": "ghi chú", "en": "note"},
    "audit.field.reason": {"vi": "lý do", "en": "reason"},
    "audit.field.completed_on": {"vi": "ngày hoàn thành", "en": "completed on"},
    "audit.field.evidence": {"vi": "TLKC", "en": "evidence"},
    "audit.field.period": {"vi": "kỳ báo cáo", "en": "period"},
    # -- issue 10: atomic export/import, dropping bundles, numeric input ------------------
    "number.field.points": {"vi": "điểm", "en": "points"},
    "number.field.progress": {"vi": "tiến độ (%)", "en": "progress (%)"},
    "number.field.value": {"vi": "giá trị chỉ tiêu", "en": "indicator value"},
    "number.field.numerator": {"vi": "tử số", "en": "numerator"},
    "number.field.denominator": {"vi": "mẫu số", "en": "denominator"},
    "number.empty": {"vi": "Chưa nhập {field}.", "en": "No {field} given."},
    "number.invalid": {
        "vi": "«{value}» không phải là số hợp lệ cho {field}: chỉ gồm chữ số và dấu phẩy thập "
        "phân (ví dụ: 12,5).",
        "en": "“{value}” is not a valid number for {field}: digits and one decimal separator "
        "only (e.g. 12.5).",
    },
    "number.negative": {
        "vi": "Giá trị {field} không được âm (đã nhập «{value}»).",
        "en": "The {field} cannot be negative (got “{value}”).",
    },
    "number.out_of_range": {
        "vi": "Giá trị {field} phải từ {low} đến {high} (đã nhập «{value}»).",
        "en": "The {field} must be from {low} to {high} (got “{value}”).",
    },
    "number.places": {
        "vi": "Giá trị {field} có quá nhiều chữ số thập phân: tối đa {places} (đã nhập «{value}»).",
        "en": "The {field} has too many decimal places: at most {places} (got “{value}”).",
    },
    "number.not_whole": {
        "vi": "Giá trị {field} phải là số nguyên (đã nhập «{value}»).",
        "en": "The {field} must be a whole number (got “{value}”).",
    },
    # --- issue 11: leftovers and keymap ---
    "db.check_leftovers": {
        "vi": "Tệp tạm của lần chép tài liệu bị ngắt: {count} ({names}) — sẽ được xóa ở lần mở "
        "ứng dụng sau.",
        "en": "Temporary files of interrupted document copies: {count} ({names}) — they will be "
        "removed the next time the app starts.",
    },
    "edit.stale": {
        "vi": "{actor} đã lưu bản khác lúc {at}, sau khi bạn mở biểu mẫu này.",
        "en": "{actor} saved another version at {at}, after you opened this form.",
    },
}
