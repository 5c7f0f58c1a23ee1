"""The report pages reflow on a phone (WCAG 1.4.10): no horizontal scrolling at 320 and
390 CSS px, axe-core clean at both widths; dark, reduced-motion and print styles apply;
the filters work without JavaScript. Headless Chromium through Playwright (tests/browser),
skipped, saying why, without it."""

from __future__ import annotations

PAGES = ["index.html", "news__coalition-meeting.txt.html", "hostile-x-.md.html", "note.txt.html"]
WIDTHS = [320, 390]
ARTICLE = "news__coalition-meeting.txt.html"


def test_no_horizontal_scrolling_at_phone_widths(cli_report, chromium):
    _, out = cli_report
    page = chromium.new_page()
    measured = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for name in PAGES:
            page.goto((out / name).as_uri())
            page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
            measured[name, width] = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    page.close()
    assert {key: w for key, (w, inner) in measured.items() if w > inner} == {}
    assert {inner for _, inner in measured.values()} == set(WIDTHS)


def test_axe_finds_nothing_at_phone_widths_and_in_the_dark(cli_report, chromium, browser_tools):
    _, out = cli_report
    problems = {}
    for scheme, widths in (("light", WIDTHS), ("dark", [390])):
        # bypass_csp: for axe's injected script, as axe_check.py drops the policy
        context = chromium.new_context(bypass_csp=True, color_scheme=scheme)
        page = context.new_page()
        for width in widths:
            page.set_viewport_size({"width": width, "height": 800})
            for name in PAGES:
                page.goto((out / name).as_uri())
                page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
                found = browser_tools.axe(page)
                if found:
                    problems[name, width, scheme] = found
        context.close()
    assert problems == {}


def _style(page, selector: str, prop: str) -> str:
    return page.evaluate(f"getComputedStyle(document.querySelector({selector!r})).{prop}")


def test_dark_scheme_reduced_motion_and_print(cli_report, chromium):
    _, out = cli_report
    page = chromium.new_page()
    page.goto((out / ARTICLE).as_uri())
    page.emulate_media(color_scheme="light", reduced_motion="no-preference")
    assert _style(page, "html", "backgroundColor") == "rgb(255, 255, 255)"
    assert _style(page, "html", "scrollBehavior") == "smooth"
    page.emulate_media(color_scheme="dark", reduced_motion="reduce")
    assert _style(page, "html", "backgroundColor") == "rgb(18, 18, 18)"
    assert _style(page, ".article", "backgroundColor") == "rgb(255, 255, 255)"  # the text stays on paper
    assert _style(page, "html", "scrollBehavior") == "auto"
    page.emulate_media(media="print")
    assert _style(page, ".filters", "display") == "none"
    page.emulate_media(media="screen")
    assert _style(page, ".filters", "display") == "block"
    page.close()


def test_filters_hide_a_rule_and_a_severity_without_javascript(cli_report, chromium):
    model, out = cli_report
    result = next(r for r in model["files"] if r["path"].endswith("coalition-meeting.txt"))
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((out / ARTICLE).as_uri())
    shown = "Array.from(document.querySelectorAll(%r)).filter(e => e.getClientRects().length).length"
    jargon = sum(f["rule"] == "jargon" for f in result["findings"])
    key = page.evaluate(
        "Array.from(document.querySelectorAll('.filters label')).find(l => l.textContent.includes('jargon'))"
        ".querySelector('input').id"
    )
    li = f"li.{key.removeprefix('show-')}"
    assert page.evaluate(shown % li) == jargon
    page.click(f"#{key}")
    assert page.evaluate(shown % li) == 0
    assert page.evaluate(shown % "li.s-info") > 0
    page.click("#show-s-info")
    assert page.evaluate(shown % "li.s-info") == 0
    assert page.evaluate(shown % "li.s-error") > 0  # the rest stays
    context.close()
