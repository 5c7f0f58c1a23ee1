"""english-variant: other variants' spellings, and articles that mix them (real pairs
from SCOWL's variant lists, rules/data/english_variants.tsv)."""

from __future__ import annotations

import pytest

from audit.config.loader import Config
from audit.engine.auditor import audit_document
from audit.results.findings import Severity
from audit.frontends import parse
from audit.engine.registry import registry
from audit.rules.english_variant import RULE


def findings(text, language="en", **opts):
    doc = parse("a.txt", "A title\n\n" + text)
    doc.language = language
    found = list(RULE().check(doc, {**RULE.defaults(), **opts}))
    return [(doc.source[f.start:f.end], f.severity, f.suggestion) for f in found], found


E, W = Severity.ERROR, Severity.WARNING


@pytest.mark.parametrize("language, text, expected", [
    # en-US: the other variants' spellings, case kept in the fix.
    ("en-US", "Defence spending rose.", [("Defence", E, "Defense")]),
    ("en-US", "The colour of the centre.", [("colour", E, "color"), ("centre", E, "center")]),
    ("en-US", "They organised a programme on aluminium.",
     [("organised", E, "organized"), ("programme", E, "program"), ("aluminium", E, "aluminum")]),
    ("en-US", "A tyre on the kerb by the storey of a theatre.",
     [("tyre", E, "tire"), ("kerb", E, "curb"), ("storey", E, "story"), ("theatre", E, "theater")]),
    ("en-US", "She travelled to analyse the licence.",
     [("travelled", E, "traveled"), ("analyse", E, "analyze"), ("licence", E, "license")]),
    ("en-US", "THE DEFENCE", [("DEFENCE", E, "DEFENSE")]),
    ("en-US", "The color of the center; we organize the defense.", []),
    # Words with two meanings, right in every variant, are never flagged.
    ("en-GB", "They license the practice; the tire, the check, the story, the program, the meter.", []),
    ("en-US", "They license the practice; the tire, the check, the story, the program, the meter.", []),
    # en-GB: -ise and -our; -ize only with oxford-spelling.
    ("en-GB", "They organize the color of the center.",
     [("organize", E, "organise"), ("color", E, "colour"), ("center", E, "centre")]),
    ("en-GB", "They organise the colour of the centre.", []),
    ("en-GB", "Her judgment was sound.", [("judgment", W, "judgement")]),  # accepted, less usual
    # en-CA: British -our, -re, -ce, but American -ize and -yze, tire and curb.
    ("en-CA", "They organize the colour of the centre for defence.", []),
    ("en-CA", "They organise the defense; analyse the tyre.",
     [("organise", E, "organize"), ("defense", W, "defence"), ("analyse", W, "analyze"), ("tyre", E, "tire")]),
    ("en-CA", "The color of the kerb.", [("color", W, "colour"), ("kerb", E, "curb")]),
    # en-AU: -ise and -our.
    ("en-AU", "They organize the color.", [("organize", E, "organise"), ("color", E, "colour")]),
    ("en-AU", "They organise the colour.", []),
    # Names keep their spelling; so does a capitalised word that is also a name.
    ("en-GB", "They visited Pearl Harbor and the World Trade Center.", []),
    ("en-US", "The Labour Party and the Ministry of Defence met.", []),
    ("en-AU", "Labor won the seat; the labor market grew.", [("labor", E, "labour")]),
    ("en-GB", "Striker Andy Gray scored. Gray is fit.", []),
    ("en-GB", "The gray sky.", [("gray", E, "grey")]),
])
def test_variant_spellings(language, text, expected):
    assert findings(text, language)[0] == expected


def test_fix_replaces_exactly_the_word():
    doc = parse("a.txt", "A title\n\nThe Minister of National Defence\u2019s colour.")
    doc.language = "en-US"
    fixed = doc.source
    for f in sorted(RULE().check(doc, RULE.defaults()), key=lambda f: -f.start):
        assert f.fix.safe
        fixed = fixed[: f.fix.start] + f.fix.replacement + fixed[f.fix.end :]
    assert fixed.endswith("The Minister of National Defense\u2019s color.")


@pytest.mark.parametrize("text, flagged, counts", [
    ("The defence held. Our defense is strong, and the defences held.", "defense",
     ["\u201cdefence\u201d \u00d71, \u201cdefences\u201d \u00d71", "\u201cdefense\u201d \u00d71"]),
    ("Colour it. The colours ran; color them.", "color", ["\u201ccolour\u201d \u00d71", "\u201ccolor\u201d \u00d71"]),
    ("We organize. They organised it twice, organised.", "organize",
     ["\u201corganised\u201d \u00d72", "\u201corganize\u201d \u00d71"]),
])
def test_en_flags_an_article_that_mixes_variants(text, flagged, counts):
    spans, found = findings(text)
    assert [s for s, *_ in spans] == [flagged]
    assert found[0].severity == W and "mixes English variants" in found[0].message
    for count in counts:
        assert count in found[0].message


@pytest.mark.parametrize("text", [
    "The colour of the centre; the defence of the theatre.",  # all British
    "The colour of the center.",  # colour and center are different words: no pair is mixed
    "They organize the colour and analyze the defence.",  # consistent Canadian
    "They organize the colour of the centre.",  # Oxford British
    "She will license the bar; its licence is new. Practise the practice.",  # British verb and noun
    "His judgement and the court's judgment.",  # both British
    "The Lincoln Center and the Barbican Centre; the Research Center and our centre.",  # names
    "Travel agents and travellers.",
])
def test_en_accepts_a_consistent_article(text):
    assert findings(text)[0] == []


def test_accept_option_keeps_names():
    assert findings("He founded Defense Distributed.", "en-GB")[0] == [("Defense", E, "Defence")]
    assert findings("He founded Defense Distributed.", "en-GB", accept=["Defense Distributed"])[0] == []


def test_oxford_spelling_option():
    assert findings("They organize it.", "en-GB", **{"oxford-spelling": True})[0] == []


@pytest.mark.parametrize("language, status, defence", [
    ("en-CA", "passed", 0),
    ("en", "passed", 0),
    ("en-US", "failed", 4),
])
def test_sample_article(sample_text, language, status, defence):
    """Canadian: right as en-CA and as en; "Defence" fails as en-US."""
    doc = parse("coalition-meeting.txt", sample_text)
    settings = Config(language=language).settings_for("coalition-meeting.txt", registry(),
                                                      select=("english-variant",))
    result = audit_document(doc, settings)
    assert result.status == status
    assert [f.excerpt for f in result.findings] == ["Defence"] * defence
    assert all(f.finding.suggestion == "Defense" and f.severity == E for f in result.findings)


def test_every_listed_spelling_is_in_lower_case_ascii_letters():
    """The rule finds candidate words as runs of ASCII letters: a listed spelling with
    any other character would never be found."""
    from audit.rules.english_variant import _table

    assert all(word.isascii() and word.isalpha() and word.islower() for word in _table())


def test_a_variant_spelling_inside_a_longer_run_of_letters_is_not_flagged():
    """"colour" is a run of ASCII letters in "colouré", but not a word there."""
    assert findings("The colouré label and the colour chart.", "en-US")[0] == [("colour", E, "color")]
