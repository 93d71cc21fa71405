"""What the reviewer does on one agency's screen: appraise a sub-criterion in a chosen round,
withdraw an entry, keep the agency's own points for a criterion or an area, choose the review
state, comment and withdraw a comment, sign a receipt. Every write goes through services/ in
a thread; a refusal is said in the dialog, which stays open."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from textual.screen import Screen
from textual.widgets import DataTable

from cchc_tui.core import labels
from cchc_tui.core.comments import target_label
from cchc_tui.core.i18n import t
from cchc_tui.core.numbers import num
from cchc_tui.ui.review.base import OnReviewApp
from cchc_tui.ui.review.corrections import (
    AcceptModal,
    StateModal,
    WithdrawCommentModal,
    WithdrawModal,
)
from cchc_tui.ui.review.dialogs import AppraiseModal, CommentModal, ReceiptModal

if TYPE_CHECKING:
    from cchc_tui.core.review import UnitRow
    from cchc_tui.store.models import ReceivedBundle

T = TypeVar("T")


class AgencyActions(OnReviewApp, Screen[None]):
    """The writes of the agency screen (ui/review/agency.py), which subclasses this and
    shows what they change."""

    row: UnitRow
    period: str
    state: str
    rounds: dict[str, dict[int, Any]]
    comments: list[Any]

    async def refresh_scores(self) -> None:
        raise NotImplementedError

    async def refresh_review(self) -> None:
        raise NotImplementedError

    def _target(self) -> str:
        raise NotImplementedError

    async def _write(self, fn: Callable[[ReceivedBundle], T]) -> T:
        """Run ``fn`` on the agency's latest bundle that counts, in a thread (refusals are
        raised to the dialog, which says them)."""
        from cchc_tui.services import review_desk as rs

        app, code = self.rapp, self.row.agency.code

        def run() -> T:
            return fn(rs.latest_bundle(app.store, code, app.plan.id, self.period))

        return await asyncio.to_thread(run)

    def _score_code(self) -> str:
        table = self.query_one("#agency-scores", DataTable)
        if not table.row_count:
            return ""
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or "")

    def _entry_text(self, entry: Any) -> str:
        """Tự chấm: 1 · vòng 1: 0,5 · vòng 2: — and the reasons given, for the dialogs."""

        def shown(value: Decimal | None) -> str:
            return num(value) if value is not None else "—"

        lines = [
            t(
                "ui.review.appraise_now",
                own=shown(entry.self_points),
                r1=shown(entry.rounds.get(1)),
                r2=shown(entry.rounds.get(2)),
            ),
            f"{entry.sub.title} (≤ {num(entry.sub.max)})",
        ]
        lines += [
            t("ui.review.reason_of_round", round=r, reason=why)
            for r, why in sorted(entry.reasons.items())
            if why
        ]
        return "\n".join(lines)

    async def action_appraise(self) -> None:
        from cchc_tui.services import appraising

        code = self._score_code()
        if not code:
            return
        actor = self.rapp.profile.officer
        entry = await self._write(lambda b: appraising.entry(self.rapp.store, b, code))

        async def submit(points: str, chosen: int | None, reason: str) -> None:
            await self._write(
                lambda b: appraising.appraise(
                    self.rapp.store, b, code, points, round_=chosen, actor=actor, reason=reason
                )
            )

        rounds = {r: num(p) for r, p in entry.rounds.items()}
        await self.app.push_screen(
            AppraiseModal(code, self._entry_text(entry), rounds, submit), self._after_scores
        )

    async def _after_scores(self, saved: bool | None) -> None:
        if saved:
            await self.refresh_scores()

    async def action_withdraw(self) -> None:
        from cchc_tui.services import appraising

        code = self._score_code()
        if not code:
            return
        actor = self.rapp.profile.officer
        entry = await self._write(lambda b: appraising.entry(self.rapp.store, b, code))
        if not entry.rounds:
            self.notify(t("review.nothing_to_withdraw", code=code, round="1, 2"), markup=False)
            return
        only = [str(r) for r in entry.rounds]

        async def submit(typed: dict[str, str]) -> None:
            chosen = typed["withdraw-round"] or None
            was = await self._write(
                lambda b: appraising.withdraw(
                    self.rapp.store,
                    b,
                    code,
                    round_=chosen,
                    reason=typed["withdraw-reason"],
                    actor=actor,
                )
            )
            self.notify(t("review.withdrawn", code=code, round=chosen, points=num(was)))

        modal = WithdrawModal(
            t("ui.review.withdraw_title", code=code),
            self._entry_text(entry),
            {"withdraw-round": only[0] if len(only) == 1 else ""},
            submit,
        )
        await self.app.push_screen(modal, self._after_scores)

    async def action_accept(self) -> None:
        """Keep the agency's own points: the criterion of the highlighted sub-criterion is
        offered (its area, or one sub-criterion, typed instead)."""
        from cchc_tui.services import appraising

        code = self._score_code()
        actor = self.rapp.profile.officer
        done = any(1 in r for r in self.rounds.values())
        values = {"accept-scope": code.rsplit(".", 1)[0] if code else "", "accept-round": ""}
        if not done:
            values["accept-round"] = "1"

        async def submit(typed: dict[str, str]) -> None:
            scope, chosen = typed["accept-scope"], typed["accept-round"] or None
            codes = await self._write(
                lambda b: appraising.accept_self(
                    self.rapp.store, b, scope, round_=chosen, actor=actor
                )
            )
            self.notify(t("review.accepted", count=len(codes), scope=scope, round=chosen))

        modal = AcceptModal(t("ui.review.accept_title"), "", values, submit)
        await self.app.push_screen(modal, self._after_scores)

    async def action_state(self) -> None:
        from cchc_tui.services import review_desk as rs

        actor = self.rapp.profile.officer

        async def submit(state: str, reason: str) -> None:
            await self._write(
                lambda b: rs.set_state(self.rapp.store, b, state, actor=actor, reason=reason)
            )
            self.notify(
                t(
                    "review.state_set",
                    agency=self.row.agency.code,
                    state=t(labels.RECEIPT_STATE[state]),
                )
            )

        async def done(saved: bool | None) -> None:
            if saved:
                await self.refresh_review()

        await self.app.push_screen(StateModal(self.row.agency.code, self.state, submit), done)

    async def action_comment(self) -> None:
        from cchc_tui.services import review_desk as rs

        actor = self.rapp.profile.officer

        async def submit(target: str, text: str) -> None:
            await self._write(
                lambda b: rs.add_comment(self.rapp.store, b, target, text, actor=actor)
            )

        async def done(saved: bool | None) -> None:
            if saved:
                await self.refresh_review()

        target = self._target()
        key = f"{self.row.agency.code}/{self.period}/{target}"
        shown = target_label(target, self.rapp.plan)
        await self.app.push_screen(CommentModal(shown, submit, draft_key=key), done)

    async def action_uncomment(self) -> None:
        from cchc_tui.services import review_desk as rs

        actor = self.rapp.profile.officer
        open_ones = [c for c in self.comments if c.withdrawn is None]
        if not open_ones:
            return

        async def submit(typed: dict[str, str]) -> None:
            number = int(typed["uncomment-id"] or 0)
            await self._write(
                lambda b: rs.withdraw_comment(
                    self.rapp.store, b, number, typed["uncomment-reason"], actor=actor
                )
            )

        async def done(saved: bool | None) -> None:
            if saved:
                await self.refresh_review()

        last = {"uncomment-id": str(open_ones[-1].row.id)} if len(open_ones) == 1 else {}
        modal = WithdrawCommentModal(t("ui.review.uncomment_title"), "", last, submit)
        await self.app.push_screen(modal, done)

    async def action_receipt(self) -> None:
        await self.app.push_screen(ReceiptModal(self.row.agency.code, self.period))
