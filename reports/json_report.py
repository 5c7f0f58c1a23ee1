"""JSON: the engine's model as it is (the contract other tools read)."""

from __future__ import annotations

import json


def render(report: dict, *, color: bool = False, **options) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
