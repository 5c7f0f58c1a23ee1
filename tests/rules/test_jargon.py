from __future__ import annotations

import pytest

from audit.engine.auditor import locate
from audit.frontends import parse
from audit.rules.jargon import RULE


def findings(text, **opts):
    doc = parse("t.txt", text)
    return doc, [locate(doc, f) for f in RULE().check(doc, {**RULE.defaults(), **opts})]


# (text, flagged text, suggestion, fix replacement or None)
MUST_FLAG = [
    ("We will leverage our strengths in Asia.", "leverage", "use", "use"),
    ("The firm leveraged its brand to win contracts.", "leveraged", "used", "used"),
    ("They are leveraging new technology.", "leveraging", "using", "using"),
    ("Moving forward, the council will publish its minutes.", "Moving forward",
     "From now on / In future", None),
    ("The coalition set out its vision moving forward.", "moving forward", "from now on / in future", None),
    ("“Going forward, we expect growth to slow,” he said.", "Going forward", "From now on / In future", None),
    ("In order to win, the team must score twice.", "In order to", "To", "To"),
    ("Ministers met in order to agree a budget.", "in order to", "to", "to"),
    ("At this point in time, no decision has been taken.", "At this point in time", "Now", "Now"),
    ("The charity runs a capacity-building programme in Kenya.", "capacity-building", "training / support", None),
    ("The council met local stakeholders on Tuesday.", "stakeholders", "people involved / those affected", None),
    ("Work will commence on the bridge in May.", "commence", "start", "start"),
    ("Work commenced on the bridge in May.", "commenced", "started", "started"),
    ("The museum will utilise the space for exhibitions.", "utilise", "use", "use"),
    ("The agency utilized satellites to map the flood.", "utilized", "used", "used"),
    ("The minister made a decision to close the plant.", "made a decision", "decided", "decided"),
    ("The board has made a decision on pay.", "made a decision", "decided", "decided"),
    ("Rising costs were taken into account by the regulator.", "taken into account", "considered", "considered"),
    ("The regulator took into account rising costs.", "took into account", "considered", "considered"),
    ("The match was off due to the fact that the pitch was frozen.", "due to the fact that", "because", "because"),
    ("Prior to the vote, MPs debated the bill for six hours.", "Prior to", "Before", "Before"),
    ("The company has taken action to cut costs.", "taken action", "acted", "acted"),
    ("Shares rose in excess of 10% on Monday.", "in excess of", "more than", "more than"),
    ("Diplomats will facilitate talks between the two sides.", "facilitate", "help / make easier", None),
    ("Officials hope to finalise the deal this week.", "finalise", "finish", "finish"),
    ("The new line is a game-changer for the town.", "game-changer", "breakthrough", "breakthrough"),
    ("It was, at the end of the day, a fair result.", "at the end of the day", "in the end / ultimately", None),
    ("The club plans a state-of-the-art stadium.", "state-of-the-art", "latest / modern", None),
    ("She ceased to be chair last year.", "ceased to", "stopped …ing / no longer", None),
    ("Talks ceased on Friday after a row over pay.", "ceased", "stopped", "stopped"),
    ("Inspectors visit the site on a regular basis.", "on a regular basis", "regularly", "regularly"),
    ("The bank is in the process of selling its stake.", "in the process of", "(omit)", None),
    ("The aforementioned report was late.", "aforementioned", "(omit) / this", None),
    ("The talks were held as per usual.", "as per usual", "as usual", "as usual"),
    ("Staff were paid as per the contract.", "as per", "under / in line with", None),
    ("The union has liaised with police over the march.", "liaised with", "worked with", "worked with"),
    ("The firm will conduct an investigation into the leak.", "conduct an investigation into",
     "investigate", "investigate"),
    ("Staff are not in a position to comment.", "are not in a position to", "cannot", "cannot"),
    ("He was not in a position to judge.", "not in a position to", "unable to", "unable to"),
    ("Tickets sold out time and time again.", "time and time again", "repeatedly", "repeatedly"),
]


