"""Report writers: each renders the engine's JSON model and decides nothing.

Installed as `audit.reports`. A writer module has `render(report: dict, *, color: bool) -> str`.
"""

from __future__ import annotations

from importlib import import_module

FORMATS = ("text", "json")


def render(fmt: str, report: dict, *, color: bool = False) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; allowed: {', '.join(FORMATS)}")
    return import_module(f"{__name__}.{fmt}_report").render(report, color=color)
