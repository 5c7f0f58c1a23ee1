"""One article as an HTML page: why it passed or failed, then its text with each finding in place.

The page leads with a one-sentence verdict that links to the findings deciding the gate
(those at or above the run's fail-on severity, the result's `fail_on`), and the
article-level findings (a figure of the whole article, anchored on its title: those with
a `metric`). Below, the text with each finding in place (html_highlight), then the
findings in two lists, "must fix" and "advice", each linking back to its marker.

Checkboxes show and hide each rule and each severity through CSS alone (`:has`), so the
page is complete without JavaScript. Source the audit did not read (code, front matter,
page furniture: the result's `unaudited` spans) is greyed, labelled, and collapsed.
"""

from __future__ import annotations

from audit.reports import scores
from audit.reports.html_highlight import ICONS, RANK, article_level, highlighted
from audit.reports.html_page import esc, page, rule_classes, section
from audit.reports.summary import STATUS_LABEL
from audit.results.findings import SEVERITY_NAMES


def blocking(f: dict, fail_on: str | None) -> bool:
    """Whether the finding alone fails the gate (at or above fail-on; "error" if unknown)."""
    threshold = fail_on or "error"
    return threshold != "never" and RANK.get(f["severity"], 0) >= RANK.get(threshold, 2)


def severity_label(severity: str) -> str:
    return f'<span class="sev sev-{esc(severity)}"><span aria-hidden="true">{ICONS.get(severity, "•")}</span> {esc(severity.capitalize())}</span>'


def _figures(metrics: dict) -> str:
    rows = "".join(f"<dt>{esc(label)}</dt><dd>{esc(value)}</dd>" for label, value in scores.key_metrics(metrics))
    return f'<dl class="figures">{rows}</dl>' if rows else "<p>No figures.</p>"


def _all_figures(metrics: dict) -> str:
    rows = "".join(
        f'<tr><th scope="row">{esc(label)}</th><td class="path" data-label="Key">{esc(key)}</td><td class="num" data-label="Value">{esc(value)}</td></tr>'
        for key, label, value in scores.all_metrics(metrics)
    )
    if not rows:
        return ""
    return (
        '<details><summary>All figures</summary><table class="cards"><caption>Every metric of this article</caption>'
        '<thead><tr><th scope="col">Figure</th><th scope="col">Key</th><th scope="col">Value</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></details>"
    )


