"""Write docs/submission.schema.json, the JSON Schema of a bundle's data/submission.json, from
the one model the exporter writes it through and the verifier reads it with
(cchc_tui.core.submission.Submission).

Run from the repository root:  python tools/write_submission_schema.py
The output is committed; a test checks it is current.
"""

from __future__ import annotations

import json
from pathlib import Path

from cchc_tui.core.submission import Submission

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "docs" / "submission.schema.json"


def schema_text() -> str:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://cchc-tui/docs/submission.schema.json",
        **Submission.model_json_schema(by_alias=True),
    }
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> None:
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    print(SCHEMA_FILE)


if __name__ == "__main__":
    main()
