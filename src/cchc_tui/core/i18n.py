"""The one catalogue of user-facing strings, Vietnamese first, English as a setting.

``t("key", **params)`` formats the string for the current language. A test checks that both
languages have every key and the same placeholders.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

LANGUAGES = ("vi", "en")
_lang: ContextVar[str] = ContextVar("cchc_lang", default="vi")


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _lang.set(lang)


def language() -> str:
    return _lang.get()


def t(key: str, /, **params: Any) -> str:
    entry = CATALOGUE[key]
    return entry.get(language(), entry["vi"]).format(**params)


class UserError(Exception):
    """An error the user can act on: one clear sentence from the catalogue, no traceback."""

    exit_code = 1

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self) -> str:
        return t(self.key, **self.params)

    def __str__(self) -> str:
        return self.message()


CATALOGUE: dict[str, dict[str, str]] = {
    # -- generic ---------------------------------------------------------------------------
    "error.prefix": {"vi": "Lỗi", "en": "Error"},
    "warning.prefix": {"vi": "Cảnh báo", "en": "Warning"},
    "error.usage": {"vi": "Lệnh không đúng: {detail}", "en": "Wrong command: {detail}"},
    "error.interrupted": {"vi": "Đã dừng theo yêu cầu.", "en": "Stopped on request."},
    "error.unexpected": {
        "vi": "Lỗi không lường trước: {detail}. Dữ liệu đã lưu trước đó không bị ảnh hưởng.",
        "en": "Unexpected error: {detail}. Data saved before is not affected.",
    },
    # --- issue 11: crash report ---
    "cli.crash": {
        "vi": "Ứng dụng gặp lỗi và đã đóng; báo cáo lỗi ở: {path}.{drafts}",
        "en": "The app hit an error and closed; the crash report is at: {path}.{drafts}",
    },
    "cli.crash_no_report": {
        "vi": "Ứng dụng gặp lỗi và đã đóng; không ghi được báo cáo lỗi.{drafts}",
        "en": "The app hit an error and closed; no crash report could be written.{drafts}",
    },
    "cli.crash_drafts": {
        "vi": " Phần đang nhập chưa lưu được giữ làm bản nháp.",
        "en": " Unsaved input was kept as a draft.",
    },
    # -- dates -----------------------------------------------------------------------------
    "date.empty": {"vi": "Chưa nhập ngày.", "en": "No date given."},
    "date.invalid": {
        "vi": "Ngày «{value}» không hợp lệ: hãy nhập theo dạng dd/mm/yyyy, ví dụ 31/03/2022.",
        "en": "Date “{value}” is not valid: type it as dd/mm/yyyy, e.g. 31/03/2022.",
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
    "family.administrative": {"vi": "Văn bản hành chính", "en": "Administrative document"},
    "family.legal": {"vi": "Văn bản quy phạm pháp luật", "en": "Legal normative document"},
    "family.party": {"vi": "Văn bản của Đảng", "en": "Party document"},
    "family.unknown": {"vi": "Không xác định", "en": "Unknown"},
    # -- statuses and roles ----------------------------------------------------------------
    "status.chua_thuc_hien": {"vi": "chưa thực hiện", "en": "not started"},
    "status.dang_thuc_hien": {"vi": "đang thực hiện", "en": "in progress"},
    "status.hoan_thanh": {"vi": "hoàn thành", "en": "done"},
    "status.khong_thuc_hien_duoc": {"vi": "không thực hiện được", "en": "cannot be done"},
    "status.none": {"vi": "chưa cập nhật", "en": "not updated"},
    "role.lead": {"vi": "Chủ trì", "en": "Lead"},
    "role.coordinate": {"vi": "Phối hợp", "en": "Coordinate"},
    "timing.ongoing": {"vi": "Thường xuyên", "en": "Ongoing"},
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
    # -- listings --------------------------------------------------------------------------
    "list.empty": {"vi": "(không có mục nào)", "en": "(nothing)"},
    "col.code": {"vi": "Mã", "en": "Code"},
    "col.name": {"vi": "Tên", "en": "Name"},
    "col.level": {"vi": "Cấp", "en": "Level"},
    "col.parent": {"vi": "Trực thuộc", "en": "Parent"},
    "col.number": {"vi": "Số", "en": "No."},
    "col.id": {"vi": "Mã", "en": "Id"},
    "col.text": {"vi": "Nội dung", "en": "Text"},
    "col.role": {"vi": "Vai trò", "en": "Role"},
    "col.due": {"vi": "Thời hạn", "en": "Due"},
    "col.status": {"vi": "Trạng thái", "en": "Status"},
    "col.progress": {"vi": "Tiến độ", "en": "Progress"},
    "col.evidence": {"vi": "TLKC", "en": "Evid."},
    "col.date": {"vi": "Ngày", "en": "Date"},
    "col.issuer": {"vi": "Cơ quan ban hành", "en": "Issuer"},
    "col.title": {"vi": "Trích yếu", "en": "Title"},
    "col.type": {"vi": "Loại", "en": "Type"},
    "col.items": {"vi": "Mục", "en": "Items"},
    "col.file": {"vi": "Tệp", "en": "File"},
    "level.city": {"vi": "thành phố", "en": "city"},
    "level.district": {"vi": "quận, huyện", "en": "district"},
    "level.commune": {"vi": "xã, phường, thị trấn", "en": "commune"},
    "assigned.header": {
        "vi": "{agency}: {count} mục được giao ({lead} chủ trì, {coord} phối hợp) — {plan}",
        "en": "{agency}: {count} items assigned ({lead} lead, {coord} coordinate) — {plan}",
    },
    "assigned.legend": {
        "vi": "! quá hạn: {count} mục chưa hoàn thành đã qua hạn cuối (tính đến {today}).",
        "en": "! overdue: {count} unfinished items are past their last due date (as of {today}).",
    },
    "show.area": {"vi": "Lĩnh vực", "en": "Area"},
    "show.objective": {"vi": "Mục tiêu", "en": "Objective"},
    "show.task": {"vi": "Nhiệm vụ", "en": "Task"},
    "show.activity": {"vi": "Hoạt động", "en": "Activity"},
    "show.output": {"vi": "Kết quả/Sản phẩm", "en": "Output"},
    "show.lead": {"vi": "Chủ trì", "en": "Lead"},
    "show.coordinate": {"vi": "Phối hợp", "en": "Coordinate"},
    "show.timing": {"vi": "Thời gian", "en": "Timing"},
    "show.condition": {"vi": "Điều kiện", "en": "Condition"},
    "show.none": {"vi": "(không có)", "en": "(none)"},
    # -- TUI -------------------------------------------------------------------------------
    "key.help": {"vi": "Trợ giúp", "en": "Help"},
    "key.overview": {"vi": "Tổng quan", "en": "Overview"},
    "key.items": {"vi": "Nhiệm vụ", "en": "Items"},
    "key.evidence": {"vi": "TLKC", "en": "Evidence"},
    "key.walkthrough": {"vi": "Cập nhật kỳ", "en": "Period update"},
    "key.quit": {"vi": "Thoát", "en": "Quit"},
    "key.save": {"vi": "Lưu", "en": "Save"},
    "key.back": {"vi": "Quay lại", "en": "Back"},
    "key.cancel": {"vi": "Hủy", "en": "Cancel"},
    "key.open": {"vi": "Mở", "en": "Open"},
    "key.search": {"vi": "Tìm", "en": "Search"},
    "key.filter_area": {"vi": "Lĩnh vực", "en": "Area"},
    "key.filter_role": {"vi": "Vai trò", "en": "Role"},
    "key.filter_status": {"vi": "Trạng thái", "en": "Status"},
    "key.filter_overdue": {"vi": "Quá hạn", "en": "Overdue"},
    "key.filter_clear": {"vi": "Bỏ lọc", "en": "Clear filters"},
    "key.history": {"vi": "Lịch sử", "en": "History"},
    "key.new_evidence": {"vi": "Thêm TLKC", "en": "New evidence"},
    "key.link_evidence": {"vi": "Liên kết TLKC", "en": "Link evidence"},
    "key.unlink_evidence": {"vi": "Bỏ liên kết", "en": "Unlink"},
    "key.next": {"vi": "Mục sau", "en": "Next"},
    "key.previous": {"vi": "Mục trước", "en": "Previous"},
    "key.save_next": {"vi": "Lưu, sang mục sau", "en": "Save, next"},
    "key.finish": {"vi": "Kết thúc", "en": "Finish"},
    "key.edit": {"vi": "Sửa", "en": "Edit"},
    "key.choose": {"vi": "Chọn", "en": "Choose"},
    "key.create": {"vi": "Tạo CSDL", "en": "Create database"},
    "key.toggle": {"vi": "Chọn/bỏ", "en": "Toggle"},
    "ui.title": {"vi": "CCHC — theo dõi kế hoạch", "en": "CCHC — plan tracking"},
    "ui.first_run.title": {
        "vi": "Bắt đầu: chọn cơ quan của bạn",
        "en": "Getting started: choose your agency",
    },
    "ui.first_run.search": {
        "vi": "Gõ tên cơ quan (không cần dấu), ví dụ: binh thuy",
        "en": "Type the agency's name (accents optional), e.g. binh thuy",
    },
    "ui.first_run.officer": {"vi": "Họ tên cán bộ", "en": "Officer's full name"},
    "ui.first_run.chosen": {"vi": "Cơ quan: {agency}", "en": "Agency: {agency}"},
    "ui.first_run.none": {
        "vi": "Chưa chọn cơ quan: chọn một dòng trong bảng rồi nhấn Enter.",
        "en": "No agency chosen: pick a row in the table and press Enter.",
    },
    "ui.first_run.need_officer": {
        "vi": "Chưa nhập họ tên cán bộ.",
        "en": "The officer's name is missing.",
    },
    "ui.first_run.hint": {
        "vi": "Enter: chọn cơ quan · Tab: sang ô tiếp · F2 hoặc Ctrl+S: tạo cơ sở dữ liệu",
        "en": "Enter: choose the agency · Tab: next field · F2 or Ctrl+S: create the database",
    },
    "ui.first_run.created": {
        "vi": "Đã tạo cơ sở dữ liệu cho {agency}.",
        "en": "Database created for {agency}.",
    },
    "ui.overview.title": {"vi": "Tổng quan", "en": "Overview"},
    "ui.overview.agency": {
        "vi": "{agency} · cán bộ {officer} · {plan}",
        "en": "{agency} · officer {officer} · {plan}",
    },
    "ui.overview.period": {
        "vi": "Kỳ báo cáo: {period} (hạn gửi {due})",
        "en": "Reporting period: {period} (due {due})",
    },
    "ui.overview.deadline": {
        "vi": "Hạn gần nhất: {what} — {when}, còn {days} ngày",
        "en": "Next deadline: {what} — {when}, {days} days left",
    },
    "ui.overview.deadline_today": {
        "vi": "Hạn gần nhất: {what} — hôm nay ({when})",
        "en": "Next deadline: {what} — today ({when})",
    },
    "ui.overview.no_deadline": {
        "vi": "Không còn hạn nào trong năm kế hoạch.",
        "en": "No deadline left in the plan year.",
    },
    "ui.overview.counts": {
        "vi": "{total} mục được giao ({lead} chủ trì)",
        "en": "{total} assigned items ({lead} lead)",
    },
    "ui.overview.areas": {"vi": "Tiến độ theo lĩnh vực", "en": "Progress by area"},
    "ui.overview.overdue": {"vi": "Quá hạn ({count})", "en": "Overdue ({count})"},
    "ui.overview.no_evidence": {
        "vi": "Hoàn thành nhưng chưa có TLKC ({count})",
        "en": "Done without evidence ({count})",
    },
    "ui.overview.none": {"vi": "không có", "en": "none"},
    "ui.overview.start_walk": {
        "vi": "F6: cập nhật kỳ báo cáo ({count} mục cần cập nhật)",
        "en": "F6: period update ({count} items need an update)",
    },
    "ui.items.title": {"vi": "Nhiệm vụ được giao", "en": "Assigned items"},
    "ui.items.filters": {
        "vi": "Lọc: lĩnh vực {area} · vai trò {role} · trạng thái {status}{overdue}{search} — "
        "{shown}/{total} mục",
        "en": "Filter: area {area} · role {role} · status {status}{overdue}{search} — "
        "{shown}/{total} items",
    },
    "ui.items.all": {"vi": "tất cả", "en": "all"},
    "ui.items.only_overdue": {"vi": " · chỉ quá hạn", "en": " · overdue only"},
    "ui.items.only_commented": {
        "vi": " · có nhận xét của Sở Nội vụ",
        "en": " · commented by Sở Nội vụ",
    },
    "key.filter_commented": {"vi": "Có nhận xét", "en": "Commented"},
    "ui.items.searching": {"vi": " · tìm «{text}»", "en": " · search “{text}”"},
    "ui.items.search_placeholder": {
        "vi": "Tìm theo nội dung, số, mã (không cần dấu) — Esc để thôi",
        "en": "Search text, number or id (accents optional) — Esc to stop",
    },
    "ui.col.no": {"vi": "Số", "en": "No."},
    "ui.col.text": {"vi": "Nội dung", "en": "Text"},
    "ui.col.role": {"vi": "Vai trò", "en": "Role"},
    "ui.col.due": {"vi": "Hạn", "en": "Due"},
    "ui.col.status": {"vi": "Trạng thái", "en": "Status"},
    "ui.col.pct": {"vi": "%", "en": "%"},
    "ui.col.evidence": {"vi": "TLKC", "en": "Ev."},
    "ui.item.title": {"vi": "Mục {id}", "en": "Item {id}"},
    "ui.item.status": {"vi": "Trạng thái", "en": "Status"},
    "ui.item.progress": {"vi": "Tiến độ (%)", "en": "Progress (%)"},
    "ui.item.completed": {"vi": "Ngày hoàn thành (dd/mm/yyyy)", "en": "Completed on (dd/mm/yyyy)"},
    "ui.item.reason": {
        "vi": "Lý do không thực hiện được",
        "en": "Why it cannot be done",
    },
    "ui.item.note": {"vi": "Ghi chú", "en": "Note"},
    "ui.item.evidence": {"vi": "Tài liệu kiểm chứng ({count})", "en": "Evidence ({count})"},
    "ui.item.review_comment": {
        "vi": "Nhận xét của Sở Nội vụ ({by}): {text}",
        "en": "Sở Nội vụ's comment ({by}): {text}",
    },
    "ui.item.saved": {"vi": "Đã lưu {id}.", "en": "Saved {id}."},
    "ui.item.unchanged": {"vi": "Không có gì thay đổi.", "en": "Nothing changed."},
    "ui.item.invalid": {
        "vi": "Chưa lưu: hãy sửa các ô được đánh dấu.",
        "en": "Not saved: fix the marked fields.",
    },
    "ui.item.pct_invalid": {
        "vi": "Tiến độ là số nguyên từ 0 đến 100.",
        "en": "Progress is a whole number from 0 to 100.",
    },
    "ui.confirm.unsaved": {
        "vi": "Có thay đổi chưa lưu ở {id}. Lưu lại?",
        "en": "There are unsaved changes in {id}. Save them?",
    },
    "ui.confirm.save": {"vi": "Lưu", "en": "Save"},
    "ui.confirm.discard": {"vi": "Bỏ thay đổi", "en": "Discard"},
    "ui.confirm.stay": {"vi": "Ở lại", "en": "Stay"},
    "ui.history.title": {"vi": "Lịch sử của {id}", "en": "History of {id}"},
    "ui.history.empty": {"vi": "Chưa có thay đổi nào.", "en": "No changes yet."},
    "ui.walk.title": {
        "vi": "Cập nhật kỳ báo cáo: {period} — mục {n}/{total}",
        "en": "Period update: {period} — item {n}/{total}",
    },
    "ui.walk.group.overdue": {"vi": "Quá hạn", "en": "Overdue"},
    "ui.walk.group.due": {"vi": "Đến hạn trong kỳ", "en": "Due this period"},
    "ui.walk.group.ongoing": {"vi": "Thường xuyên", "en": "Ongoing"},
    "ui.walk.empty": {
        "vi": "Không có mục nào cần cập nhật trong kỳ này.",
        "en": "Nothing needs an update this period.",
    },
    "ui.walk.summary": {"vi": "Kết quả cập nhật kỳ {period}", "en": "Period {period}: summary"},
    "ui.walk.changed": {"vi": "Đã cập nhật ({count})", "en": "Updated ({count})"},
    "ui.walk.missing": {"vi": "Còn thiếu ({count})", "en": "Still missing ({count})"},
    "ui.walk.missing.status": {"vi": "chưa có trạng thái", "en": "no status"},
    "ui.walk.missing.evidence": {"vi": "hoàn thành nhưng chưa có TLKC", "en": "done, no evidence"},
    "ui.walk.missing.overdue": {"vi": "vẫn quá hạn", "en": "still overdue"},
    "ui.walk.skipped": {"vi": "bỏ qua", "en": "skipped"},
    "ui.evidence.title": {"vi": "Tài liệu kiểm chứng", "en": "Evidence documents"},
    "ui.evidence.form_new": {"vi": "Thêm tài liệu kiểm chứng", "en": "New evidence document"},
    "ui.evidence.form_edit": {"vi": "Sửa tài liệu kiểm chứng #{id}", "en": "Edit evidence #{id}"},
    "ui.evidence.number": {"vi": "Số, ký hiệu", "en": "Number"},
    "ui.evidence.date": {"vi": "Ngày ban hành", "en": "Date"},
    "ui.evidence.issuer": {"vi": "Cơ quan ban hành", "en": "Issuer"},
    "ui.evidence.title_field": {"vi": "Trích yếu", "en": "Title"},
    "ui.evidence.type": {"vi": "Loại văn bản", "en": "Document type"},
    "ui.evidence.file": {"vi": "Tệp (không bắt buộc)", "en": "File (optional)"},
    "ui.evidence.items": {"vi": "Liên kết với: {items}", "en": "Linked to: {items}"},
    "ui.evidence.copying": {
        "vi": "Đang sao chép và tính mã băm…",
        "en": "Copying and hashing…",
    },
    "ui.evidence.saved": {"vi": "Đã lưu TLKC #{id}.", "en": "Saved evidence #{id}."},
    "ui.evidence.file_kept": {
        "vi": "Tệp đã lưu: {name} ({size})",
        "en": "Stored file: {name} ({size})",
    },
    "ui.evidence.is_dir": {"vi": "Đây là thư mục, không phải tệp.", "en": "This is a folder."},
    "ui.evidence.pick_title": {
        "vi": "Chọn TLKC cho {id} (Space: chọn/bỏ, Enter: xong)",
        "en": "Choose evidence for {id} (Space: toggle, Enter: done)",
    },
    "ui.evidence.none": {
        "vi": "Chưa có tài liệu kiểm chứng. Nhấn n để thêm.",
        "en": "No evidence yet. Press n to add one.",
    },
    "ui.col.number": {"vi": "Số, ký hiệu", "en": "Number"},
    "ui.col.type": {"vi": "Loại", "en": "Type"},
    "ui.col.date": {"vi": "Ngày", "en": "Date"},
    "ui.col.issuer": {"vi": "Cơ quan BH", "en": "Issuer"},
    "ui.col.title": {"vi": "Trích yếu", "en": "Title"},
    "ui.col.file": {"vi": "Tệp", "en": "File"},
    "ui.col.items": {"vi": "Mục", "en": "Items"},
    "ui.help.title": {"vi": "Phím tắt — {screen}", "en": "Keys — {screen}"},
    "ui.help.close": {"vi": "Esc hoặc F1 để đóng", "en": "Esc or F1 to close"},
    "ui.db_error": {"vi": "Lỗi cơ sở dữ liệu: {detail}", "en": "Database error: {detail}"},
    "key.scoring": {"vi": "Chấm điểm", "en": "Scoring"},
    "ui.score.title": {"vi": "Chấm điểm", "en": "Scoring"},
    "ui.score.appraised_total": {
        "vi": "Sở Nội vụ thẩm định: {total} = {pct}% — {grade} · hồ sơ: {state}",
        "en": "Appraised by Sở Nội vụ: {total} = {pct}% — {grade} · bundle: {state}",
    },
    "ui.score.appraised_rounds": {
        "vi": "Sở Nội vụ thẩm định: {rounds}",
        "en": "Appraised by Sở Nội vụ: {rounds}",
    },
    "ui.review.col.appraisal_short": {"vi": "TĐ", "en": "Appr"},
    "ui.score.totals": {
        "vi": "Tổng {total}/{max} = {pct}% — {grade} · {state} · {warnings} cảnh báo · bộ {status}",
        "en": "Total {total}/{max} = {pct}% — {grade} · {state} · {warnings} warnings · "
        "set {status}",
    },
    "ui.score.open": {"vi": "chưa chốt", "en": "not finalised"},
    "ui.score.finalised": {"vi": "đã chốt {when}", "en": "finalised {when}"},
    "ui.score.points": {"vi": "Tự chấm", "en": "Self"},
    "ui.score.reason": {"vi": "Lý do", "en": "Reason"},
    "ui.score.note": {"vi": "Giải trình", "en": "Explanation"},
    "ui.score.suggestion": {"vi": "gợi ý", "en": "suggested"},
    "ui.score.pick": {
        "vi": "Chọn một tiêu chí thành phần (Enter để chấm).",
        "en": "Choose a sub-criterion (Enter to score it).",
    },
    "ui.score.pick_docs": {
        "vi": "TLKC cho {code} (Space: chọn/bỏ, Enter: xong)",
        "en": "Evidence for {code} (Space: toggle, Enter: done)",
    },
    "ui.score.key_finalise": {"vi": "Chốt/mở lại", "en": "Finalise/reopen"},
    "ui.score.key_suggestion": {"vi": "Theo gợi ý", "en": "Use suggestion"},
    "ui.score.key_reports": {"vi": "Ngày gửi BC", "en": "Report dates"},
    "ui.score.key_indicators": {"vi": "Chỉ tiêu", "en": "Indicators"},
    "ui.data.reports_title": {
        "vi": "Ngày gửi báo cáo định kỳ (để trống nếu chưa gửi) — F2 lưu, Esc thôi",
        "en": "Dates the periodic reports were sent (empty: not yet) — F2 saves, Esc cancels",
    },
    "ui.data.indicators_title": {
        "vi": "Giá trị chỉ tiêu (%) — nhập số, hoặc tử số/mẫu số (vd 380/1000); F2 lưu",
        "en": "Indicator values (%) — a number, or numerator/denominator (e.g. 380/1000); F2 saves",
    },
    "ui.data.value_hint": {"vi": "vd 420/1000", "en": "e.g. 420/1000"},
    "ui.score.col.code": {"vi": "Mã", "en": "Code"},
    "ui.score.col.title": {"vi": "Tiêu chí", "en": "Criterion"},
    "ui.score.col.max": {"vi": "Tối đa", "en": "Max"},
    "ui.score.col.suggested": {"vi": "Gợi ý", "en": "Sugg."},
    "ui.score.col.self": {"vi": "Tự chấm", "en": "Self"},
    "key.export": {"vi": "Xuất hồ sơ", "en": "Export"},
    "ui.export.title": {"vi": "Xuất hồ sơ gửi Sở Nội vụ", "en": "Export the bundle"},
    "ui.export.key": {"vi": "Xuất", "en": "Export"},
    "ui.export.period": {"vi": "Kỳ báo cáo", "en": "Period"},
    "ui.export.out": {"vi": "Thư mục (USB)", "en": "Folder (USB)"},
    "ui.export.passphrase": {"vi": "Mật khẩu ký", "en": "Passphrase"},
    "ui.export.ready": {"vi": "Sẵn sàng xuất hồ sơ.", "en": "Ready to export."},
    "ui.export.blocked": {
        "vi": "Còn lỗi phải sửa trước khi xuất (xem danh sách).",
        "en": "Errors must be fixed before exporting (see the list).",
    },
    "ui.export.speed": {"vi": "{mb} MB · {rate} MB/giây", "en": "{mb} MB · {rate} MB/s"},
    "ui.review.title": {"vi": "Thẩm định CCHC", "en": "CCHC review desk"},
    "review.cli_head": {
        "vi": "{plan} · {period} · hạn {due} · đã nhận {received}/{expected} · đúng hạn {rate}%",
        "en": "{plan} · {period} · due {due} · received {received}/{expected} · on time {rate}%",
    },
    "ui.review.stats_review": {
        "vi": "Thẩm định: chờ {da_nhan} · bổ sung {can_bo_sung} · duyệt {da_duyet} · "
        "không duyệt {khong_duyet} · xem: {rfilter}",
        "en": "Review: to do {da_nhan} · more needed {can_bo_sung} · approved {da_duyet} · "
        "rejected {khong_duyet} · showing: {rfilter}",
    },
    "ui.review.key_rfilter": {"vi": "Lọc thẩm định", "en": "Review filter"},
    "ui.review.stats": {
        "vi": "Đã nhận {received}/{expected} · đúng hạn {rate}% · hạn {due} · xếp: {sort} · "
        "lọc: {filter}",
        "en": "Received {received}/{expected} · on time {rate}% · due {due} · sort: {sort} · "
        "filter: {filter}",
    },
    "ui.review.col.rank": {"vi": "Hạng", "en": "Rank"},
    "ui.review.key_import": {"vi": "Nhận hồ sơ", "en": "Import"},
    "ui.review.import_title": {
        "vi": "Nhận hồ sơ từ một thư mục (USB) — F2 bắt đầu, Esc đóng",
        "en": "Import bundles from a folder (USB) — F2 starts, Esc closes",
    },
    "ui.review.import_none": {
        "vi": "Không có tệp .zip nào trong «{dir}».",
        "en": "No .zip file in “{dir}”.",
    },
    "ui.review.col.appraisal": {"vi": "Thẩm định", "en": "Appraised"},
    "ui.review.scores": {
        "vi": "Tự chấm và điểm thẩm định (p: nhập điểm thẩm định)",
        "en": "Self scores and appraisal (p: enter the appraisal)",
    },
    "ui.review.key_appraise": {"vi": "Chấm thẩm định", "en": "Appraise"},
    "ui.review.appraise_title": {
        "vi": "Điểm thẩm định cho {code} — Enter lưu, Esc thôi",
        "en": "Appraisal for {code} — Enter saves, Esc cancels",
    },
    "ui.review.col.points": {"vi": "Điểm", "en": "Points"},
    "ui.review.col.kind": {"vi": "Loại điểm", "en": "Kind"},
    "ui.review.col.grade": {"vi": "Xếp loại", "en": "Grade"},
    "ui.review.appraised": {"vi": "thẩm định", "en": "appraised"},
    "ui.review.self": {"vi": "tự chấm", "en": "self"},
    "ui.review.ranking": {"vi": "Xếp hạng", "en": "Ranking"},
    "ui.review.ranking_title": {"vi": "Xếp hạng — kỳ {period}", "en": "Ranking — period {period}"},
    "ui.review.key_ranking": {"vi": "Xếp hạng", "en": "Ranking"},
    "ui.review.key_activity": {"vi": "Theo hoạt động", "en": "By activity"},
    "ui.review.activity_label": {"vi": "Hoạt động", "en": "Activity"},
    "ui.review.col.full": {"vi": "Đủ", "en": "Full"},
    "ui.review.key_sort": {"vi": "Sắp xếp", "en": "Sort"},
    "ui.review.key_filter": {"vi": "Lọc", "en": "Filter"},
    "ui.review.key_state": {"vi": "Đổi trạng thái", "en": "Next state"},
    "ui.review.key_comment": {"vi": "Nhận xét", "en": "Comment"},
    "ui.review.late_days": {"vi": "trễ {days} ngày", "en": "{days} d late"},
    "ui.review.state.missing": {"vi": "chưa nộp", "en": "missing"},
    "ui.review.state.late": {"vi": "trễ hạn", "en": "late"},
    "ui.review.state.on_time": {"vi": "đúng hạn", "en": "on time"},
    "ui.review.sort.code": {"vi": "mã", "en": "code"},
    "ui.review.sort.state": {"vi": "tình trạng", "en": "state"},
    "ui.review.sort.completeness": {"vi": "mức đầy đủ", "en": "completeness"},
    "ui.review.sort.total": {"vi": "điểm", "en": "points"},
    "ui.review.filter.all": {"vi": "tất cả", "en": "all"},
    "ui.review.filter.missing": {"vi": "chưa nộp", "en": "missing"},
    "ui.review.filter.late": {"vi": "trễ hạn", "en": "late"},
    "ui.review.filter.on_time": {"vi": "đúng hạn", "en": "on time"},
    "ui.review.bundle": {
        "vi": "Hồ sơ {id}… ({count} lần nộp) · ký {signed} · nhận {received}",
        "en": "Bundle {id}… ({count} submissions) · signed {signed} · received {received}",
    },
    "ui.review.current_state": {"vi": "Trạng thái: {state}", "en": "State: {state}"},
    "ui.review.rstate.da_nhan": {"vi": "đã nhận", "en": "received"},
    "ui.review.rstate.can_bo_sung": {"vi": "cần bổ sung", "en": "needs more"},
    "ui.review.rstate.da_duyet": {"vi": "đã duyệt", "en": "approved"},
    "ui.review.rstate.khong_duyet": {"vi": "không duyệt", "en": "rejected"},
    "ui.review.comment_title": {
        "vi": "Nhận xét (không sửa được sau khi lưu) — F2 lưu, Esc thôi",
        "en": "Comment (cannot be edited once saved) — F2 saves, Esc cancels",
    },
    "ui.review.comment_final": {
        "vi": "Nhận xét đã lưu không sửa được; muốn đính chính thì viết nhận xét mới.",
        "en": "A saved comment cannot be edited; write a new one to correct it.",
    },
    "ui.review.self_was": {"vi": "Đơn vị tự chấm: {points}", "en": "Self score: {points}"},
    "ui.review.round": {"vi": "Vòng", "en": "Round"},
    "ui.review.key_roles": {"vi": "Chủ trì/phối hợp", "en": "Lead/coordinating"},
    "ui.review.activity_placeholder": {
        "vi": "số, mã hoặc nội dung (không cần dấu)",
        "en": "number, id or text (accents optional)",
    },
    "ui.review.activity_summary": {
        "vi": "{items} mục · {roles} · {done}/{units} lượt đơn vị báo hoàn thành",
        "en": "{items} items · {roles} · {done}/{units} unit reports say done",
    },
    "ui.review.roles.lead": {"vi": "đơn vị chủ trì", "en": "lead units"},
    "ui.review.roles.both": {
        "vi": "chủ trì và phối hợp",
        "en": "lead and coordinating units",
    },
    "ui.review.act.hoan_thanh": {"vi": "Xong", "en": "Done"},
    "ui.review.act.dang_thuc_hien": {"vi": "Đang", "en": "Prog"},
    "ui.review.act.chua_thuc_hien": {"vi": "Chưa", "en": "Todo"},
    "ui.review.act.khong_thuc_hien_duoc": {"vi": "KĐ", "en": "Cant"},
    "ui.review.act.no_status": {"vi": "?", "en": "?"},
    "ui.review.act.missing": {"vi": "CN", "en": "Miss"},
    "ui.review.act_long.hoan_thanh": {"vi": "hoàn thành", "en": "done"},
    "ui.review.act_long.dang_thuc_hien": {"vi": "đang thực hiện", "en": "in progress"},
    "ui.review.act_long.chua_thuc_hien": {"vi": "chưa thực hiện", "en": "not started"},
    "ui.review.act_long.khong_thuc_hien_duoc": {
        "vi": "không thực hiện được",
        "en": "cannot be done",
    },
    "ui.review.act_long.no_status": {"vi": "chưa báo trạng thái", "en": "no status given"},
    "ui.review.act_long.missing": {"vi": "chưa nộp hồ sơ", "en": "nothing sent"},
    "ui.review.history_line": {
        "vi": "  lần {n}: {id}… ký {signed} · nhận {received} · {state}{latest}",
        "en": "  #{n}: {id}… signed {signed} · received {received} · {state}{latest}",
    },
    "ui.review.history_latest": {"vi": " ← đang xét", "en": " ← under review"},
    "ui.receipt.key": {"vi": "Nhận phiếu thẩm định", "en": "Import review receipt"},
    "ui.receipt.title": {
        "vi": "Nhận phiếu thẩm định của Sở Nội vụ — F2 nhận, Esc đóng",
        "en": "Import Sở Nội vụ's review receipt — F2 imports, Esc closes",
    },
    "ui.receipt.file": {"vi": "Tệp phiếu", "en": "Receipt file"},
    "ui.review.col.why": {"vi": "Cách tính gợi ý", "en": "How it was suggested"},
    "ui.review.score_note": {"vi": "giải trình: {note}", "en": "explanation: {note}"},
    "ui.review.item_done": {"vi": "xong {date}", "en": "done {date}"},
    "ui.review.item_docs": {"vi": "TLKC: {docs}", "en": "evidence: {docs}"},
    "ui.overview.review": {
        "vi": "Phiếu thẩm định của {signer} (kỳ {period}): {state} · {comments} nhận xét "
        "({items} về mục — F4 rồi n, {criteria} về tiêu chí — F7)",
        "en": "Review receipt from {signer} (period {period}): {state} · {comments} comments "
        "({items} on items — F4 then n, {criteria} on criteria — F7)",
    },
    "ui.review.out_file": {"vi": "Ghi vào tệp", "en": "Write to"},
    "ui.review.round_hint": {
        "vi": "Vòng 1: thẩm định lần đầu; vòng 2: sau khi đơn vị giải trình, bổ sung.",
        "en": "Round 1: first appraisal; round 2: after the agency's explanation.",
    },
    "ui.review.col.round1": {"vi": "TĐ1", "en": "Ap.1"},
    "ui.review.col.round2": {"vi": "TĐ2", "en": "Ap.2"},
    "ui.review.evidence": {
        "vi": "Tài liệu kiểm chứng (tệp lưu tại máy thẩm định, kiểm lại mã băm)",
        "en": "Evidence (files stored here, hashes checked again)",
    },
    "ui.review.col.hash": {"vi": "Mã băm", "en": "Hash"},
    "ui.review.hash.checking": {"vi": "đang kiểm…", "en": "checking…"},
    "ui.review.hash.none": {"vi": "không kèm tệp", "en": "no file"},
    "ui.review.hash.ok": {"vi": "✓ khớp", "en": "✓ matches"},
    "ui.review.hash.mismatch": {"vi": "✗ SAI LỆCH", "en": "✗ MISMATCH"},
    "ui.review.hash.missing": {"vi": "✗ MẤT TỆP", "en": "✗ FILE GONE"},
    "ui.review.totals_self": {
        "vi": "Tự chấm: {total} ({grade})",
        "en": "Self: {total} ({grade})",
    },
    "ui.review.totals_appraised": {
        "vi": "Thẩm định: {total} = {percent}% ({grade}), đã chấm {done}/{count} mục",
        "en": "Appraised: {total} = {percent}% ({grade}), {done}/{count} rows appraised",
    },
    "ui.review.key_receipt": {"vi": "Ký phiếu", "en": "Sign receipt"},
    "ui.review.receipt_title": {
        "vi": "Ký phiếu thẩm định gửi {agency} (trạng thái, điểm thẩm định, nhận xét)",
        "en": "Sign the review receipt for {agency} (state, appraisal, comments)",
    },
    "ui.review.key_ranking_export": {"vi": "Xuất tệp", "en": "Export"},
    "ui.review.ranking_export_title": {
        "vi": "Xuất bảng xếp hạng",
        "en": "Export the ranking",
    },
    "ui.review.ranking_export_hint": {
        "vi": ".xlsx: bảng tổng hợp và một trang cho mỗi lĩnh vực; .csv: bảng tổng hợp.",
        "en": ".xlsx: the summary and one sheet per area; .csv: the summary.",
    },
    "ui.review.ranking_written": {"vi": "Đã ghi {path}", "en": "Written: {path}"},
    "ranking.bad_suffix": {
        "vi": "Tệp «{path}» phải có đuôi .xlsx hoặc .csv.",
        "en": "File “{path}” must end in .xlsx or .csv.",
    },
    "ranking.write_failed": {
        "vi": "Không ghi được «{path}»: {detail}. Không có tệp nào bị ghi dở.",
        "en": "Could not write “{path}”: {detail}. Nothing was half-written.",
    },
    "ui.review.target": {"vi": "Về", "en": "About"},
    "ui.review.text": {"vi": "Nội dung", "en": "Text"},
    "ui.cmd.theme": {"vi": "Giao diện 16 màu / nhiều màu", "en": "16-colour / full-colour theme"},
    "ui.cmd.language": {
        "vi": 'Ngôn ngữ: đặt lang = "en" trong tệp cấu hình',
        "en": 'Language: set lang = "vi" in the config file',
    },
    "config.bad": {
        "vi": "Tệp cấu hình «{path}» không hợp lệ: {detail}",
        "en": "Config file “{path}” is not valid: {detail}",
    },
    "audit.progress.set": {"vi": "cập nhật tiến độ", "en": "progress updated"},
    "audit.evidence.link": {"vi": "liên kết TLKC", "en": "evidence linked"},
    "audit.evidence.unlink": {"vi": "bỏ liên kết TLKC", "en": "evidence unlinked"},
    "audit.field.status": {"vi": "trạng thái", "en": "status"},
    "audit.field.progress_pct": {"vi": "tiến độ", "en": "progress"},
    "audit.field.note": {"vi": "ghi chú", "en": "note"},
    "audit.field.reason": {"vi": "lý do", "en": "reason"},
    "audit.field.completed_on": {"vi": "ngày hoàn thành", "en": "completed on"},
    "audit.field.evidence": {"vi": "TLKC", "en": "evidence"},
    "criteria.invalid": {
        "vi": "Bộ tiêu chí «{name}» có lỗi:\n{problems}",
        "en": "Criteria set “{name}” has problems:\n{problems}",
    },
    "score.survey": {
        "vi": "điều tra xã hội học: Sở Nội vụ chấm",
        "en": "sociological survey: scored by Sở Nội vụ",
    },
    "score.manual": {"vi": "chấm tay", "en": "scored by hand"},
    "score.points": {"vi": "điểm", "en": "points"},
    "score.role.lead": {"vi": "mục chủ trì", "en": "lead items"},
    "score.role.all": {"vi": "mục được giao", "en": "assigned items"},
    "score.no_items": {"vi": "không có {role} nào", "en": "no {role}"},
    "score.completion": {
        "vi": "{done}/{total} {role} hoàn thành đến {at} = {pct}%",
        "en": "{done} of {total} {role} done by {at} = {pct}%",
    },
    "score.no_band": {"vi": "không thuộc khoảng nào", "en": "in no band"},
    "score.no_indicator": {"vi": "kế hoạch không có chỉ tiêu «{id}»", "en": "no indicator “{id}”"},
    "score.indicator_missing": {
        "vi": "chưa nhập giá trị «{name}»",
        "en": "no value entered for “{name}”",
    },
    "score.indicator": {
        "vi": "{name}: {value} so với chỉ tiêu {target} = đạt {pct}%",
        "en": "{name}: {value} against target {target} = {pct}% attained",
    },
    "score.doc_missing": {
        "vi": "chưa có văn bản loại {type} (hạn {deadline})",
        "en": "no {type} document (due {deadline})",
    },
    "score.doc_on_time": {
        "vi": "{number} ngày {date} ≤ hạn {deadline}",
        "en": "{number} of {date} ≤ due {deadline}",
    },
    "score.doc_late": {
        "vi": "{number} ngày {date} > hạn {deadline}",
        "en": "{number} of {date} > due {deadline}",
    },
    "score.reports": {
        "vi": "{on_time}/{total} báo cáo đúng hạn ({sent} đã gửi)",
        "en": "{on_time} of {total} reports on time ({sent} sent)",
    },
    "score.state.on_time": {"vi": "đúng hạn", "en": "on time"},
    "score.state.late": {"vi": "trễ hạn", "en": "late"},
    "score.state.missing": {"vi": "không có", "en": "missing"},
    "score.warn.no_evidence": {
        "vi": "có điểm nhưng chưa có TLKC hoặc giải trình",
        "en": "points without evidence or explanation",
    },
    "score.warn.no_reason": {
        "vi": "điểm khác gợi ý nhưng chưa nêu lý do",
        "en": "differs from the suggestion without a reason",
    },
    "criteria.unknown": {
        "vi": "Không có bộ tiêu chí «{id}». Có: {choices}.",
        "en": "No criteria set “{id}”. Available: {choices}.",
    },
    "criteria.conflict": {
        "vi": "Bộ tiêu chí «{id}» đã có với nội dung khác.",
        "en": "Criteria set “{id}” is already held with different content.",
    },
    "criteria.imported": {
        "vi": "Đã thêm bộ tiêu chí {id} ({status}): {title}",
        "en": "Added criteria set {id} ({status}): {title}",
    },
    "criteria.template_warning": {
        "vi": "Lưu ý: đang dùng bộ tiêu chí MẪU «{id}», chưa phải bộ chính thức.",
        "en": "Note: using the TEMPLATE criteria set “{id}”, not the official one.",
    },
    "score.unknown_code": {
        "vi": "Bộ tiêu chí {set} không có tiêu chí thành phần «{code}».",
        "en": "Criteria set {set} has no sub-criterion “{code}”.",
    },
    "score.survey_not_self": {
        "vi": "«{code}» do Sở Nội vụ chấm qua điều tra xã hội học, không tự chấm.",
        "en": "“{code}” is scored by Sở Nội vụ through the survey, not self-scored.",
    },
    "score.out_of_range": {
        "vi": "Điểm {points} của «{code}» phải trong [0, {max}] và là bội của {step}.",
        "en": "Points {points} for “{code}” must be in [0, {max}] and a multiple of {step}.",
    },
    "score.not_allowed": {
        "vi": "Cách chấm của «{code}» chỉ cho các mức: {allowed} (đã nhập {points}).",
        "en": "The rule of “{code}” only gives: {allowed} (got {points}).",
    },
    "score.bad_points": {
        "vi": "Điểm «{value}» không phải là số (ví dụ: 0,5 hoặc 1.25).",
        "en": "Points “{value}” is not a number (e.g. 0.5 or 1.25).",
    },
    "score.finalised": {
        "vi": "Bảng tự chấm đã chốt điểm ngày {when}; hãy mở lại (cchc score reopen) để sửa.",
        "en": "The self-assessment was finalised on {when}; reopen it (cchc score reopen).",
    },
    "score.cannot_finalise": {
        "vi": "Chưa chốt được: {count} tiêu chí có điểm nhưng thiếu TLKC/giải trình hoặc lý do: "
        "{codes}.",
        "en": "Cannot finalise: {count} sub-criteria lack evidence/explanation or a reason: "
        "{codes}.",
    },
    "score.saved": {"vi": "Đã lưu điểm «{code}».", "en": "Saved the score of “{code}”."},
    "score.done_finalise": {"vi": "Đã chốt điểm.", "en": "Finalised."},
    "score.done_reopen": {"vi": "Đã mở lại bảng tự chấm.", "en": "Reopened."},
    "report.bad_period": {
        "vi": "Kỳ «{value}» không có; dùng: {choices}.",
        "en": "No period “{value}”; use: {choices}.",
    },
    "report.saved": {
        "vi": "Đã ghi ngày gửi {period}: {date}.",
        "en": "Recorded the date {period} was sent: {date}.",
    },
    "indicator.unknown": {
        "vi": "Kế hoạch không có chỉ tiêu «{id}». Có: {choices}.",
        "en": "The plan has no indicator “{id}”. Available: {choices}.",
    },
    "indicator.bad_value": {
        "vi": "Giá trị chỉ tiêu phải là số không âm (đã nhập «{value}»).",
        "en": "An indicator's value must be a number ≥ 0 (got “{value}”).",
    },
    "indicator.zero_denominator": {"vi": "Mẫu số bằng 0.", "en": "The denominator is 0."},
    "indicator.saved": {
        "vi": "Đã ghi {name}: {value} (chỉ tiêu {target}).",
        "en": "Recorded {name}: {value} (target {target}).",
    },
    "pki.weak_passphrase": {
        "vi": "Mật khẩu phải có ít nhất 12 ký tự.",
        "en": "The passphrase needs at least 12 characters.",
    },
    "pki.ca_exists": {
        "vi": "Thư mục «{dir}» đã có CA; không ghi đè.",
        "en": "“{dir}” already holds a CA; not overwritten.",
    },
    "pki.no_ca": {"vi": "Không có CA trong «{dir}».", "en": "No CA in “{dir}”."},
    "pki.bad_passphrase": {
        "vi": "Sai mật khẩu (hoặc tệp khóa hỏng).",
        "en": "Wrong passphrase (or a damaged key file).",
    },
    "pki.bad_serial": {
        "vi": "Số sê-ri «{serial}» không hợp lệ (dạng hex).",
        "en": "Serial “{serial}” is not valid (hex).",
    },
    "pki.unknown_serial": {
        "vi": "CA này chưa cấp chứng thư số sê-ri {serial}.",
        "en": "This CA issued no certificate with serial {serial}.",
    },
    "pki.no_key": {
        "vi": "Không đọc được khóa và chứng thư trong «{path}».",
        "en": "No key and certificate could be read from “{path}”.",
    },
    "bundle.bad_signature_file": {
        "vi": "Tệp chữ ký không đọc được hoặc không phải chữ ký CMS hợp lệ.",
        "en": "The signature file cannot be read or is not a valid CMS signature.",
    },
    "bundle.signature_mismatch": {
        "vi": "Chữ ký không khớp với nội dung: hồ sơ đã bị sửa sau khi ký.",
        "en": "The signature does not match the content: the bundle was changed after signing.",
    },
    "bundle.file_unreadable": {
        "vi": "Không đọc được tệp TLKC «{path}»: {detail}. Chưa xuất hồ sơ.",
        "en": "Cannot read evidence file “{path}”: {detail}. Nothing exported.",
    },
    "bundle.file_changed": {
        "vi": "Tệp TLKC «{path}» đã bị thay đổi từ khi được ghi nhận. Chưa xuất hồ sơ.",
        "en": "Evidence file “{path}” changed since it was recorded. Nothing exported.",
    },
    "verify.missing": {"vi": "Không có tệp «{path}».", "en": "No file “{path}”."},
    "verify.not_zip": {
        "vi": "«{path}» không phải tệp zip đọc được (hỏng hoặc bị cắt cụt): {detail}",
        "en": "“{path}” is not a readable zip (damaged or truncated): {detail}",
    },
    "verify.damaged": {
        "vi": "Hồ sơ bị hỏng hoặc bị sửa (đọc nội dung thất bại): {detail}",
        "en": "The bundle is damaged or was changed (reading failed): {detail}",
    },
    "verify.too_many": {
        "vi": "Hồ sơ có {count} mục, vượt giới hạn {limit}.",
        "en": "The bundle has {count} entries, over the limit of {limit}.",
    },
    "verify.unsafe_name": {
        "vi": "Tên mục không an toàn trong hồ sơ: «{name}».",
        "en": "Unsafe entry name in the bundle: “{name}”.",
    },
    "verify.duplicate": {"vi": "Tên mục bị trùng: «{name}».", "en": "Duplicate entry: “{name}”."},
    "verify.not_regular": {
        "vi": "Mục «{name}» không phải tệp thường (thư mục hoặc liên kết).",
        "en": "Entry “{name}” is not a regular file (a folder or a link).",
    },
    "verify.ratio": {
        "vi": "Mục «{name}» nén bất thường (có thể là bom nén).",
        "en": "Entry “{name}” is compressed suspiciously (a possible zip bomb).",
    },
    "verify.too_large": {
        "vi": "Hồ sơ giải nén vượt {limit} MB.",
        "en": "The bundle unpacks to more than {limit} MB.",
    },
    "verify.too_long": {
        "vi": "Mục «{name}» dài hơn kích thước khai báo.",
        "en": "Entry “{name}” is longer than it declares.",
    },
    "verify.too_big": {"vi": "Tệp thẻ «{name}» quá lớn.", "en": "Tag file “{name}” is too big."},
    "verify.roots": {
        "vi": "Hồ sơ phải có đúng một thư mục gốc (có {count}).",
        "en": "The bundle must have exactly one root folder (it has {count}).",
    },
    "verify.missing_file": {
        "vi": "Hồ sơ thiếu tệp «{name}».",
        "en": "The bundle lacks “{name}”.",
    },
    "verify.bad_bagit": {
        "vi": "bagit.txt không đúng BagIt 1.0.",
        "en": "bagit.txt is not BagIt 1.0.",
    },
    "verify.bad_manifest_line": {
        "vi": "{file}, dòng {line}: không đúng dạng «mã-băm  đường-dẫn».",
        "en": "{file}, line {line}: not “hash  path”.",
    },
    "verify.bad_tag_entry": {
        "vi": "tagmanifest liệt kê «{name}», không phải tệp thẻ có trong hồ sơ.",
        "en": "The tag manifest lists “{name}”, not a tag file of the bundle.",
    },
    "verify.changed": {
        "vi": "Tệp «{name}» đã bị sửa: mã băm không khớp.",
        "en": "File “{name}” was changed: its hash does not match.",
    },
    "verify.unlisted": {
        "vi": "Tệp «{name}» có trong hồ sơ mà không có trong danh mục (hoặc ngược lại).",
        "en": "File “{name}” is in the bundle but not in the manifest (or the reverse).",
    },
    "verify.oxum": {
        "vi": "Payload-Oxum không khớp với dữ liệu.",
        "en": "Payload-Oxum does not match the payload.",
    },
    "verify.no_ca": {
        "vi": "Chưa có chứng thư CA (--ca) để kiểm tra người ký.",
        "en": "No CA certificate (--ca) to check the signer against.",
    },
    "verify.bad_ca": {"vi": "Tệp CA không đọc được.", "en": "The CA file cannot be read."},
    "verify.bad_crl": {
        "vi": "Danh sách thu hồi (CRL) không đọc được hoặc không do CA này ký.",
        "en": "The CRL cannot be read or was not signed by this CA.",
    },
    "verify.bad_chain": {
        "vi": "Chứng thư người ký không do CA tin cậy cấp (nơi cấp: {issuer}).",
        "en": "The signer's certificate was not issued by the trusted CA (issuer: {issuer}).",
    },
    "verify.bad_validity": {
        "vi": "Chứng thư người ký không còn hiệu lực hôm nay (hiệu lực {since} – {until}).",
        "en": "The signer's certificate is not valid today (valid {since} – {until}).",
    },
    "verify.revoked": {
        "vi": "Chứng thư người ký đã bị thu hồi ngày {when}.",
        "en": "The signer's certificate was revoked on {when}.",
    },
    "verify.other_agency": {
        "vi": "Chứng thư của cơ quan {cert} nhưng hồ sơ của cơ quan {bag}.",
        "en": "The certificate is agency {cert}'s but the bundle is agency {bag}'s.",
    },
    "verify.ok_archive": {"vi": "an toàn, {count} mục", "en": "safe, {count} entries"},
    "verify.ok_tags": {"vi": "{count} tệp thẻ khớp", "en": "{count} tag files match"},
    "verify.ok_signature": {"vi": "hợp lệ, người ký {officer}", "en": "valid, signed by {officer}"},
    "verify.ok_payload": {"vi": "{count} tệp khớp", "en": "{count} files match"},
    "verify.ok_chain": {"vi": "do CA tin cậy cấp", "en": "issued by the trusted CA"},
    "verify.ok_validity": {"vi": "còn hiệu lực đến {until}", "en": "valid until {until}"},
    "verify.ok_revocation": {"vi": "chưa bị thu hồi", "en": "not revoked"},
    "verify.ok_agency": {"vi": "đúng cơ quan {agency}", "en": "the right agency, {agency}"},
    "export.no_status": {
        "vi": "{count} mục được giao chưa có trạng thái: {items}.",
        "en": "{count} assigned items have no status: {items}.",
    },
    "export.file_missing": {
        "vi": "Thiếu tệp của TLKC {number}: «{path}».",
        "en": "The file of evidence {number} is missing: “{path}”.",
    },
    "export.file_changed": {
        "vi": "Tệp của TLKC {number} đã thay đổi từ khi được ghi nhận: «{path}».",
        "en": "The file of evidence {number} changed since it was recorded: “{path}”.",
    },
    "export.scores_blocking": {
        "vi": "Điểm tự chấm thiếu TLKC/giải trình hoặc lý do: {codes}.",
        "en": "Self scores lack evidence/explanation or a reason: {codes}.",
    },
    "export.overdue": {"vi": "{count} mục quá hạn.", "en": "{count} items overdue."},
    "export.done_no_evidence": {
        "vi": "{count} mục hoàn thành chưa có TLKC.",
        "en": "{count} done items have no evidence.",
    },
    "export.blocked": {
        "vi": "Chưa xuất được hồ sơ, cần sửa:\n{problems}",
        "en": "The bundle cannot be exported yet; fix:\n{problems}",
    },
    "export.no_out_dir": {
        "vi": "Không có thư mục «{path}» (ổ USB đã cắm chưa?).",
        "en": "No folder “{path}” (is the USB stick plugged in?).",
    },
    "export.done": {
        "vi": "Đã xuất hồ sơ: {path}\nSHA-256: {sha}\nMã ngắn để đọc qua điện thoại: {short}",
        "en": "Bundle exported: {path}\nSHA-256: {sha}\nShort code to read over the phone: {short}",
    },
    "key.missing": {
        "vi": "Chưa có chứng thư ký số; hãy chạy: cchc key import TỆP.p12",
        "en": "No signing certificate yet; run: cchc key import FILE.p12",
    },
    "key.other_agency": {
        "vi": "Chứng thư của cơ quan {cert}, không phải của {agency}.",
        "en": "The certificate belongs to agency {cert}, not {agency}.",
    },
    "key.imported": {
        "vi": "Đã nhập chứng thư của {officer} ({agency}), vân tay {fingerprint}.",
        "en": "Imported the certificate of {officer} ({agency}), fingerprint {fingerprint}.",
    },
    "passphrase.none": {
        "vi": "Cần mật khẩu: dùng --passphrase-file, biến CCHC_PASSPHRASE, hoặc chạy trong "
        "terminal.",
        "en": "A passphrase is needed: --passphrase-file, CCHC_PASSPHRASE, or run in a terminal.",
    },
    "passphrase.prompt": {"vi": "Mật khẩu {what}: ", "en": "Passphrase for {what}: "},
    "import.refused": {
        "vi": "Không nhận «{path}»: {reasons}",
        "en": "Refused “{path}”: {reasons}",
    },
    "import.stale": {
        "vi": "Không nhận «{path}»: hồ sơ ghi thay thế «{named}» nhưng bản mới nhất đã nhận là "
        "«{latest}».",
        "en": "Refused “{path}”: it replaces “{named}” but the latest received is “{latest}”.",
    },
    "import.stale_sha": {
        "vi": "Không nhận «{path}»: mã băm của bản được thay thế không khớp.",
        "en": "Refused “{path}”: the SHA-256 of the bundle it replaces does not match.",
    },
    "import.exists": {
        "vi": "Thư mục «{path}» đã có; không ghi đè.",
        "en": "“{path}” already exists; not overwritten.",
    },
    "import.unlisted": {
        "vi": "Tệp «{name}» không có trong danh mục của túi hồ sơ.",
        "en": "File “{name}” is not listed by the bag.",
    },
    "import.outside": {
        "vi": "Tệp «{name}» sẽ nằm ngoài thư mục nhận.",
        "en": "File “{name}” would land outside the receiving folder.",
    },
    "import.too_long": {
        "vi": "Tệp «{name}» dài hơn kích thước khai báo.",
        "en": "File “{name}” is longer than declared.",
    },
    "import.changed": {
        "vi": "Tệp «{name}» thay đổi trong lúc nhận.",
        "en": "File “{name}” changed while being received.",
    },
    "import.done": {
        "vi": "Đã nhận {path}: {agency} · {period} · ký bởi {signer} lúc {signed} · nhận lúc "
        "{received}",
        "en": "Received {path}: {agency} · {period} · signed by {signer} at {signed} · received "
        "at {received}",
    },
    "import.already": {
        "vi": "Đã nhận {path} trước đó; không thay đổi gì.",
        "en": "{path} was received before; nothing changed.",
    },
    "receipt.no_file": {
        "vi": "Cần đường dẫn tệp phiếu thẩm định: cchc receipt import TỆP.",
        "en": "Give the receipt file: cchc receipt import FILE.",
    },
    "import.summary": {
        "vi": "Tổng cộng: nhận mới {new}, đã có trước {already}, từ chối {refused}.",
        "en": "In all: {new} new, {already} already here, {refused} refused.",
    },
    "import.bad_ca": {
        "vi": "«{path}» không phải chứng thư số dạng PEM (tệp ca.pem của Sở Nội vụ).",
        "en": "“{path}” is not a PEM certificate (Sở Nội vụ's ca.pem).",
    },
    "import.bad_crl": {
        "vi": "«{path}» không phải danh sách thu hồi dạng PEM (crl.pem).",
        "en": "“{path}” is not a PEM revocation list (crl.pem).",
    },
    "ui.review.import_ca": {"vi": "CA tin cậy", "en": "Trusted CA"},
    "import.no_ca": {
        "vi": "Chưa có CA tin cậy: dùng --ca (được ghi nhớ cho các lần sau).",
        "en": "No trusted CA: use --ca (remembered for next time).",
    },
    "review.no_bundle": {
        "vi": "Chưa nhận hồ sơ nào của {agency} cho kỳ {period}.",
        "en": "No bundle received from {agency} for period {period}.",
    },
    "review.bad_round": {
        "vi": "Vòng thẩm định «{value}» không có; dùng 1 hoặc 2 (sau giải trình).",
        "en": "No appraisal round “{value}”; use 1 or 2 (after the explanation).",
    },
    "review.no_scores": {
        "vi": "Hồ sơ này không có bảng tự chấm điểm để thẩm định.",
        "en": "This bundle has no self-assessment to appraise.",
    },
    "review.bad_state": {
        "vi": "Trạng thái «{value}» không có; dùng: {choices}.",
        "en": "No state “{value}”; use: {choices}.",
    },
    "review.empty_comment": {"vi": "Nhận xét trống.", "en": "The comment is empty."},
    "review.bad_target": {
        "vi": "Đích nhận xét «{value}» không hợp lệ: general, item:MÃ hoặc criterion:MÃ.",
        "en": "Comment target “{value}” is not valid: general, item:ID or criterion:CODE.",
    },
    "review.appraised": {
        "vi": "Đã ghi điểm thẩm định {code} (vòng {round}): {points}. Tổng thẩm định của "
        "{agency}: {total} = {percent}% ({grade}).",
        "en": "Appraisal of {code} (round {round}) saved: {points}. {agency}'s appraised "
        "total: {total} = {percent}% ({grade}).",
    },
    "review.saved": {"vi": "Đã ghi.", "en": "Saved."},
    # issue 12: receipts dated ahead
    "receipt.future": {
        "vi": "Phiếu thẩm định ghi ngày ký {at}, muộn hơn hôm nay: đồng hồ máy ký sai, "
        "phiếu không được nhận.",
        "en": "The receipt says it was signed at {at}, after today: the signing machine's clock "
        "is wrong; the receipt is not accepted.",
    },
    "receipt.bad_form": {
        "vi": "Tệp không phải phiếu thẩm định hợp lệ.",
        "en": "The file is not a valid review receipt.",
    },
    "receipt.untrusted": {
        "vi": "Phiếu thẩm định không do CA tin cậy cấp chứng thư, hoặc chứng thư hết hiệu lực.",
        "en": "The receipt's certificate is not from the trusted CA, or is not valid now.",
    },
    "receipt.other_agency": {
        "vi": "Phiếu thẩm định này dành cho cơ quan {agency}.",
        "en": "This receipt is for agency {agency}.",
    },
    "receipt.unknown_bundle": {
        "vi": "Phiếu thẩm định nói về hồ sơ {bundle}, không phải hồ sơ cơ quan đã gửi.",
        "en": "The receipt is about bundle {bundle}, not one this agency sent.",
    },
    "receipt.imported": {
        "vi": "Đã nhận phiếu thẩm định: {state}, {comments} nhận xét, ký bởi {signer}.",
        "en": "Receipt imported: {state}, {comments} comments, signed by {signer}.",
    },
    "receipt.already": {"vi": "Phiếu này đã nhận trước đó.", "en": "Already imported."},
    "receipt.written": {"vi": "Đã ký phiếu thẩm định: {path}", "en": "Receipt signed: {path}"},
    "demo.created": {
        "vi": "Cơ sở dữ liệu thử: «{path}» ({agency}).",
        "en": "Demo database: “{path}” ({agency}).",
    },
    "ui.paste_first_line": {
        "vi": "Ô này chỉ nhận một dòng: đã dán dòng đầu (văn bản dán có {count} dòng).",
        "en": "This field takes one line: the first line was pasted (the text had {count}).",
    },
    # -- issue 10: trust (certificates, CRLs, receipts) -------------------------------------
    "trust.role.officer": {"vi": "cán bộ (ký hồ sơ)", "en": "officer (signs bundles)"},
    "trust.role.reviewer": {
        "vi": "thẩm định (ký phiếu thẩm định)",
        "en": "reviewer (signs review receipts)",
    },
    "trust.role.none": {"vi": "không có dấu vai trò", "en": "no role mark"},
    "trust.no_role_mark": {
        "vi": "Chứng thư ký không có dấu vai trò {role} (chứng thư cấp trước khi có vai trò, "
        "hoặc không do cchc pki cấp): cần cấp lại.",
        "en": "The signing certificate carries no {role} role mark (issued before roles "
        "existed, or not by cchc pki): it must be issued again.",
    },
    "trust.leaf_is_ca": {
        "vi": "Chứng thư ký là chứng thư của một CA: CA không được ký hồ sơ hay phiếu.",
        "en": "The signing certificate is a CA's: a CA never signs bundles or receipts.",
    },
    "trust.no_digital_signature": {
        "vi": "Chứng thư ký không cho phép ký số (thiếu digitalSignature).",
        "en": "The signing certificate does not allow digital signatures (no digitalSignature).",
    },
    "trust.wrong_role": {
        "vi": "Chứng thư này dành cho vai trò {has}, không được dùng cho vai trò {role}.",
        "en": "This certificate is for the {has} role, not for the {role} role.",
    },
    "trust.bad_path": {
        "vi": "Chuỗi chứng thư không hợp lệ (bên cấp «{issuer}»): {detail}.",
        "en": "The certificate path does not hold (issuer “{issuer}”): {detail}.",
    },
    "trust.path.not_issued": {
        "vi": "không do CA tin cậy cấp (chữ ký của bên cấp không khớp)",
        "en": "not issued by the trusted CA (the issuer's signature does not match)",
    },
    "trust.path.issuer_not_ca": {
        "vi": "bên cấp trong chuỗi không phải là CA (CA:FALSE)",
        "en": "an issuer in the path is not a CA (CA:FALSE)",
    },
    "trust.path.no_key_cert_sign": {
        "vi": "bên cấp trong chuỗi không được phép cấp chứng thư (thiếu keyCertSign)",
        "en": "an issuer in the path may not issue certificates (no keyCertSign)",
    },
    "trust.path.too_long": {
        "vi": "chuỗi dài hơn CA gốc cho phép (pathLen): CA của cchc pki không có CA trung gian",
        "en": "the path is longer than the root allows (pathLen): cchc pki's CA has no "
        "intermediates",
    },
    "trust.path.validity": {
        "vi": "một chứng thư CA trong chuỗi đã hết hạn hoặc chưa có hiệu lực",
        "en": "a CA certificate of the path has expired or is not yet valid",
    },
    "trust.unchecked": {
        "vi": "chưa kiểm tra thu hồi (không có danh sách thu hồi — dùng --crl)",
        "en": "revocation not checked (no revocation list — use --crl)",
    },
    "trust.unchecked_leaf": {
        "vi": "chưa kiểm tra thu hồi chứng thư ký (do CA trung gian cấp, không có danh sách "
        "thu hồi của CA đó)",
        "en": "the signing certificate's revocation not checked (issued by an intermediate CA "
        "whose revocation list is not held)",
    },
    "trust.issuer_revoked": {
        "vi": "CA trung gian trong chuỗi đã bị thu hồi ngày {when}.",
        "en": "An intermediate CA of the path was revoked on {when}.",
    },
    "trust.crl_foreign": {
        "vi": "Danh sách thu hồi (CRL) không do CA tin cậy ký.",
        "en": "The revocation list (CRL) is not signed by the trusted CA.",
    },
    "trust.crl_future": {
        "vi": "Danh sách thu hồi ghi ngày phát hành {date}, sau hôm nay: kiểm tra đồng hồ máy "
        "hoặc xin lại danh sách.",
        "en": "The revocation list says it was issued on {date}, after today: check the clock "
        "or ask for the list again.",
    },
    "trust.crl_stale": {
        "vi": "Danh sách thu hồi đã hết hạn ngày {date}: xin danh sách mới của Sở Nội vụ "
        "(hoặc dùng --allow-stale-crl nếu chấp nhận rủi ro).",
        "en": "The revocation list expired on {date}: get a new one from Sở Nội vụ "
        "(or use --allow-stale-crl to accept the risk).",
    },
    "trust.crl_stale_warning": {
        "vi": "danh sách thu hồi đã hết hạn ngày {date}",
        "en": "the revocation list expired on {date}",
    },
    "trust.crl_older": {
        "vi": "Danh sách thu hồi này cũ hơn danh sách đã có (số {new} so với {old}): "
        "không thay thế.",
        "en": "This revocation list is older than the one held (number {new} against {old}): "
        "not replaced.",
    },
    "trust.ca_changed": {
        "vi": "Đã thay CA tin cậy; danh sách thu hồi cũ không còn dùng được.",
        "en": "The trusted CA was replaced; the old revocation list no longer applies.",
    },
    "trust.role_for_export": {
        "vi": "Khóa đã nhập ({has}) không ký được hồ sơ: chỉ chứng thư cán bộ mới ký được; "
        "xin Sở Nội vụ cấp chứng thư cán bộ rồi chạy cchc key import.",
        "en": "The imported key ({has}) cannot sign bundles: only an officer certificate can; "
        "get one from Sở Nội vụ, then run cchc key import.",
    },
    "trust.role_for_receipt": {
        "vi": "Khóa đã nhập ({has}) không ký được phiếu thẩm định: chỉ chứng thư thẩm định "
        "(cchc pki issue --role reviewer) mới ký được.",
        "en": "The imported key ({has}) cannot sign review receipts: only a reviewer "
        "certificate (cchc pki issue --role reviewer) can.",
    },
    "trust.own_key_bad": {
        "vi": "Khóa ký đã nhập không còn dùng được: {reason}",
        "en": "The imported signing key can no longer be used: {reason}",
    },
    "receipt.wrong_reviewer": {
        "vi": "Phiếu do {signer} ({agency}) ký, không phải cơ quan thẩm định của đơn vị này "
        "({reviewer}).",
        "en": "The receipt is signed by {signer} ({agency}), not by this unit's reviewer "
        "({reviewer}).",
    },
    "receipt.older": {
        "vi": "Phiếu cũ hơn phiếu đã nhận (phiếu này ký {issued}, đã có phiếu ký {newest}).",
        "en": "The receipt is older than one already imported (this one issued {issued}, "
        "the newest {newest}).",
    },
    "receipt.too_big": {
        "vi": "Tệp «{path}» quá lớn để là một phiếu thẩm định.",
        "en": "“{path}” is too big to be a review receipt.",
    },
    "passphrase.again": {
        "vi": "Nhập lại mật khẩu {what}: ",
        "en": "{what} passphrase again: ",
    },
    "pki.passphrase_mismatch": {
        "vi": "Hai lần nhập mật khẩu không khớp.",
        "en": "The two passphrases do not match.",
    },
    "pki.bad_role": {
        "vi": "Vai trò «{value}» không có; dùng officer hoặc reviewer.",
        "en": "No role “{value}”; use officer or reviewer.",
    },
    "verify.warning": {"vi": "cảnh báo", "en": "warning"},
    "import.bad_crl_because": {
        "vi": "Tệp «{path}» không dùng được làm danh sách thu hồi: {reason}",
        "en": "“{path}” cannot be used as the revocation list: {reason}",
    },
    "verify.repeated_key": {
        "vi": "data/submission.json ghi khóa «{key}» hai lần trong một đối tượng.",
        "en": "data/submission.json gives the key “{key}” twice in one object.",
    },
    "trust.ca_differs": {
        "vi": "CA trong «{path}» (vân tay {new}) khác CA đã ghi nhớ ({old}): không thay. Nếu Sở "
        "Nội vụ thật sự đổi CA, chạy lại với --replace-ca.",
        "en": "The CA in “{path}” (fingerprint {new}) differs from the one remembered ({old}): "
        "not replaced. If Sở Nội vụ really changed its CA, run again with --replace-ca.",
    },
    "verify.not_regular_file": {
        "vi": "«{path}» không phải một tệp thường (thư mục, FIFO hay thiết bị).",
        "en": "“{path}” is not a regular file (a folder, a FIFO or a device).",
    },
    "receipt.bad_form_because": {
        "vi": "Tệp không phải phiếu thẩm định hợp lệ: {detail}",
        "en": "The file is not a valid review receipt: {detail}",
    },
    "import.unknown_set": {
        "vi": "Hồ sơ tự chấm theo bộ tiêu chí «{set}», máy thẩm định chưa có bộ này: nhập bộ "
        "tiêu chí (cchc criteria import) rồi nhập lại hồ sơ.",
        "en": "The bundle is scored under criteria set “{set}”, which this review desk does not "
        "hold: import the set (cchc criteria import), then the bundle again.",
    },
    "import.unknown_sub": {
        "vi": "Hồ sơ chấm tiêu chí «{code}», bộ tiêu chí «{set}» không có tiêu chí này.",
        "en": "The bundle scores “{code}”, which criteria set “{set}” does not have.",
    },
    "import.bad_self_score": {
        "vi": "Điểm tự chấm tiêu chí {code} không hợp lệ: {reason}",
        "en": "The self score of {code} is not valid: {reason}",
    },
    "import.self_total_mismatch": {
        "vi": "Tổng tự chấm hồ sơ ghi ({stated}) không đúng với điểm các tiêu chí theo bộ "
        "«{set}» ({computed}).",
        "en": "The self-assessment total the bundle states ({stated}) is not what its points "
        "give under set “{set}” ({computed}).",
    },
    "import.id_taken": {
        "vi": "Mã hồ sơ {bundle} đã dùng cho một hồ sơ khác đã nhận (kể cả hồ sơ đã loại bỏ).",
        "en": "Bundle id {bundle} is already used by another bundle received (a dropped one "
        "included).",
    },
    "receipt.untrusted_because": {
        "vi": "Phiếu thẩm định không đáng tin: {reason}",
        "en": "The review receipt cannot be trusted: {reason}",
    },
    # -- issue 10: archive and submission schema ------------------------------------------
    "submission.control_chars": {
        "vi": "chứa ký tự điều khiển",
        "en": "contains a control character",
    },
    "submission.reserved_name": {
        "vi": "là tên Windows dành riêng",
        "en": "is a name Windows reserves",
    },
    "submission.not_decimal": {
        "vi": "không phải số thập phân",
        "en": "is not a decimal number",
    },
    "submission.decimal_range": {
        "vi": "phải từ {low} đến {high}",
        "en": "must be from {low} to {high}",
    },
    "submission.decimal_places": {
        "vi": "quá {places} chữ số thập phân",
        "en": "has more than {places} decimal places",
    },
    "submission.not_datetime": {
        "vi": "không phải thời điểm ISO 8601 có múi giờ",
        "en": "is not an ISO 8601 time with a time zone",
    },
    "submission.path_not_hash": {
        "vi": "đường dẫn tệp không mang mã băm SHA-256 của tệp",
        "en": "the file's path does not carry the file's SHA-256",
    },
    "submission.err.missing": {"vi": "thiếu", "en": "missing"},
    "submission.err.extra": {
        "vi": "trường không có trong lược đồ",
        "en": "a field the schema does not have",
    },
    "submission.err.too_long": {
        "vi": "dài quá {max_length} ký tự",
        "en": "longer than {max_length} characters",
    },
    "submission.err.too_many": {
        "vi": "nhiều quá {max_length} phần tử",
        "en": "more than {max_length} elements",
    },
    "submission.err.pattern": {
        "vi": "không đúng dạng cho phép",
        "en": "not in the allowed form",
    },
    "submission.err.range": {
        "vi": "ngoài giới hạn cho phép",
        "en": "out of the allowed range",
    },
    "submission.err.choice": {
        "vi": "không phải giá trị cho phép ({expected})",
        "en": "not an allowed value ({expected})",
    },
    "submission.err.type": {"vi": "sai kiểu dữ liệu", "en": "of the wrong type"},
    "submission.err.json": {"vi": "không phải JSON hợp lệ", "en": "not valid JSON"},
    "submission.err.nesting": {
        "vi": "JSON lồng nhau quá sâu",
        "en": "JSON nested too deeply",
    },
    "export.bad_submission": {
        "vi": "Chưa xuất được hồ sơ: dữ liệu không đúng lược đồ hồ sơ ở «{field}: {detail}».",
        "en": "The bundle cannot be exported: the data does not fit the schema at "
        "“{field}: {detail}”.",
    },
    "verify.file_too_large": {
        "vi": "Tệp lớn {size} MB, vượt giới hạn của một hồ sơ ({limit} MB).",
        "en": "The file is {size} MB, over the limit of one bundle ({limit} MB).",
    },
    "verify.junk_before": {
        "vi": "Tệp không bắt đầu bằng một mục zip (có dữ liệu lạ ở đầu tệp).",
        "en": "The file does not start with a zip entry (unknown data in front).",
    },
    "verify.no_end": {
        "vi": "không có phần kết của zip ở cuối tệp",
        "en": "no end of central directory at the end of the file",
    },
    "verify.junk_after": {
        "vi": "Phần kết của zip không nằm ở cuối tệp (còn dữ liệu lạ hoặc chú thích zip).",
        "en": "The zip's end record is not at the end of the file (trailing data or a comment).",
    },
    "verify.bad_directory": {
        "vi": "Danh mục của tệp zip bị hỏng hoặc không khớp với các mục.",
        "en": "The zip's central directory is damaged or does not match its entries.",
    },
    "verify.bad_layout": {
        "vi": "Mục «{name}» không khớp với danh mục zip, chồng lên mục khác hoặc có dữ liệu lạ "
        "xen giữa.",
        "en": "Entry “{name}” does not match the central directory, overlaps another entry or "
        "has unknown data around it.",
    },
    "verify.encrypted": {
        "vi": "Mục «{name}» được mã hóa; hồ sơ không được mã hóa.",
        "en": "Entry “{name}” is encrypted; a bundle never is.",
    },
    "verify.method": {
        "vi": "Mục «{name}» nén bằng phương pháp {method}, không được hỗ trợ (chỉ lưu nguyên "
        "hoặc deflate).",
        "en": "Entry “{name}” uses compression method {method}, not supported (stored or "
        "deflated only).",
    },
    "verify.bad_entry_name": {
        "vi": "Mục «{name}» không được phép trong hồ sơ (chỉ có các tệp thẻ, "
        "data/submission.json, data/audit.jsonl và data/evidence/<sha256>.<đuôi>).",
        "en": "Entry “{name}” is not allowed in a bundle (only the tag files, "
        "data/submission.json, data/audit.jsonl and data/evidence/<sha256>.<ext>).",
    },
    "verify.tag_list": {
        "vi": "tagmanifest phải liệt kê đúng bagit.txt, bag-info.txt và manifest-sha256.txt "
        "(thiếu hoặc thừa «{name}»).",
        "en": "The tag manifest must list exactly bagit.txt, bag-info.txt and "
        "manifest-sha256.txt (“{name}” missing or extra).",
    },
    "verify.evidence_hash": {
        "vi": "Tệp «{name}» có nội dung khác mã băm trong tên của nó.",
        "en": "The content of “{name}” does not match the hash in its name.",
    },
    "verify.bag_info_repeated": {
        "vi": "bag-info.txt ghi «{label}» nhiều lần.",
        "en": "bag-info.txt gives “{label}” more than once.",
    },
    "verify.bad_label": {
        "vi": "bag-info.txt: {label} «{value}» không hợp lệ.",
        "en": "bag-info.txt: {label} “{value}” is not valid.",
    },
    "verify.bad_identifier": {
        "vi": "External-Identifier «{value}» không phải UUID ở dạng chuẩn.",
        "en": "External-Identifier “{value}” is not a UUID in canonical form.",
    },
    "verify.root_not_id": {
        "vi": "Thư mục gốc «{root}» khác External-Identifier «{value}».",
        "en": "The root folder “{root}” differs from External-Identifier “{value}”.",
    },
    "verify.id_not_derived": {
        "vi": "External-Identifier «{value}» không phải mã suy ra từ cơ quan, kế hoạch, kỳ và "
        "thời điểm xuất ({expected}).",
        "en": "External-Identifier “{value}” is not the id derived from the agency, plan, "
        "period and export time ({expected}).",
    },
    "verify.bad_submission": {
        "vi": "Tệp data/submission.json không đúng lược đồ: «{field}: {detail}».",
        "en": "data/submission.json does not fit the schema: “{field}: {detail}”.",
    },
    "verify.bad_submission_json": {
        "vi": "Tệp data/submission.json không đọc được: {detail}.",
        "en": "data/submission.json cannot be read: {detail}.",
    },
    "verify.submission_mismatch": {
        "vi": "data/submission.json ghi {label} «{value}» nhưng bag-info.txt ghi «{expected}».",
        "en": "data/submission.json gives {label} “{value}” but bag-info.txt “{expected}”.",
    },
    "verify.evidence_unlisted": {
        "vi": "data/submission.json nói tới tệp «{name}» không có trong hồ sơ.",
        "en": "data/submission.json names a file “{name}” the bundle does not hold.",
    },
    "verify.ok_identifier": {
        "vi": "mã hồ sơ {id} đúng với cơ quan, kế hoạch, kỳ và thời điểm",
        "en": "bundle id {id} matches agency, plan, period and time",
    },
    "verify.ok_submission": {
        "vi": "đúng lược đồ {version}: {items} mục, {evidence} TLKC",
        "en": "fits schema {version}: {items} items, {evidence} documents",
    },
    "import.unreadable": {
        "vi": "Không đọc được «{path}»: {detail}",
        "en": "Cannot read “{path}”: {detail}",
    },
    "import.bad_folder": {
        "vi": "«{name}» không dùng được làm tên thư mục nhận.",
        "en": "“{name}” cannot be used as a receiving folder name.",
    },
    "review.broken": {"vi": "hỏng: {reason}", "en": "broken: {reason}"},
    "review.broken_missing": {
        "vi": "thiếu data/submission.json",
        "en": "data/submission.json is missing",
    },
    "review.broken_mismatch": {
        "vi": "data/submission.json không khớp hồ sơ đã nhận ({label})",
        "en": "data/submission.json does not match the received bundle ({label})",
    },
    "review.broken_bundle": {
        "vi": "Hồ sơ của {agency} bị hỏng ({reason}); chưa thẩm định được.",
        "en": "{agency}'s bundle is broken ({reason}); it cannot be appraised.",
    },
    "ui.review.act.broken": {"vi": "Hỏng", "en": "Brkn"},
    "ui.review.act_long.broken": {
        "vi": "hồ sơ hỏng (không đọc được)",
        "en": "broken bundle (unreadable)",
    },
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
    "indicator.ratio_not_percent": {
        "vi": "Chỉ tiêu «{name}» tính bằng {unit}, không phải tỷ lệ: nhập giá trị (--value), "
        "không nhập tử số/mẫu số.",
        "en": "Indicator “{name}” is counted in {unit}, not a ratio: give its value (--value), "
        "not a numerator and denominator.",
    },
    "indicator.num_above_den": {
        "vi": "Tử số {num} lớn hơn mẫu số {den}: tỷ lệ của «{name}» không thể vượt quá 100%.",
        "en": "Numerator {num} is above denominator {den}: the ratio of “{name}” cannot exceed "
        "100%.",
    },
    "export.raced": {
        "vi": "Vừa có một lần xuất hồ sơ khác cho kỳ {period} (hồ sơ {latest}…), nên hồ sơ này "
        "không được ghi và tệp tạm đã xóa. Hãy xuất lại.",
        "en": "Another export for period {period} was just made (bundle {latest}…), so this one "
        "was not recorded and its temporary file was removed. Export again.",
    },
    "export.publish_failed": {
        "vi": "Không đặt được tên «{path}» cho hồ sơ ({detail}); đã hủy bản ghi xuất và tệp tạm. "
        "Hãy kiểm tra thư mục rồi xuất lại.",
        "en": "Could not name the bundle “{path}” ({detail}); the export record and the "
        "temporary file were removed. Check the folder and export again.",
    },
    "export.publish_failed_kept": {
        "vi": "Không đặt được tên «{path}» cho hồ sơ ({detail}) và không hủy được bản ghi xuất "
        "({error}): cơ sở dữ liệu ghi một hồ sơ không có tệp. Hãy xuất lại.",
        "en": "Could not name the bundle “{path}” ({detail}) nor remove its export record "
        "({error}): the database records a bundle with no file. Export again.",
    },
    "review.drop_unknown": {
        "vi": "Không có hồ sơ «{ref}» trong các hồ sơ đã nhận của kỳ {period}.",
        "en": "No received bundle “{ref}” for period {period}.",
    },
    "review.drop_ambiguous": {
        "vi": "«{ref}» khớp nhiều hồ sơ ({choices}); hãy ghi đủ mã hồ sơ.",
        "en": "“{ref}” matches several bundles ({choices}); give the whole bundle id.",
    },
    "review.drop_already": {
        "vi": "Hồ sơ {id} đã được loại bỏ lúc {when} ({by}).",
        "en": "Bundle {id} was already dropped at {when} ({by}).",
    },
    "review.drop_move_failed": {
        "vi": "Không chuyển được thư mục «{path}» ({detail}); hồ sơ chưa bị loại bỏ.",
        "en": "Could not move the folder “{path}” ({detail}); the bundle was not dropped.",
    },
    "review.dropped": {
        "vi": "Đã loại bỏ hồ sơ {id} của {agency} (kỳ {period}); hồ sơ không còn được tính, tệp "
        "được giữ tại «{path}».",
        "en": "Dropped bundle {id} of {agency} (period {period}); it no longer counts, its files "
        "are kept in “{path}”.",
    },
    "import.dropped": {
        "vi": "Không nhận «{path}»: hồ sơ này đã nhận trước đó rồi bị loại bỏ lúc {when} "
        "(lý do: {reason}).",
        "en": "Refused “{path}”: this bundle was received before and dropped at {when} "
        "(reason: {reason}).",
    },
    "ui.review.key_drop": {"vi": "Loại bỏ", "en": "Drop"},
    "ui.review.drop_title": {
        "vi": "Loại bỏ hồ sơ {id}… của {agency}? — F2 xác nhận, Esc thôi",
        "en": "Drop bundle {id}… of {agency}? — F2 confirms, Esc cancels",
    },
    "ui.review.drop_hint": {
        "vi": "Hồ sơ bị loại bỏ không còn được tính (tổng hợp, xếp hạng, phiếu thẩm định); tệp "
        "được giữ lại, lịch sử vẫn ghi.",
        "en": "A dropped bundle no longer counts (overview, ranking, receipts); its files are "
        "kept and the history still lists it.",
    },
    "ui.review.drop_reason": {"vi": "Lý do", "en": "Reason"},
    "ui.review.dropped_state": {"vi": "đã loại bỏ", "en": "dropped"},
    # --- issue 11: leftovers and keymap ---
    "db.check_leftovers": {
        "vi": "Tệp tạm của lần chép tài liệu bị ngắt: {count} ({names}) — sẽ được xóa ở lần mở "
        "ứng dụng sau.",
        "en": "Temporary files of interrupted document copies: {count} ({names}) — they will be "
        "removed the next time the app starts.",
    },
    "ui.keymap.unknown": {
        "vi": "Cấu hình phím có mã không tồn tại (bỏ qua): {ids}",
        "en": "Key map names unknown binding ids (ignored): {ids}",
    },
    # --- issue 11: the guard, drafts, conflicts ---
    "ui.guard.item": {"vi": "mục {id}", "en": "item {id}"},
    "ui.guard.score": {"vi": "điểm tự chấm {codes}", "en": "self score {codes}"},
    "ui.guard.evidence": {"vi": "tài liệu #{id}", "en": "document #{id}"},
    "ui.guard.evidence_new": {"vi": "tài liệu mới", "en": "new document"},
    "ui.quit.unsaved": {
        "vi": "Còn {count} phần đã nhập mà chưa lưu:",
        "en": "{count} part(s) typed and not saved:",
    },
    "ui.quit.save_all": {"vi": "Lưu hết rồi thoát", "en": "Save all and quit"},
    "ui.quit.discard_all": {"vi": "Bỏ thay đổi, thoát", "en": "Discard and quit"},
    "ui.draft.offer": {
        "vi": "Có bản nháp chưa lưu ({label}) lúc {when}. Khôi phục bản nháp?",
        "en": "There is an unsaved draft ({label}) from {when}. Restore it?",
    },
    "ui.draft.restore": {"vi": "Khôi phục", "en": "Restore"},
    "ui.draft.drop": {"vi": "Bỏ", "en": "Discard"},
    "ui.draft.failed": {
        "vi": "Không ghi được bản nháp: {detail}",
        "en": "Could not write the draft: {detail}",
    },
    "ui.overview.drafts": {
        "vi": "Bản nháp chưa lưu: {count} ({labels}) — mở lại biểu mẫu để khôi phục.",
        "en": "Unsaved drafts: {count} ({labels}) — open the form again to restore.",
    },
    "edit.stale": {
        "vi": "{actor} đã lưu bản khác lúc {at}, sau khi bạn mở biểu mẫu này.",
        "en": "{actor} saved another version at {at}, after you opened this form.",
    },
    "ui.conflict.title": {"vi": "Xung đột khi lưu {label}", "en": "Conflicting save: {label}"},
    "ui.conflict.intro": {
        "vi": "{who} đã lưu bản khác lúc {when} (từ một bản ứng dụng khác). Bản nào được giữ?",
        "en": "{who} saved another version at {when} (from another copy). Which one stays?",
    },
    "ui.conflict.mine": {"vi": "Bản của bạn", "en": "Yours"},
    "ui.conflict.theirs": {"vi": "Bản đã lưu", "en": "Saved"},
    "ui.conflict.keep_mine": {"vi": "Giữ bản của tôi", "en": "Keep mine"},
    "ui.conflict.keep_theirs": {"vi": "Lấy bản đã lưu", "en": "Keep theirs"},
    "ui.conflict.merge": {"vi": "Gộp tay", "en": "Merge by hand"},
    "ui.conflict.mine_marker": {"vi": "— phần của tôi —", "en": "— mine —"},
    "ui.ask.yes": {"vi": "Đồng ý", "en": "Yes"},
    "ui.ask.no": {"vi": "Không", "en": "No"},
    "ui.score.ask_suggestion": {
        "vi": "Dùng điểm gợi ý cho {code}: {old} → {new}?",
        "en": "Use the suggested points for {code}: {old} → {new}?",
    },
    "ui.score.ask_suggestion_reason": {
        "vi": "Lý do đã ghi sẽ bị xóa: «{reason}»",
        "en": "The reason written will be erased: “{reason}”",
    },
    "ui.score.already_suggestion": {
        "vi": "{code} đang theo điểm gợi ý.",
        "en": "{code} already follows the suggestion.",
    },
    "ui.score.ask_finalise": {
        "vi": "Chốt điểm tự chấm? Còn {unscored} tiêu chí chưa có điểm và {flagged} tiêu chí "
        "có cảnh báo. Sau khi chốt, muốn sửa phải mở lại (phím f).",
        "en": "Finalise the self-assessment? {unscored} sub-criteria have no points and "
        "{flagged} carry a warning. To change it afterwards, reopen it (key f).",
    },
    "ui.score.ask_reopen": {
        "vi": "Mở lại bảng tự chấm đã chốt để sửa? Phải chốt lại trước khi xuất hồ sơ.",
        "en": "Reopen the finalised self-assessment to change it? Finalise it again before "
        "exporting.",
    },
    "ui.score.reopen": {"vi": "Mở lại", "en": "Reopen"},
    "ui.score.finalised_reopen": {
        "vi": "Bảng tự chấm đã chốt điểm ngày {when}; nhấn f để mở lại rồi sửa.",
        "en": "The self-assessment was finalised on {when}; press f to reopen it.",
    },
    "ui.draft.later": {"vi": "Để sau", "en": "Later"},
    "ui.evidence.bad_path": {
        "vi": "Đường dẫn tệp không dùng được: {detail}",
        "en": "The file path cannot be used: {detail}",
    },
    "ui.score.finalise_yes": {"vi": "Chốt điểm", "en": "Finalise"},
    "ui.guard.reports": {"vi": "ngày gửi báo cáo", "en": "report dates"},
    "ui.guard.indicators": {"vi": "giá trị chỉ tiêu", "en": "indicator values"},
    "ui.review.drop_confirm_first": {
        "vi": "Bỏ hồ sơ chỉ làm bằng F2 trong hộp thoại, không làm khi thoát.",
        "en": "A bundle is dropped only with F2 in its dialog, never on the way out.",
    },
    # issue 12: corruption
    "verify.zip_version": {
        "vi": "Mục «{name}» đòi phiên bản zip {version} để đọc, không được hỗ trợ (chỉ 1.0, 2.0 "
        "hoặc 4.5); tệp bị hỏng hoặc không do ứng dụng tạo.",
        "en": "Entry “{name}” needs zip version {version} to be read, not supported (1.0, 2.0 or "
        "4.5 only); the file is damaged or was not made by this application.",
    },
    "verify.zip_flags": {
        "vi": "Mục «{name}» có cờ zip lạ ({flags}); tệp bị hỏng hoặc không do ứng dụng tạo.",
        "en": "Entry “{name}” carries unknown zip flags ({flags}); the file is damaged or was "
        "not made by this application.",
    },
    "verify.entry_damaged": {
        "vi": "Mục «{name}» bị hỏng hoặc bị sửa: dữ liệu không khớp mã kiểm tra CRC-32 hoặc "
        "không giải nén được.",
        "en": "Entry “{name}” is damaged or was changed: its data does not match its CRC-32 or "
        "cannot be decompressed.",
    },
}
