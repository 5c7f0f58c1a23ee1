from __future__ import annotations

import pytest

from audit.frontends import parse
from audit.rules.link_text import RULE


def found(path, source, **opts):
    doc = parse(path, source)
    return doc, list(RULE().check(doc, {**RULE.defaults(), **opts}))


@pytest.mark.parametrize(
    "path, source, excerpt",
    [
        ("a.md", "For the report, [click here](https://example.org/r).", "[click here](https://example.org/r)"),
        ("a.md", "The full report is [here](https://example.org/r).", "[here](https://example.org/r)"),
        ("a.md", "Prices rose. [Read more…](https://example.org/r)", "[Read more…](https://example.org/r)"),
        ("a.md", "See [this link](https://example.org/r) for details.", "[this link](https://example.org/r)"),
        ("a.md", "Source: [https://example.org/r](https://example.org/r)",
         "[https://example.org/r](https://example.org/r)"),
        ("a.md", "Source: <https://example.org/report>", "<https://example.org/report>"),
        ("a.md", "An empty [](https://example.org/r) link.", "[](https://example.org/r)"),
        ("a.html", "<main><p>Story text here for the reader. <a href='/r'>Learn more</a></p></main>",
         "<a href='/r'>Learn more</a>"),
        ("a.html", "<main><p>Story text here. <a href='/r'><img src='i.png' alt=''></a></p></main>",
         "<a href='/r'><img src='i.png' alt=''></a>"),
    ],
)
def test_flags(path, source, excerpt):
    doc, findings = found(path, source)
    assert [doc.source[f.start:f.end] for f in findings] == [excerpt]


def test_same_text_different_destinations():
    source = "The [annual report](https://a.org/2023) and the [annual report](https://a.org/2024)."
    doc, findings = found("a.md", source)
    assert [doc.source[f.start:f.end] for f in findings] == ["[annual report](https://a.org/2024)"]
    assert "line 1" in findings[0].message


@pytest.mark.parametrize(
    "path, source",
    [
        ("a.md", "Read [the minister's statement on the meeting](https://example.gov/statement)."),
        ("a.md", "The [report](https://a.org/r/) and the [report](http://www.a.org/r#top) agree."),
        ("a.md", "Contact [press@example.org](mailto:press@example.org)."),
        ("a.html", "<main><p>Story text for readers. <a name='here'>here</a> is an anchor.</p></main>"),
        ("a.html", "<main><p>Story text. <a href='/home'><img src='logo.png' alt='BBC News home'></a></p></main>"),
        ("a.html", "<main><p>Story text. <a href='/x' aria-label='Read the full budget report'>more</a></p></main>"),
        ("a.txt", "To learn more, click here: the text format has no links."),
    ],
)
def test_does_not_flag(path, source):
    assert found(path, source)[1] == []


def test_options_extend_and_allow():
    source = "Prices rose. [Details](https://a.org/d) and [Go](https://a.org/g)."
    assert len(found("a.md", source)[1]) == 2
    assert len(found("a.md", source, allow=["Details"])[1]) == 1
    assert found("a.md", "Watch [the clip](https://a.org/c).")[1] == []
    assert len(found("a.md", "Watch [the clip](https://a.org/c).", vague=["the clip"])[1]) == 1


def test_explain_names_the_wcag_criterion(capsys):
    from audit.cli.main import main

    assert main(["explain", RULE.id]) == 0
    assert "success criterion 2.4.4" in capsys.readouterr().out
