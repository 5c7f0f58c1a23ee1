"""Speed-ups that must not change a result: each fast form against the plain one it
replaces, on text built to hit their edges (issue 9). Both forms live in the product
code, side by side (`X` and `X_PLAIN`, `x` and `x_plain`); this file only compares them.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from audit.document import segment
from audit.frontends import parse
from audit.language import capitals
from audit.rules import abbreviation, spelling, typo
from audit.rules.typo import names

EXAMPLES = settings(max_examples=300, deadline=None)

# The patterns as first written (`_PLAIN`, beside each fast one), with "\b" or a
# look-behind up front. Each fast form opens with a character class instead, which lets
# the regex engine skip ahead at C speed.
PLAIN_FORMS = [
    (segment.WORD, segment.WORD_PLAIN),
    (segment._CANDIDATE, segment._CANDIDATE_PLAIN),
    (segment._MISSING_SPACE, segment._MISSING_SPACE_PLAIN),
    (typo._NAME_PERIOD, typo._NAME_PERIOD_PLAIN),
    (names._CAPITALISED, names._CAPITALISED_PLAIN),
    (typo._SPACE_BEFORE, typo._SPACE_BEFORE_PLAIN),
    (typo._SPACE_MOVED, typo._SPACE_MOVED_PLAIN),
    (typo._NO_SPACE, typo._NO_SPACE_PLAIN),
]
# The same matches, told by span (the fast form adds a group).
SAME_SPANS = [(typo._REPEATED, typo._REPEATED_PLAIN)]
# The same groups, in the same order (the plain form matches an empty string, the fast
# form the first name).
SAME_GROUPS = [(typo._FULL_NAME, typo._FULL_NAME_PLAIN)]
PIECES = (
    ",",
    ";",
    ":",
    " ,",
    " .",
    "..",
    ",,",
    "/",
    "U.S.",
    "a.m.",
    "e.g",
    "A.B.C",
    "3.5",
    "2,225",
    "1.13bn",
    "10:30",
    "²",
    "½",
    "٣",
    "it's",
    "don’t",
    "co-op",
    "-",
    "'",
    "Ab",
    "Harjit",
    "S",
    "Sajjan",
    "end",
    "The",
    "é",
    "É",
    "x",
    "_",
    "9",
    "ab",
    ".",
    "!",
    "?",
    "…",
    "!!",
    '"',
    "”",
    "’",
    ")",
    "»",
    " ",
    "  ",
    "\t",
    "\n",
    "Mr",
    "St",
)


def tricky_text() -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=40).map("".join)


def _matches(pattern: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("fast, plain", PLAIN_FORMS, ids=lambda p: getattr(p, "pattern", "plain")[:24])
@EXAMPLES
@given(text=tricky_text())
def test_fast_pattern_finds_what_the_plain_one_finds(fast, plain, text):
    assert _matches(fast, text) == _matches(re.compile(plain), text)


@pytest.mark.parametrize("fast, plain", PLAIN_FORMS, ids=lambda p: getattr(p, "pattern", "plain")[:24])
@pytest.mark.parametrize(
    "text",
    [
        "Minister Harjit. S. Sajjan said so.",
        "It ended.Then it began!!  Again?! “Yes.” (No.)",
        "éHarjit. Sajjan",
        "_Harjit. S. Sajjan",
        "9Harjit. Sajjan",
        "Mr. Sajjan and St. Thomas",
        "",
        "a ,b 9 ,b _ ,b é ;b",
        "word , next; end .\nx :",
        "in 2005 ,the end .The",
        "it.The end!Now ends?Yes",
    ],
)
def test_fast_pattern_on_examples(fast, plain, text):
    assert _matches(fast, text) == _matches(re.compile(plain), text)


@pytest.mark.parametrize("fast, plain", SAME_SPANS, ids=lambda p: getattr(p, "pattern", "plain")[:24])
@EXAMPLES
@given(text=tricky_text())
def test_fast_pattern_finds_the_spans_the_plain_one_finds(fast, plain, text):
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.finditer(plain, text)]


@pytest.mark.parametrize("fast, plain", SAME_GROUPS, ids=lambda p: getattr(p, "pattern", "plain")[:24])
@EXAMPLES
@given(
    text=st.lists(
        st.sampled_from(PIECES + ("Harjit S. Sajjan", "James N Mattis", " ", "McDonald", "Ab Cd Ef")), max_size=30
    ).map("".join)
)
def test_fast_pattern_finds_the_groups_the_plain_one_finds(fast, plain, text):
    assert [m.groups() for m in fast.finditer(text)] == [m.groups() for m in re.finditer(plain, text)]


SPELLING_TEXTS = [
    "Teh minister didn't say it. The well-known co-ordinator's plan, the goverment's 3.5bn plan and "
    "the 1990s-era rules were re-examined by the Sajjan-led team and the mis-spelt one.",
    "Recieve it. Ex-minister Mong-koo, the anti-recieve group and the wi-fi users were there in 2005.",
    "'Teh' they said. \"Goverment-run\" firms and the minsiter's staff's views. Didn't, wouldn’t, y'all.",
]


@pytest.mark.parametrize("text", SPELLING_TEXTS)
@pytest.mark.parametrize("reject", [(), ("plan",)])
def test_spelling_skips_only_tokens_it_could_never_flag(monkeypatch, text, reject):
    """`NEVER_FLAGGED` spares tokens the checks that depend on their place; with it
    saying no to every token, the rule must report exactly the same."""
    opts = {**spelling.RULE.defaults(), "reject": reject}

    def findings() -> list:
        spelling.NEVER_FLAGGED.clear()
        spelling.NEVER_FLAGGED.previous = {}
        doc = parse("a.txt", text)
        return [(f.start, f.end, f.message) for f in spelling.RULE().check(doc, opts)]

    fast = findings()
    monkeypatch.setattr(spelling.NEVER_FLAGGED, "compute", lambda token: False)
    assert findings() == fast
    assert len(fast) >= 2  # the texts hold slips, so the comparison is not of two silences
    spelling.NEVER_FLAGGED.clear()


def test_jargon_index_holds_every_entry_form_of_the_trie():
    """The index the rule prefilters with must hold the words of every form the trie
    matches, or an entry could be missed."""
    from audit.rules import jargon

    opts = jargon.RULE.defaults()
    config = tuple(opts["sources"]), tuple(opts["kinds"]), tuple(opts["allow"]), ("line manager => boss",)
    _, trie = jargon.lexicon(*config)

    def forms(node, path=()):
        if "$" in node:
            yield frozenset(path)
        for word, child in node.items():
            if word not in ("$", "!"):
                yield from forms(child, (*path, word))

    expected = set(forms(trie))
    index = jargon._entry_words(*config)
    indexed = {words for rows in index.values() for words, _ in rows}
    assert indexed == expected and len(expected) > 500
    assert all(
        key in words and ascii_words == tuple(sorted(ascii_words, key=lambda w: (-len(w), w)))
        for key, rows in index.items()
        for words, ascii_words in rows
    )
    assert frozenset({"line", "manager"}) in indexed


@pytest.mark.parametrize("language", ["en", "en-GB", "en-AU", "en-US"])
def test_english_variant_searches_for_names_only_when_a_spelling_could_be_in_one(monkeypatch, language):
    """The names that keep their spelling are searched for only when a spelling found is
    one of their words: the findings must equal those of always searching."""
    from audit.rules import english_variant

    names = [name for _, group in english_variant._names() for name in group]
    text = (
        "The colour of the center and the Defense Secretary's labour plan. "
        + ". ".join(names)
        + ". The Labor party and the theatre's defence of the organization's color. Café Défense is here."
    )
    opts = {**english_variant.RULE.defaults(), "accept": ("Café Défense", "Labour Center")}

    def findings() -> list:
        doc = parse("a.txt", text)
        doc.language = language
        return [(f.start, f.end, f.message) for f in english_variant.RULE().check(doc, opts)]

    fast = findings()
    searched_always = english_variant._phrases.__wrapped__
    monkeypatch.setattr(english_variant, "_phrases", lambda names: (searched_always(names)[0], None))
    assert findings() == fast
    assert fast  # the text mixes variants: there is something to compare


@settings(max_examples=500, deadline=None)
@given(word=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=18))
def test_hyphenation_points_match_pyphen(word):
    """The syllable fallback applies Pyphen's patterns itself, stopping early where no
    pattern can start: it must count the points Pyphen finds."""
    from audit.language import syllables

    assert syllables._hyphenation() is not None  # the fast path is the one under test
    plain = syllables.hyphen_points_plain(word)
    assert syllables.hyphen_points(word) == plain == len(syllables._pyphen().positions(word))


@pytest.mark.parametrize(
    "word",
    [
        "sajjan",
        "petawawa",
        "leclair",
        "daesh",
        "hyphenation",
        "supercalifragilistic",
        "antidisestablishmentarianism",
        "strengths",
        "a",
        "ab",
        "rhythm",
    ],
)
def test_hyphenation_points_match_pyphen_on_names(word):
    from audit.language import syllables

    assert syllables.hyphen_points(word) == syllables.hyphen_points_plain(word)


@EXAMPLES
@given(text=tricky_text())
def test_lower_words_are_the_words_lowered_one_by_one(text):
    """The words' texts and their lower case, kept once for all rules."""
    doc = parse("a.txt", text)
    assert doc.lower_words == [w.text.lower() for w in doc.words]
    assert doc.texts == tuple(w.text for w in doc.words)
    assert list(doc.word_ends) == [w.prose_end for w in doc.words]


