"""Report writers: each renders the engine's JSON model and decides nothing.

Installed as `audit.reports`. A writer module has
`render(report: dict, *, color: bool, **options) -> str`; options a writer does not
use are ignored (the github writer reads `full_report`, where the whole report is).
`report_dir.build(report)` renders the per-article pages and the index of `--report-dir`.
"""

from __future__ import annotations

from importlib import import_module

FORMATS = ("text", "json", "markdown", "junit", "sarif", "github", "gitlab")


def render(fmt: str, report: dict, *, color: bool = False, **options) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; allowed: {', '.join(FORMATS)}")
    return import_module(f"{__name__}.{fmt}_report").render(report, color=color, **options)
