from __future__ import annotations

from importlib import resources

import pytest


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Each test session uses its own cache folder, never the user's."""
    monkeypatch.setenv("ARTICLE_AUDIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def sample_text() -> str:
    return resources.files("audit.samples").joinpath("coalition-meeting.txt").read_text(encoding="utf-8")


@pytest.fixture
def sample_path(tmp_path, sample_text) -> str:
    path = tmp_path / "coalition-meeting.txt"
    path.write_text(sample_text, encoding="utf-8")
    return str(path)


def _playwright_browser():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "playwright_browser", Path(__file__).resolve().parent / "browser" / "playwright_browser.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def browser_tools():
    """tests/browser/playwright_browser.py; skips the test, saying why, without Chromium,
    axe-core or Playwright."""
    tools = _playwright_browser()
    problem = tools.missing()
    if problem:
        pytest.skip(problem)
    return tools


@pytest.fixture(scope="module")
def chromium(browser_tools):
    """One headless Chromium per test module (closed with it: Playwright's sync API runs an
    event loop of its own, which must be gone before the asyncio tests run theirs)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = browser_tools.launch(playwright)
        yield browser
        browser.close()
