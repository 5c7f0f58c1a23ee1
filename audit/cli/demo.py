"""`article-audit demo`: audit the sample articles that ship with the tool."""

from __future__ import annotations

import sys
from importlib.resources import files

from audit.cli.output import use_color
from audit.cli.settings import registry
from audit.config.loader import Config
from audit.engine.auditor import audit_document
from audit.frontends import parse
from audit.results.exit_codes import ExitCode
from audit.results.model import RunResult

NEXT_STEPS = (
    "\nThat was article-audit on its bundled samples. On your own files:\n"
    "  article-audit check path/to/article.txt        (or a folder)\n"
    "  article-audit check drafts/ --format json --output report.json\n"
    "  article-audit rules | article-audit explain sentence-length"
)


def cmd_demo(args) -> ExitCode:
    from audit.reports import render

    settings = Config().settings_for("demo.txt", registry())
    samples = sorted(files("audit.samples").iterdir(), key=lambda p: p.name)
    results = [
        audit_document(parse(item.name, item.read_text(encoding="utf-8")), settings).to_dict()
        for item in samples
        if item.name.endswith((".txt", ".md", ".html"))
    ]
    sys.stdout.write(render("text", RunResult(results).to_dict(), color=use_color("auto", sys.stdout)))
    print(NEXT_STEPS)
    return ExitCode.OK
