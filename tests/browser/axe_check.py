"""Run axe-core on HTML pages in headless Chromium; print the violations as JSON.

    python tests/browser/axe_check.py page.html [page.html ...]

Each page is copied with axe-core (tests/browser/node_modules, from `npm ci`) and a
small runner inlined before </body>; Chromium loads the copy, axe writes its results
into the DOM, and `--dump-dom` hands them back. The page's own Content-Security-Policy
is dropped from the copy, since it (rightly) blocks the injected scripts.

Exit status: 0 no violations, 1 violations, 2 setup problem (no Chromium or axe-core).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
RESULT = re.compile(r'<script type="application/json" id="axe-results">(.*?)</script>', re.S)
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?')

RUNNER = """
axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations", "incomplete"]})
  .then(function (r) { report({violations: r.violations.map(brief), incomplete: r.incomplete.map(brief)}); },
        function (e) { report({error: String(e)}); });
function brief(v) {
  return {id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map(function (n) { return {target: n.target, summary: n.failureSummary}; })};
}
"""

# Scripts call report(data) once; the data comes back through the dumped DOM.
REPORT = """
function report(data) {
  var s = document.createElement("script");
  s.type = "application/json"; s.id = "axe-results";
  s.textContent = JSON.stringify(data).replace(/</g, "\\\\u003c");
  document.body.appendChild(s);
}
"""


# Chromium on a closed network, as root: no sandbox, no GPU, nothing fetched in the background.
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
)


def chromium() -> str | None:
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def missing() -> str | None:
    """Why the check cannot run here, or None."""
    if chromium() is None:
        return "Chromium not found (install it with .ci/install-browser-deps.sh)"
    if not AXE.is_file():
        return f"axe-core not installed at {AXE} (run npm ci in tests/browser, or .ci/install-browser-deps.sh)"
    return None


def run_in_page(page: Path, *scripts: str, timeout: float = 90, width: int = 1280) -> dict:
    """Load a copy of the page with `scripts` appended, in a window `width` CSS pixels wide;
    return what they passed to report()."""
    html = CSP.sub("", page.read_text(encoding="utf-8"))
    inject = "".join(f"<script>{s}</script>" for s in (REPORT,) + scripts)
    at = html.rfind("</body>")
    html = html[:at] + inject + html[at:]
    with tempfile.TemporaryDirectory(prefix="axe-") as tmp:
        copy = Path(tmp) / page.name
        copy.write_text(html, encoding="utf-8")
        done = subprocess.run(
            [
                chromium(),
                "--headless",
                *CHROMIUM_FLAGS,
                f"--user-data-dir={Path(tmp) / 'profile'}",
                "--virtual-time-budget=20000",
                f"--window-size={width},1024",
                "--dump-dom",
                copy.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    found = (RESULT.findall(done.stdout) or [None])[-1]
    if not found:
        raise RuntimeError(f"no results from {page} (chromium exit {done.returncode}): " + done.stderr[-2000:])
    return json.loads(found)


def check(page: Path, width: int = 1280) -> dict:
    """axe's violations and incomplete checks for one page, in a window `width` px wide."""
    data = run_in_page(page, AXE.read_text(encoding="utf-8"), RUNNER % json.dumps(TAGS), width=width)
    if "error" in data:
        raise RuntimeError(f"axe failed on {page}: {data['error']}")
    return data


def main(argv: list[str]) -> int:
    problem = missing()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    results = {page: check(Path(page)) for page in argv}
    print(json.dumps(results, indent=2))
    return 1 if any(r["violations"] for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
