"""One article as an HTML page: its text with each finding highlighted in place.

Highlights follow the findings' line/column spans over the article's source text (the
report's `source`, kept when a report needs it). Each highlight is a <mark> styled by
rule (background, underline style) with the message on hover, preceded by a numbered
link to the finding in the list below, which links back: rules differ by more than
colour, and every finding is reachable from the keyboard.
"""

from __future__ import annotations

from audit.reports import scores
from audit.reports.html_page import esc, page, rule_classes, section
from audit.reports.summary import STATUS_LABEL


def line_starts(source: str) -> list[int]:
    """Offsets where lines start; a line ends at LF, CRLF or a lone CR (as the engine counts)."""
    starts = [0]
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\n" or (ch == "\r" and (i + 1 >= n or source[i + 1] != "\n")):
            starts.append(i + 1)
        i += 1
    return starts


def spans(source: str, findings: list[dict]) -> list[tuple[int, int, int, dict]]:
    """(start, end, number, finding): source offsets of each finding, clamped to the text."""
    starts = line_starts(source)

    def offset(line: int, column: int) -> int:
        line = min(max(line, 1), len(starts))
        return min(max(starts[line - 1] + column - 1, 0), len(source))

    out = []
    for n, f in enumerate(findings, 1):
        start = offset(f["line"], f["column"])
        out.append((start, max(start, offset(f["end_line"], f["end_column"])), n, f))
    return out


def tooltip(n: int, f: dict) -> str:
    text = f"#{n} {f['rule']} ({f['severity']}): {f['message']}"
    return text + (f" Suggestion: {f['suggestion']}" if f.get("suggestion") else "")


def highlighted(source: str, findings: list[dict], classes: dict[str, str]) -> str:
    """The source as escaped HTML, each finding wrapped in <mark>; overlaps nest per segment."""
    items = spans(source, findings)
    bounds = sorted({0, len(source)} | {s for s, _, _, _ in items} | {e for _, e, _, _ in items})
    starting: dict[int, list] = {}
    for item in items:
        starting.setdefault(item[0], []).append(item)
    active: list = []
    out = []
    for a, b in zip(bounds, bounds[1:] + [None]):
        active = [it for it in active if it[1] > a]
        for it in starting.get(a, ()):
            n = it[2]
            out.append(f'<a class="ref" id="m-{n}" href="#f-{n}"><span class="sr">Finding </span>{n}</a>')
            if it[1] > a:
                active.append(it)
        if b is None:
            break
        text = esc(source[a:b])
        if active:
            nest = sorted(active, key=lambda it: (it[0], -it[1], it[2]))
            opening = "".join(
                f'<mark class="{classes[it[3]["rule"]]}" title="{esc(tooltip(it[2], it[3]))}">' for it in nest
            )
            text = opening + text + "</mark>" * len(nest)
        out.append(text)
    return "".join(out)


def _figures(metrics: dict) -> str:
    rows = "".join(f"<dt>{esc(label)}</dt><dd>{esc(value)}</dd>" for label, value in scores.key_metrics(metrics))
    return f'<dl class="figures">{rows}</dl>' if rows else "<p>No figures.</p>"


def _all_figures(metrics: dict) -> str:
    rows = "".join(
        f'<tr><th scope="row">{esc(label)}</th><td class="path">{esc(key)}</td><td class="num">{esc(value)}</td></tr>'
        for key, label, value in scores.all_metrics(metrics)
    )
    if not rows:
        return ""
    return (
        "<details><summary>All figures</summary><table><caption>Every metric of this article</caption>"
        '<thead><tr><th scope="col">Figure</th><th scope="col">Key</th><th scope="col">Value</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></details>"
    )


