"""What the scoring rules read that is not tracked elsewhere: the dates the periodic reports
were sent, and the plan indicators' values (value, or numerator and denominator)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from cchc_tui.core.dates import format_date, parse_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.numbers import num, parse_number
from cchc_tui.ui.guard import DbFailed, InputsGuard
from cchc_tui.ui.widgets.viet_input import VietInput

if TYPE_CHECKING:
    from cchc_tui.ui.officer.app import CchcApp


class _DataModal(InputsGuard, ModalScreen[bool]):
    """Every field a VietInput; dirty when one differs from what was loaded (InputsGuard),
    its draft kept under the plan's id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "key.save", id="score_data.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="score_data.cancel"),
    ]

    @property
    def cchc(self) -> CchcApp:
        return cast("CchcApp", self.app)

    def on_mount(self) -> None:
        self.query(VietInput).first().focus()
        ctx = self.cchc.ctx
        assert ctx is not None
        self.draft_target = ctx.plan.id
        self.remember_loaded()

    def action_save(self) -> None:
        self.app.run_worker(self._save_and_close(), group="score-data")

    async def _save_and_close(self) -> None:
        await self.save()

    def action_cancel(self) -> None:
        self.leave_in_worker(lambda: self.dismiss(False))

    def fail(self, message: str) -> None:
        self.query_one(".error", Static).update(message)


class ReportDates(_DataModal):
    """The date each periodic report was sent (the 'reports on time' rules read them)."""

    DRAFT_FORM = "reports"

    def guard_label(self) -> str:
        return t("ui.guard.reports")

    def __init__(self, sent: dict[str, date]) -> None:
        super().__init__()
        self.sent = sent

    def compose(self) -> ComposeResult:
        ctx = self.cchc.ctx
        assert ctx is not None
        with Vertical(classes="dialog wide", id="report-dates"):
            yield Static(t("ui.data.reports_title"), classes="title")
            for p in ctx.plan.period:
                with Horizontal(classes="row"):
                    yield Label(f"{p.name} ({t('col.due')} {format_date(p.due)})")
                    field = VietInput(id=f"rep-{p.code}", placeholder="dd/mm/yyyy", max_length=10)
                    field.value = format_date(self.sent.get(p.code))
                    yield field
            yield Static("", classes="error")

    async def save(self) -> bool:
        ctx = self.cchc.ctx
        assert ctx is not None
        chosen: dict[str, date] = {}
        for p in ctx.plan.period:
            text = self.query_one(f"#rep-{p.code}", VietInput).value.strip()
            if not text:
                continue
            try:
                chosen[p.code] = parse_date(text, today=ctx.today)
            except UserError as e:
                self.query_one(f"#rep-{p.code}").add_class("invalid")
                self.fail(f"{p.name}: {e.message()}")
                return False
        changed = {k: v for k, v in chosen.items() if self.sent.get(k) != v}
        try:
            for code, when in changed.items():
                await self.cchc.db(ctx.set_report_date, code, when)
        except UserError as e:
            self.fail(e.message())
            return False
        except DbFailed:
            return False
        self.saved()
        self.dismiss(bool(changed))
        return True


class IndicatorValues(_DataModal):
    """Each plan indicator with its target for the agency's level: the value, or numerator and
    denominator (the value is then their ratio in %)."""

    DRAFT_FORM = "indicators"

    def guard_label(self) -> str:
        return t("ui.guard.indicators")

    def __init__(self, values: dict[str, Decimal]) -> None:
        super().__init__()
        self.values = values

    def compose(self) -> ComposeResult:
        ctx = self.cchc.ctx
        assert ctx is not None
        level = ctx.registry.agencies[ctx.agency].level
        with Vertical(classes="dialog wide", id="indicator-values"):
            yield Static(t("ui.data.indicators_title"), classes="title")
            with VerticalScroll(id="indicator-list"):
                for ind in ctx.plan.indicator:
                    target = ind.target_for(level)
                    if target is None:
                        continue
                    with Horizontal(classes="row"):
                        sign = "≥" if ind.direction == "at_least" else "≤"
                        yield Label(f"{sign} {num(Decimal(str(target))):>3}  {ind.name}")
                        field = VietInput(
                            id=f"ind-{ind.id}",
                            restrict=r"[0-9.,/]*",
                            placeholder=t("ui.data.value_hint"),
                        )
                        value = self.values.get(ind.id)
                        field.value = "" if value is None else num(value)
                        yield field
            yield Static("", classes="error")

    async def save(self) -> bool:
        ctx = self.cchc.ctx
        assert ctx is not None
        changed = False
        for field in self.query(VietInput):
            ind_id = (field.id or "").removeprefix("ind-")
            text = field.value.strip()
            if not text:
                continue
            try:  # the one rule of core.numbers; the indicator's own range when saved
                if "/" in text:
                    top, bottom = text.split("/", 1)
                    kwargs = {
                        "numerator": parse_number(top, field="numerator"),
                        "denominator": parse_number(bottom, field="denominator"),
                    }
                else:
                    kwargs = {"value": parse_number(text, field="value")}
            except UserError as e:
                field.add_class("invalid")
                self.fail(e.message())
                return False
            if kwargs.get("value") == self.values.get(ind_id) and "value" in kwargs:
                continue
            try:
                await self.cchc.db(ctx.set_indicator, ind_id, kwargs)
            except UserError as e:
                field.add_class("invalid")
                self.fail(e.message())
                return False
            except DbFailed:
                return False
            changed = True
        self.saved()
        self.dismiss(changed)
        return True
