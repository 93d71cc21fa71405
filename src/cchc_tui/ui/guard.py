"""One guard for every place that holds typed input.

A screen or dialog that holds editable input mixes in :class:`Guarded` and says three things:
``is_dirty()`` (does it hold input not saved), ``save()`` and ``discard()``. Every way out —
Esc, PgUp/PgDn, an F-key to another screen, Ctrl+Q, the palette, closing a dialog — goes
through :meth:`Guarded.confirm_leave`, which keeps the input, saves it or drops it as the
officer answers (Lưu / Bỏ thay đổi / Ở lại). The question waits for the answer, so it is
always asked from a worker (``leave_in_worker``), never from a key handler.

While a form is dirty its raw field texts are written as a draft (``draft_entries()``) about
once a second by :class:`GuardedApp`, in a background thread; the next time the same form
opens on the same target, the draft is offered back.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.css.query import NoMatches
from textual.screen import Screen

from cchc_tui.core.i18n import t
from cchc_tui.store.drafts import Draft, DraftStore, DraftWriter
from cchc_tui.store.errors import StoreError

if TYPE_CHECKING:
    from cchc_tui.store.instance import InstanceLock

    _ScreenBase = Screen[Any]
else:
    _ScreenBase = object

DRAFT_INTERVAL = 1.0  # seconds between two looks at the open forms
DRAFT_REASSERT = 10  # looks: every draft of an open form written again (~10 s)


class Guarded(_ScreenBase):
    """Mixin for a Screen or ModalScreen holding editable input."""

    DRAFT_FORM: ClassVar[str] = ""  # the kind of input, e.g. "progress"; "" keeps no draft

    # -- what each form says ------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return False

    async def save(self) -> bool:
        """Save what is typed; False (and the reason on screen) when it cannot be saved."""
        return True

    def discard(self) -> None:
        """Put back what was loaded."""

    def guard_label(self) -> str:
        """What the question names ("mục 1.2.3", "tài liệu mới"…)."""
        return ""

    def draft_entries(self) -> dict[str, tuple[str, dict[str, str]]]:
        """target → (label, raw field texts) of the input not saved; {} when clean."""
        return {}

    # -- what the guard does ------------------------------------------------------------------
    async def confirm_leave(self) -> bool:
        """True when the form may be left: clean, saved, or the input dropped on purpose.

        Asks Lưu / Bỏ thay đổi / Ở lại when dirty; call it from a worker."""
        if not self.is_dirty():
            return True
        from cchc_tui.ui.dialogs import ConfirmLeave

        app: Any = self.app
        if getattr(app, "asking", False):
            return False  # a question is open already (PgDn PgDn in one burst): one at a time
        app.asking = True
        try:
            choice = await self.app.push_screen_wait(ConfirmLeave(self.guard_label()))
        finally:
            app.asking = False
        if choice == "save":
            return await self.save()
        if choice == "discard":
            self.discard()
            self.forget_drafts()
            return True
        return False

    def leave_in_worker(self, then: Callable[[], Awaitable[None] | None]) -> None:
        """Run ``confirm_leave`` where Textual allows waiting, then ``then()`` if allowed."""

        if self.__dict__.get("_leaving"):
            return  # a question is already open (a second Esc on its way)
        self.__dict__["_leaving"] = True

        async def flow() -> None:
            try:
                allowed = await self.confirm_leave()
            finally:
                self.__dict__["_leaving"] = False
            if allowed:
                result = then()
                if result is not None:
                    await result

        # an app worker: the screen's own workers end when it is dismissed
        self.app.run_worker(flow(), group="guard-leave")

    @property
    def draft_writer(self) -> DraftWriter | None:
        return getattr(self.app, "draft_writer", None)

    def forget_drafts(self, target: str | None = None) -> None:
        """The input was saved or dropped: its drafts go."""
        writer = self.draft_writer
        sent: dict[str, dict[str, str]] = self.__dict__.setdefault("_draft_sent", {})
        if writer is None or not self.DRAFT_FORM:
            sent.clear()
            return
        targets = [target] if target is not None else list(sent)
        for tgt in targets:
            sent.pop(tgt, None)
            writer.drop(self.DRAFT_FORM, tgt)

    def draft_for(self, target: str) -> Draft | None:
        writer = self.draft_writer
        if writer is None or not self.DRAFT_FORM:
            return None
        return writer.get(self.DRAFT_FORM, target)

    def offer_draft(
        self,
        target: str,
        current: dict[str, str],
        restore: Callable[[dict[str, str]], None],
    ) -> None:
        """If a draft of this form and target differs from ``current``, ask whether to bring
        it back; ``restore(payload)`` puts it into the fields."""
        draft = self.draft_for(target)
        if draft is None:
            return
        if {k: v for k, v in draft.payload.items() if not k.startswith("_")} == {
            k: v for k, v in current.items() if not k.startswith("_")
        }:
            self.forget_drafts(target)
            return
        from cchc_tui.ui.dialogs import RestoreDraft

        def answered(keep: bool | None) -> None:
            if keep:
                restore(draft.payload)
                self.__dict__.setdefault("_draft_sent", {})[target] = draft.payload
            elif keep is False:  # [Bỏ]; Esc (None) leaves it for next time
                self.forget_drafts(target)

        self.app.push_screen(RestoreDraft(draft.saved_at, draft.label), answered)


class DbFailed(Exception):
    """A database call failed; the user has been told on screen."""


class ScreenLeft(DbFailed):
    """A screen's read came back after the screen was left (F3 while F5 was still reading):
    nothing to show it on, nothing to say (BaseScreen.read)."""


def _holds_typing(screen: Guarded) -> bool:
    """A form being built or torn down (its widgets not there yet, or gone) holds nothing
    typed; the draft timer and the leave check may look at it in that moment."""
    try:
        return screen.is_dirty()
    except NoMatches:
        return False


def draft_time(when: datetime) -> str:
    return when.astimezone().strftime("%H:%M %d/%m/%Y")


class GuardedApp(App[None]):
    """App side of the guard: drafts written in the background, one question at Ctrl+Q, and
    leaving every dirty form in the stack before a screen change."""

    draft_writer: DraftWriter | None = None
    asking = False  # a guard question is on screen: a second one waits its turn

    _drafts_loaded: tuple[DraftWriter, StoreError | None] | None = None  # read at load

    def load_drafts(self, db_path: Path) -> None:
        """Read the drafts of ``db_path`` now, in this thread: before the app runs, so that its
        first screen can name them. start_drafts() then starts writing."""
        if os.environ.get("CCHC_DRAFTS") != "0":
            self._drafts_loaded = self._read_drafts(db_path)

    def _read_drafts(self, db_path: Path) -> tuple[DraftWriter, StoreError | None]:
        """A writer holding the drafts of ``db_path``, and what went wrong reading them (the
        writer then starts with none)."""
        writer = DraftWriter(DraftStore(db_path), on_error=self._draft_failed)
        try:
            writer.load()
        except StoreError as e:
            return writer, e
        return writer, None

    async def start_drafts(self, db_path: Path) -> None:
        """Read the drafts of ``db_path`` (in a thread, unless load_drafts did), then look at
        the forms each second."""
        if self.draft_writer is not None or os.environ.get("CCHC_DRAFTS") == "0":
            return  # CCHC_DRAFTS=0: bench_keys' baseline, typing without drafts
        loaded, self._drafts_loaded = self._drafts_loaded, None
        if loaded is None:
            loaded = await asyncio.to_thread(self._read_drafts, db_path)
        writer, error = loaded
        if error is not None:
            self._draft_failed(error)
        writer.start()
        self.draft_writer = writer
        self.set_interval(DRAFT_INTERVAL, self.collect_drafts, name="drafts")

    @property
    def drafts_known(self) -> list[Draft]:
        """The drafts held, oldest first: also those read at load, before writing started."""
        writer = self.draft_writer
        if writer is None and self._drafts_loaded is not None:
            writer = self._drafts_loaded[0]
        return sorted(writer.known.values(), key=lambda d: d.saved_at) if writer else []

    def _draft_failed(self, error: StoreError) -> None:
        message = t("ui.draft.failed", detail=error.message())
        if threading.get_ident() == self._thread_id:
            self.notify(message, severity="warning", timeout=8)
        else:
            self.call_from_thread(self.notify, message, severity="warning", timeout=8)

    def guarded(self) -> list[Guarded]:
        """Every form in the screen stack, the top one first."""
        return [s for s in reversed(self.screen_stack) if isinstance(s, Guarded)]

    def dirty_forms(self) -> list[Guarded]:
        return [s for s in self.guarded() if _holds_typing(s)]

    _collections = 0

    def collect_drafts(self) -> None:
        """Hand the draft writer what changed in the open forms since the last look — and, every
        DRAFT_REASSERT looks, every draft of a form still open again: a second copy of the app
        on the same database may have dropped it (its officer restored it there, then chose
        "Bỏ thay đổi"), while the text is still typed here."""
        writer = self.draft_writer
        if writer is None:
            return
        self._collections += 1
        again = self._collections % DRAFT_REASSERT == 0
        for screen in self.guarded():
            if not screen.DRAFT_FORM:
                continue
            sent: dict[str, dict[str, str]] = screen.__dict__.setdefault("_draft_sent", {})
            entries = screen.draft_entries() if _holds_typing(screen) else {}
            for target, (label, payload) in entries.items():
                if again or sent.get(target) != payload:
                    writer.put(screen.DRAFT_FORM, target, payload, label=label)
                    sent[target] = payload
            for target in [k for k in sent if k not in entries]:
                del sent[target]
                writer.drop(screen.DRAFT_FORM, target)

    def flush_drafts(self) -> None:
        """Write every draft now (at quit, on a crash, when the terminal goes away)."""
        self.collect_drafts()
        if self.draft_writer is not None:
            self.draft_writer.flush()

    async def leave_all(self) -> bool:
        """Before a screen change: every dirty form, top first, saved, dropped or kept."""
        for screen in self.dirty_forms():
            if not await screen.confirm_leave():
                return False
        return True

    async def action_quit(self) -> None:
        self.run_worker(self._quit(), group="quit")

    async def _quit(self) -> None:
        if self.asking:
            return  # Ctrl+Q while a question is open: answer that one first
        dirty = self.dirty_forms()
        if dirty:
            from cchc_tui.ui.dialogs import QuitQuestion

            labels = [s.guard_label() for s in dirty]
            self.asking = True
            try:
                choice = await self.push_screen_wait(QuitQuestion(labels))
            finally:
                self.asking = False
            if choice == "stay":
                return
            if choice == "save":
                for screen in dirty:
                    if not await screen.save():
                        return  # its reason is on screen; the officer decides again
            else:
                for screen in dirty:
                    screen.discard()
                    screen.forget_drafts()
        self.flush_drafts()
        self.exit()

    def exit(self, result: Any = None, return_code: int = 0, message: Any = None) -> None:
        """Whatever ends the app (Ctrl+Q, the terminal closed, a signal): what is typed is
        handed to the draft writer first, while the forms are still there to read."""
        with contextlib.suppress(Exception):  # leaving never fails because of a draft
            self.collect_drafts()
        super().exit(result, return_code, message)

    def close_drafts(self) -> None:
        if self.draft_writer is not None:
            self.flush_drafts()
            self.draft_writer.close()


async def announce_other_copy(app: App[Any], lock: InstanceLock, today: date) -> None:
    """Take this copy's mark on the database; say so when another copy holds it."""
    from cchc_tui.store.instance import other_copy_notice

    other = await asyncio.to_thread(lock.acquire)
    if other is not None:
        app.notify(other_copy_notice(other, today=today), severity="warning", timeout=12)


