"""Readability formulas computed from the document model's own counts.

textstat counts sentences with a regular expression and words by splitting on
spaces, so abbreviations, initials, a missing space after a full stop, and numbers
(zero syllables) skew its grades. Here the formulas are textstat's own (same
coefficients, same word lists, same consensus recipe as its `text_standard`), but
the counts come from the document model: its sentences, its words, syllables from
the CMU dictionary (audit.syllables), letters from the words. The tests check each
formula against textstat on text where both count alike.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from dataclasses import dataclass
from itertools import chain, islice
from operator import itemgetter

from audit.document import atoms
from audit.document.model import Document, Sentence
from audit.language import syllables, wordfacts
from audit.language.familiar_words import easy_words
from audit.storage.cache import WordMemo


def _normal(word: str) -> str:
    return word.lower().replace("’", "'")


@dataclass(frozen=True)
class Counts:
    sentences: int
    words: int
    syllables: int
    letters: int
    polysyllables: int  # 3 or more syllables
    hard_fog: int  # 3+ syllables and not a familiar word (Gunning fog)
    unfamiliar: int  # not on the Dale-Chall list (Dale-Chall)
    linsear_easy: int  # first 100 words: 1-2 syllables
    linsear_hard: int  # first 100 words: 3+ syllables
    linsear_sentences: int  # sentences those 100 words span


def word_counts(word: str) -> tuple[int, int, bool]:
    """(syllables, letters and digits, on the Dale-Chall list) of one word token."""
    return syllables.count(word), sum(map(str.isalnum, word)), _normal(word) in easy_words()


def _tally(word: str) -> tuple[int, int, int, int, int]:
    """(syllables, letters and digits, polysyllabic, hard for Gunning fog, unfamiliar)
    of one word token, as 0/1 counts that add up column by column. An atom (a code
    span, a formula) counts as one short familiar word (`audit.document.atoms`)."""
    if word == atoms.ATOM:
        return atoms.SYLLABLES, atoms.LETTERS, False, False, False
    facts = wordfacts.common(word)
    if facts is None:
        s, letters, familiar = word_counts(word)
    else:  # a common word in ASCII letters: each letter counts
        s, letters, familiar = facts >> 1, len(word), facts & 1
    return s, letters, s >= 3, s >= 3 and not familiar, not familiar


TALLIES = WordMemo(_tally)  # the one memo of per-word counts


def sentence_tallies(doc: Document) -> tuple[array, array, array, array, array]:
    """The sums of `_tally` over each sentence's words, worked out once per document
    (`doc.cache.sentence_tallies`): five arrays, one per count (syllables, letters and
    digits, polysyllables, hard words for Gunning fog, unfamiliar words), with an entry
    for each sentence. A sentence's grade wants its sums, the article's the sum of its
    sentences'; sums kept, not a tally per word: a long article's list of them was a
    reference per word."""
    cache = doc.cache
    if cache.sentence_tallies is None:
        tallies, start = list(map(TALLIES.__getitem__, doc.texts)), 0
        columns = (array("q"), array("q"), array("q"), array("q"), array("q"))
        for sentence in doc.sentences:
            n = len(sentence.words)
            for column, total in zip(columns, _sums(tallies[start : start + n])):
                column.append(total)
            start += n
        cache.sentence_tallies = columns
    return cache.sentence_tallies


_COLUMNS = tuple(map(itemgetter, range(5)))


def _sums(tallies: list) -> tuple[int, int, int, int, int]:
    """The column sums of some tallies (`zip(*tallies)` would copy a long sentence's five times)."""
    return tuple([sum(map(column, tallies)) for column in _COLUMNS])  # type: ignore[return-value]


def count(sentences: tuple[Sentence, ...], totals: tuple[int, ...] | None = None) -> Counts:
    """The counts of some sentences; `totals`, if given, are the sums of their words'
    tallies (`_tally`), column by column."""
    kept = [s for s in sentences if s.words]
    if totals is None:
        totals = _sums(list(map(TALLIES.__getitem__, chain.from_iterable(s.words.texts for s in kept))))
    syl, letters, poly, hard, unfamiliar = totals
    words = sum(len(s.words) for s in kept)
    # Linsear Write reads the first 100 words, and the sentences they begin in.
    first = list(islice(chain.from_iterable(s.words.texts for s in kept), 100))
    l_hard = sum(TALLIES[w][2] for w in first)
    l_sentences, seen = 0, 0
    for sentence in kept:
        if seen >= 100:
            break
        l_sentences += 1
        seen += len(sentence.words)
    return Counts(
        len(kept),
        words,
        syl,
        letters,
        poly,
        hard,
        unfamiliar,
        len(first) - l_hard,
        l_hard,
        l_sentences,
    )


def flesch_kincaid(words: int, sentences: int, syllables: int) -> float:
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def sentence_grades(doc: Document) -> tuple[float | None, ...]:
    """Flesch-Kincaid grade of each sentence (None for one without words), rounded as
    `measure(doc, (sentence,))` rounds it, computed once per document (`doc.cache.sentence_grades`)."""
    cache = doc.cache
    if cache.sentence_grades is None:
        grades = []
        for sentence, syl in zip(doc.sentences, sentence_tallies(doc)[0]):
            n = len(sentence.words)
            grades.append(round(flesch_kincaid(n, 1, syl), 2) if n else None)
        cache.sentence_grades = tuple(grades)
    return cache.sentence_grades


def formulas(c: Counts) -> dict[str, float]:
    if not c.words or not c.sentences:
        return {}
    wps = c.words / c.sentences
    spw = c.syllables / c.words
    pct_unfamiliar = 100 * c.unfamiliar / c.words
    dale = 0.1579 * pct_unfamiliar + 0.0496 * wps + (3.6365 if pct_unfamiliar > 5 else 0)
    linsear = (c.linsear_easy + 3 * c.linsear_hard) / max(1, c.linsear_sentences)
    linsear = linsear / 2 if linsear > 20 else linsear / 2 - 1
    return {
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": flesch_kincaid(c.words, c.sentences, c.syllables),
        "gunning_fog": 0.4 * (wps + 100 * c.hard_fog / c.words),
        "smog_index": 1.043 * math.sqrt(30 * c.polysyllables / c.sentences) + 3.1291,
        "coleman_liau_index": 0.058 * (100 * c.letters / c.words) - 0.296 * (100 * c.sentences / c.words) - 15.8,
        "automated_readability_index": 4.71 * (c.letters / c.words) + 0.5 * wps - 21.43,
        "dale_chall_readability_score": dale,
        "linsear_write_formula": linsear,
    }


def _fre_grade(score: float) -> list[int]:
    for floor, grades in ((90, [5]), (80, [6]), (70, [7]), (60, [8, 9]), (50, [10]), (40, [11]), (30, [12])):
        if floor <= score < (100 if floor == 90 else floor + 10):
            return grades
    return [13]


def consensus(scores: dict[str, float]) -> float:
    """textstat's `text_standard`: the most common of the grades' floors, ceilings and roundings."""
    grades: list[int] = []
    for key in (
        "flesch_kincaid_grade",
        "smog_index",
        "coleman_liau_index",
        "automated_readability_index",
        "dale_chall_readability_score",
        "linsear_write_formula",
        "gunning_fog",
    ):
        value = scores[key]
        grades += [math.floor(value), math.ceil(value), round(value)]
        if key == "flesch_kincaid_grade":
            grades += _fre_grade(scores["flesch_reading_ease"])
    return float(Counter(grades).most_common(1)[0][0])


# Blocks that are not running text: alt text, table cells and metadata are fragments
# that would pull the average sentence length down.
NOT_RUNNING_TEXT = frozenset({"alt-text", "table-cell", "description"})


def running_text(doc: Document) -> tuple[Sentence, ...]:
    """The sentences the readability formulas count."""
    if not any(b.kind in NOT_RUNNING_TEXT for b in doc.blocks):
        return doc.sentences
    return tuple(s for s in doc.sentences if doc.blocks[s.block].kind not in NOT_RUNNING_TEXT)


def measure(doc: Document, sentences: tuple[Sentence, ...] | None = None) -> dict[str, float | int]:
    """All readability metrics of a document (or of some of its sentences), rounded for
    reports; the document's are worked out once (`doc.cache.readability`)."""
    if sentences is None:
        cache = doc.cache
        if cache.readability is None:
            cache.readability = measure(doc, running_text(doc))
        return cache.readability
    c = count(sentences, tuple(map(sum, sentence_tallies(doc))) if sentences is doc.sentences else None)
    result: dict[str, float | int] = {"words": c.words, "sentences": c.sentences, "syllables": c.syllables}
    scores = formulas(c)
    if scores:
        result.update({k: round(v, 2) for k, v in scores.items()})
        result["consensus_grade"] = consensus(scores)
        result["avg_sentence_length"] = round(c.words / c.sentences, 2)
        result["avg_syllables_per_word"] = round(c.syllables / c.words, 2)
    return result
