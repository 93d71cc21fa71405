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
    "demo.created": {
        "vi": "Cơ sở dữ liệu thử: «{path}» ({agency}).",
        "en": "Demo database: “{path}” ({agency}).",
    },
}
