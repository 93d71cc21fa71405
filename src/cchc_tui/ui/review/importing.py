"""Taking bundles in from a folder or USB stick."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, ProgressBar, Static

from cchc_tui.core import glyphs
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.text import escape_controls
from cchc_tui.ui.review.base import OnReviewApp
from cchc_tui.ui.widgets.viet_input import VietInput


class ImportScreen(OnReviewApp, ModalScreen[bool]):
    """Import every bundle of a folder (a USB stick): a progress bar and one line per bundle —
    received, already there, or refused with its reason (never half-imported)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "run", "ui.review.key_import", id="import.run", priority=True),
        Binding("escape", "close", "key.back", id="import.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.busy = False
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="comment-form"):
            yield Static(t("ui.review.import_title"), classes="title")
            with Horizontal(classes="row"):
                yield Label(t("ui.export.out"))
                yield VietInput(id="import-dir", value=str(Path.cwd()))
            with Horizontal(classes="row", id="import-ca-row"):
                yield Label(t("ui.review.import_ca"))
                yield VietInput(id="import-ca", placeholder="ca/ca.pem")
            bar = ProgressBar(id="import-progress", show_eta=False)
            yield bar
            yield Static("", id="import-log", markup=False)

    def on_mount(self) -> None:
        # the CA is asked for only until one is remembered (then `cchc import --ca` changes it)
        self.query_one("#import-ca-row").display = self.rapp.store.trust_ca() is None
        self.query_one("#import-dir", VietInput).focus()

    def action_run(self) -> None:
        if not self.busy:
            self.busy = True
            ca = self.query_one("#import-ca", VietInput).path_text
            self.run_import(
                Path(self.query_one("#import-dir", VietInput).path_text),
                Path(ca) if ca else None,
            )

    @work(thread=True, exclusive=True, group="import")
    def run_import(self, folder: Path, ca_file: Path | None) -> None:
        from cchc_tui.services.anchors import trust_anchors
        from cchc_tui.services.importer import bundles_in, import_bundle

        app = self.rapp
        try:
            ca = trust_anchors(app.store, ca_file)
        except UserError as e:
            app.call_from_thread(self._show_log, [f"{glyphs.FAIL} " + e.message()])
            app.call_from_thread(self._finished)
            return
        if ca_file is not None:
            app.call_from_thread(self._hide_ca)
        paths = bundles_in(folder) if folder.is_dir() else []
        lines: list[str] = [] if paths else [t("ui.review.import_none", dir=folder)]
        warnings: set[str] = set()
        changed = False
        for n, path in enumerate(paths, 1):
            try:
                done = import_bundle(app.store, path, ca[0], ca[1], actor=app.profile.officer)
                lines.append(
                    ("= " if done.already else f"{glyphs.OK} ") + escape_controls(path.name)
                )
                warnings.update(done.report.warnings)
                changed = changed or not done.already
            except UserError as e:
                lines.append(
                    f"{glyphs.FAIL} {escape_controls(path.name)}: {escape_controls(e.message())}"
                )
            except Exception as e:  # one line too (the disk full, a bug): the rest goes on
                detail = escape_controls(f"{type(e).__name__}: {e}")
                said = t("error.unexpected", detail=detail)
                lines.append(f"{glyphs.FAIL} {escape_controls(path.name)}: {said}")
            app.call_from_thread(self._show_progress, len(paths), n, list(lines))
        lines += [f"! {escape_controls(w)}" for w in sorted(warnings)]  # once, after the list
        app.call_from_thread(self._show_log, lines)
        app.call_from_thread(self._finished, changed)

    # Called from the import thread through call_from_thread: widgets only on the UI thread
    def _show_progress(self, total: int, done: int, lines: list[str]) -> None:
        self.query_one("#import-progress", ProgressBar).update(total=total, progress=done)
        self._show_log(lines)

    def _show_log(self, lines: list[str]) -> None:
        self.query_one("#import-log", Static).update("\n".join(lines[-12:]))

    def _hide_ca(self) -> None:
        self.query_one("#import-ca-row").display = False

    def _finished(self, changed: bool = False) -> None:
        self.changed = self.changed or changed
        self.busy = False

    def action_close(self) -> None:
        if not self.busy:
            self.dismiss(self.changed)
