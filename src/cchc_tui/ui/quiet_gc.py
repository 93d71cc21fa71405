"""App mixin: Python's cyclic garbage collector run while the officer is not typing.

Left to itself, the collector's oldest generation runs when enough new objects have lived
long enough, wherever that happens to be — often in the middle of a key: with a city-scale
database (~150,000 objects) each such pass took 65–80 ms on the development machine, so the
first Tab in an item form answered after 120 ms instead of 10 (bench/bench_keys.py). Here,
once input has been quiet for a moment, everything is collected and what survives is frozen
(`gc.freeze`: kept out of later passes), so the passes that run between keys only look at
what was made since. A full pass runs again at the next quiet moment after new input or a
database read; it unfreezes first, so nothing that died meanwhile is kept for good.
"""

from __future__ import annotations

import gc
import time
from typing import Any

from textual import events

QUIET_SECONDS = 1.5  # no key, paste or click for this long: a pass cannot delay one
CHECK_SECONDS = 0.5


FIRST_SCREEN_LIMIT = 2.0  # seconds: the collector is on by then, whatever happened


def resume_collection() -> None:
    """The collector on again if start-up turned it off (launch.py)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class QuietCollection:
    _last_input: float = 0.0
    _since_pass: bool = True  # input or new data since the last pass
    passes: int = 0  # full passes run (tests read it)

    def start_quiet_collection(self) -> None:
        app: Any = self
        self._last_input = time.monotonic()
        app.set_interval(CHECK_SECONDS, self.collect_if_quiet, name="quiet-gc")

    def collect_after_first_screen(self) -> None:
        """The collector back on once the first screen is on the terminal: ``cchc`` starts with
        it off (launch.py). What start-up made is frozen first, without a pass (the first quiet
        moment unfreezes and collects it), so the passes between the first keys stay small.
        A timer makes sure of it should no refresh come."""
        app: Any = self
        app.call_after_refresh(resume_collection)
        app.set_timer(FIRST_SCREEN_LIMIT, resume_collection)

    def note_new_data(self) -> None:
        """A database read or write finished: what it made is worth a pass."""
        self._since_pass = True

    def collect_if_quiet(self) -> bool:
        """One full pass when input has been quiet and something happened since the last."""
        if not self._since_pass or time.monotonic() - self._last_input < QUIET_SECONDS:
            return False
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self._since_pass = False
        self.passes += 1
        return True

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste | events.MouseDown | events.Resize):
            self._last_input = time.monotonic()
            self._since_pass = True
        await super().on_event(event)  # type: ignore[misc]
