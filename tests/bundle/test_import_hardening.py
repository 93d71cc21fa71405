"""Import on the reviewer's side: a folder of bundles where some zips cannot be read (one
refused line each, the rest goes on); a refused bundle leaves the database and the bundle
store as they were; what an interrupted import left behind never blocks the next one; the
bytes verified are the bytes extracted; what the CLI prints from a bundle cannot drive the
terminal."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sqlite3
import struct
import time
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from cchc_tui.bundle import bag
from cchc_tui.cli import main
from cchc_tui.services import importer
from cchc_tui.services.importer import ImportRefused, bundles_dir, import_bundle
from cchc_tui.store.service import Store
from tests.bundle_corpus import WHEN, Kit, make_bundle, make_kit

ID_918 = bag.bundle_id_for("918", "kh-260-2022", "Q3", WHEN)


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return make_kit(tmp_path_factory.mktemp("import"), ("918", "916"))


@pytest.fixture(scope="module")
def bundles(kit: Kit) -> dict[str, Path]:
    pdf = kit.folder / "qd.pdf"
    pdf.write_bytes(b"%PDF-1.4 quyet dinh\n" * 30)
    out = kit.folder / "good"
    return {
        "918": make_bundle(kit, "918", out, evidence_file=pdf),
        "916": make_bundle(kit, "916", out),
    }


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _entry_offsets(data: bytes, index: int) -> tuple[int, int]:
    (count, _size, cd) = struct.unpack_from("<HII", data, len(data) - 22 + 10)
    pos = cd
    for i in range(count):
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, pos + 28)
        (local,) = struct.unpack_from("<I", data, pos + 42)
        if i == index:
            return pos, local
        pos += 46 + name_len + extra_len + comment_len
    raise IndexError(index)


def unreadable_zips(genuine: Path, folder: Path) -> list[Path]:
    """A genuine bundle made unreadable five ways, plus a file that is no zip at all."""
    data = genuine.read_bytes()
    central, local = _entry_offsets(data, 0)
    encrypted = bytearray(data)
    for at in (central + 8, local + 6):
        encrypted[at] |= 0x01
    unknown = bytearray(data)
    for at in (central + 10, local + 8):
        unknown[at : at + 2] = struct.pack("<H", 14)  # LZMA
    damaged = bytearray(data)
    damaged[central] ^= 0xFF  # the central directory's first signature
    made = {
        "a-encrypted.zip": bytes(encrypted),
        "b-lzma.zip": bytes(unknown),
        "d-truncated.zip": data[: len(data) * 2 // 3],
        "x-damaged-directory.zip": bytes(damaged),
        "y-trailing.zip": data + b"\0" * 64,
        "z-not-a-zip.zip": b"%PDF-1.4 this is a PDF named .zip\n" * 20,
    }
    out = []
    for name, content in made.items():
        (folder / name).write_bytes(content)
        out.append(folder / name)
    return out


def test_a_folder_with_unreadable_zips_refuses_each_and_imports_the_rest(
    kit: Kit, bundles: dict[str, Path], tmp_path: Path, plan_text: str
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    for b in bundles.values():
        (stick / b.name).write_bytes(b.read_bytes())
    bad = unreadable_zips(bundles["918"], stick)
    db = str(tmp_path / "r.sqlite")
    assert run("--db", db, "init", "--agency", "SNV", "--officer", "Thẩm định viên")[0] == 0
    code, out, err = run("--db", db, "import", str(stick), "--ca", str(kit.ca_file))
    assert code == 1
    assert out.count("Đã nhận ") == 2, out
    assert "nhận mới 2, đã có trước 0, từ chối 6" in out
    refused = [line for line in err.splitlines() if line.startswith("Lỗi: Không nhận")]
    assert len(refused) == len(bad) == 6, err
    for path in bad:
        assert sum(path.name in line for line in refused) == 1, path.name
    assert "được mã hóa" in err and "phương pháp 14" in err and "không phải tệp zip" in err
    assert ".incoming-" not in err  # reasons name the file given, not the private copy
    con = sqlite3.connect(db)
    assert sorted(r[0] for r in con.execute("SELECT agency_code FROM received_bundle")) == [
        "916",
        "918",
    ]
    con.close()
    assert not list(Path(db + ".bundles").rglob(".incoming-*"))
    # and as JSON: one entry per file, the refused ones with their reason
    again = run("--db", db, "import", str(stick), "--json")
    results = json.loads(again[1])
    assert again[0] == 1 and len(results) == 8
    assert sum(r["ok"] for r in results) == 2 and all(r["message"] for r in results)


def tree(store: Store) -> tuple[str, list[tuple[str, str]]]:
    """The database file's hash and the bundle store's every path with its content's hash."""
    db = hashlib.sha256(store.path.read_bytes()).hexdigest()
    listing = []
    for p in sorted(store.path.parent.rglob("*")):
        rel = str(p.relative_to(store.path.parent))
        if p.is_dir():
            listing.append((rel, "dir"))
        elif p.name.endswith(("-wal", "-shm")):
            listing.append((rel, "sqlite"))
        else:
            listing.append((rel, hashlib.sha256(p.read_bytes()).hexdigest()))
    return db, listing


