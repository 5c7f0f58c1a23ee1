"""Headless Chromium driven by Playwright for Python, for the tests that use a page:
Debian's chromium (never a downloaded browser) with the flags of axe_check.py.

`missing()` says why it cannot run here; `launch()` starts the browser; `axe(page)`
runs axe-core in a loaded page (the page's own policy is bypassed by the context,
as axe_check.py drops it, since it rightly blocks the injected script).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("axe_check", HERE / "axe_check.py")
axe_check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(axe_check)

FLAGS = list(axe_check.CHROMIUM_FLAGS)

AXE_RUN = """async (tags) => {
  const r = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target).slice(0, 3)}));
}"""


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python not installed (pip install -e '.[test]')"
    return axe_check.missing()


def launch(playwright):
    return playwright.chromium.launch(executable_path=axe_check.chromium(), args=FLAGS)


def axe(page) -> list[dict]:
    """axe-core's violations on the page as it is now."""
    page.add_script_tag(path=str(axe_check.AXE))
    return page.evaluate(AXE_RUN, axe_check.TAGS)
