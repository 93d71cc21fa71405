"""The officer's words of each period report (the opening, the assessment, the next period,
the proposals) with its number, date and signer (core/period_report.py).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "period_report_text",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("agency_code", sa.String(), nullable=False),
        sa.Column("plan_id", sa.String(), sa.ForeignKey("plan.id"), nullable=False),
        sa.Column("period", sa.String(), nullable=False),
        sa.Column("number", sa.String(), nullable=False, server_default=""),
        sa.Column("report_date", sa.Date(), nullable=True),
        sa.Column("signer", sa.String(), nullable=False, server_default=""),
        sa.Column("opening", sa.String(), nullable=False, server_default=""),
        sa.Column("strengths", sa.String(), nullable=False, server_default=""),
        sa.Column("weaknesses", sa.String(), nullable=False, server_default=""),
        sa.Column("next_steps", sa.String(), nullable=False, server_default=""),
        sa.Column("proposals", sa.String(), nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=False),
        sa.UniqueConstraint("agency_code", "plan_id", "period"),
    )


def downgrade() -> None:
    op.drop_table("period_report_text")
