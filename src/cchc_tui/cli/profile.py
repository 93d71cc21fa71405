"""`cchc profile`: the agency and officer this database belongs to, and changing them later
(audited; a warning, and --yes, when the current agency has recorded anything)."""

from __future__ import annotations

import argparse

from cchc_tui.cli.common import _agency_arg, _open_store, _registry
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t


def cmd_profile(args: argparse.Namespace) -> int:
    from cchc_tui.services.setup import change_profile, left_behind

    registry = _registry()
    with _open_store(args) as store:
        current = store.require_profile()
        if args.agency is None and args.officer is None:
            print(
                t(
                    "profile.shown",
                    agency=f"{current.agency_name} ({current.agency_code})",
                    officer=current.officer,
                )
            )
            return 0
        agency = (
            _agency_arg(registry, args.agency)
            if args.agency is not None
            else registry.agencies[current.agency_code]
        )
        officer = current.officer if args.officer is None else args.officer
        warning = left_behind(store, agency)
        if warning and not args.yes:
            raise UserError("profile.needs_yes", warning=warning)
        changed = change_profile(store, agency, officer)
    if warning:
        print(warning)
    print(
        t(
            "profile.changed",
            agency=f"{changed.agency_name} ({changed.agency_code})",
            officer=changed.officer,
        )
    )
    return 0
