"""The review desk (reviewer mode, `cchc review`): the expected units of a period with what was
received, late or missing, completeness and self totals; one agency's submission next to the
reviewer's state and comments. Keyboard only, Vietnamese first, 80×24."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual.binding import Binding, BindingType

from cchc_tui.config import Config
from cchc_tui.core.appraisal import Outcome
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.plan import Plan
from cchc_tui.core.review import (
    Overview,
)
from cchc_tui.datacache import shipped_registry
from cchc_tui.store.service import Store
from cchc_tui.ui.base_app import CchcAppBase
from cchc_tui.ui.review.overview import ReviewOverviewScreen

T = TypeVar("T")


class ReviewApp(CchcAppBase):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "key.quit", id="review.quit", priority=True, show=False),
        Binding("f1", "help", "key.help", id="review.help"),
    ]

    def __init__(self, db: Path, config: Config | None = None, *, today: date | None = None):
        super().__init__(config)
        self.db_path = Path(db)  # a crash report goes beside it
        self.store = Store(db)
        self.registry = shipped_registry()
        self.plan: Plan = self.store.load_plan()
        self.profile = self.store.require_profile()
        self.reviewer = self.profile.agency_code
        self.today = today or date.today()
        self.title = t("ui.review.title")
        self.sub_title = self.profile.agency_name

    async def on_mount(self) -> None:
        self.apply_settings()
        await self.open_session(self.store.path, self.today)
        await self.push_screen(ReviewOverviewScreen())
        if self.store.network_drive:  # rollback journal: store/location.py
            self.notify(t("db.network_drive_short"), severity="warning", timeout=12)

    def action_help(self) -> None:
        """F1: the desk's round (nhận → thẩm định vòng 1 → giải trình → vòng 2 → duyệt) and
        every key of the screen underneath; F1 again closes it."""
        from cchc_tui.ui.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        else:
            self.push_screen(HelpScreen(self.screen, "ui.review.help_guide"))

    def on_unmount(self) -> None:
        self.close_session()
        self.store.close()

    async def db(self, fn: Callable[..., T], *args: Any) -> T:
        try:
            got = await asyncio.to_thread(fn, *args)
        except UserError as e:
            self.notify(e.message(), severity="error", timeout=8)
            raise
        self.note_new_data()
        return got

    def compute(self, period: str) -> tuple[Overview, dict[str, Outcome], dict[str, str]]:
        """The overview of a period, each received agency's standing (appraisal or self) and
        the review state of its latest bundle (services/review_desk.py, as `cchc review`)."""
        from cchc_tui.services.review_desk import period_view

        got = period_view(self.store, self.registry, self.plan, self.reviewer, period)
        return got.overview, got.outcomes, got.states
