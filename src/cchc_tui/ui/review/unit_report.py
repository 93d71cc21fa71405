"""`w` at a unit of the review desk: its period report (data/report.docx of its latest bundle),
checked against the bundle's signed manifest, opened as a copy with the system's program (Word
never edits the stored file)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t


async def open_unit_report(screen: Any, code: str, period: str) -> None:
    from cchc_tui.services import review_desk as rs
    from cchc_tui.services.received_report import received_report
    from cchc_tui.ui import opener

    app = screen.rapp

    def copy() -> Path:
        bundle = rs.latest_bundle(app.store, code, app.plan.id, period)
        data = received_report(bundle)
        out = Path(tempfile.gettempdir()) / f"cchc-bao-cao-{code}-{period}.docx"
        out.write_bytes(data)
        return out

    try:
        path = await app.db(copy)
        opener.open_with_system(path)
    except UserError as e:
        screen.notify(e.message(), severity="error", markup=False)
        return
    except OSError as e:
        said = t("review.file_open_failed", path=code, detail=e.strerror or str(e))
        screen.notify(said, severity="error", markup=False)
        return
    screen.notify(t("review.file_opened", path=path), markup=False)
