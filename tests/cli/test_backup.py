"""Backup, restore and where everything is (issue 16): `cchc db backup --to DIR`, `cchc db
restore FILE`, `cchc db path`; the database copied whole even with changes still in its
write-ahead log; a damaged or altered archive refused before anything is written; a
database on a network share on the rollback journal."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from cchc_tui.cli import main
from cchc_tui.store.location import is_network_path


def cchc(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(db)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: con.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    finally:
        con.close()


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A database in a folder named as Windows users name them, with an evidence file, a key
    folder and a config file (Notepad's BOM)."""
    home = tmp_path / "Báo cáo 100%41 #2"
    db = home / "cchc.sqlite"
    config = tmp_path / "cfg" / "config.toml"
    config.parent.mkdir()
    config.write_bytes('\ufefflang = "vi"\r\n'.encode())
    monkeypatch.setattr("cchc_tui.cli.db.config_path", lambda: config)
    monkeypatch.setattr("cchc_tui.config.config_path", lambda: config)
    assert cchc("--db", str(db), "init", "--agency", "918", "--officer", "Hương")[0] == 0
    doc = tmp_path / "kế hoạch 1.pdf"
    doc.write_bytes(b"%PDF-1.4 ke hoach" * 100)
    code, _, err = cchc(
        "--db", str(db), "evidence", "add", "--number", "12/KH-UBND", "--date", "10/01/2022",
        "--issuer", "UBND quận", "--title", "Kế hoạch CCHC năm 2022", "--file", str(doc),
        "--item", "hd3.1",
    )  # fmt: skip
    assert code == 0, err
    keys = db.with_name(db.name + ".keys")
    keys.mkdir()
    (keys / "signing.p12").write_bytes(b"\x30\x82 not a real key")
    usb = tmp_path / "USB E"
    usb.mkdir()
    return {"db": db, "config": config, "usb": usb, "tmp": tmp_path}


def test_backup_then_restore_gives_back_every_row_and_every_file(office: dict[str, Path]) -> None:
    db = office["db"]
    # a change still in the write-ahead log: a connection holds it open, nothing checkpointed
    held = sqlite3.connect(db)
    held.execute("PRAGMA journal_mode = WAL")
    held.execute("INSERT INTO app_meta (key, value) VALUES ('still-in-wal', 'x')")
    held.commit()
    try:
        assert db.with_name(db.name + "-wal").stat().st_size > 0
        code, out, err = cchc("--db", str(db), "db", "backup", "--to", f'"{office["usb"]}"')
        assert code == 0, err
    finally:
        held.close()
    assert out.startswith("Đã sao lưu vào «") and "4 tệp" in out
    (archive,) = office["usb"].glob("cchc-backup-*.zip")
    office["config"].unlink()  # a new PC: no settings yet
    new = office["tmp"] / "máy mới" / "cchc.sqlite"
    code, out, err = cchc("--db", str(new), "db", "restore", str(archive))
    assert code == 0, err
    assert out.splitlines() == [
        f"Đã khôi phục 4 tệp; cơ sở dữ liệu: «{new}».",
        f"Cấu hình: «{office['config']}».",
    ]
    assert rows(new) == rows(db)
    assert ("still-in-wal", "x") in rows(new)["app_meta"]
    for side in (".files", ".keys"):
        before = files(db.with_name(db.name + side))
        assert before and files(new.with_name(new.name + side)) == before
    assert office["config"].read_bytes().startswith(b'\xef\xbb\xbflang = "vi"')
    code, out, _ = cchc("--db", str(new), "db", "check")
    assert code == 0 and out.startswith("Cơ sở dữ liệu toàn vẹn.")


def test_restore_writes_only_into_an_empty_place_and_keeps_this_pcs_settings(
    office: dict[str, Path],
) -> None:
    db = office["db"]
    assert cchc("--db", str(db), "db", "backup", "--to", str(office["usb"]))[0] == 0
    pattern = str(office["usb"] / "cchc-backup-*.zip")  # as cmd.exe passes it
    before = rows(db)
    code, _, err = cchc("--db", str(db), "db", "restore", pattern)
    assert code == 1 and "đã có: khôi phục chỉ ghi vào chỗ trống" in err
    assert rows(db) == before
    new = office["tmp"] / "new" / "cchc.sqlite"
    code, out, _ = cchc("--db", str(new), "db", "restore", pattern)
    assert code == 0
    kept = office["config"].with_name("config.from-backup.toml")
    assert (
        out.splitlines()[1]
        == f"Cấu hình trên máy này được giữ nguyên; cấu hình trong bản sao lưu ghi ở «{kept}»."
    )
    assert kept.read_bytes() == office["config"].read_bytes()


