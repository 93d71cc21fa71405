"""Shared set-up for the TUI tests: a demo database and an app on it at a fixed date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cchc_tui.config import Config
from cchc_tui.core.agencies import Registry
from cchc_tui.demo import DEMO_TODAY, build_demo
from cchc_tui.ui.app import CchcApp

REGISTRY = Registry.load()


def demo_db(folder: Path, plan_text: str) -> Path:
    path = folder / "demo.sqlite"
    store, _ = build_demo(path, plan_text, REGISTRY)
    store.close()
    return path


def make_app(db: Path, today: date = DEMO_TODAY, **config: str) -> CchcApp:
    cfg = Config(**config)  # type: ignore[arg-type]
    return CchcApp(db, cfg, today=today, registry=REGISTRY)
