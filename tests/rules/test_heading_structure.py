from __future__ import annotations

import pytest

from audit.results.findings import Severity
from audit.frontends import parse
from audit.rules.heading_structure import RULE, ends_a_sentence


def found(path, source, **opts):
    doc = parse(path, source)
    return doc, list(RULE().check(doc, {**RULE.defaults(), **opts}))


@pytest.mark.parametrize(
    "path, source, excerpt, severity",
    [
        ("a.md", "# Title\n\n### Skipped level\n", "### Skipped level", Severity.WARNING),
        ("a.md", "## Part\n\n#### Deep\n", "#### Deep", Severity.WARNING),
        ("a.md", "# One\n\nText.\n\n# Two\n", "# Two", Severity.WARNING),
        ("a.md", "# Title\n\n##\n\nText.", "##", Severity.ERROR),
        ("a.md", "# Title\n\n## The chancellor said on Monday that fuel duty will be frozen.\n",
         "## The chancellor said on Monday that fuel duty will be frozen.", Severity.INFO),
        ("a.md", "# " + " ".join(["word"] * 16) + "\n", "# " + " ".join(["word"] * 16), Severity.INFO),
        ("a.html", "<main><h1>Title</h1><p>Text of the story.</p><h3>Skipped</h3></main>", "<h3>Skipped</h3>",
         Severity.WARNING),
        ("a.html", "<main><h1>Title</h1><p>Text of the story.</p><h2></h2></main>", "<h2></h2>", Severity.ERROR),
        ("a.html", "<main><h1>Title</h1><h2><img src='i.png' alt=''></h2><p>Text.</p></main>",
         "<h2><img src='i.png' alt=''></h2>", Severity.ERROR),
    ],
)
def test_flags(path, source, excerpt, severity):
    doc, findings = found(path, source)
    assert [(doc.source[f.start:f.end], f.severity) for f in findings] == [(excerpt, severity)]


@pytest.mark.parametrize(
    "path, source",
    [
        ("a.md", "# Title\n\n## Part\n\n### Detail\n\n## Next part\n\n### More\n"),
        ("a.md", "## Sections can start at level two\n\n### Then three\n\n## Back to two\n"),
        ("a.md", "### A fragment may start deep\n\n#### And go on\n"),
        ("a.md", "# Budget 2024: what changes for families, drivers and savers\n"),
        ("a.md", "# Inflation falls to 2.3% in the U.S.\n"),
        ("a.md", "# Title\n\n## Wait for it...\n"),
        ("a.html", "<main><h1>Title</h1><p>Story.</p><h2>Part</h2><h3>Detail</h3><h2>Next</h2></main>"),
        ("a.html", "<main><h1>Title</h1><h2><img src='i.png' alt='Results table'></h2><p>Text.</p></main>"),
        ("a.txt", "Title\n\nText without headings.\n\nMore text."),
    ],
)
def test_does_not_flag(path, source):
    assert found(path, source)[1] == []


def test_single_h1_can_be_turned_off():
    assert found("a.md", "# One\n\n# Two\n", **{"single-top-level": False})[1] == []


@pytest.mark.parametrize(
    "text, expected",
    [("Fuel duty frozen.", True), ("Wait...", False), ("Made in the U.S.", False), ("By John F.", False),
     ("Shares in Acme Inc.", False), ("No full stop", False), ('He said "no."', True)],
)
def test_ends_a_sentence(text, expected):
    assert ends_a_sentence(text) is expected


def test_explain_names_the_wcag_criterion(capsys):
    from audit.cli.main import main

    assert main(["explain", RULE.id]) == 0
    assert "success criterion 1.3.1" in capsys.readouterr().out
