"""The registry of Cần Thơ's units in 2022, the plan's group phrases, and unit search."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from cchc_tui.core.schema import build
from cchc_tui.core.shipped import shipped_text
from cchc_tui.core.text import clean, fold, similarity

Level = Literal["city", "district", "commune"]
LEVEL_ORDER = {"city": 0, "district": 1, "commune": 2}


@dataclass(kw_only=True)
class Agency:
    code: str
    name: str
    level: Level
    kind: str
    parent: str = ""
    gso_code: str = ""
    aliases: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:  # names as typed in any file: NFC, spaces tidied
        self.name = clean(self.name)
        self.aliases = [clean(v) for v in self.aliases]


@dataclass(kw_only=True)
class Group:
    code: str
    name: str
    members_kind: list[str] = field(default_factory=list)
    members_level: list[Level] = field(default_factory=list)
    includes: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    note: str = ""
    source: str = ""  # the decision that makes the group (a delegation), when there is one


@dataclass(kw_only=True)
class RegistryFile:
    meta: dict[str, object]
    agency: list[Agency]
    group: list[Group]


GROUP_PREFIX = "group:"


class UnresolvedPhrase(ValueError):
    """A lead/coordination cell has text that names no known unit or group."""

    def __init__(self, text: str, leftover: str) -> None:
        super().__init__(f"không nhận ra cơ quan trong «{text}»: «{leftover}»")
        self.text = text
        self.leftover = leftover


_TOKEN = re.compile(r"[a-z0-9&]+")
_SYNONYMS = [
    (("thanh", "pho"), ("tp",)),
    (("uy", "ban", "nhan", "dan"), ("ubnd",)),
]
_CONNECTORS = {"va"}


def tokens(text: str) -> tuple[str, ...]:
    """Fold and tokenise a phrase, mapping 'thành phố'→'tp' and 'Ủy ban nhân dân'→'ubnd'."""
    toks = _TOKEN.findall(fold(text))
    out: list[str] = []
    i = 0
    while i < len(toks):
        for long, short in _SYNONYMS:
            if tuple(toks[i : i + len(long)]) == long:
                out.extend(short)
                i += len(long)
                break
        else:
            out.append(toks[i])
            i += 1
    return tuple(out)


@dataclass(frozen=True)
class SearchHit:
    agency: Agency
    score: float


def shipped_registry_text() -> str:
    """The registry that comes with the app (data/agencies.toml)."""
    return shipped_text("agencies.toml")


@dataclass
class Registry:
    agencies: dict[str, Agency]
    groups: dict[str, Group]
    meta: dict[str, object] = field(default_factory=dict)

    # -- loading -------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | None = None) -> Registry:
        import tomllib  # here, not at start: the app reads the registry from a parsed copy

        if path is None:  # the shipped file, checked against the schema by the test suite
            return cls.from_trusted_data(tomllib.loads(shipped_registry_text()))
        from cchc_tui.core.schema import validate  # a file from outside: checked by pydantic

        text = path.read_text(encoding="utf-8-sig")  # a BOM from Notepad
        return cls._from_file(validate(RegistryFile, tomllib.loads(text)))

    @classmethod
    def from_trusted_data(cls, raw: dict[str, Any]) -> Registry:
        """The shipped registry from its parsed TOML, built without pydantic (checked against
        the schema by the test suite); for a caller that keeps parsed copies (datacache.py)."""
        return cls._from_file(
            RegistryFile(
                meta=raw["meta"],
                agency=[build(Agency, x) for x in raw["agency"]],
                group=[build(Group, x) for x in raw["group"]],
            )
        )

    @classmethod
    def _from_file(cls, data: RegistryFile) -> Registry:
        agencies = {a.code: a for a in data.agency}
        if len(agencies) != len(data.agency):
            raise ValueError("mã cơ quan bị trùng trong danh mục")
        groups = {g.code: g for g in data.group}
        return cls(agencies=agencies, groups=groups, meta=data.meta)

    # -- groups ----------------------------------------------------------------------------
    def expand(self, ref: str) -> frozenset[str]:
        """The agency codes a reference ("SNV" or "group:ubnd-cap-huyen") stands for."""
        if not ref.startswith(GROUP_PREFIX):
            if ref not in self.agencies:
                raise KeyError(ref)
            return frozenset({ref})
        return self._group_members(ref.removeprefix(GROUP_PREFIX))

    def _group_members(self, code: str, seen: frozenset[str] = frozenset()) -> frozenset[str]:
        if code in seen:
            raise ValueError(f"nhóm {code} tự chứa chính nó")
        group = self.groups[code]
        members = set(group.members)
        for a in self.agencies.values():
            if a.kind in group.members_kind or a.level in group.members_level:
                members.add(a.code)
        for inc in group.includes:
            members |= self._group_members(inc, seen | {code})
        return frozenset(members)

    def groups_of(self, agency_code: str) -> frozenset[str]:
        """Every group reference that contains ``agency_code``."""
        return self._membership.get(agency_code, frozenset())

    @cached_property
    def _membership(self) -> dict[str, frozenset[str]]:
        result: dict[str, set[str]] = {}
        for code in self.groups:
            for member in self._group_members(code):
                result.setdefault(member, set()).add(GROUP_PREFIX + code)
        return {k: frozenset(v) for k, v in result.items()}

    def label(self, ref: str) -> str:
        if ref.startswith(GROUP_PREFIX):
            return self.groups[ref.removeprefix(GROUP_PREFIX)].name
        return self.agencies[ref].name

    # -- resolving the plan's phrases --------------------------------------------------------
    @cached_property
    def _aliases(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        table: dict[tuple[str, ...], list[str]] = {}

        def add(alias: str, ref: str) -> None:
            key = tokens(alias)
            refs = table.setdefault(key, [])
            if ref not in refs:
                refs.append(ref)

        for a in self.agencies.values():
            for alias in [a.name, *a.aliases]:
                add(alias, a.code)
        for g in self.groups.values():
            for alias in [g.name, *g.aliases]:
                # "UBND cấp huyện, cấp xã" names two groups through one alias of the union
                add(alias, GROUP_PREFIX + g.code)
        return {k: tuple(v) for k, v in table.items()}

    def resolve_phrase(self, text: str) -> list[str]:
        """Resolve a printed lead/coordination cell into agency and group references.

        Matches the longest known name at each position, ignoring punctuation, list dashes,
        accents and the connector "và"; raises UnresolvedPhrase on anything left over.
        """
        toks = tokens(text)
        aliases = self._aliases
        max_len = max(len(k) for k in aliases)
        refs: list[str] = []
        i = 0
        while i < len(toks):
            for n in range(min(max_len, len(toks) - i), 0, -1):
                hit = aliases.get(toks[i : i + n])
                if hit:
                    for ref in hit:
                        if ref not in refs:
                            refs.append(ref)
                    i += n
                    break
            else:
                if toks[i] in _CONNECTORS:
                    i += 1
                    continue
                raise UnresolvedPhrase(text, " ".join(toks[i:]))
        if not refs and clean(text):
            raise UnresolvedPhrase(text, clean(text))
        return refs

    # -- search ------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Accent-insensitive, spelling-tolerant search by code, name or alias."""
        q = fold(query)
        if not q:
            return []
        hits: list[SearchHit] = []
        for a in self.agencies.values():
            score = self._score(q, a)
            if score >= 0.75:
                hits.append(SearchHit(a, score))
        hits.sort(key=lambda h: (-h.score, LEVEL_ORDER[h.agency.level], h.agency.name))
        return hits[:limit]

    @staticmethod
    def _bare_name(a: Agency) -> str:
        name = fold(a.name)
        for prefix in ("quan ", "huyen ", "phuong ", "xa ", "thi tran "):
            if name.startswith(prefix) and a.level != "city":
                return name.removeprefix(prefix)
        return name

    def _score(self, q: str, a: Agency) -> float:
        if q == fold(a.code):
            return 3.0
        names = [fold(a.name), self._bare_name(a), *(fold(x) for x in a.aliases)]
        if q in names:
            return 2.0
        if any(n.startswith(q) for n in names):
            return 1.5
        if any(q in n for n in names):
            return 1.2
        # spelling tolerance: compare with each name and with each same-length window of words
        best = 0.0
        qn = len(q.split())
        for n in names:
            best = max(best, similarity(q, n))
            words = n.split()
            for i in range(0, max(1, len(words) - qn + 1)):
                best = max(best, similarity(q, " ".join(words[i : i + qn])))
        return best

    def find(self, query: str) -> Agency | None:
        """The one unit ``query`` names without doubt (its code, or its exact name)."""
        q = fold(query)
        for a in self.agencies.values():
            if q == fold(a.code):
                return a
        exact = [h for h in self.search(query, limit=50) if h.score >= 2.0]
        if len(exact) == 1:
            return exact[0].agency
        return None

    def children(self, code: str) -> list[Agency]:
        return [a for a in self.agencies.values() if a.parent == code]

    def by_level(self, levels: Iterable[str]) -> list[Agency]:
        wanted = set(levels)
        return [a for a in self.agencies.values() if a.level in wanted]
