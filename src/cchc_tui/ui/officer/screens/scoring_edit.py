"""Chấm điểm, the writing side (functions of the screen): saving what was typed per criterion
(a stale save shows both versions), the documents of a criterion (F9), `u` back to the
suggestion and `f` finalise / reopen — each destructive key says what it changes and asks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import DataTable, Static

from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.numbers import num, parse_points
from cchc_tui.core.scoring import SubResult
from cchc_tui.store.errors import StaleEdit
from cchc_tui.ui.guard import DbFailed

if TYPE_CHECKING:
    from cchc_tui.ui.officer.screens.scoring import ScoringScreen


# -- writing -------------------------------------------------------------------------------
def action_save(screen: ScoringScreen) -> None:
    screen._typing()  # the fields as they are now, whatever event is still on its way
    code = screen.code
    if code is None or screen.view is None:
        return
    if code not in screen.pending:
        screen.notify(t("ui.item.unchanged"))
        return
    screen.app.run_worker(save_code(screen, code), group="score-save")


async def save_code(screen: ScoringScreen, code: str) -> bool:
    """Save what was typed for ``code`` (in a worker: a conflicting save asks)."""
    raw = screen.pending.get(code)
    if raw is None or screen.view is None:
        return True
    try:
        points = parse_points(raw["points"]) if raw["points"] else None
    except UserError as e:  # finite, 0–100, hundredths
        fail(screen, code, e.message())
        return False
    base = int(raw.get("_base", "0") or 0)
    while True:
        try:
            await screen.cchc.db(
                screen.ctx.save_score,
                screen.view,
                code,
                points,
                raw["reason"],
                raw["note"],
                None,
                base,
            )
        except StaleEdit as e:
            choice = await conflict(screen, code, raw, e)
            if choice == "mine":
                base = e.latest
                continue
            return False
        except UserError as e:
            fail(screen, code, in_app(screen, e))
            return False
        except DbFailed:
            return False
        break
    screen.pending.pop(code, None)
    screen.forget_drafts(code)
    screen.notify(t("score.saved", code=code))
    await screen.reload(written=code)
    screen.query_one("#score-tree", DataTable).focus()
    return True


def fail(screen: ScoringScreen, code: str, message: str) -> None:
    if code == screen.code:
        screen.query_one("#score-error", Static).update(message)
    screen.notify(message, severity="error")


def in_app(screen: ScoringScreen, error: UserError) -> str:
    """Messages that name a CLI command name the key instead, here."""
    if error.key == "score.finalised":
        return t("ui.score.finalised_reopen", when=error.params.get("when", ""))
    return error.message()


async def conflict(screen: ScoringScreen, code: str, raw: dict[str, str], error: StaleEdit) -> str:
    from cchc_tui.ui.dialogs import ConflictModal

    await screen.reload()  # theirs, as stored now
    theirs = screen._stored(code)
    choice = await screen.app.push_screen_wait(
        ConflictModal(
            t("ui.conflict.title", label=t("ui.guard.score", codes=code)),
            error.actor,
            error.params["at"],
            [
                (t("ui.score.points"), raw["points"], theirs["points"]),
                (t("ui.score.reason"), raw["reason"], theirs["reason"]),
                (t("ui.score.note"), raw["note"], theirs["note"]),
            ],
        )
    )
    screen.versions[code] = error.latest
    if choice == "theirs":
        screen.pending.pop(code, None)
        screen.forget_drafts(code)
    elif choice == "merge":
        from cchc_tui.ui.widgets.item_form import merge_text

        merged = dict(theirs)
        for field in ("reason", "note"):
            if raw[field] and raw[field] != theirs[field]:
                merged[field] = merge_text(theirs[field], raw[field], one_line=True)
        screen.pending[code] = {**merged, "_base": str(error.latest)}
    else:
        screen.pending[code] = {**raw, "_base": str(error.latest)}
    screen.show()
    return choice


async def write_links(screen: ScoringScreen, code: str, evidence: list[int]) -> None:
    """The documents of ``code`` (F9): the stored score stays as it is, and so does what is
    typed (still pending, now on the version this write made)."""
    assert screen.view is not None
    own = screen.view.selves.get(code)
    typed = screen.pending.get(code)
    base = int(typed["_base"]) if typed else screen.versions.get(code, 0)
    try:
        await screen.cchc.db(
            screen.ctx.save_score,
            screen.view,
            code,
            own.points if own else None,
            own.reason if own else "",
            own.note if own else "",
            evidence,
            base,
        )
    except StaleEdit as e:  # saved elsewhere meanwhile: show what is stored now
        screen.notify(e.message(), severity="error", timeout=8)
        await screen.reload()
        return
    except UserError as e:
        fail(screen, code, in_app(screen, e))
        return
    except DbFailed:
        return
    screen.notify(t("score.saved", code=code))
    await screen.reload(written=code)


def action_use_suggestion(screen: ScoringScreen) -> None:
    r = screen.selected()
    if r is not None and screen.view is not None:
        screen.app.run_worker(use_suggestion(screen, r), group="score-save")


async def use_suggestion(screen: ScoringScreen, r: SubResult) -> None:
    """u: the hand score gives way to the suggestion — old → new, and asked first."""
    from cchc_tui.ui.dialogs import AskYesNo

    assert screen.view is not None
    code = r.sub.code
    own = screen.view.selves.get(code)
    typed = screen.pending.get(code)
    old = typed["points"] if typed else screen._stored(code)["points"]
    reason = typed["reason"] if typed else (own.reason if own else "")
    if own is None and typed is None:
        screen.notify(t("ui.score.already_suggestion", code=code))
        return
    new = "—" if r.suggestion.points is None else num(r.suggestion.points)
    question = t("ui.score.ask_suggestion", code=code, old=old or "—", new=new)
    if reason:
        question += "\n" + t("ui.score.ask_suggestion_reason", reason=reason)
    if not await screen.app.push_screen_wait(AskYesNo(question)):
        return
    screen.pending.pop(code, None)
    screen.forget_drafts(code)
    note = typed["note"] if typed else (own.note if own else "")  # the note is not the score
    try:
        await screen.cchc.db(
            screen.ctx.save_score,
            screen.view,
            code,
            None,
            "",
            note,
            None,
            screen.versions.get(code, 0),
        )
    except StaleEdit as e:
        screen.notify(e.message(), severity="error", timeout=8)
        await screen.reload()
        return
    except UserError as e:
        fail(screen, code, in_app(screen, e))
        return
    except DbFailed:
        return
    screen.notify(t("score.saved", code=code))
    await screen.reload(written=code)


def action_finalise(screen: ScoringScreen) -> None:
    if screen.view is not None:
        screen.app.run_worker(finalise(screen), group="score-save")


async def finalise(screen: ScoringScreen) -> None:
    """f: finalise (after saying what is still unscored or flagged), or reopen; asked."""
    from cchc_tui.ui.dialogs import AskYesNo

    view = screen.view
    assert view is not None
    final = view.finalised_at is None
    if final and screen.pending and not await leave_all_pending(screen):
        return
    view = screen.view
    assert view is not None
    if final:
        subs = [r for r in view.result.subs if not r.sub.is_survey]
        unscored = sum(1 for r in subs if r.self_points is None and r.suggestion.points is None)
        flagged = sum(1 for r in subs if r.warnings)
        question = t("ui.score.ask_finalise", unscored=unscored, flagged=flagged)
        yes = t("ui.score.finalise_yes")
    else:
        question = t("ui.score.ask_reopen")
        yes = t("ui.score.reopen")
    if not await screen.app.push_screen_wait(AskYesNo(question, yes=yes)):
        return
    try:
        await screen.cchc.db(screen.ctx.set_finalised, view, final)
    except UserError as e:
        screen.notify(e.message(), severity="error", timeout=8)
        return
    except DbFailed:
        return
    screen.notify(t("score.done_finalise" if final else "score.done_reopen"))
    await screen.reload()


async def leave_all_pending(screen: ScoringScreen) -> bool:
    """Before finalising: what is typed is saved, dropped, or the officer stays."""
    return await screen.confirm_leave()