def test_every_cached_view_of_a_document_is_documented_in_one_place():
    """The views on `Document` and the slots of its `DocumentCache` are listed in their
    docstrings; a new one that is not fails here."""
    from dataclasses import fields
    from functools import cached_property

    from audit.document.model import Document, DocumentCache

    views = {
        name
        for name, value in vars(Document).items()
        if isinstance(value, (cached_property, property)) and not name.startswith("_")
    }
    assert {
        "lower_words",
        "folded_words",
        "distinct_lower_words",
        "distinct_lower_lines",
        "word_ends",
        "lower_text",
        "lower_text_is_lower",
        "title",
        "title_span",
    } <= views
    engine_inputs = {"texts", "language", "languagetool", "warnings", "cache"}
    assert [name for name in sorted(views | engine_inputs) if f"`{name}`" not in Document.__doc__] == []
    slots = [f.name for f in fields(DocumentCache)]
    assert [name for name in slots if f"\n    {name} " not in DocumentCache.__doc__] == []
    doc = parse("a.txt", "Some words.")
    assert [getattr(doc.cache, name) for name in slots] == [None] * len(slots)  # filled when first asked for
    assert doc.warnings == [] and doc.languagetool is None


@EXAMPLES
@given(
    text=st.lists(
        st.one_of(
            st.sampled_from(
                (
                    "colour",
                    "color",
                    "centre",
                    "Center",
                    "re-organise",
                    "organize's",
                    "İcolour",
                    "theatre2",
                    "_defence",
                    "ΣΣcolor",
                )
            ),
            st.sampled_from(PIECES),
            st.text(max_size=3),
        ),
        max_size=30,
    ).map("".join)
)
def test_english_variant_finds_the_spellings_searching_the_text_finds(text):
    """Spellings are looked for among the article's words, not by searching its text:
    the places found must be the same."""
    from audit.rules import english_variant

    doc, table = parse("a.txt", text), english_variant._table()
    searched = table.keys() & set(english_variant.ASCII_RUNS.findall(doc.lower_text))
    listed = english_variant._listed_runs(doc, table)
    assert searched <= listed
    assert sorted(english_variant._runs(doc.lower_text, listed)) == sorted(
        english_variant._runs(doc.lower_text, searched)
    )
    # The one pass of a long article finds the same places, in order.
    assert list(english_variant._runs_in_one_pass(doc.lower_text, listed)) == sorted(
        english_variant._runs(doc.lower_text, listed)
    )


