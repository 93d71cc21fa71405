"""``data/submission.json``, schema 1: the one model of what an officer's bundle says.

The exporter builds the document through it (so what is written and what is read cannot
drift), the verifier refuses a bundle whose submission does not fit it, and the review desk
reads every stored submission through it. Strict: no field more or less, no type coercion,
bounded strings and lists, no control characters (free text may hold line breaks and tabs),
decimals as exact strings within sane bounds, dates as ISO dates. ``docs/submission.schema.json``
is generated from it (``python tools/write_submission_schema.py``).

Pure: pydantic and the catalogue only (no Textual, no store)."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from cchc_tui.core.i18n import t
from cchc_tui.core.text import CONTROL_CHARS, OTHER_CONTROLS

SCHEMA_VERSION = 1
PERIODS = ("Q1", "6T", "Q3", "NAM")
MAX_EVIDENCE = 20_000  # the verifier's entry limit: no more documents than files
MAX_FILE_SIZE = 4 * 1024**3

# -- identifiers --------------------------------------------------------------------------------
# Letters and digits in runs joined by one separator: no "/", no "..", no leading or trailing
# dot, nothing a file system or a spreadsheet would read as something else.
AGENCY_CODE = r"^[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)*$"  # also a folder name on the reviewer's disk
DOTTED_ID = r"^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$"  # plan, item, criteria set, indicator, code
HEX64 = r"^[0-9a-f]{64}$"
EVIDENCE_PATH = r"^data/evidence/[0-9a-f]{64}\.[a-z0-9]{1,10}$"
EVIDENCE_EXT = r"^[a-z0-9]{1,10}$"
# a grade starts with a letter or digit (never "=", "+", "-", "@": a spreadsheet formula)
GRADE = r"^(?:[\p{L}\p{N}][\p{L}\p{N} ()+-]{0,39})?$"
# the decimal text Python's Decimal writes, without NaN, infinities, spaces or underscores
DECIMAL = r"^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,4})?$"
MAX_PLACES = 4

# the names Windows reserves in every folder, whatever the extension
WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{dev}{n}" for dev in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)

_AGENCY_RE = re.compile(AGENCY_CODE)
_DOTTED_RE = re.compile(DOTTED_ID)
_LINE_BAD = re.compile(f"[{CONTROL_CHARS}]")
# the same, but for the tab (\x09) and the line feed (\x0a)
_TEXT_BAD = re.compile("[\x00-\x08\x0b-\x1f" + OTHER_CONTROLS + "]")
_DECIMAL_RE = re.compile(DECIMAL)


def safe_agency_code(code: str) -> bool:
    """An agency code that may become a folder name: the pattern, at most 32 characters, not a
    name Windows reserves."""
    return (
        len(code) <= 32
        and bool(_AGENCY_RE.match(code))
        and code.split(".")[0].upper() not in WINDOWS_RESERVED
    )


def safe_plan_id(plan: str) -> bool:
    return len(plan) <= 64 and bool(_DOTTED_RE.match(plan))


def no_controls(value: str) -> str:
    if _LINE_BAD.search(value):
        raise ValueError(t("submission.control_chars"))
    return value


def no_controls_text(value: str) -> str:
    if _TEXT_BAD.search(value):
        raise ValueError(t("submission.control_chars"))
    return value


def _agency_code(value: str) -> str:
    if not safe_agency_code(value):
        raise ValueError(t("submission.reserved_name"))
    return value


def _decimal_in(low: int, high: int) -> Any:
    def check(value: str) -> str:
        if not _DECIMAL_RE.match(value):
            raise ValueError(t("submission.not_decimal"))
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise ValueError(t("submission.not_decimal")) from None
        if not number.is_finite():
            raise ValueError(t("submission.not_decimal"))
        if not low <= number <= high:
            raise ValueError(t("submission.decimal_range", low=low, high=high))
        exponent = number.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < -MAX_PLACES:
            raise ValueError(t("submission.decimal_places", places=MAX_PLACES))
        return value

    return check


def _iso_datetime(value: str) -> str:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(t("submission.not_datetime")) from None
    if parsed.tzinfo is None:
        raise ValueError(t("submission.not_datetime"))
    return value


def _decimal_check(low: int, high: int) -> Any:
    return AfterValidator(_decimal_in(low, high))


def _decimal_doc(low: int, high: int, what: str) -> Any:
    return Field(
        description=f"{what}: a decimal written as text, {low} to {high}, "
        f"at most {MAX_PLACES} decimal places",
        json_schema_extra={"pattern": DECIMAL},
    )


_NoControls = AfterValidator(no_controls)  # one line of text: no control character at all
_NoControlsText = AfterValidator(no_controls_text)  # free text: line breaks and tabs allowed
_LINE_DOC = Field(description="one line of text: no control character (C0, DEL, C1, bidi)")
_TEXT_DOC = Field(description="free text: line breaks and tabs, no other control character")
Line32 = Annotated[str, StringConstraints(max_length=32), _NoControls, _LINE_DOC]
Line200 = Annotated[str, StringConstraints(max_length=200), _NoControls, _LINE_DOC]
Line255 = Annotated[str, StringConstraints(max_length=255), _NoControls, _LINE_DOC]
Line300 = Annotated[str, StringConstraints(max_length=300), _NoControls, _LINE_DOC]
Line500 = Annotated[str, StringConstraints(max_length=500), _NoControls, _LINE_DOC]
Line2000 = Annotated[str, StringConstraints(max_length=2000), _NoControls, _LINE_DOC]
Text2000 = Annotated[str, StringConstraints(max_length=2000), _NoControlsText, _TEXT_DOC]
Text4000 = Annotated[str, StringConstraints(max_length=4000), _NoControlsText, _TEXT_DOC]
_DecimalText = StringConstraints(max_length=40)
Points = Annotated[str, _DecimalText, _decimal_check(0, 1000), _decimal_doc(0, 1000, "Points")]
Percent = Annotated[str, _DecimalText, _decimal_check(0, 100), _decimal_doc(0, 100, "Percent")]
IndicatorValue = Annotated[
    str,
    _DecimalText,
    _decimal_check(0, 1_000_000),
    _decimal_doc(0, 1_000_000, "An indicator's value"),
]


AgencyCode = Annotated[
    str, StringConstraints(max_length=32, pattern=AGENCY_CODE), AfterValidator(_agency_code)
]
PlanId = Annotated[str, StringConstraints(max_length=64, pattern=DOTTED_ID)]
ItemId = Annotated[str, StringConstraints(max_length=64, pattern=DOTTED_ID)]
SubCode = Annotated[str, StringConstraints(max_length=32, pattern=DOTTED_ID)]
Period = Literal["Q1", "6T", "Q3", "NAM"]
Hex64 = Annotated[str, StringConstraints(pattern=HEX64)]
EvidencePath = Annotated[str, StringConstraints(max_length=100, pattern=EVIDENCE_PATH)]
EvidenceId = Annotated[int, Field(ge=1, le=2**53)]
Grade = Annotated[str, StringConstraints(max_length=40, pattern=GRADE)]
IsoDateTime = Annotated[
    str,
    StringConstraints(max_length=40),
    AfterValidator(_iso_datetime),
    Field(json_schema_extra={"format": "date-time"}),
]


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        validate_by_alias=True,
        validate_by_name=True,
        serialize_by_alias=True,
    )


class Agency(_Strict):
    code: AgencyCode
    name: Line300


class Milestone(_Strict):
    """One due date of an item and its state on the day of the export (core/milestones.py)."""

    due: date
    state: Literal["met", "pending", "explained", "missed"]


class Item(_Strict):
    """One assigned item of the plan and what the agency reports on it; ``milestones`` and the
    condition fields are absent from bundles made before they existed."""

    id: ItemId
    number: Line32
    role: Literal["lead", "coordinate"]
    status: Literal["chua_thuc_hien", "dang_thuc_hien", "hoan_thanh", "khong_thuc_hien_duoc"] | None
    progress: Annotated[int, Field(ge=0, le=100)]
    note: Text4000
    reason: Text4000
    completed_on: date | None
    evidence_count: Annotated[int, Field(ge=0, le=MAX_EVIDENCE)]
    milestones: Annotated[list[Milestone], Field(max_length=8)] = []
    condition: Literal["xay_ra", "khong_xay_ra"] | None = None
    condition_doc: Line200 = ""


class Evidence(_Strict):
    """One document (tài liệu kiểm chứng); ``path`` is its file in the bag, named by its hash."""

    id: EvidenceId
    number: Line200
    family: Literal["administrative", "legal", "party", "unknown"]
    doc_type: Line32 = Field(alias="type")
    doc_date: date = Field(alias="date")
    issuer: Line500
    title: Line2000
    file_name: Line255
    sha256: Hex64 | None
    size: Annotated[int, Field(ge=0, le=MAX_FILE_SIZE)] | None
    path: EvidencePath | None
    items: Annotated[list[ItemId], Field(max_length=1000)]

    @model_validator(mode="after")
    def _file_named_by_its_hash(self) -> Evidence:
        if self.path is not None and (
            self.sha256 is None
            or self.size is None
            or not self.path.startswith(f"data/evidence/{self.sha256}.")
        ):
            raise ValueError(t("submission.path_not_hash"))
        return self


class SubScore(_Strict):
    """One sub-criterion of the self-assessment."""

    code: SubCode
    suggested: Points | None
    explanation: Text2000
    self_points: Points | None = Field(alias="self")
    note: Text4000
    evidence: Annotated[list[EvidenceId], Field(max_length=1000)]


class ScoreSet(_Strict):
    """The self-assessment under one criteria set."""

    set_id: PlanId = Field(alias="set")
    status: Literal["mẫu", "chính thức"]
    finalised_at: IsoDateTime | None
    total: Points
    max_self: Points
    percent: Percent
    grade: Grade
    subs: Annotated[list[SubScore], Field(max_length=1000)]


class Submission(_Strict):
    """data/submission.json of a bundle (docs/bundle-format.md)."""

    model_config = ConfigDict(title="cchc-tui submission, schema 1")

    agency: Agency
    officer: Line200
    plan: PlanId
    period: Period
    items: Annotated[list[Item], Field(max_length=2000)]
    evidence: Annotated[list[Evidence], Field(max_length=MAX_EVIDENCE)]
    reports: Annotated[dict[Period, date], Field(max_length=len(PERIODS))]
    indicators: Annotated[dict[PlanId, IndicatorValue], Field(max_length=500)]
    scores: Annotated[list[ScoreSet], Field(max_length=10)]
    schema_version: Literal[1]

    @property
    def first_scores(self) -> ScoreSet | None:
        """The self-assessment the review desk reads (the first criteria set)."""
        return self.scores[0] if self.scores else None

    def document(self) -> dict[str, Any]:
        """The JSON document, as written into the bag."""
        return self.model_dump(mode="json", by_alias=True)


def decimal_of(text: str | None) -> Decimal | None:
    """A validated decimal field as a Decimal (None stays None)."""
    return None if text is None else Decimal(text)


class SubmissionError(ValueError):
    """A submission that does not fit the schema: where (``items.3.progress``) and why."""

    def __init__(self, where: str, detail: str) -> None:
        super().__init__(f"{where}: {detail}" if where else detail)
        self.where = where
        self.detail = detail


_KIND = {
    "missing": "submission.err.missing",
    "extra_forbidden": "submission.err.extra",
    "string_too_long": "submission.err.too_long",
    "too_long": "submission.err.too_many",
    "string_pattern_mismatch": "submission.err.pattern",
    "greater_than_equal": "submission.err.range",
    "less_than_equal": "submission.err.range",
    "greater_than": "submission.err.range",
    "less_than": "submission.err.range",
    "literal_error": "submission.err.choice",
}


def explain(error: ValidationError) -> SubmissionError:
    """The first thing wrong, as one short sentence in the user's language."""
    first = error.errors(include_url=False)[0]
    where = ".".join(str(p) for p in first["loc"])[:200]
    kind = first["type"]
    ctx = first.get("ctx") or {}
    if kind == "json_invalid":
        nested = "recursion" in str(ctx.get("error", ""))
        return SubmissionError("", t("submission.err.nesting" if nested else "submission.err.json"))
    if kind == "value_error" and "error" in ctx:
        return SubmissionError(where, str(ctx["error"]))
    if kind in _KIND:
        return SubmissionError(where, t(_KIND[kind], **{k: ctx.get(k, "") for k in _PARAMS}))
    if kind.endswith(("_type", "_parsing")) or kind.startswith(("int_", "date_", "bool_")):
        return SubmissionError(where, t("submission.err.type"))
    return SubmissionError(where, str(first["msg"])[:200])


_PARAMS = ("max_length", "expected")


def parse_submission(data: bytes | str) -> Submission:
    """Read a submission.json; SubmissionError (never anything else) when it does not fit.
    The JSON parser's own depth limit refuses deep nesting (no RecursionError)."""
    try:
        return Submission.model_validate_json(data)
    except ValidationError as e:
        raise explain(e) from None
    except (RecursionError, MemoryError, ValueError) as e:  # not expected from pydantic-core
        raise SubmissionError("", t("submission.err.json") + f" ({type(e).__name__})") from None


def build_submission(document: dict[str, Any]) -> Submission:
    """The exporter's side: a submission from Python values (dates as dates), checked by the
    same model the verifier uses; SubmissionError names the field that does not fit."""
    try:
        return Submission.model_validate({**document, "schema_version": SCHEMA_VERSION})
    except ValidationError as e:
        raise explain(e) from None
