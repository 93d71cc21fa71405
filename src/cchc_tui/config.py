"""The user's settings: a TOML file (``$CCHC_CONFIG``, else the platform's config folder).

lang = "vi"              # or "en"
theme = "textual-dark"   # "ansi-dark" for 16-colour terminals (Linux console, old conhost)

[keymap]                 # binding id = keys, e.g. to move help off F1:
"app.help" = "f12"
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import LANGUAGES
from cchc_tui.paths import APP_NAME

THEMES = ("textual-dark", "textual-light", "ansi-dark", "ansi-light")


@dataclass
class Config:
    lang: str = "vi"
    theme: str = "textual-dark"
    keymap: dict[str, str] = field(default_factory=dict)
    path: Path | None = None


def config_path() -> Path:
    env = os.environ.get("CCHC_CONFIG")
    if env:
        return Path(env).expanduser()
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    if not path.exists():
        return Config(path=path)
    import tomllib  # here: most offices have no config file, and start-up counts

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # Notepad writes a BOM
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise UserError("config.bad", path=path, detail=str(e)) from None
    cfg = Config(path=path)
    lang = data.get("lang", cfg.lang)
    if lang not in LANGUAGES:
        raise UserError("config.bad", path=path, detail=f"lang = {lang!r} (vi, en)")
    theme = data.get("theme", cfg.theme)
    if theme not in THEMES:
        raise UserError("config.bad", path=path, detail=f"theme = {theme!r} ({', '.join(THEMES)})")
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in keymap.items()
    ):
        raise UserError("config.bad", path=path, detail='[keymap]: id = "keys"')
    cfg.lang, cfg.theme, cfg.keymap = lang, theme, dict(keymap)
    return cfg
