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

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")

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
:root { color: #111; background: #fff; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { margin: 0 auto; max-width: 60rem; padding: 0 1rem 2rem; }
body.wide { max-width: 84rem; }
a { color: #0b3d91; }
a:focus, button:focus, mark:focus { outline: 3px solid #111; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { position: static; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header { border-bottom: 1px solid #767676; padding: .5rem 0; }
footer { border-top: 1px solid #767676; margin-top: 2rem; padding-top: .5rem; font-size: .9rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .6rem 0; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
.path { font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 .5em; border-radius: .25em; font-weight: 700; color: #fff; }
.badge.PASS { background: #1a6b1a; } .badge.FAIL { background: #a40e0e; } .badge.ERROR { background: #6b4400; }
.verdict { font-size: 1.15rem; font-weight: 600; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #767676; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; color: #0b3d91;
  text-decoration: underline; cursor: pointer; text-align: left; }
th[aria-sort=ascending] button::after { content: " ▲"; } th[aria-sort=descending] button::after { content: " ▼"; }
dl.figures { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
dl.figures dt { font-weight: 600; } dl.figures dd { margin: 0; }
.article { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid #767676; padding: 1rem;
  font-family: Georgia, "Times New Roman", serif; line-height: 1.9; }
mark { color: #111; text-decoration-line: underline; text-decoration-thickness: 2px; text-decoration-skip-ink: none; }
a.ref { font: 700 .7rem/1 system-ui, sans-serif; vertical-align: super; color: #0b3d91; background: #fff;
  border: 1px solid #0b3d91; border-radius: .6em; padding: 0 .3em; margin: 0 .1em; text-decoration: none; }
.tag { padding: 0 .3em; text-decoration-line: underline; text-decoration-thickness: 2px;
  font-family: ui-monospace, Menlo, monospace; }
ol.findings li { margin-bottom: .6rem; }
ol.findings li:target { outline: 3px solid #0b3d91; }
.excerpt { font-family: Georgia, serif; }
figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }
"""


def palette_css() -> str:
    rules = []
    for n, (bg, style, line) in enumerate(PALETTE):
        offset = 2 + (n % 3) * 2
        rules.append(
            f".r{n} {{ background: {bg}; text-decoration-style: {style}; text-decoration-color: {line}; "
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


def page(title: str, body: str, *, script: str = "", wide: bool = False) -> str:
    """A whole document: `body` is trusted markup built by the writers from escaped parts."""
    scripts = f"script-src {_hash(script)}" if script else "script-src 'none'"
    csp = (
        f"default-src 'none'; style-src {_hash(STYLE)}; {scripts}; img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    tail = f"<script>{script}</script>\n" if script else ""
    body_class = ' class="wide"' if wide else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="article-audit">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body{body_class}>\n"
        f"{body}\n{tail}</body>\n</html>\n"
    )
