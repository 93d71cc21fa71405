"""Initial schema: profile, officer, plans and items, progress, evidence, links, audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "officer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_officer"),
    )
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_code", sa.String(), nullable=False),
        sa.Column("agency_name", sa.String(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officer.id"], name="fk_profile_officer_id_officer"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_profile"),
    )
    op.create_table(
        "plan",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("issued", sa.Date(), nullable=False),
        sa.Column("source_toml", sa.String(), nullable=False),
        sa.Column("source_sha256", sa.String(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_plan"),
    )
    op.create_table(
        "plan_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.String(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("area", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name="fk_plan_item_plan_id_plan"),
        sa.PrimaryKeyConstraint("id", name="pk_plan_item"),
        sa.UniqueConstraint("plan_id", "key", name="uq_plan_item_plan_id"),
    )
    op.create_table(
        "progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_code", sa.String(), nullable=False),
        sa.Column("plan_item_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("progress_pct", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=False),
        sa.CheckConstraint(
            "status IN ('chua_thuc_hien', 'dang_thuc_hien', 'hoan_thanh', 'khong_thuc_hien_duoc')",
            name="ck_progress_status",
        ),
        sa.CheckConstraint("progress_pct BETWEEN 0 AND 100", name="ck_progress_progress_pct"),
        sa.ForeignKeyConstraint(
            ["plan_item_id"], ["plan_item.id"], name="fk_progress_plan_item_id_plan_item"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_progress"),
        sa.UniqueConstraint("agency_code", "plan_item_id", name="uq_progress_agency_code"),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_code", sa.String(), nullable=False),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("family", sa.String(), nullable=False),
        sa.Column("doc_type", sa.String(), nullable=False),
        sa.Column("doc_date", sa.Date(), nullable=False),
        sa.Column("issuer", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("file_name", sa.String(), nullable=False),
        sa.Column("file_path", sa.String(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence"),
    )
    op.create_index("ix_evidence_agency_code", "evidence", ["agency_code"])
    op.create_table(
        "evidence_link",
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("plan_item_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"], ["evidence.id"], name="fk_evidence_link_evidence_id_evidence"
        ),
        sa.ForeignKeyConstraint(
            ["plan_item_id"], ["plan_item.id"], name="fk_evidence_link_plan_item_id_plan_item"
        ),
        sa.PrimaryKeyConstraint("evidence_id", "plan_item_id", name="pk_evidence_link"),
    )
    op.create_index("ix_evidence_link_plan_item_id", "evidence_link", ["plan_item_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("agency_code", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("entity_key", sa.String(), nullable=False),
        sa.Column("changes", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_entity_key", "audit_log", ["entity", "entity_key"])
    # the audit log is append-only: the database itself refuses edits and deletions
    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    for table in (
        "audit_log",
        "evidence_link",
        "evidence",
        "progress",
        "plan_item",
        "plan",
        "profile",
        "officer",
    ):
        op.drop_table(table)
