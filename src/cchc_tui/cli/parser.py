"""The command line's grammar: every command, its arguments and their help."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from cchc_tui import __version__
from cchc_tui.cli.common import EXIT_USAGE
from cchc_tui.config import THEMES
from cchc_tui.core import labels
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


_ARGPARSE_WORDS = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positional",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "show program's version number and exit": "argparse.version",
}


def _argparse_text(message: str) -> str:
    """argparse's gettext hook: its headings and built-in help in the user's language."""
    key = _ARGPARSE_WORDS.get(message)
    return t(key) if key else message


class Parser(argparse.ArgumentParser):
    """argparse with its complaints in the user's language and exit code 2, and each
    argument's placeholder too ("--status TRẠNG_THÁI", not "STATUS")."""

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        key = labels.METAVAR.get(action.dest)
        if action.metavar is None and action.nargs != 0 and action.choices is None and key:
            action.metavar = t(key)
        return action

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
    sp.add_argument("--ca", help=t("help.trust.ca"))
    sp.add_argument("--crl", help=t("help.trust.crl"))
    sp.add_argument(
        "--allow-stale-crl",
        action="store_true",
        help=t("help.trust.allow_stale_crl"),
    )
    sp.add_argument(
        "--replace-ca",
        action="store_true",
        help=t("help.trust.replace_ca"),
    )


class _NotTheApp(Exception):
    """The command line is more than the app's own start: read it with the whole grammar."""


class _AppStartParser(Parser):
    def error(self, message: str) -> NoReturn:
        raise _NotTheApp(message)


def app_start_args(argv: list[str]) -> argparse.Namespace | None:
    """The app's own start (``cchc``, ``cchc --db F --as-of D``), read with the options every
    command shares and nothing else — without building every command's grammar and importing
    its module (bench/bench_startup.py) — or None: a command, help, the version, or a mistake,
    which build_parser() reads and answers as always."""
    p = _AppStartParser(prog="cchc", add_help=False)
    _add_shared_options(p)
    try:
        args, rest = p.parse_known_args(argv)
    except _NotTheApp:
        return None
    return None if rest else args


def _add_shared_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        type=Path,
        default=None,
        help=t("help.cchc.db"),
    )
    p.add_argument(
        "--lang",
        choices=["vi", "en"],
        default=None,
        help=t("help.cchc.lang"),
    )
    p.add_argument("--theme", choices=list(THEMES), default=None, help=t("help.cchc.theme"))
    p.add_argument("--as-of", dest="as_of", metavar="dd/mm/yyyy", help=t("help.cchc.as_of"))
    p.add_argument("--today", dest="as_of", help=argparse.SUPPRESS)  # the earlier name


