"""Criteria sets for the CCHC index self-assessment, as data (TOML), validated on load.

A set is flat arrays with parent references, so that every problem can name its line:

    [set]        id, title, level (so | huyen | xa), year, decision, status (mẫu | chính thức),
                 provenance
    [[grade]]    name, min (percentage, inclusive)
    [[area]]     code, title, max
    [[criterion]] code, area, title, max
    [[sub]]      code, criterion, title, max, rule = {kind = …}, source = {kind = …} (optional)

Rule kinds: yes_no, on_time, percent_bands, count_bands, manual, survey, bonus, penalty.
Source kinds: activities_completion, reports_on_time, evidence_before, indicator.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any, Literal, NamedTuple

from cchc_tui.core.errors import UserError

RULE_KINDS = (
    "yes_no",
    "on_time",
    "percent_bands",
    "count_bands",
    "manual",
    "survey",
    "bonus",
    "penalty",
)
SOURCE_KINDS = ("activities_completion", "reports_on_time", "evidence_before", "indicator")
LEVELS = ("so", "huyen", "xa")
TEMPLATE, OFFICIAL = "mẫu", "chính thức"  # a criteria set's status
STATUSES = (TEMPLATE, OFFICIAL)
# an agency's level (core/agencies.py) → the level of the criteria set that scores it
SET_LEVEL = {"city": "so", "district": "huyen", "commune": "xa"}
# rules whose points are outside the maximum of the set (added or taken after the total)
EXTRA_KINDS = ("bonus", "penalty")


@dataclass(frozen=True)
class Band:
    lo: Decimal
    hi: Decimal | None  # None: no upper bound (counts)
    points: Decimal
    lo_open: bool = False
    hi_open: bool = False

    def contains(self, x: Decimal) -> bool:
        above = x > self.lo if self.lo_open else x >= self.lo
        if self.hi is None:
            return above
        below = x < self.hi if self.hi_open else x <= self.hi
        return above and below

    def label(self) -> str:
        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open else "]"
        return f"{left}{self.lo}–{'∞' if self.hi is None else self.hi}{right}"


@dataclass(frozen=True)
class Rule:
    kind: str
    points: dict[str, Decimal] = field(default_factory=dict)  # yes/no, on_time/late/missing
    bands: tuple[Band, ...] = ()
    step: Decimal = Decimal("0.25")
    cap: Decimal = Decimal(0)


@dataclass(frozen=True)
class Source:
    kind: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Sub:
    code: str
    criterion: str
    title: str
    max: Decimal
    rule: Rule
    source: Source | None
    line: int

    @property
    def is_extra(self) -> bool:
        return self.rule.kind in EXTRA_KINDS

    @property
    def is_survey(self) -> bool:
        return self.rule.kind == "survey"


@dataclass(frozen=True)
class Node:
    code: str
    title: str
    max: Decimal
    parent: str
    line: int


@dataclass(frozen=True)
class Grade:
    name: str
    min: Decimal


@dataclass
class CriteriaSet:
    id: str
    title: str
    level: Literal["so", "huyen", "xa"]
    year: int
    decision: str
    status: str
    provenance: str
    grades: list[Grade]
    areas: list[Node]
    criteria: list[Node]
    subs: list[Sub]

    @property
    def official(self) -> bool:
        return self.status == OFFICIAL

    def grade_for(self, percent: Decimal) -> str:
        for g in sorted(self.grades, key=lambda g: g.min, reverse=True):
            if percent >= g.min:
                return g.name
        return ""

    @cached_property
    def _subs_by_criterion(self) -> dict[str, list[Sub]]:
        out: dict[str, list[Sub]] = {}
        for s in self.subs:
            out.setdefault(s.criterion, []).append(s)
        return out

    @cached_property
    def _criteria_by_area(self) -> dict[str, list[Node]]:
        out: dict[str, list[Node]] = {}
        for c in self.criteria:
            out.setdefault(c.parent, []).append(c)
        return out

    def subs_of(self, criterion: str) -> list[Sub]:
        return list(self._subs_by_criterion.get(criterion, []))

    def criteria_of(self, area: str) -> list[Node]:
        return list(self._criteria_by_area.get(area, []))


class CriteriaError(UserError):
    """A criteria set with problems; the message lists each with its line."""

    def __init__(self, name: str, problems: list[str]) -> None:
        super().__init__("criteria.invalid", name=name, problems="\n".join(problems))
        self.problems = problems


def _dec(value: Any) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(value)
    return Decimal(str(value))


class _Lines:
    """Where things are in the TOML text (tomllib keeps no positions)."""

    CODE = re.compile(r"""^\s*code\s*=\s*(["'])(.*?)\1""")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.codes: dict[str, list[int]] = {}  # code → the lines that give it, in order
        for i, ln in enumerate(self.lines):
            m = self.CODE.match(ln)
            if m:
                self.codes.setdefault(m.group(2), []).append(i + 1)

    def of_code(self, code: str, nth: int = 0) -> int:
        found = self.codes.get(code, [])
        return found[nth] if nth < len(found) else (found[-1] if found else 0)

    def of_header(self, header: str) -> int:
        for i, ln in enumerate(self.lines):
            if ln.strip() == header:
                return i + 1
        return 0


def parse_criteria(text: str, name: str = "criteria.toml") -> CriteriaSet:
    """Load and check a set; raise CriteriaError naming the line of every problem."""
    lines = _Lines(text)
    problems: list[str] = []

    def bad(line: int, message: str) -> None:
        problems.append(f"dòng {line}: {message}" if line else message)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise CriteriaError(name, [str(e)]) from None
    head = data.get("set", {})
    head_line = lines.of_header("[set]")
    for key in ("id", "title", "level", "year", "decision", "status", "provenance"):
        if key not in head:
            bad(head_line, f"[set] thiếu «{key}»")
    if head.get("level") not in LEVELS:
        bad(head_line, f"cấp «{head.get('level')}» không có (so, huyen, xa)")
    if head.get("status") not in STATUSES:
        bad(head_line, f"trạng thái «{head.get('status')}» không có (mẫu, chính thức)")

    seen: dict[str, int] = {}

    def node(entry: dict[str, Any], kind: str, parent_key: str | None, nth: dict[str, int]) -> Node:
        code = str(entry.get("code", ""))
        k = nth.get(code, 0)
        nth[code] = k + 1
        line = lines.of_code(code, k)
        if not code:
            bad(line, f"một {kind} thiếu mã")
        elif code in seen:
            bad(line, f"mã «{code}» trùng (đã có ở dòng {seen[code]})")
        else:
            seen[code] = line
        try:
            maximum = _dec(entry.get("max"))
            if maximum < 0:
                raise ValueError
        except (ValueError, ArithmeticError):
            bad(line, f"«{code}»: điểm tối đa «{entry.get('max')}» không hợp lệ")
            maximum = Decimal(0)
        return Node(
            code,
            str(entry.get("title", "")),
            maximum,
            str(entry.get(parent_key, "")) if parent_key else "",
            line,
        )

    nth: dict[str, int] = {}
    areas = [node(a, "lĩnh vực", None, nth) for a in data.get("area", [])]
    criteria = [node(c, "tiêu chí", "area", nth) for c in data.get("criterion", [])]
    subs: list[Sub] = []
    for entry in data.get("sub", []):
        n = node(entry, "tiêu chí thành phần", "criterion", nth)
        rule = _rule(entry.get("rule"), n, bad)
        source = _source(entry.get("source"), n, rule, bad)
        subs.append(Sub(n.code, n.parent, n.title, n.max, rule, source, n.line))

    area_codes = {a.code for a in areas}
    crit_codes = {c.code for c in criteria}
    for c in criteria:
        if c.parent not in area_codes:
            bad(c.line, f"tiêu chí «{c.code}» thuộc lĩnh vực «{c.parent}» không có")
    for s in subs:
        if s.criterion not in crit_codes:
            bad(s.line, f"«{s.code}» thuộc tiêu chí «{s.criterion}» không có")
    for c in criteria:
        total = sum((s.max for s in subs if s.criterion == c.code and not s.is_extra), Decimal(0))
        if total > c.max:
            bad(
                c.line,
                f"tổng điểm các tiêu chí thành phần của «{c.code}» ({total}) vượt "
                f"điểm tối đa {c.max}",
            )
    for a in areas:
        total = sum((c.max for c in criteria if c.parent == a.code), Decimal(0))
        if total > a.max:
            bad(
                a.line,
                f"tổng điểm các tiêu chí của lĩnh vực «{a.code}» ({total}) vượt điểm "
                f"tối đa {a.max}",
            )
    grades = []
    for g in data.get("grade", []):
        try:
            grades.append(Grade(str(g["name"]), _dec(g["min"])))
        except (KeyError, ValueError):
            bad(lines.of_header("[[grade]]"), f"xếp loại không hợp lệ: {g}")
    if problems:
        raise CriteriaError(name, problems)
    return CriteriaSet(
        id=str(head["id"]),
        title=str(head["title"]),
        level=head["level"],
        year=int(head["year"]),
        decision=str(head["decision"]),
        status=str(head["status"]),
        provenance=str(head["provenance"]),
        grades=grades,
        areas=areas,
        criteria=criteria,
        subs=subs,
    )


def _rule(raw: Any, n: Node, bad: Any) -> Rule:
    if not isinstance(raw, dict) or "kind" not in raw:
        bad(n.line, f"«{n.code}»: thiếu cách chấm (rule = {{kind = …}})")
        return Rule("manual")
    kind = raw["kind"]
    if kind not in RULE_KINDS:
        bad(n.line, f"«{n.code}»: cách chấm «{kind}» không có ({', '.join(RULE_KINDS)})")
        return Rule("manual")
    try:
        if kind == "yes_no":
            pts = {"yes": _dec(raw.get("yes", n.max)), "no": _dec(raw.get("no", 0))}
            _within(pts, n, bad)
            return Rule(kind, points=pts)
        if kind == "on_time":
            pts = {
                k: _dec(raw.get(k, d)) for k, d in (("on_time", n.max), ("late", 0), ("missing", 0))
            }
            _within(pts, n, bad)
            return Rule(kind, points=pts)
        if kind in ("percent_bands", "count_bands"):
            bands = tuple(
                Band(
                    _dec(b["from"]),
                    _dec(b["to"]) if "to" in b else None,
                    _dec(b["points"]),
                    bool(b.get("from_open", False)),
                    bool(b.get("to_open", False)),
                )
                for b in raw.get("bands", [])
            )
            _check_bands(bands, kind, n, bad)
            return Rule(kind, bands=bands)
        if kind == "manual":
            return Rule(kind, step=_dec(raw.get("step", "0.25")))
        if kind in EXTRA_KINDS:
            return Rule(kind, cap=_dec(raw.get("cap", n.max)), step=_dec(raw.get("step", "0.25")))
        return Rule(kind)  # survey
    except (KeyError, ValueError, ArithmeticError) as e:
        bad(n.line, f"«{n.code}»: cách chấm «{kind}» thiếu hoặc sai giá trị ({e})")
        return Rule("manual")


def _within(points: dict[str, Decimal], n: Node, bad: Any) -> None:
    for k, v in points.items():
        if not Decimal(0) <= v <= n.max:
            bad(n.line, f"«{n.code}»: điểm «{k}» = {v} nằm ngoài [0, {n.max}]")


def _check_bands(bands: tuple[Band, ...], kind: str, n: Node, bad: Any) -> None:
    if not bands:
        bad(n.line, f"«{n.code}»: chưa có khoảng điểm nào")
        return
    ordered = sorted(bands, key=lambda b: b.lo)
    if ordered[0].lo != 0 or ordered[0].lo_open:
        bad(n.line, f"«{n.code}»: các khoảng phải bắt đầu từ 0 (kể cả 0)")
    top = ordered[-1]
    if kind == "percent_bands" and (top.hi != 100 or top.hi_open):
        bad(n.line, f"«{n.code}»: các khoảng phần trăm phải kết thúc ở 100 (kể cả 100)")
    for b in bands:
        if not Decimal(0) <= b.points <= n.max:
            bad(n.line, f"«{n.code}»: khoảng {b.label()} cho {b.points} điểm, ngoài [0, {n.max}]")
        if b.hi is not None and b.hi < b.lo:
            bad(n.line, f"«{n.code}»: khoảng {b.label()} ngược")
    for a, b in itertools.pairwise(ordered):
        if a.hi is None:
            bad(n.line, f"«{n.code}»: khoảng {a.label()} không có cận trên nhưng chưa phải cuối")
            continue
        if b.lo > a.hi or (b.lo == a.hi and a.hi_open and b.lo_open):
            bad(n.line, f"«{n.code}»: hở giữa {a.label()} và {b.label()}")
        elif b.lo < a.hi or (b.lo == a.hi and not a.hi_open and not b.lo_open):
            bad(n.line, f"«{n.code}»: chồng lấn giữa {a.label()} và {b.label()}")


def _source(raw: Any, n: Node, rule: Rule, bad: Any) -> Source | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or raw.get("kind") not in SOURCE_KINDS:
        kind = raw.get("kind") if isinstance(raw, dict) else raw
        bad(n.line, f"«{n.code}»: nguồn dữ liệu «{kind}» không có ({', '.join(SOURCE_KINDS)})")
        return None
    params = {k: v for k, v in raw.items() if k != "kind"}
    kind = raw["kind"]
    fits = {
        "activities_completion": ("percent_bands",),
        "indicator": ("percent_bands",),
        "reports_on_time": ("on_time", "yes_no"),
        "evidence_before": ("on_time", "yes_no"),
    }[kind]
    if rule.kind not in fits:
        bad(n.line, f"«{n.code}»: nguồn «{kind}» không dùng được với cách chấm «{rule.kind}»")
    if kind == "activities_completion":
        if params.get("role", "lead") not in ("lead", "all"):
            bad(n.line, f"«{n.code}»: role phải là lead hoặc all")
        if "at" in params and not isinstance(params["at"], date):
            bad(n.line, f"«{n.code}»: «at» phải là ngày (YYYY-MM-DD)")
    if kind == "evidence_before":
        _document_source(params, n, bad)
    if kind == "indicator" and "indicator" not in params:
        bad(n.line, f"«{n.code}»: nguồn indicator cần mã chỉ tiêu")
    return Source(kind, params)


def _document_source(params: dict[str, Any], n: Node, bad: Any) -> None:
    """doc_type; a deadline (a date, with due_rule "before" or "by") or the plan's obligation
    that has one; optionally subject and filler (lists of words), year ("plan" or a year),
    title_contains (core/doc_rules.py)."""
    if "doc_type" not in params or not (
        isinstance(params.get("deadline"), date) or isinstance(params.get("obligation"), str)
    ):
        bad(n.line, f"«{n.code}»: evidence_before cần doc_type và deadline (ngày) hoặc obligation")
    if params.get("due_rule", "by") not in ("before", "by"):
        bad(n.line, f"«{n.code}»: due_rule phải là before (trước ngày) hoặc by (chậm nhất ngày)")
    for key in ("subject", "filler"):
        value = params.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            bad(n.line, f"«{n.code}»: {key} phải là danh sách cụm từ")
    year = params.get("year")
    if year is not None and year != "plan" and not (isinstance(year, int) and 1900 < year < 2200):
        bad(n.line, f'«{n.code}»: year phải là "plan" hoặc một năm')


class HeldSet(NamedTuple):
    """A criteria set a database holds, as the store lists them (newest year first)."""

    id: str
    level: str  # so | huyen | xa
    year: int
    status: str  # TEMPLATE | OFFICIAL


def choose_set(held: Sequence[HeldSet], agency_level: str) -> str | None:
    """The criteria set that scores an agency of this level, of the sets held (id, level,
    year, status; newest year first): the official one, else a template; None when no set
    of the level is held (the shipped template is then imported, services/self_assessment)."""
    level = SET_LEVEL[agency_level]
    mine = [h for h in held if h.level == level]
    official = [h for h in mine if h.status == OFFICIAL]
    return (official or mine)[0].id if (official or mine) else None
