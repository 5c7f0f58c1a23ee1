"""The index page of a report folder: every article, worst first, and two charts.

The table sorts by any column when JavaScript runs (a small inline script adds the
buttons) and reads fine without it. The charts are inline SVG with a text description
and a data table each: reading grades against the target, and findings by rule.
"""

from __future__ import annotations

from collections import Counter

from audit.reports.html_page import esc, page, section
from audit.reports.summary import Figures, number, outcome, table, totals

SORT_SCRIPT = """(function () {
  var table = document.getElementById("articles");
  if (!table || !table.tHead) { return; }
  var heads = table.tHead.rows[0].cells;
  function key(row, i) {
    var v = row.cells[i].getAttribute("data-sort");
    if (v === null) { v = row.cells[i].textContent; }
    var n = parseFloat(v);
    return v === "" ? null : (isNaN(n) ? v.toLowerCase() : n);
  }
  Array.prototype.forEach.call(heads, function (th, i) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a, i), y = key(b, i);
        if (x === y) { return 0; }
        if (x === null) { return 1; }
        if (y === null) { return -1; }
        return (x < y ? -1 : 1) * (ascending ? 1 : -1);
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();"""

_BAR, _ABOVE, _INK, _GRID = "#1d4ed8", "#a40e0e", "#111111", "#767676"
LOW, HIGH = 4, 18  # grade bins: "4 or below" … "18 or above"


def _cell(value, label: str) -> str:
    """A figure's cell; `label` names it where the table is shown as cards (narrow screens)."""
    text = number(value)
    return f'<td class="num" data-sort="{esc(text)}" data-label="{esc(label)}">{esc(text)}</td>'


def _row(r: Figures, page_name: str | None) -> str:
    link = f'<a href="{esc(page_name)}">{esc(r.title or r.path)}</a>' if page_name else esc(r.title or r.path)
    where = f'<br><span class="path">{esc(r.path)}</span>' if r.title and r.title != r.path else ""
    error = f"<br>Could not audit: {esc(r.error)}" if r.error else ""
    rank = {"ERROR": 0, "FAIL": 1, "PASS": 2}.get(r.label, 3)
    return (
        f'<tr><td data-sort="{rank}" data-label="Result"><span class="badge {r.label}">{r.label}</span></td>'
        f'<td data-sort="{esc(r.path)}">{link}{where}{error}</td>'
        + "".join(
            _cell(v, h)
            for v, h in zip(
                (
                    r.grade,
                    r.target,
                    r.words,
                    r.long_sentences,
                    r.passive_pct,
                    r.typos,
                    r.jargon,
                    r.errors,
                    r.warnings,
                    r.info,
                ),
                HEADERS[2:],
            )
        )
        + "</tr>"
    )


HEADERS = (
    "Result",
    "Article",
    "Grade",
    "Target",
    "Words",
    "Long sentences",
    "Passive %",
    "Typos",
    "Jargon",
    "Errors",
    "Warnings",
    "Info",
)


def _articles_table(rows: list[Figures], pages: dict[str, str]) -> str:
    t = totals(rows)
    head = "".join(f'<th scope="col">{h}</th>' for h in HEADERS)
    body = "".join(_row(r, pages.get(r.path)) for r in rows)
    avg = f"avg {number(t.mean_grade)}" if t.mean_grade is not None else ""
    passive = f"avg {number(t.mean_passive_pct)}" if t.mean_passive_pct is not None else ""

    def cell(text: str, label: str) -> str:
        return f'<td class="num" data-label="{label}">{text}</td>' if text else "<td></td>"

    foot = (
        f'<tr><th scope="row" colspan="2">Total: {t.articles} articles</th>{cell(avg, "Grade")}<td></td>'
        + "".join(cell(number(v), h) for v, h in ((t.words, "Words"), (t.long_sentences, "Long sentences")))
        + cell(passive, "Passive %")
        + "".join(cell(number(v), h) for v, h in zip((t.typos, t.jargon, t.errors, t.warnings, t.info), HEADERS[7:]))
        + "</tr>"
    )
    return (
        f'<table id="articles" class="cards"><caption>Articles, worst first (with JavaScript, select a column heading '
        f"to sort)</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody><tfoot>{foot}</tfoot></table>"
    )


def _bin(grade: float) -> int:
    return min(max(int(round(grade)), LOW), HIGH)


def _bin_label(b: int) -> str:
    return f"{b} or below" if b == LOW else f"{b} or above" if b == HIGH else str(b)


def _target(rows: list[Figures]) -> float | None:
    targets = Counter(r.target for r in rows if r.target is not None)
    return min(targets.items(), key=lambda kv: (-kv[1], kv[0]))[0] if targets else None


