"""Review: states, comments (never edited), appraisal points by round, imported receipts.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_state"),
    )
    op.create_table(
        "review_comment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.String(), nullable=False),
        sa.Column("target", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_comment"),
    )
    op.create_table(
        "appraisal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.String(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("points", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_appraisal"),
        sa.UniqueConstraint("bundle_id", "code", "round", name="uq_appraisal_bundle_id"),
    )
    op.create_table(
        "received_receipt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("bundle_id", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("content", sa.String(), nullable=False),
        sa.Column("signer", sa.String(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_received_receipt"),
        sa.UniqueConstraint("sha256", name="uq_received_receipt_sha256"),
    )
    # comments, once written, cannot be edited or removed
    op.execute(
        "CREATE TRIGGER review_comment_no_update BEFORE UPDATE ON review_comment "
        "BEGIN SELECT RAISE(ABORT, 'review comments cannot be edited'); END"
    )
    op.execute(
        "CREATE TRIGGER review_comment_no_delete BEFORE DELETE ON review_comment "
        "BEGIN SELECT RAISE(ABORT, 'review comments cannot be edited'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS review_comment_no_delete")
    op.execute("DROP TRIGGER IF EXISTS review_comment_no_update")
    for table in ("received_receipt", "appraisal", "review_comment", "review_state"):
        op.drop_table(table)
