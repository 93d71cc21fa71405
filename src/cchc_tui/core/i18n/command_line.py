"""The `cchc` command: its columns, listings, errors and warnings."""

MESSAGES: dict[str, dict[str, str]] = {
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
    # -- listings --------------------------------------------------------------------------
    "list.empty": {"vi": "(không có mục nào)", "en": "(nothing)"},
    "col.code": {"vi": "Mã", "en": "Code"},
    "col.key_id": {"vi": "Mã phím (config.toml)", "en": "Key id (config.toml)"},
    "col.keys": {"vi": "Phím", "en": "Keys"},
    "col.does": {"vi": "Tác dụng", "en": "Does"},
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
    "col.items": {"vi": "Mục", "en": "Items"},
    "col.file": {"vi": "Tệp", "en": "File"},
    "col.year": {"vi": "Năm", "en": "Year"},
    "col.max": {"vi": "Tối đa", "en": "Max"},
    "col.suggested": {"vi": "Gợi ý", "en": "Suggested"},
    "col.self_score": {"vi": "Tự chấm", "en": "Self"},
    "col.sub_and_rule": {
        "vi": "Tiêu chí thành phần — cách tính",
        "en": "Sub-criterion — how it is scored",
    },
    "col.target": {"vi": "Chỉ tiêu", "en": "Target"},
    "col.value": {"vi": "Giá trị", "en": "Value"},
    "col.result": {"vi": "Kết quả", "en": "Result"},
    "indicator.met": {"vi": "đạt", "en": "met"},
    "indicator.not_met": {"vi": "chưa đạt", "en": "not met"},
    "score.total_line": {
        "vi": "Tổng: {total}/{max} = {pct}% — {grade}{final}",
        "en": "Total: {total}/{max} = {pct}% — {grade}{final}",
    },
    "score.finalised_on": {"vi": " (chốt {date})", "en": " (finalised {date})"},
    "verify.passed": {"vi": "ĐẠT", "en": "PASS"},
    "verify.failed": {"vi": "KHÔNG ĐẠT", "en": "FAIL"},
    "db.check_detail": {
        "vi": " ({path}, lược đồ {schema}, {files} tệp)",
        "en": " ({path}, schema {schema}, {files} files)",
    },
    "assigned.header": {
        "vi": "{agency}: {count} mục được giao ({lead} chủ trì, {coord} phối hợp) — {plan}",
        "en": "{agency}: {count} items assigned ({lead} lead, {coord} coordinate) — {plan}",
    },
    "assigned.legend": {
        "vi": "! quá hạn: {count} mục chưa hoàn thành đã qua hạn cuối hoặc lỡ một mốc chưa giải "
        "trình (tính đến {today}).",
        "en": "! overdue: {count} unfinished items are past their last due date or missed a "
        "milestone with no explanation (as of {today}).",
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
    "config.bad": {
        "vi": "Tệp cấu hình «{path}» không hợp lệ: {detail}",
        "en": "Config file “{path}” is not valid: {detail}",
    },
    "demo.created": {
        "vi": "Cơ sở dữ liệu thử: «{path}» ({agency}).",
        "en": "Demo database: “{path}” ({agency}).",
    },
}
