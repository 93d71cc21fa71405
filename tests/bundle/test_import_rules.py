"""Import rules read directly, each with the sentence the reviewer sees: what is refused before a
byte is copied (no file, a folder, too big, not a zip, an unsafe zip), a file that grows while
it is copied, a read error half-way; the supersedes chain (stale, the predecessor's hash, an id
taken by other bytes, a dropped bundle); what the record and the audit say; the folder checks
and the extraction's own checks (defence behind the verifier); leftovers and tidying; which
files on a stick are bundles."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cchc_tui.bundle import bag
from cchc_tui.bundle.verify import CHUNK
from cchc_tui.core.i18n import t
from cchc_tui.services import importer
from cchc_tui.services.importer import (
    LEFTOVER_AGE,
    MAX_DEPTH,
    ImportRefused,
    bundles_dir,
    bundles_in,
    import_bundle,
)
from cchc_tui.services.review_desk import drop_bundle
from cchc_tui.store.errors import StoreError
from cchc_tui.store.review import ChainMoved
from cchc_tui.store.service import Store
from tests.bundle_corpus import WHEN, Kit, make_bundle, make_kit


def clock() -> datetime:
    """The time of the import: now, read when the test runs (the test certificates are valid
    from the moment the module's kit was made, which may be minutes after this module was
    imported)."""
    return datetime.now(UTC).replace(microsecond=0)


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return make_kit(tmp_path_factory.mktemp("import-rules"), ("918", "916"))


@pytest.fixture(scope="module")
def first(kit: Kit) -> Path:
    return make_bundle(kit, "918", kit.folder / "first")


def refusal(store: Store, path: Path, kit: Kit, **kw: Any) -> str:
    with pytest.raises(ImportRefused) as e:
        import_bundle(store, path, kit.ca_pem, None, actor="TĐV", now=clock(), **kw)
    return e.value.message()


def incoming(store: Store) -> list[Path]:
    return list(bundles_dir(store).rglob(".incoming-*")) if bundles_dir(store).exists() else []


# -- refused before anything is copied ----------------------------------------------------------
def test_no_file(reviewer: Store, kit: Kit, tmp_path: Path) -> None:
    p = tmp_path / "không có.zip"
    assert refusal(reviewer, p, kit) == f"Không nhận «{p}»: Không có tệp «{p}»."
    assert not bundles_dir(reviewer).exists()


def test_a_folder_is_no_bundle(reviewer: Store, kit: Kit, tmp_path: Path) -> None:
    p = tmp_path / "thư mục.zip"
    p.mkdir()
    assert refusal(reviewer, p, kit) == (
        f"Không nhận «{p}»: «{p}» không phải một tệp thường (thư mục, FIFO hay thiết bị)."
    )


# an error with an errno says its strerror; one without (a driver's own) says its text
FAILURES = [
    (PermissionError(13, "Permission denied"), "Permission denied"),
    (OSError("ổ USB không còn"), "ổ USB không còn"),
]


@pytest.mark.parametrize(("error", "said"), FAILURES)
def test_an_unreadable_file_says_why(
    reviewer: Store,
    kit: Kit,
    first: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: OSError,
    said: str,
) -> None:
    def denied(path: Path) -> Any:
        raise error

    monkeypatch.setattr(importer, "open_regular", denied)
    assert refusal(reviewer, first, kit) == f"Không đọc được «{first}»: {said}"


def test_too_big_is_refused_before_a_byte_is_copied(
    reviewer: Store, kit: Kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = tmp_path / "big.zip"
    p.write_bytes(b"\0" * (3 * 1024**2))  # 3 MiB of anything: the size alone refuses it
    monkeypatch.setattr(importer, "MAX_ZIP", 2 * 1024**2)
    assert refusal(reviewer, p, kit) == (
        f"Không nhận «{p}»: Tệp lớn 3 MB, vượt giới hạn của một hồ sơ (2 MB)."
    )
    assert not bundles_dir(reviewer).exists()


def test_exactly_the_limit_is_imported(
    reviewer: Store, kit: Kit, first: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "MAX_ZIP", first.stat().st_size)
    assert import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV", now=clock()).report.ok


def test_a_file_that_grows_while_copied_is_refused(
    reviewer: Store, kit: Kit, first: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked at the limit, then written to by someone else: the copy stops at the limit."""
    p = tmp_path / "growing.zip"
    p.write_bytes(first.read_bytes() + b"\0" * (2 * CHUNK))  # more than one read
    size = p.stat().st_size
    monkeypatch.setattr(importer, "MAX_ZIP", size)
    real_scan = importer.scan

    def scan_then_grow(*args: Any, **kwargs: Any) -> Any:
        monkeypatch.setattr(importer, "scan", real_scan)
        with p.open("ab") as f:
            f.write(b"\0")
        return None  # the trailing zeros are not what this test is about

    monkeypatch.setattr(importer, "scan", scan_then_grow)
    assert refusal(reviewer, p, kit) == (
        f"Không nhận «{p}»: Tệp lớn {size // 1024**2} MB, vượt giới hạn của một hồ sơ "
        f"({size // 1024**2} MB)."
    )
    assert incoming(reviewer) == []
    assert not bundles_dir(reviewer).exists()  # the store as it was


