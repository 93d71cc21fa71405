"""The plan's commands: `cchc plan` (list), `plan show ITEM`, `plan import FILE`."""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

from cchc_tui.cli.common import (
    _due_text,
    _item_arg,
    _labels,
    _load_plan_for,
    _open_store,
    _registry,
)
from cchc_tui.cli.output import _emit_json, _width
from cchc_tui.core.dates import format_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.plan import Plan
from cchc_tui.core.schema import dump
from cchc_tui.core.text import user_text


def cmd_plan(args: argparse.Namespace) -> int:
    if args.plan_cmd == "show":
        return cmd_plan_show(args)
    if args.plan_cmd == "import":
        return cmd_plan_import(args)
    plan = _load_plan_for(args)
    if args.json:
        _emit_json(dump(plan))
        return 0
    print(f"{plan.plan.number} ({format_date(plan.plan.issued)}) — {plan.plan.title}")
    for area in plan.area:
        print(f"\n{area.number}. {area.title}")
        for obj in [o for o in plan.objective if o.area == area.id]:
            print(textwrap.shorten(f"  {obj.number}. {obj.text}", _width() - 2, placeholder="…"))
        for it in [i for i in plan.item if i.area == area.id]:
            line = f"    {it.id:<8} {it.number:<5} {_due_text(it):<24} {it.text}"
            print(textwrap.shorten(line, _width() - 2, placeholder="…"))
    return 0


def cmd_plan_show(args: argparse.Namespace) -> int:
    registry = _registry()
    plan = _load_plan_for(args)
    item = _item_arg(plan, args.item)
    area, objective, task = plan.chain(item)
    if args.json:
        data = dump(item)
        data["area_title"] = area.title
        data["objective_text"] = objective.text if objective else None
        data["task_text"] = task.text
        data["lead_names"] = _labels(registry, item.lead)
        data["coordinate_names"] = _labels(registry, item.coordinate)
        _emit_json(data)
        return 0
    width = _width() - 2

    def field(label: str, value: str) -> None:
        print(
            textwrap.fill(
                value or t("show.none"),
                width,
                initial_indent=f"{label}: ",
                subsequent_indent="    ",
            )
        )

    field(t("show.area"), f"{area.number}. {area.title}")
    field(t("show.objective"), f"{objective.number}. {objective.text}" if objective else "")
    field(t("show.task"), f"{task.number}. {task.text}")
    if item.kind == "activity":
        field(t("show.activity"), f"{item.number}. {item.text}  [{item.id}]")
    field(t("show.output"), item.output)
    field(t("show.lead"), "; ".join(_labels(registry, item.lead)) + f"  («{item.lead_printed}»)")
    field(
        t("show.coordinate"),
        "; ".join(_labels(registry, item.coordinate))
        + (f"  («{item.coordinate_printed}»)" if item.coordinate_printed else ""),
    )
    field(t("show.timing"), f"{item.timing_printed} → {_due_text(item)}")
    if item.condition:
        field(t("show.condition"), item.condition)
    return 0


def cmd_plan_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        text = user_text(path.read_bytes())
        Plan.from_toml(text)
    except UnicodeDecodeError:
        raise UserError("file.not_utf8", path=path) from None
    except OSError as e:
        raise UserError("plan.bad_file", path=path, detail=e.strerror or str(e)) from None
    except ValueError as e:
        first = str(e).strip().splitlines()
        raise UserError("plan.bad_file", path=path, detail=" ".join(first[:3])) from None
    from cchc_tui.services.setup import import_plan

    with _open_store(args) as store:
        plan = import_plan(store, text)
    print(f"{plan.id}: {plan.plan.number} — {plan.plan.title}")
    return 0
