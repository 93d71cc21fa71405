"""Where the database lives by default: $CCHC_DB, else the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "cchc-tui"


def default_db_path() -> Path:
    env = os.environ.get("CCHC_DB")
    if env:
        return Path(env).expanduser()
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "cchc.sqlite"