def build_parser() -> Parser:
    from cchc_tui.cli.bundles import cmd_export, cmd_import, cmd_key, cmd_pki, cmd_verify
    from cchc_tui.cli.db import cmd_db
    from cchc_tui.cli.keys import cmd_keys
    from cchc_tui.cli.officer import (
        cmd_agencies,
        cmd_assigned,
        cmd_condition,
        cmd_demo,
        cmd_evidence,
        cmd_history,
        cmd_init,
        cmd_progress,
    )
    from cchc_tui.cli.plan import cmd_plan
    from cchc_tui.cli.profile import cmd_profile
    from cchc_tui.cli.review import cmd_receipt, cmd_review
    from cchc_tui.cli.scoring import cmd_criteria, cmd_indicator, cmd_report, cmd_score

    argparse._ = _argparse_text  # type: ignore[attr-defined]  # its gettext, looked up per call
    p = Parser(
        prog="cchc",
        description=t("help.cchc"),
    )
    p.add_argument(
        "--version", action="version", version=f"cchc-tui {__version__}", help=t("help.version")
    )
    _add_shared_options(p)
    sub = p.add_subparsers(dest="command", metavar=t("help.command_metavar"), parser_class=Parser)

    def add(
        name: str, func: Callable[[argparse.Namespace], int], help_: str, json_: bool = False
    ) -> Parser:
        sp: Parser = sub.add_parser(name, help=help_, description=help_)
        sp.set_defaults(func=func)
        if json_:
            sp.add_argument("--json", action="store_true", help=t("help.json"))
        return sp

    sp = add("init", cmd_init, t("help.init"))
    sp.add_argument("--agency", required=True, help=t("help.init.agency"))
    sp.add_argument("--officer", required=True, help=t("help.init.officer"))

    sp = add("profile", cmd_profile, t("help.profile"))
    sp.add_argument("--agency", help=t("help.profile.agency"))
    sp.add_argument("--officer", help=t("help.profile.officer"))
    sp.add_argument("--yes", action="store_true", help=t("help.profile.yes"))

    add("keys", cmd_keys, t("help.keys"), json_=True)

    sp = add("agencies", cmd_agencies, t("help.agencies"), json_=True)
    sp.add_argument("--search", help=t("help.agencies.search"))
    sp.add_argument(
        "--level", choices=["city", "district", "commune"], help=t("help.agencies.level")
    )

    sp = add("plan", cmd_plan, t("help.plan"), json_=True)
    sp.add_argument("--plan", help=t("help.plan.plan"))
    sp.set_defaults(plan_cmd=None)
    psub = sp.add_subparsers(dest="plan_cmd", metavar="show|import", parser_class=Parser)
    show = psub.add_parser("show", help=t("help.plan.show"))
    show.add_argument("item", help=t("help.plan.item"))
    show.add_argument("--json", action="store_true", help=t("help.json"))
    imp = psub.add_parser("import", help=t("help.plan.import"))
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true", help=argparse.SUPPRESS)

    sp = add("assigned", cmd_assigned, t("help.assigned"), json_=True)
    sp.add_argument("--agency", help=t("help.assigned.agency"))
    sp.add_argument("--role", choices=["lead", "coordinate"], help=t("help.assigned.role"))
    sp.add_argument("--plan", help=t("help.plan_id"))
    # SUPPRESS: not given here, the global --as-of stands (argparse would reset it to None)
    sp.add_argument(
        "--as-of", dest="as_of", default=argparse.SUPPRESS, help=t("help.assigned.as_of")
    )

    sp = add("condition", cmd_condition, t("help.condition"), json_=True)
    sp.add_argument("item", help=t("help.progress.item"))
    sp.add_argument("state", help=t("help.condition.state"))
    sp.add_argument("--doc", help=t("help.condition.doc"))
    sp.add_argument("--note", help=t("help.condition.note"))
    sp.add_argument("--plan", help=t("help.plan_id"))

    sp = add("progress", cmd_progress, t("help.progress"), json_=True)
    sp.add_argument("action", choices=["set"])
    sp.add_argument("item", help=t("help.progress.item"))
    sp.add_argument(
        "--status",
        required=True,
        help=t("help.progress.status"),
    )
    sp.add_argument("--progress", help=t("help.progress.progress"))
    sp.add_argument("--note", help=t("help.progress.note"))
    sp.add_argument("--reason", help=t("help.progress.reason"))
    sp.add_argument("--completed", help=t("help.progress.completed"))
    sp.add_argument("--plan", help=t("help.plan_id"))

    sp = add("evidence", cmd_evidence, t("help.evidence"))
    esub = sp.add_subparsers(
        dest="evidence_cmd", metavar="add|list", parser_class=Parser, required=True
    )
    ea = esub.add_parser("add", help=t("help.evidence.add"))
    ea.add_argument("--number", required=True, help=t("help.evidence.number"))
    ea.add_argument("--date", required=True, help=t("help.evidence.date"))
    ea.add_argument("--issuer", required=True, help=t("help.evidence.issuer"))
    ea.add_argument("--title", required=True, help=t("help.evidence.title"))
    ea.add_argument("--type", help=t("help.evidence.type"))
    ea.add_argument("--file", help=t("help.evidence.file"))
    ea.add_argument("--item", action="append", help=t("help.evidence.item"))
    ea.add_argument("--plan", help=t("help.plan_id"))
    ea.add_argument("--json", action="store_true", help=t("help.json"))
    el = esub.add_parser("list", help=t("help.evidence.list"))
    el.add_argument("--json", action="store_true", help=t("help.json"))

    sp = add("db", cmd_db, t("help.db"), json_=True)
    sp.add_argument("action", choices=["check", "path", "backup", "restore"])
    sp.add_argument("file", nargs="?", help=t("help.db.file"))
    sp.add_argument("--to", help=t("help.db.to"))

    sp = add("history", cmd_history, t("help.history"), json_=True)
    sp.add_argument("item", nargs="?", help=t("help.history.item"))
    sp.add_argument("--plan", help=t("help.plan_id"))

    sp = add("criteria", cmd_criteria, t("help.criteria"), json_=True)
    sp.set_defaults(criteria_cmd=None)
    csub = sp.add_subparsers(dest="criteria_cmd", metavar="list|import", parser_class=Parser)
    csub.add_parser("list", help=t("help.criteria.list"))
    ci = csub.add_parser("import", help=t("help.criteria.import"))
    ci.add_argument("file")

    sp = add("score", cmd_score, t("help.score"), json_=True)
    sp.add_argument("--set", help=t("help.score.criteria_set"))
    sp.add_argument("--plan", help=t("help.plan_id"))
    sp.add_argument("--xlsx", help=t("help.score.xlsx"))
    sp.set_defaults(score_cmd=None)
    ssub = sp.add_subparsers(dest="score_cmd", metavar="set|finalise|reopen", parser_class=Parser)
    ss = ssub.add_parser("set", help=t("help.score.set"))
    ss.add_argument("code")
    ss.add_argument("--points", help=t("help.score.points"))
    ss.add_argument("--suggested", action="store_true", help=t("help.score.suggested"))
    ss.add_argument("--reason", help=t("help.score.reason"))
    ss.add_argument("--note", help=t("help.score.note"))
    ss.add_argument("--evidence", type=int, action="append", help=t("help.score.evidence"))
    ssub.add_parser("finalise", help=t("help.score.finalise"))
    ssub.add_parser("reopen", help=t("help.score.reopen"))

    sp = add("report", cmd_report, t("help.report"))
    sp.add_argument("action", choices=["set", "docx", "words"])
    sp.add_argument("period", help=t("help.period"))
    sp.add_argument("--date", help=t("help.report.date"))
    sp.add_argument("--plan", help=t("help.plan_id"))
    sp.add_argument("--out", help=t("help.report.out"))
    sp.add_argument("--number", help=t("help.report.number"))
    sp.add_argument("--signer", help=t("help.report.signer"))
    sp.add_argument("--words", help=t("help.report.words"))

    sp = add("indicator", cmd_indicator, t("help.indicator"), json_=True)
    sp.add_argument("action", choices=["set", "list"])
    sp.add_argument("indicator", nargs="?", help=t("help.indicator.indicator"))
    sp.add_argument("--value", help=t("help.indicator.value"))
    sp.add_argument("--num", help=t("help.indicator.num"))
    sp.add_argument("--den", help=t("help.indicator.den"))
    sp.add_argument("--evidence", type=int, help=t("help.indicator.evidence"))
    sp.add_argument("--plan", help=t("help.plan_id"))

    sp = add("pki", cmd_pki, t("help.pki"))
    psub2 = sp.add_subparsers(
        dest="pki_cmd", metavar="init-ca|issue|revoke|crl", parser_class=Parser, required=True
    )
    for name, help_ in (
        ("init-ca", t("help.pki.init_ca")),
        ("issue", t("help.pki.issue")),
        ("revoke", t("help.pki.revoke")),
        ("crl", t("help.pki.crl")),
    ):
        x = psub2.add_parser(name, help=help_)
        x.add_argument("--dir", required=True, help=t("help.pki.dir"))
        x.add_argument("--passphrase-file", help=t("help.pki.passphrase_file"))
        if name == "issue":
            x.add_argument("--agency", required=True)
            x.add_argument("--officer", required=True)
            x.add_argument(
                "--role",
                choices=["officer", "reviewer"],
                default="officer",
                help=t("help.pki.role"),
            )
            x.add_argument("--out", required=True, help=t("help.pki.out"))
            x.add_argument("--p12-passphrase-file", help=t("help.pki.p12_passphrase_file"))
        if name == "revoke":
            x.add_argument("serial", help=t("help.pki.serial"))
        if name == "crl":
            x.add_argument("--out", required=True)

    sp = add("key", cmd_key, t("help.key"))
    sp.add_argument("action", choices=["import"])
    sp.add_argument("file")
    sp.add_argument("--passphrase-file", help=t("help.passphrase_file"))

    sp = add("export", cmd_export, t("help.export"), json_=True)
    sp.add_argument("--period", required=True, help=t("help.period"))
    sp.add_argument("--out", default=".", help=t("help.export.out"))
    sp.add_argument("--plan", help=t("help.plan_id"))
    sp.add_argument("--passphrase-file", help=t("help.passphrase_file"))

    sp = add("verify", cmd_verify, t("help.verify"), json_=True)
    sp.add_argument("bundles", nargs="+")
    sp.add_argument("--ca", help=t("help.verify.ca"))
    sp.add_argument("--crl", help=t("help.verify.crl"))

    sp = add("import", cmd_import, t("help.import"), json_=True)
    sp.add_argument("bundles", nargs="+")
    _trust_arguments(sp)

    sp = add("review", cmd_review, t("help.review"), json_=True)
    sp.add_argument("--period", help=t("help.review.period"))
    sp.add_argument("--plan", help=t("help.plan_id"))
    sp.add_argument("--xlsx", help=t("help.review.xlsx"))
    sp.add_argument("--csv", help=t("help.review.csv"))
    sp.add_argument("--activity", help=t("help.review.activity"))
    sp.add_argument("--reminders", help=t("help.review.reminders"))
    sp.set_defaults(review_cmd=None)
    rsub = sp.add_subparsers(
        dest="review_cmd",
        metavar="state|comment|appraise|accept|receipt|receipts|drop|arrived|report",
        parser_class=Parser,
    )
    for name, help_ in (
        ("arrived", t("help.review.arrived")),
        ("state", t("help.review.state")),
        ("comment", t("help.review.comment")),
        ("appraise", t("help.review.appraise")),
        ("accept", t("help.review.accept")),
        ("receipt", t("help.review.receipt")),
        ("receipts", t("help.review.receipts")),
        ("drop", t("help.review.drop")),
        ("report", t("help.review.report")),
    ):
        x = rsub.add_parser(name, help=help_)
        if name == "receipts":
            x.add_argument("--out", required=True, help=t("help.review.receipt_out"))
            x.add_argument("--passphrase-file")
            continue
        if name == "drop":
            x.add_argument("bundle", help=t("help.review.bundle"))
            x.add_argument("--reason", help=t("help.review.reason"))
            x.add_argument(  # also before "drop" (review --json): not overwritten when absent
                "--json", action="store_true", default=argparse.SUPPRESS, help=t("help.review.json")
            )
            continue
        x.add_argument("agency")
        if name == "report":
            x.add_argument("--out", required=True, help=t("help.report.out"))
        if name == "arrived":
            x.add_argument("--date", required=True, help=t("help.review.arrived_date"))
            x.add_argument("--note", default="", help=t("help.review.arrived_note"))
        if name == "state":
            x.add_argument("--state", required=True, help=t("help.review.state_value"))
            x.add_argument("--reason", help=t("help.review.state_reason"))
        if name == "comment":
            x.add_argument("--target", default="general", help=t("help.review.target"))
            x.add_argument("--text")
            x.add_argument(
                "--withdraw", type=int, metavar="N", help=t("help.review.comment_withdraw")
            )
            x.add_argument("--reason", help=t("help.review.reason"))
        if name in ("appraise", "accept"):
            if name == "appraise":
                x.add_argument("code")
                x.add_argument("--points")
                x.add_argument("--reason", help=t("help.review.appraise_reason"))
                x.add_argument(
                    "--withdraw", action="store_true", help=t("help.review.appraise_withdraw")
                )
            else:
                x.add_argument("scope", help=t("help.review.accept_scope"))
            x.add_argument("--round", type=int, required=True, choices=(1, 2))
        if name == "receipt":
            x.add_argument("--out", help=t("help.review.receipt_out"))
            x.add_argument("--passphrase-file")
            x.add_argument("--reissue", type=int, metavar="N", help=t("help.review.reissue"))
            x.add_argument("--list", action="store_true", help=t("help.review.receipt_list"))

    sp = add("receipt", cmd_receipt, t("help.receipt"), json_=True)
    sp.add_argument("receipt_cmd", choices=["import", "list"])
    sp.add_argument("file", nargs="?")
    _trust_arguments(sp)

    sp = add("demo", cmd_demo, t("help.demo"), json_=True)
    sp.add_argument("--print", action="store_true", help=t("help.demo.print"))
    return p
