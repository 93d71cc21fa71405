"""Alembic environment: runs over the connection the store hands in (config.attributes)."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import cchc_tui.store.models  # noqa: F401  (registers the tables)

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection: Connection | None = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("cchc migrations run only through cchc_tui.store.db")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: batch copies the table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
