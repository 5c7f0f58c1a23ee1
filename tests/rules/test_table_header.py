from __future__ import annotations

import pytest

from audit.frontends import parse
from audit.rules.table_header import RULE

STORY = "<main><p>Results of the local election were announced on Friday.</p>{}</main>"
ROWS = "<tr><td>Party</td><td>Seats</td></tr><tr><td>Labour</td><td>412</td></tr>"


def found(source, path="a.html"):
    doc = parse(path, source)
    return [doc.source[f.start:f.end] for f in RULE().check(doc, RULE.defaults())]


@pytest.mark.parametrize(
    "table, excerpt",
    [
        (f"<table>{ROWS}</table>", "<table>"),
        (f"<table class='results'><tbody>{ROWS}</tbody></table>", "<table class='results'>"),
        (f"<table><caption>Seats</caption>{ROWS}</table>", "<table>"),
        ("<table><tr><td>a<td>b<tr><td>c<td>d</table>", "<table>"),  # unclosed cells
    ],
)
def test_flags(table, excerpt):
    assert found(STORY.format(table)) == [excerpt]


@pytest.mark.parametrize(
    "source, path",
    [
        (STORY.format("<table><tr><th scope='col'>Party</th><th scope='col'>Seats</th></tr>"
                      "<tr><td>Labour</td><td>412</td></tr></table>"), "a.html"),
        (STORY.format("<table><tr><th>Party</th><td>Labour</td></tr><tr><th>Seats</th><td>412</td></tr></table>"),
         "a.html"),
        (STORY.format(f"<table role='presentation'>{ROWS}</table>"), "a.html"),
        (STORY.format("<table><tr><td>Only</td><td>one row</td></tr></table>"), "a.html"),
        (STORY.format("<table><tr><td>One</td></tr><tr><td>column</td></tr></table>"), "a.html"),
        (STORY.format(f"<table><tr><td><table>{ROWS.replace('td>', 'th>')}</table></td><td>x</td></tr>"
                      "<tr><td>y</td><td>z</td></tr></table>"), "a.html"),
        ("| Party | Seats |\n|---|---|\n| Labour | 412 |\n", "a.md"),
        ("Party Seats\nLabour 412\n", "a.txt"),
    ],
)
def test_does_not_flag(source, path):
    assert found(source, path) == []


def test_explain_names_the_wcag_criterion(capsys):
    from audit.cli.main import main

    assert main(["explain", RULE.id]) == 0
    assert "success criterion 1.3.1" in capsys.readouterr().out