def _rewrite(archive: Path, target: Path, change: object) -> None:
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            got = change(info.filename, data)  # type: ignore[operator]
            if got is not None:
                dst.writestr(got[0], got[1])


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (
            lambda n, d: (
                (n, d.replace(b"ke hoach", b"KE HOACH")) if n.startswith("files/") else (n, d)
            ),
            "bị hỏng",
        ),
        (lambda n, d: None if n.startswith("keys/") else (n, d), "không khớp manifest"),
        (
            lambda n, d: (
                (n.replace("files/", "files/../../"), d) if n.startswith("files/") else (n, d)
            ),
            "không khớp manifest",
        ),
        (lambda n, d: (n, d[:-10] + b"0123456789") if n.startswith("db/") else (n, d), "bị hỏng"),
        (lambda n, d: (n, b"{}") if n == "manifest.json" else (n, d), "không phải bản sao lưu"),
    ],
    ids=["file-changed", "file-missing", "name-outside", "db-changed", "no-manifest"],
)
def test_an_altered_backup_is_refused_and_nothing_is_written(
    office: dict[str, Path], change: object, said: str
) -> None:
    assert cchc("--db", str(office["db"]), "db", "backup", "--to", str(office["usb"]))[0] == 0
    (archive,) = office["usb"].glob("*.zip")
    bad = office["tmp"] / "bad.zip"
    _rewrite(archive, bad, change)
    place = office["tmp"] / "new"
    code, _, err = cchc("--db", str(place / "cchc.sqlite"), "db", "restore", str(bad))
    assert code == 1 and said in err, err
    assert not place.exists() or not any(place.iterdir())
    assert not (office["tmp"] / "files").exists()


def test_backup_needs_a_folder_that_exists(office: dict[str, Path]) -> None:
    code, _, err = cchc("--db", str(office["db"]), "db", "backup")
    assert code == 1 and "cchc db backup --to" in err
    code, _, err = cchc("--db", str(office["db"]), "db", "backup", "--to", str(office["tmp"] / "F"))
    assert code == 1 and "đã cắm USB chưa?" in err
    assert not list(office["tmp"].glob("**/cchc-backup-*"))


def test_db_path_says_where_everything_is(office: dict[str, Path]) -> None:
    code, out, _ = cchc("--db", str(office["db"]), "db", "path", "--json")
    got = {e["what"]: (e["path"], e["exists"]) for e in json.loads(out)}
    db = office["db"]
    assert got == {
        "db": (str(db), True),
        "files": (str(db) + ".files", True),
        "keys": (str(db) + ".keys", True),
        "bundles": (str(db) + ".bundles", False),
        "config": (str(office["config"]), True),
    }
    code, out, _ = cchc("--db", str(office["db"]), "db", "path")
    assert code == 0
    assert out.splitlines()[0] == f"Cơ sở dữ liệu            {db}"
    assert out.splitlines()[3].endswith(".bundles  (chưa có)")


MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
//server/share /mnt/share cifs rw 0 0
server:/export /mnt/nfs\\040home nfs4 rw 0 0
/dev/sdb1 /mnt/share/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "platform", "remote"),
    [
        (r"\\server\cchc\cchc.sqlite", "win32", True),
        ("//server/cchc/cchc.sqlite", "win32", True),
        (r"\\?\UNC\server\cchc\cchc.sqlite", "win32", True),
        (r"\\?\C:\cchc\cchc.sqlite", "win32", False),
        (r"Z:\cchc.sqlite", "win32", True),  # a mapped network drive
        (r"C:\Users\a\cchc.sqlite", "win32", False),
        ("/mnt/share/cchc.sqlite", "linux", True),
        ("/mnt/nfs home/x/cchc.sqlite", "linux", True),
        ("/mnt/share/local/cchc.sqlite", "linux", False),  # a local disk mounted inside
        ("/home/a/cchc.sqlite", "linux", False),
        ("/mnt/sharefoo/cchc.sqlite", "linux", False),
    ],
)
def test_network_paths(path: str, platform: str, remote: bool) -> None:
    drives = {"Z:": 4, "C:": 3}
    got = is_network_path(path, platform=platform, mounts=MOUNTS, drive_type=lambda d: drives[d])
    assert got is remote


def test_a_database_on_a_share_uses_the_rollback_journal_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "cchc.sqlite"
    assert cchc("--db", str(db), "init", "--agency", "918", "--officer", "Hương")[0] == 0
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    monkeypatch.setattr("cchc_tui.store.reader.is_network_path", lambda p: True)
    code, out, err = cchc("--db", str(db), "assigned")
    assert code == 0 and "52 mục được giao" in out
    assert err.startswith("Lưu ý: cơ sở dữ liệu «") and "nằm trên ổ mạng" in err
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not db.with_name(db.name + "-wal").exists()


async def test_f1_shows_where_the_database_and_its_files_are(
    tmp_path: Path, plan_text: str
) -> None:
    from textual.widgets import Static

    from cchc_tui.ui.help import HelpScreen
    from tests.tui_helpers import demo_db, make_app, wait_idle

    db = demo_db(tmp_path, plan_text)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        await pilot.press("f1")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        lines = str(app.screen.query_one("#help-places", Static).render()).splitlines()
        assert lines[0] == f"Cơ sở dữ liệu: {db.absolute()}"
        assert lines[-1].startswith("Cấu hình: ") and lines[-1].endswith("config.toml")


async def test_the_app_says_when_its_database_is_on_a_network_drive(
    tmp_path: Path, plan_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.tui_helpers import demo_db, make_app, wait_idle

    monkeypatch.setattr("cchc_tui.store.reader.is_network_path", lambda p: True)
    db = demo_db(tmp_path, plan_text)
    with contextlib.closing(sqlite3.connect(db)) as con:  # closed: the switch needs the file alone
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        said = [n.message for n in app._notifications]
        assert any(m.startswith("Cơ sở dữ liệu nằm trên ổ mạng") for m in said), said
        await app.workers.wait_for_complete()  # the write side opened in the background too
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
