"""What the review desk's screens share: the app as a ReviewApp, table cells and local times."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.markup import escape as escape_markup

from cchc_tui.core.text import escape_controls

if TYPE_CHECKING:
    from cchc_tui.ui.review.app import ReviewApp

FILTERS = ("all", "missing", "late", "on_time")
SORTS = ("code", "state", "completeness", "total")


class OnReviewApp:
    """For the review desk's screens: the app as a ReviewApp (its store, plan, profile)."""

    app: Any
    IS_HOME: ClassVar[bool] = False  # the overview: where a change that alters it returns to

    @property
    def rapp(self) -> ReviewApp:
        return cast("ReviewApp", self.app)  # the only app these screens are pushed on


def _cell(text: str) -> str:
    """Text from a bundle for a DataTable cell, which reads a str as Rich markup: shown
    literally ("[b red]ĐẠT[/]" stays that), with control characters written out."""
    return escape_markup(escape_controls(text))


def _local(when: datetime, *, short: bool = False) -> str:
    """A stored UTC time as the reviewer's local clock shows it (short: without the year)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().strftime("%d/%m %H:%M" if short else "%d/%m/%Y %H:%M")