@pytest.mark.parametrize("text, plain", [("Plain text.", True), ("İstanbul is big.", False), ("ΟΔΟΣ σ", True)])
def test_lower_text_says_when_it_is_the_plain_lower_case(text, plain):
    """Rules that mix `lower_words` and `lower_text` search the text instead when a
    letter longer in lower case keeps the two from agreeing."""
    doc = parse("a.txt", text)
    assert doc.lower_text_is_lower is plain
    assert (doc.lower_text == doc.text.lower()) is plain and len(doc.lower_text) == len(doc.text)


@EXAMPLES
@given(
    text=st.lists(st.sampled_from(PIECES + ("\n\n", "\r\n \r\n", "word", "Two words")), max_size=60).map("".join),
    data=st.data(),
)
def test_fingerprint_takes_the_words_either_side_as_a_full_split_does(text, data):
    from audit.engine import fingerprints as engine

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert engine.fingerprint("typo", text, start, end) == engine.fingerprint_plain("typo", text, start, end)


SENSORY_WORDS = (
    "click",
    "clicking",
    "clicks",
    "tap",
    "tapping",
    "press",
    "pressed",
    "select",
    "choose",
    "choosing",
    "hit",
    "use",
    "using",
    "used",
    "see",
    "seeing",
    "check",
    "look",
    "refer",
    "find",
    "open",
    "follow",
    "drag",
    "scroll",
    "shown",
    "seen",
    "pictured",
    "illustrated",
    "depicted",
    "marked",
    "highlighted",
    "circled",
    "underlined",
    "shaded",
    "hear",
    "listen",
    "the",
    "a",
    "an",
    "that",
    "this",
    "your",
    "on",
    "at",
    "for",
    "to",
    "red",
    "button",
    "below",
    "re-",
    "-",
    "'",
    "’",
    "İ",
    "Use",
    "SEE",
    " ",
    "  ",
    "\n",
    "\n\n",
    ". ",
    "? ",
    "x",
)