@pytest.mark.parametrize(("error", "said"), FAILURES)
def test_a_read_error_half_way_leaves_no_copy(
    reviewer: Store,
    kit: Kit,
    first: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: OSError,
    said: str,
) -> None:
    real_open = importer.open_regular

    class Failing:
        """The stick's file, whose copy loop's read fails (a stick pulled out)."""

        def __init__(self, f: Any) -> None:
            self.f = f

        def read(self, n: int = -1) -> bytes:
            if n == CHUNK:
                raise error
            data: bytes = self.f.read(n)
            return data

        def __getattr__(self, name: str) -> Any:
            return getattr(self.f, name)

        def __enter__(self) -> Failing:
            return self

        def __exit__(self, *exc: object) -> None:
            self.f.close()

    def opened(path: Path) -> Any:
        return Failing(real_open(path))

    monkeypatch.setattr(importer, "open_regular", opened)
    assert refusal(reviewer, first, kit) == f"Không đọc được «{first}»: {said}"
    assert incoming(reviewer) == []


def test_not_a_zip_is_worded_as_verify_words_it(reviewer: Store, kit: Kit, tmp_path: Path) -> None:
    p = tmp_path / "giả.zip"
    p.write_bytes(b"PK\x03\x04" + b"cut short" * 100)
    assert refusal(reviewer, p, kit) == (
        f"Không nhận «{p}»: «{p}» không phải tệp zip đọc được (hỏng hoặc bị cắt cụt): "
        "không có phần kết của zip ở cuối tệp"
    )


def test_junk_in_front_is_refused_with_the_scan_s_reason(
    reviewer: Store, kit: Kit, tmp_path: Path
) -> None:
    p = tmp_path / "pdf.zip"
    p.write_bytes(b"%PDF-1.4\n" * 100)
    assert refusal(reviewer, p, kit) == (
        f"Không nhận «{p}»: Tệp không bắt đầu bằng một mục zip (có dữ liệu lạ ở đầu tệp)."
    )


def test_an_unsafe_zip_gives_the_scan_s_reason(
    reviewer: Store, kit: Kit, first: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "MAX_FILES", 2)
    msg = refusal(reviewer, first, kit)
    with zipfile.ZipFile(first) as zf:
        count = len(zf.infolist())
    assert msg.startswith(f"Không nhận «{first}»: ")
    assert f"{count}" in msg and "None" not in msg and len(msg) > len(f"Không nhận «{first}»: ")


# -- the chain of resubmissions -----------------------------------------------------------------
def test_the_record_and_the_audit(reviewer: Store, kit: Kit, first: Path) -> None:
    when = clock()
    done = import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV", now=when)
    assert done.already is False and done.stored is not None
    assert done.stored == bundles_dir(reviewer) / "918" / done.report.bundle_id
    con = sqlite3.connect(reviewer.path)
    con.row_factory = sqlite3.Row
    row = con.execute("SELECT * FROM received_bundle").fetchone()
    cert = kit.officers["918"].cert
    assert row["signer"] == "Cán bộ 918"
    assert row["cert_serial"] == format(cert.serial_number, "x")
    assert row["cert_fingerprint"] == done.report.signer.fingerprint != ""  # type: ignore[union-attr]
    assert row["signing_time"].startswith("2022-09-09 08:00:00")
    assert row["received_at"].startswith(when.strftime("%Y-%m-%d %H:%M:%S"))
    assert row["received_by"] == "TĐV" and row["supersedes"] == ""
    assert row["size"] == first.stat().st_size
    with zipfile.ZipFile(first) as zf:
        assert row["files"] == len(zf.infolist())
    assert row["sha256"] == hashlib.sha256(first.read_bytes()).hexdigest()
    audit = con.execute(
        "SELECT actor, agency_code, action, entity, entity_key, changes FROM audit_log "
        "WHERE action = 'bundle.import'"
    ).fetchall()
    con.close()
    assert [tuple(a)[:5] for a in audit] == [
        ("TĐV", "918", "bundle.import", "bundle", done.report.bundle_id)
    ]
    assert json.loads(audit[0]["changes"]) == {
        "sha256": [None, row["sha256"]],
        "supersedes": [None, ""],
    }


