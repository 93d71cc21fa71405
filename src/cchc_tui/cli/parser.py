"""The command line's grammar: every command, its arguments and their help."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from cchc_tui import __version__
from cchc_tui.cli.bundles import cmd_export, cmd_import, cmd_key, cmd_pki, cmd_verify
from cchc_tui.cli.common import EXIT_USAGE
from cchc_tui.cli.officer import (
    cmd_agencies,
    cmd_assigned,
    cmd_db,
    cmd_demo,
    cmd_evidence,
    cmd_history,
    cmd_init,
    cmd_plan,
    cmd_progress,
)
from cchc_tui.cli.review import cmd_receipt, cmd_review
from cchc_tui.cli.scoring import cmd_criteria, cmd_indicator, cmd_report, cmd_score
from cchc_tui.config import THEMES
from cchc_tui.core.i18n import t

_ARGPARSE_VI = [
    (r"the following arguments are required: (.*)", "thiếu tham số bắt buộc: {0}"),
    (r"unrecognized arguments: (.*)", "không hiểu tham số: {0}"),
    (r"argument (\S+): expected one argument", "tham số {0} cần một giá trị"),
    (
        r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
        "{0}: không có lựa chọn {1} (chọn: {2})",
    ),
    (r"argument (\S+): invalid int value: (.*)", "{0}: {1} không phải số nguyên"),
]


class Parser(argparse.ArgumentParser):
    """argparse with its complaints in the user's language and exit code 2."""

    def error(self, message: str) -> NoReturn:
        from cchc_tui.core.i18n import language

        if language() == "vi":
            for pattern, template in _ARGPARSE_VI:
                m = re.fullmatch(pattern, message)
                if m:
                    message = template.format(*m.groups())
                    break
        self.print_usage(sys.stderr)
        print(f"{t('error.prefix')}: {t('error.usage', detail=message)}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _trust_arguments(sp: argparse.ArgumentParser) -> None:
    """What a command that takes in signed files (bundles, receipts) is checked against."""
    sp.add_argument("--ca", help="chứng thư CA (PEM); được ghi nhớ")
    sp.add_argument("--crl", help="danh sách thu hồi (PEM); được ghi nhớ")
    sp.add_argument(
        "--allow-stale-crl",
        action="store_true",
        help="vẫn nhận khi danh sách thu hồi đã quá hạn nextUpdate",
    )
    sp.add_argument(
        "--replace-ca",
        action="store_true",
        help="thay CA đã ghi nhớ bằng CA của --ca (khi Sở Nội vụ đổi CA)",
    )


def build_parser() -> Parser:
    p = Parser(
        prog="cchc",
        description="cchc-tui: theo dõi Kế hoạch CCHC và tự đánh giá Chỉ số CCHC, ngoại tuyến.",
    )
    p.add_argument("--version", action="version", version=f"cchc-tui {__version__}")
    p.add_argument(
        "--db",
        type=Path,
        default=None,
        help="tệp cơ sở dữ liệu (mặc định: $CCHC_DB hoặc thư mục dữ liệu người dùng)",
    )
    p.add_argument(
        "--lang",
        choices=["vi", "en"],
        default=None,
        help="ngôn ngữ hiển thị (mặc định: theo tệp cấu hình, hoặc vi)",
    )
    p.add_argument(
        "--theme", choices=list(THEMES), default=None, help="giao diện; ansi-dark cho 16 màu"
    )
    p.add_argument("--today", help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", metavar="LỆNH", parser_class=Parser)

    def add(
        name: str, func: Callable[[argparse.Namespace], int], help_: str, json_: bool = False
    ) -> Parser:
        sp: Parser = sub.add_parser(name, help=help_, description=help_)
        sp.set_defaults(func=func)
        if json_:
            sp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
        return sp

    sp = add("init", cmd_init, "khởi tạo cơ sở dữ liệu cho cơ quan")
    sp.add_argument("--agency", required=True, help="mã hoặc tên cơ quan (vd: 918, SNV)")
    sp.add_argument("--officer", required=True, help="họ tên cán bộ")

    sp = add("agencies", cmd_agencies, "danh mục cơ quan, đơn vị", json_=True)
    sp.add_argument("--search", help="tìm theo tên, không cần dấu (vd: binh thuy)")
    sp.add_argument("--level", choices=["city", "district", "commune"], help="lọc theo cấp")

    sp = add("plan", cmd_plan, "xem kế hoạch", json_=True)
    sp.add_argument("--plan", help="mã kế hoạch (mặc định: kế hoạch mới nhất)")
    sp.set_defaults(plan_cmd=None)
    psub = sp.add_subparsers(dest="plan_cmd", metavar="show|import", parser_class=Parser)
    show = psub.add_parser("show", help="xem một mục của kế hoạch")
    show.add_argument("item", help="mã (hd3.18a) hoặc số in (3.1)")
    show.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    imp = psub.add_parser("import", help="thêm một kế hoạch (tệp TOML) vào cơ sở dữ liệu")
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true", help=argparse.SUPPRESS)

    sp = add("assigned", cmd_assigned, "các mục được giao cho cơ quan", json_=True)
    sp.add_argument("--agency", help="mã hoặc tên cơ quan (mặc định: cơ quan của CSDL)")
    sp.add_argument("--role", choices=["lead", "coordinate"], help="chỉ chủ trì / phối hợp")
    sp.add_argument("--plan", help="mã kế hoạch")
    sp.add_argument("--as-of", dest="as_of", help="tính hạn và quá hạn theo ngày này")

    sp = add("progress", cmd_progress, "cập nhật tiến độ một mục", json_=True)
    sp.add_argument("action", choices=["set"])
    sp.add_argument("item", help="mã hoặc số của mục (vd: hd3.1, 3.1)")
    sp.add_argument(
        "--status",
        required=True,
        help="chua_thuc_hien | dang_thuc_hien | hoan_thanh | khong_thuc_hien_duoc",
    )
    sp.add_argument("--progress", help="tiến độ, số nguyên 0-100 (%%)")
    sp.add_argument("--note", help="ghi chú")
    sp.add_argument("--reason", help="lý do (bắt buộc khi không thực hiện được)")
    sp.add_argument("--completed", help="ngày hoàn thành, dd/mm/yyyy")
    sp.add_argument("--plan", help="mã kế hoạch")

    sp = add("evidence", cmd_evidence, "tài liệu kiểm chứng")
    esub = sp.add_subparsers(
        dest="evidence_cmd", metavar="add|list", parser_class=Parser, required=True
    )
    ea = esub.add_parser("add", help="thêm tài liệu kiểm chứng")
    ea.add_argument("--number", required=True, help="số, ký hiệu (vd: 12/KH-UBND)")
    ea.add_argument("--date", required=True, help="ngày ban hành, dd/mm/yyyy")
    ea.add_argument("--issuer", required=True, help="cơ quan ban hành")
    ea.add_argument("--title", required=True, help="trích yếu")
    ea.add_argument("--type", help="loại văn bản (mặc định: theo ký hiệu)")
    ea.add_argument("--file", help="tệp đính kèm (được sao vào thư mục quản lý)")
    ea.add_argument("--item", action="append", help="mục liên quan (lặp lại được)")
    ea.add_argument("--plan", help="mã kế hoạch")
    ea.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    el = esub.add_parser("list", help="danh sách tài liệu kiểm chứng")
    el.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    sp = add("db", cmd_db, "kiểm tra cơ sở dữ liệu", json_=True)
    sp.add_argument("action", choices=["check"])

    sp = add("history", cmd_history, "nhật ký thay đổi", json_=True)
    sp.add_argument("item", nargs="?", help="chỉ nhật ký của mục này")
    sp.add_argument("--plan", help="mã kế hoạch")

    sp = add("criteria", cmd_criteria, "bộ tiêu chí Chỉ số CCHC", json_=True)
    sp.set_defaults(criteria_cmd=None)
    csub = sp.add_subparsers(dest="criteria_cmd", metavar="list|import", parser_class=Parser)
    csub.add_parser("list", help="các bộ tiêu chí đang có")
    ci = csub.add_parser("import", help="thêm bộ tiêu chí (tệp TOML)")
    ci.add_argument("file")

    sp = add("score", cmd_score, "tự chấm điểm Chỉ số CCHC", json_=True)
    sp.add_argument("--set", help="mã bộ tiêu chí (mặc định: bộ chính thức, hoặc bộ mẫu)")
    sp.add_argument("--plan", help="mã kế hoạch")
    sp.add_argument("--xlsx", help="ghi bảng chấm điểm ra tệp .xlsx")
    sp.set_defaults(score_cmd=None)
    ssub = sp.add_subparsers(dest="score_cmd", metavar="set|finalise|reopen", parser_class=Parser)
    ss = ssub.add_parser("set", help="ghi điểm tự chấm của một tiêu chí thành phần")
    ss.add_argument("code")
    ss.add_argument("--points", help="điểm (vd: 0,5)")
    ss.add_argument("--suggested", action="store_true", help="lấy theo điểm gợi ý")
    ss.add_argument("--reason", help="lý do khi khác điểm gợi ý")
    ss.add_argument("--note", help="giải trình khi không có TLKC")
    ss.add_argument("--evidence", type=int, action="append", help="số # của TLKC (lặp lại được)")
    ssub.add_parser("finalise", help="chốt điểm")
    ssub.add_parser("reopen", help="mở lại để sửa")

    sp = add("report", cmd_report, "ghi ngày gửi báo cáo định kỳ")
    sp.add_argument("action", choices=["set"])
    sp.add_argument("period", help="Q1 | 6T | Q3 | NAM")
    sp.add_argument("--date", required=True, help="ngày gửi, dd/mm/yyyy")
    sp.add_argument("--plan", help="mã kế hoạch")

    sp = add("indicator", cmd_indicator, "chỉ tiêu của kế hoạch: xem, ghi giá trị", json_=True)
    sp.add_argument("action", choices=["set", "list"])
    sp.add_argument("indicator", nargs="?", help="mã chỉ tiêu (xem cchc indicator list)")
    sp.add_argument("--value", help="giá trị (%%)")
    sp.add_argument("--num", help="tử số")
    sp.add_argument("--den", help="mẫu số")
    sp.add_argument("--evidence", type=int, help="số # của TLKC")
    sp.add_argument("--plan", help="mã kế hoạch")

    sp = add("pki", cmd_pki, "CA ngoại tuyến của Sở Nội vụ: tạo CA, cấp, thu hồi, CRL")
    psub2 = sp.add_subparsers(
        dest="pki_cmd", metavar="init-ca|issue|revoke|crl", parser_class=Parser, required=True
    )
    for name, help_ in (
        ("init-ca", "tạo CA"),
        ("issue", "cấp chứng thư .p12 cho cán bộ"),
        ("revoke", "thu hồi chứng thư"),
        ("crl", "xuất danh sách thu hồi"),
    ):
        x = psub2.add_parser(name, help=help_)
        x.add_argument("--dir", required=True, help="thư mục CA")
        x.add_argument("--passphrase-file", help="tệp chứa mật khẩu khóa CA")
        if name == "issue":
            x.add_argument("--agency", required=True)
            x.add_argument("--officer", required=True)
            x.add_argument(
                "--role",
                choices=["officer", "reviewer"],
                default="officer",
                help="officer: ký hồ sơ (mặc định); reviewer: ký phiếu thẩm định",
            )
            x.add_argument("--out", required=True, help="tệp .p12")
            x.add_argument("--p12-passphrase-file", help="tệp chứa mật khẩu của tệp .p12")
        if name == "revoke":
            x.add_argument("serial", help="số sê-ri (hex)")
        if name == "crl":
            x.add_argument("--out", required=True)

    sp = add("key", cmd_key, "nhập chứng thư ký số (.p12) của cán bộ")
    sp.add_argument("action", choices=["import"])
    sp.add_argument("file")
    sp.add_argument("--passphrase-file", help="tệp chứa mật khẩu")

    sp = add("export", cmd_export, "xuất hồ sơ có chữ ký gửi Sở Nội vụ", json_=True)
    sp.add_argument("--period", required=True, help="Q1 | 6T | Q3 | NAM")
    sp.add_argument("--out", default=".", help="thư mục (vd ổ USB)")
    sp.add_argument("--plan", help="mã kế hoạch")
    sp.add_argument("--passphrase-file", help="tệp chứa mật khẩu")

    sp = add("verify", cmd_verify, "kiểm tra hồ sơ: an toàn, toàn vẹn, chữ ký, CA, CRL", json_=True)
    sp.add_argument("bundles", nargs="+")
    sp.add_argument("--ca", help="chứng thư CA (PEM)")
    sp.add_argument("--crl", help="danh sách thu hồi (PEM)")

    sp = add("import", cmd_import, "nhận hồ sơ vào CSDL của người thẩm định", json_=True)
    sp.add_argument("bundles", nargs="+")
    _trust_arguments(sp)

    sp = add("review", cmd_review, "tổng hợp hồ sơ đã nhận của một kỳ, xếp hạng", json_=True)
    sp.add_argument("--period", help="Q1 | 6T | Q3 | NAM (không có: mở ứng dụng thẩm định)")
    sp.add_argument("--plan", help="mã kế hoạch")
    sp.add_argument("--xlsx", help="ghi bảng xếp hạng ra tệp .xlsx")
    sp.add_argument("--csv", help="ghi bảng xếp hạng ra tệp .csv")
    sp.add_argument("--activity", help="một hoạt động trên toàn thành phố (vd hd3.8)")
    sp.set_defaults(review_cmd=None)
    rsub = sp.add_subparsers(
        dest="review_cmd", metavar="state|comment|appraise|receipt|drop", parser_class=Parser
    )
    for name, help_ in (
        ("state", "trạng thái thẩm định của hồ sơ"),
        ("comment", "nhận xét (không sửa được)"),
        ("appraise", "điểm thẩm định một tiêu chí thành phần"),
        ("receipt", "ký phiếu thẩm định gửi lại cơ quan"),
        ("drop", "loại bỏ một hồ sơ đã nhận (không còn được tính; tệp được giữ lại)"),
    ):
        x = rsub.add_parser(name, help=help_)
        if name == "drop":
            x.add_argument("bundle", help="mã hồ sơ (hoặc 8 ký tự đầu trở lên), hoặc mã cơ quan")
            x.add_argument("--reason", help="lý do loại bỏ")
            x.add_argument(  # also before "drop" (review --json): not overwritten when absent
                "--json", action="store_true", default=argparse.SUPPRESS, help="in dạng JSON"
            )
            continue
        x.add_argument("agency")
        if name == "state":
            x.add_argument(
                "--state", required=True, help="da_nhan | can_bo_sung | da_duyet | khong_duyet"
            )
        if name == "comment":
            x.add_argument("--target", default="general", help="general | item:MÃ | criterion:MÃ")
            x.add_argument("--text", required=True)
        if name == "appraise":
            x.add_argument("code")
            x.add_argument("--points", required=True)
            x.add_argument("--round", type=int, default=1, choices=(1, 2))
        if name == "receipt":
            x.add_argument("--out", required=True)
            x.add_argument("--passphrase-file")

    sp = add("receipt", cmd_receipt, "phiếu thẩm định của Sở Nội vụ: nhận, xem", json_=True)
    sp.add_argument("receipt_cmd", choices=["import", "list"])
    sp.add_argument("file", nargs="?")
    _trust_arguments(sp)

    sp = add("demo", cmd_demo, "mở bản thử với dữ liệu mẫu của Quận Bình Thủy", json_=True)
    sp.add_argument("--print", action="store_true", help="chỉ in danh sách, không mở ứng dụng")
    return p
