"""Open a file with the program the system gives its kind (a PDF reader, Word): Windows'
own association, `open` on macOS, `xdg-open` elsewhere. Nothing is sent anywhere; the
program runs apart from the app, which does not wait for it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def open_with_system(path: Path) -> None:
    """Raises OSError when no program could be started for it."""
    if sys.platform == "win32":
        os.startfile(path)  # type: ignore[attr-defined]
        return
    opener = "open" if sys.platform == "darwin" else "xdg-open"
    subprocess.Popen(
        [opener, str(path)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
