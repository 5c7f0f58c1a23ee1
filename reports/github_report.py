"""GitHub Actions workflow commands: annotations on the pull request.

`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. GitHub shows at
most 10 error, 10 warning and 10 notice annotations per step (50 per job): within each
level, findings on the lines a pull request changed come first when the run knows them
(`changed_lines`: path -> line numbers, from --changed-since or the pull request's base),
then the rest in report order; one closing notice says how many were left out and where
the full report is. Values are escaped as the runner expects (data: % CR LF; properties
also : and ,), so article text can never end a command or start a new one.
"""

from __future__ import annotations

import re

from audit.results.controls import CONTROL_CLASS

PER_LEVEL = 10  # annotations GitHub displays per level and step
LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


# Every writer's controls, and tab; CR and LF are escaped instead (escape_data).
_CONTROL = re.compile(f"[\t{CONTROL_CLASS}]")


def escape_data(text: str) -> str:
    text = _CONTROL.sub("\ufffd", str(text))
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props) -> str:
    fields = ",".join(f"{k}={escape_property(v)}" for k, v in props.items() if v is not None)
    return f"::{level}{' ' + fields if fields else ''}::{escape_data(message)}"


def _annotation(path: str, f: dict) -> tuple[str, str, dict]:
    message = f["message"] + (f"\nSuggestion: {f['suggestion']}" if f.get("suggestion") else "")
    props = {"file": path, "line": str(f["line"])}
    if f["end_line"] == f["line"]:  # GitHub uses columns only on single-line annotations
        props |= {"col": str(f["column"]), "endLine": str(f["end_line"]), "endColumn": str(f["end_column"])}
    else:
        props["endLine"] = str(f["end_line"])
    props["title"] = f"article-audit: {f['rule']}"
    return LEVEL.get(f["severity"], "notice"), message, props


def render(
    report: dict,
    *,
    color: bool = False,
    full_report: str | None = None,
    changed_lines: dict[str, set[int]] | None = None,
    **options,
) -> str:
    # (first?, level, message, properties): first are the findings on changed lines.
    queued: dict[str, list[tuple[bool, str, str, dict]]] = {"error": [], "warning": [], "notice": []}
    for r in report.get("files", []):
        if r["status"] == "error":
            props = {"file": r["path"], "title": "article-audit: input error"}
            queued["error"].append((False, "error", f"Could not audit this file: {r.get('error')}", props))
            continue
        changed = (changed_lines or {}).get(r["path"], ())
        for f in r.get("findings") or ():
            level, message, props = _annotation(r["path"], f)
            first = any(n in changed for n in range(f["line"], f["end_line"] + 1))
            queued[level].append((first, level, message, props))
    # A stable sort: within a level, the first ones, each group in report order.
    queued = {level: [i[1:] for i in sorted(items, key=lambda i: not i[0])] for level, items in queued.items()}
    shown = {level: items[:PER_LEVEL] for level, items in queued.items()}
    left = {level: len(items) - len(shown[level]) for level, items in queued.items()}
    if any(left.values()) and len(shown["notice"]) == PER_LEVEL:
        shown["notice"] = shown["notice"][:-1]  # room for the closing notice
        left["notice"] += 1
    lines = [command(level, message, **props) for items in shown.values() for level, message, props in items]
    hidden = sum(left.values())
    if hidden:
        parts = ", ".join(
            f"{n} {name}"
            for name, n in (("error", left["error"]), ("warning", left["warning"]), ("info", left["notice"]))
            if n
        )
        where = full_report or "run article-audit locally, or use --format text or --report-dir"
        lines.append(
            command(
                "notice",
                f"{hidden} more findings not shown as annotations ({parts}). Full report: {where}.",
                title="article-audit: more findings",
            )
        )
    s = report.get("summary") or {}
    if s:
        lines.append(
            f"article-audit: {s.get('files', 0)} files: {s.get('passed', 0)} passed, "
            f"{s.get('failed', 0)} failed, {s.get('errors', 0)} could not be audited"
        )
    return "\n".join(lines) + "\n" if lines else ""