@EXAMPLES
@given(text=st.lists(st.sampled_from(SENSORY_WORDS), max_size=40).map("".join))
def test_sensory_language_tries_its_pattern_where_an_opening_word_is(text):
    """Trying the trigger only at the words it can open with finds the sentences a
    scan of the whole text finds."""
    from audit.rules import sensory_language as sl

    doc = parse("a.txt", text)
    assert sl.trigger_sentences(doc) == doc.sentences_with(sl.TRIGGER, lowercase=True)


def test_sensory_language_opening_words_are_those_of_the_pattern():
    """Every listed word opens a match, and no other English word does."""
    from audit.rules import sensory_language as sl

    opening = {
        w
        for w in sl.OPENING_WORDS
        if sl.TRIGGER.match(w + " the")
        or sl.TRIGGER.match(w + " on the")
        or sl.TRIGGER.match(w + " at the")
        or sl.TRIGGER.match(w + " to the")
        or sl.TRIGGER.match(w + ".")
    }
    assert opening == sl.OPENING_WORDS
    # Every English word in the word lists that opens a match is listed.
    from audit.language import lexicon

    tails = (" the", " on the", " at the", " for the", " to the", ".")
    english = {w.lower() for w, _ in lexicon.levels() if w.isalpha()}
    assert {w for w in english if any(sl.TRIGGER.match(w + tail) for tail in tails)} == sl.OPENING_WORDS


@EXAMPLES
@given(words=st.lists(st.text(alphabet="ab-'’", max_size=5), max_size=12))
def test_sensory_language_finds_the_words_with_a_hyphen_or_an_apostrophe(words):
    from audit.rules import sensory_language as sl

    assert sl._joined("\n".join(set(words))) == {w for w in words if sl._JOINERS.search(w)}


@EXAMPLES
@given(
    words=st.lists(
        st.sampled_from(
            (
                "Hewlett",
                "Packard",
                "of",
                "the",
                "National",
                "Health",
                "Service",
                "K",
                "\u212aelvin",
                "İstanbul",
                "news",
                "NHS",
                "co-op",
                "Bank",
            )
        ),
        min_size=1,
        max_size=20,
    ),
    letters=st.sampled_from(("HP", "NHS", "KB", "IB", "NB", "H")),
)
def test_abbreviation_looks_for_the_full_name_where_capitals_open_words(words, letters):
    assert abbreviation.expanded_before(words, letters) == abbreviation.expanded_before_plain(words, letters)