def test_a_refused_bundle_leaves_the_database_and_the_store_as_they_were(
    kit: Kit, bundles: dict[str, Path], reviewer: Store, tmp_path: Path
) -> None:
    ca = kit.ca_pem
    bad = unreadable_zips(bundles["918"], tmp_path)
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(bundles["916"]) as zin, zipfile.ZipFile(tampered, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.endswith("submission.json"):
                data = data.replace(b'"progress": 40', b'"progress": 90')
            zout.writestr(info, data)
    refused = [*bad, tampered, tmp_path / "missing.zip"]
    # a fresh reviewer: not even the bundle store's folder is made
    before = tree(reviewer)
    for path in refused:
        with pytest.raises(ImportRefused):
            import_bundle(reviewer, path, ca, None, actor="TĐV")
        assert tree(reviewer) == before, path.name
    assert not bundles_dir(reviewer).exists()
    # with a bundle received: the next refusals change nothing either
    import_bundle(reviewer, bundles["918"], ca, None, actor="TĐV")
    before = tree(reviewer)
    stale = make_bundle(kit, "918", tmp_path / "stale", when=WHEN + timedelta(days=1))
    for path in [*refused, stale]:  # stale: it does not name the bundle it replaces
        with pytest.raises(ImportRefused):
            import_bundle(reviewer, path, ca, None, actor="TĐV")
        assert tree(reviewer) == before, path.name


def test_leftovers_of_an_interrupted_import_never_block_the_next(
    kit: Kit, bundles: dict[str, Path], reviewer: Store
) -> None:
    """A crash between extraction and the database row: the temporary copy and folders are
    removed, and a final folder without a row is extracted again."""
    home = bundles_dir(reviewer)
    (home / "918" / ".incoming-x1y2" / "data").mkdir(parents=True)
    (home / "918" / ".incoming-x1y2" / "data" / "submission.json").write_text("{}")
    (home / ".incoming-abc.zip").write_bytes(b"PK\x03\x04 half a copy")
    (home / ".incoming-dir").mkdir()
    final = home / "918" / ID_918
    (final / "data").mkdir(parents=True)
    (final / "data" / "submission.json").write_text("half written")
    (final / "stray.txt").write_text("not from the bundle")
    an_hour_ago = time.time() - 3600
    for leftover in home.rglob(".incoming-*"):
        os.utime(leftover, (an_hour_ago, an_hour_ago))
    (home / ".incoming-now.zip").write_bytes(b"PK")  # another import, running right now
    done = import_bundle(reviewer, bundles["918"], kit.ca_pem, None, actor="TĐV")
    assert not done.already and done.stored == final
    assert [p.name for p in home.rglob(".incoming-*")] == [".incoming-now.zip"]
    with zipfile.ZipFile(bundles["918"]) as zf:
        expected = {n.split("/", 1)[1]: zf.read(n) for n in zf.namelist()}
    got = {str(p.relative_to(final)): p.read_bytes() for p in final.rglob("*") if p.is_file()}
    assert got == expected
    # imported once; the same file again changes nothing
    assert import_bundle(reviewer, bundles["918"], kit.ca_pem, None, actor="TĐV").already


def test_the_bytes_verified_are_the_bytes_extracted(
    kit: Kit,
    bundles: dict[str, Path],
    reviewer: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The file on the stick is swapped for another after it was copied: the private copy is
    what is verified, extracted and recorded."""
    stick = tmp_path / "bundle.zip"
    stick.write_bytes(bundles["918"].read_bytes())
    genuine_sha = hashlib.sha256(stick.read_bytes()).hexdigest()
    seen: list[Path] = []
    real = importer.verify_bundle

    def swapped_then_verified(path: Path, *args: object, **kwargs: object) -> object:
        seen.append(Path(path))
        assert Path(path).parent == bundles_dir(reviewer)
        assert Path(path).name.startswith(".incoming-")
        assert os.stat(path).st_mode & 0o777 == 0o600
        stick.write_bytes(bundles["916"].read_bytes())  # swapped under our feet
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "verify_bundle", swapped_then_verified)
    done = import_bundle(reviewer, stick, kit.ca_pem, None, actor="TĐV")
    assert done.report.ok and done.report.agency_code == "918"
    assert done.report.sha256 == genuine_sha and done.report.path == stick
    assert seen and not seen[0].exists()  # the copy is gone
    stored = done.stored
    assert stored is not None
    with zipfile.ZipFile(bundles["918"]) as zf:
        sub = next(n for n in zf.namelist() if n.endswith("data/submission.json"))
        assert (stored / "data" / "submission.json").read_bytes() == zf.read(sub)


def _hostile_names_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(f"{ID_918}/bagit.txt", bag.BAGIT_TXT)
        zf.writestr(f"{ID_918}/\x1b]0;pwned\x07\x1b[2J\r\nĐẠT  gia \x9b31m\u202eevil", b"x")
    return path


def test_what_the_cli_prints_from_a_bundle_cannot_drive_the_terminal(
    kit: Kit, tmp_path: Path
) -> None:
    bundle = _hostile_names_zip(tmp_path / "x\x1b[32m\rĐẠT  .zip")
    code, out, _err = run("verify", str(bundle), "--ca", str(kit.ca_file))
    assert code == 1
    for raw in ("\x1b", "\r", "\x07", "\x9b", "\u202e"):
        assert raw not in out, repr(raw)
    lines = out.splitlines()
    assert lines[0].startswith("KHÔNG ĐẠT  ") and not any(x.startswith("ĐẠT") for x in lines)
    assert "\\x1b]0;pwned\\x07\\x1b[2J\\x0d\\x0aĐẠT" in out and "\\u202eevil" in out
    code, out, _err = run("verify", str(bundle), "--ca", str(kit.ca_file), "--json")
    assert code == 1  # the same verdict as without --json
    assert "\x9b" not in out and "\u202e" not in out and "\\u009b" in out and "\\u202e" in out
    assert "\u202eevil" in json.loads(out)[0]["checks"][-1]["detail"]  # the same data
    db = str(tmp_path / "r.sqlite")
    assert run("--db", db, "init", "--agency", "SNV", "--officer", "Thẩm định viên")[0] == 0
    code, out, err = run("--db", db, "import", str(bundle), "--ca", str(kit.ca_file))
    assert code == 1 and "\x1b" not in out + err and "\r" not in err and "\\x1b" in err
