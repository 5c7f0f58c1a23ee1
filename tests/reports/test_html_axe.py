"""The HTML reports pass axe-core in headless Chromium with zero violations.

Needs Debian's chromium and axe-core from npm (tests/browser; `.ci/install-browser-deps.sh`
installs both). Without them the test is skipped and says why; it is never faked: a
page with known faults must produce violations, or the harness itself is broken.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

RUNNER = Path(__file__).resolve().parent.parent / "browser" / "axe_check.py"
_spec = importlib.util.spec_from_file_location("axe_check", RUNNER)
axe_check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(axe_check)

pytestmark = pytest.mark.skipif(axe_check.missing() is not None, reason=str(axe_check.missing()))

BROKEN = """<!DOCTYPE html><html><head><title>t</title></head><body>
<p style="color:#bbb;background:#fff">faint text</p><img src="x.png"><a href="#"></a></body></html>
"""


def test_harness_reports_known_violations(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text(BROKEN, encoding="utf-8")
    found = {v["id"] for v in axe_check.check(page)["violations"]}
    assert {"color-contrast", "image-alt", "html-has-lang", "link-name"} <= found


def test_report_pages_have_no_violations(cli_report):
    _, out = cli_report
    pages = ["index.html", "news__coalition-meeting.txt.html", "hostile-x-.md.html", "note.txt.html"]
    results = {name: axe_check.check(out / name) for name in pages}
    problems = {
        name: [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in r["violations"]]
        for name, r in results.items()
        if r["violations"]
    }
    assert problems == {}


def test_error_page_has_no_violations(report, tmp_path):
    from audit.reports import report_dir

    for name, content in report_dir.build(report).items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    error_page = next(p for p in tmp_path.glob("bad*.html"))
    assert axe_check.check(error_page)["violations"] == []
    assert axe_check.check(tmp_path / "index.html")["violations"] == []


SORT = """
var table = document.getElementById("articles");
function order() {
  return Array.prototype.map.call(table.tBodies[0].rows, function (r) { return r.cells[4].textContent; });
}
var heads = table.tHead.rows[0].cells, before = order();
var button = heads[4].querySelector("button");
button.click();
var up = order(), upSort = heads[4].getAttribute("aria-sort");
button.click();
report({before: before, up: up, upSort: upSort, down: order(), downSort: heads[4].getAttribute("aria-sort"),
        buttons: table.tHead.querySelectorAll("button").length});
"""


def test_index_table_sorts_by_column(cli_report):
    _, out = cli_report
    got = axe_check.run_in_page(out / "index.html", SORT)
    words = sorted(int(w) for w in got["before"])
    assert got["buttons"] == 12
    assert [int(w) for w in got["up"]] == words and got["upSort"] == "ascending"
    assert [int(w) for w in got["down"]] == words[::-1] and got["downSort"] == "descending"


def test_pages_own_script_and_style_pass_their_content_security_policy(cli_report, tmp_path):
    import subprocess

    _, out = cli_report
    done = subprocess.run(
        [
            axe_check.chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=5000",
            "--dump-dom",
            (out / "index.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=90,
        stdin=subprocess.DEVNULL,
    )
    assert 'http-equiv="Content-Security-Policy"' in done.stdout
    assert done.stdout.count('<button type="button">') == 12  # the sorting script ran under the policy