FULL_NAME_WORDS = (
    "Hewlett",
    "Packard",
    "of",
    "the",
    "The",
    "National",
    "Health",
    "Service",
    "K",
    "\u212aelvin",
    "İstanbul",
    "news",
    "NHS",
    "co-op",
    "Co-op",
    "-",
    "Bank",
    "A",
    "an",
    "And",
    "Hall-of-Fame",
    "Of",
)


@EXAMPLES
@given(
    words=st.lists(st.sampled_from(FULL_NAME_WORDS), min_size=1, max_size=30),
    keys=st.sets(
        st.sampled_from(("HP", "NHS", "KB", "IB", "NB", "H", "THF", "CB", "HOF", "NHSB", "AB", "OB")), min_size=1
    ),
)
@example(words=["The", "of", "Bank"], keys={"OB", "TB"})  # an acronym opens with a capital's letter
@example(words=["The", "an", "Bank", "And", "Bank"], keys={"AB"})
# A run no longer than twice the letters and two: found only from the second "National".
@example(
    words=["National", *["of", "the"] * 4, *["Health", "Service", "Bank", "National"] * 2],
    keys={"NHSB", "NB", "HSBNHSBN"},
)
def test_abbreviation_finds_where_each_full_name_is_first_written(words, keys):
    """One pass for all the acronyms (`first_expansions`) tells, for each, the first
    prefix of the words that the plain search for one acronym finds it in."""
    firsts = abbreviation.first_expansions(words, keys)
    for key in keys:
        assert [n >= firsts.get(key, len(words) + 1) for n in range(len(words) + 1)] == [
            abbreviation.expanded_before_plain(words[:n], key) for n in range(len(words) + 1)
        ]


SPELLED_OUT_PIECES = (
    "(",
    ")",
    " ",
    "  ",
    "\u00a0",
    "\u2028",
    ",",
    " or ",
    ",or ",
    " known as ",
    " \u212anown as ",
    " called ",
    " CALLED ",
    "which stands for ",
    ", that stood for",
    "(it stands for",
    "North",
    "Atlantic",
    "Treaty",
    "Organization",
    "of",
    "the",
    "national",
    "-national",
    "-",
    "–",
    "co-op",
    "Σ",
    "İ",
    "NATO",
    "N.A.T.O.",
    "x",
    "9",
)


class _Sentence:
    def __init__(self, text: str) -> None:
        self.text = text


@settings(max_examples=1000, deadline=None)
@given(
    before=st.lists(st.sampled_from(SPELLED_OUT_PIECES), max_size=12).map("".join),
    acronym=st.sampled_from(("NATO", "N.A.T.O.", "NTO", "CN")),
    after=st.lists(st.sampled_from(SPELLED_OUT_PIECES), max_size=12).map("".join),
)
@example(before="North Atlantic Treaty Organization (", acronym="NATO", after=")")
@example(before="", acronym="NATO", after=" (North Atlantic Treaty Organization)")
@example(before="the alliance, or ", acronym="NATO", after="")
@example(before="", acronym="NATO", after=" (-national Atlantic Treaty Organization")
@example(before="", acronym="NATO", after=" (- north Atlantic")
@example(before="  ", acronym="NATO", after=" which stands for")
def test_abbreviation_reads_around_an_acronym_what_slicing_the_sentence_reads(before, acronym, after):
    text = before + acronym + after
    sentence, start, end = _Sentence(text), len(before), len(before) + len(acronym)
    key = abbreviation.key_of(acronym)
    assert abbreviation.spelled_out(sentence, start, end, key) == abbreviation.spelled_out_plain(
        sentence, start, end, key
    )


