"""Store writes are transactions, tested where it matters: after the first write.

The "a failed save leaves nothing" tests elsewhere fail before anything is written, so they
pass even if the store commits a write whose body raised. Here the failure comes after the
data row (and its audit row) went into the transaction, on both write paths: the ORM session
of ``Store._write`` (evidence, scores) and the Core connection of ``Store._write_conn``
(progress). And two processes read-then-write the same file at once: ``BEGIN IMMEDIATE``
makes the second wait for the lock; a deferred ``BEGIN`` fails it at the upgrade.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Connection
from sqlmodel import Session

from cchc_tui.core.criteria import CriteriaSet, parse_criteria
from cchc_tui.core.plan import Plan
from cchc_tui.store.db import StoreError
from cchc_tui.store.scoring import ScoringStore
from cchc_tui.store.service import Store

TODAY = date(2022, 9, 15)
AGENCY = "918"


class Injected(Exception):
    """The failure a test injects half-way through a write."""


def dump(path: Path) -> list[str]:
    """Every table's schema and rows (the audit log included), as SQL."""
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def _probe(session: Session | Connection, sql: str) -> Any:
    """A query run inside the failing write's own transaction (it sees the uncommitted rows)."""
    conn = session.connection() if isinstance(session, Session) else session
    return conn.exec_driver_sql(sql).scalar()


def fail_in_audit(
    monkeypatch: pytest.MonkeyPatch, *, after_audit: bool, probe: str
) -> list[tuple[Any, Any]]:
    """Make ``Store._audit`` raise; with ``after_audit``, once the audit row is written too.

    Returns a list that gets, when the failure fires, what ``probe`` and a count of the audit
    log read inside the transaction: proof that the data row was already written.
    """
    real = Store._audit
    seen: list[tuple[Any, Any]] = []

    def failing(session: Session | Connection, **kwargs: Any) -> None:
        if after_audit:
            real(session, **kwargs)
            if isinstance(session, Session):
                session.flush()  # the audit row's INSERT really runs, not just pending
        seen.append((_probe(session, probe), _probe(session, "SELECT count(*) FROM audit_log")))
        raise Injected

    monkeypatch.setattr(Store, "_audit", staticmethod(failing))
    return seen


@pytest.fixture
def db(tmp_path: Path, plan_text: str) -> Iterator[Store]:
    s = Store(tmp_path / "cchc.sqlite", create=True)
    s.init_profile(AGENCY, "Quận Bình Thuỷ", "Nguyễn Văn An")
    s.import_plan(plan_text)
    yield s
    s.close()


def save_progress(store: Store, plan: Plan, pct: int, **kwargs: Any) -> None:
    store.set_progress(
        plan,
        "hd3.8",
        agency=AGENCY,
        actor="An",
        status="dang_thuc_hien",
        progress_pct=pct,
        note=f"{pct}%",
        today=TODAY,
        **kwargs,
    )


def add_evidence(store: Store, plan: Plan, file: Path | None = None) -> int:
    return store.add_evidence(
        agency=AGENCY,
        actor="An",
        number="12/KH-UBND",
        doc_date="20/01/2022",
        issuer="UBND quận Bình Thủy",
        title="Kế hoạch CCHC năm 2022",
        file=file,
        plan=plan,
        items=["hd3.40", "hd3.8"],
        today=TODAY,
    ).id


def criteria(store: Store) -> CriteriaSet:
    scoring = ScoringStore(store)
    text = scoring.template_for("district")
    scoring.import_criteria(text, "mẫu", actor="An", agency=AGENCY)
    return parse_criteria(text, "mẫu")


# -- a failure after the first write rolls everything back ---------------------------------------


@pytest.mark.parametrize("after_audit", [False, True], ids=["data-row-only", "data-and-audit"])
def test_progress_core_path_rolls_back_a_new_row(
    db: Store, plan: Plan, monkeypatch: pytest.MonkeyPatch, after_audit: bool
) -> None:
    """set_progress (the Core path, _write_conn): the INSERT ran, then the write failed."""
    before = dump(db.path)
    audit_rows = len(db.audit_entries())
    seen = fail_in_audit(
        monkeypatch, after_audit=after_audit, probe="SELECT count(*) FROM progress"
    )
    with pytest.raises(Injected):
        save_progress(db, plan, 40)
    assert seen == [(1, audit_rows + after_audit)]  # both written when the failure came
    assert dump(db.path) == before
    assert db.progress_of(plan.id, AGENCY) == {}
    assert len(db.audit_entries()) == audit_rows


@pytest.mark.parametrize("after_audit", [False, True], ids=["data-row-only", "data-and-audit"])
def test_progress_core_path_rolls_back_an_update(
    db: Store, plan: Plan, monkeypatch: pytest.MonkeyPatch, after_audit: bool
) -> None:
    save_progress(db, plan, 40)
    before = dump(db.path)
    seen = fail_in_audit(
        monkeypatch, after_audit=after_audit, probe="SELECT progress_pct FROM progress"
    )
    with pytest.raises(Injected):
        save_progress(db, plan, 70)
    assert seen and seen[0][0] == 70  # the UPDATE had run
    assert dump(db.path) == before
    assert db.progress_of(plan.id, AGENCY)["hd3.8"].progress_pct == 40


