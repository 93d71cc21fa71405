"""A crash is never silent: a report beside the database (screen, last keys by name only,
traceback), drafts flushed first, and the CLI says where the report is and exits 70."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import pytest
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

import cchc_tui.ui.officer.app
from cchc_tui.config import Config
from cchc_tui.ui.crash import TYPED, CrashReporting, key_name
from cchc_tui.ui.officer.app import CchcApp
from cchc_tui.ui.review.app import ReviewApp
from cchc_tui.ui.widgets.viet_input import VietInput
from tests.tui_helpers import REGISTRY, cli, demo_db, type_text, wait_idle

CSS = str(Path(cchc_tui.ui.officer.app.__file__).parent.parent / "cchc.tcss")  # ui/cchc.tcss
TYPED_WORD = "Phường"  # typed into a field before the crash: never in the report


class Boom(RuntimeError):
    pass


class FormScreen(Screen[None]):
    """A field to type into and F9 that fails, as a bug in a screen would."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("f9", "boom", "boom")]

    def compose(self) -> ComposeResult:
        yield VietInput(id="field")

    def action_boom(self) -> None:
        raise Boom("cố ý hỏng để thử báo cáo lỗi")


class DraftingApp(CchcApp):
    """Notes each flush of the drafts, and whether the crash report was written by then."""

    CSS_PATH = CSS  # beside the app's module, not this test's

    def flush_drafts(self) -> None:
        self.__dict__.setdefault("flushes", []).append(self.crash_report)
        super().flush_drafts()


def _reports(folder: Path, stem: str) -> list[Path]:
    return sorted(folder.glob(f"{stem}-crash-*.txt"))


def test_keys_are_noted_by_name_never_by_character() -> None:
    assert key_name(events.Key("a", "a")) == TYPED
    assert key_name(events.Key("ư", "ư")) == TYPED
    assert key_name(events.Key("space", " ")) == TYPED
    for name in ("f2", "escape", "ctrl+q", "pagedown", "left", "enter", "backspace", "tab"):
        assert key_name(events.Key(name, None)) == name
    assert key_name(events.Key("ctrl+q", "\x11")) == "ctrl+q"


async def test_a_crash_leaves_a_report_beside_the_database(tmp_path: Path, plan_text: str) -> None:
    db = demo_db(tmp_path, plan_text)
    app = DraftingApp(db, Config(), today=date(2022, 10, 5), registry=REGISTRY)
    assert app.crash_report is None and app.crash_drafts_kept is False
    with pytest.raises(Boom):
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_idle(app, pilot)
            await app.push_screen(FormScreen())
            await pilot.pause()
            assert isinstance(app.focused, VietInput)
            await type_text(pilot, TYPED_WORD)
            await pilot.press("left", "backspace", "f9")
    assert app.return_code == 1
    (report,) = _reports(tmp_path, db.stem)
    # the drafts were flushed first (the report not written yet), then again as the app closed
    assert app.__dict__["flushes"][0] is None and app.crash_drafts_kept
    assert app.crash_report == report
    text = report.read_text(encoding="utf-8")
    assert "cố ý hỏng để thử báo cáo lỗi" in text  # the exception, in full
    assert "Traceback (most recent call last)" in text and "action_boom" in text
    assert "screen: FormScreen" in text
    assert "OverviewScreen > FormScreen" in text  # the stack
    assert " ".join([TYPED] * len(TYPED_WORD) + ["left", "backspace", "f9"]) in text
    assert TYPED_WORD not in text and "ường" not in text
    assert "version: " in text and "python: " in text and "drafts kept: yes" in text


async def test_flush_drafts_failing_does_not_hide_the_crash(tmp_path: Path, plan_text: str) -> None:
    db = demo_db(tmp_path, plan_text)

    class BrokenDrafts(CchcApp):
        CSS_PATH = CSS

        def flush_drafts(self) -> None:
            if self.crash_report is None:  # at the crash; not when the app closes after it
                raise OSError("đĩa đầy")
            super().flush_drafts()

    app = BrokenDrafts(db, Config(), today=date(2022, 10, 5), registry=REGISTRY)
    with pytest.raises(Boom):
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_idle(app, pilot)
            await app.push_screen(FormScreen())
            await pilot.press("f9")
    assert app.return_code == 1 and not app.crash_drafts_kept
    assert app.crash_report is not None and app.crash_report.parent == tmp_path
    assert "drafts kept: no" in app.crash_report.read_text(encoding="utf-8")