@pytest.mark.parametrize("text, flagged, suggestion, replacement", MUST_FLAG)
def test_must_flag(text, flagged, suggestion, replacement):
    doc, found = findings(text)
    assert [f.excerpt for f in found] == [flagged]
    finding = found[0].finding
    assert finding.suggestion == suggestion
    assert finding.rule == "jargon" and finding.severity.label == "warning"
    assert flagged in finding.message
    if replacement is None:
        assert finding.fix is None
    else:
        fix = finding.fix
        assert fix is not None and not fix.safe and fix.replacement == replacement
        assert doc.source[fix.start:fix.end] == flagged


MUST_NOT_FLAG = [
    "The bank's financial leverage rose last year.",
    "The strike gave the union more leverage in talks.",
    "Their leverage over Iran is limited.",
    "The takeover was a leveraged buyout.",
    "The car kept moving forward slowly down the hill.",
    "Bolton created little going forward at this point.",
    "The ceasefire held overnight.",
    "A cease-fire was agreed on Sunday.",
    "Members of the stakeholder pension scheme were told on Friday.",
    "Your endeavour to hold a conference is welcome.",
    "Capacity utilisation rates rose to 80%.",
    "Emergency food assistance reached the north.",
    "The prior convictions were not disclosed.",
    "However, the aircraft landed safely and nobody was hurt.",
    "The firm employs 500 people and will ensure they are paid.",
    "Whilst in Paris, she met the president amongst others.",
    "Orders moved in relation to prices.",
    "He called it \"in order\" to the chair's satisfaction.",
    "The words were in \"the process of cooking the books\", he said.",
    "The capacity of the building is 500.",
    "Talks are moving forward with the civil action.",
]


@pytest.mark.parametrize("text", MUST_NOT_FLAG)
def test_must_not_flag(text):
    _, found = findings(text)
    assert [f.excerpt for f in found] == []


def test_each_occurrence_is_flagged_in_place():
    text = "In order to win, we must leverage our lead.\n\nMoving forward, we will leverage it again."
    doc, found = findings(text)
    assert [f.excerpt for f in found] == ["In order to", "leverage", "Moving forward", "leverage"]
    assert [f.location.line for f in found] == [1, 1, 3, 3]


@pytest.mark.parametrize(
    "opts, text, expected",
    [
        ({"allow": ["leverage"]}, "We will leverage it. They leveraged it.", []),
        ({"allow": ["moving forward"]}, "Moving forward, we will leverage it.", ["leverage"]),
        ({"allow": ["leverage our brand"]}, "We leverage our brand. We leverage it.", ["leverage"]),
        ({"allow": ["leveraged"]}, "We leveraged it. We leverage it.", ["leverage"]),
        ({"extra": ["synergise => work together"]}, "The teams will synergise.", ["synergise"]),
        ({"extra": ["leverage => exploit"]}, "We will leverage it.", ["leverage"]),
        ({"sources": ["govuk"]}, "In order to win, work will commence.", ["In order to"]),
        ({"kinds": ["wordy"]}, "In order to win, we leverage it.", ["In order to"]),
    ],
)
def test_options(opts, text, expected):
    _, found = findings(text, **opts)
    assert [f.excerpt for f in found] == expected


def test_house_style_entry_suggests_its_replacement():
    _, found = findings("The teams will synergise. We leverage it.", extra=["synergise => work together",
                                                                           "leverage => exploit"])
    assert [(f.finding.suggestion, f.finding.fix.replacement) for f in found] == [
        ("work together", "work together"), ("exploit", "exploit")]
    assert "house-style" in found[0].finding.message


def test_capitals_are_kept_in_the_fix():
    _, found = findings("LEVERAGE is the word. Leverage it.")
    assert [f.finding.fix.replacement for f in found] == ["USE", "Use"]


def test_sample_article(sample_text):
    doc = parse("coalition-meeting.txt", sample_text)
    found = [locate(doc, f) for f in RULE().check(doc, RULE.defaults())]
    spans = {(f.excerpt, f.location.line) for f in found}
    assert {("leverage", 20), ("Moving forward", 9), ("moving forward", 18)} <= spans
    assert ("capacity building", 13) in spans


def test_data_has_sources_and_enough_entries():
    from audit.rules.jargon import KINDS, SOURCES, builtin

    rows = builtin()
    assert len(rows) >= 300
    for row in rows:
        assert row["kind"] in KINDS, row
        assert set(row["source"].split(",")) <= set(SOURCES), row
        assert row["phrase"] == row["phrase"].lower().strip(), row
