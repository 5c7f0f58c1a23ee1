"""Text: one line per finding, `path:line:column: severity rule-id message`, then a summary per file."""

from __future__ import annotations

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m",
           "passed": "\033[32m", "failed": "\033[31m"}
_RESET = "\033[0m"


def _paint(text: str, key: str, color: bool) -> str:
    return f"{_COLORS[key]}{text}{_RESET}" if color and key in _COLORS else text


def render(report: dict, *, color: bool = False) -> str:
    lines = []
    for result in report["files"]:
        path = result["path"]
        if result["status"] == "error":
            lines.append(f"{path}: {_paint('error', 'error', color)} could not audit: {result['error']}")
            continue
        for f in result["findings"]:
            sev = _paint(f["severity"], f["severity"], color)
            lines.append(f"{path}:{f['line']}:{f['column']}: {sev} {f['rule']} {f['message']}")
            if f.get("suggestion"):
                lines.append(f"    suggestion: {f['suggestion']}")
        m = result["metrics"]
        counts = {}
        for f in result["findings"]:
            counts[f["severity"]] = counts.get(f["severity"], 0) + 1
        parts = [f"{m.get('words', 0)} words", f"{m.get('sentences', 0)} sentences"]
        if "consensus_grade" in m:
            parts.append(f"grade {m['consensus_grade']:g}")
        parts.append(", ".join(f"{counts.get(s, 0)} {s}" for s in ("error", "warning", "info")))
        status = _paint(result["status"].upper(), result["status"], color)
        lines.append(f"{path}: {status} ({'; '.join(parts)})")
    s = report["summary"]
    lines.append(
        f"{s['files']} file(s): {s['passed']} passed, {s['failed']} failed, {s['errors']} could not be audited"
    )
    return "\n".join(lines) + "\n"
