"""Markdown: the batch summary for a GitHub job summary or a pull-request comment.

A table of every article, worst first, with totals, then the findings of each article
that did not pass, folded in `<details>`. Article text is escaped so it cannot become
markup, links, mentions or HTML. The output stays under GitHub's comment limit
(65,536 characters): past a budget, the table ends with a count of the rows left out
and the details stop, saying so.
"""

from __future__ import annotations

import html
import re

from audit.reports.summary import Figures, configurations_line, number, outcome, table, totals
from audit.results.controls import replace_controls
from audit.results.findings import SEVERITY_NAMES, Severity

BUDGET = 60_000  # characters; GitHub refuses comments over 65,536
FINDINGS_PER_ARTICLE = 25

# Every ASCII punctuation character may be backslash-escaped in CommonMark; these are
# the ones that start markup inline (text is folded onto one line, so line-start
# markers cannot occur): emphasis, code, links, HTML, entities, table cells,
# strikethrough, mentions, issue references and math.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&@$])")
_ICON = {"PASS": "✅", "FAIL": "❌", "ERROR": "⚠️"}


def md_text(text: str) -> str:
    """Article or rule text as inert inline Markdown, on one line."""
    text = replace_controls(" ".join(str(text).split()), " ")
    return _SPECIAL.sub(r"\\\1", text)


def html_text(text: str) -> str:
    """Text inside raw HTML blocks (e.g. <summary>), where Markdown escapes do not apply."""
    return html.escape(replace_controls(" ".join(str(text).split()), " "), quote=True)


def result_cell(r: Figures) -> str:
    return f"{_ICON.get(r.label, '')} {r.label}".strip()


HEADERS = (
    "Result",
    "Article",
    "Grade",
    "Words",
    "Long sentences",
    "Passive %",
    "Typos",
    "Jargon",
    "Errors",
    "Warnings",
    "Info",
)


def _table_row(cells) -> str:
    return "| " + " | ".join(cells) + " |"


def summary_table(report: dict, budget: int = BUDGET * 3 // 4) -> list[str]:
    """The table, worst first; past `budget` characters the best rows give way to a count."""
    rows = table(report)
    t = totals(rows)
    lines = [_table_row(HEADERS), "|" + "|".join(["---"] * 2 + ["---:"] * (len(HEADERS) - 2)) + "|"]
    size = sum(len(line) + 1 for line in lines)
    for n, r in enumerate(rows):
        grade = number(r.grade)
        if r.above_target:
            grade = f"**{grade}** (target {number(r.target)})"
        line = _table_row(
            [
                result_cell(r),
                md_text(r.path),
                grade,
                number(r.words),
                number(r.long_sentences),
                number(r.passive_pct),
                number(r.typos),
                number(r.jargon),
                str(r.errors),
                str(r.warnings),
                str(r.info),
            ]
        )
        if size + len(line) > budget:
            lines.append(_table_row(["…", f"{len(rows) - n} more articles", *[""] * (len(HEADERS) - 2)]))
            break
        lines.append(line)
        size += len(line) + 1
    avg = f"avg {number(t.mean_grade)}" if t.mean_grade is not None else ""
    passive = f"avg {number(t.mean_passive_pct)}" if t.mean_passive_pct is not None else ""
    lines.append(
        _table_row(
            [
                "**Total**",
                f"{t.articles} articles",
                avg,
                number(t.words),
                number(t.long_sentences),
                passive,
                number(t.typos),
                number(t.jargon),
                str(t.errors),
                str(t.warnings),
                str(t.info),
            ]
        )
    )
    return lines


def finding_line(f: dict) -> str:
    text = f"- **{f['severity']}** `{f['rule']}` line {f['line']}, column {f['column']}: {md_text(f['message'])}"
    if f.get("excerpt"):
        text += f" — “{md_text(f['excerpt'][:200])}”"
    if f.get("suggestion"):
        text += f" Suggestion: {md_text(f['suggestion'])}"
    return text


def details(result: dict) -> list[str]:
    findings = result.get("findings") or []
    if result["status"] == "error":
        return [f"- ⚠️ {md_text(result['path'])}: could not audit: {md_text(result.get('error') or '')}"]
    shown = sorted(findings, key=lambda f: (-Severity.parse(f["severity"]), f["line"], f["column"]))
    counts = ", ".join(f"{sum(f['severity'] == s for f in findings)} {s}" for s in SEVERITY_NAMES)
    out = ["<details>", f"<summary>{html_text(result['path'])} — {counts}</summary>", ""]
    out += [finding_line(f) for f in shown[:FINDINGS_PER_ARTICLE]]
    if len(shown) > FINDINGS_PER_ARTICLE:
        out.append(f"- … and {len(shown) - FINDINGS_PER_ARTICLE} more")
    return out + ["", "</details>"]


def render(report: dict, *, color: bool = False, **options) -> str:
    rows = table(report)
    t = totals(rows)
    verdict = "passed" if t.failed == 0 and t.errors_in_input == 0 else "did not pass"
    lines = [f"## article-audit: {verdict}", "", outcome(t) + ".", ""]
    config = configurations_line(report)
    if config:
        lines += [md_text(config[0].upper() + config[1:]), ""]
    lines += summary_table(report)
    by_path = {r["path"]: r for r in report.get("files", ())}
    to_detail = [by_path[r.path] for r in rows if r.status != "passed"]
    if to_detail:
        lines += ["", "### Articles that did not pass", ""]
    size = sum(len(line) + 1 for line in lines)
    for n, result in enumerate(to_detail):
        block = details(result) + [""]
        cost = sum(len(line) + 1 for line in block)
        if size + cost > BUDGET:
            lines.append(f"*{len(to_detail) - n} more articles not detailed here; see the full report.*")
            break
        lines += block
        size += cost
    return "\n".join(lines).rstrip("\n") + "\n"