async def test_the_review_desk_reports_its_crash_too(tmp_path: Path) -> None:
    reviewer = tmp_path / "r.sqlite"
    cli("--db", str(reviewer), "init", "--agency", "SNV", "--officer", "Thẩm định viên")
    app = ReviewApp(reviewer, today=date(2022, 9, 5))
    assert isinstance(app, CrashReporting)
    with pytest.raises(Boom):
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_idle(app, pilot)
            await app.push_screen(FormScreen())
            await pilot.press("f9")
    assert app.return_code == 1
    (report,) = _reports(tmp_path, "r")
    assert app.crash_report == report
    assert "app: ReviewApp" in report.read_text(encoding="utf-8")


def _args(**kw: Any) -> argparse.Namespace:
    return argparse.Namespace(config=Config(), theme=None, lang=None, **kw)


@pytest.mark.parametrize("kept", [True, False])
def test_the_cli_says_where_the_report_is_and_exits_70(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    kept: bool,
) -> None:
    from cchc_tui.cli import officer as cli_module

    report = tmp_path / "cchc-crash-20221005-101010.txt"

    def crashed_run(self: CchcApp) -> None:
        self.crash_report = report
        self.crash_drafts_kept = kept
        self._return_code = 1

    monkeypatch.setattr(CchcApp, "run", crashed_run)
    code = cli_module.run_tui(_args(), tmp_path / "cchc.sqlite")
    err = capsys.readouterr().err
    assert code == cli_module.EXIT_CRASH == 70
    assert f"Ứng dụng gặp lỗi và đã đóng; báo cáo lỗi ở: {report}." in err
    assert ("Phần đang nhập chưa lưu được giữ làm bản nháp." in err) is kept
    assert len(err.strip().splitlines()) == 1


def test_the_cli_in_english_and_without_a_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cchc_tui.cli import officer as cli_module

    def crashed_run(self: CchcApp) -> None:
        self._return_code = 1  # no folder took the report

    monkeypatch.setattr(CchcApp, "run", crashed_run)
    args = _args()
    args.lang = "en"
    code = cli_module.run_tui(args, tmp_path / "cchc.sqlite")
    assert code == 70
    assert "The app hit an error and closed; no crash report could be written." in (
        capsys.readouterr().err
    )


def test_the_cli_after_a_normal_end_exits_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cchc_tui.cli import officer as cli_module

    monkeypatch.setattr(CchcApp, "run", lambda self: None)
    assert cli_module.run_tui(_args(), tmp_path / "cchc.sqlite") == 0
    assert capsys.readouterr().err == ""


def test_the_review_desk_cli_exits_70_after_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import cchc_tui.cli as cli_module

    reviewer = tmp_path / "r.sqlite"
    cli("--db", str(reviewer), "init", "--agency", "SNV", "--officer", "Thẩm định viên")
    report = tmp_path / "r-crash-20220905-090909.txt"

    def crashed_run(self: ReviewApp) -> None:
        self.crash_report = report
        self._return_code = 1
        self.store.close()

    monkeypatch.setattr(ReviewApp, "run", crashed_run)
    from cchc_tui.cli import common

    monkeypatch.setattr(common, "has_terminal", lambda: True)  # as on the reviewer's PC
    code = cli_module.main(["--db", str(reviewer), "--lang", "en", "review"])
    assert code == 70
    assert f"the crash report is at: {report}." in capsys.readouterr().err


async def test_a_key_held_back_for_the_keys_before_it_is_noted_once(
    tmp_path: Path, plan_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """KeysInOrder holds a key (and those behind it) while the field still has letters to
    insert, then posts it again: the report counts it once, in its place."""
    db = demo_db(tmp_path, plan_text)
    app = CchcApp(db, Config(), today=date(2022, 10, 5), registry=REGISTRY)
    released: list[int] = []
    release = CchcApp._release_held_keys

    def spy(self: CchcApp) -> None:
        released.append(len(self._held_keys or ()))
        release(self)

    monkeypatch.setattr(CchcApp, "_release_held_keys", spy)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_idle(app, pilot)
        await app.push_screen(FormScreen())
        await pilot.pause()
        before = len(app.last_keys)
        burst = [("x", "x")] * 6 + [("left", None), ("backspace", None), ("y", "y")]
        for key, char in burst:  # at once, as an input method or a fast typist sends them
            app.post_message(events.Key(key, char))
        await wait_idle(app, pilot)
        await pilot.pause(0.6)
        assert any(released), "nothing was held: the burst did not test the hold"
        assert app.last_keys[before:] == [TYPED] * 6 + ["left", "backspace", TYPED]
        assert app.screen.query_one("#field", VietInput).value == "xxxxyx"  # in order
