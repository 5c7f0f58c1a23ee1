"""The app of `article-audit serve` in headless Chromium (Playwright, tests/browser): a draft
typed in is checked as it is typed, a fix makes its finding go, axe-core finds nothing,
and it works from the keyboard. Skipped, saying why, without Chromium or Playwright."""

from __future__ import annotations

import json

import pytest

DRAFT = "Minister Harjit. S. Sajjan met the press on Monday. The report was written by staff."
FIXED = DRAFT.replace("Harjit. S.", "Harjit S.")
TYPO = '#report mark[title*=" typo ("]'
PASSIVE = '#report mark[title*=" passive-voice ("]'


@pytest.fixture
def app(server, chromium):
    """The app's page, loaded under its own Content-Security-Policy; fails the test if the
    browser reports a policy violation (the page's own script and style must pass it)."""
    context = chromium.new_context()
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(server.url)
    page.wait_for_function("() => document.getElementById('status').textContent.includes('Type or paste')")
    yield page
    context.close()
    assert refused == []


def test_typing_a_draft_highlights_its_findings_and_a_fix_makes_one_go(app):
    app.locator("#draft").press_sequentially(DRAFT)
    app.wait_for_selector(TYPO)
    app.wait_for_selector(PASSIVE)
    assert app.locator(TYPO).first.text_content() == "Harjit. S."
    assert "advice" in app.locator("#status").text_content()
    app.locator("#draft").fill(FIXED)
    app.wait_for_selector(TYPO, state="detached")
    assert app.locator(PASSIVE).count() == 1
    assert "was written" in app.locator(PASSIVE).first.text_content()


def test_filters_stay_as_the_editor_left_them(app):
    app.locator("#draft").fill(DRAFT)
    app.wait_for_selector(TYPO)
    box = app.locator(".filters label", has_text="passive-voice").locator("input")
    box.uncheck()
    assert app.locator("#report li.s-info:visible").count() == 0
    app.locator("#draft").press("End")
    app.locator("#draft").press_sequentially(" It was seen by all.")
    app.wait_for_function("() => document.querySelectorAll('#report mark[title*=\" passive-voice (\"]').length === 2")
    assert not app.locator(".filters label", has_text="passive-voice").locator("input").is_checked()


def test_upload_is_read_in_the_page_and_downloads_come_from_memory(app, tmp_path):
    app.set_input_files(
        "#upload", files=[{"name": "draft.md", "mimeType": "text/markdown", "buffer": f"# Note\n\n{DRAFT}\n".encode()}]
    )
    app.wait_for_selector(TYPO)
    assert app.locator("#format").input_value() == "markdown"
    assert app.locator("#draft").input_value().startswith("# Note")
    with app.expect_download() as download:
        app.click("#download-json")
    report = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert report["files"][0]["path"] == "draft" and any(f["rule"] == "typo" for f in report["files"][0]["findings"])
    with app.expect_download() as download:
        app.click("#download-html")
    assert download.value.suggested_filename == "draft-report.html"
    assert "Harjit. S." in open(download.value.path(), encoding="utf-8").read()


def test_app_page_has_no_axe_violations(server, chromium, browser_tools):
    context = chromium.new_context(bypass_csp=True)  # for axe's injected script
    page = context.new_page()
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(server.url)
        assert browser_tools.axe(page) == [], f"empty, {width} px"
        page.fill("#draft", DRAFT)
        page.wait_for_selector(TYPO)
        assert browser_tools.axe(page) == [], f"with a report, {width} px"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_keyboard_only_tab_order_and_visible_focus(app):
    def tab() -> tuple[str, str]:
        app.keyboard.press("Tab")
        return app.evaluate(
            "[document.activeElement.id || document.activeElement.className, getComputedStyle("
            "document.activeElement).outlineStyle]"
        )

    assert tab()[0] == "skip"
    assert app.evaluate("document.activeElement.getBoundingClientRect().left") >= 0  # the skip link shows
    order = [tab() for _ in range(3)]
    assert [o[0] for o in order] == ["draft", "format", "upload"]  # downloads are off until there is a report
    assert all(style != "none" for _, style in order[:2])
    app.keyboard.press("Shift+Tab")  # back to the draft
    app.keyboard.press("Shift+Tab")
    assert app.evaluate("document.activeElement.id") == "draft"
    app.keyboard.type(DRAFT)
    app.wait_for_selector(TYPO)
    order = [tab() for _ in range(6)]
    assert [o[0] for o in order] == ["format", "upload", "download-html", "download-md", "download-json", ""]
    assert all(style != "none" for _, style in order)
    assert app.evaluate("document.getElementById('report').contains(document.activeElement)")  # on into the report
