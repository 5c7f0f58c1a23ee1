"""Screenshots of the report pages and the app, at desktop and phone widths, for review.

    .venv/bin/python tools/screenshots.py OUT_FOLDER

Writes PNGs into OUT_FOLDER (not committed): the index and the sample article's page of
a report folder made from the shipped samples, and the page of `article-audit serve`
before and after a draft is typed in (and scrolled to the draft's highlighted text),
each at 1280 and 390 CSS px (the top of the page: what is seen first; `--full` takes
whole pages). Uses Debian's chromium through
Playwright for Python (no browser download); see tests/browser.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
from importlib import resources
from pathlib import Path

WIDTHS = (1280, 390)
DRAFT = (
    "Minister meets the press\n\n"
    "Minister Harjit. S. Sajjan met the press on Monday. The report was written by staff over the summer, "
    "and it sets out moving forward how the department will leverage its capacity building programmes "
    "across every region of the country in the coming years.\n"
)


def report_folder(into: Path) -> Path:
    from audit.cli.main import main

    articles = into / "articles"
    articles.mkdir()
    for name in ("coalition-meeting.txt", "library-opening-hours.md", "plain-note.txt"):
        shutil.copyfile(str(resources.files("audit.samples").joinpath(name)), articles / name)
    out = into / "report"
    main(
        [
            "check",
            "--isolated",
            "--no-cache",
            "--jobs",
            "1",
            "--format",
            "json",
            "--output",
            str(into / "r.json"),
            "--report-dir",
            str(out),
            str(articles),
        ]
    )
    return out


def serve(folder: Path):
    from audit.serve.app import App, settings_for
    from audit.serve.server import Server

    server = Server(App(settings_for(str(folder), isolated=True), str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--full", action="store_true", help="whole pages, not the first screen")
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium")
    if not chromium:
        print("Chromium not found (bash .ci/install-browser-deps.sh)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="shots-") as tmp, sync_playwright() as playwright:
        report = report_folder(Path(tmp))
        server = serve(Path(tmp))
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": 900})
                shots = {
                    "index": (report / "index.html").as_uri(),
                    "article": (report / "coalition-meeting.txt.html").as_uri(),
                }
                for name, url in shots.items():
                    page.goto(url)
                    page.screenshot(path=str(args.out / f"{name}-{width}.png"), full_page=args.full)
                page.emulate_media(reduced_motion="reduce")  # jump to the text, no smooth scrolling
                page.goto((report / "coalition-meeting.txt.html").as_uri() + "#text")
                page.screenshot(path=str(args.out / f"article-text-{width}.png"))
                page.emulate_media(reduced_motion="no-preference")
                page.goto(server.url)
                page.wait_for_selector("#status:not(:empty)")
                page.screenshot(path=str(args.out / f"app-before-{width}.png"), full_page=args.full)
                page.locator("#draft").press_sequentially(DRAFT)
                page.wait_for_selector('#report mark[title*=" typo ("]')
                page.screenshot(path=str(args.out / f"app-after-{width}.png"), full_page=args.full)
                page.emulate_media(reduced_motion="reduce")
                page.evaluate("document.getElementById('h-text').scrollIntoView()")
                page.screenshot(path=str(args.out / f"app-after-text-{width}.png"))
                page.close()
        finally:
            browser.close()
            server.shutdown()
            server.server_close()
    for png in sorted(args.out.glob("*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
