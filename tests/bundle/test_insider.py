"""What an insider tried once the signatures held (a red-team pass over issue 10): figures the
review desk would have believed, a trust anchor swapped by a stray file, a stick that stops a
whole import, a dropped bundle's id used again, files that are no files. Each is refused with
its reason, and the rest of an import goes on."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from cchc_tui.bundle import bag
from cchc_tui.bundle.verify import verify_bundle
from cchc_tui.core.errors import UserError
from cchc_tui.services.anchors import remembered_anchors, trust_anchors
from cchc_tui.services.importer import ImportRefused, bundles_in, import_bundle
from cchc_tui.services.review_desk import drop_bundle, latest_bundle
from cchc_tui.store.service import Store
from tests.bundle_corpus import WHEN, Kit, entries_of, forge, genuine_doc, make_bundle, make_kit

CCHC = [sys.executable, "-c", "import sys; from cchc_tui.cli import main; sys.exit(main())"]


@pytest.fixture
def kit(tmp_path: Path) -> Kit:
    return make_kit(tmp_path, ("918", "916"))


@pytest.fixture
def reviewer(tmp_path: Path) -> Store:
    store = Store(tmp_path / "snv.sqlite", create=True)
    store.init_profile("SNV", "Sở Nội vụ", "Thẩm định viên")
    yield store  # type: ignore[misc]
    store.close()


def state_of(tmp_path: Path) -> tuple[str, list[str]]:
    db = hashlib.sha256((tmp_path / "snv.sqlite").read_bytes()).hexdigest()
    store = tmp_path / "snv.sqlite.bundles"
    tree = sorted(str(p.relative_to(tmp_path)) for p in store.rglob("*")) if store.exists() else []
    return db, tree


def scored(total: str, percent: str, grade: str, set_id: str = "mau-huyen-2022") -> dict[str, Any]:
    doc = genuine_doc("918")
    doc["scores"][0] |= {"set": set_id, "total": total, "percent": percent, "grade": grade}
    return doc


def test_a_self_total_the_points_do_not_give_is_refused(
    kit: Kit, reviewer: Store, tmp_path: Path
) -> None:
    """The agency names its criteria set and states its total: a ranking must never show
    1000 points, "Xuất sắc", for two sub-criteria scored 0 and 1."""
    good = make_bundle(kit, "918", tmp_path / "usb" / "good")
    claims = {
        "a total of 1000": scored("1000", "100", "Xuất sắc"),
        "a total of 1 called Xuất sắc": scored("1", "1.2", "Xuất sắc"),
        "a set the reviewer does not hold": scored("1000", "100", "Xuất sắc", "bo-that-2022"),
    }
    before = state_of(tmp_path)
    for n, (label, doc) in enumerate(claims.items()):
        path = make_bundle(
            kit, "918", tmp_path / "usb" / str(n), doc=doc, when=WHEN + timedelta(seconds=n)
        )
        assert verify_bundle(path, kit.ca_pem).ok  # signed, well formed: only the desk knows
        with pytest.raises(ImportRefused) as err:
            import_bundle(reviewer, path, kit.ca_pem, None, actor="T")
        reason = err.value.message()
        assert "không đúng với điểm" in reason or "chưa có bộ này" in reason, label
        assert state_of(tmp_path) == before, label
    assert not import_bundle(reviewer, good, kit.ca_pem, None, actor="T").already


def test_a_stray_ca_file_never_replaces_the_trust_anchor(
    kit: Kit, reviewer: Store, tmp_path: Path
) -> None:
    other = make_kit(tmp_path / "other")
    (tmp_path / "crl.pem").write_bytes(b"")
    trust_anchors(reviewer, kit.ca_file)
    remembered = remembered_anchors(reviewer)
    with pytest.raises(UserError) as err:
        trust_anchors(reviewer, other.ca_file)
    assert err.value.key == "trust.ca_differs"
    assert remembered_anchors(reviewer) == remembered
    # the same CA again is no change; a real change of CA is said out loud
    trust_anchors(reviewer, kit.ca_file)
    ca, _crl = trust_anchors(reviewer, other.ca_file, replace_ca=True)
    assert ca == other.ca_pem


def test_a_maze_on_the_stick_does_not_stop_the_import(kit: Kit, tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    good = make_bundle(kit, "918", stick / "918")
    deep = stick / "maze"
    deep.mkdir()
    for _ in range(1100):  # deeper than Python's recursion limit (1000)
        deep = deep / "d"
        deep.mkdir()
    (deep / "z.zip").write_bytes(b"PK")
    try:
        assert bundles_in(stick) == [good]
    finally:  # shutil.rmtree recurses too: take the maze down from the bottom
        (deep / "z.zip").unlink()
        while deep != stick:
            deep.rmdir()
            deep = deep.parent


def test_a_dropped_bundles_id_used_again_is_refused_and_the_rest_goes_on(
    kit: Kit, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cchc_tui.cli import main

    store = Store(tmp_path / "snv.sqlite", create=True)
    store.init_profile("SNV", "Sở Nội vụ", "Thẩm định viên")
    first = make_bundle(kit, "918", tmp_path / "a")
    import_bundle(store, first, kit.ca_pem, None, actor="T")
    row = latest_bundle(store, "918", "kh-260-2022", "Q3")
    drop_bundle(store, row, "gửi nhầm", actor="T")
    store.close()
    # the same agency, plan, period and time (so the same id), other content, naming the
    # dropped bundle as its predecessor
    officer = kit.officers["918"]
    root, _ = entries_of(first)
    doc = genuine_doc("918")
    doc["items"][0]["note"] = "khác"
    sha = hashlib.sha256(first.read_bytes()).hexdigest()
    stick = tmp_path / "usb"
    stick.mkdir()
    again = forge(
        first,
        stick / "a.zip",
        officer.key,
        officer.cert,
        officer.chain,
        when=WHEN,
        submission=doc,
        info={"CCHC-Supersedes": root, "CCHC-Supersedes-SHA256": sha},
    )
    assert verify_bundle(again, kit.ca_pem).ok
    other = make_bundle(kit, "916", stick / "916")
    capsys.readouterr()
    code = main(
        ["--db", str(tmp_path / "snv.sqlite"), "import", str(stick), "--ca", str(kit.ca_file)]
    )
    out, err = capsys.readouterr()
    assert code == 1
    assert "đã dùng cho một hồ sơ khác" in err
    assert "916" in out and other.name in out  # the other agency's bundle went in


def test_junk_is_refused_before_it_is_copied(kit: Kit, reviewer: Store, tmp_path: Path) -> None:
    """1 GiB of nothing (sparse) with a zip's end record: refused by the cheap checks, no
    private copy made of it."""
    junk = tmp_path / "junk.zip"
    with junk.open("wb") as fh:
        fh.truncate(1024**3 - 22)
        fh.seek(0, 2)
        fh.write(b"PK\x05\x06" + bytes(18))
    before = state_of(tmp_path)
    with pytest.raises(ImportRefused):
        import_bundle(reviewer, junk, kit.ca_pem, None, actor="T")
    assert state_of(tmp_path) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_no_bundle_and_no_receipt(tmp_path: Path, kit: Kit) -> None:
    """Refused at once, never waited on (each command in a child with a time limit)."""
    fifo = tmp_path / "fifo.zip"
    os.mkfifo(fifo)
    env = {**os.environ, "CCHC_DB": str(tmp_path / "x.sqlite")}
    subprocess.run(
        [*CCHC, "init", "--agency", "918", "--officer", "A"], env=env, check=True, timeout=60
    )
    for args in (
        ["verify", str(fifo), "--ca", str(kit.ca_file)],
        ["import", str(fifo), "--ca", str(kit.ca_file)],
        ["receipt", "import", str(fifo), "--ca", str(kit.ca_file)],
    ):
        done = subprocess.run([*CCHC, *args], env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 1, (args, done.stderr)
        assert "không phải một tệp thường" in done.stdout + done.stderr, args


def test_a_key_given_twice_in_the_submission_is_refused(kit: Kit, tmp_path: Path) -> None:
    """Readers differ on which of two values counts ("period": Q1 then Q3)."""
    genuine = make_bundle(kit, "918", tmp_path / "g")
    text = bag.canonical_json(genuine_doc("918")).decode()
    twice = text.replace('"period": "Q3"', '"period": "Q1",\n "period": "Q3"', 1)
    assert json.loads(twice)["period"] == "Q3"
    officer = kit.officers["918"]
    forged = forge(
        genuine,
        tmp_path / "f.zip",
        officer.key,
        officer.cert,
        officer.chain,
        when=WHEN,
        files={"data/submission.json": twice.encode()},
    )
    report = verify_bundle(forged, kit.ca_pem)
    assert not report.ok
    assert any("hai lần" in c.detail for c in report.checks if not c.ok), report.checks


def test_every_help_text_prints(capsys: pytest.CaptureFixture[str]) -> None:
    """`cchc X --help` for every command and subcommand, in both languages (a "%" in a help
    text once crashed one)."""
    import argparse

    from cchc_tui.cli import build_parser, main

    def commands(parser: argparse.ArgumentParser, prefix: list[str]) -> list[list[str]]:
        found = [prefix]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found += commands(sub, [*prefix, name])
        return found

    every = commands(build_parser(), [])
    assert len(every) > 20
    for lang in ("vi", "en"):
        for words in every:
            with pytest.raises(SystemExit) as done:
                main(["--lang", lang, *words, "--help"])
            assert done.value.code == 0, words
    capsys.readouterr()


def test_invisible_characters_pasted_into_a_note_are_not_stored(tmp_path: Path) -> None:
    """A zero-width space or a byte-order mark pasted from a web page would otherwise make
    the export refuse its own bundle (the schema refuses them)."""
    from tests.tui_helpers import cli

    db = str(tmp_path / "o.sqlite")
    cli("--db", db, "init", "--agency", "918", "--officer", "Hương")
    cli(
        "--db",
        db,
        "progress",
        "set",
        "hd3.1",
        "--status",
        "dang",
        "--note",
        "Đã\u200b rà\ufeff soát",
    )
    from cchc_tui.store.reader import Reader

    assert Reader(Path(db)).progress_of("kh-260-2022", "918")["hd3.1"].note == "Đã rà soát"


def test_remembering_a_trust_anchor_is_audited_once(
    kit: Kit, reviewer: Store, tmp_path: Path
) -> None:
    """The CA a database trusts is a change like any other: each new one is in the audit log
    under the desk's officer (its SHA-256 before and after), the same file again adds nothing."""
    other = make_kit(tmp_path / "other")
    trust_anchors(reviewer, kit.ca_file)
    trust_anchors(reviewer, kit.ca_file)
    trust_anchors(reviewer, other.ca_file, replace_ca=True)
    entries = [e for e in reviewer.audit_entries() if e.action == "trust.anchor"]
    assert [(e.entity_key, e.actor, e.agency_code) for e in entries] == [
        ("ca", "Thẩm định viên", "SNV"),
        ("ca", "Thẩm định viên", "SNV"),
    ]
    first, second = (json.loads(e.changes)["sha256"] for e in entries)
    assert first == [None, hashlib.sha256(kit.ca_pem).hexdigest()]
    assert second == [first[1], hashlib.sha256(other.ca_pem).hexdigest()]
