"""Catalogue: changing the database's agency or officer later, choosing among several plans,
and the command palette's own words (issue 14)."""

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
}
