"""Signed bundles: pki, key, export, verify, import."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from cchc_tui.cli.common import (
    _agency_arg,
    _open_store,
    _passphrase,
    _registry,
    _today,
    _trust_anchors,
)
from cchc_tui.cli.output import _emit_json, _local_time, _Progress
from cchc_tui.core import labels
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.text import escape_controls


def cmd_pki(args: argparse.Namespace) -> int:
    from cchc_tui.bundle import pki

    ca_dir = Path(args.dir)
    if args.pki_cmd == "init-ca":
        cert = pki.init_ca(ca_dir, _passphrase(args, "CA", confirm=True))
        print(f"{ca_dir / pki.CA_CERT}: {cert.subject.rfc4514_string()}")
    elif args.pki_cmd == "issue":
        registry = _registry()
        agency = _agency_arg(registry, args.agency)
        who = pki.issue(
            ca_dir,
            _passphrase(args, "CA"),
            agency_code=agency.code,
            agency_name=agency.name,
            officer=args.officer,
            p12_passphrase=_passphrase(
                args,
                "PKCS#12",
                file_attr="p12_passphrase_file",
                env="CCHC_P12_PASSPHRASE",
                confirm=True,
            ),
            out=Path(args.out),
            role=args.role,
        )
        print(
            f"{args.out}: {who.officer} · {who.agency_name} ({who.agency_code}) · "
            f"{t(labels.TRUST_ROLE[args.role])} · serial {who.serial:x}"
        )
    elif args.pki_cmd == "revoke":
        pki.revoke(ca_dir, _passphrase(args, "CA"), pki.parse_serial(args.serial))
        print(f"revoked {args.serial}")
    else:
        count = pki.make_crl(ca_dir, _passphrase(args, "CA"), Path(args.out))
        print(f"{args.out}: {count}")
    return 0


def cmd_key(args: argparse.Namespace) -> int:
    from cchc_tui.services.export import import_key

    with _open_store(args) as store:
        who = import_key(store, Path(args.file), _passphrase(args, args.file))
    print(
        t(
            "key.imported",
            officer=who.officer,
            agency=who.agency_name,
            fingerprint=who.fingerprint[:16],
        )
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from cchc_tui.services.export import export_bundle, preflight

    registry = _registry()
    with _open_store(args) as store:
        prof = store.require_profile()
        plan = store.load_plan(args.plan)
        today = _today(args, plan)
        pre = preflight(store, plan, registry, prof.agency_code, today, args.period.upper())
        for w in pre.warnings:
            print(f"{t('warning.prefix')}: {w}", file=sys.stderr)
        built = export_bundle(
            store,
            registry,
            plan=plan,
            period=args.period.upper(),
            out_dir=Path(args.out),
            passphrase=_passphrase(args, "PKCS#12"),
            today=today,
            pre=pre,
        )
    short = " ".join(built.sha256[i : i + 4] for i in range(0, 16, 4))
    if args.json:
        _emit_json(
            {
                "path": str(built.path),
                "bundle_id": built.bundle_id,
                "sha256": built.sha256,
                "size": built.size,
                "files": built.files,
            }
        )
    else:
        print(t("export.done", path=built.path, sha=built.sha256, short=short))
    return 0


def bundle_args(given: list[str]) -> list[str]:
    """The bundle files named on the command line, as a Windows user gives them: a folder (a
    USB stick) stands for the bundles in it, `E:\\*.zip` is expanded here (cmd.exe and
    PowerShell pass it as it is), stray quotes around a path (`"E:\\hồ sơ\\"`) dropped. A
    name that is none of these is kept, for its own "not found"."""
    import glob

    from cchc_tui.core.text import unquote_path
    from cchc_tui.services.importer import bundles_in

    out: list[str] = []
    for raw in given:
        b = unquote_path(raw).rstrip('"')
        p = Path(b)
        if p.is_dir():
            out += [str(x) for x in bundles_in(p)]
        elif not p.exists() and any(c in b for c in "*?["):
            out += sorted(glob.glob(b))
        else:
            out.append(b)
    return out


def cmd_verify(args: argparse.Namespace) -> int:
    from cchc_tui.bundle.verify import verify_bundle

    def read(path: str | None) -> bytes | None:
        if not path:
            return None
        try:
            return Path(path).read_bytes()
        except OSError as e:
            raise UserError(
                "evidence.file_unreadable", path=path, detail=e.strerror or str(e)
            ) from None

    ca, crl = read(args.ca), read(args.crl)
    paths = bundle_args(args.bundles)
    if not paths:
        raise UserError("ui.review.import_none", dir=", ".join(args.bundles))
    reports = [verify_bundle(Path(b), ca, crl) for b in paths]
    if args.json:
        _emit_json(
            [
                {
                    "path": str(r.path),
                    "ok": r.ok,
                    "sha256": r.sha256,
                    "bundle_id": r.bundle_id,
                    "agency": r.agency_code,
                    "plan": r.plan,
                    "period": r.period,
                    "signer": r.signer.officer if r.signer else None,
                    "certificate_serial": format(r.signer.serial, "x") if r.signer else None,
                    "fingerprint": r.signer.fingerprint if r.signer else None,
                    "signing_time": r.signing_time.isoformat() if r.signing_time else None,
                    "supersedes": r.supersedes or None,
                    "warnings": r.warnings,
                    "checks": [
                        {"name": c.name, "ok": c.ok, "warning": c.warning, "detail": c.detail}
                        for c in r.checks
                    ],
                }
                for r in reports
            ]
        )
    else:
        for r in reports:
            # names and texts come from the bundle and its certificate: escaped, so that none
            # moves the cursor or starts a line of its own (a forged "ĐẠT")
            verdict = t("verify.passed") if r.ok else t("verify.failed")
            print(f"{verdict}  {escape_controls(str(r.path))}")
            for c in r.checks:
                mark = "!" if c.warning else ("x" if c.ok else " ")
                print(f"  [{mark}] {c.name}: {escape_controls(c.detail)}")
    return 0 if all(r.ok for r in reports) else 1


def cmd_import(args: argparse.Namespace) -> int:
    """Import bundles into a reviewer database; the trust anchors given are remembered."""
    from cchc_tui.services.importer import import_bundle

    with _open_store(args) as store:
        prof = store.require_profile()
        ca, crl = _trust_anchors(store, args)
        failures = 0
        results = []
        paths = bundle_args(args.bundles)
        if not paths:
            raise UserError("ui.review.import_none", dir=", ".join(args.bundles))
        bar = _Progress(len(paths), enabled=not args.json)
        counts = {"new": 0, "already": 0, "refused": 0}
        for n, b in enumerate(paths, 1):
            bar.show(n, escape_controls(Path(b).name))
            try:
                done = import_bundle(
                    store,
                    Path(b),
                    ca,
                    crl,
                    actor=prof.officer,
                    allow_stale_crl=args.allow_stale_crl,
                )
            except Exception as e:  # one bundle never stops the others
                text = (
                    e.message()
                    if isinstance(e, UserError)
                    else t("error.unexpected", detail=f"{type(e).__name__}: {e}")
                )
                failures += 1
                counts["refused"] += 1
                results.append({"path": b, "ok": False, "message": text})
                bar.clear()
                if not args.json:
                    print(f"{t('error.prefix')}: {escape_controls(text)}", file=sys.stderr)
                continue
            counts["already" if done.already else "new"] += 1
            bar.clear()
            r = done.report
            message = (
                t("import.already", path=b)
                if done.already
                else t(
                    "import.done",
                    path=b,
                    agency=r.agency_code,
                    period=r.period,
                    signer=r.signer.officer if r.signer else "?",
                    signed=_local_time(r.signing_time) if r.signing_time else "?",
                    received=_local_time(datetime.now(UTC)),
                )
            )
            results.append(
                {
                    "path": b,
                    "ok": True,
                    "already": done.already,
                    "bundle_id": r.bundle_id,
                    "sha256": r.sha256,
                    "stored": str(done.stored),
                    "message": message,
                    "warnings": r.warnings,
                }
            )
            if not args.json:
                print(escape_controls(message))
                for w in r.warnings:
                    print(f"  {t('warning.prefix')}: {escape_controls(w)}", file=sys.stderr)
    if args.json:
        _emit_json(results)
    elif len(paths) > 1:
        print(t("import.summary", **counts))
    return 1 if failures else 0
