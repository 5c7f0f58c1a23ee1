from __future__ import annotations

import pytest

from audit.engine.auditor import locate
from audit.frontends import parse
from audit.rules.abbreviation import RULE


def findings(text, **opts):
    doc = parse("t.txt", text)
    return [locate(doc, f) for f in RULE().check(doc, {**RULE.defaults(), **opts})]


# (text, the acronyms flagged, in order)
MUST_FLAG = [
    ("The IMF warned that growth would slow next year.", ["IMF"]),
    ("The ECB raised rates. The ECB later cut them again.", ["ECB"]),
    ("Officials from the WTO met in Geneva on Monday.", ["WTO"]),
    ("The I.M.F. said the recovery was fragile.", ["I.M.F."]),
    ("Two MEPs voted against the motion.", ["MEPs"]),
    ("The SEC's inquiry into the bank continues.", ["SEC"]),
    ("The minister attacked ISIS’s propaganda online.", ["ISIS"]),
    ("NGOs criticised the plan as too timid.", ["NGOs"]),
    ("The US FDA approved the drug in March.", ["FDA"]),
    ("Nintendo launched the DS in Japan, and the DS sold well.", ["DS"]),
    ("The WHO and the ILO issued a joint report.", ["WHO", "ILO"]),
    ("IMF cuts its forecast\n\nThe IMF cut its growth forecast on Tuesday, saying oil was to blame.",
     ["IMF"]),
]


@pytest.mark.parametrize("text, expected", MUST_FLAG)
def test_must_flag(text, expected):
    found = findings(text)
    assert [f.excerpt for f in found] == expected
    for f in found:
        assert f.finding.rule == "abbreviation" and f.finding.severity.label == "info"
        assert f"'{f.excerpt}'" in f.finding.message
        assert f.finding.suggestion == f"Full Name ({f.excerpt})"


def test_only_the_first_use_is_flagged_and_it_is_placed_exactly():
    text = "The headline\n\nAnalysts said the ECB would act.\n\nThe ECB did not act. The ECB waited."
    found = findings(text)
    assert [(f.excerpt, f.location.line, f.location.column) for f in found] == [("ECB", 3, 19)]


def test_spelled_out_only_later_says_so():
    text = "ISIS fighters retreated. The Islamic State of Iraq and Syria (ISIS) lost ground."
    found = findings(text)
    assert [f.excerpt for f in found] == ["ISIS"]
    assert found[0].location.column == 1 and "only at a later one" in found[0].finding.message


MUST_NOT_FLAG = [
    "The International Monetary Fund (IMF) warned about growth. The IMF said more.",
    "The IMF (International Monetary Fund) warned about growth.",
    "The Securities and Exchange Commission (SEC) fined the bank.",
    "Carriers sent more multimedia messages (MMS) than ever.",
    "Rebels of the Revolutionary Armed Forces of Colombia (FARC) freed two hostages.",
    "The Islamic State of Iraq and Syria, or ISIS, claimed the attack.",
    "The platform is known as TNT, which stands for Télévision Numérique Terrestre.",
    "Hewlett Packard said profits rose. HP also cut 5,000 jobs.",
    "NATO leaders met in Brussels as the U.N. and the UN's envoy watched.",
    "The BBC and CNN reported that the EU and the US agreed.",
    "World War II ended in 1945, long after Louis XIV.",
    "He scored in the FA Cup final at Cardiff.",
    "BREAKING NEWS: markets fall sharply.",
    "THIS OFFER ENDS SOON, SO ACT NOW.",
    "The turbine produces 5 MW of power.",
    "The FTSE 100 rose 1% on Monday.",
    "The Tories say they can improve services AND cut taxes, and voters agree.",
    "The new laptop ships with Windows XP installed.",
    "He joined AT&T in 1990.",
    "The A380 and the MP3 player were on show.",
    "Guy Mansfield QC said the risk was real.",
    "The FT-30 index was launched in 1935.",
    "Rugby's RBS Six Nations starts next week.",
    "I think it is fine, and so does A N Other.",
    "IMF cuts its forecast\n\nGrowth will slow, the fund said on Tuesday.",
]


@pytest.mark.parametrize("text", MUST_NOT_FLAG)
def test_must_not_flag(text):
    assert [f.excerpt for f in findings(text)] == []


@pytest.mark.parametrize(
    "opts, text, expected",
    [
        ({"extra-known": ["IMF"]}, "The IMF and the WTO met.", ["WTO"]),
        ({"extra-known": ["I.M.F."]}, "The IMF and the WTO met.", ["WTO"]),
        ({"known": []}, "NATO leaders met the BBC.", ["NATO", "BBC"]),
        ({"known": ["IMF"]}, "NATO and the IMF met.", ["NATO"]),
    ],
)
def test_options(opts, text, expected):
    assert [f.excerpt for f in findings(text, **opts)] == expected


def test_sample_article(sample_text):
    doc = parse("coalition-meeting.txt", sample_text)
    found = [locate(doc, f) for f in RULE().check(doc, RULE.defaults())]
    assert [(f.excerpt, f.location.line) for f in found] == [("ISIS", 3)]


def test_rule_cites_its_criterion():
    assert RULE.wcag == ("3.1.4",)
