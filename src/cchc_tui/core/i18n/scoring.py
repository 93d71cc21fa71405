"""Self-assessment: criteria sets, scores, indicators, levels and families."""

MESSAGES: dict[str, dict[str, str]] = {
    "family.administrative": {"vi": "Văn bản hành chính", "en": "Administrative document"},
    "family.legal": {"vi": "Văn bản quy phạm pháp luật", "en": "Legal normative document"},
    "family.party": {"vi": "Văn bản của Đảng", "en": "Party document"},
    "family.unknown": {"vi": "Không xác định", "en": "Unknown"},
    "level.city": {"vi": "thành phố", "en": "city"},
    "level.district": {"vi": "quận, huyện", "en": "district"},
    "level.commune": {"vi": "xã, phường, thị trấn", "en": "commune"},
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
    "score.completion.left_out": {"vi": "; không tính: {items}", "en": "; left out: {items}"},
    "score.completion.not_due": {"vi": "{n} chưa đến hạn", "en": "{n} not yet due"},
    "score.completion.waiting": {
        "vi": "{n} chờ điều kiện hoặc điều kiện không xảy ra",
        "en": "{n} waiting on a condition or whose condition did not arise",
    },
    "score.completion.cannot_left": {
        "vi": "{n} không thực hiện được (có lý do)",
        "en": "{n} could not be done (with a reason)",
    },
    "score.completion.ongoing": {
        "vi": "; {n} mục thường xuyên đang hoặc đã thực hiện tính là hoàn thành",
        "en": "; {n} ongoing items in progress or done count as done",
    },
    "score.completion.cannot": {
        "vi": "; {n} mục không thực hiện được (có lý do) tính là chưa hoàn thành",
        "en": "; {n} items that could not be done (with a reason) count as not done",
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
        "vi": "chưa có văn bản {type} đúng nội dung (hạn {deadline})",
        "en": "no {type} document that fits (due {deadline})",
    },
    "score.doc_taken": {
        "vi": "lấy {number} ngày {date} ({how}), hạn {deadline}",
        "en": "took {number} of {date} ({how}), due {deadline}",
    },
    "score.doc_marked": {"vi": "cán bộ gắn vào tiêu chí này", "en": "linked to this criterion"},
    "score.doc_fits": {"vi": "đúng loại và nội dung", "en": "right type and subject"},
    "score.doc_others": {"vi": "; không lấy: {others}", "en": "; not taken: {others}"},
    "score.doc_refused.subject": {
        "vi": "{number} (về việc khác: «{title}»)",
        "en": "{number} (another subject: “{title}”)",
    },
    "score.doc_refused.year": {"vi": "{number} (năm {year})", "en": "{number} (year {year})"},
    "score.doc_refused.no_year": {
        "vi": "{number} (không ghi năm {year})",
        "en": "{number} (does not name {year})",
    },
    "score.doc_refused.later": {
        "vi": "{number} (ban hành sau văn bản đã lấy)",
        "en": "{number} (issued after the one taken)",
    },
    "score.doc_refused.not_marked": {
        "vi": "{number} (không được gắn vào tiêu chí)",
        "en": "{number} (not linked to the criterion)",
    },
    "score.no_obligation": {
        "vi": "kế hoạch không có nghĩa vụ «{id}» (bộ tiêu chí nêu hạn theo nghĩa vụ này)",
        "en": "the plan has no obligation “{id}” (the criteria set takes its deadline from it)",
    },
    "due.before": {"vi": "trước ngày {day}", "en": "before {day}"},
    "due.by": {"vi": "chậm nhất ngày {day}", "en": "by {day}"},
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
}
