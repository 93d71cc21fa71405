"""Catalogue: choosing the agency and officer on the first run, changing them later,
choosing among several plans, and the command palette's own words (issue 14)."""

MESSAGES: dict[str, dict[str, str]] = {
    "ui.plan.several": {
        "vi": "Cơ sở dữ liệu có {count} kế hoạch; đang mở {plan}. Ctrl+P → Chọn kế hoạch để đổi.",
        "en": "The database holds {count} plans; {plan} is open. Ctrl+P → Choose the plan.",
    },
    "ui.plan.choose": {"vi": "Chọn kế hoạch để làm việc", "en": "Choose the plan to work on"},
    "ui.plan.choice": {"vi": "{number} — năm {year}: {title}", "en": "{number} — {year}: {title}"},
    "ui.choose_one.hint": {
        "vi": "↑↓: chọn · Enter: lấy · Esc: giữ như cũ",
        "en": "↑↓: move · Enter: take it · Esc: keep as it is",
    },
    "ui.palette.no_match": {"vi": "Không có lệnh nào khớp", "en": "No matches found"},
    "ui.change_profile.title": {
        "vi": "Đổi cơ quan, cán bộ",
        "en": "Change agency or officer",
    },
    "ui.change_profile.hint": {
        "vi": "↑↓: chọn dòng · Enter: lấy cơ quan đang sáng · F2 hoặc Ctrl+S: đổi · Esc: thôi",
        "en": "↑↓: move · Enter: take the highlighted agency · F2 or Ctrl+S: change · Esc: cancel",
    },
    "ui.change_profile.confirm": {
        "vi": "Từ nay cơ sở dữ liệu thuộc {agency} ({code}), cán bộ {officer} — đúng không?",
        "en": "From now on the database belongs to {agency} ({code}), officer {officer} — "
        "is that right?",
    },
    "ui.change_profile.yes": {"vi": "Đúng, đổi", "en": "Yes, change"},
    "ui.change_profile.done": {
        "vi": "Đã đổi sang {agency}, cán bộ {officer}.",
        "en": "Changed to {agency}, officer {officer}.",
    },
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
        "vi": "Chưa chọn cơ quan: gõ tên, chọn dòng bằng ↑↓ rồi nhấn Enter.",
        "en": "No agency chosen: type its name, pick a row with ↑↓ and press Enter.",
    },
    "ui.first_run.no_match": {
        "vi": "Không có cơ quan nào khớp; gõ ít chữ hơn (ví dụ: phong dien).",
        "en": "No agency matches; type less (e.g. phong dien).",
    },
    "ui.first_run.confirm": {
        "vi": "Tạo cơ sở dữ liệu cho {agency} ({code}), cán bộ {officer} — đúng không?",
        "en": "Create the database for {agency} ({code}), officer {officer} — is that right?",
    },
    "ui.first_run.confirm_yes": {"vi": "Đúng, tạo", "en": "Yes, create"},
    "ui.first_run.confirm_no": {"vi": "Chọn lại", "en": "Choose again"},
    "ui.first_run.need_officer": {
        "vi": "Chưa nhập họ tên cán bộ.",
        "en": "The officer's name is missing.",
    },
    "ui.first_run.hint": {
        "vi": "↑↓: chọn dòng · Enter: lấy cơ quan đang sáng · F2 hoặc Ctrl+S: tạo cơ sở dữ liệu",
        "en": "↑↓: move · Enter: take the highlighted agency · F2 or Ctrl+S: create the database",
    },
    "ui.first_run.created": {
        "vi": "Đã tạo cơ sở dữ liệu cho {agency}.",
        "en": "Database created for {agency}.",
    },
}