def test_the_same_bundle_twice_changes_nothing(reviewer: Store, kit: Kit, first: Path) -> None:
    one = import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV", now=clock())
    two = import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV", now=clock())
    assert two.already is True and two.stored == one.stored


def test_a_resubmission_must_name_the_latest(
    reviewer: Store, kit: Kit, first: Path, tmp_path: Path
) -> None:
    import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV", now=clock())
    got = importer.latest_received(reviewer, "918", "kh-260-2022", "Q3")
    assert got is not None
    later = WHEN + timedelta(hours=1)
    orphan = make_bundle(kit, "918", tmp_path / "orphan", when=later)
    assert refusal(reviewer, orphan, kit) == (
        f"Không nhận «{orphan}»: hồ sơ ghi thay thế «—» nhưng bản mới nhất đã nhận là "
        f"«{got.bundle_id}»."
    )
    wrong_sha = make_bundle(
        kit, "918", tmp_path / "wrong", when=later, supersedes=(got.bundle_id, "0" * 64)
    )
    assert refusal(reviewer, wrong_sha, kit) == (
        f"Không nhận «{wrong_sha}»: mã băm của bản được thay thế không khớp."
    )
    good = make_bundle(
        kit, "918", tmp_path / "good", when=later, supersedes=(got.bundle_id, got.sha256)
    )
    assert import_bundle(reviewer, good, kit.ca_pem, None, actor="TĐV", now=clock()).report.ok
    latest = importer.latest_received(reviewer, "918", "kh-260-2022", "Q3")
    assert latest is not None and latest.supersedes == got.bundle_id
    # the first one, now superseded, is not a stale fork: it was received before
    assert import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV", now=clock()).already
    # another agency's and another period's chains are their own
    assert importer.latest_received(reviewer, "916", "kh-260-2022", "Q3") is None
    assert importer.latest_received(reviewer, "918", "kh-260-2022", "Q1") is None


def test_a_dropped_bundle_is_refused_with_when_and_why(
    reviewer: Store, kit: Kit, first: Path
) -> None:
    done = import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV", now=clock())
    row = importer.latest_received(reviewer, "918", "kh-260-2022", "Q3")
    assert row is not None and done.report.ok
    drop_bundle(reviewer, row, "Gửi nhầm kỳ", actor="TĐV")
    msg = refusal(reviewer, first, kit)
    assert msg.startswith(f"Không nhận «{first}»: hồ sơ này đã nhận trước đó rồi bị loại bỏ lúc ")
    assert msg.endswith(" (lý do: Gửi nhầm kỳ).")
    assert "None" not in msg


def test_the_same_id_with_other_bytes_is_refused(
    reviewer: Store, kit: Kit, first: Path, tmp_path: Path
) -> None:
    """A dropped bundle's id, signed again with other content (the id comes from the agency,
    the plan, the period and the time)."""
    done = import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV", now=clock())
    row = importer.latest_received(reviewer, "918", "kh-260-2022", "Q3")
    assert row is not None
    resigned = make_bundle(
        kit, "918", tmp_path / "again", supersedes=(row.bundle_id, row.sha256)
    )  # same time → same id, other bytes (it names a predecessor)
    assert bag.bundle_id_for("918", "kh-260-2022", "Q3", WHEN) == done.report.bundle_id
    assert refusal(reviewer, resigned, kit) == (
        f"Mã hồ sơ {done.report.bundle_id} đã dùng cho một hồ sơ khác đã nhận (kể cả hồ sơ đã "
        "loại bỏ)."
    )


def test_a_leftover_final_folder_without_a_record_is_extracted_again(
    reviewer: Store, kit: Kit, first: Path
) -> None:
    bid = bag.bundle_id_for("918", "kh-260-2022", "Q3", WHEN)
    final = bundles_dir(reviewer) / "918" / bid
    final.parent.mkdir(parents=True)
    final.write_text("a file where the folder goes")  # not even a folder
    done = import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV", now=clock())
    assert done.stored == final and final.is_dir() and (final / "bag-info.txt").is_file()