def _rule_table(findings: list[dict], classes: dict[str, str], rules: dict) -> str:
    counts = scores.rule_counts(findings)
    if not counts:
        return "<p>No findings: nothing to fix.</p>"
    heads = ("Rule (highlight style)", "What it flags", "Findings", "Errors", "Warnings", "Info")
    rows = []
    for rid, c in counts.items():
        summary = (rules.get(rid) or {}).get("summary", "")
        rows.append(
            f'<tr><th scope="row"><span class="tag {classes[rid]}">{esc(rid)}</span></th>'
            f'<td data-label="{heads[1]}">{esc(summary)}</td>'
            + "".join(
                f'<td class="num" data-label="{h}">{c[k]}</td>'
                for h, k in zip(heads[2:], ("total", "error", "warning", "info"))
            )
            + "</tr>"
        )
    head = "".join(f'<th scope="col">{h}</th>' for h in heads)
    return (
        f'<table class="cards"><caption>Findings per rule; each rule\'s highlight style is shown on its name</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _hardest(findings: list[dict], metrics: dict, marker_of: dict[int, int]) -> str:
    items = scores.hardest_sentences(findings)
    if not items:
        return "<p>No sentence reads above the target grade.</p>"
    grade, target = metrics.get("consensus_grade"), metrics.get("target_grade")
    within = isinstance(grade, (int, float)) and isinstance(target, (int, float)) and grade <= target
    note = (
        "<p>The article is within its target; these are its hardest sentences, for information.</p>"
        if within
        else "<p>Hardest first.</p>"
    )
    lis = "".join(
        f'<li><a href="#m-{marker_of.get(n, n)}">Line {f["line"]}</a>: <span class="excerpt">“{esc(f["excerpt"])}”</span>'
        f" — {esc(f['message'])}</li>"
        for n, f in items
    )
    return f'{note}<ol class="hardest">{lis}</ol>'


def _finding_item(n: int, f: dict, classes: dict[str, str], keys: dict[str, str], back: str) -> str:
    parts = [
        f"{back} {severity_label(f['severity'])}",
        f' <span class="tag {classes[f["rule"]]}">{esc(f["rule"])}</span>',
        f": {esc(f['message'])}",
    ]
    if f.get("suggestion"):
        parts.append(f"<br>Suggestion: {esc(f['suggestion'])}")
    if f.get("excerpt") and not article_level(f):
        parts.append(f'<br>Text: <span class="excerpt">“{esc(f["excerpt"])}”</span>')
    cls = f"{keys[f['rule']]} s-{esc(f['severity'])}"
    return f'<li id="f-{n}" class="{cls}">{"".join(parts)}</li>'


def _finding_list(numbered, classes, keys, marker_of, empty: str) -> str:
    if not numbered:
        return f"<p>{esc(empty)}</p>"
    items = [
        _finding_item(
            n, f, classes, keys, f'<a href="#m-{marker_of.get(n, n)}">Line {f["line"]}, column {f["column"]}</a>'
        )
        for n, f in numbered
    ]
    return f'<ol class="findings">{"".join(items)}</ol>'


def _link(n: int, f: dict) -> str:
    where = "the article" if article_level(f) else f"line {f['line']}"
    return f'<a href="#f-{n}">{esc(f["rule"])} ({where})</a>'


def verdict(result: dict, numbered: list[tuple[int, dict]]) -> str:
    """One sentence: why the article passed or failed, linking to the findings that decide it."""
    fail_on = result.get("fail_on") or "error"
    must = [(n, f) for n, f in numbered if blocking(f, fail_on)]
    advice = len(numbered) - len(must)
    advice_text = f"{advice} finding{'s' if advice != 1 else ''} of advice" if advice else "no advice"
    if fail_on == "never":
        return f"Passes: the gate is off (fail-on is never); {advice_text}."
    level = {"error": "errors", "warning": "warnings or errors"}.get(fail_on, f"{fail_on} or worse")
    if not must:
        return f"Passes: no finding at the fail-on level ({level}); {advice_text}."
    shown = must[:6]
    links = ", ".join(_link(n, f) for n, f in shown)
    rest = f" and {len(must) - len(shown)} more" if len(must) > len(shown) else ""
    count = f"{len(must)} finding{'s' if len(must) != 1 else ''}"
    return f"Fails: {count} at the fail-on level ({level}): {links}{rest}; {advice_text}."


def _filters(findings: list[dict], classes: dict[str, str], keys: dict[str, str], rules: dict) -> str:
    counts = scores.rule_counts(findings)
    rule_boxes = "".join(
        f'<label><input type="checkbox" id="show-{keys[rid]}" checked> '
        f'<span class="tag {classes[rid]}">{esc(rid)}</span> ({c["total"]})</label>'
        for rid, c in counts.items()
    )
    sev_counts = {s: sum(1 for f in findings if f["severity"] == s) for s in SEVERITY_NAMES}
    sev_boxes = "".join(
        f'<label><input type="checkbox" id="show-s-{s}" checked> {severity_label(s)} ({sev_counts[s]})</label>'
        for s in SEVERITY_NAMES
        if sev_counts[s]
    )
    return (
        '<div class="filters"><p>Untick a rule or a severity to hide its findings in the text and the lists.</p>'
        f"<fieldset><legend>Rules</legend>{rule_boxes}</fieldset>"
        f"<fieldset><legend>Severity</legend>{sev_boxes}</fieldset></div>"
    )


def filter_css(keys: list[str]) -> str:
    """The show/hide rules of the filter checkboxes (CSS only, for this page's rules)."""
    out = []
    for key in [*keys, *(f"s-{s}" for s in SEVERITY_NAMES)]:
        off = f"body:has(#show-{key}:not(:checked))"
        out.append(
            f"{off} mark.{key} {{ background: none; text-decoration: none; border-bottom-color: transparent; }}\n"
            f"{off} .ref.{key}, {off} li.{key} {{ display: none; }}"
        )
    return "\n".join(out) + "\n"


LEGEND = (
    '<details class="legend"><summary>How to read the highlights</summary><p>A word or phrase with a finding has a coloured background and '
    "underline (one style per rule); a sentence with a finding is underlined below the line "
    "(solid: error, dashed: warning, dotted: info). Each marker shows the worst severity "
    '(<span aria-hidden="true">✖</span> error, <span aria-hidden="true">▲</span> warning, '
    '<span aria-hidden="true">ℹ</span> info), the number of the first finding there and, after +, how many more '
    "start at the same place; follow it to the finding. Hover a highlight for its message.</p></details>"
)


def render(
    result: dict, *, rules: dict | None = None, tool: dict | None = None, index: str | None = "index.html"
) -> str:
    """The page; `index` is the link back to the index (None: no link)."""
    rules = rules or {}
    label = esc(STATUS_LABEL.get(result["status"], result["status"].upper()))
    title = result.get("title") or result["path"]
    back = f'<p><a href="{esc(index)}">All articles</a></p>' if index else ""
    header = (
        f'<header><a class="skip" href="#main">Skip to content</a>{back}'
        f"<h1>{esc(title)}</h1>"
        f'<p><span class="path">{esc(result["path"])}</span> · <span class="badge {label}">{label}</span></p>'
        "</header>"
    )
    content, css = sections(result, rules)
    tool = tool or {}
    footer = f"<footer><p>Made by {esc(tool.get('name', 'article-audit'))} {esc(tool.get('version', ''))}.</p></footer>"
    return page(f"{title} — article-audit ({label})", f'{header}<main id="main">{content}</main>{footer}', css=css)


def sections(result: dict, rules: dict, *, compact: bool = False) -> tuple[str, str]:
    """(the page's sections as markup, their CSS): also what the app shows of a draft, where
    `compact` folds the figures away and puts the text before the filters, right after
    the verdict."""
    if result["status"] == "error":
        return f"<h2>Could not audit this file</h2><p>{esc(result.get('error') or '')}</p>", ""
    findings = result.get("findings") or []
    classes = rule_classes({f["rule"] for f in findings})  # styles differ among the rules on this page
    keys = {rid: f"k{n}" for n, rid in enumerate(sorted(classes))}
    label = esc(STATUS_LABEL.get(result["status"], result["status"].upper()))
    metrics = result.get("metrics") or {}
    numbered = list(enumerate(findings, 1))
    source = result.get("source")
    if source is not None:
        marked, marker_of = highlighted(source, findings, classes, result.get("unaudited") or (), keys)
        text = f'<div class="article" id="text">{marked}</div>'
    else:
        marker_of = {}
        text = "<p>The article text was not kept for this report.</p>"
    overall = [(n, f) for n, f in numbered if article_level(f)]
    in_text = [(n, f) for n, f in numbered if not article_level(f)]
    fail_on = result.get("fail_on")
    must = [(n, f) for n, f in in_text if blocking(f, fail_on)]
    advice = [(n, f) for n, f in in_text if not blocking(f, fail_on)]
    overall_html = (
        '<h3>About the whole article</h3><ul class="findings">'
        + "".join(_finding_item(n, f, classes, keys, "") for n, f in overall)
        + "</ul>"
        if overall
        else ""
    )
    summary = (
        f'<p class="verdict"><span class="badge {label}">{label}</span> {verdict(result, numbered)}</p>'
        + overall_html
        + f'<p class="grade">{esc(scores.grade_sentence(metrics))}</p>'
        + (
            f"<details><summary>Figures</summary>{_figures(metrics)}{_all_figures(metrics)}</details>"
            if compact
            else _figures(metrics) + _all_figures(metrics)
        )
    )
    filters = section("filters", "Show findings", _filters(findings, classes, keys, rules)) if findings else ""
    article = section("text", "The article", LEGEND + text)
    content = (
        section("summary", "Summary", summary)
        + (article + filters if compact else filters + article)
        + section("must", f"Must fix ({len(must)})", _finding_list(must, classes, keys, marker_of, "Nothing."))
        + section("advice", f"Advice ({len(advice)})", _finding_list(advice, classes, keys, marker_of, "None."))
        + section("hard", "Hardest sentences", _hardest(findings, metrics, marker_of))
        + section("rules", "Findings by rule", _rule_table(findings, classes, rules))
    )
    return content, filter_css(sorted(keys.values()))
