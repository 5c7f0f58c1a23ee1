"""Apply the mechanical fixes that findings carry, without overlaps.

Fix offsets are character offsets in the decoded source that was audited. Fixes are
applied from the end of the file backwards; a fix that overlaps one already taken is
left for the next run (it is reported, not applied).
"""

from __future__ import annotations

import difflib
from typing import Any, Iterable


def select(findings: Iterable[dict[str, Any]], *, unsafe: bool = False) -> tuple[list[dict], list[dict]]:
    """(fixes to apply, in source order; fixes skipped because they overlap)."""
    candidates = sorted(
        (f["fix"] for f in findings if f.get("fix") and (unsafe or f["fix"]["safe"])),
        key=lambda fx: (fx["start"], fx["end"], fx["replacement"]),
    )
    chosen: list[dict] = []
    skipped: list[dict] = []
    last_end = -1
    for fx in candidates:
        if chosen and fx["start"] == chosen[-1]["start"] and fx["end"] == chosen[-1]["end"] \
                and fx["replacement"] == chosen[-1]["replacement"]:
            continue  # two rules proposing the same edit
        if fx["start"] < last_end or (fx["start"] == fx["end"] == last_end and chosen):
            skipped.append(fx)
            continue
        chosen.append(fx)
        last_end = fx["end"]
    return chosen, skipped


def apply(source: str, fixes: list[dict[str, Any]]) -> str:
    out = source
    for fx in reversed(fixes):
        out = out[: fx["start"]] + fx["replacement"] + out[fx["end"] :]
    return out


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))
