"""Vale's output formats: `line` (path:line:column:Check:Message), `JSON` (Vale's
alert fields by file) and the default one (alerts grouped by file, a closing tally)."""

from __future__ import annotations

import json


def line(reports) -> str:
    out = []
    for report in reports:
        for a in report.alerts:
            out.append(f"{report.path}:{a.line}:{a.span[0]}:{a.check}:{a.message}")
    return "\n".join(out) + ("\n" if out else "")


def as_json(reports) -> str:
    data = {}
    for report in reports:
        if not report.alerts:
            continue
        data[report.path] = [
            {
                "Action": {"Name": a.action.get("name", ""), "Params": a.action.get("params")},
                "Span": list(a.span),
                "Check": a.check,
                "Description": a.description,
                "Link": a.link,
                "Message": a.message,
                "Severity": a.severity,
                "Match": a.match,
                "Line": a.line,
            }
            for a in report.alerts
        ]
    text = json.dumps(data, indent=2, ensure_ascii=False)
    # As Go's encoder, which Vale's JSON comes from: <, > and & escaped, and the two
    # line separators JavaScript cannot hold in a string.
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text + "\n"


def cli(reports) -> str:
    out = []
    tally = {"error": 0, "warning": 0, "suggestion": 0}
    files = 0
    for report in reports:
        files += 1
        if not report.alerts:
            continue
        out.append(f"\n {report.path}")
        width = max(len(f"{a.line}:{a.span[0]}") for a in report.alerts)
        for a in report.alerts:
            tally[a.severity] += 1
            out.append(f" {f'{a.line}:{a.span[0]}':<{width}}  {a.severity:<10}  {a.message}  {a.check}")
    mark = "\u2716" if tally["error"] or tally["warning"] else "\u2714"
    out.append(
        f"\n{mark} {tally['error']} error{'s' * (tally['error'] != 1)}, {tally['warning']} "
        f"warning{'s' * (tally['warning'] != 1)} and {tally['suggestion']} "
        f"suggestion{'s' * (tally['suggestion'] != 1)} in {files} file{'s' * (files != 1)}."
    )
    return "\n".join(out) + "\n"


FORMATS = {"line": line, "JSON": as_json, "json": as_json, "CLI": cli, "cli": cli}
