"""JSON: the engine's model as it is (the contract other tools read).

The top level is indented for people; each article's result is one compact line, so a
report of thousands of articles is written by the C encoder (indenting forces the slow
pure-Python one) and stays easy to grep or split.
"""

from __future__ import annotations

import json

_compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def render(report: dict, *, color: bool = False, **options) -> str:
    lines = ["{"]
    keys = list(report)
    for n, key in enumerate(keys):
        comma = "," if n < len(keys) - 1 else ""
        if key == "files":
            lines.append('  "files": [')
            files = report["files"]
            lines += [f"    {_compact(r)}{',' if i < len(files) - 1 else ''}" for i, r in enumerate(files)]
            lines.append(f"  ]{comma}")
        else:
            value = json.dumps(report[key], ensure_ascii=False, indent=2).replace("\n", "\n  ")
            lines.append(f"  {json.dumps(key)}: {value}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"
