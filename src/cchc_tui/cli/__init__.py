"""The ``cchc`` command: ``parser`` (the grammar), ``common`` and ``output`` (what every
command uses), one module per group of commands (``officer``, ``scoring``, ``bundles``,
``review``).

Every listing takes ``--json``. Errors are one sentence on stderr (Vietnamese, or English with
``--lang en``) and a non-zero exit: 1 bad input, 2 bad command line, 3 database problem."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Sequence

from cchc_tui.cli.officer import cmd_tui
from cchc_tui.cli.parser import app_start_args, build_parser
from cchc_tui.config import load_config
from cchc_tui.core.dates import parse_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import set_language, t
from cchc_tui.paths import default_db_path

__all__ = ["build_parser", "main"]


def _utf8_streams() -> None:
    """Output redirected or piped on Windows (`cchc assigned > ds.txt`, `| more`, a .bat that
    logs) is written in the legacy code page, which has no "ữ": UTF-8 instead, always."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    # the language must be known before argparse prints help or complains: --lang, else the
    # config file's (a broken config file is reported once the command line is read)
    lang = None
    if "--lang" in argv:
        i = argv.index("--lang")
        if i + 1 < len(argv) and argv[i + 1] in ("vi", "en"):
            lang = argv[i + 1]
    if lang is None:
        with contextlib.suppress(UserError):
            lang = load_config().lang
    set_language(lang or "vi")
    args = app_start_args(argv) or build_parser().parse_args(argv)
    try:
        args.config = load_config()
    except UserError as e:
        print(f"{t('error.prefix')}: {e.message()}", file=sys.stderr)
        return e.exit_code
    set_language(args.lang or args.config.lang)
    if args.db is None:
        args.db = default_db_path()
    func = getattr(args, "func", None) or cmd_tui
    if func is not cmd_tui:  # only the app's first screen is drawn with it off (launch.py)
        gc.enable()
    try:
        if getattr(args, "as_of", None):  # a day that is no date is said before anything opens
            parse_date(args.as_of, allow_future=True)
        return int(func(args))
    except UserError as e:
        print(f"{t('error.prefix')}: {e.message()}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print(t("error.interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug: still one sentence; CCHC_DEBUG=1 shows the traceback
        if os.environ.get("CCHC_DEBUG"):
            raise
        detail = f"{type(e).__name__}: {e}"
        print(f"{t('error.prefix')}: {t('error.unexpected', detail=detail)}", file=sys.stderr)
        return 1