def grade_chart(rows: list[Figures]) -> str:
    grades = [r.grade for r in rows if r.grade is not None]
    if not grades:
        return "<p>No article has a reading grade.</p>"
    target = _target(rows)
    counts = Counter(_bin(g) for g in grades)
    bins = list(range(LOW, HIGH + 1))
    width, height, left, bottom, top = 640, 270, 40, 40, 40
    step = (width - left - 10) / len(bins)
    peak = max(counts.values())
    scale = (height - bottom - top) / peak

    def above(b: int) -> bool:
        return target is not None and b > target

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="grade-title grade-desc">'
    ]
    described = "; ".join(f"grade {_bin_label(b)}: {counts[b]}" for b in bins if counts[b])
    tgt = f" The target is grade {number(target)}; bars above it are hatched red." if target is not None else ""
    parts.append(
        f'<title id="grade-title">Reading grades of {len(grades)} articles</title>'
        f'<desc id="grade-desc">Articles per reading grade: {esc(described)}.{esc(tgt)}</desc>'
    )
    parts.append(
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{_ABOVE}"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>'
    )
    base = height - bottom
    parts.append(f'<line x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}" stroke="{_GRID}"/>')
    for i, b in enumerate(bins):
        x = left + i * step
        n = counts[b]
        if n:
            h = n * scale
            fill = "url(#hatch)" if above(b) else _BAR
            parts.append(
                f'<rect x="{x + 2:.1f}" y="{base - h:.1f}" width="{step - 4:.1f}" height="{h:.1f}" '
                f'fill="{fill}" stroke="{_INK}" stroke-width="0.5"/>'
            )
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{base - h - 4:.1f}" text-anchor="middle" '
                f'font-size="12" fill="{_INK}">{n}</text>'
            )
        tick = f"≤{b}" if b == LOW else f"{b}+" if b == HIGH else str(b)
        parts.append(
            f'<text x="{x + step / 2:.1f}" y="{base + 16}" text-anchor="middle" font-size="12" '
            f'fill="{_INK}">{tick}</text>'
        )
    parts.append(
        f'<text x="{width / 2:.0f}" y="{height - 6}" text-anchor="middle" font-size="13" '
        f'fill="{_INK}">Reading grade (US school grade)</text>'
    )
    parts.append(f'<text x="{left}" y="16" font-size="13" fill="{_INK}">Articles</text>')
    if target is not None:
        # Bars are whole grades; the line sits after the target's bar: bars right of it are above.
        tx = left + (min(max(target, LOW - 1), HIGH) - LOW + 1) * step
        parts.append(
            f'<line x1="{tx:.1f}" y1="22" x2="{tx:.1f}" y2="{base}" stroke="{_INK}" '
            'stroke-width="2" stroke-dasharray="6 4"/>'
        )
        parts.append(f'<text x="{tx + 4:.1f}" y="16" font-size="13" fill="{_INK}">target {number(target)}</text>')
    parts.append("</svg>")
    rows_html = "".join(
        f'<tr><th scope="row">Grade {esc(_bin_label(b))}</th><td class="num" data-label="Articles">{counts[b]}</td>'
        f"<td>{'above target' if above(b) else ''}</td></tr>"
        for b in bins
        if counts[b]
    )
    data = (
        '<details><summary>Chart data</summary><table class="cards"><caption>Articles per reading grade</caption>'
        '<thead><tr><th scope="col">Grade</th><th scope="col">Articles</th><th scope="col">Note</th></tr></thead>'
        f"<tbody>{rows_html}</tbody></table></details>"
    )
    caption = "Reading grades of the articles"
    if target is not None:
        caption += f" against the target grade {number(target)}"
    return f"<figure>{''.join(parts)}<figcaption>{esc(caption)}.</figcaption></figure>{data}"


def rule_chart(report: dict) -> str:
    counts: Counter = Counter()
    for result in report.get("files", ()):
        counts.update(f["rule"] for f in result.get("findings") or ())
    if not counts:
        return "<p>No findings.</p>"
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    row_h, left, width = 28, 190, 640
    height = row_h * len(ordered) + 20
    peak = ordered[0][1]
    scale = (width - left - 60) / peak
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="rule-title rule-desc">',
        f'<title id="rule-title">Findings by rule</title>'
        f'<desc id="rule-desc">{esc("; ".join(f"{rid}: {n}" for rid, n in ordered))}.</desc>',
    ]
    for i, (rid, n) in enumerate(ordered):
        y = 10 + i * row_h
        w = max(n * scale, 1)
        parts.append(
            f'<text x="{left - 8}" y="{y + 17}" text-anchor="end" font-size="13" fill="{_INK}">{esc(rid)}</text>'
        )
        parts.append(f'<rect x="{left}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" fill="{_BAR}"/>')
        parts.append(f'<text x="{left + w + 6:.1f}" y="{y + 17}" font-size="13" fill="{_INK}">{n}</text>')
    parts.append("</svg>")
    rules = report.get("rules") or {}
    rows_html = "".join(
        f'<tr><th scope="row">{esc(rid)}</th><td>{esc((rules.get(rid) or {}).get("summary", ""))}</td>'
        f'<td class="num" data-label="Findings">{n}</td></tr>'
        for rid, n in ordered
    )
    data = (
        '<details><summary>Chart data</summary><table class="cards"><caption>Findings per rule, all articles</caption>'
        '<thead><tr><th scope="col">Rule</th><th scope="col">What it flags</th><th scope="col">Findings</th>'
        f"</tr></thead><tbody>{rows_html}</tbody></table></details>"
    )
    return f"<figure>{''.join(parts)}<figcaption>Findings by rule, all articles.</figcaption></figure>{data}"


def render(report: dict, pages: dict[str, str]) -> str:
    """`pages` maps an article's path to its page's file name."""
    rows = table(report)
    t = totals(rows)
    tool = report.get("tool") or {}
    body = (
        '<header><a class="skip" href="#main">Skip to content</a><h1>article-audit report</h1>'
        f"<p>{esc(outcome(t))}; {t.errors} errors, {t.warnings} warnings, {t.info} notes.</p></header>"
        '<main id="main">'
        + section("articles", "Articles", _articles_table(rows, pages))
        + section("grades", "Reading grades", grade_chart(rows))
        + section("rules", "Findings by rule", rule_chart(report))
        + "</main>"
        f"<footer><p>Made by {esc(tool.get('name', 'article-audit'))} {esc(tool.get('version', ''))}.</p></footer>"
    )
    return page("article-audit report", body, script=SORT_SCRIPT, wide=True)
