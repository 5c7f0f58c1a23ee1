from __future__ import annotations

import pytest

from audit.frontends import parse
from audit.rules.all_caps import RULE


def found(text, path="a.txt", **opts):
    doc = parse(path, text)
    return [(doc.source[f.start:f.end], f.suggestion) for f in RULE().check(doc, {**RULE.defaults(), **opts})]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("PLEASE READ THE TERMS before you apply.", [("PLEASE READ THE TERMS", "Please read the terms")]),
        ("The sign said DO NOT ENTER in red.", [("DO NOT ENTER", "Do not enter")]),
        ("He shouted: “GET OUT OF HERE!”", [("GET OUT OF HERE", "Get out of here")]),
        ("KEY MATCH STATS\n\nThe match ended 2-2.", [("KEY MATCH STATS", "Key match stats")]),
        ("NATO WILL ACT NOW, its chief said.", [("NATO WILL ACT NOW", "NATO will act now")]),
        ("Review: IT WILL DECIDE THEN.", [("IT WILL DECIDE THEN", "It will decide then")]),
    ],
)
def test_flags(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The US, UK and EU agreed.",
        "NATO and the UN met the WHO on Monday.",
        "The BBC ITV C4 deal was signed.",
        "Shares in HSBC PLC USA rose.",
        "This is VERY important.",
        "He said NO twice.",
        "The FTSE 100 rose 1%.",
        "STATS\nHEAD TO\nTOE",
        "Plain sentence case text with no capitals at all.",
    ],
)
def test_does_not_flag(text):
    assert found(text) == []


def test_options():
    assert found("GO AWAY now.") == []
    assert found("GO AWAY now.", **{"min-words": 2}) == [("GO AWAY", "Go away")]
