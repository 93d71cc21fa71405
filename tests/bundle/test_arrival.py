"""The day a submission arrived (issue 15): lateness and the on-time rate count from it, not
from the day the reviewer imported; the reviewer records it (desk, `cchc review … arrived`),
never in the future nor before the bundle was signed; a resubmission does not make a unit
late; the late column fits "trễ 1.544 ngày"."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from cchc_tui.cli import main
from cchc_tui.core.agencies import Registry
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import set_language
from cchc_tui.core.plan import Plan
from cchc_tui.core.review import overview
from cchc_tui.services import review_desk as desk
from cchc_tui.services.importer import import_bundle
from cchc_tui.services.received import latest_for_period
from cchc_tui.store.service import Store
from tests.bundle.test_review import received
from tests.bundle_corpus import WHEN, Kit, make_bundle, make_kit

PLAN = "kh-260-2022"


def rows(registry: Registry, plan: Plan, **got: object) -> dict[str, object]:
    view = overview(registry, plan, "SNV", "Q3", got)  # type: ignore[arg-type]
    return {r.agency.code: r for r in view.rows}


def test_lateness_counts_from_the_arrival_day_not_the_import(
    registry: Registry, plan: Plan
) -> None:
    """Q3 is due 10/09/2022. Every bundle below was imported on 12/09 (two days after)."""
    imported = received("918", 12, "80")
    cases = {
        "918": replace(imported, arrived_on=date(2022, 9, 9)),  # the day before: on time
        "916": replace(imported, agency_code="916", arrived_on=date(2022, 9, 10)),  # on the day
        "917": replace(imported, agency_code="917", arrived_on=date(2022, 9, 11)),  # a day after
        "919": replace(imported, agency_code="919"),  # no day recorded: the import day
    }
    got = rows(registry, plan, **cases)
    assert [(got[c].state, got[c].days_late) for c in ("918", "916", "917", "919")] == [  # type: ignore[attr-defined]
        ("on_time", 0),
        ("on_time", 0),
        ("late", 1),
        ("late", 2),
    ]
    view = overview(registry, plan, "SNV", "Q3", cases)  # type: ignore[arg-type]
    assert str(view.on_time_rate) == "6.5"  # 2 of the 31 units the city expects


def test_a_late_label_keeps_its_thousands(registry: Registry, plan: Plan) -> None:
    """Imported years after the period (a database opened on today's calendar)."""
    old = replace(received("918", 1, "80"), arrived_on=date(2026, 12, 2))
    row = rows(registry, plan, **{"918": old})["918"]
    assert row.days_late == 1544  # type: ignore[attr-defined]
    assert row.state_label() == "trễ 1.544 ngày"  # type: ignore[attr-defined]
    assert len(row.state_label()) <= 14  # type: ignore[attr-defined]  # the desk's column
    set_language("en")
    assert row.state_label() == "1,544 d late"  # type: ignore[attr-defined]


# -- recorded by the reviewer, on real imported bundles -----------------------------------------
@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return make_kit(tmp_path_factory.mktemp("arrival"), ("918",))


def imported_twice(reviewer: Store, kit: Kit, tmp_path: Path) -> tuple[str, str]:
    """918's first bundle (signed 09/09 08:00 UTC), then a resubmission; both imported now."""
    first = make_bundle(kit, "918", tmp_path / "first")
    import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV")
    one = desk.first_bundle(reviewer, "918", PLAN, "Q3")
    later = make_bundle(
        kit,
        "918",
        tmp_path / "later",
        when=WHEN.replace(day=20),
        supersedes=(one.bundle_id, one.sha256),
    )
    import_bundle(reviewer, later, kit.ca_pem, None, actor="TĐV")
    two = desk.latest_bundle(reviewer, "918", PLAN, "Q3")
    assert two.bundle_id != one.bundle_id
    return one.bundle_id, two.bundle_id


def test_the_first_bundle_carries_the_arrival_and_a_resubmission_does_not_make_it_late(
    reviewer: Store, kit: Kit, tmp_path: Path, registry: Registry, plan: Plan
) -> None:
    one, two = imported_twice(reviewer, kit, tmp_path)
    got = latest_for_period(reviewer, PLAN, "Q3")["918"]
    assert (got.bundle_id, got.first_bundle_id) == (two, one)
    today = datetime.now(UTC).astimezone().date()
    assert got.arrival == today  # imported today, nothing recorded: today
    first = desk.first_bundle(reviewer, "918", PLAN, "Q3")
    desk.set_arrival(reviewer, first, "09/09/2022", "công văn đến số 123", actor="TĐV")
    got = latest_for_period(reviewer, PLAN, "Q3")["918"]
    assert (got.arrival, got.arrival_note) == (date(2022, 9, 9), "công văn đến số 123")
    row = rows(registry, plan, **{"918": got})["918"]
    assert (row.state, row.days_late) == ("on_time", 0)  # type: ignore[attr-defined]
    # the audit row says what it was and what it is now
    con = sqlite3.connect(reviewer.path)
    actor, key, changes = con.execute(
        "SELECT actor, entity_key, changes FROM audit_log WHERE action = 'review.arrival'"
    ).fetchone()
    con.close()
    assert (actor, key) == ("TĐV", one)
    assert '"2022-09-09"' in changes and "công văn đến số 123" in changes


def test_a_day_before_signing_or_in_the_future_is_refused_and_nothing_written(
    reviewer: Store, kit: Kit, tmp_path: Path
) -> None:
    imported_twice(reviewer, kit, tmp_path)
    first = desk.first_bundle(reviewer, "918", PLAN, "Q3")
    signed = first.signing_time.replace(tzinfo=UTC).astimezone().date()  # type: ignore[union-attr]
    before = signed.replace(day=signed.day - 1).strftime("%d/%m/%Y")
    with pytest.raises(UserError) as e:
        desk.set_arrival(reviewer, first, before, actor="TĐV")
    assert e.value.message() == (
        f"Ngày đến {before} trước ngày ký gói ({signed:%d/%m/%Y}): gói không thể đến trước khi "
        "được ký. Hãy xem lại ngày trên công văn hoặc biên bản giao nhận."
    )
    with pytest.raises(UserError) as e:
        desk.set_arrival(reviewer, first, "13/09/2022", actor="TĐV", today=date(2022, 9, 12))
    assert "13/09/2022" in e.value.message() and "12/09/2022" in e.value.message()
    with pytest.raises(UserError):
        desk.set_arrival(reviewer, first, "31/02/2022", actor="TĐV")
    # the day it was signed is allowed (handed over the same day)
    desk.set_arrival(reviewer, first, signed.strftime("%d/%m/%Y"), actor="TĐV")
    con = sqlite3.connect(reviewer.path)
    assert con.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'review.arrival'"
    ).fetchone() == (1,)
    con.close()


def test_the_command_records_the_arrival(
    reviewer: Store, kit: Kit, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, _ = imported_twice(reviewer, kit, tmp_path)
    db = str(reviewer.path)
    reviewer.close()
    argv = ["--db", db, "review", "--period", "Q3", "arrived", "918"]
    assert main([*argv, "--date", "09/09/2022", "--note", "biên bản giao USB"]) == 0
    out = capsys.readouterr().out
    assert out.strip() == (
        f"Đã ghi ngày đến của 918 (gói {one[:12]}): 09/09/2022 (biên bản giao USB); trễ hạn "
        "tính từ ngày này."
    )
    assert main([*argv, "--date", "08/09/2022"]) != 0  # signed 09/09 08:00 UTC (15:00 there)
    err = capsys.readouterr().err
    assert "trước ngày ký gói" in err
    assert main([*argv, "--date", "9/9"]) != 0
    assert "9/9" in capsys.readouterr().err
    got = latest_for_period(Store(Path(db)), PLAN, "Q3")["918"]
    assert (got.arrival, got.arrival_note) == (date(2022, 9, 9), "biên bản giao USB")
