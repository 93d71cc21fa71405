"""SQLModel tables. The schema is created and changed only by the Alembic migrations in
``cchc_tui/store/migrations``; a test checks that these models and the migrated database agree.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata = MetaData(naming_convention=NAMING_CONVENTION)

STATUSES = ("chua_thuc_hien", "dang_thuc_hien", "hoan_thanh", "khong_thuc_hien_duoc")


class Officer(SQLModel, table=True):
    __tablename__ = "officer"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    created_at: datetime


class Profile(SQLModel, table=True):
    """The agency this database belongs to (one row) and the officer using it."""

    __tablename__ = "profile"
    id: int | None = Field(default=None, primary_key=True)
    agency_code: str
    agency_name: str
    officer_id: int = Field(sa_column=Column(Integer, ForeignKey("officer.id"), nullable=False))
    lang: str = "vi"
    created_at: datetime


class PlanRecord(SQLModel, table=True):
    """A plan imported into this database, with the TOML it came from (self-contained)."""

    __tablename__ = "plan"
    id: str = Field(primary_key=True)
    number: str
    year: int
    title: str
    issued: date
    source_toml: str
    source_sha256: str
    imported_at: datetime


class PlanItemRecord(SQLModel, table=True):
    """One trackable item of a plan (activity, or task carrying its own output)."""

    __tablename__ = "plan_item"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    plan_id: str = Field(sa_column=Column(ForeignKey("plan.id"), nullable=False))
    key: str
    kind: str
    number: str
    area: str
    text: str


class Progress(SQLModel, table=True):
    __tablename__ = "progress"
    __table_args__ = (
        UniqueConstraint("agency_code", "plan_item_id"),
        CheckConstraint(
            "status IN ('chua_thuc_hien', 'dang_thuc_hien', 'hoan_thanh', 'khong_thuc_hien_duoc')",
            name="status",
        ),
        CheckConstraint("progress_pct BETWEEN 0 AND 100", name="progress_pct"),
    )
    id: int | None = Field(default=None, primary_key=True)
    agency_code: str
    plan_item_id: int = Field(sa_column=Column(Integer, ForeignKey("plan_item.id"), nullable=False))
    status: str
    reason: str = ""
    progress_pct: int = 0
    note: str = ""
    completed_on: date | None = None
    updated_at: datetime
    updated_by: str


class ItemCondition(SQLModel, table=True):
    """Whether an item's printed condition ("khi có Nghị quyết …") happened, as the officer
    recorded it, with the document that says so (core/milestones.py)."""

    __tablename__ = "item_condition"
    __table_args__ = (
        UniqueConstraint("agency_code", "plan_item_id"),
        CheckConstraint("state IN ('xay_ra', 'khong_xay_ra')", name="state"),
    )
    id: int | None = Field(default=None, primary_key=True)
    agency_code: str
    plan_item_id: int = Field(sa_column=Column(Integer, ForeignKey("plan_item.id"), nullable=False))
    state: str
    document: str = ""
    note: str = ""
    updated_at: datetime
    updated_by: str


class Evidence(SQLModel, table=True):
    """A verification document (tài liệu kiểm chứng), optionally with a managed file."""

    __tablename__ = "evidence"
    __table_args__ = (Index("ix_evidence_agency_code", "agency_code"),)
    id: int | None = Field(default=None, primary_key=True)
    agency_code: str
    number: str
    family: str
    doc_type: str = ""
    doc_date: date
    issuer: str
    title: str
    file_name: str = ""
    file_path: str = ""
    sha256: str = ""
    size: int | None = None
    created_at: datetime
    created_by: str


class EvidenceLink(SQLModel, table=True):
    __tablename__ = "evidence_link"
    __table_args__ = (Index("ix_evidence_link_plan_item_id", "plan_item_id"),)
    evidence_id: int = Field(sa_column=Column(Integer, ForeignKey("evidence.id"), primary_key=True))
    plan_item_id: int = Field(
        sa_column=Column(Integer, ForeignKey("plan_item.id"), primary_key=True)
    )


class AuditEntry(SQLModel, table=True):
    """Append-only (database triggers refuse UPDATE and DELETE)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity_key", "entity", "entity_key"),)
    id: int | None = Field(default=None, primary_key=True)
    at: datetime
    actor: str
    agency_code: str
    action: str
    entity: str
    entity_key: str
    changes: str  # JSON: {"field": [old, new]}


