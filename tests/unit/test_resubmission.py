"""What changed between two bundles of an agency for a period, computed by hand: items,
self scores, documents (by number), each change with its before and after."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cchc_tui.core.resubmission import Change, changes
from cchc_tui.core.submission import Submission
from tests.bundle_corpus import genuine_doc


def sub_of(*args: Any, **kwargs: Any) -> Submission:
    """A bundle's submission.json read as the review desk reads it (JSON, through the schema)."""
    return Submission.model_validate_json(json.dumps(genuine_doc(*args, **kwargs)))


def revised(sub: Submission, **over: object) -> Submission:
    return sub.model_copy(update=over, deep=True)


def test_nothing_changed_says_nothing(tmp_path: Path) -> None:
    pdf = tmp_path / "qd.pdf"
    pdf.write_bytes(b"%PDF-1.4 a\n")
    sub = sub_of("918", pdf)
    assert changes(sub, sub) == []


def test_items_scores_and_documents(tmp_path: Path) -> None:
    pdf, other = tmp_path / "qd.pdf", tmp_path / "kh.pdf"
    pdf.write_bytes(b"%PDF-1.4 a\n")
    other.write_bytes(b"%PDF-1.4 b\n")
    before = sub_of("918", pdf)
    after = sub_of("918", pdf, more_evidence=[other])
    first = after.items[0].model_copy(
        update={"status": "hoan_thanh", "progress": 100, "note": " Đã  ban hành "}
    )
    after = revised(after, items=[first, *after.items[1:]])
    subs = after.scores[0].subs
    scores = after.scores[0].model_copy(
        update={
            "subs": [
                subs[0].model_copy(update={"self_points": "0.5"}),
                subs[1].model_copy(update={"note": "Có kế hoạch số 12"}),
            ]
        }
    )
    after = revised(after, scores=[scores])
    got = changes(before, after)
    assert got == [
        Change("item", "hd3.1", "status", "đang thực hiện", "hoàn thành"),
        Change("item", "hd3.1", "progress", "40", "100"),
        Change("item", "hd3.1", "note", "Đã rà soát", "Đã ban hành"),
        Change("score", "1.1.1", "points", "0", "0.5"),
        Change("score", "1.1.2", "note", "Có kế hoạch", "Có kế hoạch số 12"),
        Change("score", "1.1.2", "documents", "15/QĐ-UBND", "15/QĐ-UBND, 16/QĐ-UBND"),
        Change("document", "16/QĐ-UBND", "added", "", "kh.pdf"),
    ]
    # and back: the document removed, the item as it was
    back = changes(after, before)
    assert Change("document", "16/QĐ-UBND", "removed", "kh.pdf", "") in back
    assert Change("item", "hd3.1", "status", "hoàn thành", "đang thực hiện") in back


def test_the_same_number_with_another_file(tmp_path: Path) -> None:
    pdf, fixed = tmp_path / "qd.pdf", tmp_path / "qd-ban-ky.pdf"
    pdf.write_bytes(b"%PDF-1.4 a\n")
    fixed.write_bytes(b"%PDF-1.4 signed copy\n")
    got = changes(sub_of("918", pdf), sub_of("918", fixed))
    assert Change("document", "15/QĐ-UBND", "file", "qd.pdf", "qd-ban-ky.pdf") in got
