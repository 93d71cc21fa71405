"""`cchc db check | path | backup --to DIR | restore FILE`: the database and what lives
beside it (services/backup.py)."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from cchc_tui.cli.common import _open_store
from cchc_tui.cli.output import _emit_json
from cchc_tui.config import config_path
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.labels import WHERE
from cchc_tui.core.numbers import size_text
from cchc_tui.core.text import unquote_path


def _config_file(args: argparse.Namespace) -> Path:
    cfg = getattr(args, "config", None)
    return cfg.path if cfg is not None and cfg.path is not None else config_path()


def cmd_db(args: argparse.Namespace) -> int:
    action = args.action
    if action == "check":
        return _check(args)
    if action == "path":
        return _where(args)
    if action == "backup":
        return _backup(args)
    return _restore(args)


def _where(args: argparse.Namespace) -> int:
    from cchc_tui.services.backup import locations

    places = locations(Path(args.db).absolute(), _config_file(args))
    if args.json:
        _emit_json([{"what": w, "path": str(p), "exists": e} for w, p, e in places])
        return 0
    width = max(len(t(WHERE[w])) for w, _, _ in places)
    for what, path, exists in places:
        label = t(WHERE[what])
        print(f"{label:<{width}}  {path}" + ("" if exists else f"  {t('where.missing')}"))
    return 0


def _backup(args: argparse.Namespace) -> int:
    from cchc_tui.services.backup import write_backup

    if not args.to:
        raise UserError("backup.need_to")
    done = write_backup(
        Path(args.db), _config_file(args), Path(unquote_path(args.to)), now=datetime.now()
    )
    if args.json:
        _emit_json({"archive": str(done.archive), "entries": done.entries, "size": done.size})
    else:
        print(
            t("backup.written", path=done.archive, entries=done.entries, size=size_text(done.size))
        )
    return 0


def _restore(args: argparse.Namespace) -> int:
    from cchc_tui.services.backup import restore_backup

    if not args.file:
        raise UserError("backup.need_file")
    done = restore_backup(_one_file(unquote_path(args.file)), Path(args.db), _config_file(args))
    if args.json:
        _emit_json(
            {
                "db": str(done.db),
                "entries": done.entries,
                "config": str(done.config) if done.config else None,
                "config_kept": done.config_kept,
            }
        )
        return 0
    print(t("backup.restored", entries=done.entries, path=done.db))
    if done.config is not None:
        key = "backup.config_kept" if done.config_kept else "backup.config_restored"
        print(t(key, path=done.config))
    return 0


def _one_file(text: str) -> Path:
    """The file named, or the one file a pattern matches (E:\\cchc-backup-*.zip: Windows
    shells pass the pattern as it is)."""
    path = Path(text)
    if path.exists() or not any(c in path.name for c in "*?"):
        return path
    found = sorted(path.parent.glob(path.name))
    if len(found) != 1:
        raise UserError("backup.pattern", pattern=text, count=len(found))
    return found[0]


def _check(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        report = store.check()
    if args.json:
        _emit_json(report)
    elif report["ok"]:
        detail = t(
            "db.check_detail",
            path=report["path"],
            schema=report["schema"],
            files=report["files_checked"],
        )
        print(t("db.check_ok") + detail)
    else:
        print(t("db.check_failed", count=len(report["problems"])))
        for p in report["problems"]:
            print(f"  - {p}")
    if report["leftovers"] and not args.json:
        # Reported, never a failure: temp files of interrupted copies are harmless (nothing in
        # the database points at them) and the app sweeps the stale ones when it starts.
        names = ", ".join(report["leftovers"])
        print(t("db.check_leftovers", count=len(report["leftovers"]), names=names))
    return 0 if report["ok"] else 1
