"""Which document a scoring rule takes ("the agency's CCHC plan for the year"), and why not others.

A criteria set's ``evidence_before`` source names what the document must be, not only its type:

    doc_type = "KH"                              the type (Phụ lục III, NĐ 30/2020)
    subject  = ["cải cách hành chính", "CCHC"]   its title, after the type's name, begins so
    filler   = ["công tác", "thực hiện"]         words allowed between the type's name and it
    year     = "plan"                            the year its title names (or a number)
    title_contains = "kiểm soát TTHC"            (older sets) words anywhere in the title
    obligation = "ke-hoach-cchc-2022"            the plan's deadline and rule ("before"/"by")
    (or deadline = 2022-01-31, due_rule = "before" | "by" when no obligation is named)

So "Kế hoạch tuyên truyền CCHC năm 2022" (about propaganda) and "Kế hoạch CCHC năm 2021" (last
year's) are not the 2022 plan; "Kế hoạch công tác cải cách hành chính năm 2022" is. A document
the officer linked to the sub-criterion is taken as the one meant (of the right type), whatever
its title says. Titles are compared without accents or case (core/text.fold).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, Protocol

from cchc_tui.core.docnumber import ADMIN_TYPES
from cchc_tui.core.plan import Plan
from cchc_tui.core.text import fold

DueRule = Literal["before", "by"]
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


class Doc(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def number(self) -> str: ...
    @property
    def doc_type(self) -> str: ...
    @property
    def doc_date(self) -> date: ...
    @property
    def title(self) -> str: ...


def in_time(day: date, deadline: date, rule: DueRule) -> bool:
    """``before``: strictly before the deadline ("trước ngày 31/01"); ``by``: on or before it
    ("chậm nhất là ngày 10")."""
    return day < deadline if rule == "before" else day <= deadline


@dataclass(frozen=True)
class DocRule:
    doc_type: str
    subject: tuple[str, ...]  # folded; empty: any subject
    filler: tuple[str, ...]  # folded
    contains: str  # folded; "" : no such condition
    year: int | None
    deadline: date
    due_rule: DueRule

    @classmethod
    def from_params(cls, params: dict[str, Any], plan: Plan) -> DocRule:
        """The rule a criteria source describes, its deadline from the plan's obligation when it
        names one. KeyError: the obligation is not in the plan."""
        deadline, due_rule = params.get("deadline"), params.get("due_rule", "by")
        if "obligation" in params:
            found = next((o for o in plan.obligation if o.id == params["obligation"]), None)
            if found is None or found.due is None:
                raise KeyError(params["obligation"])
            deadline, due_rule = found.due, found.due_rule
        year = params.get("year")
        assert isinstance(deadline, date)
        return cls(
            doc_type=str(params["doc_type"]),
            subject=tuple(fold(s) for s in params.get("subject", [])),
            filler=tuple(fold(s) for s in params.get("filler", [])),
            contains=fold(str(params.get("title_contains", ""))),
            year=plan.plan.year if year == "plan" else (int(year) if year else None),
            deadline=deadline,
            due_rule="before" if due_rule == "before" else "by",
        )

    def in_time(self, day: date) -> bool:
        return in_time(day, self.deadline, self.due_rule)

    def refusal(self, doc: Doc) -> tuple[str, str] | None:
        """Why ``doc`` (of the rule's type) is not the document meant: (reason, detail), with
        reason "subject" (detail: its title) or "year" (detail: the year its title names, or ""
        when it names none); None when it is."""
        title = fold(doc.title)
        if self.contains and self.contains not in title:
            return "subject", doc.title
        if self.subject:
            rest = _after_type_name(title, self.doc_type)
            words = rest
            for _ in range(8):  # "công tác thực hiện …": fillers in any order, each once or more
                before = words
                for f in self.filler:
                    if words.startswith(f + " "):
                        words = words[len(f) + 1 :]
                if words == before:
                    break
            if not any(words == s or words.startswith(s + " ") for s in self.subject):
                return "subject", doc.title
        if self.year is not None:
            years = [int(y) for y in _YEAR.findall(title)]
            if self.year not in years:
                return "year", str(years[0]) if years else ""
        return None


def _after_type_name(title: str, doc_type: str) -> str:
    name = fold(ADMIN_TYPES.get(doc_type, ""))
    if name and title.startswith(name + " "):
        return title[len(name) + 1 :]
    return title


@dataclass(frozen=True)
class Choice:
    taken: Doc | None
    marked: bool  # the officer linked it to the sub-criterion
    refused: list[tuple[Doc, str, str]]  # (document, reason, detail), by date


def choose(rule: DocRule, docs: Sequence[Doc], marked: Collection[int] = ()) -> Choice:
    """The document the rule takes: of those of its type, the earliest the officer linked to the
    sub-criterion; else the earliest whose title fits the rule. Every other document of the
    type is listed with why it was not taken ("later": a fitting one came first)."""
    of_type = sorted(
        (d for d in docs if d.doc_type.casefold() == rule.doc_type.casefold()),
        key=lambda d: (d.doc_date, d.number),
    )
    chosen = [d for d in of_type if d.id in marked] if marked else []
    if chosen:
        taken = chosen[0]
        return Choice(taken, True, [(d, "not_marked", "") for d in of_type if d is not taken])
    refused: list[tuple[Doc, str, str]] = []
    taken_doc: Doc | None = None
    for d in of_type:
        why = rule.refusal(d)
        if why is not None:
            refused.append((d, *why))
        elif taken_doc is None:
            taken_doc = d
        else:
            refused.append((d, "later", ""))
    return Choice(taken_doc, False, refused)
