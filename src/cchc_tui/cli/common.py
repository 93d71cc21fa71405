"""What every command needs: the registry and plan, arguments read into agencies, items,
dates and numbers, the database, passphrases and trust anchors."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from cchc_tui.core.agencies import Agency, Registry
from cchc_tui.core.asof import as_of
from cchc_tui.core.dates import format_date, parse_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.plan import DEFAULT_PLAN_FILE, Item, Plan
from cchc_tui.core.shipped import shipped_text
from cchc_tui.core.text import fold, user_text
from cchc_tui.datacache import parsed_toml, shipped_registry

EXIT_USAGE = 2


EXIT_CRASH = 70  # EX_SOFTWARE: the app crashed; its report is beside the database


def _registry() -> Registry:
    return shipped_registry()


def _plan_text() -> str:
    return shipped_text(DEFAULT_PLAN_FILE)


def _agency_arg(registry: Registry, query: str) -> Agency:
    found = registry.find(query)
    if found:
        return found
    hits = registry.search(query, limit=5)
    hint = ""
    if hits:
        hint = t(
            "agency.did_you_mean",
            choices=", ".join(f"{h.agency.code} ({h.agency.name})" for h in hits),
        )
    exact = [h for h in hits if h.score >= 2.0]
    if len(exact) > 1:
        raise UserError("agency.ambiguous", query=query, hint=hint)
    raise UserError("agency.unknown", query=query, hint=hint)


def _item_arg(plan: Plan, ref: str) -> Item:
    found = plan.find_items(ref)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise UserError("item.ambiguous", ref=ref, choices=", ".join(i.id for i in found))
    key = fold(ref).removesuffix(".")
    for task in plan.task:
        if key in (fold(task.id), task.number):
            acts = [i.id for i in plan.item if i.task == task.id]
            raise UserError(
                "item.not_trackable", ref=ref, kind=t("show.task").lower(), choices=", ".join(acts)
            )
    close = [i.id for i in plan.item if i.number.startswith(key) or fold(i.id).startswith(key)]
    hint = t("agency.did_you_mean", choices=", ".join(close[:8])) if close else ""
    raise UserError("item.unknown", ref=ref, plan=plan.id, hint=hint)


def _open_store(args: argparse.Namespace, *, create: bool = False) -> Any:
    from cchc_tui.store.service import Store

    store = Store(args.db, create=create)
    if store.migration_backup is not None:
        print(t("db.migrated", backup=store.migration_backup), file=sys.stderr)
    if store.network_drive:
        print(t("db.network_drive", path=store.path), file=sys.stderr)
    return store


@contextlib.contextmanager
def _open_reader(args: argparse.Namespace) -> Iterator[Any]:
    """The database for a command that only reads: plain sqlite3 (store/reader.py), without
    SQLAlchemy's import (~0.3 s of ``cchc assigned``, bench/bench_startup.py). A database at an
    older schema is opened through the Store, which upgrades it first."""
    from cchc_tui.store.reader import NeedsUpgrade, Reader

    try:
        reader = Reader.open_current(args.db)
    except NeedsUpgrade:
        with _open_store(args) as store:
            yield store
        return
    if reader.network_drive:
        print(t("db.network_drive", path=reader.path), file=sys.stderr)
    yield reader


def _labels(registry: Registry, refs: list[str]) -> list[str]:
    return [registry.label(r) for r in refs]


def _due_text(item: Item) -> str:
    if item.ongoing:
        return t("timing.ongoing")
    return ", ".join(format_date(d) for d in item.due)


def _today(args: argparse.Namespace, plan: Plan | None = None) -> date:
    """The day a command works as of: --as-of when given; else today, or the plan's last day
    once its year has ended (core/asof.py)."""
    given: str | None = getattr(args, "as_of", None)
    day = parse_date(given, allow_future=True) if given else None
    if plan is None:
        return day or date.today()
    return as_of(plan.plan.year, date.today(), day).day


def _load_plan_for(args: argparse.Namespace) -> Plan:
    """The plan from the database when there is one, else the shipped 2022 plan."""
    db: Path = args.db
    if db.exists():
        with _open_reader(args) as reader:
            return reader.load_plan(args.plan)  # type: ignore[no-any-return]
    plan = Plan.from_trusted_data(parsed_toml(_plan_text()))
    if args.plan and args.plan != plan.id:
        raise UserError("plan.unknown", plan=args.plan, choices=plan.id)
    return plan


def _decimal_arg(value: str, field: str = "points") -> Decimal:
    """A number typed on the command line, by the one rule of core.numbers (points: 0–100)."""
    from cchc_tui.core.numbers import parse_number, parse_points

    return parse_points(value) if field == "points" else parse_number(value, field=field)


def _passphrase(
    args: argparse.Namespace,
    what: str,
    *,
    file_attr: str = "passphrase_file",
    env: str = "CCHC_PASSPHRASE",
    confirm: bool = False,
) -> bytes:
    """From a file, then the environment, then the terminal — never from an argument. A new
    passphrase (``confirm``) is asked twice on the terminal."""
    path = getattr(args, file_attr, None)
    if path:
        try:
            # a BOM (Notepad) or a CRLF is never part of the passphrase
            return user_text(Path(path).read_bytes()).rstrip("\n").encode()
        except UnicodeDecodeError:
            raise UserError("file.not_utf8", path=path) from None
        except OSError as e:
            raise UserError(
                "evidence.file_unreadable", path=path, detail=e.strerror or str(e)
            ) from None
    if os.environ.get(env):
        return os.environ[env].encode()
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass(t("passphrase.prompt", what=what)).encode()
        if confirm and getpass.getpass(t("passphrase.again", what=what)).encode() != first:
            raise UserError("pki.passphrase_mismatch")
        return first
    raise UserError("passphrase.none")


def _trust_anchors(store: Any, args: argparse.Namespace) -> tuple[bytes, bytes | None]:
    """--ca/--crl, checked and remembered in the database; else what was remembered."""
    from cchc_tui.services.anchors import trust_anchors

    return trust_anchors(
        store,
        Path(args.ca) if args.ca else None,
        Path(args.crl) if args.crl else None,
        replace_ca=args.replace_ca,
    )


class UsageError(UserError):
    """A command that cannot run as given (exit 2, as argparse's own)."""

    exit_code = EXIT_USAGE


def has_terminal() -> bool:
    """Both ends a terminal: the full-screen app is started only then."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def require_terminal() -> None:
    """A script, a scheduled task or a pipe gets one sentence and exit 2, never an app that
    waits for keys nobody can press."""
    if not has_terminal():
        where = "cli.terminal_windows" if sys.platform == "win32" else "cli.terminal_other"
        raise UsageError("cli.no_terminal", where=t(where))