@pytest.mark.parametrize("padding", [0, 1, 200, 5000])
def test_abbreviation_reads_far_enough_back_when_words_are_long(padding):
    """The windows `spelled_out` reads before an acronym grow until they hold the words
    it needs, however long those words or the spaces between them are."""
    for before in (
        "Norththe" + "x" * padding + " Atlantic (",
        "north " + "y" * padding + " (",
        "North Atlantic Treaty Organization" + " " * padding + "(",
        "Nor" + "t" * padding + "h Atlantic Treaty, or" + " " * padding,
        " " * padding,
    ):
        for after in (")", " " * padding + ")", ""):
            text = before + "NATO" + after
            args = _Sentence(text), len(before), len(before) + 4, "NATO"
            assert abbreviation.spelled_out(*args) == abbreviation.spelled_out_plain(*args)


@EXAMPLES
@given(
    text=st.lists(
        st.one_of(
            st.sampled_from(
                (
                    "mankind",
                    "Wheelchair-bound",
                    "suffered",
                    "man-made",
                    "İman",
                    "sex",
                    "_change",
                    "chairman's",
                    "3rd",
                    "U.S.",
                    "ΣΣman",
                )
            ),
            st.sampled_from(PIECES),
            st.text(max_size=3),
        ),
        max_size=30,
    ).map("".join)
)
def test_inclusive_language_finds_in_the_words_the_required_words_of_the_text(text):
    """Required words are looked for in the article's distinct words, not its text."""
    from audit.rules import inclusive_language

    doc = parse("a.txt", text)
    words = inclusive_language.matcher(inclusive_language.CATEGORIES, ())[1] | {"an", "ade", "s", "kindman"}
    assert inclusive_language.present_words(doc, words) == {w for w in words if w in doc.lower_text}


def test_inclusive_language_never_finds_a_required_word_across_two_words():
    from audit.rules import inclusive_language

    doc = parse("a.txt", "man, kind")
    assert inclusive_language.present_words(doc, frozenset({"mankind", "kindman", "man"})) == {"man"}


@EXAMPLES
@given(text=tricky_text())
def test_language_detection_with_the_words_lowered_by_the_document(text):
    from audit.language import detection as language

    doc = parse("a.txt", text)
    plain = language.profile_plain(doc.texts)
    assert language.profile(doc.texts, doc.lower_words) == language.profile(doc.texts) == plain


@EXAMPLES
@given(
    text=st.lists(
        st.one_of(
            st.sampled_from(
                (
                    "In order to",
                    "in order",
                    "to",
                    "win-win",
                    "Win",
                    "prior",
                    "prior to",
                    ". ",
                    ". In",
                    "İn",
                    "as to whether",
                    "’",
                    "whether.",
                    "Time.",
                    "period of time",
                )
            ),
            st.sampled_from(PIECES),
            st.text(max_size=3),
        ),
        max_size=40,
    ).map("".join)
)
@example(text="We must win. In order to win, prior to the vote. They win in order to win.\n\nWin-win. To win.")
@example(text="İn order to. In order to win.")
def test_jargon_tries_the_sentences_a_test_of_each_sentence_would(text):
    """Sentences are found from the article's words, each with the key words it holds:
    those a test of each sentence's words (split as `tokens` splits them) finds."""
    from audit.document.model import TEXT
    from audit.rules import jargon

    doc = parse("a.txt", text)
    keys = set(jargon._entry_words(tuple(jargon.SOURCES), tuple(jargon.KINDS), (), ())) | {"to", "don't"}
    plain = [(s, set(jargon._parts(map(TEXT, s.words))) & keys) for s in doc.sentences]
    found = [(s, set(held)) for s, held in jargon.sentences_with_keys(doc, keys)]
    assert found == [(s, held) for s, held in plain if held]


INCLUSIVE_PIECES = (
    "mankind",
    "Mankind",
    "MAN-MADE",
    "man made",
    "wheelchair-bound",
    "suffers from polio",
    "the disabled",
    "The Elderly,",
    "committed suicide",
    "sex change",
    "Sex-change operation",
    "\u212aind",
    "\u017fuicide",
    "committed \u017fuicide",
    "\u0130",
    "\u0131",
    "woman",
    "-man",
    "’man",
    "_man",
    "é",
    "café",
)


