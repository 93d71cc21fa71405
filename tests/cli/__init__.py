"""The `cchc` command, end to end."""