@pytest.mark.parametrize("after_audit", [False, True], ids=["data-row-only", "data-and-audit"])
def test_evidence_orm_path_rolls_back(
    db: Store, plan: Plan, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, after_audit: bool
) -> None:
    """add_evidence (the ORM path, _write): the evidence row and its links were flushed."""
    src = tmp_path / "kh.pdf"
    src.write_bytes(b"%PDF-1.4 ke hoach")
    before = dump(db.path)
    seen = fail_in_audit(
        monkeypatch, after_audit=after_audit, probe="SELECT count(*) FROM evidence"
    )
    with pytest.raises(Injected):
        add_evidence(db, plan, src)
    assert seen and seen[0][0] == 1
    assert dump(db.path) == before
    assert db.list_evidence(AGENCY) == []
    assert [p for p in db.files_dir.rglob("*") if p.is_file()] == []  # the copy went too


@pytest.mark.parametrize("after_audit", [False, True], ids=["data-row-only", "data-and-audit"])
def test_evidence_update_orm_path_rolls_back(
    db: Store, plan: Plan, monkeypatch: pytest.MonkeyPatch, after_audit: bool
) -> None:
    ev_id = add_evidence(db, plan)
    before = dump(db.path)
    seen = fail_in_audit(monkeypatch, after_audit=after_audit, probe="SELECT title FROM evidence")
    with pytest.raises(Injected):
        db.update_evidence(
            ev_id,
            agency=AGENCY,
            actor="An",
            number="12/KH-UBND",
            doc_date="20/01/2022",
            issuer="UBND quận Bình Thủy",
            title="Tên đã sửa",
            today=TODAY,
        )
    if after_audit:  # the flush in the injected audit wrote the update too
        assert seen[0][0] == "Tên đã sửa"
    assert dump(db.path) == before
    assert db.list_evidence(AGENCY)[0].title == "Kế hoạch CCHC năm 2022"


@pytest.mark.parametrize("after_audit", [False, True], ids=["data-row-only", "data-and-audit"])
def test_score_orm_path_rolls_back(
    db: Store, plan: Plan, monkeypatch: pytest.MonkeyPatch, after_audit: bool
) -> None:
    """set_score: the assessment and the score row were flushed, then the write failed."""
    cset = criteria(db)
    before = dump(db.path)
    seen = fail_in_audit(monkeypatch, after_audit=after_audit, probe="SELECT count(*) FROM score")
    with pytest.raises(Injected):
        ScoringStore(db).set_score(
            cset, plan.id, "1.1.1", agency=AGENCY, actor="An", points=Decimal(1), note="ghi chú"
        )
    assert seen and seen[0][0] == 1
    assert dump(db.path) == before
    assert db.assessment(AGENCY, cset.id) is None


def _failing_audit_trigger(path: Path) -> None:
    """The database itself refuses the audit row: the second statement of a write fails."""
    con = sqlite3.connect(path)
    try:
        con.execute(
            "CREATE TRIGGER injected_failure BEFORE INSERT ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
        )
        con.commit()
    finally:
        con.close()


@pytest.mark.parametrize("write", ["progress", "evidence", "score"])
def test_a_statement_failing_after_the_first_write_rolls_back(
    db: Store, plan: Plan, write: str
) -> None:
    """No monkeypatch: SQLite aborts the audit INSERT (ABORT undoes that statement only, the
    transaction stays open with the data row in it); the store must roll the rest back."""
    cset = criteria(db) if write == "score" else None
    _failing_audit_trigger(db.path)
    before = dump(db.path)
    actions: dict[str, Callable[[], object]] = {
        "progress": lambda: save_progress(db, plan, 40),
        "evidence": lambda: add_evidence(db, plan),
        "score": lambda: ScoringStore(db).set_score(
            cset,  # type: ignore[arg-type]
            plan.id,
            "1.1.1",
            agency=AGENCY,
            actor="An",
            points=Decimal(1),
        ),
    }
    with pytest.raises(StoreError) as err:
        actions[write]()
    assert "injected failure" in str(err.value)
    assert dump(db.path) == before


# -- two processes writing at once --------------------------------------------------------------

ROUNDS = 40
ITEMS = {"A": ["hd3.8", "hd3.10", "hd3.12"], "B": ["hd3.13", "hd3.16", "nv2.5"]}


