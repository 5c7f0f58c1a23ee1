"""JSON: the engine's model as it is (the contract other tools read).

The top level is indented for people; each article's result is one compact line, so a
report of thousands of articles is written by the C encoder (indenting forces the slow
pure-Python one), can be streamed article by article, and stays easy to grep or split.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import TextIO

from audit.results.model import encode_file

# A run that stopped before every article was audited (Ctrl-C, no Dask worker left) is a
# partial report: "complete": false and "partial_reason" follow "tool". A complete report
# has neither key. These formats say a report is partial; the others cannot.
PARTIAL_FORMATS = ("json", "sarif", "junit")


def mark_partial(report: dict, reason: str) -> dict:
    """The report, marked as holding only the articles audited before the run stopped."""
    head = {k: v for k, v in report.items() if k == "tool"}
    rest = {k: v for k, v in report.items() if k not in ("tool", "complete", "partial_reason")}
    return {**head, "complete": False, "partial_reason": reason, **rest}


def write(report: dict, out: TextIO, files: Iterable[dict | str] | None = None) -> None:
    """Write the report; `files` (results, or lines from encode_file) stands in for
    report["files"] when the results are streamed rather than held."""
    out.write("{\n")
    keys = list(report)
    for n, key in enumerate(keys):
        comma = "," if n < len(keys) - 1 else ""
        if key == "files":
            out.write('  "files": [')
            first = True
            for item in report["files"] if files is None else files:
                out.write(("\n    " if first else ",\n    ") + (item if isinstance(item, str) else encode_file(item)))
                first = False
            out.write(f"\n  ]{comma}\n" if not first else f"]{comma}\n")
        else:
            value = json.dumps(report[key], ensure_ascii=False, indent=2).replace("\n", "\n  ")
            out.write(f"  {json.dumps(key)}: {value}{comma}\n")
    out.write("}\n")


def render(report: dict, *, color: bool = False, **options) -> str:
    out = io.StringIO()
    write(report, out)
    return out.getvalue()
