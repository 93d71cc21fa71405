"""Properties over varied inputs: progress rules, folding, registry search."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_tui.core.agencies import Registry
from cchc_tui.core.progress import (
    BLOCKED,
    DONE,
    NOT_STARTED,
    STATUSES,
    ProgressError,
    ProgressValues,
    apply_update,
)
from cchc_tui.core.text import fold

TODAY = date(2022, 9, 15)

updates = st.fixed_dictionaries(
    {
        "status": st.sampled_from(STATUSES),
        "progress_pct": st.one_of(st.none(), st.integers(-5, 105)),
        "reason": st.one_of(st.none(), st.sampled_from(["", "Chưa có hướng dẫn"])),
        "note": st.one_of(st.none(), st.text(max_size=20)),
        "completed_on": st.one_of(st.none(), st.just(date(2022, 6, 1))),
    }
)


@given(st.lists(updates, max_size=12))
def test_every_stored_state_obeys_the_rules(seq: list[dict[str, object]]) -> None:
    state: ProgressValues | None = None
    for upd in seq:
        try:
            state = apply_update(state, today=TODAY, **upd)  # type: ignore[arg-type]
        except ProgressError:
            continue  # refused: the old state stands, as in the store
        assert 0 <= state.progress_pct <= 100
        assert (state.status == DONE) == (state.completed_on is not None)
        if state.status == DONE:
            assert state.progress_pct == 100
        if state.status == NOT_STARTED:
            assert state.progress_pct == 0
        if state.status == BLOCKED:
            assert state.reason
        else:
            assert state.reason == ""
        if upd["progress_pct"] is not None:
            assert state.progress_pct == upd["progress_pct"]


VIETNAMESE = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ "
)


@given(st.text())
def test_fold_ignores_normalisation(text: str) -> None:
    assert fold(unicodedata.normalize("NFC", text)) == fold(unicodedata.normalize("NFD", text))


@given(st.text(alphabet=VIETNAMESE))
def test_fold_of_vietnamese_ignores_case_and_marks(text: str) -> None:
    folded = fold(text)
    assert fold(text.upper()) == folded
    assert folded.isascii()


@pytest.fixture(scope="module")
def reg() -> Registry:
    return Registry.load()


@settings(max_examples=60)
@given(data=st.data())
def test_every_unit_is_found_by_its_unaccented_name(reg: Registry, data: st.DataObject) -> None:
    code = data.draw(st.sampled_from(sorted(reg.agencies)))
    agency = reg.agencies[code]
    hits = [h.agency.code for h in reg.search(fold(agency.name), limit=20)]
    assert code in hits
    assert reg.find(agency.code) == agency
