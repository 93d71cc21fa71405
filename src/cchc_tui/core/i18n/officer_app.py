"""The officer's app: its screens, forms, dialogs and columns."""

MESSAGES: dict[str, dict[str, str]] = {
    "ui.title": {"vi": "CCHC — theo dõi kế hoạch", "en": "CCHC — plan tracking"},
    "ui.walk.documents": {
        "vi": "{id}: {count} TLKC.",
        "en": "{id}: {count} documents.",
    },
    "ui.as_of": {"vi": "xem ngày {day}", "en": "as of {day}"},
    "ui.plan_ended": {
        "vi": "Năm kế hoạch {year} đã kết thúc: đang xem tình trạng cuối năm (ngày {day}). "
        "Muốn xem ngày khác: cchc --as-of dd/mm/yyyy",
        "en": "The plan year {year} has ended: showing its final state (as of {day}). "
        "For another day: cchc --as-of dd/mm/yyyy",
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
    "ui.overview.period_past": {
        "vi": "Kỳ báo cáo: {period} (hạn gửi {due}, đã qua)",
        "en": "Reporting period: {period} (was due {due})",
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
        "vi": "{shown}/{total} mục · lĩnh vực {area} · vai trò {role} · trạng thái {status}"
        "{overdue}{search}",
        "en": "{shown}/{total} items · area {area} · role {role} · status {status}{overdue}"
        "{search}",
    },
    "ui.col.role_short": {"vi": "VT", "en": "R"},
    "ui.col.evidence_short": {"vi": "TL", "en": "Ev"},
    "ui.items.detail": {
        "vi": "{id} · {role} · {due} · {status} {pct}% · {evidence} TLKC{comment}\n{text}",
        "en": "{id} · {role} · {due} · {status} {pct}% · {evidence} documents{comment}\n{text}",
    },
    "ui.items.detail_due": {"vi": "hạn {date}", "en": "due {date}"},
    "ui.items.detail_overdue": {"vi": "quá hạn {date}", "en": "overdue since {date}"},
    "ui.items.detail_missed": {"vi": "lỡ mốc {date}", "en": "missed the {date} milestone"},
    "ui.items.detail_waiting": {
        "vi": "chờ điều kiện (hạn {date} khi có), Ctrl+T trong mục",
        "en": "waiting on its condition (due {date} once met), Ctrl+T in the item",
    },
    "ui.overview.waiting": {
        "vi": "Chờ điều kiện ({count}) — ghi đã xảy ra hay không: Enter, Ctrl+T",
        "en": "Waiting on a condition ({count}) — record it: Enter, Ctrl+T",
    },
    "ui.items.detail_comment": {"vi": " · Sở Nội vụ có nhận xét", "en": " · reviewer commented"},
    "ui.items.none_shown": {
        "vi": "Không có mục nào khớp bộ lọc; nhấn c để bỏ lọc.",
        "en": "No item matches the filters; press c to clear them.",
    },
    "ui.col.status_short": {"vi": "T.thái", "en": "Status"},
    "ui.items.marked": {"vi": "[x] {count} · ", "en": "[x] {count} · "},
    "key.mark": {"vi": "Chọn", "en": "Mark"},
    "key.mark_all": {"vi": "Chọn cả", "en": "Mark all"},
    "key.bulk": {"vi": "Cập nhật loạt", "en": "Bulk update"},
    "key.carry_over": {"vi": "Giữ kỳ trước", "en": "Carry over"},
    "ui.bulk.title": {
        "vi": "Trạng thái cho {count} mục đã chọn (Enter chọn):",
        "en": "Status for the {count} marked items (Enter to choose):",
    },
    "ui.bulk.pct_placeholder": {
        "vi": "Tiến độ (%) cho các mục này, rồi Enter",
        "en": "Progress (%) for these items, then Enter",
    },
    "ui.bulk.reason_placeholder": {
        "vi": "Lý do không thực hiện được, rồi Enter",
        "en": "Why they cannot be done, then Enter",
    },
    "ui.bulk.hint": {
        "vi": "Trước khi lưu, từng mục sẽ được liệt kê để xác nhận. Esc: thôi.",
        "en": "Each item is listed for you to confirm before anything is saved. Esc: cancel.",
    },
    "ui.bulk.confirm_first": {
        "vi": "Cập nhật nhiều mục chỉ làm bằng Enter trong hộp thoại, không làm khi thoát.",
        "en": "A bulk update is made only with Enter in its dialog, never on the way out.",
    },
    "ui.bulk.none_marked": {
        "vi": "Chưa chọn mục nào: Space chọn dòng đang trỏ, * chọn mọi dòng đang hiện.",
        "en": "No item marked: Space marks the highlighted row, * every row shown.",
    },
    "ui.bulk.confirm": {
        "vi": "Cập nhật {count} mục như sau?",
        "en": "Update these {count} items as follows?",
    },
    "ui.bulk.done": {
        "vi": "Đã cập nhật {count} mục ({same} mục đã như vậy, giữ nguyên).",
        "en": "{count} items updated ({same} already so, left as they were).",
    },
    "ui.carry.first_period": {
        "vi": "{period} là kỳ đầu tiên: không có kỳ trước để giữ trạng thái.",
        "en": "{period} is the first period: there is no earlier one to carry over.",
    },
    "ui.carry.nothing": {
        "vi": "Không có mục nào giữ nguyên từ {period}: mọi mục có trạng thái đã được cập nhật "
        "sau đó.",
        "en": "Nothing to carry over from {period}: every item with a status was updated since.",
    },
    "ui.carry.confirm": {
        "vi": "Giữ nguyên trạng thái của {count} mục chưa cập nhật từ {last} cho {now}?",
        "en": "Keep the status of the {count} items not updated since {last} for {now}?",
    },
    "ui.carry.done": {
        "vi": "Đã giữ trạng thái của {count} mục cho {period} (ghi vào lịch sử từng mục).",
        "en": "Status of {count} items carried over to {period} (in each item's history).",
    },
    "ui.items.only": {
        "vi": "{count} mục {what} (c: mọi mục) · ",
        "en": "{count} items {what} (c: all items) · ",
    },
    "ui.items.only.no_status": {"vi": "chưa có trạng thái", "en": "with no status"},
    "ui.items.only.overdue": {"vi": "quá hạn", "en": "overdue"},
    "ui.items.only.done_no_evidence": {
        "vi": "hoàn thành chưa có TLKC",
        "en": "done without evidence",
    },
    "ui.items.only.walk_missing": {
        "vi": "còn thiếu sau lượt cập nhật",
        "en": "still missing after the update",
    },
    "ui.walk.open_missing": {
        "vi": "» Mở danh sách {count} mục này (Enter trên một dòng: mở mục đó)",
        "en": "» Open these {count} items as a list (Enter on a line: that item)",
    },
    "ui.pick.typed": {"vi": " · số: {number}", "en": " · number: {number}"},
    "ui.pick.no_number": {
        "vi": "Không có văn bản nào số bắt đầu bằng «{number}».",
        "en": "No document's number starts with “{number}”.",
    },
    "ui.items.all": {"vi": "tất cả", "en": "all"},
    "ui.items.only_overdue": {"vi": " · chỉ quá hạn", "en": " · overdue only"},
    "ui.items.only_commented": {
        "vi": " · có nhận xét của Sở Nội vụ",
        "en": " · commented by Sở Nội vụ",
    },
    "ui.items.searching": {"vi": " · tìm «{text}»", "en": " · search “{text}”"},
    "ui.items.search_placeholder": {
        "vi": "Tìm theo nội dung, số, mã (không cần dấu) — Esc để thôi",
        "en": "Search text, number or id (accents optional) — Esc to stop",
    },
    "ui.col.no": {"vi": "Số", "en": "No."},
    "ui.col.text": {"vi": "Nội dung", "en": "Text"},
    "ui.col.due": {"vi": "Hạn", "en": "Due"},
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
    "ui.item.status_required": {
        "vi": "Chọn trạng thái của mục (ô đầu tiên) rồi lưu.",
        "en": "Choose the item's status (the first field), then save.",
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
    "ui.evidence.title": {"vi": "Tài liệu kiểm chứng", "en": "Evidence documents"},
    "ui.evidence.form_new": {"vi": "Thêm tài liệu kiểm chứng", "en": "New evidence document"},
    "ui.evidence.form_edit": {"vi": "Sửa tài liệu kiểm chứng #{id}", "en": "Edit evidence #{id}"},
    "ui.evidence.number": {"vi": "Số, ký hiệu", "en": "Number"},
    "ui.evidence.date": {"vi": "Ngày ban hành", "en": "Date"},
    "ui.evidence.issuer": {"vi": "Cơ quan ban hành", "en": "Issuer"},
    "ui.evidence.title_field": {"vi": "Trích yếu", "en": "Title"},
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
        "vi": "Chọn TLKC cho {id}",
        "en": "Choose evidence for {id}",
    },
    "ui.evidence.detail": {
        "vi": "{number} ({type}) · ngày {date} · {issuer}\nTrích yếu: {title}\n"
        "Mục: {items} · Tệp: {file}",
        "en": "{number} ({type}) · dated {date} · {issuer}\nSummary: {title}\n"
        "Items: {items} · File: {file}",
    },
    "ui.evidence.no_file": {"vi": "không có tệp", "en": "no file"},
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
    "ui.help.guide": {
        "vi": "Trạng thái mục: chưa thực hiện · đang thực hiện · hoàn thành · không thực hiện "
        "được (ghi lý do). TLKC (tài liệu kiểm chứng): văn bản chứng minh việc đã làm — số, "
        "ngày, cơ quan ban hành và tệp.\nMỗi quý: F6 đi qua từng mục, cập nhật, F9 chọn hoặc "
        "thêm TLKC (n) ngay tại mục → F7 chấm điểm → F8 xuất hồ sơ nộp Sở Nội vụ. Mục không "
        "đổi: F4, k giữ trạng thái kỳ trước; nhiều mục cùng trạng thái: Space chọn, u cập nhật.\n"
        "Đổi phím: config.toml, mục [keymap], theo mã ở cột phải (cchc keys in ra hết).",
        "en": "Item statuses: not started · in progress · done · cannot be done (give a "
        "reason). Evidence (TLKC): a document proving the work — number, date, issuer and "
        "file.\nEach quarter: F6 through every item, update it, F9 to pick or add "
        "(n) its evidence right there → F7 scoring → "
        "F8 export the bundle for Sở Nội vụ. Items unchanged: F4, k carries last period's "
        "status over; several items alike: Space marks, u updates.\nChange a key: "
        "config.toml, [keymap], by the id in the right column (cchc keys prints them all).",
    },
    "ui.palette.placeholder": {"vi": "Tìm lệnh…", "en": "Search for commands…"},
    "key.nav.up": {"vi": "Lên", "en": "Up"},
    "key.nav.down": {"vi": "Xuống", "en": "Down"},
    "key.nav.left": {"vi": "Sang trái", "en": "Left"},
    "key.nav.right": {"vi": "Sang phải", "en": "Right"},
    "key.nav.first": {"vi": "Về đầu", "en": "First"},
    "key.nav.last": {"vi": "Về cuối", "en": "Last"},
    "key.nav.page_up": {"vi": "Lên một trang", "en": "Page up"},
    "key.nav.page_down": {"vi": "Xuống một trang", "en": "Page down"},
    "key.nav.select": {"vi": "Chọn", "en": "Select"},
    "key.nav.next_field": {"vi": "Sang ô sau", "en": "Next field"},
    "key.nav.previous_field": {"vi": "Về ô trước", "en": "Previous field"},
    "key.nav.copy": {"vi": "Chép phần đã chọn", "en": "Copy the selection"},
    "key.nav.paste": {"vi": "Dán", "en": "Paste"},
    "key.nav.cut": {"vi": "Cắt phần đã chọn", "en": "Cut the selection"},
    "key.nav.select_all": {"vi": "Chọn hết", "en": "Select all"},
    "key.nav.delete_left": {"vi": "Xóa ký tự trước", "en": "Delete the character before"},
    "key.nav.delete_right": {"vi": "Xóa ký tự sau", "en": "Delete the character after"},
    "ui.help.close": {"vi": "Esc hoặc F1 để đóng", "en": "Esc or F1 to close"},
    "ui.db_error": {"vi": "Lỗi cơ sở dữ liệu: {detail}", "en": "Database error: {detail}"},
    "ui.score.title": {"vi": "Chấm điểm", "en": "Scoring"},
    "ui.score.appraised_total": {
        "vi": "Sở Nội vụ thẩm định: {total} = {pct}% — {grade} · hồ sơ: {state}",
        "en": "Appraised by Sở Nội vụ: {total} = {pct}% — {grade} · bundle: {state}",
    },
    "ui.score.appraised_rounds": {
        "vi": "Sở Nội vụ thẩm định: {rounds}",
        "en": "Appraised by Sở Nội vụ: {rounds}",
    },
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
    "ui.score.row_title": {"vi": "{code} {title}", "en": "{code} {title}"},
    "ui.score.sub_title": {
        "vi": "{code} {title} (tối đa {max} điểm)",
        "en": "{code} {title} (at most {max} points)",
    },
    "ui.score.pick": {
        "vi": "Chọn một tiêu chí thành phần (Enter để chấm).",
        "en": "Choose a sub-criterion (Enter to score it).",
    },
    "ui.score.pick_docs": {
        "vi": "TLKC cho tiêu chí {code}",
        "en": "Evidence for {code}",
    },
    "ui.score.key_finalise": {"vi": "Chốt/mở lại", "en": "Finalise/reopen"},
    "ui.score.key_suggestion": {"vi": "Theo gợi ý", "en": "Use suggestion"},
    "ui.score.key_reports": {"vi": "Ngày gửi BC", "en": "Report dates"},
    "ui.score.key_indicators": {"vi": "Chỉ tiêu", "en": "Indicators"},
    "ui.score.key_find": {"vi": "Tìm", "en": "Find"},
    "ui.score.key_next_flag": {"vi": "Dòng cần xem", "en": "Next flag"},
    "ui.score.find_placeholder": {
        "vi": "Tìm mã hoặc chữ (không cần dấu) — ↓ kết quả tiếp, Enter về bảng",
        "en": "Find a code or words — ↓ next match, Enter back to the tree",
    },
    "ui.score.not_found": {"vi": "Không thấy «{query}».", "en": "No row matches «{query}»."},
    "ui.score.no_flags": {
        "vi": "Không còn dòng nào có cảnh báo hoặc đang sửa dở.",
        "en": "No row has a warning or unsaved points.",
    },
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
    "ui.receipt.key": {"vi": "Nhận phiếu thẩm định", "en": "Import review receipt"},
    "ui.receipt.title": {
        "vi": "Nhận phiếu thẩm định của Sở Nội vụ — F2 nhận, Esc đóng",
        "en": "Import Sở Nội vụ's review receipt — F2 imports, Esc closes",
    },
    "ui.receipt.file": {"vi": "Tệp phiếu", "en": "Receipt file"},
    "ui.overview.review": {
        "vi": "Phiếu thẩm định của {signer} (kỳ {period}): {state} · {comments} nhận xét "
        "({items} về mục — F4 rồi n, {criteria} về tiêu chí — F7)",
        "en": "Review receipt from {signer} (period {period}): {state} · {comments} comments "
        "({items} on items — F4 then n, {criteria} on criteria — F7)",
    },
    "ui.cmd.theme": {"vi": "Giao diện 16 màu / nhiều màu", "en": "16-colour / full-colour theme"},
    "ui.paste_first_line": {
        "vi": "Ô này chỉ nhận một dòng: đã dán dòng đầu (văn bản dán có {count} dòng).",
        "en": "This field takes one line: the first line was pasted (the text had {count}).",
    },
    "ui.keymap.unknown": {
        "vi": "Cấu hình phím có mã không tồn tại (bỏ qua): {ids}",
        "en": "Key map names unknown binding ids (ignored): {ids}",
    },
    # --- issue 11: the guard, drafts, conflicts ---
    "ui.guard.item": {"vi": "mục {id}", "en": "item {id}"},
    "ui.guard.bulk": {
        "vi": "cập nhật {count} mục đã chọn",
        "en": "the update of {count} marked items",
    },
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
}
