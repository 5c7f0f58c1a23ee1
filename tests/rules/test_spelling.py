"""spelling: slips of known words are flagged with the intended word; names are not."""

from __future__ import annotations

import time

import pytest

from audit.language import lexicon
from audit.frontends import parse
from audit.rules.spelling import RULE


def findings(text: str, language: str = "en", **options):
    doc = parse("a.txt", text)
    doc.language = language
    opts = {**RULE.defaults(), **{k.replace("_", "-"): tuple(v) if isinstance(v, list) else v
                                  for k, v in options.items()}}
    return [(doc.source[f.start : f.end], f.suggestion) for f in RULE().check(doc, opts)]


MUST_FLAG = [
    # (text, [(excerpt, suggestion)])
    ("The minsiter said the talks would resume on Monday.", [("minsiter", "minister")]),
    ("The goverment will publish its budget next week.", [("goverment", "government")]),
    ("Officials said they would recieve the report in March.", [("recieve", "receive")]),
    ("Shares fell sharply after teh announcement.", [("teh", "the")]),
    ("Teh company said profits rose by 5%.", [("Teh", "The")]),
    ("The council said it had definately ruled out a tax rise.", [("definately", "definitely")]),
    ("Police said the man was arrested at the aiport on Friday.", [("aiport", "airport")]),
    ("The club confirmed the signing in a statment on Tuesday.", [("statment", "statement")]),
    ("The markrt reacted calmly to the news.", [("markrt", "market")]),  # neighbouring key
    ("Analysts were cheered by the figures, said the anaylsts.", [("anaylsts", "analysts")]),
    ("The vote will be held tommorow, the speaker said.", [("tommorow", "tomorrow")]),  # two edits
    ("The anti-goverment protests spread to three cities.", [("goverment", "government")]),
    ("The goverment's plan was criticised by unions.", [("goverment", "government")]),
    ("The goverment’s plan was criticised by unions.", [("goverment", "government")]),
    ("He said: “Teh deal is done.”", [("Teh", "The")]),
    ("It is, the report said, an embarassment to the league.", [("embarassment", "embarrassment")]),
    ("Critics said the plan was not costed properly and evrything was rushed.", [("evrything", "everything")]),
    ("Everthing was rushed, critics said.", [("Everthing", "Everything")]),
    ("Kamal arrived late, officials said.", []),  # a capitalised first word: only clear slips
]


@pytest.mark.parametrize("text, expected", MUST_FLAG)
def test_must_flag(text, expected):
    assert findings(text) == expected


MUST_NOT_FLAG = [
    "Yesterday, Minister Sajjan concluded a productive morning meeting with James N. Mattis.",
    "Daesh fighters withdrew from the town after the coalition advanced.",
    "Paige moved to their first posting in Petawawa with their dog Diablo.",
    "Paige LeClair graduated from the St. Thomas University Journalism program.",
    "NATO and the UN issued a joint statement on the ISIS threat.",
    "The firm's iPod sales rose, while eBay and PayPal gained.",
    "Visit www.example.com or email press@example.org for details.",
    "Read more at news.bbc.co.uk/sport or follow #election2024 and @BBCNews.",
    "The 4G network covers 95% of homes, and the A380 flew at 10.30am.",
    "It was a hand-in-hand, whole-of-government approach.",
    "They don't know, and we’ll see what it’s worth to the Coalition’s partners.",
    "The co-ordinator said the wi-fi was down again.",
    "His bandmates said the beermaker had paid for the tour.",
    "Cafe owners said the cliche about their protege was unfair.",
    "The café and the fiancée were in the news.",
    "Gazprom's chief, Alexei Miller, said Yukos would be sold.",
    "Kamal Nath, the commerce minister, said the talks had stalled.",
    "Trudeau announced the plan, and Mulroney backed it.",
    '"It is the equipment we have installed," Authenti-corp\'s chief executive said.',
    "The blogosphere reacted fast. Critics in the blogosphere said the blogosphere was wrong.",
    "Quiksilver and Billabong shares rose in Sydney on Tuesday.",
    "Organise the meeting, or organize it: both are fine, like colour and color.",
    "There was an internet caf&#233; in the town.",
    "He said the tv was on and it was ok by him.",
    "The have-nots were angry about unpatched software and the gameplan.",
    "It was travelled, labelled and catalogued, as licence holders know.",
]


@pytest.mark.parametrize("text", MUST_NOT_FLAG)
def test_must_not_flag(text):
    assert findings(text) == []


@pytest.mark.parametrize(
    "text, language",
    [
        ("The Defence Minister spoke about the colour of the centre.", "en-US"),
        ("The defense budget and the color guard were discussed.", "en-GB"),
        ("The defense budget and the color guard were discussed.", "en-CA"),
        ("The Defence Minister spoke about the colour of the centre.", "en-AU"),
    ],
)
def test_other_variants_are_left_to_the_variant_rule(text, language):
    assert findings(text, language) == []


@pytest.mark.parametrize(
    "text, options, expected",
    [
        ("The team will frobnicate the data.", {"accept": ["frobnicate"]}, []),
        ("The team will frobnicat the data.", {"accept": ["FROBNICAT"]}, []),
        ("Firms utilise the scheme.", {"reject": ["utilise"]}, [("utilise", None)]),
        ("The goverment spoke again. The goverment spoke. The goverment left.", {"repeated": 5},
         [("goverment", "government")] * 3),
    ],
)
def test_options(text, options, expected):
    assert findings(text, **options) == expected


def test_the_sample_article_has_no_spelling_findings(sample_text):
    for language in ("en", "en-CA", "en-GB", "en-US", "en-AU"):
        assert findings(sample_text, language) == []


@pytest.mark.parametrize(
    "word, variants",
    [
        ("colour", ("en-GB", "en-CA", "en-AU")),
        ("color", ("en-US", "en-CA", "en-AU")),
        ("defence", ("en-GB", "en-CA", "en-AU")),
        ("the", ("en-US", "en-GB", "en-CA", "en-AU")),
        ("teh", ()),
    ],
)
def test_variants_of_words(word, variants):
    assert lexicon.variants_of(word) == variants


def test_suggestions_follow_the_configured_variant():
    assert lexicon.suggestions("colr", lexicon.variant_mask("en-US"))[:1] != ("colour",)
    assert "colour" not in lexicon.suggestions("coluor", lexicon.variant_mask("en-US"))
    assert lexicon.suggestions("coluor", lexicon.variant_mask("en-GB"))[:1] == ("colour",)


def test_a_long_article_is_checked_in_milliseconds():
    text = " ".join(["The minister said the government would publish the report on Monday."] * 300)
    findings(text)  # load the word list
    started = time.perf_counter()
    findings(text)
    assert time.perf_counter() - started < 1.0
