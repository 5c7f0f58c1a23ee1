"""Work that grows with the article, not with its square (issue 19): each case that was
quadratic, measured by a count of operations at two sizes (never by a clock), so a
return of the old scan fails here however fast or busy the machine is.

`bench/scaling.py` measures time and memory on big inputs; these are its guards.
"""

from __future__ import annotations

import random
import string
import sys

from audit.frontends import parse
from audit.rules import abbreviation
from audit.rules.typo import names

# Doubling the input may at most double the operations, with this much to spare for the
# parts of the work that grow a little faster (sorting, sets resizing). Quadratic work
# quadruples them.
LINEAR = 2.4


def calls(function) -> int:
    """How many calls, Python's and C's, running `function()` makes."""
    made = 0

    def profile(frame, event, arg):
        nonlocal made
        made += event in ("call", "c_call")

    sys.setprofile(profile)
    try:
        function()
    finally:
        sys.setprofile(None)
    return made


def growth(measure, make, size: int) -> float:
    """How much `measure(make(n, seed))` grows from n = size to 2 * size: after a first
    run that loads the word lists, each on words of its own (the per-word caches are
    as cold for both)."""
    measure(make(size, 0))
    return measure(make(2 * size, 2)) / measure(make(size, 1))


def distinct_acronyms(count: int, rng: random.Random) -> list[str]:
    seen: set[str] = set()
    while len(seen) < count:
        acronym = "".join(rng.choice(string.ascii_uppercase) for _ in range(4))
        if not set(acronym) <= set("IVXLCDM"):
            seen.add(acronym)
    return sorted(seen, key=lambda _: rng.random())


def acronym_article(count: int, seed: int) -> str:
    """`count` sentences, each with an acronym used for the first time and never spelled out."""
    rng = random.Random(seed)
    tails = ("on Monday", "in a statement", "to the Board", "at the Annual Meeting of the Trust")
    sentences = [
        f"The {acronym} said {rng.choice(tails)} that the plan would go ahead."
        for acronym in distinct_acronyms(count, rng)
    ]
    return "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, count, 5))


def test_abbreviation_looks_for_full_names_once_not_once_per_acronym():
    opts = abbreviation.RULE.defaults()

    def audit(text: str) -> int:
        doc = parse("a.txt", text)
        found = []
        made = calls(lambda: found.extend(abbreviation.RULE().check(doc, opts)))
        assert len(found) > 0.9 * doc.text.count("The ")  # each acronym flagged: the search ran
        return made

    assert growth(audit, acronym_article, 800) < LINEAR


class CountingText(str):
    """A sentence's text that counts the characters sliced out of it."""

    sliced = 0

    def __getitem__(self, key):
        piece = super().__getitem__(key)
        CountingText.sliced += len(piece)
        return piece


class Sentence:
    def __init__(self, text: str) -> None:
        self.text = text


def one_long_sentence(count: int, seed: int) -> tuple[Sentence, list[tuple[int, int]]]:
    """One sentence of `count` acronyms among lower-case words, with no full stop, and
    where each acronym is in it."""
    rng = random.Random(seed)
    parts, spans, at = [], [], 0
    for acronym in distinct_acronyms(count, rng):
        for word in (rng.choice(("the", "a", "council", "said", "plan,")), acronym, "or"):
            parts.append(word)
            if word == acronym:
                spans.append((at, at + len(word)))
            at += len(word) + 1
    return Sentence(CountingText(" ".join(parts))), spans


def test_abbreviation_reads_the_words_around_an_acronym_not_the_whole_sentence():
    """One sentence with thousands of acronyms (a list, a line without full stops): the
    check of whether each is spelled out reads only what is near it."""

    def sliced(made: tuple[Sentence, list[tuple[int, int]]]) -> int:
        sentence, spans = made
        CountingText.sliced = 0
        for start, end in spans:
            abbreviation.spelled_out(sentence, start, end, sentence.text[start:end])
        return CountingText.sliced + len(spans)

    assert growth(sliced, one_long_sentence, 2000) < LINEAR