def _rule_table(findings: list[dict], classes: dict[str, str], rules: dict) -> str:
    counts = scores.rule_counts(findings)
    if not counts:
        return "<p>No findings: nothing to fix.</p>"
    rows = []
    for rid, c in counts.items():
        summary = (rules.get(rid) or {}).get("summary", "")
        rows.append(
            f'<tr><th scope="row"><span class="tag {classes[rid]}">{esc(rid)}</span></th>'
            f"<td>{esc(summary)}</td>"
            + "".join(f'<td class="num">{c[k]}</td>' for k in ("total", "error", "warning", "info"))
            + "</tr>"
        )
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("Rule (highlight style)", "What it flags", "Findings", "Errors", "Warnings", "Info")
    )
    return (
        f"<table><caption>Findings per rule; each rule's highlight style is shown on its name</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _hardest(findings: list[dict]) -> str:
    items = scores.hardest_sentences(findings)
    if not items:
        return "<p>No sentence reads above the target grade.</p>"
    lis = "".join(
        f'<li><a href="#m-{n}">Line {f["line"]}</a>: <span class="excerpt">“{esc(f["excerpt"])}”</span>'
        f" — {esc(f['message'])}</li>"
        for n, f in items
    )
    return f"<ol>{lis}</ol>"


def _finding_list(findings: list[dict], classes: dict[str, str]) -> str:
    if not findings:
        return "<p>None.</p>"
    items = []
    for n, f in enumerate(findings, 1):
        parts = [
            f'<a href="#m-{n}">Line {f["line"]}, column {f["column"]}</a>',
            f' <span class="tag {classes[f["rule"]]}">{esc(f["rule"])}</span>',
            f" <strong>{esc(f['severity'].capitalize())}</strong>: {esc(f['message'])}",
        ]
        if f.get("suggestion"):
            parts.append(f"<br>Suggestion: {esc(f['suggestion'])}")
        if f.get("excerpt"):
            parts.append(f'<br>Text: <span class="excerpt">“{esc(f["excerpt"])}”</span>')
        items.append(f'<li id="f-{n}">{"".join(parts)}</li>')
    return f'<ol class="findings">{"".join(items)}</ol>'


def render(result: dict, *, rules: dict | None = None, tool: dict | None = None, index: str = "index.html") -> str:
    rules = rules or {}
    findings = result.get("findings") or []
    classes = rule_classes({f["rule"] for f in findings})  # styles differ among the rules on this page
    label = esc(STATUS_LABEL.get(result["status"], result["status"].upper()))
    title = result.get("title") or result["path"]
    metrics = result.get("metrics") or {}
    header = (
        f'<header><a class="skip" href="#main">Skip to content</a>'
        f'<p><a href="{esc(index)}">All articles</a></p>'
        f"<h1>{esc(title)}</h1>"
        f'<p><span class="path">{esc(result["path"])}</span> · <span class="badge {label}">{label}</span></p>'
        "</header>"
    )
    if result["status"] == "error":
        main = f'<main id="main"><h2>Could not audit this file</h2><p>{esc(result.get("error") or "")}</p></main>'
    else:
        source = result.get("source")
        text = (
            f'<div class="article" id="text">{highlighted(source, findings, classes)}</div>'
            if source is not None
            else "<p>The article text was not kept for this report.</p>"
        )
        intro = (
            "<p>Each finding is highlighted and numbered; hover a highlight for its message, or follow "
            "its number to the list below.</p>"
        )
        main = (
            '<main id="main">'
            + section(
                "scores",
                "Scores",
                f'<p class="verdict">{esc(scores.grade_sentence(metrics))}</p>'
                + _figures(metrics)
                + _all_figures(metrics),
            )
            + section("rules", "Findings by rule", _rule_table(findings, classes, rules))
            + section("hard", "Hardest sentences", _hardest(findings))
            + section("text", "The article", intro + text)
            + section("list", f"Findings ({len(findings)})", _finding_list(findings, classes))
            + "</main>"
        )
    tool = tool or {}
    footer = f"<footer><p>Made by {esc(tool.get('name', 'article-audit'))} {esc(tool.get('version', ''))}.</p></footer>"
    return page(f"{title} — article-audit ({label})", header + main + footer)
