"""Plan, agency registry and criteria sets shipped with cchc-tui (TOML, each with its source)."""
