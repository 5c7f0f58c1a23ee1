from __future__ import annotations

import pytest

from audit.frontends import parse
from audit.rules.image_alt import RULE


def found(path, source, **opts):
    doc = parse(path, source)
    return doc, list(RULE().check(doc, {**RULE.defaults(), **opts}))


MAIN = "<main><p>Some article text that is long enough to be the main content.</p>{}</main>"


@pytest.mark.parametrize(
    "path, source, excerpt",
    [
        ("a.html", MAIN.format('<img src="chart.png">'), '<img src="chart.png">'),
        ("a.html", MAIN.format('<a href="/home"><img src="logo.png" alt=""></a>'), '<img src="logo.png" alt="">'),
        ("a.html", MAIN.format('<img src="x.png" alt="DSC_0042.JPG">'), '<img src="x.png" alt="DSC_0042.JPG">'),
        ("a.html", MAIN.format('<img src="x.png" alt="x.png">'), '<img src="x.png" alt="x.png">'),
        ("a.html", MAIN.format('<img src="x.png" alt="image">'), '<img src="x.png" alt="image">'),
        ("a.html", MAIN.format('<img src="x.png" alt="Photo">'), '<img src="x.png" alt="Photo">'),
        ("a.html", MAIN.format('<img src="x.png" alt="Photo of the minister">'),
         '<img src="x.png" alt="Photo of the minister">'),
        ("a.html", MAIN.format('<img src="x.png" alt="{}">'.format("A long description " * 10)), None),
        ("a.md", "Text.\n\n![](chart.png)\n", "![](chart.png)"),
        ("a.md", "Text.\n\n![photo](chart.png)\n", "![photo](chart.png)"),
        ("a.md", "Text.\n\n![chart.png](chart.png)\n", "![chart.png](chart.png)"),
    ],
)
def test_flags(path, source, excerpt):
    doc, findings = found(path, source)
    assert len(findings) == 1
    if excerpt:
        assert doc.source[findings[0].start:findings[0].end] == excerpt


@pytest.mark.parametrize(
    "path, source",
    [
        ("a.html", MAIN.format('<img src="chart.png" alt="Bar chart: sales rose 40% in 2024">')),
        ("a.html", MAIN.format('<img src="divider.png" alt="">')),  # decorative
        ("a.html", MAIN.format('<a href="/home">Home page <img src="logo.png" alt=""></a>')),
        ("a.html", MAIN.format('<img src="x.png" role="presentation">')),
        ("a.html", MAIN.format('<img src="x.png" aria-label="Sales chart">')),
        ("a.html", MAIN.format('<img src="pixel.gif" width="1" height="1">')),
        ("a.html", MAIN.format('<img src="x.png" alt="Photographers at the summit">')),
        ("a.html", MAIN.format('<div hidden><img src="x.png"></div>')),
        ("a.md", "Text.\n\n![Bar chart: sales rose 40% in 2024](chart.png)\n"),
        ("a.txt", "An image of a cat appears below. photo.png"),
    ],
)
def test_does_not_flag(path, source):
    assert found(path, source)[1] == []


def test_redundant_prefix_has_an_unsafe_fix():
    doc, (finding,) = found("a.md", "Text.\n\n![Image of a red kite](k.png)\n")
    assert finding.fix and not finding.fix.safe
    assert doc.source[finding.fix.start:finding.fix.end] == "Image of a red kite"
    assert finding.fix.replacement == "A red kite"


def test_long_alt_limit_is_an_option():
    source = MAIN.format('<img src="x.png" alt="{}">'.format("word " * 20))
    assert found("a.html", source)[1] == []
    assert len(found("a.html", source, **{"max-length": 50})[1]) == 1


def test_explain_names_the_wcag_criterion(capsys):
    from audit.cli.main import main

    assert main(["explain", RULE.id]) == 0
    assert "success criterion 1.1.1" in capsys.readouterr().out
