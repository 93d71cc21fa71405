"""The review desk's completeness figures (docs/review-desk.md), computed by hand: they tell a
sparse submission from a complete one, which "items with a status" never did (export refuses
an item without one, so every bundle was 100 %)."""

from __future__ import annotations

from decimal import Decimal

from cchc_tui.core.numbers import share
from cchc_tui.core.review import Completeness, completeness
from tests.bundle_corpus import make_submission

D = Decimal


def items(*rows: tuple[str, str, str | None, str]) -> list[dict[str, object]]:
    return [
        {"id": f"hd{n}", "number": str(n), "role": role, "status": status, "reason": reason}
        for n, (role, status, reason) in enumerate(((r[1], r[2], r[3]) for r in rows), start=1)
    ]


def test_a_sparse_and_a_complete_submission_are_told_apart() -> None:
    """Sparse: 20 lead items, 3 done; 2 criteria scored (3.5 points), 1 with a document.
    Complete: 20 lead items, 18 done, 1 cannot be done with its reason, 1 cannot be done
    without one; 10 criteria scored (77 points), all with documents, 12 documents in all."""
    sparse_items = [("", "lead", "hoan_thanh", "")] * 3 + [("", "lead", "dang_thuc_hien", "")] * 17
    sparse = make_submission(
        items=items(*sparse_items),
        scores=[
            {
                "total": "3.5",
                "subs": [
                    {"code": "1.1.1", "self": "1", "evidence": [1]},
                    {"code": "1.1.2", "self": "2.5", "evidence": []},
                    {"code": "1.1.3", "self": "0", "evidence": [2]},  # 0 points: not scored
                    {"code": "1.1.4", "self": None},
                ],
            }
        ],
    )
    got = completeness(sparse)
    assert got == Completeness(20, 3, 2, 1, 1, D("3.5"))
    assert (got.lead_share, got.backed_share, got.documents_per_point) == (
        D("15.0"),
        D("50.0"),
        D("0.29"),  # 1 / 3.5
    )
    complete_items = (
        [("", "lead", "hoan_thanh", "")] * 18
        + [("", "lead", "khong_thuc_hien_duoc", "Chưa có hướng dẫn của Bộ Nội vụ")]
        + [("", "lead", "khong_thuc_hien_duoc", "  ")]  # a reason of spaces is none
        + [("", "coordinate", "dang_thuc_hien", "")] * 5  # coordinated items are not counted
    )
    subs = [
        {"code": f"{a}.1.{b}", "self": "7.7", "evidence": [a * 10 + b, 1]}
        for a in range(1, 3)
        for b in range(1, 6)
    ]
    complete = make_submission(items=items(*complete_items), scores=[{"total": "77", "subs": subs}])
    got = completeness(complete)
    assert (got.lead_items, got.lead_settled) == (20, 19)
    assert (got.scored, got.scored_backed, got.documents) == (10, 10, 11)
    assert (got.lead_share, got.backed_share, got.documents_per_point) == (
        D("95.0"),
        D("100.0"),
        D("0.14"),  # 11 / 77
    )


def test_nothing_to_divide_is_shown_as_a_dash() -> None:
    got = completeness(make_submission())
    assert got == Completeness()
    assert (got.lead_share, got.backed_share, got.documents_per_point) == (None, None, None)
    assert [share(v) for v in (got.lead_share, D("66.7"))] == ["—", "66,7%"]
