"""Signed bundles and receipts: export, verify, import, trust, keys and the PKI."""

MESSAGES: dict[str, dict[str, str]] = {
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
    "key.toggle": {"vi": "Chọn/bỏ", "en": "Mark"},
    "key.evidence_here": {"vi": "TLKC (chọn, n: thêm)", "en": "Evidence (pick, n: new)"},
    "ui.pick.count": {
        "vi": "Đã chọn {marked}/{total} — gõ số văn bản để tới, Space chọn/bỏ, Enter xong, "
        "Esc thôi",
        "en": "{marked}/{total} marked — type a number to go to it, Space marks, Enter keeps, "
        "Esc leaves",
    },
    "ui.pick.none": {
        "vi": "Chưa có TLKC nào; thêm ở F5 hoặc bằng phím thêm TLKC của mục.",
        "en": "No documents yet; add one in F5 or with the item's add-document key.",
    },
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
    "key.create": {"vi": "Tạo CSDL", "en": "Create database"},
    "key.change_profile": {"vi": "Đổi", "en": "Change"},
    "key.filter_commented": {"vi": "Có nhận xét", "en": "Commented"},
    "key.scoring": {"vi": "Chấm điểm", "en": "Scoring"},
    "key.export": {"vi": "Xuất hồ sơ", "en": "Export"},
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
    "import.no_ca": {
        "vi": "Chưa có CA tin cậy: chỉ ra tệp ca.pem của Sở Nội vụ (trên dòng lệnh: --ca); "
        "được ghi nhớ cho các lần sau.",
        "en": "No trusted CA: give Sở Nội vụ's ca.pem (on the command line: --ca); it is "
        "remembered for next time.",
    },
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
    "import.bad_crl_because": {
        "vi": "Tệp «{path}» không dùng được làm danh sách thu hồi: {reason}",
        "en": "“{path}” cannot be used as the revocation list: {reason}",
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
    "import.unreadable": {
        "vi": "Không đọc được «{path}»: {detail}",
        "en": "Cannot read “{path}”: {detail}",
    },
    "import.bad_folder": {
        "vi": "«{name}» không dùng được làm tên thư mục nhận.",
        "en": "“{name}” cannot be used as a receiving folder name.",
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
    "import.dropped": {
        "vi": "Không nhận «{path}»: hồ sơ này đã nhận trước đó rồi bị loại bỏ lúc {when} "
        "(lý do: {reason}).",
        "en": "Refused “{path}”: this bundle was received before and dropped at {when} "
        "(reason: {reason}).",
    },
}