def test_a_link_planted_where_the_folder_goes_is_refused(
    reviewer: Store, kit: Kit, first: Path, tmp_path: Path
) -> None:
    bid = bag.bundle_id_for("918", "kh-260-2022", "Q3", WHEN)
    final = bundles_dir(reviewer) / "918" / bid
    final.parent.mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("not ours")
    final.symlink_to(elsewhere, target_is_directory=True)
    assert refusal(reviewer, first, kit) == f"«918/{bid}» không dùng được làm tên thư mục nhận."
    assert (elsewhere / "keep.txt").read_text() == "not ours"
    assert importer.latest_received(reviewer, "918", "kh-260-2022", "Q3") is None


def test_a_verified_report_of_other_bytes_is_refused(
    reviewer: Store, kit: Kit, first: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy is what was hashed while copied; a verifier that read other bytes is refused."""
    real = importer.verify_bundle

    def other_bytes(*args: Any, **kwargs: Any) -> Any:
        report = real(*args, **kwargs)
        report.sha256 = "0" * 64
        return report

    monkeypatch.setattr(importer, "verify_bundle", other_bytes)
    assert refusal(reviewer, first, kit) == (
        f"Không nhận «{first}»: Danh mục của tệp zip bị hỏng hoặc không khớp với các mục."
    )
    assert incoming(reviewer) == []


def test_reasons_name_the_file_given_and_are_joined(
    reviewer: Store, kit: Kit, first: Path, tmp_path: Path
) -> None:
    """Verified with a CA that did not issue the officer's certificate: every failed check, the
    private copy's name replaced by the file the reviewer chose."""
    other = make_kit(tmp_path / "other-ca", ())
    p = tmp_path / "ho so.zip"
    p.write_bytes(first.read_bytes())
    with pytest.raises(ImportRefused) as e:
        import_bundle(reviewer, p, other.ca_pem, None, actor="TĐV", now=clock())
    msg = e.value.message()
    assert msg.startswith(f"Không nhận «{p}»: ") and ".incoming-" not in msg
    assert "XX" not in msg


def test_what_the_verifier_says_of_the_copy_is_said_of_the_file_given(
    reviewer: Store, kit: Kit, first: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reviewer never sees the private copy's name: every failed check naming it names the
    file chosen instead, and the reasons are joined in order."""
    real = importer.verify_bundle

    def two_failures(copy: Path, *args: Any, **kwargs: Any) -> Any:
        report = real(copy, *args, **kwargs)
        report.add("files", False, f"thiếu tệp trong «{copy}»")
        report.add("signature", False, "chữ ký không hợp lệ")
        return report

    monkeypatch.setattr(importer, "verify_bundle", two_failures)
    p = tmp_path / "hồ sơ 918.zip"
    p.write_bytes(first.read_bytes())
    assert refusal(reviewer, p, kit) == (
        f"Không nhận «{p}»: thiếu tệp trong «{p}»; chữ ký không hợp lệ"
    )


def test_verified_at_the_time_given(
    reviewer: Store, kit: Kit, first: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[datetime] = []
    real = importer.verify_bundle

    def noted(path: Path, ca: bytes, crl: bytes | None, now: datetime, **kw: Any) -> Any:
        seen.append(now)
        return real(path, ca, crl, now, **kw)

    monkeypatch.setattr(importer, "verify_bundle", noted)
    when = clock()
    import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV", now=when)
    assert seen == [when]


def test_a_refused_self_assessment_is_refused_with_its_reason(
    reviewer: Store, kit: Kit, tmp_path: Path
) -> None:
    from tests.bundle_corpus import genuine_doc

    doc = genuine_doc("918")
    doc["scores"][0]["total"] = "9"
    bad = make_bundle(kit, "918", tmp_path / "bad", doc=doc)
    msg = refusal(reviewer, bad, kit)
    assert msg.startswith(f"Không nhận «{bad}»: ") and "9" in msg and "1" in msg


# -- the folder, the extraction ----------------------------------------------------------------
GOOD_ID = "0f0e0d0c-0b0a-4909-8807-060504030201"


@pytest.mark.parametrize(
    ("agency", "bundle_id", "named"),
    [
        ("../x", GOOD_ID, "../x"),
        ("918", "0F0E0D0C-0B0A-4909-8807-060504030201", "0F0E0D0C-0B0A-4909-8807-060504030201"),
        ("918", f"{GOOD_ID}/..", f"{GOOD_ID}/.."),
        ("918", GOOD_ID[:-1], GOOD_ID[:-1]),
    ],
)
def test_folder_names_are_checked_again(
    tmp_path: Path, agency: str, bundle_id: str, named: str
) -> None:
    with pytest.raises(ImportRefused) as e:
        importer._folder(tmp_path, agency, bundle_id)
    assert e.value.message() == f"«{named}» không dùng được làm tên thư mục nhận."


def test_a_folder_inside(tmp_path: Path) -> None:
    assert importer._folder(tmp_path, "918", GOOD_ID) == (
        tmp_path / "918",
        tmp_path / "918" / GOOD_ID,
    )


def test_an_agency_folder_that_leads_outside_is_refused(tmp_path: Path) -> None:
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "918").symlink_to(tmp_path.parent, target_is_directory=True)
    with pytest.raises(ImportRefused) as e:
        importer._folder(tmp_path / "home", "918", GOOD_ID)
    assert e.value.message() == f"«918/{GOOD_ID}» không dùng được làm tên thư mục nhận."


def _bag(path: Path, files: dict[str, bytes], listed: dict[str, bytes] | None = None) -> Path:
    """A zip laid out as a bag under root/, its manifest listing ``listed`` (default: files)."""
    listed = files if listed is None else listed
    manifest = "".join(
        f"{hashlib.sha256(d).hexdigest()}  {n}\n" for n, d in listed.items()
    ).encode()
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("root/bagit.txt", b"BagIt-Version: 1.0\n")
        for name, data in files.items():
            zf.writestr(f"root/{name}", data)
        zf.writestr(f"root/{bag.MANIFEST}", manifest)
        tags = f"{hashlib.sha256(manifest).hexdigest()}  {bag.MANIFEST}\n"
        tags += f"{hashlib.sha256(b'BagIt-Version: 1.0' + bytes([10])).hexdigest()}  bagit.txt\n"
        zf.writestr(f"root/{bag.TAGMANIFEST}", tags.encode())
        zf.writestr(f"root/{bag.TAGMANIFEST}.p7s", b"sig")
    return path


def test_extract_writes_every_listed_file_and_counts_them(tmp_path: Path) -> None:
    files = {"data/a.json": b"{}", "data/evidence/b.pdf": b"%PDF" * 3000}
    z = _bag(tmp_path / "b.zip", files)
    into = tmp_path / "out"
    into.mkdir()
    assert importer._extract(z, into) == 6
    assert (into / "data" / "evidence" / "b.pdf").read_bytes() == files["data/evidence/b.pdf"]
    assert (into / bag.TAGMANIFEST).is_file() and (into / f"{bag.TAGMANIFEST}.p7s").is_file()


def _extract_refusal(z: Path, tmp_path: Path) -> str:
    into = tmp_path / "out"
    into.mkdir(exist_ok=True)
    with pytest.raises(ImportRefused) as e:
        importer._extract(z, into)
    return e.value.message()


def test_extract_refuses_an_unlisted_file(tmp_path: Path) -> None:
    files = {"data/a.json": b"{}", "data/x.exe": b"MZ"}
    z = _bag(tmp_path / "b.zip", files, {"data/a.json": b"{}"})
    assert _extract_refusal(z, tmp_path) == (
        "Tệp «data/x.exe» không có trong danh mục của túi hồ sơ."
    )


def test_extract_refuses_a_changed_file(tmp_path: Path) -> None:
    z = _bag(tmp_path / "b.zip", {"data/a.json": b"{}"}, {"data/a.json": b"[]"})
    assert _extract_refusal(z, tmp_path) == "Tệp «data/a.json» thay đổi trong lúc nhận."


def test_extract_refuses_a_name_leading_outside(tmp_path: Path) -> None:
    z = _bag(tmp_path / "b.zip", {"data/../../up.txt": b"x"})
    assert _extract_refusal(z, tmp_path) == "Tệp «data/../../up.txt» sẽ nằm ngoài thư mục nhận."
    assert not (tmp_path / "up.txt").exists()


# -- leftovers and tidying ----------------------------------------------------------------------
def test_sweep_removes_only_old_leftovers(tmp_path: Path) -> None:
    old = time.time() - LEFTOVER_AGE - 5
    fresh = time.time() - LEFTOVER_AGE + 60
    (tmp_path / ".incoming-old.zip").write_bytes(b"PK")
    (tmp_path / ".incoming-olddir" / "data").mkdir(parents=True)
    (tmp_path / ".incoming-new.zip").write_bytes(b"PK")
    (tmp_path / "keep.zip").write_bytes(b"PK")
    target = tmp_path / "target"
    target.mkdir()
    (target / "x").write_text("kept")
    (tmp_path / ".incoming-link").symlink_to(target, target_is_directory=True)
    for p in (".incoming-old.zip", ".incoming-olddir", ".incoming-link"):
        os.utime(tmp_path / p, (old, old), follow_symlinks=False)
    os.utime(tmp_path / ".incoming-new.zip", (fresh, fresh))
    importer._sweep(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".incoming-new.zip", "keep.zip", "target"]
    assert (target / "x").read_text() == "kept"
    importer._sweep(tmp_path / "no such folder")  # nothing to sweep: no error


def test_tidy_removes_the_empty_folders_a_refusal_made(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "old-empty").mkdir(parents=True)
    (home / "918").mkdir()
    (home / "916" / "x").mkdir(parents=True)
    importer._tidy(home, {"old-empty"})
    assert sorted(p.name for p in home.iterdir()) == ["916", "old-empty"]
    fresh = tmp_path / "fresh"
    (fresh / "918").mkdir(parents=True)
    importer._tidy(fresh, None)
    assert not fresh.exists()
    importer._tidy(tmp_path / "never made", None)


# -- which files on a stick are bundles ---------------------------------------------------------
def test_bundles_in_a_folder(tmp_path: Path) -> None:
    stick = tmp_path / "USB"
    (stick / "918").mkdir(parents=True)
    (stick / ".Trashes").mkdir()
    (stick / "b.zip").write_bytes(b"")
    (stick / "918" / "a.ZIP").write_bytes(b"")
    (stick / "918" / "a.zip.txt").write_bytes(b"")
    (stick / "._b.zip").write_bytes(b"")
    (stick / ".Trashes" / "c.zip").write_bytes(b"")
    (stick / "link.zip").symlink_to(stick / "b.zip")
    (stick / "linkdir").symlink_to(stick / "918", target_is_directory=True)
    deep = stick
    for n in range(MAX_DEPTH + 1):
        deep = deep / f"d{n}"
        deep.mkdir()
        (deep / f"z{n}.zip").write_bytes(b"")
    found = bundles_in(stick)
    names = [p.name for p in found]
    assert names == ["a.ZIP", "b.zip"] + [f"z{n}.zip" for n in range(MAX_DEPTH)]
    assert found[0] == stick / "918" / "a.ZIP"
    assert bundles_in(tmp_path / "nothing") == []


def test_bundles_in_sorts_by_name_then_path(tmp_path: Path) -> None:
    for folder in ("b", "a"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.zip").write_bytes(b"")
    assert bundles_in(tmp_path) == [tmp_path / "a" / "x.zip", tmp_path / "b" / "x.zip"]


def test_now_defaults_to_the_clock(reviewer: Store, kit: Kit, first: Path) -> None:
    before = datetime.now(UTC)
    import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV")
    row = importer.latest_received(reviewer, "918", "kh-260-2022", "Q3")
    assert row is not None
    got = row.received_at.replace(tzinfo=UTC) if row.received_at.tzinfo is None else row.received_at
    assert before - timedelta(seconds=1) <= got <= datetime.now(UTC)


def test_a_refusal_keeps_the_folders_that_were_there(
    reviewer: Store, kit: Kit, tmp_path: Path
) -> None:
    """Only what the refused import made is tidied: an empty folder that was there stays."""
    home = bundles_dir(reviewer)
    (home / "917").mkdir(parents=True)
    p = tmp_path / "giả.zip"
    p.write_bytes(b"PK\x03\x04" + b"cut short" * 100)
    refusal(reviewer, p, kit)
    assert sorted(x.name for x in home.iterdir()) == ["917"]


def test_bundles_in_several_folders_come_sorted_by_name_then_path(tmp_path: Path) -> None:
    for folder in ("m", "a", "z", "b/c", "b/a/d"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "x.zip").write_bytes(b"")
    assert bundles_in(tmp_path) == [
        tmp_path / "a" / "x.zip",
        tmp_path / "b" / "a" / "d" / "x.zip",
        tmp_path / "b" / "c" / "x.zip",
        tmp_path / "m" / "x.zip",
        tmp_path / "z" / "x.zip",
    ]


def test_an_unreadable_folder_holds_nothing_and_the_rest_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder in ("a", "bad", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{folder}.zip").write_bytes(b"")
    real = os.scandir

    def refusing(path: Any) -> Any:
        if Path(path).name == "bad":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", refusing)
    assert [p.name for p in bundles_in(tmp_path)] == ["a.zip", "c.zip"]


def test_an_unreadable_folder_scanned_first_does_not_end_the_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whichever folder the walk reaches first is the unreadable one: the others are still
    searched."""
    folders = [f"f{n}" for n in range(6)]
    for folder in folders:
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{folder}.zip").write_bytes(b"")
    real = os.scandir
    refused: list[str] = []

    def first_refuses(path: Any) -> Any:
        if Path(path) != tmp_path and not refused:
            refused.append(Path(path).name)
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", first_refuses)
    found = [p.name for p in bundles_in(tmp_path)]
    assert found == [f"{f}.zip" for f in folders if f not in refused] and len(found) == 5


# -- races with a second copy of the app, and a store that cannot be tidied ---------------------
def test_a_bundle_imported_meanwhile_by_another_copy_is_refused_naming_the_folder(
    reviewer: Store, kit: Kit, first: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The id was free when checked; by the time the folder is made, another copy of the app
    has imported the same bundle: refused, its folder left as the other import made it."""
    bid = bag.bundle_id_for("918", "kh-260-2022", "Q3", WHEN)
    final = bundles_dir(reviewer) / "918" / bid
    final.mkdir(parents=True)
    (final / "bag-info.txt").write_text("the other copy's", encoding="utf-8")
    calls: list[str] = []

    def free_then_taken(self: Any, bundle_id: str) -> Any:
        calls.append(bundle_id)
        return None if len(calls) == 1 else object()

    monkeypatch.setattr(importer.ReviewStore, "by_id", free_then_taken)
    said = refusal(reviewer, first, kit)
    assert said == t("import.exists", path=final)
    assert (final / "bag-info.txt").read_text(encoding="utf-8") == "the other copy's"


@pytest.mark.parametrize("latest", ["5c1e0d7a-1111-4222-8333-944455556666", ""])
def test_a_chain_moved_while_extracting_is_refused_and_the_folder_goes(
    reviewer: Store, kit: Kit, first: Path, monkeypatch: pytest.MonkeyPatch, latest: str
) -> None:
    def moved(self: Any, row: Any, **kwargs: Any) -> None:
        assert Path(row.stored_path).is_dir()  # extracted, then refused
        raise ChainMoved(latest)

    monkeypatch.setattr(importer.ReviewStore, "add_received", moved)
    said = refusal(reviewer, first, kit)
    assert said == t("import.stale", path=first, named="—", latest=latest or "—")
    assert not (bundles_dir(reviewer) / "918").exists()  # the extracted folder went


def test_the_bundle_is_extracted_inside_the_store_then_renamed(
    reviewer: Store, kit: Kit, first: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The half-extracted folder sits beside its final place: a rename, never a copy across
    drives (TEMP on C:, the store on D: would fail on Windows)."""
    real = importer._extract
    seen: list[Path] = []

    def watched(path: Path, into: Path) -> int:
        seen.append(into)
        return real(path, into)

    monkeypatch.setattr(importer, "_extract", watched)
    done = import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV", now=clock())
    assert done.stored is not None and [p.parent for p in seen] == [done.stored.parent]
    assert seen[0].name.startswith(".incoming-")


def _stubborn_rmtree(path: Any, ignore_errors: bool = False, **kwargs: Any) -> None:
    """As rmtree behaves when an antivirus holds a file open: the folder stays; an error
    unless told to ignore it."""
    if not ignore_errors:
        raise PermissionError(13, "Permission denied", str(path))


def test_a_failed_extraction_that_cannot_be_tidied_says_the_extraction_s_error(
    reviewer: Store, kit: Kit, first: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def changed(path: Path, into: Path) -> int:
        raise ImportRefused("import.changed", name="data/submission.json")

    monkeypatch.setattr(importer, "_extract", changed)
    monkeypatch.setattr(importer.shutil, "rmtree", _stubborn_rmtree)
    assert refusal(reviewer, first, kit) == t("import.changed", name="data/submission.json")


@pytest.mark.parametrize("latest", ["5c1e0d7a-1111-4222-8333-944455556666", ""])
def test_a_refused_record_that_cannot_be_tidied_says_the_record_s_error(
    reviewer: Store, kit: Kit, first: Path, monkeypatch: pytest.MonkeyPatch, latest: str
) -> None:
    def refused(self: Any, row: Any, **kwargs: Any) -> None:
        if latest:
            raise ChainMoved(latest)
        raise StoreError("db.locked", path=reviewer.path)

    monkeypatch.setattr(importer.ReviewStore, "add_received", refused)
    monkeypatch.setattr(importer.shutil, "rmtree", _stubborn_rmtree)
    if latest:
        assert refusal(reviewer, first, kit) == t(
            "import.stale", path=first, named="—", latest=latest
        )
    else:
        with pytest.raises(StoreError):
            import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV", now=clock())


def test_a_dropped_bundle_without_a_reason_says_a_dash(
    reviewer: Store, kit: Kit, first: Path
) -> None:
    import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV", now=clock())
    row = importer.latest_received(reviewer, "918", "kh-260-2022", "Q3")
    assert row is not None
    drop_bundle(reviewer, row, "", actor="TĐV")
    assert refusal(reviewer, first, kit).endswith(" (lý do: —).")


def test_sweep_goes_past_a_fresh_leftover(tmp_path: Path) -> None:
    """A fresh leftover (another copy's import running) is skipped; the old ones after it in
    the folder's order still go."""
    old = time.time() - LEFTOVER_AGE - 5
    names = [f".incoming-{n:02d}" for n in range(12)]
    for n, name in enumerate(names):
        (tmp_path / name).write_bytes(b"PK")
        if n % 2:
            os.utime(tmp_path / name, (old, old))
    importer._sweep(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == names[::2]


def test_bundles_in_goes_past_hidden_entries(tmp_path: Path) -> None:
    """Hidden files and folders are skipped wherever the folder's order puts them."""
    names = []
    for n in range(8):
        (tmp_path / f".hidden-{n}").mkdir()
        (tmp_path / f"._{n}.zip").write_bytes(b"")
        (tmp_path / f"{n}.zip").write_bytes(b"")
        names.append(f"{n}.zip")
    assert [p.name for p in bundles_in(tmp_path)] == names


def test_a_leftover_that_cannot_be_removed_does_not_stop_the_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An old half-extracted folder an antivirus holds open stays for the next time."""
    old = time.time() - LEFTOVER_AGE - 5
    (tmp_path / ".incoming-held" / "data").mkdir(parents=True)
    os.utime(tmp_path / ".incoming-held", (old, old))
    monkeypatch.setattr(importer.shutil, "rmtree", _stubborn_rmtree)
    importer._sweep(tmp_path)
    assert (tmp_path / ".incoming-held").is_dir()


def test_an_entry_that_cannot_be_read_is_skipped_not_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stick failing on one entry (its type unreadable): that entry is skipped, the others
    in the same folder are still found, whichever comes first."""
    names = [f"{n}.zip" for n in range(6)]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    real = os.scandir

    class Broken:
        def __init__(self, entry: Any) -> None:
            self.name, self.path = entry.name, entry.path

        def is_dir(self, follow_symlinks: bool = True) -> bool:
            raise OSError(5, "Input/output error")

        is_file = is_dir

    def first_broken(path: Any) -> Any:
        entries = sorted(real(path), key=lambda e: e.name)
        return [Broken(entries[0]), *entries[1:]]

    monkeypatch.setattr(os, "scandir", first_broken)
    assert [p.name for p in bundles_in(tmp_path)] == names[1:]


def test_a_leftover_exactly_at_the_age_limit_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Older than LEFTOVER_AGE goes, and one of exactly that age too; a second younger stays."""
    now = 1_700_000_000.0
    monkeypatch.setattr(importer.time, "time", lambda: now)
    for name, age in ((".incoming-at", LEFTOVER_AGE), (".incoming-young", LEFTOVER_AGE - 1)):
        (tmp_path / name).write_bytes(b"PK")
        os.utime(tmp_path / name, (now - age, now - age))
    importer._sweep(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [".incoming-young"]


def test_a_leftover_that_vanishes_while_swept_does_not_end_the_sweep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another copy of the app removed one between the listing and its look: the others
    still go."""
    old = time.time() - LEFTOVER_AGE - 5
    names = [f".incoming-{n}" for n in range(6)]
    for name in names:
        (tmp_path / name).write_bytes(b"PK")
        os.utime(tmp_path / name, (old, old))
    real = Path.lstat
    gone: list[str] = []

    def first_vanishes(self: Path) -> Any:
        if self.name.startswith(".incoming-") and not gone:
            gone.append(self.name)
            raise FileNotFoundError(2, "No such file or directory")
        return real(self)

    monkeypatch.setattr(Path, "lstat", first_vanishes)
    importer._sweep(tmp_path)
    monkeypatch.undo()
    assert [p.name for p in tmp_path.iterdir()] == gone
