"""Durable storage: SQLModel tables over one SQLite file, Alembic migrations, an audit log."""
