"""Catalogue: what `cchc verify`, the import and the receipt reader say of a bundle's archive, bag,
signature, identity and submission, and of the signer's certificate (the trust checks)."""

MESSAGES: dict[str, dict[str, str]] = {
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
        "vi": "Chưa có chứng thư CA (tệp ca.pem của Sở Nội vụ; trên dòng lệnh: --ca) để kiểm "
        "tra người ký.",
        "en": "No CA certificate (Sở Nội vụ's ca.pem; on the command line: --ca) to check the "
        "signer against.",
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
    "zip.bad_crc": {
        "vi": "nội dung tệp «{name}» đã bị thay đổi hoặc hỏng trên đường chép (mã kiểm tra CRC-32 "
        "không khớp)",
        "en": "the content of “{name}” was changed or damaged in copying (its CRC-32 check "
        "does not match)",
    },
    "zip.not_zip": {"vi": "không phải tệp zip", "en": "not a zip file"},
    "zip.bad_structure": {
        "vi": "cấu trúc tệp zip bị hỏng",
        "en": "the zip file's structure is damaged",
    },
    "zip.bad_deflate": {
        "vi": "dữ liệu nén bên trong bị hỏng",
        "en": "the compressed data inside is damaged",
    },
    "zip.truncated": {
        "vi": "tệp bị cắt cụt (chép chưa hết?)",
        "en": "the file is cut short (copied only in part?)",
    },
    "zip.bad_text": {
        "vi": "có văn bản không đọc được (không phải UTF-8)",
        "en": "some text cannot be read (not UTF-8)",
    },
}
