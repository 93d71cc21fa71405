"""The CCHC plan as data: areas → objectives → tasks → activities, indicators, obligations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from cchc_tui.core.schema import build
from cchc_tui.core.shipped import shipped_text
from cchc_tui.core.text import fold
from cchc_tui.core.timing import Timing, TimingKind

Level = Literal["city", "district", "commune"]
DEFAULT_PLAN_FILE = "plan-260-2022.toml"


@dataclass(kw_only=True)
class PlanMeta:
    id: str
    number: str
    issued: date
    year: int
    issuer: str
    title: str
    source: str
    notes: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Area:
    id: str
    number: str
    title: str


@dataclass(kw_only=True)
class Objective:
    id: str
    number: str
    area: str
    text: str


@dataclass(kw_only=True)
class Task:
    id: str
    number: str
    area: str
    objective: str | None = None
    text: str


@dataclass(kw_only=True)
class Item:
    """A trackable row of the plan: an activity, or a task that carries its own output."""

    id: str
    kind: Literal["activity", "task"]
    number: str
    area: str
    objective: str | None = None
    task: str
    text: str
    output: str = ""
    lead_printed: str
    lead: list[str]
    coordinate_printed: str = ""
    coordinate: list[str] = field(default_factory=list)
    timing_printed: str
    timing_kind: TimingKind
    start: date | None = None
    due: list[date] = field(default_factory=list)
    condition: str = ""
    note: str = ""

    @property
    def timing(self) -> Timing:
        return Timing(
            printed=self.timing_printed,
            kind=self.timing_kind,
            start=self.start,
            due=self.due,
            condition=self.condition,
        )

    @property
    def ongoing(self) -> bool:
        return self.timing_kind == "ongoing"

    def short_text(self, width: int = 60) -> str:
        return self.text if len(self.text) <= width else self.text[: width - 1].rstrip() + "…"


@dataclass(kw_only=True)
class Indicator:
    """A numeric target of part I of the plan."""

    id: str
    part: str
    objective: str | None = None
    name: str
    printed: str
    unit: str = "%"
    direction: Literal["at_least", "at_most"] = "at_least"
    target: float | None = None
    targets: dict[Level, float] = field(default_factory=dict)

    def target_for(self, level: str) -> float | None:
        if self.targets:
            for key, value in self.targets.items():
                if key == level:
                    return value
            return None
        return self.target


@dataclass(kw_only=True)
class Period:
    """A reporting period: its report's deadline and the data cut-off window (footnote [1])."""

    code: Literal["Q1", "6T", "Q3", "NAM"]
    name: str
    due: date
    cutoff_printed: str
    cutoff_start: date | None = None
    cutoff_end: date | None = None
    note: str = ""


@dataclass(kw_only=True)
class Obligation:
    """What part III requires of every department and district."""

    id: str
    kind: Literal["plan", "report"]
    title: str
    printed: str
    applies_to: list[str]
    recipient: str
    due: date | None = None
    due_rule: Literal["before", "by"] = "by"
    periods: list[str] = field(default_factory=list)
    evidence_type: str = ""


@dataclass(kw_only=True)
class Plan:
    plan: PlanMeta
    area: list[Area]
    objective: list[Objective]
    task: list[Task]
    item: list[Item]
    indicator: list[Indicator] = field(default_factory=list)
    period: list[Period] = field(default_factory=list)
    obligation: list[Obligation] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._check_links()

    def _check_links(self) -> None:
        ids: set[str] = set()
        for coll in (self.area, self.objective, self.task):
            for x in coll:
                if x.id in ids:
                    raise ValueError(f"mã trùng trong kế hoạch: {x.id}")
                ids.add(x.id)
        item_ids = [i.id for i in self.item]
        if len(set(item_ids)) != len(item_ids):
            raise ValueError("mã hoạt động bị trùng trong kế hoạch")
        areas = {a.id for a in self.area}
        objectives = {o.id for o in self.objective}
        tasks = {t.id for t in self.task}
        for o in self.objective:
            if o.area not in areas:
                raise ValueError(f"{o.id}: lĩnh vực {o.area} không có")
        for t in self.task:
            if t.area not in areas or (t.objective and t.objective not in objectives):
                raise ValueError(f"{t.id}: cha không có")
        for i in self.item:
            if i.task not in tasks or i.area not in areas:
                raise ValueError(f"{i.id}: cha không có")

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def from_toml(cls, text: str) -> Plan:
        """A plan file from outside (``cchc plan import``, a file given by path): every field
        checked by pydantic; a bad file raises ValueError (pydantic's ValidationError)."""
        import tomllib  # here, not at start: the app reads the plan from a parsed copy

        from cchc_tui.core.schema import validate

        return validate(cls, tomllib.loads(text))

    @classmethod
    def from_trusted_toml(cls, text: str) -> Plan:
        """A plan already checked: the shipped file (checked by the test suite against
        ``from_toml``) or one stored by ``Store.import_plan`` (checked then). Built without
        pydantic, which keeps it off the app's start path (bench/bench_startup.py)."""
        import tomllib

        return cls.from_trusted_data(tomllib.loads(text))

    @classmethod
    def from_trusted_data(cls, data: dict[str, Any]) -> Plan:
        """A checked plan from its parsed TOML (dates as dates): ``from_trusted_toml`` without
        the parsing, for a caller that keeps parsed copies (cchc_tui/datacache.py)."""
        return cls(
            plan=build(PlanMeta, data["plan"]),
            area=[build(Area, x) for x in data.get("area", [])],
            objective=[build(Objective, x) for x in data.get("objective", [])],
            task=[build(Task, x) for x in data.get("task", [])],
            item=[build(Item, x) for x in data.get("item", [])],
            indicator=[build(Indicator, x) for x in data.get("indicator", [])],
            period=[build(Period, x) for x in data.get("period", [])],
            obligation=[build(Obligation, x) for x in data.get("obligation", [])],
        )

    @classmethod
    def load(cls, path: Path | None = None) -> Plan:
        if path is None:
            text = shipped_text(DEFAULT_PLAN_FILE)
            return cls.from_trusted_toml(text)
        return cls.from_toml(path.read_text(encoding="utf-8-sig"))  # a BOM from Notepad

    # -- look-ups --------------------------------------------------------------------------
    @property
    def id(self) -> str:
        return self.plan.id

    @cached_property
    def items_by_id(self) -> dict[str, Item]:
        return {i.id: i for i in self.item}

    @cached_property
    def nodes_by_id(self) -> dict[str, Area | Objective | Task | Item]:
        out: dict[str, Area | Objective | Task | Item] = {}
        for coll in (self.area, self.objective, self.task):
            for x in coll:
                out[x.id] = x
        for i in self.item:
            out.setdefault(i.id, i)
        return out

    def find_items(self, ref: str) -> list[Item]:
        """Items whose id or printed number is ``ref`` ("hd3.18a", "3.18", "2.3")."""
        key = fold(ref).removesuffix(".")
        by_id = [i for i in self.item if fold(i.id) == key]
        if by_id:
            return by_id
        return [i for i in self.item if i.number == key]

    def chain(self, item: Item) -> tuple[Area, Objective | None, Task]:
        nodes = self.nodes_by_id
        area = nodes[item.area]
        task = nodes[item.task]
        objective = nodes[item.objective] if item.objective else None
        assert isinstance(area, Area) and isinstance(task, Task)
        assert objective is None or isinstance(objective, Objective)
        return area, objective, task

    def period_by_code(self, code: str) -> Period:
        for p in self.period:
            if p.code == code:
                return p
        raise KeyError(code)
