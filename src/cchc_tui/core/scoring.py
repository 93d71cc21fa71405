"""Scoring a criteria set: a suggested score per sub-criterion from what was tracked, with a
one-line explanation; self scores; totals, percentage (rescaled without survey points), grade.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from cchc_tui.core import labels
from cchc_tui.core.criteria import Band, CriteriaSet, Sub
from cchc_tui.core.dates import format_date
from cchc_tui.core.doc_rules import Doc as DocLike  # what a document rule reads
from cchc_tui.core.doc_rules import DocRule, choose
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.numbers import POINTS_MAX, check_number, num
from cchc_tui.core.plan import Plan
from cchc_tui.core.tracking import ItemStatus

LEVEL_OF_SET = {"so": "city", "huyen": "district", "xa": "commune"}
ZERO = Decimal(0)


@dataclass(frozen=True)
class Inputs:
    """What was tracked, as the scoring rules read it."""

    plan: Plan
    rows: list[ItemStatus]
    documents: list[DocLike]
    reports: Mapping[str, date] = field(default_factory=dict)  # period code → date sent
    indicators: Mapping[str, Decimal] = field(default_factory=dict)  # indicator id → value
    # sub-criterion code → the documents the officer linked to it (core/doc_rules: the one meant)
    marked: Mapping[str, Collection[int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Suggestion:
    points: Decimal | None  # None: nothing to suggest (scored by hand, or by the survey)
    explanation: str


@dataclass(frozen=True)
class SelfScore:
    points: Decimal | None = None  # None: take the suggestion
    reason: str = ""  # why it differs from the suggestion
    note: str = ""  # the explanation (giải trình) when there is no document
    evidence: int = 0  # linked documents


@dataclass(frozen=True)
class SubResult:
    sub: Sub
    suggestion: Suggestion
    self_points: Decimal | None
    overridden: bool
    evidence: int
    note: str
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Total:
    code: str
    title: str
    max: Decimal
    points: Decimal


@dataclass(frozen=True)
class Result:
    subs: list[SubResult]
    criteria: list[Total]
    areas: list[Total]
    base: Decimal  # self points within the maximum
    bonus: Decimal
    penalty: Decimal
    total: Decimal
    max_self: Decimal  # the maximum without survey points
    survey_max: Decimal
    percent: Decimal
    grade: str

    @property
    def blocking(self) -> list[SubResult]:
        return [r for r in self.subs if r.warnings]


def pct1(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def band_for(bands: Iterable[Band], x: Decimal) -> Band | None:
    for b in bands:
        if b.contains(x):
            return b
    return None


def suggest(sub: Sub, inputs: Inputs, level: str) -> Suggestion:
    rule, source = sub.rule, sub.source
    if rule.kind == "survey":
        return Suggestion(None, t("score.survey"))
    # parse_criteria gives a source only to the rule kinds that can read one (percent bands,
    # on time, yes/no): manual points, bonus and penalty never have one.
    if source is None:
        return Suggestion(None, t("score.manual"))
    p = source.params
    if source.kind == "activities_completion":
        return _completion(sub, inputs)
    if source.kind == "indicator":
        ind_id = str(p["indicator"])
        indicator = next((i for i in inputs.plan.indicator if i.id == ind_id), None)
        if indicator is None:
            return Suggestion(None, t("score.no_indicator", id=ind_id))
        value = inputs.indicators.get(ind_id)
        if value is None:
            return Suggestion(None, t("score.indicator_missing", name=indicator.name))
        target = indicator.target_for(level)
        if p.get("measure") == "value" or not target:
            measure = value
        elif indicator.direction == "at_most":
            measure = min(Decimal(100), Decimal(str(target)) * 100 / value) if value else ZERO
        else:
            measure = min(Decimal(100), value * 100 / Decimal(str(target)))
        return _banded(
            sub,
            measure,
            t(
                "score.indicator",
                name=indicator.name,
                value=num(value),
                target=num(Decimal(str(target or 0))),
                pct=num(pct1(measure)),
            ),
        )
    if source.kind == "evidence_before":
        return _document(sub, inputs)
    # reports_on_time
    codes = p.get("periods") or [pd.code for pd in inputs.plan.period]
    periods = [pd for pd in inputs.plan.period if pd.code in codes]
    on_time = [
        pd for pd in periods if pd.code in inputs.reports and inputs.reports[pd.code] <= pd.due
    ]
    sent = [pd for pd in periods if pd.code in inputs.reports]
    state = "on_time" if len(on_time) == len(periods) else ("late" if sent else "missing")
    return _timely(
        sub, state, t("score.reports", on_time=len(on_time), sent=len(sent), total=len(periods))
    )


def _completion(sub: Sub, inputs: Inputs) -> Suggestion:
    """The share of items done at the cut-off the criteria set chooses (``at``; else the year
    report's cut-off). Left out, and said: items not done whose own last due date falls after
    the cut-off (chưa đến hạn), items waiting on a condition or whose condition did not arise,
    and — when the set says ``cannot = "exclude"`` — items recorded as "không thực hiện được"
    with a reason (by default they count as not done, and the explanation says so). Ongoing
    items ("thường xuyên") count as done when carried out (in progress or done)."""
    assert sub.source is not None
    p = sub.source.params
    role = p.get("role", "lead")
    at: date = p.get("at") or _year_end(inputs.plan)
    rows = [r for r in inputs.rows if role == "all" or r.role == "lead"]
    if not rows:
        return Suggestion(None, t("score.no_items", role=t(labels.SCORE_ROLE[role])))
    left: dict[str, int] = {"not_due": 0, "waiting": 0, "cannot": 0}
    ongoing = cannot_counted = done = counted = 0
    for r in rows:
        item = getattr(r, "item", None)
        finished = r.done and (r.completed_on is None or r.completed_on <= at)
        if item is not None and item.condition and getattr(r, "condition", None) != "xay_ra":
            left["waiting"] += 1
            continue
        if r.status == "khong_thuc_hien_duoc" and getattr(r, "reason", "").strip():
            if p.get("cannot") == "exclude":
                left["cannot"] += 1
                continue
            cannot_counted += 1
        elif item is not None and item.ongoing:
            if r.status in ("dang_thuc_hien", "hoan_thanh"):
                ongoing += 1
                finished = True
        elif not finished and item is not None and item.due and item.due[-1] > at:
            left["not_due"] += 1
            continue
        counted += 1
        done += finished
    what = t(
        "score.completion",
        done=done,
        total=counted,
        role=t(labels.SCORE_ROLE[role]),
        at=format_date(at),
        pct=num(pct1(Decimal(done) * 100 / Decimal(counted))) if counted else "—",
    )
    tail = ""
    gone = ", ".join(t(labels.COMPLETION_LEFT[k], n=n) for k, n in left.items() if n)
    if gone:
        tail += t("score.completion.left_out", items=gone)
    if ongoing:
        tail += t("score.completion.ongoing", n=ongoing)
    if cannot_counted:
        tail += t("score.completion.cannot", n=cannot_counted)
    if not counted:
        return Suggestion(None, what + tail)
    return _banded(sub, Decimal(done) * 100 / Decimal(counted), what, tail)


def _document(sub: Sub, inputs: Inputs) -> Suggestion:
    """The document the rule means (core/doc_rules.py): which was taken, how, its date against
    the deadline ("trước ngày": strictly before), and why each other one of its type was not."""
    assert sub.source is not None
    p = sub.source.params
    try:
        rule = DocRule.from_params(p, inputs.plan)
    except KeyError:
        return Suggestion(None, t("score.no_obligation", id=p.get("obligation", "")))
    choice = choose(rule, inputs.documents, inputs.marked.get(sub.code, ()))
    deadline = t(labels.DUE_RULE[rule.due_rule], day=format_date(rule.deadline))
    others = ", ".join(
        t(labels.DOC_REFUSED[reason if detail or reason != "year" else "no_year"],
          number=d.number, title=_short(detail), year=detail or rule.year or "")
        for d, reason, detail in choice.refused
    )  # fmt: skip
    tail = t("score.doc_others", others=others) if others else ""
    if choice.taken is None:
        what = t("score.doc_missing", type=rule.doc_type, deadline=deadline)
        return _timely(sub, "missing", what, tail)
    doc = choice.taken
    state = "on_time" if rule.in_time(doc.doc_date) else "late"
    what = t(
        "score.doc_taken",
        number=doc.number,
        date=format_date(doc.doc_date),
        how=t("score.doc_marked" if choice.marked else "score.doc_fits"),
        deadline=deadline,
    )
    return _timely(sub, state, what, tail)


def _short(title: str, width: int = 40) -> str:
    return title if len(title) <= width else title[: width - 1].rstrip() + "…"


def _banded(sub: Sub, x: Decimal, what: str, tail: str = "") -> Suggestion:
    band = band_for(sub.rule.bands, x)
    if band is None:
        return Suggestion(None, what + " → " + t("score.no_band") + tail)
    return Suggestion(
        band.points, f"{what} → {band.label()} → {num(band.points)} " + t("score.points") + tail
    )


def _timely(sub: Sub, state: str, what: str, tail: str = "") -> Suggestion:
    if sub.rule.kind == "yes_no":
        pts = sub.rule.points["yes" if state == "on_time" else "no"]
    else:
        pts = sub.rule.points[state]
    return Suggestion(
        pts, f"{what} → {t(labels.SCORE_STATE[state])} → {num(pts)} {t('score.points')}{tail}"
    )


def _year_end(plan: Plan) -> date:
    year_report = next((p for p in plan.period if p.code == "NAM"), None)
    if year_report and year_report.cutoff_end:
        return year_report.cutoff_end
    return date(plan.plan.year, 12, 31)


def score(cset: CriteriaSet, inputs: Inputs, selves: Mapping[str, SelfScore]) -> Result:
    """Suggestions, self scores and totals. Scores do not depend on the order of the data."""
    level = LEVEL_OF_SET[cset.level]
    results: list[SubResult] = []
    for sub in cset.subs:
        sug = suggest(sub, inputs, level)
        own = selves.get(sub.code, SelfScore())
        points = own.points if own.points is not None else sug.points
        if sub.is_survey:
            points = None
        warnings: list[str] = []
        if points is not None and points > 0 and own.evidence == 0 and not own.note.strip():
            warnings.append(t("score.warn.no_evidence"))
        if (
            own.points is not None
            and sug.points is not None
            and own.points != sug.points
            and not own.reason.strip()
        ):
            warnings.append(t("score.warn.no_reason"))
        results.append(
            SubResult(
                sub, sug, points, own.points is not None, own.evidence, own.note, tuple(warnings)
            )
        )
    tot = totals(cset, {r.sub.code: r.self_points for r in results})
    return Result(
        results,
        tot.criteria,
        tot.areas,
        tot.base,
        tot.bonus,
        tot.penalty,
        tot.total,
        tot.max,
        sum((s.max for s in cset.subs if s.is_survey), ZERO),
        tot.percent,
        tot.grade,
    )


@dataclass(frozen=True)
class Totals:
    criteria: list[Total]
    areas: list[Total]
    base: Decimal  # points within the maximum
    bonus: Decimal
    penalty: Decimal
    total: Decimal
    max: Decimal  # what the percentage is of
    percent: Decimal
    grade: str


def totals(
    cset: CriteriaSet, points: Mapping[str, Decimal | None], *, survey: bool = False
) -> Totals:
    """Criterion and area totals (each capped at its maximum), bonus and penalty (capped), the
    total, its percentage and grade. Without `survey` the survey sub-criteria are left out and
    the percentage is of the maximum without them (the self-assessment); with it they count
    and the percentage is of the whole maximum (the appraisal once Sở Nội vụ entered them)."""

    def counts(s: Sub) -> bool:
        return not s.is_extra and (survey or not s.is_survey)

    def clamped(s: Sub, limit: Decimal) -> Decimal:
        """Points as given, between 0 and the limit: totals come from an agency's own file."""
        return max(ZERO, min(points.get(s.code) or ZERO, limit))

    crit_totals = []
    for c in cset.criteria:
        pts = sum((clamped(s, s.max) for s in cset.subs_of(c.code) if counts(s)), ZERO)
        crit_totals.append(Total(c.code, c.title, c.max, min(pts, c.max)))
    area_totals = []
    for a in cset.areas:
        mine = {c.code for c in cset.criteria_of(a.code)}
        pts = sum((ct.points for ct in crit_totals if ct.code in mine), ZERO)
        area_totals.append(Total(a.code, a.title, a.max, min(pts, a.max)))
    survey_max = sum((s.max for s in cset.subs if s.is_survey), ZERO)
    max_all = sum((a.max for a in cset.areas), ZERO)
    limit = max_all if survey else max_all - survey_max
    base = sum((a.points for a in area_totals), ZERO)

    def extra(kind: str) -> Decimal:
        return sum(
            (clamped(s, s.rule.cap) for s in cset.subs if s.rule.kind == kind),
            ZERO,
        )

    bonus, penalty = extra("bonus"), extra("penalty")
    total = max(ZERO, min(limit, base + bonus) - penalty)
    percent = pct1(total * 100 / limit) if limit else ZERO
    return Totals(
        crit_totals,
        area_totals,
        base,
        bonus,
        penalty,
        total,
        limit,
        percent,
        cset.grade_for(percent),
    )


def check_points(sub: Sub, points: Decimal) -> None:
    """Refuse points the sub-criterion's rule cannot give, with the allowed values or range.
    Survey points (entered by Sở Nội vụ) may be any hundredth in [0, max]."""
    points = check_number(points, field="points", high=POINTS_MAX)  # finite, 0–100, hundredths
    allowed = allowed_points(sub)
    if allowed is not None and points not in allowed:
        raise UserError(
            "score.not_allowed",
            points=num(points),
            code=sub.code,
            allowed=", ".join(num(p) for p in sorted(allowed)),
        )
    limit = sub.rule.cap if sub.is_extra else sub.max
    step = Decimal("0.01") if allowed is not None or sub.is_survey else sub.rule.step
    if not ZERO <= points <= limit or points % step != 0:
        raise UserError(
            "score.out_of_range", points=num(points), code=sub.code, max=num(limit), step=num(step)
        )


def allowed_points(sub: Sub) -> set[Decimal] | None:
    """The only scores a rule can give (None: any multiple of the step in [0, max])."""
    rule = sub.rule
    if rule.kind in ("yes_no", "on_time"):
        return set(rule.points.values())
    if rule.kind in ("percent_bands", "count_bands"):
        return {b.points for b in rule.bands}
    return None
