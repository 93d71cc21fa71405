"""Plan rules and the period report: milestones, conditions of items, the report's screen,
commands and messages."""

MESSAGES: dict[str, dict[str, str]] = {
    "condition.none": {
        "vi": "Mục {item} không có điều kiện nào trong kế hoạch.",
        "en": "Item {item} has no condition in the plan.",
    },
    "condition.bad_state": {
        "vi": "Điều kiện «{state}» không hợp lệ. Dùng: co (đã xảy ra), khong (không xảy ra), "
        "bo (chưa rõ).",
        "en": "Condition “{state}” is not valid. Use: yes (happened), no (did not), clear.",
    },
    "condition.needs_doc": {
        "vi": "Mục {item}: điều kiện đã xảy ra thì ghi văn bản làm căn cứ (số, ngày).",
        "en": "Item {item}: a condition that happened needs the document it rests on (number, "
        "date).",
    },
    "milestone.met": {"vi": "đạt", "en": "met"},
    "milestone.pending": {"vi": "chưa đến", "en": "not yet"},
    "milestone.explained": {"vi": "trễ, có giải trình", "en": "late, explained"},
    "milestone.missed": {"vi": "lỡ", "en": "missed"},
    "condition.state.none": {
        "vi": "chờ điều kiện (chưa ghi nhận)",
        "en": "waiting (not recorded yet)",
    },
    "condition.state.xay_ra": {"vi": "đã xảy ra, căn cứ {doc}", "en": "happened ({doc})"},
    "condition.state.khong_xay_ra": {
        "vi": "không xảy ra (không tính quá hạn)",
        "en": "did not happen (never overdue)",
    },
    "period_report.bad_suffix": {
        "vi": "Báo cáo ghi ra tệp .docx (Word); «{path}» không phải.",
        "en": "The report is written to a .docx (Word) file; “{path}” is not one.",
    },
    "period_report.no_folder": {
        "vi": "Không có thư mục «{path}».",
        "en": "There is no folder “{path}”.",
    },
    "period_report.saved": {
        "vi": "Đã ghi báo cáo {period}: {path} ({items} mục, {done} hoàn thành, "
        "{overdue} quá hạn).",
        "en": "Report for {period} written: {path} ({items} items, {done} done, "
        "{overdue} overdue).",
    },
    "period_report.words_saved": {
        "vi": "Đã lưu lời báo cáo {period} ({count} phần thay đổi); hồ sơ xuất kỳ này sẽ kèm.",
        "en": "The report's words for {period} kept ({count} parts changed); this period's "
        "bundle carries them.",
    },
    "period_report.words_same": {
        "vi": "Lời báo cáo {period} không thay đổi.",
        "en": "The report's words for {period} are unchanged.",
    },
    "period_report.bad_words": {
        "vi": "Tệp lời báo cáo «{path}» không đọc được: {detail}",
        "en": "The report's text file “{path}” cannot be read: {detail}",
    },
    "condition.saved_yes": {
        "vi": "Đã ghi: mục {item}, điều kiện «{condition}» đã xảy ra (căn cứ {doc}).",
        "en": "Saved: item {item}, condition “{condition}” happened ({doc}).",
    },
    "condition.saved_no": {
        "vi": "Đã ghi: mục {item}, điều kiện «{condition}» không xảy ra; mục không tính quá hạn.",
        "en": "Saved: item {item}, condition “{condition}” did not happen; never overdue.",
    },
    "condition.saved_clear": {
        "vi": "Đã bỏ ghi nhận điều kiện của mục {item}: mục chờ điều kiện.",
        "en": "Item {item}'s condition is no longer recorded: it waits on it.",
    },
    "help.report.out": {
        "vi": "tệp .docx để ghi báo cáo kỳ (cchc report docx Q3 --out bao-cao.docx)",
        "en": "the .docx to write the period report to",
    },
    "help.report.number": {"vi": "số của báo cáo (vd: 45)", "en": "the report's number"},
    "help.report.signer": {"vi": "họ tên người ký", "en": "the signer's name"},
    "help.report.words": {
        "vi": "tệp TOML lời của cán bộ: opening, strengths, weaknesses, next_steps, proposals",
        "en": "a TOML file of the officer's words: opening, strengths, weaknesses, next_steps, "
        "proposals",
    },
    "help.review.report": {
        "vi": "ghi ra báo cáo kỳ (.docx) mà hồ sơ mới nhất của đơn vị mang theo",
        "en": "write out the period report (.docx) the unit's latest bundle carries",
    },
    "help.condition": {
        "vi": "ghi điều kiện của một mục («khi có Nghị quyết …») đã xảy ra hay chưa",
        "en": "record whether an item's condition (“khi có Nghị quyết …”) happened",
    },
    "help.condition.state": {
        "vi": "co (đã xảy ra, ghi --doc), khong (không xảy ra), bo (chưa rõ)",
        "en": "yes (happened, give --doc), no (did not), clear (not known yet)",
    },
    "help.condition.doc": {
        "vi": "văn bản làm căn cứ: số, ngày (vd: 1211/NQ-UBTVQH14 ngày 24/5/2016)",
        "en": "the document it rests on: number, date",
    },
    "help.condition.note": {"vi": "ghi chú", "en": "a note"},
    "help.report.date": {
        "vi": "ngày gửi, dd/mm/yyyy",
        "en": "date sent, dd/mm/yyyy",
    },
    "ui.report.title": {"vi": "Báo cáo kỳ", "en": "Period report"},
    "ui.report.heading": {
        "vi": "Báo cáo kỳ: {period} — lời của cán bộ (để trống: bản nháp tự động)",
        "en": "Period report: {period} — the officer's words (empty: the automatic draft)",
    },
    "ui.report.number": {"vi": "Số báo cáo (vd: 45)", "en": "Report number (e.g. 45)"},
    "ui.report.date": {"vi": "Ngày báo cáo (dd/mm/yyyy)", "en": "Report date (dd/mm/yyyy)"},
    "ui.report.signer": {"vi": "Người ký (họ tên)", "en": "Signer (name)"},
    "ui.report.opening": {"vi": "Mở đầu", "en": "Opening"},
    "ui.report.strengths": {"vi": "III.1. Ưu điểm", "en": "III.1. Strengths"},
    "ui.report.weaknesses": {
        "vi": "III.2. Tồn tại, hạn chế và nguyên nhân",
        "en": "III.2. Shortcomings and their causes",
    },
    "ui.report.next_steps": {
        "vi": "IV. Phương hướng kỳ tới (thêm vào trước các mục đến hạn)",
        "en": "IV. Next period (before the items falling due)",
    },
    "ui.report.proposals": {"vi": "V. Đề xuất, kiến nghị", "en": "V. Proposals"},
    "ui.report.key_docx": {"vi": "Ghi Word", "en": "Write Word"},
    "ui.report.guard": {"vi": "{report}", "en": "“{report}”"},
    "ui.report.where": {"vi": "Ghi báo cáo (.docx) vào:", "en": "Write the report (.docx) to:"},
    "ui.report.where_hint": {
        "vi": "đường dẫn tệp .docx (ổ USB: E:\\…) · Enter: ghi · Esc: thôi",
        "en": "a .docx path (a USB stick: E:\\…) · Enter: write · Esc: cancel",
    },
    "key.condition": {"vi": "Điều kiện", "en": "Condition"},
    "ui.ask_text.hint": {"vi": "Enter: lưu · Esc: thôi", "en": "Enter: save · Esc: cancel"},
    "ui.condition.question": {
        "vi": "Mục {item}: điều kiện «{condition}»",
        "en": "Item {item}: condition “{condition}”",
    },
    "ui.condition.choice.xay_ra": {
        "vi": "Đã xảy ra — ghi văn bản làm căn cứ; từ đó tính hạn như mọi mục",
        "en": "It happened — give the document; from then the item is due as any other",
    },
    "ui.condition.choice.khong_xay_ra": {
        "vi": "Không xảy ra, không phát sinh — mục không tính quá hạn",
        "en": "It did not happen — the item is never overdue",
    },
    "ui.condition.choice.none": {
        "vi": "Chưa rõ — mục chờ điều kiện",
        "en": "Not known yet — the item waits",
    },
    "ui.condition.document": {
        "vi": "Văn bản làm căn cứ (số, ngày):",
        "en": "The document it rests on (number, date):",
    },
    "ui.condition.doc_hint": {
        "vi": "vd: 1211/NQ-UBTVQH14 ngày 24/5/2016 · Enter: lưu · Esc: thôi",
        "en": "e.g. 1211/NQ-UBTVQH14 of 24/5/2016 · Enter: save · Esc: cancel",
    },
    "review.report_unsafe": {
        "vi": "Báo cáo trong hồ sơ {id} không phải tệp Word thuần (có macro, đối tượng nhúng hoặc "
        "liên kết ra ngoài): không mở, không ghi ra.",
        "en": "The report in bundle {id} is not a plain Word file (macros, embedded objects or "
        "links outside it): not opened, not written out.",
    },
}
