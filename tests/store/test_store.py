from __future__ import annotations

import sqlite3
import tomllib
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from cchc_tui.core.agencies import Registry
from cchc_tui.core.errors import UserError
from cchc_tui.core.plan import Plan
from cchc_tui.core.progress import ProgressError
from cchc_tui.store.db import SCHEMA_HEAD, StoreError, classify_error, make_engine, migrate
from cchc_tui.store.service import Store

TODAY = date(2022, 9, 15)


def test_migrations_build_exactly_the_models(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []


def test_schema_head_is_the_last_migration() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from cchc_tui.store import migrations

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(migrations.__file__).parent))
    assert ScriptDirectory.from_config(cfg).get_current_head() == SCHEMA_HEAD


def test_pragmas_on_every_connection(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_progress_round_trip_and_audit(store: Store, plan: Plan) -> None:
    store.set_progress(
        plan,
        "hd3.8",
        agency="918",
        actor="An",
        status="dang_thuc_hien",
        progress_pct=40,
        note="Số hoá 1.240 kết quả",
        today=TODAY,
    )
    store.set_progress(
        plan,
        "hd3.8",
        agency="918",
        actor="An",
        status="hoan_thanh",
        completed_on=date(2022, 9, 1),
        today=TODAY,
    )
    p = store.progress_of(plan.id, "918")["hd3.8"]
    assert (p.status, p.progress_pct, p.completed_on) == ("hoan_thanh", 100, date(2022, 9, 1))
    assert p.note == "Số hóa 1.240 kết quả".replace("hóa", "hoá")  # kept as typed, NFC
    log = store.audit_entries("kh-260-2022/hd3.8")
    assert [e.action for e in log] == ["progress.set", "progress.set"]
    assert '"progress_pct": [40, 100]' in log[1].changes
    assert log[1].actor == "An"


def test_unchanged_save_writes_nothing(store: Store, plan: Plan) -> None:
    for _ in range(2):
        store.set_progress(
            plan,
            "hd3.8",
            agency="918",
            actor="An",
            status="dang_thuc_hien",
            progress_pct=40,
            today=TODAY,
        )
    assert len(store.audit_entries("kh-260-2022/hd3.8")) == 1


def test_text_is_stored_nfc(store: Store, plan: Plan) -> None:
    decomposed = unicodedata.normalize("NFD", "Đã hoàn thành tập huấn")
    store.set_progress(
        plan,
        "hd3.8",
        agency="918",
        actor="An",
        status="dang_thuc_hien",
        note=decomposed,
        today=TODAY,
    )
    note = store.progress_of(plan.id, "918")["hd3.8"].note
    assert note == unicodedata.normalize("NFC", decomposed) and note != decomposed


def test_audit_log_is_append_only(store: Store) -> None:
    con = sqlite3.connect(store.path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute("UPDATE audit_log SET actor = 'x'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute("DELETE FROM audit_log")
    finally:
        con.close()


def test_failed_save_leaves_nothing(store: Store, plan: Plan) -> None:
    before = len(store.audit_entries())
    with pytest.raises(ProgressError):
        store.set_progress(
            plan, "hd3.8", agency="918", actor="An", status="khong_thuc_hien_duoc", today=TODAY
        )
    assert store.progress_of(plan.id, "918") == {}
    assert len(store.audit_entries()) == before


def test_evidence_with_file_is_copied_and_hashed(store: Store, plan: Plan, tmp_path: Path) -> None:
    src = tmp_path / "Kế hoạch.PDF"
    src.write_bytes(b"%PDF-1.4 " + b"x" * 3_000_000)
    saved = store.add_evidence(
        agency="918",
        actor="An",
        number="12/KH-UBND",
        doc_date="20/01/2022",
        issuer="UBND quận Bình Thủy",
        title="Kế hoạch CCHC năm 2022",
        file=src,
        plan=plan,
        items=["hd3.40", "hd3.46"],
        today=TODAY,
    )
    import hashlib

    assert saved.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    (ev,) = store.list_evidence("918")
    stored = store.files_dir / ev.file_path
    assert stored.read_bytes() == src.read_bytes() and stored.suffix == ".pdf"
    assert ev.items == ["hd3.40", "hd3.46"] and ev.file_name == "Kế hoạch.PDF"
    assert ev.family == "administrative" and ev.doc_type == "KH"
    assert store.evidence_counts(plan.id, "918") == {"hd3.40": 1, "hd3.46": 1}
    assert store.check()["ok"]
    stored.write_bytes(b"tampered")
    report = store.check()
    assert not report["ok"] and "đã bị thay đổi" in report["problems"][0]


def test_failed_evidence_save_leaves_no_file_and_no_row(
    store: Store, plan: Plan, tmp_path: Path
) -> None:
    src = tmp_path / "a.pdf"
    src.write_bytes(b"data")
    with pytest.raises(UserError) as err:
        store.add_evidence(
            agency="918",
            actor="An",
            number="12/KH-UBND",
            doc_date="20/01/2022",
            issuer="UBND",
            title="KH",
            file=src,
            plan=plan,
            items=["hd9.99"],
            today=TODAY,
        )
    assert err.value.key == "item.unknown"
    assert store.list_evidence("918") == []
    assert [p for p in store.files_dir.rglob("*") if p.is_file()] == []


@pytest.mark.parametrize(
    ("kwargs", "key"),
    [
        ({"doc_date": "20/01/2023"}, "date.future"),
        ({"doc_date": "31/02/2022"}, "date.no_such_day"),
        ({"issuer": "  "}, "evidence.field_required"),
        ({"number": ""}, "docno.empty"),
        ({"file": Path("/nonexistent/file.pdf")}, "evidence.file_missing"),
        ({"file": Path("/")}, "evidence.not_a_file"),
    ],
)
def test_bad_evidence(store: Store, plan: Plan, kwargs: dict[str, object], key: str) -> None:
    args: dict[str, object] = {
        "number": "12/KH-UBND",
        "doc_date": "20/01/2022",
        "issuer": "UBND quận",
        "title": "Kế hoạch",
    }
    args.update(kwargs)
    with pytest.raises(UserError) as err:
        store.add_evidence(agency="918", actor="An", plan=plan, today=TODAY, **args)  # type: ignore[arg-type]
    assert err.value.key == key
    assert store.list_evidence("918") == []


def test_several_plans_live_in_one_database(
    store: Store, plan_text: str, registry: Registry
) -> None:
    doc = tomllib.loads(plan_text)
    doc["plan"]["id"] = "kh-2023"
    doc["plan"]["year"] = 2023
    store.import_plan(tomli_w.dumps(doc))
    assert store.plan_ids() == ["kh-260-2022", "kh-2023"]
    p22, p23 = store.load_plan("kh-260-2022"), store.load_plan("kh-2023")
    store.set_progress(p23, "hd3.8", agency="918", actor="An", status="hoan_thanh", today=TODAY)
    assert store.progress_of("kh-2023", "918")["hd3.8"].status == "hoan_thanh"
    assert store.progress_of("kh-260-2022", "918") == {}
    assert store.load_plan().id == "kh-2023"  # the latest year by default
    rows = store.assigned_status(p22, registry, "918", TODAY)
    assert all(r.status is None for r in rows)
    # the same id with other content is refused, the same content is a no-op
    doc["plan"]["title"] = "khác"
    with pytest.raises(UserError) as err:
        store.import_plan(tomli_w.dumps(doc))
    assert err.value.key == "plan.conflict"


def test_assigned_status(store: Store, plan: Plan, registry: Registry) -> None:
    store.set_progress(
        plan,
        "hd3.7",
        agency="918",
        actor="An",
        status="hoan_thanh",
        completed_on=date(2022, 3, 28),
        today=TODAY,
    )
    rows = {r.item.id: r for r in store.assigned_status(plan, registry, "918", TODAY)}
    assert rows["hd3.7"].status == "hoan_thanh" and not rows["hd3.7"].overdue
    # "Quý II, III": due 30/06 and 30/09; nothing for the Q2 milestone, so overdue already
    assert rows["hd3.42"].overdue is True
    assert [m.state for m in rows["hd3.42"].milestones] == ["missed", "pending"]
    store.add_evidence(
        agency="918",
        actor="An",
        number="41/KH-UBND",
        doc_date=date(2022, 6, 20),
        issuer="UBND quận Bình Thủy",
        title="Kế hoạch học tập quý II",
        plan=plan,
        items=["hd3.42"],
        today=TODAY,
    )
    rows = {r.item.id: r for r in store.assigned_status(plan, registry, "918", TODAY)}
    assert rows["hd3.42"].overdue is False and rows["hd3.42"].evidence_count == 1
    assert [m.state for m in rows["hd3.42"].milestones] == ["met", "pending"]
    late = store.assigned_status(plan, registry, "918", date(2022, 10, 1))
    assert {r.item.id for r in late if r.overdue} >= {"hd3.42", "hd3.43"}
    assert rows["hd3.1"].next_due == date(2022, 12, 31)


def test_a_condition_recorded_for_an_item(store: Store, plan: Plan, registry: Registry) -> None:
    """nv2.11 "(khi có Nghị quyết …)": it waits, never overdue, until the officer records that
    the condition happened (with its document); then its due date counts. Audited each time."""
    item = plan.items_by_id["nv2.11"]
    assert item.condition.startswith("khi có Nghị quyết")
    after_due = date(2023, 1, 15)

    def row() -> Any:
        found = store.assigned_status(plan, registry, "SNV", after_due)
        return next(r for r in found if r.item.id == "nv2.11")

    assert row().waiting and not row().overdue and row().condition is None
    with pytest.raises(UserError) as err:
        store.set_condition(plan, "nv2.11", agency="SNV", actor="An", state="xay_ra")
    assert err.value.key == "condition.needs_doc"
    with pytest.raises(UserError) as err:
        store.set_condition(plan, "hd3.7", agency="SNV", actor="An", state="khong_xay_ra")
    assert err.value.key == "condition.none"
    changes = store.set_condition(
        plan, "nv2.11", agency="SNV", actor="An", state="xay_ra", document="  1211/NQ-UBTVQH14 "
    )
    assert changes == {"state": (None, "xay_ra"), "document": ("", "1211/NQ-UBTVQH14")}
    r = row()
    assert (r.condition, r.condition_doc, r.waiting, r.overdue) == (
        "xay_ra",
        "1211/NQ-UBTVQH14",
        False,
        True,
    )
    store.set_condition(plan, "nv2.11", agency="SNV", actor="An", state="khong_xay_ra")
    assert (row().condition, row().condition_doc, row().overdue) == ("khong_xay_ra", "", False)
    store.set_condition(plan, "nv2.11", agency="SNV", actor="An", state=None)
    assert row().condition is None and row().waiting
    assert store.set_condition(plan, "nv2.11", agency="SNV", actor="An", state=None) == {}
    audit = store.audit_entries(f"{plan.id}/nv2.11")
    assert [a.action for a in audit] == ["condition.set"] * 3
    assert [a.actor for a in audit] == ["An"] * 3


# -- opening: version, corruption, lock, read-only, migration ------------------------------------


def test_missing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        Store(tmp_path / "none.sqlite")
    assert err.value.key == "db.missing"
    assert not (tmp_path / "none.sqlite").exists()


def test_corrupt_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "bad.sqlite"
    junk = b"this is a Word document, not a database" * 100
    path.write_bytes(junk)
    with pytest.raises(StoreError) as err:
        Store(path)
    assert err.value.key == "db.corrupt"
    assert path.read_bytes() == junk


def test_damaged_pages_are_reported(tmp_path: Path, plan_text: str) -> None:
    path = tmp_path / "c.sqlite"
    s = Store(path, create=True)
    s.init_profile("918", "Quận Bình Thuỷ", "An")
    s.import_plan(plan_text)
    s.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(path.read_bytes())
    for i in range(4096 * 2, min(len(data), 4096 * 6)):
        data[i] = 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as err:
        s = Store(path)
        s.check()
    assert err.value.key in {"db.corrupt", "db.unopenable"}


def test_newer_database_is_refused(store: Store) -> None:
    con = sqlite3.connect(store.path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        Store(store.path)
    assert err.value.key == "db.newer" and "9999" in err.value.message()


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        Store(path)
    assert err.value.key == "db.corrupt"


def test_older_database_is_copied_then_migrated(tmp_path: Path, plan_text: str) -> None:
    path = tmp_path / "old.sqlite"
    engine = make_engine(path)
    migrate(engine, "0001")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO officer (name, created_at) VALUES ('Cũ', '2022-01-01 00:00:00')")
    con.commit()
    con.close()
    s = Store(path)
    try:
        assert s.migration_backup is not None and s.migration_backup.exists()
        assert f"pre-{SCHEMA_HEAD}-from-0001" in s.migration_backup.name
        old = sqlite3.connect(s.migration_backup)
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert old.execute("SELECT name FROM officer").fetchall() == [("Cũ",)]
        old.close()
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
                SCHEMA_HEAD
            )
            assert conn.exec_driver_sql("SELECT name FROM officer").scalar() == "Cũ"
    finally:
        s.close()


def test_locked_database_gives_one_sentence(
    store: Store, plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CCHC_BUSY_TIMEOUT_MS", "100")
    other = Store(store.path)
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError) as err:
            other.set_progress(
                plan, "hd3.8", agency="918", actor="An", status="dang_thuc_hien", today=TODAY
            )
        assert err.value.key == "db.locked"
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        other.close()
    assert store.progress_of(plan.id, "918") == {}


def test_read_only_database_is_named_as_such(store: Store) -> None:
    ro = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as raw:
            ro.execute("INSERT INTO app_meta VALUES ('x', 'y')")
    finally:
        ro.close()
    err = classify_error(raw.value, store.path)
    assert err.key == "db.readonly"
    assert "chỉ đọc" in err.message()


def test_init_twice_is_refused(store: Store) -> None:
    with pytest.raises(StoreError) as err:
        store.init_profile("SNV", "Sở Nội vụ", "B")
    assert err.value.key == "db.exists"
    assert store.require_profile().agency_code == "918"


def test_links_and_corrections_are_audited(store: Store, plan: Plan) -> None:
    saved = store.add_evidence(
        agency="918",
        actor="An",
        number="12/KH-UBND",
        doc_date="20/01/2022",
        issuer="UBND quận",
        title="Kế hoạch",
        plan=plan,
        items=["hd3.40"],
        today=TODAY,
    )
    store.set_links(plan, saved.id, ["hd3.40", "hd3.46"], agency="918", actor="An")
    store.set_links(plan, saved.id, ["hd3.46"], agency="918", actor="An")
    (ev,) = store.list_evidence("918")
    assert ev.items == ["hd3.46"]
    history = [e.action for e in store.audit_entries("kh-260-2022/hd3.40")]
    assert history == ["evidence.unlink"]
    assert [e.action for e in store.audit_entries("kh-260-2022/hd3.46")] == ["evidence.link"]
    store.update_evidence(
        saved.id,
        agency="918",
        actor="An",
        number="12/KH-UBND",
        doc_date="21/01/2022",
        issuer="UBND quận Bình Thủy",
        title="Kế hoạch",
        today=TODAY,
    )
    (ev,) = store.list_evidence("918")
    assert ev.doc_date == date(2022, 1, 21) and ev.issuer == "UBND quận Bình Thủy"
    last = store.audit_entries(str(saved.id))[-1]
    assert last.action == "evidence.update" and "2022-01-20" in last.changes
    with pytest.raises(UserError):
        store.set_links(plan, saved.id, ["hd3.46"], agency="SNV", actor="B")
