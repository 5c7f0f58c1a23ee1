"""The shell every HTML report page shares: escaping, styles, rule palette, CSP.

Pages are self-contained (no external scripts, fonts or images). Everything taken from
an article or a rule is escaped, and a Content-Security-Policy allows only the page's
own style and script (by hash), so even markup that slipped through could not run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

from audit.results.controls import CONTROL_CLASS

# The controls of every writer (bidi overrides reorder what a reader sees, in a page too)
# and lone surrogates, which no page can hold.
_CONTROL = re.compile(f"[{CONTROL_CLASS}\ud800-\udfff]")

# Rule styles: a light background (text on it keeps a contrast above 10:1), an underline
# style and colour, so that rules differ by more than colour alone.
PALETTE = (
    ("#fff3b0", "solid", "#6b5200"),
    ("#d6ecff", "double", "#1f4e8c"),
    ("#ffd9d9", "wavy", "#a11a1a"),
    ("#d7f5d7", "dashed", "#1c6b1c"),
    ("#eadcff", "dotted", "#5b2a99"),
    ("#ffe2c2", "solid", "#8a4b00"),
    ("#ccf2f2", "double", "#0f5f5f"),
    ("#ececec", "wavy", "#3d3d3d"),
)

CSS = """
:root { color: #111; background: #fff; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --link: #0b3d91; --rule: #767676; --paper: #fff; --ink: #111; }
body { margin: 0 auto; max-width: 60rem; padding: 0 1rem 2rem; overflow-wrap: break-word; }
body.wide { max-width: 84rem; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible,
summary:focus-visible, mark:focus-visible { outline: 3px solid currentColor; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { position: static; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header { border-bottom: 1px solid var(--rule); padding: .5rem 0; }
footer { border-top: 1px solid var(--rule); margin-top: 2rem; padding-top: .5rem; font-size: .9rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .6rem 0; }
h2 { font-size: 1.25rem; margin-top: 2rem; } h3 { font-size: 1.05rem; }
.path { font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 .5em; border-radius: .25em; font-weight: 700; color: #fff; }
.badge.PASS { background: #1a6b1a; } .badge.FAIL { background: #a40e0e; } .badge.ERROR { background: #6b4400; }
.verdict { font-size: 1.15rem; font-weight: 600; }
.sev { font-weight: 700; white-space: nowrap; }
table { border-collapse: collapse; margin: .5rem 0; max-width: 100%; }
th, td { border: 1px solid var(--rule); padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; color: var(--link);
  text-decoration: underline; cursor: pointer; text-align: left; }
th[aria-sort=ascending] button::after { content: " ▲"; } th[aria-sort=descending] button::after { content: " ▼"; }
dl.figures { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: .2rem 1rem; }
dl.figures dt { font-weight: 600; } dl.figures dd { margin: 0; }
.filters fieldset { border: 1px solid var(--rule); margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; }
.filters label { white-space: nowrap; }
.legend { font-size: .95rem; }
.article { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--rule); padding: 1rem;
  font-family: Georgia, "Times New Roman", serif; line-height: 2.1; color: #111; background: #fff; }
.article a { color: #0b3d91; }
mark { color: #111; text-decoration-line: underline; text-decoration-thickness: 2px; text-decoration-skip-ink: none; }
mark.long { background: none; text-decoration: none; padding-bottom: 1px; border-bottom: 2px solid; }
mark.long.s-error { border-bottom-width: 3px; } mark.long.s-warning { border-bottom-style: dashed; }
mark.long.s-info { border-bottom-style: dotted; }
mark.long.d1 { padding-bottom: 5px; } mark.long.d2 { padding-bottom: 9px; } mark.long.d3 { padding-bottom: 13px; }
a.ref { font: 700 .7rem/1 system-ui, sans-serif; vertical-align: super; color: #0b3d91; background: #fff;
  border: 1px solid #0b3d91; border-radius: .6em; padding: 0 .3em; margin: 0 .1em; text-decoration: none; white-space: nowrap; }
a.ref.sev-error { color: #fff; background: #a40e0e; border-color: #a40e0e; }
a.ref.sev-warning { color: #111; background: #ffd24d; border-color: #6b5200; }
a.ref .more { font-weight: 400; margin-left: .15em; }
details.skipped { display: inline; color: #555; }
details.skipped summary { display: inline; cursor: pointer; font: italic .9rem system-ui, sans-serif; color: #444;
  border: 1px dashed #767676; padding: 0 .3em; }
details.skipped[open] .skipped-text { color: #595959; background: #f2f2f2; }
.tag { padding: 0 .3em; text-decoration-line: underline; text-decoration-thickness: 2px;
  font-family: ui-monospace, Menlo, monospace; color: #111; }
ol.findings li, ul.findings li { margin-bottom: .6rem; }
li:target { outline: 3px solid var(--link); }
.excerpt { font-family: Georgia, serif; }
figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }
@media (max-width: 40rem) {
  body { padding: 0 .6rem 1rem; }
  table.cards, table.cards tbody, table.cards tfoot, table.cards tr, table.cards th, table.cards td { display: block; }
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.cards caption { display: block; }
  table.cards tr { border: 1px solid var(--rule); margin: 0 0 .6rem; padding: .3rem;
    display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); }
  table.cards tr > :nth-child(-n+2) { grid-column: 1 / -1; }
  table.cards th, table.cards td { border: 0; padding: .1rem .2rem; text-align: left; }
  table.cards td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
  table.cards td:empty { display: none; }
  dl.figures { grid-template-columns: minmax(0, 1fr) auto; } dl.figures dd { text-align: right; }
  .article { padding: .5rem; }
}
@media (prefers-color-scheme: dark) {
  :root { color: #eee; background: #121212; --link: #9ec5ff; --rule: #8a8a8a; }
  .tag { color: #111; }
  .filters .tag, .findings .tag, table .tag { color: #111; }
  details.skipped summary { color: #444; background: #fff; }
  figure svg { background: #fff; }
}
@media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
@media (prefers-reduced-motion: reduce) { *, *::before, *::after { transition: none !important; animation: none !important; } }
@media print {
  :root { color: #000; background: #fff; --link: #000; }
  body, body.wide { max-width: none; padding: 0; }
  .skip, .filters, #h-filters, section[aria-labelledby=h-filters], th button::after { display: none; }
  a { color: #000; }
  .article { border: 0; padding: 0; }
  mark, a.ref, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  details.skipped .skipped-text { display: none; }
  h2 { break-after: avoid; } li, tr { break-inside: avoid; }
}
"""


def palette_css() -> str:
    rules = []
    for n, (bg, style, line) in enumerate(PALETTE):
        offset = 2 + (n % 3) * 2
        rules.append(
            f".r{n} {{ background: {bg}; text-decoration-style: {style}; text-decoration-color: {line}; border-color: {line}; "
            f"text-underline-offset: {offset}px; }}"
        )
    return "\n".join(rules)


STYLE = CSS + palette_css() + "\n"


def esc(text) -> str:
    """Text for HTML content or a quoted attribute: escaped, control characters replaced."""
    return html.escape(_CONTROL.sub("\ufffd", str(text)), quote=True)


def rule_classes(rule_ids) -> dict[str, str]:
    """rule id -> CSS class, in sorted id order; up to len(PALETTE) rules get distinct styles."""
    return {rid: f"r{n % len(PALETTE)}" for n, rid in enumerate(sorted(set(rule_ids)))}


def section(key: str, heading: str, content: str) -> str:
    """A landmark section titled by its h2; `heading` is escaped, `content` is markup."""
    return f'<section aria-labelledby="h-{key}"><h2 id="h-{key}">{esc(heading)}</h2>{content}</section>'


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def csp(style: str, script: str = "", *, connect: bool = False) -> str:
    """The Content-Security-Policy of a page with this style and script: nothing else may
    load or run (`connect`: the page may call back to its own origin, as the app does)."""
    scripts = f"script-src {_hash(script)}" if script else "script-src 'none'"
    connects = "; connect-src 'self'" if connect else ""
    return (
        f"default-src 'none'; style-src {_hash(style)}; {scripts}{connects}; img-src 'none'; base-uri 'none'; "
        "form-action 'none'"
    )


def page(title: str, body: str, *, script: str = "", wide: bool = False, css: str = "", connect: bool = False) -> str:
    """A whole document: `body` is trusted markup built by the writers from escaped parts;
    `css` is added to the shared style (the article page's filter rules)."""
    style = STYLE + css
    tail = f"<script>{script}</script>\n" if script else ""
    body_class = ' class="wide"' if wide else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp(style, script, connect=connect)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="article-audit">\n'
        f"<title>{esc(title)}</title>\n<style>{style}</style>\n</head>\n"
        f"<body{body_class}>\n"
        f"{body}\n{tail}</body>\n</html>\n"
    )
