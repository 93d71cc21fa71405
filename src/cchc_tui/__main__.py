"""``python -m cchc_tui``: the ``cchc`` command (where the Scripts folder is not on PATH)."""

from cchc_tui.launch import main

raise SystemExit(main())
