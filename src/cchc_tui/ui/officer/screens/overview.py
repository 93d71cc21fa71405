"""Tổng quan: period, deadline, counts by status, progress per area, what needs attention."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from cchc_tui.core import glyphs, labels
from cchc_tui.core.dates import format_date
from cchc_tui.core.i18n import t
from cchc_tui.core.milestones import first_missed
from cchc_tui.core.progress import status_label
from cchc_tui.core.tracking import ItemStatus, overview, walk_queue
from cchc_tui.ui.guard import DbFailed
from cchc_tui.ui.officer.screens.base import BaseScreen
from cchc_tui.ui.widgets.bars import bar
from cchc_tui.ui.widgets.footer import I18nFooter

STATUS_STYLE: dict[str | None, str] = {
    None: "dim",
    "chua_thuc_hien": "",
    "dang_thuc_hien": "yellow",
    "hoan_thanh": "green",
    "khong_thuc_hien_duoc": "red",
}


class OverviewScreen(BaseScreen):
    HELP_TITLE = "ui.overview.title"

    def __init__(self, first: tuple[list[ItemStatus], dict[str, Any] | None] | None = None):
        """``first``: the rows and newest receipt, read with the database at start, so that the
        first screen drawn already has its data (not empty, then filled)."""
        super().__init__()
        self._first = first

    def compose(self) -> ComposeResult:
        yield Header(icon=glyphs.ICON)
        with VerticalScroll(id="overview"):
            yield Static("", id="ov-agency", classes="title")
            yield Static("", id="ov-period")
            yield Static("", id="ov-deadline")
            yield Static("", id="ov-counts")
            yield Static("", id="ov-status")
            yield Static("", id="ov-walk", classes="hint")
            yield Static("", id="ov-review", classes="info")
            yield Static(t("ui.overview.areas"), classes="section")
            yield Static("", id="ov-areas")
            # what needs attention, every row (no cap): ↑/↓ move (the page follows), Enter opens
            yield OptionList(id="ov-attention")
        yield I18nFooter()

    def on_mount(self) -> None:
        if self._first is not None:
            rows, receipt = self._first
            self.show(rows)
            self.show_review(receipt)
        # focused without scrolling to it: the page opens at its top (period, deadline)
        self.query_one("#ov-attention", OptionList).focus(scroll_visible=False)

    async def on_screen_resume(self) -> None:
        if self._first is not None:  # shown at mount, from the data read at start
            self._first = None
            return
        await self.refresh_data()

    async def refresh_data(self) -> None:
        ctx = self.ctx
        try:
            rows = await self.read(ctx.rows)
            receipt = await self.read(ctx.reader.newest_receipt)
        except DbFailed:
            return
        if self.ctx is not ctx:  # another plan or agency meanwhile: its own read shows it
            return
        self.show(rows)
        self.show_review(receipt)

    def show_review(self, receipt: dict[str, Any] | None) -> None:
        """What Sở Nội vụ said last (an imported review receipt), and where to read it."""
        box = self.query_one("#ov-review", Static)
        box.display = receipt is not None
        if receipt is None:
            return
        comments = receipt.get("comments", [])
        box.update(
            t(
                "ui.overview.review",
                signer=receipt.get("signer", ""),
                period=receipt.get("period", ""),
                state=t(labels.RECEIPT_STATE[receipt.get("state", "da_nhan")]),
                comments=len(comments),
                items=sum(1 for c in comments if str(c.get("target", "")).startswith("item:")),
                criteria=sum(
                    1 for c in comments if str(c.get("target", "")).startswith("criterion:")
                ),
            )
        )

    def show(self, rows: list[ItemStatus]) -> None:
        ctx = self.ctx
        ov = overview(ctx.plan, rows, ctx.today)
        self.query_one("#ov-agency", Static).update(
            t(
                "ui.overview.agency",
                agency=ctx.profile.agency_name,
                officer=ctx.profile.officer,
                plan=ctx.plan.plan.number,
            )
        )
        # after the plan year (as of 31/12): the last report's deadline has passed, and says so
        key = "ui.overview.period_past" if ov.period.due < ctx.today else "ui.overview.period"
        self.query_one("#ov-period", Static).update(
            t(key, period=ov.period.name, due=format_date(ov.period.due))
        )
        if ov.deadline_when is None:
            deadline = t("ui.overview.no_deadline")
        elif ov.days_left == 0:
            deadline = t(
                "ui.overview.deadline_today",
                what=ov.deadline_what,
                when=format_date(ov.deadline_when),
            )
        else:
            deadline = t(
                "ui.overview.deadline",
                what=ov.deadline_what,
                when=format_date(ov.deadline_when),
                days=ov.days_left,
            )
        self.query_one("#ov-deadline", Static).update(deadline)
        self.query_one("#ov-counts", Static).update(
            t("ui.overview.counts", total=ov.total, lead=ov.lead)
        )
        chips = Text()
        for s, n in ov.by_status.items():
            if chips:
                chips.append(" · ")
            chips.append(f"{status_label(s)}: {n}", style=STATUS_STYLE[s])
        self.query_one("#ov-status", Static).update(chips)
        # code 4, title 28, "100%  10/10" 12, the gaps, the scrollbar and padding: 54
        width = max(10, min(30, self.size.width - 54))
        lines = Text()
        for a in ov.areas:
            frac = a.mean_pct / 100
            lines.append(f"{a.area:>4} {a.title[:28]:<28} ")
            lines.append(bar(frac, width, self.cchc.ascii_bars), style="bold")
            lines.append(f" {a.mean_pct:3.0f}%  {a.done}/{a.items}\n")
        self.query_one("#ov-areas", Static).update(lines)
        attention = self.query_one("#ov-attention", OptionList)
        highlighted = attention.highlighted_option
        keep = highlighted.id if highlighted is not None else None
        attention.clear_options()
        attention.add_options(
            [
                *self._section(
                    "late", t("ui.overview.overdue", count=len(ov.overdue)), ov.overdue, True
                ),
                *self._section(
                    "bare",
                    t("ui.overview.no_evidence", count=len(ov.done_without_evidence)),
                    ov.done_without_evidence,
                ),
                *(
                    self._section(
                        "wait", t("ui.overview.waiting", count=len(ov.waiting)), ov.waiting
                    )
                    if ov.waiting
                    else []
                ),
            ]
        )
        ids = [attention.get_option_at_index(i).id for i in range(attention.option_count)]
        self._quiet = True  # the page stays at its top for a highlight set here, not by a key
        if keep in ids:
            attention.highlighted = ids.index(keep)
        else:
            attention.action_first()
        queue = walk_queue(ctx.plan, rows, ctx.today)
        walk = t("ui.overview.start_walk", count=len(queue.items))
        drafts = self.cchc.drafts_known
        if drafts:
            # typed in an earlier session and never saved: each is offered back on its form
            walk += "\n" + t(
                "ui.overview.drafts",
                count=len(drafts),
                labels="; ".join(d.label or d.target for d in drafts[:4])
                + ("…" if len(drafts) > 4 else ""),
            )
        self.query_one("#ov-walk", Static).update(walk)

    def _section(
        self, section: str, title: str, rows: list[ItemStatus], due: bool = False
    ) -> list[Option]:
        """A heading (not selectable) and a row per item, each opening the item; the ids name
        the section (an item may be in two)."""
        out = [Option(Text(title, style="bold"), id=f"h:{section}", disabled=True)]
        if not rows:
            out.append(Option("  " + t("ui.overview.none"), id=f"n:{section}", disabled=True))
        for r in rows:
            when = f" ({format_date(r.item.due[-1])})" if due and r.item.due else ""
            missed = first_missed(r.milestones) if due else None
            if missed is not None and r.item.due and missed < r.item.due[-1]:
                when = " (" + t("ui.items.detail_missed", date=format_date(missed)) + ")"
            # "  hd3.5    " 11, the text, the date or milestone; the list's edge and scrollbar
            width = max(20, self.size.width - 11 - len(when) - 4)
            prompt = Text(f"  {r.item.id:<8} {r.item.short_text(width)}{when}", no_wrap=True)
            out.append(Option(prompt, id=f"{section}:{r.item.id}"))
        return out

    @on(OptionList.OptionHighlighted, "#ov-attention")
    def _follow(self, event: OptionList.OptionHighlighted) -> None:
        """The page scrolls with the highlighted row (the list is as long as its rows)."""
        if getattr(self, "_quiet", False):
            self._quiet = False
            return
        page = self.query_one("#overview", VerticalScroll)
        top = event.option_list.virtual_region.y + event.option_index
        page.scroll_to_region(Region(0, top, 1, 1), animate=False, immediate=True)

    @on(OptionList.OptionSelected, "#ov-attention")
    async def _open(self, event: OptionList.OptionSelected) -> None:
        from cchc_tui.ui.officer.screens.item import ItemScreen

        option_id = event.option.id or ""
        if ":" in option_id and not option_id.startswith(("h:", "n:")):
            await self.app.push_screen(ItemScreen(option_id.split(":", 1)[1]))
