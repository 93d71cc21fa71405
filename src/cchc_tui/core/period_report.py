"""The period report's content (báo cáo kết quả thực hiện công tác CCHC quý, 6 tháng, năm),
built from what was tracked: plain data, no Word. reports/report_docx.py lays it out.

Its outline is the usual one of a CCHC period report: I. Công tác chỉ đạo, điều hành (the
agency's own plan, inspections, propaganda); II. Kết quả thực hiện nhiệm vụ CCHC, a part per area
of the plan listing the agency's items, then part I's targets; III. Đánh giá chung; IV. Phương
hướng, nhiệm vụ kỳ tới (the items due next period); V. Đề xuất, kiến nghị; and an appendix of
every assigned item. The officer's own words (the opening, III, IV, V) come in ``Words``; where
none are given, a draft of facts only (what is late, done without documents, waiting).
Counts and percentages are those of `cchc assigned` (core/tracking.py), dates dd/mm/yyyy,
numbers with Vietnamese separators.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from cchc_tui.core import labels
from cchc_tui.core.agencies import Agency, Registry
from cchc_tui.core.dates import format_date
from cchc_tui.core.doc_rules import Doc as DocLike
from cchc_tui.core.doc_rules import DocRule, choose
from cchc_tui.core.i18n import t, using
from cchc_tui.core.milestones import first_missed
from cchc_tui.core.numbers import num
from cchc_tui.core.periods import period_end
from cchc_tui.core.plan import Plan
from cchc_tui.core.progress import status_label
from cchc_tui.core.scoring import pct1
from cchc_tui.core.text import fold
from cchc_tui.core.tracking import ItemStatus

PERIOD_WORDS = {"Q1": "quý I năm", "6T": "6 tháng đầu năm", "Q3": "quý III năm", "NAM": "năm"}
NEXT_PERIOD = {"Q1": "6T", "6T": "Q3", "Q3": "NAM", "NAM": "NAM"}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass(frozen=True)
class Words:
    """What the officer writes; an empty field takes the draft."""

    opening: str = ""
    strengths: str = ""  # III.1 ưu điểm
    weaknesses: str = ""  # III.2 tồn tại, hạn chế và nguyên nhân
    next_steps: str = ""  # IV, before the items due next period
    proposals: str = ""  # V


@dataclass(frozen=True)
class Heading:
    """Who issues the report and how it is numbered and signed (Nghị định 30/2020, Phụ lục I)."""

    superior: str  # "UBND THÀNH PHỐ CẦN THƠ" (above the issuer), or ""
    issuer: str  # "ỦY BAN NHÂN DÂN QUẬN BÌNH THUỶ"
    number: str  # "Số: 45/BC-UBND" (the number left as dots when not given)
    place_date: str  # "Bình Thuỷ, ngày 05 tháng 10 năm 2022"
    title: str  # "BÁO CÁO"
    summary: str  # "Kết quả thực hiện công tác cải cách hành chính quý III năm 2022"
    signer_for: str  # "TM. ỦY BAN NHÂN DÂN" or ""
    signer_title: str  # "CHỦ TỊCH", "GIÁM ĐỐC"
    signer: str
    recipients: tuple[str, ...]


@dataclass(frozen=True)
class Part:
    heading: str  # "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" or a sub-heading "1. Ưu điểm"
    paragraphs: tuple[str, ...] = ()
    level: int = 1  # 1: a numbered part, 2: within one


@dataclass(frozen=True)
class AppendixRow:
    number: str
    text: str
    role: str
    due: str
    status: str
    progress: str
    evidence: str


@dataclass(frozen=True)
class Report:
    heading: Heading
    opening: str
    parts: list[Part]
    appendix: list[AppendixRow] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # for the tests and the screen


def place_of(agency: Agency) -> str:
    """The place in "…, ngày …": the district's or commune's own name, else Cần Thơ."""
    for prefix in ("Quận ", "Huyện ", "Phường ", "Xã ", "Thị trấn "):
        if agency.name.startswith(prefix):
            return agency.name.removeprefix(prefix)
    return "Cần Thơ"


def heading_for(
    agency: Agency,
    registry: Registry,
    period: str,
    year: int,
    day: date,
    *,
    number: str = "",
    signer: str = "",
) -> Heading:
    """The heading, the number's symbol and the signature by the kind of agency: an UBND signs
    "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", a department its director."""
    council = agency.level in ("district", "commune")
    if council:
        issuer = "ỦY BAN NHÂN DÂN " + agency.name.upper()
        parent = registry.agencies.get(agency.parent) if agency.parent else None
        superior = ("ỦY BAN NHÂN DÂN " + parent.name.upper()) if parent else ""
        symbol, signer_for, signer_title = "BC-UBND", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"
    else:
        issuer = agency.name.upper()
        superior = "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"
        symbol, signer_for, signer_title = f"BC-{agency.code}", "", "GIÁM ĐỐC"
    recipients = ["Sở Nội vụ thành phố Cần Thơ"]
    if agency.level == "commune":
        recipients = ["Phòng Nội vụ " + (registry.agencies[agency.parent].name
                      if agency.parent in registry.agencies else "")]  # fmt: skip
    return Heading(
        superior=superior,
        issuer=issuer,
        number=f"Số: {number or '      '}/{symbol}",
        place_date=f"{place_of(agency)}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}",
        title="BÁO CÁO",
        summary=f"Kết quả thực hiện công tác cải cách hành chính {PERIOD_WORDS[period]} {year}",
        signer_for=signer_for,
        signer_title=signer_title,
        signer=signer,
        recipients=(*recipients, "Lưu: VT"),
    )


def _docs(item_id: str, documents: Sequence[DocLike], links: dict[int, list[str]]) -> str:
    mine = sorted(
        (d for d in documents if item_id in links.get(d.id, [])), key=lambda d: d.doc_date
    )
    return "; ".join(f"{d.number} ngày {format_date(d.doc_date)}" for d in mine)


@using("vi")  # an official document: Vietnamese whatever the interface's language
def build_report(
    plan: Plan,
    agency: Agency,
    registry: Registry,
    rows: list[ItemStatus],
    documents: Sequence[DocLike],
    links: dict[int, list[str]],
    *,
    period: str,
    day: date,
    indicators: dict[str, Decimal] | None = None,
    words: Words | None = None,
    number: str = "",
    signer: str = "",
) -> Report:
    """The report of ``period`` as of ``day``."""
    indicators, words = indicators or {}, words or Words()
    year = plan.plan.year
    heading = heading_for(agency, registry, period, year, day, number=number, signer=signer)
    lead = [r for r in rows if r.role == "lead"]
    done = [r for r in rows if r.done]
    overdue = [r for r in rows if r.overdue]
    bare = [r for r in rows if r.done and r.evidence_count == 0]
    waiting = [r for r in rows if r.waiting]
    share = pct1(Decimal(len(done)) * 100 / len(rows)) if rows else Decimal(0)
    counts = {
        "items": len(rows),
        "lead": len(lead),
        "done": len(done),
        "overdue": len(overdue),
        "done_without_evidence": len(bare),
        "waiting": len(waiting),
    }
    opening = words.opening or (
        f"Thực hiện Kế hoạch số {plan.plan.number} ngày {format_date(plan.plan.issued)} của "
        f"{plan.plan.issuer} về {plan.plan.title[0].lower() + plan.plan.title[1:]}, "
        f"{agency.name} báo cáo kết quả thực hiện công tác cải cách hành chính "
        f"{PERIOD_WORDS[period]} {year} như sau:"
    )
    parts: list[Part] = [Part("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", _direction(plan, documents))]
    parts.append(Part("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"))
    for i, area in enumerate(a for a in plan.area if any(r.item.area == a.id for r in rows)):
        mine = [r for r in rows if r.item.area == area.id]
        lines = tuple(_item_line(r, documents, links) for r in mine)
        parts.append(Part(f"{i + 1}. {area.title}", lines, level=2))
    targets = _targets(plan, agency, indicators)
    if targets:
        parts.append(Part(f"{len(parts) - 1}. Kết quả thực hiện các chỉ tiêu", targets, level=2))
    parts.append(Part("III. ĐÁNH GIÁ CHUNG"))
    summary = (
        f"Trong tổng số {len(rows)} nhiệm vụ được giao ({len(lead)} chủ trì, "
        f"{len(rows) - len(lead)} phối hợp), đã hoàn thành {len(done)} nhiệm vụ "
        f"(đạt {num(share)}%)."
    )
    parts.append(Part("1. Ưu điểm", (words.strengths or summary,), level=2))
    weak = [words.weaknesses] if words.weaknesses else _weak_draft(overdue, bare, waiting)
    parts.append(Part("2. Tồn tại, hạn chế và nguyên nhân", tuple(weak), level=2))
    ahead = _next_items(plan, rows, period)
    parts.append(
        Part(
            "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
            tuple(p for p in (words.next_steps, *ahead) if p)
            or ("Tiếp tục thực hiện các nhiệm vụ còn lại của kế hoạch.",),
        )
    )
    parts.append(Part("V. ĐỀ XUẤT, KIẾN NGHỊ", (words.proposals or "Không.",)))
    appendix = [
        AppendixRow(
            number=r.item.number,
            text=r.item.text,
            role=t(labels.ROLE[r.role]),
            due=_due(r),
            status=status_label(r.status),
            progress=f"{r.progress_pct}%",
            evidence=_docs(r.item.id, documents, links),
        )
        for r in rows
    ]
    return Report(heading, opening, parts, appendix, counts)


def _due(r: ItemStatus) -> str:
    if r.item.ongoing:
        return "Thường xuyên"
    return ", ".join(format_date(d) for d in r.item.due)


def _item_line(r: ItemStatus, documents: Sequence[DocLike], links: dict[int, list[str]]) -> str:
    role = "chủ trì" if r.role == "lead" else "phối hợp"
    text = r.item.text.rstrip(" .")
    state = status_label(r.status)
    if r.done and r.completed_on:
        state += f" ngày {format_date(r.completed_on)}"
    line = f"- {r.item.number}. {text} ({role}): {state}"
    if r.status and not r.done:
        line += f", đạt {r.progress_pct}%"
    if r.overdue:
        missed = first_missed(r.milestones)
        line += f"; quá hạn (mốc {format_date(missed)})" if missed else "; quá hạn"
    if r.waiting:
        line += f"; chờ điều kiện ({r.item.condition})"
    line += "."
    if r.note.strip():
        line += f" {r.note.strip().rstrip('.')}."
    if r.reason.strip():
        line += f" Lý do: {r.reason.strip().rstrip('.')}."
    cited = _docs(r.item.id, documents, links)
    if cited:
        line += f" Văn bản: {cited}."
    return line


def _direction(plan: Plan, documents: Sequence[DocLike]) -> tuple[str, ...]:
    """The agency's own CCHC plan (the document rule of 1.1.1), inspections, propaganda."""
    out: list[str] = []
    obligation = next((o for o in plan.obligation if o.kind == "plan" and o.due), None)
    if obligation is not None:
        rule = DocRule.from_params(
            {"obligation": obligation.id, "doc_type": "KH", "year": "plan",
             "subject": ["cải cách hành chính", "CCHC"],
             "filler": ["công tác", "thực hiện", "triển khai"]},
            plan,
        )  # fmt: skip
        taken = choose(rule, documents).taken
        if taken is not None:
            out.append(
                f"Ban hành Kế hoạch số {taken.number} ngày {format_date(taken.doc_date)} về "
                f"{taken.title[0].lower() + taken.title[1:]}."
            )
        else:
            out.append("Chưa ban hành kế hoạch cải cách hành chính năm của cơ quan.")
    for word, what in (("kiem tra", "kiểm tra"), ("tuyen truyen", "tuyên truyền")):
        found = [d for d in documents if word in fold(d.title)]
        if found:
            cited = "; ".join(f"{d.number} ngày {format_date(d.doc_date)}" for d in found)
            out.append(f"Văn bản về công tác {what}: {cited}.")
        else:
            out.append(f"Chưa có văn bản về công tác {what} trong kỳ.")
    return tuple(out)


