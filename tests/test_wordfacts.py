"""The precomputed tables a batch loads up front must answer exactly as the slow paths
they stand in for, so that reports never depend on whether they were loaded."""

from __future__ import annotations

import random

import pytest

from audit.language import lexicon, readability, wordfacts
from audit.rules import spelling


@pytest.fixture(scope="module")
def table():
    wordfacts.preload()
    return wordfacts._table


def _sample(words, step=17):
    return sorted(words)[::step]


def test_table_holds_the_common_words_and_only_them(table):
    assert 35_000 < len(table) < 50_000
    assert {"the", "government", "minister", "said", "people"} <= set(table)
    for word in ("sajjan", "petawawa", "daesh", "leclair"):  # names, not common words
        assert word not in table
    for word in _sample(table):
        assert word.isascii() and word.isalpha() and word.islower()
        assert (lexicon.level_of(word) or 99) <= lexicon.COMMON_LEVEL


@pytest.mark.parametrize("form", [str.lower, str.capitalize, str.upper])
def test_tallies_from_the_table_equal_the_slow_count(table, form):
    for word in _sample(table):
        token = form(word)
        facts = wordfacts.common(token)
        assert facts is not None
        syllables, letters, familiar = readability.word_counts(token)
        assert (facts >> 1, len(token), facts & 1) == (syllables, letters, familiar), token


@pytest.mark.parametrize("form", [str.lower, str.capitalize, str.upper])
def test_a_common_word_is_never_doubted_by_spelling(table, form):
    for word in _sample(table):
        assert spelling._fine_as_written(form(word)), form(word)


def test_words_outside_the_table_take_the_slow_path(table):
    for token in ("Sajjan", "naïve", "3.5", "co-operate", "don't", ""):
        assert wordfacts.common(token) is None


def _listed_slowly(cands, names):
    """What `_listed` answered before it used sets: each candidate looked up in its group."""
    return {
        c
        for c in cands
        if lexicon._lookup(c) is not None or (names and lexicon._lookup(c[:1].upper() + c[1:]) is not None)
    }


@pytest.mark.parametrize("names", [False, True])
def test_listed_spellings_answer_as_the_word_groups(names):
    rng = random.Random(9)
    listed = [w.lower() for w, _ in lexicon.levels() if w.isascii() and w.isalpha()]
    cands = set(rng.sample(listed, 3000))
    cands |= {"".join(rng.choice(lexicon.ALPHABET) for _ in range(rng.randint(1, 9))) for _ in range(3000)}
    cands |= {"sajjan", "london", "x", "a", "i", "nato", "ipod", "mcdonald"}
    assert lexicon._listed(cands, names) == _listed_slowly(cands, names)


@pytest.mark.parametrize("alphabet", [lexicon.ALPHABET, "aeioust"])
def test_one_edit_candidates_are_those_edits_yields(alphabet):
    rng = random.Random(4)
    words = ["a", "ab", "hello", "committee", "aa", "zzz"] + [
        "".join(rng.choice("abcdeilnorst") for _ in range(rng.randint(1, 10))) for _ in range(300)
    ]
    for word in words:
        assert lexicon.one_edit(word, alphabet) == {cand for cand, _ in lexicon._edits(word, alphabet)}, word


def test_word_memo_answers_as_its_function_and_stays_bounded(monkeypatch):
    from audit.storage import cache

    monkeypatch.setattr(cache, "WORD_CACHE", 50)
    calls = []

    def length(word):
        calls.append(word)
        return len(word)

    memo = cache.WordMemo(length)
    words = [f"w{i}" for i in range(120)] * 2
    assert list(map(memo.__getitem__, words)) == list(map(len, words))
    assert len(memo) <= 50 and len(memo.previous) <= 50  # two generations at most
    before = len(calls)
    assert memo["w119"] == 4 and len(calls) == before  # the last word met is still held
    old = next(iter(memo.previous))
    assert memo[old] == len(old) and len(calls) == before  # the previous generation: moved back
    assert old in memo


def test_a_new_build_of_a_table_replaces_its_earlier_ones(tmp_path, monkeypatch):
    """The cache folder keeps one build of each table: a changed identity (new data or a
    new version) deletes the old file, and leaves other tables alone."""
    from audit.storage.cache import cached_table

    monkeypatch.setenv("ARTICLE_AUDIT_CACHE_DIR", str(tmp_path))
    assert cached_table("lexicon", "one", lambda: {"a": 1}, dict) == {"a": 1}
    assert cached_table("lexicon-spellings", "one", lambda: ("x",), tuple) == ("x",)
    (tmp_path / "notes.txt").write_text("mine")
    first = {p.name for p in tmp_path.iterdir()}
    assert cached_table("lexicon", "one", lambda: {"rebuilt": 1}, dict) == {"a": 1}  # read, not built
    assert cached_table("lexicon", "two", lambda: {"b": 2}, dict) == {"b": 2}
    names = {p.name for p in tmp_path.iterdir()}
    assert len([n for n in names if n.startswith("lexicon-") and not n.startswith("lexicon-spellings")]) == 1
    assert {n for n in first if n.startswith("lexicon-spellings")} <= names and "notes.txt" in names
    assert not (first - names) - {n for n in first if n.startswith("lexicon-") and "spellings" not in n}
