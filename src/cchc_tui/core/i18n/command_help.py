"""The `cchc` command's help: every command, argument and choice, in both languages
(argparse's own words are in ``ARGPARSE``)."""

MESSAGES: dict[str, dict[str, str]] = {
    "help.trust.ca": {
        "vi": "chứng thư CA (PEM); được ghi nhớ",
        "en": "CA certificate (PEM); remembered",
    },
    "help.trust.crl": {
        "vi": "danh sách thu hồi (PEM); được ghi nhớ",
        "en": "revocation list (PEM); remembered",
    },
    "help.trust.allow_stale_crl": {
        "vi": "vẫn nhận khi danh sách thu hồi đã quá hạn nextUpdate",
        "en": "accept even when the revocation list is past its nextUpdate",
    },
    "help.trust.replace_ca": {
        "vi": "thay CA đã ghi nhớ bằng CA của --ca (khi Sở Nội vụ đổi CA)",
        "en": "replace the remembered CA with the --ca one (when Sở Nội vụ changes its CA)",
    },
    "help.cchc": {
        "vi": "cchc-tui: theo dõi Kế hoạch CCHC và tự đánh giá Chỉ số CCHC, ngoại tuyến.",
        "en": "cchc-tui: track the CCHC plan and self-assess the CCHC index, offline.",
    },
    "help.cchc.db": {
        "vi": "tệp cơ sở dữ liệu (mặc định: $CCHC_DB hoặc thư mục dữ liệu người dùng)",
        "en": "database file (default: $CCHC_DB or the user data folder)",
    },
    "help.cchc.lang": {
        "vi": "ngôn ngữ hiển thị (mặc định: theo tệp cấu hình, hoặc vi)",
        "en": "display language (default: from the config file, or vi)",
    },
    "help.cchc.theme": {
        "vi": "giao diện; ansi-dark cho 16 màu",
        "en": "colour theme; ansi-dark for 16 colours",
    },
    "help.command_metavar": {
        "vi": "LỆNH",
        "en": "COMMAND",
    },
    "help.json": {
        "vi": "in kết quả dạng JSON",
        "en": "print the result as JSON",
    },
    "help.init": {
        "vi": "khởi tạo cơ sở dữ liệu cho cơ quan",
        "en": "set up the database for an agency",
    },
    "help.init.agency": {
        "vi": "mã hoặc tên cơ quan (vd: 918, SNV)",
        "en": "agency code or name (e.g. 918, SNV)",
    },
    "help.init.officer": {
        "vi": "họ tên cán bộ",
        "en": "officer's full name",
    },
    "help.version": {"vi": "in phiên bản rồi thoát", "en": "print the version and exit"},
    "help.profile": {
        "vi": "xem hoặc đổi cơ quan, cán bộ của cơ sở dữ liệu",
        "en": "show or change the database's agency and officer",
    },
    "help.profile.agency": {
        "vi": "cơ quan mới (mã hoặc tên)",
        "en": "the new agency (code or name)",
    },
    "help.profile.officer": {"vi": "họ tên cán bộ mới", "en": "the new officer's full name"},
    "help.profile.yes": {
        "vi": "đổi cơ quan dù cơ quan hiện tại đã có dữ liệu",
        "en": "change the agency although the current one has recorded data",
    },
    "help.keys": {
        "vi": "liệt kê các phím của ứng dụng và mã để đổi phím trong config.toml ([keymap])",
        "en": "list the app's keys and the ids to change them in config.toml ([keymap])",
    },
    "help.agencies": {
        "vi": "danh mục cơ quan, đơn vị",
        "en": "list of agencies and units",
    },
    "help.agencies.search": {
        "vi": "tìm theo tên, không cần dấu (vd: binh thuy)",
        "en": "search by name, accents optional (e.g. binh thuy)",
    },
    "help.agencies.level": {
        "vi": "lọc theo cấp",
        "en": "filter by level",
    },
    "help.plan": {
        "vi": "xem kế hoạch",
        "en": "show the plan",
    },
    "help.plan.plan": {
        "vi": "mã kế hoạch (mặc định: kế hoạch mới nhất)",
        "en": "plan id (default: the latest plan)",
    },
    "help.plan.show": {
        "vi": "xem một mục của kế hoạch",
        "en": "show one item of the plan",
    },
    "help.plan.item": {
        "vi": "mã (hd3.18a) hoặc số in (3.1)",
        "en": "id (hd3.18a) or printed number (3.1)",
    },
    "help.plan.import": {
        "vi": "thêm một kế hoạch (tệp TOML) vào cơ sở dữ liệu",
        "en": "add a plan (TOML file) to the database",
    },
    "help.assigned": {
        "vi": "các mục được giao cho cơ quan",
        "en": "items assigned to the agency",
    },
    "help.assigned.agency": {
        "vi": "mã hoặc tên cơ quan (mặc định: cơ quan của CSDL)",
        "en": "agency code or name (default: the database's agency)",
    },
    "help.assigned.role": {
        "vi": "chỉ chủ trì / phối hợp",
        "en": "lead / coordinating items only",
    },
    "help.plan_id": {
        "vi": "mã kế hoạch",
        "en": "plan id",
    },
    "help.cchc.as_of": {
        "vi": "làm việc theo ngày này (dd/mm/yyyy) thay cho hôm nay; khi năm kế hoạch đã hết, "
        "mặc định là ngày cuối năm kế hoạch",
        "en": "work as of this day (dd/mm/yyyy) instead of today; once the plan year has "
        "ended, its last day is the default",
    },
    "help.assigned.as_of": {
        "vi": "tính hạn và quá hạn theo ngày này",
        "en": "work out due and overdue items as of this date",
    },
    "help.progress": {
        "vi": "cập nhật tiến độ một mục",
        "en": "update one item's progress",
    },
    "help.progress.item": {
        "vi": "mã hoặc số của mục (vd: hd3.1, 3.1)",
        "en": "item id or number (e.g. hd3.1, 3.1)",
    },
    "help.progress.status": {
        "vi": "chua_thuc_hien | dang_thuc_hien | hoan_thanh | khong_thuc_hien_duoc",
        "en": "chua_thuc_hien | dang_thuc_hien | hoan_thanh | khong_thuc_hien_duoc",
    },
    "help.progress.progress": {
        "vi": "tiến độ, số nguyên 0-100 (%%)",
        "en": "progress, a whole number 0-100 (%%)",
    },
    "help.progress.note": {
        "vi": "ghi chú",
        "en": "note",
    },
    "help.progress.reason": {
        "vi": "lý do (bắt buộc khi không thực hiện được)",
        "en": "reason (required when it cannot be done)",
    },
    "help.progress.completed": {
        "vi": "ngày hoàn thành, dd/mm/yyyy",
        "en": "completion date, dd/mm/yyyy",
    },
    "help.evidence": {
        "vi": "tài liệu kiểm chứng",
        "en": "verification documents",
    },
    "help.evidence.add": {
        "vi": "thêm tài liệu kiểm chứng",
        "en": "add a verification document",
    },
    "help.evidence.number": {
        "vi": "số, ký hiệu (vd: 12/KH-UBND)",
        "en": "number and symbol (e.g. 12/KH-UBND)",
    },
    "help.evidence.date": {
        "vi": "ngày ban hành, dd/mm/yyyy",
        "en": "date of issue, dd/mm/yyyy",
    },
    "help.evidence.issuer": {
        "vi": "cơ quan ban hành",
        "en": "issuing agency",
    },
    "help.evidence.title": {
        "vi": "trích yếu",
        "en": "summary (trích yếu)",
    },
    "help.evidence.type": {
        "vi": "loại văn bản (mặc định: theo ký hiệu)",
        "en": "document type (default: from the symbol)",
    },
    "help.evidence.file": {
        "vi": "tệp đính kèm (được sao vào thư mục quản lý)",
        "en": "attached file (copied into the managed folder)",
    },
    "help.evidence.item": {
        "vi": "mục liên quan (lặp lại được)",
        "en": "related item (may be repeated)",
    },
    "help.evidence.list": {
        "vi": "danh sách tài liệu kiểm chứng",
        "en": "list of verification documents",
    },
    "help.db": {
        "vi": "cơ sở dữ liệu: check kiểm tra; path chỉ nơi lưu mọi thứ; backup --to THƯ_MỤC sao "
        "lưu (CSDL, tệp TLKC, khóa, cấu hình) thành một tệp .zip; restore TỆP khôi phục vào "
        "chỗ trống (sang máy mới)",
        "en": "the database: check it; path shows where everything is; backup --to DIR writes "
        "one .zip (database, evidence files, keys, settings); restore FILE restores into an "
        "empty place (a new PC)",
    },
    "help.db.file": {
        "vi": "tệp sao lưu cần khôi phục (restore)",
        "en": "the backup file to restore (restore)",
    },
    "help.db.to": {
        "vi": "thư mục ghi bản sao lưu, ví dụ ổ USB E:\\ (backup)",
        "en": "folder to write the backup to, e.g. a USB stick E:\\ (backup)",
    },
    "help.history": {
        "vi": "nhật ký thay đổi",
        "en": "change log",
    },
    "help.history.item": {
        "vi": "chỉ nhật ký của mục này",
        "en": "only this item's log",
    },
    "help.criteria": {
        "vi": "bộ tiêu chí Chỉ số CCHC",
        "en": "CCHC index criteria sets",
    },
    "help.criteria.list": {
        "vi": "các bộ tiêu chí đang có",
        "en": "the criteria sets held",
    },
    "help.criteria.import": {
        "vi": "thêm bộ tiêu chí (tệp TOML)",
        "en": "add a criteria set (TOML file)",
    },
    "help.score": {
        "vi": "tự chấm điểm Chỉ số CCHC",
        "en": "self-score the CCHC index",
    },
    "help.score.criteria_set": {
        "vi": "mã bộ tiêu chí (mặc định: bộ chính thức, hoặc bộ mẫu)",
        "en": "criteria set id (default: the official set, or the template)",
    },
    "help.score.xlsx": {
        "vi": "ghi bảng chấm điểm ra tệp .xlsx",
        "en": "write the scoring sheet to an .xlsx file",
    },
    "help.score.set": {
        "vi": "ghi điểm tự chấm của một tiêu chí thành phần",
        "en": "record the self-assessed points of one sub-criterion",
    },
    "help.score.points": {
        "vi": "điểm (vd: 0,5)",
        "en": "points (e.g. 0,5)",
    },
    "help.score.suggested": {
        "vi": "lấy theo điểm gợi ý",
        "en": "take the suggested points",
    },
    "help.score.reason": {
        "vi": "lý do khi khác điểm gợi ý",
        "en": "reason when different from the suggestion",
    },
    "help.score.note": {
        "vi": "giải trình khi không có TLKC",
        "en": "explanation when there is no verification document",
    },
    "help.score.evidence": {
        "vi": "số # của TLKC (lặp lại được)",
        "en": "document # (may be repeated)",
    },
    "help.score.finalise": {
        "vi": "chốt điểm",
        "en": "finalise the scores",
    },
    "help.score.reopen": {
        "vi": "mở lại để sửa",
        "en": "reopen for changes",
    },
    "help.report": {
        "vi": "ghi ngày gửi báo cáo định kỳ",
        "en": "record the date a periodic report was sent",
    },
    "help.period": {
        "vi": "Q1 | 6T | Q3 | NAM",
        "en": "Q1 | 6T | Q3 | NAM",
    },
    "help.indicator": {
        "vi": "chỉ tiêu của kế hoạch: xem, ghi giá trị",
        "en": "the plan's indicators: show, record a value",
    },
    "help.indicator.indicator": {
        "vi": "mã chỉ tiêu (xem cchc indicator list)",
        "en": "indicator id (see cchc indicator list)",
    },
    "help.indicator.value": {
        "vi": "giá trị (%%)",
        "en": "value (%%)",
    },
    "help.indicator.num": {
        "vi": "tử số",
        "en": "numerator",
    },
    "help.indicator.den": {
        "vi": "mẫu số",
        "en": "denominator",
    },
    "help.indicator.evidence": {
        "vi": "số # của TLKC",
        "en": "document #",
    },
    "help.pki": {
        "vi": "CA ngoại tuyến của Sở Nội vụ: tạo CA, cấp, thu hồi, CRL",
        "en": "Sở Nội vụ's offline CA: create the CA, issue, revoke, CRL",
    },
    "help.pki.dir": {
        "vi": "thư mục CA",
        "en": "CA folder",
    },
    "help.pki.passphrase_file": {
        "vi": "tệp chứa mật khẩu khóa CA",
        "en": "file holding the CA key's passphrase",
    },
    "help.pki.role": {
        "vi": "officer: ký hồ sơ (mặc định); reviewer: ký phiếu thẩm định",
        "en": "officer: signs bundles (default); reviewer: signs receipts",
    },
    "help.pki.out": {
        "vi": "tệp .p12",
        "en": ".p12 file",
    },
    "help.pki.p12_passphrase_file": {
        "vi": "tệp chứa mật khẩu của tệp .p12",
        "en": "file holding the .p12 file's passphrase",
    },
    "help.pki.serial": {
        "vi": "số sê-ri (hex)",
        "en": "serial number (hex)",
    },
    "help.key": {
        "vi": "nhập chứng thư ký số (.p12) của cán bộ",
        "en": "import an officer's signing certificate (.p12)",
    },
    "help.passphrase_file": {
        "vi": "tệp chứa mật khẩu",
        "en": "file holding the passphrase",
    },
    "help.export": {
        "vi": "xuất hồ sơ có chữ ký gửi Sở Nội vụ",
        "en": "export a signed bundle for Sở Nội vụ",
    },
    "help.export.out": {
        "vi": "thư mục (vd ổ USB)",
        "en": "folder (e.g. a USB stick)",
    },
    "help.verify": {
        "vi": "kiểm tra hồ sơ: an toàn, toàn vẹn, chữ ký, CA, CRL",
        "en": "check bundles: safety, integrity, signature, CA, CRL",
    },
    "help.verify.ca": {
        "vi": "chứng thư CA (PEM)",
        "en": "CA certificate (PEM)",
    },
    "help.verify.crl": {
        "vi": "danh sách thu hồi (PEM)",
        "en": "revocation list (PEM)",
    },
    "help.import": {
        "vi": "nhận hồ sơ vào CSDL của người thẩm định",
        "en": "take bundles into the reviewer's database",
    },
    "help.review": {
        "vi": "tổng hợp hồ sơ đã nhận của một kỳ, xếp hạng",
        "en": "received bundles of a period, summed up and ranked",
    },
    "help.review.period": {
        "vi": "Q1 | 6T | Q3 | NAM (không có: mở ứng dụng thẩm định)",
        "en": "Q1 | 6T | Q3 | NAM (none: open the review desk)",
    },
    "help.review.xlsx": {
        "vi": "ghi bảng xếp hạng ra tệp .xlsx",
        "en": "write the ranking to an .xlsx file",
    },
    "help.review.csv": {
        "vi": "ghi bảng xếp hạng ra tệp .csv",
        "en": "write the ranking to a .csv file",
    },
    "help.review.activity": {
        "vi": "một hoạt động trên toàn thành phố (vd hd3.8)",
        "en": "one activity across the city (e.g. hd3.8)",
    },
    "help.review.bundle": {
        "vi": "mã hồ sơ (hoặc 8 ký tự đầu trở lên), hoặc mã cơ quan",
        "en": "bundle id (or its first 8 characters or more), or an agency code",
    },
    "help.review.reason": {
        "vi": "lý do loại bỏ",
        "en": "reason for dropping it",
    },
    "help.review.json": {
        "vi": "in dạng JSON",
        "en": "print as JSON",
    },
    "help.review.state_value": {
        "vi": "da_nhan | can_bo_sung | da_duyet | khong_duyet",
        "en": "da_nhan | can_bo_sung | da_duyet | khong_duyet",
    },
    "help.review.target": {
        "vi": "Chung | Hoạt động 3.8 | Nhiệm vụ 2.4 | Tiêu chí 1.1.1 (hoặc mã: hd3.8, 1.1.1)",
        "en": "General | Activity 3.8 | Task 2.4 | Criterion 1.1.1 (or a code: hd3.8, 1.1.1)",
    },
    "help.receipt": {
        "vi": "phiếu thẩm định của Sở Nội vụ: nhận, xem",
        "en": "Sở Nội vụ's appraisal receipts: take in, list",
    },
    "help.demo": {
        "vi": "mở bản thử với dữ liệu mẫu của Quận Bình Thủy",
        "en": "open a trial with the sample data of Quận Bình Thủy",
    },
    "help.demo.print": {
        "vi": "chỉ in danh sách, không mở ứng dụng",
        "en": "only print the list, do not open the app",
    },
    "help.pki.init_ca": {
        "vi": "tạo CA",
        "en": "create the CA",
    },
    "help.pki.issue": {
        "vi": "cấp chứng thư .p12 cho cán bộ",
        "en": "issue a .p12 certificate to an officer",
    },
    "help.pki.revoke": {
        "vi": "thu hồi chứng thư",
        "en": "revoke a certificate",
    },
    "help.pki.crl": {
        "vi": "xuất danh sách thu hồi",
        "en": "export the revocation list",
    },
    "help.review.arrived": {
        "vi": "ghi ngày hồ sơ thực đến (ngày nhận USB, ngày công văn đến); trễ hạn tính từ đó",
        "en": "record the day a submission actually arrived; lateness counts from it",
    },
    "help.review.arrived_date": {
        "vi": "ngày đến, dd/mm/yyyy (không sau hôm nay, không trước ngày ký gói)",
        "en": "the arrival day, dd/mm/yyyy (not after today, not before the bundle was signed)",
    },
    "help.review.arrived_note": {
        "vi": 'ghi chú, ví dụ "công văn đến ngày 09/09, số 123"',
        "en": 'a note, e.g. "letter registered 09/09, no. 123"',
    },
    "help.review.state": {
        "vi": "trạng thái thẩm định của hồ sơ",
        "en": "a bundle's appraisal state",
    },
    "help.review.comment": {
        "vi": "nhận xét (không sửa được)",
        "en": "a comment (cannot be edited)",
    },
    "help.review.appraise": {
        "vi": "điểm thẩm định một tiêu chí thành phần",
        "en": "appraised points of one sub-criterion",
    },
    "help.review.receipt": {
        "vi": "ký phiếu thẩm định gửi lại cơ quan",
        "en": "sign an appraisal receipt for the agency",
    },
    "help.review.drop": {
        "vi": "loại bỏ một hồ sơ đã nhận (không còn được tính; tệp được giữ lại)",
        "en": "drop a received bundle (no longer counted; its files are kept)",
    },
    # argparse's own words (its gettext strings), through Parser
    "argparse.usage": {"vi": "cách dùng: ", "en": "usage: "},
    "argparse.positional": {"vi": "tham số", "en": "positional arguments"},
    "argparse.options": {"vi": "tuỳ chọn", "en": "options"},
    "argparse.help": {
        "vi": "in trợ giúp này rồi thoát",
        "en": "show this help message and exit",
    },
    "argparse.version": {
        "vi": "in số phiên bản rồi thoát",
        "en": "show program's version number and exit",
    },
}
