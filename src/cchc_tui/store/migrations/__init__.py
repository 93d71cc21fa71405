"""Alembic migrations, shipped in the package and applied when a database is opened."""
