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
    "verify.missing": {"vi": "Không có tệp «{path}».", "en": "No file “{path}”."},
    "verify.not_zip": {
        "vi": "«{path}» không phải tệp zip đọc được (hỏng hoặc bị cắt cụt): {detail}",
        "en": "“{path}” is not a readable zip (damaged or truncated): {detail}",
    },
    "verify.damaged": {
        "vi": "Hồ sơ bị hỏng hoặc bị sửa (đọc nội dung thất bại): {detail}",
        "en": "The bundle is damaged or was changed (reading failed): {detail}",
    },
    "verify.too_many": {
        "vi": "Hồ sơ có {count} mục, vượt giới hạn {limit}.",
        "en": "The bundle has {count} entries, over the limit of {limit}.",
    },
    "verify.unsafe_name": {
        "vi": "Tên mục không an toàn trong hồ sơ: «{name}».",
        "en": "Unsafe entry name in the bundle: “{name}”.",
    },
    "verify.duplicate": {"vi": "Tên mục bị trùng: «{name}».", "en": "Duplicate entry: “{name}”."},
    "verify.not_regular": {
        "vi": "Mục «{name}» không phải tệp thường (thư mục hoặc liên kết).",
        "en": "Entry “{name}” is not a regular file (a folder or a link).",
    },
    "verify.ratio": {
        "vi": "Mục «{name}» nén bất thường (có thể là bom nén).",
        "en": "Entry “{name}” is compressed suspiciously (a possible zip bomb).",
    },
    "verify.too_large": {
        "vi": "Hồ sơ giải nén vượt {limit} MB.",
        "en": "The bundle unpacks to more than {limit} MB.",
    },
    "verify.too_long": {
        "vi": "Mục «{name}» dài hơn kích thước khai báo "
        "(công cụ nén khác sẽ giải nén ra nội dung khác).",
        "en": "Entry “{name}” is longer than it declares "
        "(another zip tool would extract other content).",
    },
    "verify.too_big": {"vi": "Tệp thẻ «{name}» quá lớn.", "en": "Tag file “{name}” is too big."},
    "verify.roots": {
        "vi": "Hồ sơ phải có đúng một thư mục gốc (có {count}).",
        "en": "The bundle must have exactly one root folder (it has {count}).",
    },
    "verify.missing_file": {
        "vi": "Hồ sơ thiếu tệp «{name}».",
        "en": "The bundle lacks “{name}”.",
    },
    "verify.bad_bagit": {
        "vi": "bagit.txt không đúng BagIt 1.0.",
        "en": "bagit.txt is not BagIt 1.0.",
    },
    "verify.bad_manifest_line": {
        "vi": "{file}, dòng {line}: không đúng dạng «mã-băm  đường-dẫn».",
        "en": "{file}, line {line}: not “hash  path”.",
    },
    "verify.changed": {
        "vi": "Tệp «{name}» đã bị sửa: mã băm không khớp.",
        "en": "File “{name}” was changed: its hash does not match.",
    },
    "verify.unlisted": {
        "vi": "Tệp «{name}» có trong hồ sơ mà không có trong danh mục (hoặc ngược lại).",
        "en": "File “{name}” is in the bundle but not in the manifest (or the reverse).",
    },
    "verify.oxum": {
        "vi": "Payload-Oxum không khớp với dữ liệu.",
        "en": "Payload-Oxum does not match the payload.",
    },
    "verify.no_ca": {
        "vi": "Chưa có chứng thư CA (--ca) để kiểm tra người ký.",
        "en": "No CA certificate (--ca) to check the signer against.",
    },
    "verify.bad_ca": {"vi": "Tệp CA không đọc được.", "en": "The CA file cannot be read."},
    "verify.bad_crl": {
        "vi": "Danh sách thu hồi (CRL) không đọc được hoặc không do CA này ký.",
        "en": "The CRL cannot be read or was not signed by this CA.",
    },
    "verify.bad_validity": {
        "vi": "Chứng thư người ký không còn hiệu lực hôm nay (hiệu lực {since} – {until}).",
        "en": "The signer's certificate is not valid today (valid {since} – {until}).",
    },
    "verify.revoked": {
        "vi": "Chứng thư người ký đã bị thu hồi ngày {when}.",
        "en": "The signer's certificate was revoked on {when}.",
    },
    "verify.other_agency": {
        "vi": "Chứng thư của cơ quan {cert} nhưng hồ sơ của cơ quan {bag}.",
        "en": "The certificate is agency {cert}'s but the bundle is agency {bag}'s.",
    },
    "verify.ok_archive": {"vi": "an toàn, {count} mục", "en": "safe, {count} entries"},
    "verify.ok_tags": {"vi": "{count} tệp thẻ khớp", "en": "{count} tag files match"},
    "verify.ok_signature": {"vi": "hợp lệ, người ký {officer}", "en": "valid, signed by {officer}"},
    "verify.ok_payload": {"vi": "{count} tệp khớp", "en": "{count} files match"},
    "verify.ok_chain": {"vi": "do CA tin cậy cấp", "en": "issued by the trusted CA"},
    "verify.ok_validity": {"vi": "còn hiệu lực đến {until}", "en": "valid until {until}"},
    "verify.ok_revocation": {"vi": "chưa bị thu hồi", "en": "not revoked"},
    "verify.ok_agency": {"vi": "đúng cơ quan {agency}", "en": "the right agency, {agency}"},
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
        "vi": "Chưa có CA tin cậy: dùng --ca (được ghi nhớ cho các lần sau).",
        "en": "No trusted CA: use --ca (remembered for next time).",
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
    "receipt.written": {"vi": "Đã ký phiếu thẩm định: {path}", "en": "Receipt signed: {path}"},
    # -- issue 10: trust (certificates, CRLs, receipts) -------------------------------------
    "trust.role.officer": {"vi": "cán bộ (ký hồ sơ)", "en": "officer (signs bundles)"},
    "trust.role.reviewer": {
        "vi": "thẩm định (ký phiếu thẩm định)",
        "en": "reviewer (signs review receipts)",
    },
    "trust.role.none": {"vi": "không có dấu vai trò", "en": "no role mark"},
    "trust.no_role_mark": {
        "vi": "Chứng thư ký không có dấu vai trò {role} (chứng thư cấp trước khi có vai trò, "
        "hoặc không do cchc pki cấp): cần cấp lại.",
        "en": "The signing certificate carries no {role} role mark (issued before roles "
        "existed, or not by cchc pki): it must be issued again.",
    },
    "trust.leaf_is_ca": {
        "vi": "Chứng thư ký là chứng thư của một CA: CA không được ký hồ sơ hay phiếu.",
        "en": "The signing certificate is a CA's: a CA never signs bundles or receipts.",
    },
    "trust.no_digital_signature": {
        "vi": "Chứng thư ký không cho phép ký số (thiếu digitalSignature).",
        "en": "The signing certificate does not allow digital signatures (no digitalSignature).",
    },
    "trust.wrong_role": {
        "vi": "Chứng thư này dành cho vai trò {has}, không được dùng cho vai trò {role}.",
        "en": "This certificate is for the {has} role, not for the {role} role.",
    },
    "trust.bad_path": {
        "vi": "Chuỗi chứng thư không hợp lệ (bên cấp «{issuer}»): {detail}.",
        "en": "The certificate path does not hold (issuer “{issuer}”): {detail}.",
    },
    "trust.path.not_issued": {
        "vi": "không do CA tin cậy cấp (chữ ký của bên cấp không khớp)",
        "en": "not issued by the trusted CA (the issuer's signature does not match)",
    },
    "trust.path.issuer_not_ca": {
        "vi": "bên cấp trong chuỗi không phải là CA (CA:FALSE)",
        "en": "an issuer in the path is not a CA (CA:FALSE)",
    },
    "trust.path.no_key_cert_sign": {
        "vi": "bên cấp trong chuỗi không được phép cấp chứng thư (thiếu keyCertSign)",
        "en": "an issuer in the path may not issue certificates (no keyCertSign)",
    },
    "trust.path.too_long": {
        "vi": "chuỗi dài hơn CA gốc cho phép (pathLen): CA của cchc pki không có CA trung gian",
        "en": "the path is longer than the root allows (pathLen): cchc pki's CA has no "
        "intermediates",
    },
    "trust.path.validity": {
        "vi": "một chứng thư CA trong chuỗi đã hết hạn hoặc chưa có hiệu lực",
        "en": "a CA certificate of the path has expired or is not yet valid",
    },
    "trust.unchecked": {
        "vi": "chưa kiểm tra thu hồi (không có danh sách thu hồi — dùng --crl)",
        "en": "revocation not checked (no revocation list — use --crl)",
    },
    "trust.unchecked_leaf": {
        "vi": "chưa kiểm tra thu hồi chứng thư ký (do CA trung gian cấp, không có danh sách "
        "thu hồi của CA đó)",
        "en": "the signing certificate's revocation not checked (issued by an intermediate CA "
        "whose revocation list is not held)",
    },
    "trust.issuer_revoked": {
        "vi": "CA trung gian trong chuỗi đã bị thu hồi ngày {when}.",
        "en": "An intermediate CA of the path was revoked on {when}.",
    },
    "trust.crl_foreign": {
        "vi": "Danh sách thu hồi (CRL) không do CA tin cậy ký.",
        "en": "The revocation list (CRL) is not signed by the trusted CA.",
    },
    "trust.crl_future": {
        "vi": "Danh sách thu hồi ghi ngày phát hành {date}, sau hôm nay: kiểm tra đồng hồ máy "
        "hoặc xin lại danh sách.",
        "en": "The revocation list says it was issued on {date}, after today: check the clock "
        "or ask for the list again.",
    },
    "trust.crl_stale": {
        "vi": "Danh sách thu hồi đã hết hạn ngày {date}: xin danh sách mới của Sở Nội vụ "
        "(hoặc dùng --allow-stale-crl nếu chấp nhận rủi ro).",
        "en": "The revocation list expired on {date}: get a new one from Sở Nội vụ "
        "(or use --allow-stale-crl to accept the risk).",
    },
    "trust.crl_stale_warning": {
        "vi": "danh sách thu hồi đã hết hạn ngày {date}",
        "en": "the revocation list expired on {date}",
    },
    "trust.crl_older": {
        "vi": "Danh sách thu hồi này cũ hơn danh sách đã có (số {new} so với {old}): "
        "không thay thế.",
        "en": "This revocation list is older than the one held (number {new} against {old}): "
        "not replaced.",
    },
    "trust.role_for_export": {
        "vi": "Khóa đã nhập ({has}) không ký được hồ sơ: chỉ chứng thư cán bộ mới ký được; "
        "xin Sở Nội vụ cấp chứng thư cán bộ rồi chạy cchc key import.",
        "en": "The imported key ({has}) cannot sign bundles: only an officer certificate can; "
        "get one from Sở Nội vụ, then run cchc key import.",
    },
    "trust.role_for_receipt": {
        "vi": "Khóa đã nhập ({has}) không ký được phiếu thẩm định: chỉ chứng thư thẩm định "
        "(cchc pki issue --role reviewer) mới ký được.",
        "en": "The imported key ({has}) cannot sign review receipts: only a reviewer "
        "certificate (cchc pki issue --role reviewer) can.",
    },
    "trust.own_key_bad": {
        "vi": "Khóa ký đã nhập không còn dùng được: {reason}",
        "en": "The imported signing key can no longer be used: {reason}",
    },
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
    "verify.repeated_key": {
        "vi": "data/submission.json ghi khóa «{key}» hai lần trong một đối tượng.",
        "en": "data/submission.json gives the key “{key}” twice in one object.",
    },
    "trust.ca_differs": {
        "vi": "CA trong «{path}» (vân tay {new}) khác CA đã ghi nhớ ({old}): không thay. Nếu Sở "
        "Nội vụ thật sự đổi CA, chạy lại với --replace-ca.",
        "en": "The CA in “{path}” (fingerprint {new}) differs from the one remembered ({old}): "
        "not replaced. If Sở Nội vụ really changed its CA, run again with --replace-ca.",
    },
    "verify.not_regular_file": {
        "vi": "«{path}» không phải một tệp thường (thư mục, FIFO hay thiết bị).",
        "en": "“{path}” is not a regular file (a folder, a FIFO or a device).",
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
    "verify.file_too_large": {
        "vi": "Tệp lớn {size} MB, vượt giới hạn của một hồ sơ ({limit} MB).",
        "en": "The file is {size} MB, over the limit of one bundle ({limit} MB).",
    },
    "verify.junk_before": {
        "vi": "Tệp không bắt đầu bằng một mục zip (có dữ liệu lạ ở đầu tệp).",
        "en": "The file does not start with a zip entry (unknown data in front).",
    },
    "verify.no_end": {
        "vi": "không có phần kết của zip ở cuối tệp",
        "en": "no end of central directory at the end of the file",
    },
    "verify.junk_after": {
        "vi": "Phần kết của zip không nằm ở cuối tệp (còn dữ liệu lạ hoặc chú thích zip).",
        "en": "The zip's end record is not at the end of the file (trailing data or a comment).",
    },
    "verify.bad_directory": {
        "vi": "Danh mục của tệp zip bị hỏng hoặc không khớp với các mục.",
        "en": "The zip's central directory is damaged or does not match its entries.",
    },
    "verify.bad_layout": {
        "vi": "Mục «{name}» không khớp với danh mục zip, chồng lên mục khác hoặc có dữ liệu lạ "
        "xen giữa.",
        "en": "Entry “{name}” does not match the central directory, overlaps another entry or "
        "has unknown data around it.",
    },
    "verify.encrypted": {
        "vi": "Mục «{name}» được mã hóa; hồ sơ không được mã hóa.",
        "en": "Entry “{name}” is encrypted; a bundle never is.",
    },
    "verify.method": {
        "vi": "Mục «{name}» nén bằng phương pháp {method}, không được hỗ trợ (chỉ lưu nguyên "
        "hoặc deflate).",
        "en": "Entry “{name}” uses compression method {method}, not supported (stored or "
        "deflated only).",
    },
    "verify.bad_entry_name": {
        "vi": "Mục «{name}» không được phép trong hồ sơ (chỉ có các tệp thẻ, "
        "data/submission.json, data/audit.jsonl và data/evidence/<sha256>.<đuôi>).",
        "en": "Entry “{name}” is not allowed in a bundle (only the tag files, "
        "data/submission.json, data/audit.jsonl and data/evidence/<sha256>.<ext>).",
    },
    "verify.tag_list": {
        "vi": "tagmanifest phải liệt kê đúng bagit.txt, bag-info.txt và manifest-sha256.txt "
        "(thiếu hoặc thừa «{name}»).",
        "en": "The tag manifest must list exactly bagit.txt, bag-info.txt and "
        "manifest-sha256.txt (“{name}” missing or extra).",
    },
    "verify.evidence_hash": {
        "vi": "Tệp «{name}» có nội dung khác mã băm trong tên của nó.",
        "en": "The content of “{name}” does not match the hash in its name.",
    },
    "verify.bag_info_repeated": {
        "vi": "bag-info.txt ghi «{label}» nhiều lần.",
        "en": "bag-info.txt gives “{label}” more than once.",
    },
    "verify.bad_label": {
        "vi": "bag-info.txt: {label} «{value}» không hợp lệ.",
        "en": "bag-info.txt: {label} “{value}” is not valid.",
    },
    "verify.bad_identifier": {
        "vi": "External-Identifier «{value}» không phải UUID ở dạng chuẩn.",
        "en": "External-Identifier “{value}” is not a UUID in canonical form.",
    },
    "verify.root_not_id": {
        "vi": "Thư mục gốc «{root}» khác External-Identifier «{value}».",
        "en": "The root folder “{root}” differs from External-Identifier “{value}”.",
    },
    "verify.id_not_derived": {
        "vi": "External-Identifier «{value}» không phải mã suy ra từ cơ quan, kế hoạch, kỳ và "
        "thời điểm xuất ({expected}).",
        "en": "External-Identifier “{value}” is not the id derived from the agency, plan, "
        "period and export time ({expected}).",
    },
    "verify.bad_submission": {
        "vi": "Tệp data/submission.json không đúng lược đồ: «{field}: {detail}».",
        "en": "data/submission.json does not fit the schema: “{field}: {detail}”.",
    },
    "verify.bad_submission_json": {
        "vi": "Tệp data/submission.json không đọc được: {detail}.",
        "en": "data/submission.json cannot be read: {detail}.",
    },
    "verify.submission_mismatch": {
        "vi": "data/submission.json ghi {label} «{value}» nhưng bag-info.txt ghi «{expected}».",
        "en": "data/submission.json gives {label} “{value}” but bag-info.txt “{expected}”.",
    },
    "verify.evidence_unlisted": {
        "vi": "data/submission.json nói tới tệp «{name}» không có trong hồ sơ.",
        "en": "data/submission.json names a file “{name}” the bundle does not hold.",
    },
    "verify.ok_identifier": {
        "vi": "mã hồ sơ {id} đúng với cơ quan, kế hoạch, kỳ và thời điểm",
        "en": "bundle id {id} matches agency, plan, period and time",
    },
    "verify.ok_submission": {
        "vi": "đúng lược đồ {version}: {items} mục, {evidence} TLKC",
        "en": "fits schema {version}: {items} items, {evidence} documents",
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
    # issue 12: corruption
    "verify.zip_version": {
        "vi": "Mục «{name}» đòi phiên bản zip {version} để đọc, không được hỗ trợ (chỉ 1.0, 2.0 "
        "hoặc 4.5); tệp bị hỏng hoặc không do ứng dụng tạo.",
        "en": "Entry “{name}” needs zip version {version} to be read, not supported (1.0, 2.0 or "
        "4.5 only); the file is damaged or was not made by this application.",
    },
    "verify.zip_flags": {
        "vi": "Mục «{name}» có cờ zip lạ ({flags}); tệp bị hỏng hoặc không do ứng dụng tạo.",
        "en": "Entry “{name}” carries unknown zip flags ({flags}); the file is damaged or was "
        "not made by this application.",
    },
    "verify.entry_damaged": {
        "vi": "Mục «{name}» bị hỏng hoặc bị sửa: dữ liệu không khớp mã kiểm tra CRC-32 hoặc "
        "không giải nén được.",
        "en": "Entry “{name}” is damaged or was changed: its data does not match its CRC-32 or "
        "cannot be decompressed.",
    },
}
