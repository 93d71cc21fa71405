"""The review desk reads every received submission through the schema. A stored
submission.json that is missing or does not fit (an older import, a file changed on the
reviewer's disk) makes that one unit "hỏng: <lý do>" in the overview, the ranking, the
per-activity view, `cchc review --period` (text, JSON, CSV, XLSX) and the TUI — never an
exception that takes the whole overview down. And what a bundle says is shown as written:
never read as markup."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from textual.widgets import DataTable, Static

from cchc_tui.services.importer import import_bundle
from cchc_tui.store.service import Store
from cchc_tui.ui.review.activity import ActivityScreen
from cchc_tui.ui.review.agency import ReviewAgencyScreen
from cchc_tui.ui.review.app import ReviewApp
from cchc_tui.ui.review.overview import ReviewOverviewScreen
from cchc_tui.ui.review.ranking import RankingScreen
from tests.bundle_corpus import Kit, genuine_doc, make_bundle, make_kit
from tests.tui_helpers import cli, wait_idle


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return make_kit(tmp_path_factory.mktemp("broken"), ("918", "916", "917"))


@pytest.fixture(scope="module")
def bundles(kit: Kit) -> dict[str, Path]:
    pdf = kit.folder / "qd.pdf"
    pdf.write_bytes(b"%PDF-1.4 quyet dinh\n" * 30)
    out = kit.folder / "out"
    loud = genuine_doc("917")
    loud["items"][0]["note"] = "[b red]ĐẠT[/]"
    loud["items"][1]["reason"] = "[@click=app.quit]bấm[/] [reverse]x[/reverse]"
    loud["scores"][0]["subs"][0]["explanation"] = "[bold]tự động[/bold]"
    loud["scores"][0]["subs"][1]["note"] = "[i]Có kế hoạch[/i]"
    return {
        "918": make_bundle(kit, "918", out, evidence_file=pdf),
        "916": make_bundle(kit, "916", out),
        "917": make_bundle(kit, "917", out, doc=loud),
    }


@pytest.fixture
def reviewer(kit: Kit, bundles: dict[str, Path], tmp_path: Path, plan_text: str) -> Path:
    db = tmp_path / "r.sqlite"
    store = Store(db, create=True)
    store.init_profile("SNV", "Sở Nội vụ", "Thẩm định viên")
    store.import_plan(plan_text)
    for path in bundles.values():
        import_bundle(store, path, kit.ca_pem, None, actor="Thẩm định viên")
    store.close()
    return db


def stored(db: Path, agency: str) -> Path:
    (folder,) = (db.parent / (db.name + ".bundles") / agency).iterdir()
    return folder / "data" / "submission.json"


def _wrong_types(doc: dict[str, Any]) -> None:
    doc["items"][0]["progress"] = "50"
    doc["scores"][0]["total"] = 5


def _rewrite(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], None]:
    def apply(path: Path) -> None:
        doc = json.loads(path.read_text(encoding="utf-8"))
        change(doc)
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    return apply


SHAPES: dict[str, tuple[Callable[[Path], None], str]] = {
    "not json": (lambda p: p.write_bytes(b'{"agency": {"code": "918"'), "không phải JSON"),
    "a list": (lambda p: p.write_text("[1, 2, 3]"), "sai kiểu dữ liệu"),
    "items with wrong types": (_rewrite(_wrong_types), "items.0.progress: sai kiểu dữ liệu"),
    "missing": (lambda p: p.unlink(), "thiếu data/submission.json"),
    "another agency's": (
        _rewrite(lambda d: d["agency"].update(code="916")),
        "không khớp hồ sơ đã nhận (agency.code)",
    ),
    "a hostile key": (
        _rewrite(lambda d: d.update({"[b]x[/b]\x1b[2J": 1})),
        "[b]x[/b]\\x1b[2J: trường không có",
    ),
    "deep": (lambda p: p.write_bytes(b"[" * 50_000 + b"]" * 50_000), "lồng nhau quá sâu"),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_cli_shows_one_broken_unit(shape: str, reviewer: Path, tmp_path: Path) -> None:
    corrupt, reason = SHAPES[shape]
    corrupt(stored(reviewer, "918"))
    db = str(reviewer)
    text = cli("--db", db, "review", "--period", "Q3")
    (line,) = [x for x in text.splitlines() if " 918 " in f" {x} "]
    assert "hỏng: " in line and "\x1b" not in text
    assert all("hỏng" not in x for x in text.splitlines() if x != line)
    units = {
        u["code"]: u
        for u in json.loads(cli("--db", db, "review", "--period", "Q3", "--json"))["units"]
    }
    assert reason in units["918"]["broken"] and units["918"]["self_total"] is None
    assert units["916"]["broken"] is None and units["916"]["self_total"] == "1"
    assert units["917"]["rank"] == units["916"]["rank"] == 1 and units["918"]["rank"] is None
    out_csv, out_xlsx = tmp_path / "x.csv", tmp_path / "x.xlsx"
    cli("--db", db, "review", "--period", "Q3", "--csv", str(out_csv), "--xlsx", str(out_xlsx))
    rows = list(csv.reader(io.StringIO(out_csv.read_text(encoding="utf-8-sig"))))
    (row,) = [r for r in rows if r[2] == "918"]  # the group, then the rank (none)
    assert row[:2] == ["Quận, huyện", ""] and row[9].startswith("hỏng: ")
    sheet = load_workbook(out_xlsx)["Quận, huyện"]
    (cells,) = [[c.value for c in r] for r in sheet.iter_rows(min_row=4) if r[1].value == "918"]
    assert str(cells[8]).startswith("hỏng: ")
    activity = json.loads(
        cli("--db", db, "review", "--period", "Q3", "--activity", "hd3.8", "--json")
    )
    by_code = {u["code"]: u for u in activity["units"]}
    assert by_code["918"]["status"] == "broken" and reason in by_code["918"]["broken"]
    assert by_code["916"]["status"] == "hoan_thanh"
    table = cli("--db", db, "review", "--period", "Q3", "--activity", "hd3.8")
    assert "hồ sơ hỏng" in table


def screen_text(app: ReviewApp) -> str:
    """What the terminal shows, as text (from the SVG screenshot)."""
    svg = app.export_screenshot()
    lines: dict[str, list[str]] = {}
    for m in re.finditer(r'<text[^>]*?y="([\d.]+)"[^>]*>(.*?)</text>', svg, re.S):
        lines.setdefault(m.group(1), []).append(html.unescape(re.sub("<[^>]+>", "", m.group(2))))
    ordered = sorted(lines.items(), key=lambda kv: float(kv[0]))
    return "\n".join("".join(parts).replace("\xa0", " ") for _y, parts in ordered)


@pytest.mark.asyncio
@pytest.mark.parametrize("shape", ["not json", "a list", "items with wrong types"])
async def test_the_review_desk_shows_one_broken_unit(shape: str, reviewer: Path) -> None:
    corrupt, _reason = SHAPES[shape]
    corrupt(stored(reviewer, "918"))
    app = ReviewApp(reviewer, today=date(2022, 9, 5))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_idle(app, pilot)
        overview = app.screen
        assert isinstance(overview, ReviewOverviewScreen)
        table = overview.query_one("#review-units", DataTable)
        assert str(table.get_row("918")[2]).startswith("hỏng: ")
        assert not str(table.get_row("916")[2]).startswith("hỏng")
        stats = str(overview.query_one("#review-stats", Static).render())
        assert stats.startswith("Đã nhận 3/31")
        table.move_cursor(row=table.get_row_index("918"))
        await pilot.press("enter")
        await wait_idle(app, pilot)
        assert app.screen is overview  # the reason is said; nothing opens, nothing fails
        assert any("918" in str(n.message) and "hỏng" in str(n.message) for n in app._notifications)
        await pilot.press("r")
        await wait_idle(app, pilot)
        ranking = app.screen
        assert isinstance(ranking, RankingScreen)
        rt = ranking.query_one("#ranking", DataTable)
        assert rt.get_row("918")[0] == "" and str(rt.get_row("918")[3]).startswith("hỏng")
        assert rt.get_row("916")[0] == "1"
        await pilot.press("escape", "a")
        await wait_idle(app, pilot)
        activity = app.screen
        assert isinstance(activity, ActivityScreen)
        items = activity.query_one("#activity-items", DataTable)
        items.move_cursor(row=items.get_row_index("hd3.8"))
        await pilot.pause()
        assert items.get_cell("hd3.8", "broken") == "1"
        units = activity.query_one("#activity-units", DataTable)
        assert units.get_row("918")[2] == "hồ sơ hỏng (không đọc được)"
        assert units.get_row("916")[2] == "hoàn thành"


@pytest.mark.asyncio
async def test_texts_from_a_bundle_are_shown_as_written(reviewer: Path) -> None:
    """917's note "[b red]ĐẠT[/]", its reason with an action link, its explanation and the
    note on a criterion stay literal text in the tables and the lines below them."""
    app = ReviewApp(reviewer, today=date(2022, 9, 5))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_idle(app, pilot)
        table = app.screen.query_one("#review-units", DataTable)
        table.move_cursor(row=table.get_row_index("917"))
        await pilot.press("enter")
        await wait_idle(app, pilot)
        agency = app.screen
        assert isinstance(agency, ReviewAgencyScreen)
        shown = screen_text(app)
        assert "[b red]ĐẠT[/]" in shown
        items = agency.query_one("#agency-items", DataTable)
        items.focus()
        items.move_cursor(row=items.get_row_index("item:hd3.8"))
        await pilot.pause()
        line = str(agency.query_one("#agency-item", Static).render())
        assert "[@click=app.quit]bấm[/] [reverse]x[/reverse]" in line
        scores = agency.query_one("#agency-scores", DataTable)
        scores.focus()
        scores.move_cursor(row=scores.get_row_index("1.1.2"))
        await pilot.pause()
        assert "[i]Có kế hoạch[/i]" in str(agency.query_one("#agency-score", Static).render())
        assert "[bold]tự động[/bold]" in screen_text(app)
        assert app.is_running
