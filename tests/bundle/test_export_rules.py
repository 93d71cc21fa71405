"""Export rules read directly, each with the sentence the officer sees: what pre-flight blocks
(items without a status, a document's file gone or changed, scores that need evidence) and
what it only warns of (overdue, done without evidence, a template criteria set); what the
submission carries for each item, document and score; which audit entries go with a period;
what stops an export before anything is written (a period that does not exist, no key, no
folder); the time stamps of two exports in one second; and what a raced record leaves."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import io
import json
import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cchc_tui.cli import main
from cchc_tui.core.agencies import Registry
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.submission import SubmissionError, parse_submission
from cchc_tui.services import export
from cchc_tui.services.export import (
    PERIODS,
    audit_for,
    export_bundle,
    finish_export,
    preflight,
    prepare_export,
    submission,
)
from cchc_tui.store.exchange import ExchangeStore
from cchc_tui.store.scoring import ScoringStore
from cchc_tui.store.service import Store
from tests import dbcache

REGISTRY = Registry.load()
AGENCY = "918"
CA_PASS = "mat-khau-CA-123"
P12_PASS = "mat-khau-can-bo"
TODAY = date(2022, 9, 5)
BUSY = "dang_thuc_hien"


def _cli(*argv: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    assert code == 0, (argv, err.getvalue())


def _build(db: Path) -> None:
    """The officer's database as the command line leaves it: a CA beside it, the officer's
    key imported, every assigned item 'đang thực hiện', the self-assessment at its
    suggestions."""
    folder = db.parent
    (folder / "ca.pass").write_text(CA_PASS, encoding="utf-8")
    (folder / "p12.pass").write_text(P12_PASS, encoding="utf-8")
    ca, p12 = str(folder / "ca"), str(folder / "k.p12")
    _cli("pki", "init-ca", "--dir", ca, "--passphrase-file", str(folder / "ca.pass"))
    _cli("pki", "issue", "--dir", ca, "--passphrase-file", str(folder / "ca.pass"),
         "--agency", AGENCY, "--officer", "Hương", "--out", p12,
         "--p12-passphrase-file", str(folder / "p12.pass"))  # fmt: skip
    _cli("--db", str(db), "init", "--agency", AGENCY, "--officer", "Hương")
    _cli("--db", str(db), "key", "import", p12, "--passphrase-file", str(folder / "p12.pass"))
    with Store(db) as store:
        plan = store.load_plan()
        for row in store.assigned_status(plan, REGISTRY, AGENCY, TODAY):
            store.set_progress(
                plan,
                row.item.id,
                agency=AGENCY,
                actor="Hương",
                status="dang_thuc_hien",
                today=TODAY,
            )
    _cli("--db", str(db), "score", "set", "1.1.1", "--suggested")
    # the ongoing items in progress count as done (core/scoring._completion): 1.1.3 suggests
    # points, which need a document or an explanation
    _cli("--db", str(db), "score", "set", "1.1.3", "--suggested", "--note", "Theo báo cáo quý")


@pytest.fixture
def officer(tmp_path: Path) -> Store:
    db = dbcache.copied(tmp_path / "o.sqlite", ("officer-export", AGENCY), _build)
    store = Store(db)
    yield store  # type: ignore[misc]
    store.close()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    out = tmp_path / "usb"
    out.mkdir()
    return out


def stage(store: Store, out: Path, **kw: Any) -> export.Staged:
    return prepare_export(
        store,
        REGISTRY,
        plan=store.load_plan(),
        period=kw.pop("period", "Q3"),
        out_dir=out,
        passphrase=P12_PASS.encode(),
        today=TODAY,
        **kw,
    )


def refused(call: Any, *args: Any, **kw: Any) -> str:
    with pytest.raises(UserError) as e:
        call(*args, **kw)
    return str(e.value)


def statuses(store: Store) -> list[str]:
    return [r.item.id for r in store.assigned_status(store.load_plan(), REGISTRY, AGENCY, TODAY)]


def check(store: Store, today: date = TODAY) -> export.Preflight:
    return preflight(store, store.load_plan(), REGISTRY, AGENCY, today)


def add_doc(store: Store, number: str, file: Path | None, items: tuple[str, ...] = ()) -> int:
    saved = store.add_evidence(
        agency=AGENCY,
        actor="Hương",
        number=number,
        doc_date="2022-08-01",
        issuer="UBND quận Bình Thuỷ",
        title="Kế hoạch cải cách hành chính",
        file=file,
        plan=store.load_plan(),
        items=items,
        today=TODAY,
    )
    return int(saved.id)


# -- pre-flight ------------------------------------------------------------------------------
def test_a_ready_database_passes_with_the_template_warning(officer: Store) -> None:
    pre = check(officer)
    assert pre.ok and pre.errors == []
    assert any("MẪU" in w for w in pre.warnings)


@pytest.mark.parametrize("missing", [1, 8, 9])
def test_items_without_a_status_are_named_eight_at_most(tmp_path: Path, missing: int) -> None:
    db = dbcache.profile_db(tmp_path / "p.sqlite", AGENCY, "Quận Bình Thuỷ", "Hương", None)
    with Store(db) as store:
        plan = store.import_plan((Path("data") / "plan-260-2022.toml").read_text("utf-8"))
        ids = statuses(store)
        for item in ids[missing:]:
            store.set_progress(
                plan, item, agency=AGENCY, actor="H", status="dang_thuc_hien", today=TODAY
            )
        pre = check(store)
    more = t("export.and_more", count=missing - 8) if missing > 8 else ""
    shown = ", ".join(ids[:missing][:8]) + more  # "… và 1 mục khác", not "hd3.15…."
    assert pre.errors == [t("export.no_status", count=missing, items=shown)]
    assert not pre.ok


def test_a_document_s_file_gone_or_changed_blocks(officer: Store, tmp_path: Path) -> None:
    pdf = tmp_path / "kh.pdf"
    pdf.write_bytes(b"%PDF-1.4 ke hoach")
    # a document without a file is never a problem, nor does it end the check (listed first)
    add_doc(officer, "13/KH-UBND", None)
    add_doc(officer, "12/KH-UBND", pdf)
    (stored,) = [e for e in officer.list_evidence(AGENCY) if e.file_path]
    kept = officer.files_dir / stored.file_path

    def problems() -> list[str]:
        return [e for e in check(officer).errors if "TLKC" in e and "KH-UBND" in e]

    assert problems() == []
    kept.write_bytes(b"%PDF-1.4 ke hoach, sua lai")
    assert problems() == [t("export.file_changed", number="12/KH-UBND", path=kept)]
    kept.write_bytes(b"%PDF-1.4 ke hoacH")  # the same size again: no complaint
    assert problems() == []
    kept.unlink()
    assert problems() == [t("export.file_missing", number="12/KH-UBND", path=kept)]


def test_a_score_that_needs_evidence_blocks(officer: Store) -> None:
    _cli("--db", str(officer.path), "score", "set", "1.1.2", "--points", "1")
    pre = check(officer)
    assert pre.errors == [t("export.scores_blocking", codes="1.1.2")]


def test_overdue_and_done_without_evidence_are_warnings(officer: Store) -> None:
    plan = officer.load_plan()
    first, second = statuses(officer)[:2]
    officer.set_progress(
        plan, first, agency=AGENCY, actor="H", status="hoan_thanh", today=TODAY,
        completed_on=date(2022, 9, 1), progress_pct=100,
    )  # fmt: skip
    officer.set_progress(
        plan, second, agency=AGENCY, actor="H", status="hoan_thanh", today=TODAY,
        completed_on=date(2022, 9, 2), progress_pct=100,
    )  # fmt: skip
    pre = check(officer)
    assert pre.ok
    assert t("export.done_no_evidence", count=2) in pre.warnings
    late = [r for r in officer.assigned_status(plan, REGISTRY, AGENCY, date(2023, 1, 1))]
    count = sum(r.overdue for r in late)
    assert count > 0
    later = check(officer, date(2023, 1, 1))
    assert t("export.overdue", count=count) in later.warnings
    early = check(officer, date(2022, 1, 1))  # before any due date: nothing overdue
    assert not any("quá hạn" in w for w in early.warnings)


# -- the submission --------------------------------------------------------------------------
def test_the_submission_carries_items_documents_and_scores(officer: Store, tmp_path: Path) -> None:
    plan = officer.load_plan()
    item = statuses(officer)[0]
    officer.set_progress(
        plan, item, agency=AGENCY, actor="H", status="hoan_thanh", progress_pct=100,
        note="Đã ban hành", completed_on=date(2022, 9, 1), today=TODAY,
    )  # fmt: skip
    pdf = tmp_path / "Kế hoạch.PDF"
    pdf.write_bytes(b"%PDF-1.4 ke hoach")
    first = add_doc(officer, "12/KH-UBND", pdf, (item,))
    add_doc(officer, "14/KH-UBND", pdf)  # the same file again: one file in the bag
    bare = add_doc(officer, "13/KH-UBND", None)
    sub, files = submission(officer, plan, REGISTRY, AGENCY, "Q3", TODAY)
    doc = sub.model_dump(mode="json")
    assert doc["agency"] == {"code": AGENCY, "name": "Quận Bình Thuỷ"}
    assert doc["officer"] == "Hương" and doc["plan"] == plan.id and doc["period"] == "Q3"
    row = next(i for i in doc["items"] if i["id"] == item)
    assert row["status"] == "hoan_thanh" and row["progress"] == 100
    assert row["note"] == "Đã ban hành" and row["completed_on"] == "2022-09-01"
    status = next(
        r for r in officer.assigned_status(plan, REGISTRY, AGENCY, TODAY) if r.item.id == item
    )
    assert row["evidence_count"] == 1 and row["role"] == status.role
    assert row["number"] == status.item.number
    assert len(doc["items"]) == len(statuses(officer))
    by_id = {e["id"]: e for e in doc["evidence"]}
    sha = by_id[first]["sha256"]
    assert by_id[first]["path"] == f"data/evidence/{sha}.pdf"
    assert by_id[first]["number"] == "12/KH-UBND" and by_id[first]["items"] == [item]
    assert by_id[first]["file_name"] == "Kế hoạch.PDF" and by_id[first]["size"] == 17
    assert by_id[first]["date"] == "2022-08-01" and by_id[first]["issuer"] == "UBND quận Bình Thuỷ"
    assert by_id[first]["title"] == "Kế hoạch cải cách hành chính"
    assert by_id[bare]["path"] is None and by_id[bare]["sha256"] is None
    assert [f.bag_path for f in files] == [f"data/evidence/{sha}.pdf"]
    assert files[0].sha256 == sha and files[0].size == 17
    assert files[0].source.read_bytes() == b"%PDF-1.4 ke hoach"
    # every due date of an item with its state that day: "Quý II, III" 3.42, nothing for Q2
    h342 = next(i for i in doc["items"] if i["id"] == "hd3.42")
    assert h342["milestones"] == [
        {"due": "2022-06-30", "state": "missed"},
        {"due": "2022-09-30", "state": "pending"},  # TODAY is 05/09/2022
    ]
    assert (h342["condition"], h342["condition_doc"]) == (None, "")
    assert parse_submission(json.dumps(doc)).items[0].milestones is not None
    # a bundle made before milestones existed is still read
    old = {**doc, "items": [{k: v for k, v in i.items() if k not in ("milestones", "condition",
           "condition_doc")} for i in doc["items"]]}  # fmt: skip
    assert parse_submission(json.dumps(old)).items[0].milestones == []
    (scores,) = doc["scores"]
    sub_111 = next(s for s in scores["subs"] if s["code"] == "1.1.1")
    assert sub_111["self"] == sub_111["suggested"] is not None
    assert scores["total"] and scores["grade"] is not None and scores["status"]
    assert scores["finalised_at"] is None and scores["max_self"] and scores["percent"]


def test_a_value_outside_the_schema_stops_the_export_naming_the_field(
    officer: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def bad(data: Any) -> Any:
        raise SubmissionError("items.0.note", "quá dài")

    monkeypatch.setattr(export, "build_submission", bad)
    message = refused(submission, officer, officer.load_plan(), REGISTRY, AGENCY, "Q3", TODAY)
    assert message == t("export.bad_submission", field="items.0.note", detail="quá dài")


# -- the audit trail of a period -------------------------------------------------------------
def _audit_at(store: Store, *days: date) -> None:
    con = sqlite3.connect(store.path)
    with con:
        for day in days:
            con.execute(
                "INSERT INTO audit_log (at, actor, agency_code, action, entity, entity_key,"
                " changes) VALUES (?, 'H', ?, 'test.day', 'day', ?, '{\"a\": [1, 2]}')",
                (f"{day.isoformat()} 05:00:00.000000", AGENCY, day.isoformat()),
            )
    con.close()


def test_the_audit_of_a_period_starts_on_its_cutoff_day(officer: Store) -> None:
    start = date(2022, 6, 5)  # Q3's cut-off start
    _audit_at(officer, start - timedelta(days=1), start, start + timedelta(days=1))
    plan = officer.load_plan()
    days = [e["key"] for e in audit_for(officer, plan, "Q3") if e["action"] == "test.day"]
    assert days == ["2022-06-05", "2022-06-06"]
    entry = next(e for e in audit_for(officer, plan, "Q3") if e["action"] == "test.day")
    assert entry == {
        "at": "2022-06-05T05:00:00+00:00",
        "actor": "H",
        "action": "test.day",
        "entity": "day",
        "key": "2022-06-05",
        "changes": {"a": [1, 2]},
    }
    # 6T has no cut-off date: the whole trail
    every = [e["key"] for e in audit_for(officer, plan, "6T") if e["action"] == "test.day"]
    assert every == ["2022-06-04", "2022-06-05", "2022-06-06"]


# -- what stops an export before anything is written ------------------------------------------
def test_a_period_that_does_not_exist(officer: Store, usb: Path) -> None:
    message = refused(stage, officer, usb, period="Q5")
    assert message == t("report.bad_period", value="Q5", choices=", ".join(PERIODS))
    assert list(usb.iterdir()) == []


def test_blocked_names_every_problem_on_its_own_line(officer: Store, usb: Path) -> None:
    pre = export.Preflight(errors=["một", "hai"])
    message = refused(stage, officer, usb, pre=pre)
    assert message == t("export.blocked", problems="- một\n- hai")
    assert list(usb.iterdir()) == []


def test_no_key(officer: Store, usb: Path) -> None:
    export.key_path(officer).unlink()
    assert refused(stage, officer, usb) == t("key.missing")


def test_no_folder(officer: Store, tmp_path: Path) -> None:
    gone = tmp_path / "E"
    assert refused(stage, officer, gone) == t("export.no_out_dir", path=gone)


def test_a_wrong_passphrase_writes_nothing(officer: Store, usb: Path) -> None:
    with pytest.raises(UserError):
        prepare_export(
            officer, REGISTRY, plan=officer.load_plan(), period="Q3", out_dir=usb,
            passphrase=b"sai", today=TODAY,
        )  # fmt: skip
    assert list(usb.iterdir()) == []


# -- two exports, the chain and the time stamps -----------------------------------------------
def test_two_exports_in_one_second_are_a_second_apart(officer: Store, usb: Path) -> None:
    when = datetime(2022, 9, 5, 8, 0, 0, 500_000, tzinfo=UTC)
    first = finish_export(officer, stage(officer, usb, timestamp=when))
    second_staged = stage(officer, usb, timestamp=when)
    assert second_staged.created_at == datetime(2022, 9, 5, 8, 0, 1, tzinfo=UTC)
    assert second_staged.supersedes == first.bundle_id
    second = finish_export(officer, second_staged)
    latest = ExchangeStore(officer).latest_export(AGENCY, officer.load_plan().id, "Q3")
    assert latest is not None and latest.bundle_id == second.bundle_id
    assert latest.supersedes == first.bundle_id and latest.sha256 == second.sha256
    assert latest.created_by == "Hương" and latest.size == second.size
    assert latest.path == str(second.path) and second.path.name == second_staged.final.name
    # a later time is kept as it is, and another period starts its own chain
    later = stage(officer, usb, timestamp=when + timedelta(minutes=5))
    assert later.created_at == datetime(2022, 9, 5, 8, 5, 0, tzinfo=UTC)
    other = stage(officer, usb, timestamp=when, period="NAM")
    assert other.supersedes == "" and other.created_at == when.replace(microsecond=0)
    for staged in (later, other):
        staged.built.path.unlink()


def test_a_raced_record_says_which_bundle_came_first_and_leaves_no_file(
    officer: Store, usb: Path
) -> None:
    staged = stage(officer, usb)
    won = export_bundle(
        officer, REGISTRY, plan=officer.load_plan(), period="Q3", out_dir=usb,
        passphrase=P12_PASS.encode(), today=TODAY,
    )  # fmt: skip
    message = refused(finish_export, officer, staged)
    assert message == t("export.raced", period="Q3", latest=won.bundle_id[:8])
    assert not staged.built.path.exists()
    assert sorted(p.name for p in usb.iterdir()) == [won.path.name]


def _p12(folder: Path, agency: str) -> Path:
    """A certificate for ``agency`` from a CA of its own in ``folder``."""
    (folder / "ca.pass").write_text(CA_PASS, encoding="utf-8")
    (folder / "p12.pass").write_text(P12_PASS, encoding="utf-8")
    ca, p12 = folder / "ca", folder / f"{agency}.p12"
    if not ca.exists():
        _cli("pki", "init-ca", "--dir", str(ca), "--passphrase-file", str(folder / "ca.pass"))
    _cli("pki", "issue", "--dir", str(ca), "--passphrase-file", str(folder / "ca.pass"),
         "--agency", agency, "--officer", "Hương", "--out", str(p12),
         "--p12-passphrase-file", str(folder / "p12.pass"))  # fmt: skip
    return p12


def test_a_key_is_kept_for_the_officer_alone_and_can_be_replaced(
    officer: Store, tmp_path: Path
) -> None:
    p12 = _p12(tmp_path, AGENCY)
    target = export.key_path(officer)
    for _ in range(2):  # imported again (a renewed certificate): replaced, not refused
        who = export.import_key(officer, p12, P12_PASS.encode())
        assert who.agency_code == AGENCY
        assert target.read_bytes() == p12.read_bytes()
        assert target.stat().st_mode & 0o777 == 0o600
        assert target.parent.stat().st_mode & 0o777 == 0o700


def test_another_agency_s_key_is_refused_naming_both(officer: Store, tmp_path: Path) -> None:
    before = export.key_path(officer).read_bytes()
    p12 = _p12(tmp_path, "916")
    said = refused(export.import_key, officer, p12, P12_PASS.encode())
    assert said == t("key.other_agency", cert="916", agency=AGENCY)
    assert "916" in said and AGENCY in said
    assert export.key_path(officer).read_bytes() == before  # the officer's own key stays


def test_export_reports_progress_and_uses_the_day_and_time_given(
    officer: Store, usb: Path, tmp_path: Path
) -> None:
    doc = tmp_path / "thong-bao.pdf"
    doc.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 64)
    add_doc(officer, "5/TB-UBND", doc)  # a notice: no score asks for it
    seen: list[tuple[int, int]] = []
    when = datetime(2022, 9, 5, 8, 30, tzinfo=UTC)
    built = export.export_bundle(
        officer, REGISTRY, plan=officer.load_plan(), period="Q3", out_dir=usb,
        passphrase=P12_PASS.encode(), today=TODAY, timestamp=when,
        progress=lambda done, total: seen.append((done, total)),
    )  # fmt: skip
    assert seen and seen[-1][0] == seen[-1][1]  # the bar reached its end
    assert "20220905T083000Z" in built.path.name  # the timestamp given names the bundle


def test_a_given_pre_flight_is_the_one_that_decides(officer: Store, usb: Path) -> None:
    """The app shows the pre-flight, then exports with it: a problem it found blocks, even
    when the database has just changed."""
    said = refused(
        export.export_bundle, officer, REGISTRY, plan=officer.load_plan(), period="Q3",
        out_dir=usb, passphrase=P12_PASS.encode(), today=TODAY,
        pre=export.Preflight(errors=["46 mục chưa có trạng thái"]),
    )  # fmt: skip
    assert said == t("export.blocked", problems="- 46 mục chưa có trạng thái")
    assert list(usb.iterdir()) == []


# -- when the stick or the database fails at the end ------------------------------------------
def test_a_stick_pulled_out_while_naming_the_bundle_is_one_sentence(
    officer: Store, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staged = stage(officer, usb)

    def pulled_out(built: Any, final: Path) -> Any:
        built.path.unlink()  # the temporary file went with the stick
        raise OSError("thiết bị không còn")  # an error without an errno: no strerror

    monkeypatch.setattr(export, "publish", pulled_out)
    said = refused(finish_export, officer, staged)
    assert said == t("export.publish_failed", path=staged.final, detail="thiết bị không còn")
    assert ExchangeStore(officer).latest_export(AGENCY, officer.load_plan().id, "Q3") is None


def test_a_record_refused_after_the_file_vanished_still_says_why(officer: Store, usb: Path) -> None:
    staged = stage(officer, usb)
    staged.built.path.unlink()
    # it names a predecessor the database does not hold: refused as a race with no latest
    said = refused(finish_export, officer, replace(staged, supersedes="9f3c2a11deadbeef"))
    assert said == t("export.raced", period="Q3", latest="—")


def test_a_record_that_cannot_be_taken_back_says_both_errors(
    officer: Store, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staged = stage(officer, usb)

    def denied(built: Any, final: Path) -> Any:
        raise OSError(errno.EACCES, "Permission denied")

    def locked(*args: Any, **kwargs: Any) -> None:
        raise OSError("database is locked")

    monkeypatch.setattr(export, "publish", denied)
    monkeypatch.setattr(export, "_unrecord", locked)
    said = refused(finish_export, officer, staged)
    assert said == t(
        "export.publish_failed_kept",
        path=staged.final,
        detail="Permission denied",
        error="database is locked",
    )
    assert str(staged.final) in said and "database is locked" in said
    assert not staged.built.path.exists()


# -- several criteria sets ----------------------------------------------------------------------
def _another_set(store: Store, source: str, new_id: str) -> None:
    """A copy of a shipped criteria set under another id, a year later (listed first)."""
    text = (Path("data") / "criteria" / f"{source}.toml").read_text("utf-8")
    text = text.replace(f'id = "{source}"', f'id = "{new_id}"').replace(
        "year = 2022", "year = 2023"
    )
    ScoringStore(store).import_criteria(text, f"{new_id}.toml", actor="H", agency=AGENCY)


def test_sets_of_another_level_or_not_assessed_do_not_hide_the_own_one(officer: Store) -> None:
    _cli("--db", str(officer.path), "score", "set", "1.1.2", "--points", "1")
    _cli("--db", str(officer.path), "score", "set", "1.2.1", "--points", "1")
    _another_set(officer, "mau-xa-2022", "a-xa-2023")  # another level
    _another_set(officer, "mau-huyen-2022", "b-huyen-2023")  # this level, never assessed
    assert [h.id for h in officer.criteria_ids()][:2] == ["a-xa-2023", "b-huyen-2023"]
    pre = check(officer)
    blocking = [e for e in pre.errors if e.startswith(t("export.scores_blocking", codes="")[:12])]
    assert blocking == [t("export.scores_blocking", codes="1.1.2, 1.2.1")]
    assert t("criteria.template_warning", id="mau-huyen-2022") in pre.warnings
    doc = submission(officer, officer.load_plan(), REGISTRY, AGENCY, "Q3", TODAY)[0]
    assert [s["set"] for s in doc.model_dump(mode="json")["scores"]] == ["mau-huyen-2022"]


def test_a_finalised_assessment_and_the_indicators_travel(officer: Store) -> None:
    plan = officer.load_plan()
    scoring = ScoringStore(officer)
    scoring.set_indicator(
        plan, "so-hoa-ket-qua-tthc", agency=AGENCY, actor="H", value=Decimal("42.5")
    )
    scoring.set_finalised(
        officer.load_criteria("mau-huyen-2022"), plan.id, agency=AGENCY, actor="H", final=True
    )
    found = officer.assessment(AGENCY, "mau-huyen-2022")
    assert found is not None and found.finalised_at is not None
    doc = submission(officer, plan, REGISTRY, AGENCY, "Q3", TODAY)[0].model_dump(mode="json")
    assert doc["indicators"] == {"so-hoa-ket-qua-tthc": "42.5"}
    (scores,) = doc["scores"]
    assert scores["finalised_at"] == found.finalised_at.isoformat()


def test_a_plan_without_periods_gives_the_whole_audit_trail(officer: Store) -> None:
    _audit_at(officer, date(2022, 1, 2))
    plan = officer.load_plan()
    bare = dataclasses.replace(plan, period=[])
    assert [e["key"] for e in audit_for(officer, bare, "Q3") if e["action"] == "test.day"] == [
        "2022-01-02"
    ]


def test_an_export_with_the_old_agency_s_key_is_refused(officer: Store, usb: Path) -> None:
    """The database moved to 926 (cchc profile) after 918's key was imported: refused naming
    both, before a bundle Sở Nội vụ would refuse is written."""
    officer.change_profile("926", "Huyện Phong Điền", "Hương", actor="Hương")
    said = refused(stage, officer, usb, pre=export.Preflight())
    assert said == t("key.other_agency", cert=AGENCY, agency="926")
    assert list(usb.iterdir()) == []