class Draft(SQLModel, table=True):
    """Typed and not yet saved: one row per form and target (store/drafts.py writes it with
    plain sqlite3). Not in the audit log."""

    __tablename__ = "draft"
    form: str = Field(primary_key=True)
    target: str = Field(primary_key=True)
    payload: str  # JSON: field -> text
    label: str = Field(default="", sa_column_kwargs={"server_default": ""})
    saved_at: datetime


class AppMeta(SQLModel, table=True):
    """Facts about the database itself: created_by_version, written_by_version."""

    __tablename__ = "app_meta"
    key: str = Field(primary_key=True)
    value: str


class CriteriaSetRecord(SQLModel, table=True):
    """A criteria set held by this database, with the TOML it came from."""

    __tablename__ = "criteria_set"
    id: str = Field(primary_key=True)
    title: str
    level: str
    year: int
    status: str
    source_toml: str
    source_sha256: str
    imported_at: datetime


class Assessment(SQLModel, table=True):
    """An agency's self-assessment under one criteria set, against one plan."""

    __tablename__ = "assessment"
    __table_args__ = (UniqueConstraint("agency_code", "set_id"),)
    id: int | None = Field(default=None, primary_key=True)
    agency_code: str
    set_id: str = Field(sa_column=Column(ForeignKey("criteria_set.id"), nullable=False))
    plan_id: str = Field(sa_column=Column(ForeignKey("plan.id"), nullable=False))
    finalised_at: datetime | None = None
    finalised_by: str = ""


class Score(SQLModel, table=True):
    """The self score of one sub-criterion (points as text: exact decimals)."""

    __tablename__ = "score"
    __table_args__ = (UniqueConstraint("assessment_id", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(
        sa_column=Column(Integer, ForeignKey("assessment.id"), nullable=False)
    )
    code: str
    points: str | None = None
    reason: str = ""
    note: str = ""
    updated_at: datetime
    updated_by: str


class ScoreEvidence(SQLModel, table=True):
    __tablename__ = "score_evidence"
    score_id: int = Field(sa_column=Column(Integer, ForeignKey("score.id"), primary_key=True))
    evidence_id: int = Field(sa_column=Column(Integer, ForeignKey("evidence.id"), primary_key=True))


class ReportSubmission(SQLModel, table=True):
    """When the agency sent a periodic report (until bundles record it themselves)."""

    __tablename__ = "report_submission"
    __table_args__ = (UniqueConstraint("agency_code", "plan_id", "period"),)
    id: int | None = Field(default=None, primary_key=True)
    agency_code: str
    plan_id: str = Field(sa_column=Column(ForeignKey("plan.id"), nullable=False))
    period: str
    submitted_on: date
    updated_at: datetime
    updated_by: str


class PeriodReportText(SQLModel, table=True):
    """The officer's words of a period report, its number, date and signer."""

    __tablename__ = "period_report_text"
    __table_args__ = (UniqueConstraint("agency_code", "plan_id", "period"),)
    id: int | None = Field(default=None, primary_key=True)
    agency_code: str
    plan_id: str = Field(sa_column=Column(ForeignKey("plan.id"), nullable=False))
    period: str
    number: str = ""
    report_date: date | None = None
    signer: str = ""
    opening: str = ""
    strengths: str = ""
    weaknesses: str = ""
    next_steps: str = ""
    proposals: str = ""
    updated_at: datetime
    updated_by: str


class IndicatorValue(SQLModel, table=True):
    """The agency's reported value of a plan indicator (exact decimals as text)."""

    __tablename__ = "indicator_value"
    __table_args__ = (UniqueConstraint("agency_code", "plan_id", "indicator"),)
    id: int | None = Field(default=None, primary_key=True)
    agency_code: str
    plan_id: str = Field(sa_column=Column(ForeignKey("plan.id"), nullable=False))
    indicator: str
    value: str
    numerator: str | None = None
    denominator: str | None = None
    evidence_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("evidence.id"), nullable=True)
    )
    updated_at: datetime
    updated_by: str


