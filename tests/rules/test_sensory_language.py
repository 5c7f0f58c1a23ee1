from __future__ import annotations

import pytest

from audit.frontends import parse
from audit.rules.sensory_language import RULE


def found(text, path="a.txt", **opts):
    doc = parse(path, text)
    return [doc.source[f.start:f.end] for f in RULE().check(doc, {**RULE.defaults(), **opts})]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("To subscribe, click the green button.", ["click the green button"]),
        ("Press the big red button to start.", ["Press the big red button"]),
        ("Tap the round icon at the bottom.", ["Tap the round icon at the bottom"]),
        ("Tap the round icon to start.", ["Tap the round icon"]),
        ("For details, see the box on the right.", ["see the box on the right"]),
        ("Use the menu at the top of the page.", ["Use the menu at the top"]),
        ("Click on the link to the right for more.", ["Click on the link to the right"]),
        ("Required fields are marked in red.", ["marked in red"]),
        ("The areas shaded green are flood zones.", ["shaded green"]),
        ("Prices rose, as shown below.", ["as shown below"]),
        ("The minister, pictured above, spoke on Monday.", ["pictured above"]),
        ("Speak after you hear the tone. When you hear the beep, speak.", ["When you hear the beep"]),
        ("Use the left-hand menu to choose a region.", ["Use the left-hand menu"]),
    ],
)
def test_flags(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A red bus crashed into a wall on the left side of the road.",
        "The man on the left wing scored twice.",
        "He was shown red for a second bookable offence.",
        "Investigators hope to find the black box within days.",
        "Labour crossed a red line, the party on the right said.",
        "Choose the right key for the job.",
        "Profits have shown below-average growth.",
        "We need to see the big picture.",
        "The bank is in the red again this year.",
        "Click Subscribe under Newsletter at the end of the article.",
        "She wore a green dress to the premiere.",
        "The figures above show a fall in sales.",
    ],
)
def test_does_not_flag(text):
    assert found(text) == []


def test_position_references_can_be_turned_off():
    assert found("Prices rose, as shown below.", **{"position-references": False}) == []


def test_works_on_markup_at_source_positions():
    source = "<main><p>To vote, <b>click</b> the <span>green</span> button.</p></main>"
    (excerpt,) = found(source, "a.html")
    assert excerpt == "click</b> the <span>green</span> button"


def test_explain_names_the_wcag_criterion(capsys):
    from audit.cli.main import main

    assert main(["explain", RULE.id]) == 0
    assert "success criterion 1.3.3" in capsys.readouterr().out