def _targets(plan: Plan, agency: Agency, values: dict[str, Decimal]) -> tuple[str, ...]:
    out = []
    for ind in plan.indicator:
        if ind.id not in values:
            continue
        target = ind.target_for(agency.level)
        goal = f"chỉ tiêu {num(Decimal(str(target)))}{ind.unit}" if target is not None else ""
        out.append(f"- {ind.name}: đạt {num(values[ind.id])}{ind.unit} ({goal}).")
    return tuple(out)


def _weak_draft(
    overdue: list[ItemStatus], bare: list[ItemStatus], waiting: list[ItemStatus]
) -> list[str]:
    out = []
    if overdue:
        out.append(
            f"Còn {len(overdue)} nhiệm vụ chậm so với thời hạn của kế hoạch: "
            + ", ".join(r.item.number for r in overdue)
            + "."
        )
    if bare:
        out.append(
            f"{len(bare)} nhiệm vụ đã hoàn thành nhưng chưa có tài liệu kiểm chứng: "
            + ", ".join(r.item.number for r in bare)
            + "."
        )
    if waiting:
        out.append(
            f"{len(waiting)} nhiệm vụ chờ điều kiện thực hiện: "
            + ", ".join(f"{r.item.number} ({r.item.condition})" for r in waiting)
            + "."
        )
    return out or ["Không có nhiệm vụ chậm tiến độ."]


def _next_items(plan: Plan, rows: list[ItemStatus], period: str) -> list[str]:
    """Items not done that fall due within the next period, each proposed."""
    year = plan.plan.year
    start, end = period_end(year, period), period_end(year, NEXT_PERIOD[period])
    due = [
        r for r in rows
        if not r.done and r.next_due is not None and (start < r.next_due <= end or r.overdue)
    ]  # fmt: skip
    return [
        f"- Thực hiện nhiệm vụ {r.item.number}. {r.item.text} (hạn {format_date(r.next_due)})."
        for r in due
        if r.next_due is not None
    ]