class BundleExport(SQLModel, table=True):
    """A bundle this agency exported (the supersedes chain and the reports-on-time rules)."""

    __tablename__ = "bundle_export"
    id: int | None = Field(default=None, primary_key=True)
    agency_code: str
    plan_id: str = Field(sa_column=Column(ForeignKey("plan.id"), nullable=False))
    period: str
    bundle_id: str
    sha256: str
    path: str
    size: int
    created_at: datetime
    created_by: str
    supersedes: str = ""


class ReceivedBundle(SQLModel, table=True):
    """A bundle a reviewer imported: who signed it, when it was signed and received."""

    __tablename__ = "received_bundle"
    __table_args__ = (UniqueConstraint("sha256"), UniqueConstraint("bundle_id"))
    id: int | None = Field(default=None, primary_key=True)
    bundle_id: str
    sha256: str
    agency_code: str
    plan_id: str
    period: str
    signer: str
    cert_serial: str
    cert_fingerprint: str
    signing_time: datetime | None = None
    received_at: datetime
    received_by: str
    supersedes: str = ""
    stored_path: str
    size: int
    files: int
    # set when the reviewer drops the bundle (its files are kept aside); a dropped bundle no
    # longer counts for the period, but stays in the resubmission chain
    dropped_at: datetime | None = None
    dropped_by: str = Field(default="", sa_column_kwargs={"server_default": ""})
    drop_reason: str = Field(default="", sa_column_kwargs={"server_default": ""})
    # the day the submission reached the reviewer (the stick handed over, the official letter
    # registered): the import day unless the reviewer sets it, with a note ("công văn đến
    # ngày…"); lateness counts from it. None in rows imported before 0009: the import day.
    arrived_on: date | None = None
    arrival_note: str = Field(default="", sa_column_kwargs={"server_default": ""})


class ReviewState(SQLModel, table=True):
    """The reviewer's state of a received bundle (đã nhận, cần bổ sung, đã duyệt, không duyệt)."""

    __tablename__ = "review_state"
    id: int | None = Field(default=None, primary_key=True)
    bundle_id: str
    state: str
    at: datetime
    by: str
    reason: str = Field(default="", sa_column_kwargs={"server_default": ""})


class ReviewComment(SQLModel, table=True):
    """A reviewer's comment on a bundle, an item or a criterion; never edited (triggers)."""

    __tablename__ = "review_comment"
    id: int | None = Field(default=None, primary_key=True)
    bundle_id: str
    target: str  # "general" | "item:hd3.1" | "criterion:1.1.1"
    text: str
    at: datetime
    by: str


class Appraisal(SQLModel, table=True):
    """Điểm thẩm định: the reviewer's points for a sub-criterion, by round; the self score is
    never overwritten."""

    __tablename__ = "appraisal"
    __table_args__ = (UniqueConstraint("bundle_id", "code", "round"),)
    id: int | None = Field(default=None, primary_key=True)
    bundle_id: str
    code: str
    round: int = 1
    points: str
    at: datetime
    by: str
    # why the points differ from the self score or replace an earlier entry (0010)
    reason: str = Field(default="", sa_column_kwargs={"server_default": ""})


class CommentWithdrawal(SQLModel, table=True):
    """A reviewer's comment taken back: the comment stays as written (shown struck out), this
    row says when, by whom and why."""

    __tablename__ = "comment_withdrawal"
    id: int | None = Field(default=None, primary_key=True)
    comment_id: int = Field(unique=True)
    reason: str
    at: datetime
    by: str


class IssuedReceipt(SQLModel, table=True):
    """A receipt as signed: numbered per agency, plan and period, its bytes kept so it can be
    issued again (a lost stick) exactly as the agency may already hold it."""

    __tablename__ = "issued_receipt"
    __table_args__ = (UniqueConstraint("agency_code", "plan_id", "period", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    bundle_id: str = Field(index=True)
    agency_code: str
    plan_id: str
    period: str
    number: int
    state: str
    file: str
    sha256: str
    data: bytes
    at: datetime
    by: str


class ReceivedReceipt(SQLModel, table=True):
    """A signed review receipt the officer imported."""

    __tablename__ = "received_receipt"
    __table_args__ = (UniqueConstraint("sha256"),)
    id: int | None = Field(default=None, primary_key=True)
    sha256: str
    bundle_id: str
    state: str
    content: str  # the receipt's JSON
    signer: str
    received_at: datetime
    issued_at: datetime | None = None  # the receipt's own issued_at (UTC); orders receipts
