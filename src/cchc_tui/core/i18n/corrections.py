"""The review desk's corrections: appraisal rounds, reasons and withdrawals, accepting the
agency's own points, withdrawn comments, the review state and its lock, numbered receipts."""

MESSAGES: dict[str, dict[str, str]] = {
    "review.pick_round": {
        "vi": "Chọn vòng thẩm định: 1, hoặc 2 (sau giải trình).",
        "en": "Choose the appraisal round: 1, or 2 (after the explanation).",
    },
    "review.reason_change": {
        "vi": "{code} vòng {round} đã có điểm {before}; đổi thành {after} cần ghi lý do.",
        "en": "{code} round {round} already has {before}; changing it to {after} needs a reason.",
    },
    "review.reason_deduction": {
        "vi": "{code}: đơn vị tự chấm {own}, thẩm định {after} là trừ điểm; cần ghi lý do "
        "(gửi kèm phiếu thẩm định).",
        "en": "{code}: the agency scored {own}, appraising {after} is a deduction; a reason is "
        "needed (it goes in the receipt).",
    },
    "review.nothing_to_withdraw": {
        "vi": "{code} chưa có điểm thẩm định vòng {round} để rút.",
        "en": "{code} has no round {round} appraisal to withdraw.",
    },
    "review.reason_withdraw": {
        "vi": "Rút điểm thẩm định {code} vòng {round} cần ghi lý do.",
        "en": "Withdrawing the round {round} appraisal of {code} needs a reason.",
    },
    "review.withdrawn": {
        "vi": "Đã rút điểm thẩm định {code} vòng {round} ({points}).",
        "en": "Withdrew the round {round} appraisal of {code} ({points}).",
    },
    "review.unknown_scope": {
        "vi": "Bộ tiêu chí {set} không có lĩnh vực, tiêu chí hay tiêu chí thành phần «{scope}».",
        "en": "Criteria set {set} has no area, criterion or sub-criterion “{scope}”.",
    },
    "review.accept_none": {
        "vi": "«{scope}»: không còn tiêu chí nào đơn vị tự chấm mà vòng {round} chưa thẩm định.",
        "en": "“{scope}”: nothing the agency scored is left unappraised in round {round}.",
    },
    "review.accepted": {
        "vi": "Đã giữ điểm tự chấm của {count} tiêu chí ({scope}, vòng {round}).",
        "en": "Kept the agency's own points for {count} criteria ({scope}, round {round}).",
    },
    "ui.review.key_withdraw": {"vi": "Rút điểm", "en": "Withdraw"},
    "ui.review.key_accept": {"vi": "Giữ tự chấm", "en": "Accept own"},
    "ui.review.appraise_now": {
        "vi": "Tự chấm: {own} · vòng 1: {r1} · vòng 2: {r2}",
        "en": "Own score: {own} · round 1: {r1} · round 2: {r2}",
    },
    "ui.review.reason": {"vi": "Lý do", "en": "Reason"},
    "ui.review.appraise_reason_hint": {
        "vi": "Lý do bắt buộc khi trừ điểm hoặc sửa điểm đã nhập; gửi kèm phiếu.",
        "en": "A reason is required for a deduction or a change; it goes in the receipt.",
    },
    "ui.review.withdraw_title": {
        "vi": "Rút điểm thẩm định {code}",
        "en": "Withdraw the appraisal of {code}",
    },
    "ui.review.accept_title": {
        "vi": "Giữ điểm tự chấm của đơn vị",
        "en": "Keep the agency's own points",
    },
    "ui.review.accept_scope": {"vi": "Phạm vi", "en": "Scope"},
    "ui.review.accept_hint": {
        "vi": "Lĩnh vực (1), tiêu chí (1.1) hoặc tiêu chí thành phần (1.1.1); điểm đã thẩm "
        "định của vòng không bị ghi đè.",
        "en": "An area (1), a criterion (1.1) or a sub-criterion (1.1.1); entries already "
        "made in the round are kept.",
    },
    "review.comment_withdrawn": {
        "vi": "Đã rút nhận xét ({target}).",
        "en": "Comment withdrawn ({target}).",
    },
    "review.comment_unknown": {
        "vi": "Không có nhận xét số {id} trên hồ sơ này.",
        "en": "This bundle has no comment number {id}.",
    },
    "review.comment_already_withdrawn": {
        "vi": "Nhận xét số {id} đã được rút.",
        "en": "Comment {id} was already withdrawn.",
    },
    "review.reason_comment_withdraw": {
        "vi": "Rút nhận xét cần ghi lý do.",
        "en": "Withdrawing a comment needs a reason.",
    },
    "review.unknown_item": {
        "vi": "Kế hoạch không có hoạt động «{value}».",
        "en": "The plan has no activity “{value}”.",
    },
    "review.unknown_criterion": {
        "vi": "Bộ tiêu chí của hồ sơ không có tiêu chí «{value}».",
        "en": "The bundle's criteria set has no criterion “{value}”.",
    },
    "review.state_locked": {
        "vi": "Hồ sơ đã duyệt; mở lại (đổi trạng thái) cần ghi lý do.",
        "en": "The bundle is approved; reopening it (changing the state) needs a reason.",
    },
    "review.state_same": {
        "vi": "Hồ sơ đang ở trạng thái «{state}».",
        "en": "The bundle is already “{state}”.",
    },
    "review.state_set": {
        "vi": "Trạng thái của {agency}: {state}.",
        "en": "{agency} is now: {state}.",
    },
    "ui.review.state_title": {
        "vi": "Trạng thái thẩm định · {agency}",
        "en": "Review state · {agency}",
    },
    "ui.review.state_confirm": {
        "vi": "Đặt «{state}» cho {agency}? Enter: đồng ý · Esc: thôi",
        "en": "Set “{state}” for {agency}? Enter: yes · Esc: no",
    },
    "ui.review.state_reopen_hint": {
        "vi": "Hồ sơ đã duyệt: ghi lý do mở lại trước khi chọn.",
        "en": "The bundle is approved: give the reason for reopening before choosing.",
    },
    "receipt.exists": {
        "vi": "Đã có tệp {path}; phiếu không ghi đè tệp nào. Chọn thư mục hoặc tên tệp khác.",
        "en": "{path} exists; a receipt never overwrites a file. Choose another folder or name.",
    },
    "receipt.written_numbered": {
        "vi": "Đã ký phiếu số {number} ({state}): {path}",
        "en": "Signed receipt no. {number} ({state}): {path}",
    },
    "receipt.reissued": {
        "vi": "Đã xuất lại phiếu số {number} (ký {when}): {path}",
        "en": "Issued receipt no. {number} (signed {when}) again: {path}",
    },
    "receipt.unknown_number": {
        "vi": "{agency} kỳ {period} không có phiếu số {number}; đã ký: {numbers}.",
        "en": "{agency} {period} has no receipt no. {number}; signed: {numbers}.",
    },
    "review.target.general": {"vi": "Chung", "en": "General"},
    "review.target.item": {"vi": "Hoạt động {number}", "en": "Activity {number}"},
    "review.target.task": {"vi": "Nhiệm vụ {number}", "en": "Task {number}"},
    "review.target.criterion": {"vi": "Tiêu chí {code}", "en": "Criterion {code}"},
    "receipt.write_failed": {
        "vi": "Không ghi được phiếu vào {path}: {detail}. Chưa có phiếu nào được lưu.",
        "en": "Could not write the receipt to {path}: {detail}. No receipt was kept.",
    },
    "review.points_needed": {
        "vi": "Thiếu điểm: --points ĐIỂM (hoặc --withdraw --reason LÝ_DO để rút).",
        "en": "No points: --points P (or --withdraw --reason R to withdraw).",
    },
    "review.appraised_one": {
        "vi": "Đã ghi điểm thẩm định {code} vòng {round}: {points}.",
        "en": "Appraised {code} round {round}: {points}.",
    },
    "review.appraised_total": {
        "vi": "{agency}: tổng thẩm định {total} điểm = {percent}% ({grade}).",
        "en": "{agency}: appraised total {total} points = {percent}% ({grade}).",
    },
    "review.comment_saved": {
        "vi": "Đã ghi nhận xét ({target}).",
        "en": "Comment saved ({target}).",
    },
    "receipt.no_out": {
        "vi": "Thiếu --out THƯ_MỤC (hoặc tên tệp) để ghi phiếu.",
        "en": "No --out FOLDER (or file name) to write the receipt to.",
    },
    "help.review.accept": {
        "vi": "giữ điểm tự chấm cho một lĩnh vực, tiêu chí hoặc tiêu chí thành phần",
        "en": "keep the agency's own points for an area, criterion or sub-criterion",
    },
    "help.review.accept_scope": {
        "vi": "lĩnh vực (1), tiêu chí (1.1) hoặc tiêu chí thành phần (1.1.1)",
        "en": "an area (1), a criterion (1.1) or a sub-criterion (1.1.1)",
    },
    "help.review.state_reason": {
        "vi": "lý do (bắt buộc khi mở lại hồ sơ đã duyệt)",
        "en": "reason (required to reopen an approved bundle)",
    },
    "help.review.comment_withdraw": {
        "vi": "rút nhận xét số N (cần --reason)",
        "en": "withdraw comment N (needs --reason)",
    },
    "help.review.appraise_reason": {
        "vi": "lý do (bắt buộc khi trừ điểm hoặc sửa điểm đã nhập)",
        "en": "reason (required for a deduction or a change)",
    },
    "help.review.appraise_withdraw": {
        "vi": "rút điểm thẩm định của vòng (cần --reason)",
        "en": "withdraw the round's appraisal (needs --reason)",
    },
    "help.review.receipt_out": {
        "vi": "thư mục (phiếu mang số tiếp theo) hoặc tên tệp; không ghi đè tệp có sẵn",
        "en": "a folder (the receipt takes the next number) or a file name; never overwrites",
    },
    "help.review.reissue": {
        "vi": "xuất lại phiếu số N đúng như đã ký",
        "en": "write receipt N again as signed",
    },
    "help.review.receipt_list": {
        "vi": "liệt kê các phiếu đã ký cho đơn vị trong kỳ",
        "en": "list the receipts signed for the agency and period",
    },
    "ui.review.comment_number": {"vi": "Số (#)", "en": "No. (#)"},
    "ui.review.state_pick_first": {
        "vi": "Trạng thái chỉ đổi khi chọn và xác nhận trong hộp thoại, không đổi khi thoát.",
        "en": "The state changes only when chosen and confirmed, never on the way out.",
    },
    "ui.review.key_uncomment": {"vi": "Rút nhận xét", "en": "Withdraw comment"},
    "ui.review.uncomment_title": {"vi": "Rút nhận xét", "en": "Withdraw a comment"},
    "ui.review.key_next_unit": {"vi": "Đơn vị sau", "en": "Next unit"},
    "ui.review.key_prev_unit": {"vi": "Đơn vị trước", "en": "Previous unit"},
    "ui.review.earlier_bundle": {"vi": " (hồ sơ trước)", "en": " (earlier bundle)"},
    "ui.review.comment_was_withdrawn": {"vi": "(đã rút: {reason})", "en": "(withdrawn: {reason})"},
    "ui.review.key_receipt_path": {"vi": "Đổi nơi lưu", "en": "Change folder"},
    "ui.review.key_reissue": {"vi": "Xuất lại phiếu", "en": "Issue again"},
    "ui.review.receipt_hint": {
        "vi": "Phiếu mang số tiếp theo, không ghi đè tệp nào. F4: đổi nơi lưu · Ctrl+R: xuất "
        "lại phiếu đang chọn bên dưới (↑↓ chọn).",
        "en": "The receipt takes the next number and never overwrites a file. F4: change "
        "folder · Ctrl+R: issue the receipt highlighted below again (↑↓ to pick).",
    },
    "ui.review.help_guide": {
        "vi": "Một vòng thẩm định: nhận hồ sơ (i; ngày đến: n) → thẩm định vòng 1 (mở đơn vị "
        "bằng Enter, p chấm từng tiêu chí, a giữ điểm tự chấm cả tiêu chí/lĩnh vực, c nhận xét) "
        "→ gửi phiếu (n) trạng thái «cần bổ sung» → đơn vị giải trình, nộp lại → vòng 2 (p, "
        "chọn vòng 2) → «đã duyệt» (t) và phiếu cuối. Trừ điểm hay sửa điểm phải ghi lý do; "
        "rút điểm: x, rút nhận xét: u. > và <: đơn vị sau, trước. r: xếp hạng theo nhóm.",
        "en": "One review round: receive the bundles (i; arrival day: n) → appraise round 1 "
        "(Enter opens a unit, p scores a criterion, a keeps the agency's own points for a "
        "criterion or area, c comments) → send a receipt (n) saying “more needed” → the "
        "agency explains and resubmits → round 2 (p, choose round 2) → “approved” (t) and the "
        "last receipt. A deduction or a change needs a reason; withdraw points: x, a comment: "
        "u. > and <: next, previous unit. r: rankings by group.",
    },
    "ui.review.sub_line": {
        "vi": "{code} {title} (tối đa {max})",
        "en": "{code} {title} (max {max})",
    },
    "ui.review.changes_title": {
        "vi": "Thay đổi so với lần nộp trước",
        "en": "Changes since the previous bundle",
    },
    "ui.review.key_changes": {"vi": "Thay đổi", "en": "Changes"},
    "ui.review.key_open_file": {"vi": "Mở tệp", "en": "Open file"},
    "ui.review.changes_head": {
        "vi": "{name} ({code}) · {period} · thay đổi so với lần nộp trước",
        "en": "{name} ({code}) · {period} · changes since the previous bundle",
    },
    "ui.review.changes_first": {
        "vi": "Đây là lần nộp đầu tiên của kỳ; chưa có gì để so.",
        "en": "This is the period's first bundle; nothing to compare with.",
    },
    "ui.review.changes_between": {
        "vi": "Hồ sơ {before}… (nhận {before_at}) → {after}… (nhận {after_at}): {count} thay đổi",
        "en": "Bundle {before}… (received {before_at}) → {after}… (received {after_at}): "
        "{count} changes",
    },
    "ui.review.changes_detail": {
        "vi": "{kind} {key} · {field}: {before} → {after}",
        "en": "{kind} {key} · {field}: {before} → {after}",
    },
    "ui.review.changes.col.kind": {"vi": "Loại", "en": "Kind"},
    "ui.review.changes.col.key": {"vi": "Mã", "en": "Code"},
    "ui.review.changes.col.field": {"vi": "Nội dung", "en": "Field"},
    "ui.review.changes.col.before_after": {"vi": "Trước → sau", "en": "Before → after"},
    "ui.review.changes.kind.item": {"vi": "Mục", "en": "Item"},
    "ui.review.changes.kind.score": {"vi": "Tiêu chí", "en": "Criterion"},
    "ui.review.changes.kind.document": {"vi": "TLKC", "en": "Document"},
    "ui.review.changes.field.status": {"vi": "trạng thái", "en": "status"},
    "ui.review.changes.field.progress": {"vi": "tiến độ %", "en": "progress %"},
    "ui.review.changes.field.completed_on": {"vi": "ngày xong", "en": "done on"},
    "ui.review.changes.field.note": {"vi": "ghi chú", "en": "note"},
    "ui.review.changes.field.reason": {"vi": "lý do", "en": "reason"},
    "ui.review.changes.field.points": {"vi": "tự chấm", "en": "own score"},
    "ui.review.changes.field.documents": {"vi": "TLKC", "en": "documents"},
    "ui.review.changes.field.added": {"vi": "thêm", "en": "added"},
    "ui.review.changes.field.removed": {"vi": "bỏ", "en": "removed"},
    "ui.review.changes.field.date": {"vi": "ngày", "en": "date"},
    "ui.review.changes.field.issuer": {"vi": "nơi ban hành", "en": "issuer"},
    "ui.review.changes.field.title": {"vi": "trích yếu", "en": "title"},
    "ui.review.changes.field.file": {"vi": "tệp", "en": "file"},
    "review.file_not_ok": {
        "vi": "Không mở {path}: tệp không khớp mã băm đã ký (hoặc không còn trên máy).",
        "en": "Not opening {path}: the file does not match the signed hash (or is gone).",
    },
    "review.file_opened": {
        "vi": "Đã mở {path} bằng chương trình của máy.",
        "en": "Opened {path} with the system's viewer.",
    },
    "review.file_open_failed": {
        "vi": "Không mở được {path}: {detail}",
        "en": "Could not open {path}: {detail}",
    },
    "ui.review.ranking_exists": {
        "vi": "Đã có tệp {path}. Enter (hoặc F2) lần nữa để ghi đè, hoặc đổi tên tệp.",
        "en": "{path} exists. Enter (or F2) again to replace it, or change the name.",
    },
    "reminders.bad_suffix": {
        "vi": "Danh sách đôn đốc ghi ra tệp .xlsx (đã cho: {path}).",
        "en": "The reminder list is written to an .xlsx file (given: {path}).",
    },
    "reminders.written": {
        "vi": "Đã ghi danh sách đôn đốc ({count} đơn vị chưa nộp hoặc nộp trễ): {path}",
        "en": "Reminder list written ({count} units missing or late): {path}",
    },
    "receipts.signed_all": {
        "vi": "Đã ký {count} phiếu vào {path}.",
        "en": "Signed {count} receipts into {path}.",
    },
    "receipts.none_pending": {
        "vi": "Không còn phiếu nào chờ ký cho kỳ {period}.",
        "en": "No receipt left to sign for {period}.",
    },
    "help.review.reminders": {
        "vi": "ghi danh sách đơn vị chưa nộp hoặc nộp trễ (.xlsx) để đôn đốc",
        "en": "write the units missing or late (.xlsx) for a reminder letter",
    },
    "help.review.receipts": {
        "vi": "ký một lượt mọi phiếu chờ ký vào một thư mục",
        "en": "sign every pending receipt into one folder",
    },
    "receipt.not_a_folder": {
        "vi": "{path} không phải thư mục có sẵn; phiếu ký một lượt ghi vào một thư mục.",
        "en": "{path} is not an existing folder; a batch of receipts goes into a folder.",
    },
    "ui.review.key_sign_all": {"vi": "Ký phiếu chờ", "en": "Sign pending"},
    "ui.review.key_reminders": {"vi": "Đôn đốc", "en": "Reminders"},
    "ui.review.folder": {"vi": "Thư mục", "en": "Folder"},
    "ui.review.sign_all_title": {
        "vi": "Ký một lượt các phiếu chờ ký · kỳ {period}",
        "en": "Sign every pending receipt · {period}",
    },
    "ui.review.sign_all_pending": {
        "vi": "Chờ ký: {count} phiếu ({codes}). F4: đổi thư mục.",
        "en": "Pending: {count} receipts ({codes}). F4: change folder.",
    },
    "ui.review.reminders_title": {
        "vi": "Danh sách đơn vị chưa nộp hoặc nộp trễ (.xlsx)",
        "en": "Units missing or late (.xlsx)",
    },
    "review.not_survey": {
        "vi": "{code} không phải tiêu chí điều tra xã hội học.",
        "en": "{code} is not a survey sub-criterion.",
    },
    "ui.review.key_survey": {"vi": "Điều tra XHH", "en": "Survey"},
    "ui.review.survey_title": {
        "vi": "Điểm điều tra xã hội học · kỳ {period}",
        "en": "Survey points · {period}",
    },
    "ui.review.survey_hint": {
        "vi": "↑↓ chọn đơn vị · gõ điểm, Enter lưu và sang đơn vị sau · sửa điểm đã có cần lý do.",
        "en": "↑↓ pick a unit · type the points, Enter saves and moves on · a change needs a "
        "reason.",
    },
    "ui.review.survey_saved": {
        "vi": "{agency} {code}: {points}",
        "en": "{agency} {code}: {points}",
    },
    "ui.review.col.max": {"vi": "Tối đa", "en": "Max"},
    "ui.review.reason_of_round": {
        "vi": "Lý do vòng {round}: {reason}",
        "en": "Round {round} reason: {reason}",
    },
    "cli.no_terminal": {
        "vi": "Không có cửa sổ dòng lệnh để mở ứng dụng (đầu vào hoặc đầu ra đang chuyển hướng, "
        "hay chạy từ tác vụ định giờ). Hãy mở cchc trong {where}, hoặc dùng một lệnh con "
        "(cchc --help).",
        "en": "No terminal to open the app in (input or output redirected, or run from a "
        "scheduled task). Open cchc in {where}, or use a subcommand (cchc --help).",
    },
    "cli.terminal_windows": {"vi": "Windows Terminal hoặc cmd", "en": "Windows Terminal or cmd"},
    "cli.terminal_other": {"vi": "một cửa sổ dòng lệnh", "en": "a terminal window"},
    "cli.needs_option": {
        "vi": "Lệnh «cchc {command}» cần {option}.",
        "en": "“cchc {command}” needs {option}.",
    },
    "review.needs_period": {
        "vi": "{option} cần --period (Q1, 6T, Q3, NAM): không có kỳ thì lệnh mở ứng dụng.",
        "en": "{option} needs --period (Q1, 6T, Q3, NAM): without a period the command opens "
        "the app.",
    },
    "file.not_utf8": {
        "vi": "Tệp {path} không phải văn bản UTF-8 (có thể lưu bằng bảng mã cũ). Mở bằng "
        "Notepad, chọn Lưu thành… với mã hóa UTF-8 rồi thử lại.",
        "en": "{path} is not UTF-8 text (perhaps saved in an old code page). Open it in "
        "Notepad, Save As… with UTF-8 encoding and try again.",
    },
    "file.locked": {
        "vi": "Tệp {path} đang mở trong chương trình khác (Excel?): hãy đóng tệp rồi thử lại. "
        "Chưa ghi gì.",
        "en": "{path} is open in another program (Excel?): close it and try again. Nothing "
        "was written.",
    },
}