def near_names_article(count: int, seed: int) -> str:
    """`count` made-up names, each used twice and written once more one edit apart."""
    rng = random.Random(seed)
    paragraphs, seen = [], set()
    while len(seen) < count:
        name = "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(4)).capitalize()
        if name in seen:
            continue
        seen.add(name)
        i = rng.randrange(1, len(name) - 1)
        other = name[: i + 1] + name[i] + name[i + 1 :]  # a letter doubled
        paragraphs.append(
            f"Yesterday the visitor {name} spoke to us. Later the guest {name} left. A friend of {other} stayed."
        )
    return "\n\n".join(paragraphs)


def test_names_spelled_two_ways_look_up_each_names_uses_not_every_name():
    def search(text: str) -> int:
        found = []
        made = calls(lambda: found.extend(names.names_spelled_two_ways(text)))
        assert len(found) > 0.9 * text.count("A friend of")  # each pair found: the search ran
        return made

    assert growth(search, near_names_article, 400) < LINEAR


def variant_spellings_article(count: int, seed: int) -> str:
    """`count` sentences, each with a distinct spelling of the variant table and a name
    that keeps its own spelling ("Pearl Harbor")."""
    from audit.rules import english_variant

    rng = random.Random(seed)
    spellings = sorted(w for w in english_variant._table() if w.isalpha())
    chosen = rng.sample(spellings, count)
    return "\n\n".join(f"Near the Lincoln Center we spoke of {word} today." for word in chosen)


def test_english_variant_finds_spellings_and_names_in_one_pass_each():
    """Thousands of spellings and of names kept as spelled: each spelling is tested
    against the names by bisection, and found in one pass over the text."""
    from audit.rules import english_variant

    opts = english_variant.RULE.defaults()

    def audit(text: str) -> int:
        doc = parse("a.txt", text)
        return calls(lambda: list(english_variant.RULE()._occurrences(doc, opts)))

    assert growth(audit, variant_spellings_article, 600) < LINEAR


def jargon_article(count: int, seed: int) -> str:
    """`count` sentences, each with one of the jargon list's phrases: the more the
    article holds, the more entries it might match."""
    from audit.rules import jargon

    rng = random.Random(seed)
    phrases = sorted({row["phrase"].split("|")[0] for row in jargon.builtin()})
    chosen = [rng.choice(phrases) for _ in range(count)]
    return "\n\n".join(f"Yesterday the board said that we should {phrase} soon." for phrase in chosen)


def test_jargon_tests_each_sentence_for_the_entries_its_words_allow_not_all():
    from audit.rules import jargon

    opts = jargon.RULE.defaults()

    def audit(text: str) -> int:
        doc = parse("a.txt", text)
        found = []
        made = calls(lambda: found.extend(jargon.RULE().check(doc, opts)))
        assert len(found) > 0.5 * text.count("Yesterday")  # the phrases were found: the search ran
        return made

    assert growth(audit, jargon_article, 300) < LINEAR


def test_the_cycle_collector_is_off_while_an_input_is_audited_and_on_after(monkeypatch):
    """Its collections of the oldest objects walk every word of a long article, again
    and again as the article grows: 4 MB of prose took a fifth longer with it on."""
    import gc

    from audit.config.loader import Config
    from audit.engine import auditor
    from audit.engine.registry import registry

    seen = []
    real_parse = auditor.parse

    def parse_and_look(*args, **kwargs):
        seen.append(gc.isenabled())
        return real_parse(*args, **kwargs)

    monkeypatch.setattr(auditor, "parse", parse_and_look)
    settings = Config().settings_for("a.txt", registry())
    assert gc.isenabled()
    result = auditor.audit_bytes("a.txt", b"A note\n\nWe meet at noon.\n", settings)
    assert seen == [False] and gc.isenabled() and result.status == "passed"
    assert auditor.audit_bytes("b.txt", b"\xff\xfe\x00", settings).status == "error" and gc.isenabled()


def test_the_cycle_collector_stays_off_until_the_last_of_overlapping_audits_ends():
    import gc

    from audit.engine.auditor import _no_cycle_search

    assert gc.isenabled()
    first, second = _no_cycle_search(), _no_cycle_search()
    first.__enter__()
    second.__enter__()  # another thread's audit starts while the first runs
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the second is still running
    second.__exit__(None, None, None)
    assert gc.isenabled()
