"""The error a user can act on: one clear sentence from the catalogue (core.i18n), shown
without a traceback by every front door (the command line exits with ``exit_code``)."""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """An error the user can act on: one clear sentence from the catalogue, no traceback."""

    exit_code = 1

    def __init__(self, key: str, /, **params: Any) -> None:
        from cchc_tui.core.i18n import t

        t(key, **params)  # a key not in the catalogue or a parameter missing fails here, not
        # later where the message is shown (or never, when only the error's type is checked)
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self) -> str:
        from cchc_tui.core.i18n import t

        return t(self.key, **self.params)

    def __str__(self) -> str:
        return self.message()
