"""Self-assessment: criteria sets, assessments, scores and their evidence, report dates,
indicator values.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "criteria_set",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("level", sa.String(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("source_toml", sa.String(), nullable=False),
        sa.Column("source_sha256", sa.String(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_criteria_set"),
    )
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_code", sa.String(), nullable=False),
        sa.Column("set_id", sa.String(), nullable=False),
        sa.Column("plan_id", sa.String(), nullable=False),
        sa.Column("finalised_at", sa.DateTime(), nullable=True),
        sa.Column("finalised_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["set_id"], ["criteria_set.id"], name="fk_assessment_set_id_criteria_set"
        ),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name="fk_assessment_plan_id_plan"),
        sa.PrimaryKeyConstraint("id", name="pk_assessment"),
        sa.UniqueConstraint("agency_code", "set_id", name="uq_assessment_agency_code"),
    )
    op.create_table(
        "score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("points", sa.String(), nullable=True),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"], ["assessment.id"], name="fk_score_assessment_id_assessment"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_score"),
        sa.UniqueConstraint("assessment_id", "code", name="uq_score_assessment_id"),
    )
    op.create_table(
        "score_evidence",
        sa.Column("score_id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["score_id"], ["score.id"], name="fk_score_evidence_score_id_score"
        ),
        sa.ForeignKeyConstraint(
            ["evidence_id"], ["evidence.id"], name="fk_score_evidence_evidence_id_evidence"
        ),
        sa.PrimaryKeyConstraint("score_id", "evidence_id", name="pk_score_evidence"),
    )
    op.create_table(
        "report_submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_code", sa.String(), nullable=False),
        sa.Column("plan_id", sa.String(), nullable=False),
        sa.Column("period", sa.String(), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name="fk_report_submission_plan_id_plan"),
        sa.PrimaryKeyConstraint("id", name="pk_report_submission"),
        sa.UniqueConstraint(
            "agency_code", "plan_id", "period", name="uq_report_submission_agency_code"
        ),
    )
    op.create_table(
        "indicator_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_code", sa.String(), nullable=False),
        sa.Column("plan_id", sa.String(), nullable=False),
        sa.Column("indicator", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("numerator", sa.String(), nullable=True),
        sa.Column("denominator", sa.String(), nullable=True),
        sa.Column("evidence_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name="fk_indicator_value_plan_id_plan"),
        sa.ForeignKeyConstraint(
            ["evidence_id"], ["evidence.id"], name="fk_indicator_value_evidence_id_evidence"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_indicator_value"),
        sa.UniqueConstraint(
            "agency_code", "plan_id", "indicator", name="uq_indicator_value_agency_code"
        ),
    )


def downgrade() -> None:
    for table in (
        "indicator_value",
        "report_submission",
        "score_evidence",
        "score",
        "assessment",
        "criteria_set",
    ):
        op.drop_table(table)
