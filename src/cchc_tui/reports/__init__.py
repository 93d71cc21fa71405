"""Documents the app writes for people: the scoring table (XLSX)."""
