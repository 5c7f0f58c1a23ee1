"""Text: one line per finding, `path:line:column: severity rule-id message`, then a summary per file.

A batch of more than one article ends with a table (tabulate) of every article,
worst first, with totals. The last line counts the files and names the config file
that applied.
"""

from __future__ import annotations

from audit.reports.summary import Figures, configurations, describe_configurations, number, table, totals
from audit.results.controls import replace_controls
from audit.results.findings import SEVERITY_NAMES

_COLORS = {
    "error": "\033[31m",
    "warning": "\033[33m",
    "info": "\033[36m",
    "passed": "\033[32m",
    "failed": "\033[31m",
    "PASS": "\033[32m",
    "FAIL": "\033[31m",
    "ERROR": "\033[1;31m",
    "above": "\033[33m",
}
_RESET = "\033[0m"


def clean(text) -> str:
    """Control characters from a file name or an article (quoted in messages) could move
    the cursor, restyle the terminal or reorder a line; each is shown as U+FFFD, and a
    message stays on one line."""
    return replace_controls(text)


HEADERS = (
    "Article",
    "Grade",
    "Words",
    "Long sent.",
    "Passive %",
    "Typos",
    "Jargon",
    "Errors",
    "Warnings",
    "Info",
    "Result",
)
_ALIGN = ("left",) + ("right",) * 9 + ("left",)


def _paint(text: str, key: str, color: bool) -> str:
    return f"{_COLORS[key]}{text}{_RESET}" if color and key in _COLORS and text else text


def _row(r: Figures, color: bool) -> list[str]:
    grade = _paint(number(r.grade), "above", color) if r.above_target else number(r.grade)
    return [
        clean(r.path),
        grade,
        number(r.words),
        number(r.long_sentences),
        number(r.passive_pct),
        number(r.typos),
        number(r.jargon),
        _paint(str(r.errors), "error", color and r.errors > 0),
        _paint(str(r.warnings), "warning", color and r.warnings > 0),
        str(r.info),
        _paint(r.label, r.label, color),
    ]


def table_of(rows: list[Figures], *, color: bool = False) -> str:
    """The batch's table of these rows (worst first), with a line of totals."""
    t = totals(rows)
    body = [_row(r, color) for r in rows]
    body.append(
        [
            f"Total ({t.articles})",
            number(t.mean_grade) and f"avg {number(t.mean_grade)}",
            number(t.words),
            number(t.long_sentences),
            number(t.mean_passive_pct) and f"avg {number(t.mean_passive_pct)}",
            number(t.typos),
            number(t.jargon),
            str(t.errors),
            str(t.warnings),
            str(t.info),
            f"{t.failed + t.errors_in_input} not passed",
        ]
    )
    from tabulate import tabulate  # only batches get a table: a single draft starts faster without it

    return tabulate(body, headers=HEADERS, tablefmt="simple", colalign=_ALIGN, disable_numparse=True)


def render(report: dict, *, color: bool = False, **options) -> str:
    files = report["files"]
    rows = table(report) if len(files) > 1 else None
    return "".join(render_file(r, color=color) for r in files) + render_end(
        report["summary"], configurations(report), rows, color=color
    )


def render_file(result: dict, *, color: bool = False) -> str:
    """One article's lines: each finding, then its summary line (or why it could not
    be audited). A batch streamed to the console writes them as each article arrives."""
    path = clean(result["path"])
    if result["status"] == "error":
        return f"{path}: {_paint('error', 'error', color)} could not audit: {clean(result['error'])}\n"
    lines = []
    for f in result["findings"]:
        sev = _paint(f["severity"], f["severity"], color)
        lines.append(f"{path}:{f['line']}:{f['column']}: {sev} {f['rule']} {clean(f['message'])}")
        if f.get("suggestion"):
            lines.append(f"    suggestion: {clean(f['suggestion'])}")
    m = result["metrics"]
    counts = {}
    for f in result["findings"]:
        counts[f["severity"]] = counts.get(f["severity"], 0) + 1
    parts = [f"{m.get('words', 0)} words", f"{m.get('sentences', 0)} sentences"]
    if "consensus_grade" in m:
        parts.append(f"grade {m['consensus_grade']:g}")
    parts.append(", ".join(f"{counts.get(s, 0)} {s}" for s in SEVERITY_NAMES))
    status = _paint(result["status"].upper(), result["status"], color)
    lines.append(f"{path}: {status} ({'; '.join(parts)})")
    return "\n".join(lines) + "\n"


def render_end(
    summary: dict, configs: list[tuple[str | None, int]], rows: list[Figures] | None, *, color: bool = False
) -> str:
    """What follows the articles: the table of a batch (`rows`, worst first; None for
    one article) and the line that counts the files and names the configuration."""
    lines = ["", table_of(rows, color=color), ""] if rows is not None else []
    config = describe_configurations(configs)
    lines.append(
        f"{summary['files']} file(s): {summary['passed']} passed, {summary['failed']} failed, "
        f"{summary['errors']} could not be audited" + (f"; {clean(config)}" if config else "")
    )
    return "\n".join(lines) + "\n"
