"""The app's page and its answer to a draft: the report's sections, ready to show.

The page is one self-contained document under the report's Content-Security-Policy
(its own style and script by hash, nothing from elsewhere) that may call back to its
own origin only. Its script sends the draft to the server as the editor types (after
a pause), shows the answer, keeps the filters as the editor left them, reads an
uploaded file in the browser, and offers the report for download from memory.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audit import __version__
from audit.api import FORMATS, audit_text
from audit.engine.rule_metadata import rule_metadata
from audit.engine.settings import Settings
from audit.reports import html_article, json_report, markdown_article
from audit.reports.html_page import STYLE, csp, esc, page
from audit.reports.summary import STATUS_LABEL
from audit.results.model import RunResult, without_page_keys

DRAFT = "draft"  # the name a draft is reported under
MAX_RULE_KEYS = 64  # the filter style covers this many rules (k0 …); a run has far fewer
FORMAT_NAMES = {"text": "Plain text", "markdown": "Markdown", "html": "HTML"}

APP_CSS = """
body { max-width: 96rem; }
.panes { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem 2rem; }
@media (min-width: 64rem) { .panes { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); }
  .draft-pane { position: sticky; top: 0; align-self: start; } }
label.block { display: block; font-weight: 600; margin: .6rem 0 .2rem; }
textarea { box-sizing: border-box; width: 100%; min-height: 18rem; font: 1rem/1.5 Georgia, serif; padding: .5rem;
  color: #111; background: #fff; border: 1px solid #767676; }
select, button, input[type=file] { font: inherit; }
button { padding: .2rem .7rem; border: 1px solid #767676; background: #f4f4f4; color: #111; border-radius: .2rem; cursor: pointer; }
button:disabled { color: #595959; cursor: not-allowed; }
.controls { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; }
.downloads { margin: .8rem 0; display: flex; flex-wrap: wrap; gap: .5rem; }
#status { font-weight: 600; min-height: 1.5em; }
.config { font-size: .95rem; }
@media (prefers-color-scheme: dark) { button { background: #2a2a2a; color: #eee; } button:disabled { color: #aaa; } }
"""

SCRIPT = """(function () {
  "use strict";
  var draft = document.getElementById("draft"), format = document.getElementById("format");
  var upload = document.getElementById("upload"), out = document.getElementById("report");
  var status = document.getElementById("status"), timer = null, last = null, sent = 0;
  var downloads = {"download-html": ["report_html", "text/html", ".html"],
                   "download-md": ["markdown", "text/markdown", ".md"],
                   "download-json": ["json", "application/json", ".json"]};
  function enable(on) {
    Object.keys(downloads).forEach(function (id) { document.getElementById(id).disabled = !on; });
  }
  function unticked() {
    return Array.prototype.filter.call(out.querySelectorAll(".filters input"), function (box) {
      return !box.checked;
    }).map(function (box) { return box.id; });
  }
  function show(answer) {
    var off = unticked();
    out.innerHTML = answer.html;
    off.forEach(function (id) { var box = document.getElementById(id); if (box) { box.checked = false; } });
    last = answer;
    enable(true);
    status.textContent = answer.summary;
  }
  function check() {
    var n = ++sent;
    if (!draft.value.trim()) {
      out.innerHTML = ""; last = null; enable(false);
      status.textContent = "Type or paste a draft: it is checked as you type.";
      return;
    }
    fetch("api/audit", {method: "POST", headers: {"Content-Type": "application/json"},
                        body: JSON.stringify({text: draft.value, format: format.value})})
      .then(function (r) { return r.json().then(function (body) { return {ok: r.ok, body: body}; }); })
      .then(function (answer) {
        if (n !== sent) { return; }
        if (!answer.ok) { status.textContent = answer.body.error || "The draft could not be checked."; return; }
        show(answer.body);
      }, function () {
        if (n === sent) { status.textContent = "No answer from article-audit serve: is it still running?"; }
      });
  }
  function soon() { clearTimeout(timer); timer = setTimeout(check, 300); }
  draft.addEventListener("input", soon);
  format.addEventListener("change", check);
  upload.addEventListener("change", function () {
    var file = upload.files[0];
    if (!file) { return; }
    var ext = file.name.toLowerCase().split(".").pop();
    format.value = (ext === "md" || ext === "markdown") ? "markdown" : (ext === "html" || ext === "htm") ? "html" : "text";
    file.text().then(function (text) { draft.value = text; check(); },
                     function () { status.textContent = "That file could not be read."; });
  });
  Object.keys(downloads).forEach(function (id) {
    document.getElementById(id).addEventListener("click", function () {
      if (!last) { return; }
      var spec = downloads[id], link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([last[spec[0]]], {type: spec[1]}));
      link.download = "draft-report" + spec[2];
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });
  });
  enable(false);
  check();
})();"""

# The app's own style and the filter rules for any draft's rules (k0 …): a draft's report
# is shown inside the page, whose policy admits no other style.
EXTRA_CSS = APP_CSS + html_article.filter_css([f"k{n}" for n in range(MAX_RULE_KEYS)])


@dataclass(frozen=True)
class App:
    """The settings drafts are checked with (the configuration of the folder the server
    started in, made once), and what the page says about them."""

    settings: Settings
    folder: str

    @property
    def rules(self) -> dict[str, dict[str, Any]]:
        return rule_metadata(type(rs.rule) for rs in self.settings.rules)

    def csp(self) -> str:
        """The policy of every response: the report's, plus calls back to this origin."""
        return csp(STYLE + EXTRA_CSS, SCRIPT, connect=True)

    def page(self) -> str:
        config = self.settings.config
        where = (
            f'the config file <span class="path">{esc(config)}</span>'
            if config
            else f'the built-in defaults (no config file found from <span class="path">{esc(self.folder)}</span>)'
        )
        options = "".join(f'<option value="{k}">{esc(v)}</option>' for k, v in FORMAT_NAMES.items())
        body = (
            '<header><a class="skip" href="#draft">Skip to the draft</a><h1>Check a draft</h1>'
            f'<p class="config">Checked with {where}; fail-on: {esc(self.settings.fail_on)}. '
            "The draft stays on this computer: only this page and the local server see it.</p></header>"
            '<main id="main"><div class="panes"><section class="draft-pane" aria-labelledby="h-draft">'
            '<h2 id="h-draft">Your draft</h2>'
            "<noscript><p>This page needs JavaScript to check a draft. Without it, use "
            "<code>article-audit check</code>.</p></noscript>"
            '<label class="block" for="draft">Draft text (checked as you type)</label>'
            '<textarea id="draft" spellcheck="true" autocomplete="off"></textarea>'
            '<div class="controls"><div><label class="block" for="format">Format</label>'
            f'<select id="format">{options}</select></div>'
            '<div><label class="block" for="upload">Or open a file (read here, not uploaded)</label>'
            '<input type="file" id="upload" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html">'
            "</div></div>"
            '<div class="downloads" role="group" aria-label="Download the report">'
            '<button type="button" id="download-html">Download HTML</button>'
            '<button type="button" id="download-md">Download Markdown</button>'
            '<button type="button" id="download-json">Download JSON</button></div>'
            "</section>"
            '<section aria-labelledby="h-report"><h2 id="h-report">Report</h2>'
            '<p id="status" role="status" aria-live="polite"></p><div id="report"></div></section>'
            "</div></main>"
            f"<footer><p>article-audit {esc(__version__)}, serving this folder: "
            f'<span class="path">{esc(self.folder)}</span>.</p></footer>'
        )
        return page("Check a draft — article-audit", body, script=SCRIPT, css=EXTRA_CSS, connect=True)

    def answer(self, text: str, fmt: str) -> dict[str, Any]:
        """What the page shows of a draft, and the report in three formats for download."""
        result = audit_text(text, self.settings, path=DRAFT, format=fmt, keep_source=True).to_dict()
        rules = self.rules
        content, _ = html_article.sections(result, rules, compact=True)  # the page's style already covers the filters
        model = RunResult([without_page_keys(result)], rules=rules).to_dict()
        label = STATUS_LABEL.get(result["status"], result["status"].upper())
        if result["status"] == "error":
            summary = f"Could not check the draft: {result.get('error')}"
        else:
            must = sum(html_article.blocking(f, result.get("fail_on")) for f in result["findings"])
            summary = f"Checked: {label}, {must} to fix, {len(result['findings']) - must} advice."
        return {
            "status": result["status"],
            "summary": summary,
            "html": content,
            "report_html": html_article.render(result, rules=rules, tool=model["tool"], index=None),
            "markdown": markdown_article.render(result, rules=rules),
            "json": json_report.render(model),
        }


def parse_request(body: bytes) -> tuple[str, str]:
    """(text, format) from the page's JSON; ValueError with a message for anything else."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError("the request is not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise ValueError('the request needs "text": the draft, as a string')
    try:
        data["text"].encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("the draft holds characters that are not text (unpaired surrogates)") from None
    fmt = data.get("format", "text")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    return data["text"], fmt


def settings_for(folder: str, *, config: str | None = None, isolated: bool = False, profile: str | None = None):
    """The settings of a draft in `folder` (its nearest config), as `check` would use."""
    from audit.api import rules_registry
    from audit.config.per_folder import PerFolderSettings

    per_folder = PerFolderSettings(
        rules_registry(), config=Path(config) if config else None, isolated=isolated, profile=profile
    )
    return per_folder(os.path.join(folder, "draft.txt"))