def apply_keymap(app: App[Any], keymap: dict[str, str]) -> None:
    """The config's [keymap]; ids that no binding has are named in a warning."""
    if not keymap:
        return
    app.set_keymap(keymap)
    from cchc_tui.ui.keymap import unknown_keymap_ids

    unknown = unknown_keymap_ids(keymap)
    if unknown:
        app.notify(t("ui.keymap.unknown", ids=", ".join(unknown)), severity="warning", timeout=12)


class InputsGuard(Guarded):
    """A dialog whose input is its VietInput fields: dirty when one differs from what it was
    opened with. Call ``remember_loaded()`` at the end of ``on_mount``."""

    loaded: dict[str, str] | None = None
    draft_target: str = ""

    def remember_loaded(self) -> None:
        self.loaded = self.raw()
        if self.draft_target:
            self.offer_draft(self.draft_target, self.loaded, self.put_raw)

    def raw(self) -> dict[str, str]:
        from cchc_tui.ui.widgets.viet_input import VietInput

        return {str(f.id): f.nfc_value for f in self.query(VietInput)}

    def put_raw(self, payload: dict[str, str]) -> None:
        from cchc_tui.ui.widgets.viet_input import VietInput

        for f in self.query(VietInput):
            if str(f.id) in payload:
                f.value = payload[str(f.id)]

    def is_dirty(self) -> bool:
        return self.loaded is not None and self.raw() != self.loaded

    def discard(self) -> None:
        if self.loaded is not None:
            self.put_raw(self.loaded)

    def draft_entries(self) -> dict[str, tuple[str, dict[str, str]]]:
        if not self.draft_target:
            return {}
        return {self.draft_target: (self.guard_label(), self.raw())}

    def saved(self) -> None:
        """The input is saved: clean again, its draft gone."""
        self.loaded = self.raw()
        self.forget_drafts()
