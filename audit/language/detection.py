"""Is this English? A cheap, offline check before the language-bound rules run.

The rules measure English prose: on French or Russian text they would report
nonsense (every word a typo, reading grades from English syllable counts). English
running text is full of a few short function words ("the", "with", "which") that
are rare in other languages, so their share of the words tells English from the
rest in one pass, with no model or download. Words that are also common in other
languages written in the Latin alphabet are left out of the list ("a", "in", "on",
"is", "was", "to", "as", "no", "die", "for", "at", "over"), so French, German or
Spanish text scores near zero while English news scores about 0.28 (0.11 at the
lowest over 2,225 BBC articles, sports tables included). Text mostly in another
alphabet (Cyrillic, Greek, Arabic, Chinese, Japanese) is not English whatever its
words. Short texts are assumed to be English: too few words to tell.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress, filterfalse
from operator import itemgetter

ENGLISH = "en"
NOT_ENGLISH = "not-en"

FUNCTION_WORDS = frozenset(
    """the and that with this from have has had are were been being be by it its they
    them their there these those which who whom whose what when where while would could
    should shall not but than then into about after before because between through
    during without against under upon we you your our his him she he he's it's
    said says also very just only other such some any each every both more most much
    many can cannot can't don't doesn't didn't won't isn't wasn't aren't weren't
    how why if up out off all one two new first last year years""".split()
)
MIN_WORDS = 40  # fewer alphabetic words than this: too short to tell
MIN_LETTERS = 100  # the same for the alphabet test (CJK text has few space-separated words)
# English news scores 0.11 at the lowest, other languages under 0.02 (tests/test_bad_input.py).
THRESHOLD = 0.06
_LATIN_END = 0x250  # Basic Latin .. Latin Extended-B


def profile(words: Iterable[str], lowered_words: Iterable[str] | None = None) -> tuple[float, int, int, int]:
    """(share of the alphabetic words that are English function words, how many
    alphabetic words, how many letters, how many of them in the Latin alphabet).
    `lowered_words`: the words in lower case, if the caller has them."""
    words = list(words)
    starts_alphabetic = list(map(str.isalpha, map(itemgetter(0), words)))  # a token is never empty
    alphabetic = list(compress(words, starts_alphabetic))
    lowered = list(
        compress(lowered_words, starts_alphabetic) if lowered_words is not None else map(str.lower, alphabetic)
    )
    hits = sum(map(FUNCTION_WORDS.__contains__, lowered))
    other = list(filterfalse(str.isascii, alphabetic))  # few: "don’t", "café", or a text in Greek
    if other:
        hits += sum(w.replace("\u2019", "'") in FUNCTION_WORDS for w in map(str.lower, other) if "\u2019" in w)
    total, letters = len(alphabetic), sum(map(len, alphabetic))
    # Letters outside the Latin alphabet are in words that are not ASCII.
    latin = letters - sum(ord(c) >= _LATIN_END for w in other for c in w)
    return (hits / total if total else 0.0), total, letters, latin


def profile_plain(words: Iterable[str]) -> tuple[float, int, int, int]:
    """The plain form of `profile` (the reference of tests/test_fast_paths.py): every word
    lowered, straightened and looked up, every letter tested. The fast form takes the
    words the document has lowered, works at C speed (map, compress) and straightens and
    tests letters only in words not in ASCII: those hold no curly apostrophe and only
    Latin letters."""
    alphabetic = [word for word in words if word[0].isalpha()]
    hits = sum(word.lower().replace("\u2019", "'") in FUNCTION_WORDS for word in alphabetic)
    total, letters = len(alphabetic), sum(map(len, alphabetic))
    latin = sum(ord(c) < _LATIN_END for word in alphabetic for c in word)
    return (hits / total if total else 0.0), total, letters, latin


def detect(words: Iterable[str], lowered_words: Iterable[str] | None = None) -> tuple[str, float]:
    """(ENGLISH or NOT_ENGLISH, the share of English function words among the words)."""
    share, total, letters, latin = profile(words, lowered_words)
    if letters >= MIN_LETTERS and latin * 2 < letters:
        return NOT_ENGLISH, share
    if total >= MIN_WORDS and share < THRESHOLD:
        return NOT_ENGLISH, share
    return ENGLISH, share
