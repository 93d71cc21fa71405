"""The review desk (Sở Nội vụ): its screens, appraisal, rankings and reports."""

MESSAGES: dict[str, dict[str, str]] = {
    "ui.review.col.appraisal_short": {"vi": "TĐ", "en": "Appr"},
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
    "ui.review.ranking_title": {
        "vi": "Xếp hạng {group} — {period} · {basis}",
        "en": "Ranking of {group} — {period} · {basis}",
    },
    "ui.review.group.city": {"vi": "sở, ban, ngành", "en": "departments and sectors"},
    "ui.review.group.district": {"vi": "quận, huyện", "en": "districts"},
    "ui.review.group.commune": {"vi": "xã, phường, thị trấn", "en": "communes"},
    "ui.review.basis_appraised": {
        "vi": "theo % điểm thẩm định trên tổng điểm (gồm điều tra XHH); đơn vị chỉ có điểm tự "
        "chấm xếp riêng, không có hạng",
        "en": "by appraised % of the full maximum (survey included); units with self totals only "
        "are listed apart, unranked",
    },
    "ui.review.basis_self": {
        "vi": "theo % điểm tự chấm trên tổng điểm không gồm điều tra XHH (chưa thẩm định)",
        "en": "by self % of the maximum without survey points (no appraisal yet)",
    },
    "ui.review.template_ranking": {
        "vi": "MẪU — có đơn vị chấm theo bộ tiêu chí mẫu, chưa chính thức · ",
        "en": "TEMPLATE — some units were scored on a template set, not the official one · ",
    },
    "ui.review.apart": {"vi": "tự chấm, chưa thẩm định", "en": "self, not appraised"},
    "ui.review.key_group": {"vi": "Nhóm khác", "en": "Next group"},
    "ui.review.key_ranking": {"vi": "Xếp hạng", "en": "Ranking"},
    "ui.review.key_activity": {"vi": "Theo hoạt động", "en": "By activity"},
    "ui.review.activity_label": {"vi": "Hoạt động", "en": "Activity"},
    "ui.review.col.lead": {"vi": "Xong", "en": "Done"},
    "ui.review.col.backed": {"vi": "TLKC", "en": "Evid."},
    "ui.review.full_line": {
        "vi": "Việc chủ trì xong/có lý do {settled}/{lead} ({lead_pct}) · tiêu chí có TLKC "
        "{backed}/{scored} ({backed_pct}) · {per_point} TLKC/điểm",
        "en": "Lead items done/justified {settled}/{lead} ({lead_pct}) · criteria with evidence "
        "{backed}/{scored} ({backed_pct}) · {per_point} documents/point",
    },
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
    "ui.review.col.why": {"vi": "Cách tính gợi ý", "en": "How it was suggested"},
    "ui.review.score_note": {"vi": "giải trình: {note}", "en": "explanation: {note}"},
    "ui.review.item_done": {"vi": "xong {date}", "en": "done {date}"},
    "ui.review.item_docs": {"vi": "TLKC: {docs}", "en": "evidence: {docs}"},
    "ui.review.out_file": {"vi": "Ghi vào tệp", "en": "Write to"},
    "ui.review.col.round1": {"vi": "TĐ1", "en": "Ap.1"},
    "ui.review.col.round2": {"vi": "TĐ2", "en": "Ap.2"},
    "ui.review.evidence": {
        "vi": "Tài liệu kiểm chứng (tệp lưu tại máy thẩm định, kiểm lại mã băm)",
        "en": "Evidence (files stored here, hashes checked again)",
    },
    "ui.review.col.hash": {"vi": "Mã băm", "en": "Hash"},
    "ui.review.hash.checking": {"vi": "đang kiểm…", "en": "checking…"},
    "ui.review.hash.none": {"vi": "không kèm tệp", "en": "no file"},
    "ui.review.unit_detail": {
        "vi": "{code} {name}\n{state} · tự chấm {self} · thẩm định {appraised} · xếp loại {grade}"
        "\n{full}\n{arrival}",
        "en": "{code} {name}\n{state} · self {self} · appraised {appraised} · grade {grade}"
        "\n{full}\n{arrival}",
    },
    "ui.review.arrival_line": {
        "vi": "Đến {arrived}{note} · ký {signed} · nhận vào máy {imported} (n: sửa ngày đến)",
        "en": "Arrived {arrived}{note} · signed {signed} · imported {imported} (n: arrival day)",
    },
    "ui.review.key_arrival": {"vi": "Ngày đến", "en": "Arrival"},
    "ui.review.arrival_missing": {
        "vi": "{code} chưa nộp hồ sơ kỳ này: chưa có ngày đến để ghi.",
        "en": "{code} has sent nothing for this period: no arrival to record.",
    },
    "ui.review.arrival_title": {
        "vi": "Ngày hồ sơ của {agency} thực đến — F2 ghi, Esc đóng",
        "en": "The day {agency}'s submission arrived — F2 saves, Esc closes",
    },
    "ui.review.arrival_facts": {
        "vi": "Gói {id}: ký {signed}; nhận vào máy {imported}. Trễ hạn tính từ ngày đến.",
        "en": "Bundle {id}: signed {signed}; imported {imported}. Lateness counts from arrival.",
    },
    "ui.review.arrival_day": {"vi": "Ngày đến", "en": "Arrived on"},
    "ui.review.arrival_note": {"vi": "Ghi chú", "en": "Note"},
    "ui.review.arrival_hint": {
        "vi": 'dd/mm/yyyy; ghi chú ví dụ "công văn đến ngày 09/09, số 123"',
        "en": 'dd/mm/yyyy; a note such as "letter registered 09/09, no. 123"',
    },
    "ui.review.none": {"vi": "chưa có", "en": "none"},
    "ui.review.hash.ok": {"vi": "√ khớp", "en": "√ matches"},
    "ui.review.hash.mismatch": {"vi": "× SAI LỆCH", "en": "× MISMATCH"},
    "ui.review.hash.missing": {"vi": "× MẤT TỆP", "en": "× FILE GONE"},
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
    "ui.review.key_report": {"vi": "Báo cáo kỳ", "en": "Period report"},
    "ui.review.has_report": {"vi": "có báo cáo kỳ (w)", "en": "period report enclosed (w)"},
    "ui.review.no_report_short": {"vi": "không kèm báo cáo kỳ", "en": "no period report"},
    "review.no_report": {
        "vi": "Hồ sơ {id} không kèm báo cáo kỳ (xuất trước khi có báo cáo).",
        "en": "Bundle {id} carries no period report (exported before reports).",
    },
    "review.report_changed": {
        "vi": "Báo cáo trong hồ sơ {id} đã lưu không khớp danh mục đã ký: tệp trên máy này đã "
        "bị thay đổi; hãy nhập lại hồ sơ gốc.",
        "en": "The report in stored bundle {id} does not match its signed manifest: the file on "
        "this machine changed; import the original bundle again.",
    },
    "review.report_written": {
        "vi": "Đã ghi báo cáo kỳ của {agency} (hồ sơ {id}): {path}",
        "en": "Period report of {agency} (bundle {id}) written: {path}",
    },
    "report.bad_period": {
        "vi": "Kỳ «{value}» không có; dùng: {choices}.",
        "en": "No period “{value}”; use: {choices}.",
    },
    "report.saved": {
        "vi": "Đã ghi ngày gửi {period}: {date}.",
        "en": "Recorded the date {period} was sent: {date}.",
    },
    "ui.review.import_ca": {"vi": "CA tin cậy", "en": "Trusted CA"},
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
        "vi": "Không rõ nhận xét về «{value}»: ghi «Chung», «Hoạt động 3.8», «Nhiệm vụ 2.4» "
        "hoặc «Tiêu chí 1.1.1».",
        "en": "Cannot tell what “{value}” is: write “General”, “Activity 3.8”, “Task 2.4” or "
        "“Criterion 1.1.1”.",
    },
    "review.appraised": {
        "vi": "Đã ghi điểm thẩm định {code} (vòng {round}): {points}. Tổng thẩm định của "
        "{agency}: {total} = {percent}% ({grade}).",
        "en": "Appraisal of {code} (round {round}) saved: {points}. {agency}'s appraised "
        "total: {total} = {percent}% ({grade}).",
    },
    "review.arrival_before_signing": {
        "vi": "Ngày đến {date} trước ngày ký gói ({signed}): gói không thể đến trước khi được "
        "ký. Hãy xem lại ngày trên công văn hoặc biên bản giao nhận.",
        "en": "Arrival date {date} is before the bundle was signed ({signed}): a bundle cannot "
        "arrive before it exists. Check the date on the letter or the hand-over record.",
    },
    "review.arrival_set": {
        "vi": "Đã ghi ngày đến của {agency} (gói {id}): {date}{note}; trễ hạn tính từ ngày này.",
        "en": "Arrival of {agency} (bundle {id}) recorded: {date}{note}; lateness counts from "
        "this day.",
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
    "ui.review.document_detail": {
        "vi": "{number} ngày {date} · {issuer} · {title} · tệp gốc: {file} · cho mục: {items}",
        "en": "{number} of {date} · {issuer} · {title} · original file: {file} · for: {items}",
    },
    "ui.review.drop_confirm_first": {
        "vi": "Bỏ hồ sơ chỉ làm bằng F2 trong hộp thoại, không làm khi thoát.",
        "en": "A bundle is dropped only with F2 in its dialog, never on the way out.",
    },
}
