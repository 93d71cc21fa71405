"""Persistence: tables, migrations, transactions, durability, one copy at a time."""
