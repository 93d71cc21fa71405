"""Export is atomic: the zip gets its name only once the officer's database has recorded it;
a failed record or a failed rename leaves neither a file nor a row; two copies of the app
exporting at once cannot fork the resubmission chain."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from cchc_tui.core.agencies import Registry
from cchc_tui.core.errors import UserError
from cchc_tui.services.export import Staged, export_bundle, finish_export, prepare_export
from cchc_tui.store.errors import StoreError
from cchc_tui.store.service import Store
from tests.cli.test_export_cli import P12, officer_ready, run

REGISTRY = Registry.load()


@pytest.fixture
def officer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    """An officer's database (918) with its key, every item given a status; an empty stick."""
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "o.sqlite"
    officer_ready(capsys, tmp_path, str(db))
    (tmp_path / "usb").mkdir()
    return db


def prepare(store: Store, out: Path) -> Staged:
    return prepare_export(
        store,
        REGISTRY,
        plan=store.load_plan(),
        period="Q3",
        out_dir=out,
        passphrase=P12.encode(),
    )


def export(store: Store, out: Path) -> Path:
    return export_bundle(
        store,
        REGISTRY,
        plan=store.load_plan(),
        period="Q3",
        out_dir=out,
        passphrase=P12.encode(),
    ).path


def exports(db: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(db)
    try:
        return [
            (str(r[0]), str(r[1]))
            for r in con.execute("SELECT bundle_id, supersedes FROM bundle_export ORDER BY id")
        ]
    finally:
        con.close()


def actions(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [str(r[0]) for r in con.execute("SELECT action FROM audit_log ORDER BY id")]
    finally:
        con.close()


def supersedes(zip_path: Path) -> str:
    with zipfile.ZipFile(zip_path) as zf:
        info = next(n for n in zf.namelist() if n.endswith("/bag-info.txt"))
        for line in zf.read(info).decode("utf-8").splitlines():
            if line.startswith("CCHC-Supersedes: "):
                return line.removeprefix("CCHC-Supersedes: ")
    return ""


def test_a_failed_record_leaves_no_zip_on_the_stick(officer: Path, tmp_path: Path) -> None:
    out = tmp_path / "usb"
    con = sqlite3.connect(officer)  # the INSERT itself fails (as on a full disk)
    con.execute(
        "CREATE TRIGGER no_room BEFORE INSERT ON bundle_export "
        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    )
    con.commit()
    con.close()
    before = actions(officer)
    with Store(officer) as store, pytest.raises(StoreError):
        export(store, out)
    assert list(out.iterdir()) == []  # neither the zip nor its temporary file
    assert exports(officer) == [] and actions(officer) == before
    con = sqlite3.connect(officer)
    con.execute("DROP TRIGGER no_room")
    con.commit()
    con.close()
    with Store(officer) as store:
        path = export(store, out)
    assert [p.name for p in out.iterdir()] == [path.name] and supersedes(path) == ""


def test_a_failed_rename_takes_the_record_back(
    officer: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "usb"
    real = os.replace

    def refuse_the_bundle(src: object, dst: object, *args: object, **kwargs: object) -> None:
        if Path(str(dst)).parent == out and str(dst).endswith(".zip"):
            raise OSError(errno.EACCES, "Permission denied")
        real(src, dst, *args, **kwargs)  # type: ignore[arg-type]

    with monkeypatch.context() as m:
        m.setattr(os, "replace", refuse_the_bundle)
        with Store(officer) as store, pytest.raises(UserError) as err:
            export(store, out)
        assert err.value.key == "export.publish_failed"
        assert "Permission denied" in err.value.message()
        assert list(out.iterdir()) == [] and exports(officer) == []
        # the audit log is append-only: the export and its undoing are both there
        assert actions(officer)[-2:] == ["bundle.export", "bundle.export_failed"]
        con = sqlite3.connect(officer)
        rows = con.execute(
            "SELECT action, entity, entity_key, changes FROM audit_log ORDER BY id DESC LIMIT 2"
        ).fetchall()
        con.close()
        (failed, _e, key, undone), (_a, entity, exported_key, done) = rows
        sha = json.loads(done)["sha256"][1]
        assert (entity, exported_key) == ("bundle", key) and len(sha) == 64
        assert json.loads(done) == {"sha256": [None, sha], "period": [None, "Q3"]}
        assert (failed, _e) == ("bundle.export_failed", "bundle")
        assert json.loads(undone) == {"sha256": [sha, None], "error": [None, "Permission denied"]}
        # from the command line: one sentence, exit 1
        code, _, cli_err = run(
            capsys,
            "--db",
            str(officer),
            "export",
            "--period",
            "Q3",
            "--out",
            str(out),
            "--passphrase-file",
            "p12.pass",
        )
        assert code == 1 and "Không đặt được tên" in cli_err and "Traceback" not in cli_err
        assert list(out.iterdir()) == [] and exports(officer) == []
    with Store(officer) as store:
        path = export(store, out)
    assert [p.name for p in out.iterdir()] == [path.name]
    assert [s for _, s in exports(officer)] == [""]  # nothing failed counts as a predecessor


def test_two_exports_at_once_do_not_fork_the_chain(officer: Path, tmp_path: Path) -> None:
    """Two copies of the app on the same database: both build a bundle naming the same
    predecessor (none); the first to record wins, the second is refused and leaves nothing."""
    out = tmp_path / "usb"
    with Store(officer) as a, Store(officer) as b:
        first, second = prepare(a, out), prepare(b, out)
        assert first.supersedes == second.supersedes == ""
        assert len(list(out.iterdir())) == 2  # two temporary files, no bundle yet
        assert all(p.name.startswith(".") for p in out.iterdir())
        built = finish_export(a, first)
        with pytest.raises(UserError) as err:
            finish_export(b, second)
        assert err.value.key == "export.raced"
        assert "xuất lại" in err.value.message() and built.bundle_id[:8] in err.value.message()
        assert [p.name for p in out.iterdir()] == [built.path.name]
        assert exports(officer) == [(built.bundle_id, "")]
        # exporting again (from the copy that lost) supersedes the one that was recorded
        again = export(b, out)
    assert supersedes(again) == built.bundle_id
    assert exports(officer)[-1][1] == built.bundle_id
    assert sorted(p.name for p in out.iterdir()) == sorted([built.path.name, again.name])


def test_two_exports_racing_in_threads_do_not_fork_the_chain(
    officer: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same with threads: both build before either records (a barrier between)."""
    import threading

    from cchc_tui.services import export as export_module

    out = tmp_path / "usb"
    barrier = threading.Barrier(2, timeout=60)
    real_record = export_module._record

    def record_after_both_built(store: Store, staged: Staged) -> int:
        barrier.wait()
        return real_record(store, staged)

    monkeypatch.setattr(export_module, "_record", record_after_both_built)
    results: list[object] = []

    def one() -> None:
        with Store(officer) as store:
            try:
                results.append(export(store, out))
            except UserError as e:
                results.append(e)

    threads = [threading.Thread(target=one) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    refused = [r for r in results if isinstance(r, UserError)]
    made = [r for r in results if isinstance(r, Path)]
    assert len(made) == 1 and len(refused) == 1 and refused[0].key == "export.raced"
    assert [p.name for p in out.iterdir()] == [made[0].name]
    assert [s for _, s in exports(officer)] == [""]
