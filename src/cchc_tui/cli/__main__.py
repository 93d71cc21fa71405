"""``python -m cchc_tui.cli``: the ``cchc`` command."""

from cchc_tui.cli import main

raise SystemExit(main())