@EXAMPLES
@given(
    text=st.lists(
        st.one_of(st.sampled_from(INCLUSIVE_PIECES), st.sampled_from(PIECES), st.text(max_size=3)), max_size=30
    ).map("".join)
)
@example(text="Mankind and the disabled. A man-made lake; woman-made; committed suicide, the elderly.")
@example(text="man\u212aind: committed ſuicide was mankind’s; mankind, commİtted suicide")
def test_inclusive_language_finds_in_lower_case_what_re_i_finds(text):
    """Entries are searched in the lower-cased text where that finds the same matches."""
    from audit.rules import inclusive_language as il

    patterns = [r["pattern"] for r in il.matcher(il.CATEGORIES, ())[2]]
    fast = list(il._scan(text, patterns))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(il, "_plainly_lowered", lambda text, patterns: None)
        assert fast == list(il._scan(text, patterns))


DOUBLE_PIECES = (
    "the the",
    "The the",
    "the The",
    "had had",
    "Bora Bora",
    "in in",
    "ſo ſo",
    "so so",
    "STRASSE straße",
    "that. That",
    "word-word",
    "it's it's",
    "the\nthe",
    "the  the",
    "1 1",
    "é é",
    "Dr. Dr.",
)


@EXAMPLES
@given(
    text=st.lists(
        st.one_of(st.sampled_from(DOUBLE_PIECES), st.sampled_from(PIECES), st.text(max_size=3)), max_size=30
    ).map("".join)
)
@example(text="We met the the minister. He had had enough. Bora Bora is far; in in the end, ſo ſo.")
def test_typo_searches_for_doubled_words_only_in_the_sentences_that_may_hold_one(text):
    """Only sentences with two neighbouring words equal but for case are searched."""
    doc = parse("a.txt", text)
    fast = list(typo.Typo()._doubled_words(doc))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typo, "_sentences_with_doubles", typo._sentences_with_doubles_plain)
        assert fast == list(typo.Typo()._doubled_words(doc))


SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200a\u2028\u2029\u202f\u205f\u3000"


@EXAMPLES
@given(
    text=st.lists(
        st.one_of(st.sampled_from(tuple(SPACES)), st.sampled_from(PIECES), st.text(max_size=3)), max_size=30
    ).map("".join)
)
def test_fingerprint_normalises_white_space_as_a_split_and_join_does(text):
    from audit.engine import fingerprints as engine

    assert engine._norm(text) == engine._norm_plain(text) == " ".join(text.lower().split())


@EXAMPLES
@given(
    text=st.lists(
        st.one_of(
            st.sampled_from(("NATO", "Nato", "nato", "STRASSE", "straße", "Straße", "ǅ", "İ", "ß")),
            st.sampled_from(PIECES),
            st.text(max_size=3),
        ),
        max_size=30,
    ).map("".join)
)
def test_abbreviation_folds_the_words_not_in_capitals_as_casefold_does(text):
    doc = parse("a.txt", text)
    assert (
        abbreviation.folded_words_not_in_capitals(doc)
        == abbreviation.folded_words_not_in_capitals_plain(doc)
        == {w.casefold() for w in doc.texts if not w.isupper()}
    )


@EXAMPLES
@given(
    text=st.lists(
        st.one_of(
            st.sampled_from(("NATO", "THE END", "Nato", "the", "É", "é", "ÀB", "x", "  ", "1")),
            st.sampled_from(PIECES),
            st.text(max_size=3),
        ),
        max_size=30,
    ).map("".join)
)
def test_abbreviation_tells_a_shout_as_counting_every_letter_does(text):
    for share in (0.6, 0.8):
        assert capitals.shouted(text, share) == capitals.shouted_plain(text, share)


@EXAMPLES
@given(
    text=st.lists(
        st.one_of(
            st.sampled_from(("STRASSE", "straße", "ſo", "İ", "ǅ", "Kelvin", "\u212a")),
            st.sampled_from(PIECES),
            st.text(max_size=3),
        ),
        max_size=30,
    ).map("".join)
)
def test_folded_words_are_each_words_casefold(text):
    doc = parse("a.txt", text)
    assert doc.folded_words == doc.folded_words_plain() == [w.casefold() for w in doc.texts]