def _writer(path: str, actor: str, start: Any, results: Any) -> None:
    """A second copy of the app: read each row's version, then save against it, in a loop."""
    n = 0
    try:
        store = Store(Path(path))
        plan = store.load_plan()
        items = ITEMS[actor]
        start.wait(60)
        began = time.time()
        for n in range(ROUNDS):
            key = items[n % len(items)]
            base = store.versions(AGENCY, "progress.set").get(f"{plan.id}/{key}", 0)
            store.set_progress(
                plan,
                key,
                agency=AGENCY,
                actor=actor,
                status="dang_thuc_hien",
                progress_pct=n % 100,
                note=f"{actor} {n}",
                today=TODAY,
                base=base,
            )
        store.close()
        results.put((actor, "", (began, time.time())))
    except BaseException as e:
        results.put((actor, f"{type(e).__name__} after {n} saves: {e}", (0.0, 0.0)))


def test_two_processes_saving_at_once_both_get_through(
    tmp_path: Path, plan_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each save reads inside its transaction (the version check, the current row) and then
    writes. With BEGIN IMMEDIATE the lock is taken up front and the other process waits for
    it (busy timeout); a deferred BEGIN would take a read snapshot first, and SQLite refuses
    the upgrade to a write at once ("database is locked", no waiting) when the other process
    holds the lock or has written since."""
    path = tmp_path / "cchc.sqlite"
    with Store(path, create=True) as s:
        s.init_profile(AGENCY, "Quận Bình Thuỷ", "Nguyễn Văn An")
        s.import_plan(plan_text)
    # generous, so that a slow machine cannot fail the waiting writer; the deferred BEGIN's
    # failure never waits for it
    monkeypatch.setenv("CCHC_BUSY_TIMEOUT_MS", "60000")
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(2)
    results = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(str(path), a, start, results)) for a in ITEMS]
    began = time.monotonic()
    for p in procs:
        p.start()
    try:
        got = [results.get(timeout=120) for _ in procs]
    finally:
        for p in procs:
            p.join(30)
            if p.is_alive():
                p.kill()
    outcome = {actor: error for actor, error, _ in got}
    assert outcome == {"A": "", "B": ""}, outcome
    assert [p.exitcode for p in procs] == [0, 0]
    (a_start, a_end), (b_start, b_end) = (when for _, _, when in got)
    assert a_start < b_end and b_start < a_end  # the two loops really ran at the same time
    assert time.monotonic() - began < 60
    con = sqlite3.connect(path)
    try:
        counts = dict(
            con.execute(
                "SELECT actor, count(*) FROM audit_log WHERE action = 'progress.set' GROUP BY actor"
            ).fetchall()
        )
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()
    assert counts == {"A": ROUNDS, "B": ROUNDS}  # every save landed, with its audit row
    with Store(path) as s:
        stored = s.progress_of(s.load_plan().id, AGENCY)
    for actor, items in ITEMS.items():
        for i, key in enumerate(items):
            last = max(n for n in range(ROUNDS) if n % len(items) == i)
            assert stored[key].note == f"{actor} {last}", key


# -- the public transaction API: every change with its audit row ---------------------------------


def test_a_transaction_records_its_change_with_the_writers_name(db: Store) -> None:
    from cchc_tui.store.models import ReviewState

    before = len(db.audit_entries())
    with db.transaction(actor="Lê Minh Tâm", agency=AGENCY) as s:
        s.add(ReviewState(bundle_id="b" * 32, state="đang xem", at=db_now(), by="Tâm"))
        s.record(action="review.state", entity="bundle", key="b" * 32, changes={"s": (None, 1)})
        s.record(
            action="review.state", entity="bundle", key="c", changes={}, agency="919", actor="X"
        )
    rows = [(e.actor, e.agency_code, e.action, e.entity_key) for e in db.audit_entries()]
    assert len(rows) == before + 2
    assert ("Lê Minh Tâm", AGENCY, "review.state", "b" * 32) in rows
    assert ("X", "919", "review.state", "c") in rows


def test_a_change_without_its_audit_row_is_refused_and_nothing_saved(db: Store) -> None:
    """A write path that forgets its audit entry fails at once, in every test that reaches
    it, instead of silently leaving the log short (ORM rows and raw SQL alike)."""
    from sqlalchemy import text

    from cchc_tui.store.models import ReviewState
    from cchc_tui.store.transaction import UnauditedWrite

    before = dump(db.path)
    with pytest.raises(UnauditedWrite), db.transaction(actor="An", agency=AGENCY) as s:
        s.add(ReviewState(bundle_id="b" * 32, state="đang xem", at=db_now(), by="An"))
    with pytest.raises(UnauditedWrite), db.transaction(actor="An", agency=AGENCY) as s:
        s.connection().execute(text("INSERT INTO app_meta (key, value) VALUES ('k', 'v')"))
    assert dump(db.path) == before
    with db.transaction(actor="An", agency=AGENCY) as s:  # reading only: nothing to record
        s.connection().execute(text("SELECT count(*) FROM app_meta"))
    assert dump(db.path) == before


def db_now() -> Any:
    from cchc_tui.store.transaction import utcnow

    return utcnow()
