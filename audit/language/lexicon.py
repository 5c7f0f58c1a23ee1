"""English words by variant and commonness, for spelling and variant checks.

The words come from SCOWL (Kevin Atkinson's Spell Checker Oriented Word Lists,
packaged in `audit.rules.data` with its licence; see rules/data/scowl-en.md). Each
word carries the SCOWL size where it first appears (10 = the most common words ..
70 = rarer ones: a stand-in for frequency) and the variants that accept it. The
list is parsed once per machine into a compact marshal file in the user cache,
keyed by the data's hash, so a new process loads it in about ten milliseconds.
Also here: the suggestion search (edits ranked by keyboard slips). What an
article shows about its names is in `audit.names`.
"""

from __future__ import annotations

import gzip
import hashlib
import unicodedata
from functools import lru_cache
from pathlib import Path

from audit.storage.cache import WORD_CACHE, cached_table

# The word lists: a folder inside the installed package (a path, not importlib.resources,
# whose first use costs a one-article run some 40 ms).
DATA_DIR = Path(__file__).resolve().parent / "data"
DATA = "scowl-en.tsv.gz"
EXTRA = "spelling-extra.txt"  # hand-written additions, accepted in every variant
TERMS = "technical-terms.txt"  # hand-written technical words: known, never suggested
_FORMAT = 4  # of the cached table; change it when `_key` or the line format changes
VARIANTS = ("en-US", "en-GB", "en-CA", "en-AU")
_LETTER_BIT = {"U": 1, "G": 2, "C": 4, "A": 8}
ALL_VARIANTS = 15
SUGGEST_LEVEL = 70  # suggest only words this common or more
TERM_LEVEL = 75  # the level of `TERMS`: past SUGGEST_LEVEL, so known but never offered
COMMON_LEVEL = 35  # a common word: listed at this SCOWL size or below (some 41,000 words)
MAX_WORD = 30  # longer strings are not words: no search around them
ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard() -> dict[str, frozenset[str]]:
    """Keys touching each letter on a QWERTY keyboard, whose rows are staggered."""
    where = {ch: (r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
    touching = {(0, -1), (0, 1), (-1, 0), (-1, 1), (1, -1), (1, 0)}  # (row, column) steps
    return {
        ch: frozenset(o for o, (r2, c2) in where.items() if (r2 - r, c2 - c) in touching)
        for ch, (r, c) in where.items()
    }


KEYBOARD = _keyboard()


def variant_mask(language: str) -> int:
    """Bit mask of the variants a language setting accepts ("en": all of them)."""
    return 1 << VARIANTS.index(language) if language in VARIANTS else ALL_VARIANTS


def _key(word: str) -> str:
    """A word's group: its first two letters and its length (some 4,000 groups of a few
    hundred bytes: few enough to load fast, small enough to search fast)."""
    return word[:2].lower() + chr(48 + len(word))


@lru_cache(maxsize=1)
def _buckets() -> dict[str, str]:
    """Words grouped by `_key` (first two letters and length), each group one
    string of "\nword\tcode" lines (code = level * 16 + variant mask).

    Four thousand strings load from marshal in about two milliseconds, where a
    dict of 140,000 words takes some forty; a look-up is a `str.find` over a few
    hundred bytes. (The suggestion search, which looks up thousands of candidates,
    has its own sets: `spellings`.)
    """
    return cached_table("lexicon", identity(), lambda: _group(*_sources()), dict)


def _sources() -> tuple[bytes, bytes, bytes]:
    return tuple((DATA_DIR / name).read_bytes() for name in (DATA, EXTRA, TERMS))


@lru_cache(maxsize=1)
def identity() -> str:
    """The digest of the word lists (and of the table's format)."""
    return hashlib.sha256(b"\0".join(_sources()) + bytes([_FORMAT])).hexdigest()


def levels():
    """(word, level) of every word in the lists, as spelt there."""
    for bucket in _buckets().values():
        for line in bucket[1:-1].split("\n"):
            word, _, code = line.partition("\t")
            yield word, int(code) >> 4


def _group(raw: bytes, extra: bytes, terms: bytes = b"") -> dict[str, str]:
    groups: dict[str, list[str]] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        word, level, variants = line.split("\t")
        mask = ALL_VARIANTS if variants == "*" else sum(_LETTER_BIT[v] for v in variants)
        groups.setdefault(_key(word), []).append(f"{word}\t{int(level) * 16 + mask}")
    for added, level in ((extra, SUGGEST_LEVEL), (terms, TERM_LEVEL)):
        for line in added.decode("utf-8").splitlines():
            for word in line.split("#", 1)[0].split():
                groups.setdefault(_key(word), []).append(f"{word}\t{level * 16 + ALL_VARIANTS}")
    return {k: "\n" + "\n".join(v) + "\n" for k, v in groups.items()}


def _find(word: str) -> int | None:
    bucket = _buckets().get(_key(word))
    if bucket is None:
        return None
    i = bucket.find("\n" + word + "\t")
    if i < 0:
        return None
    j = i + len(word) + 2
    return int(bucket[j : bucket.index("\n", j)])


def _lookup(word: str) -> int | None:
    found = _find(word)
    if found is None and not word.isascii():
        plain = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
        found = _find(plain)
    return found


@lru_cache(maxsize=WORD_CACHE)
def entry(word: str) -> tuple[int, int] | None:
    """(level, variant mask) of a word as written, in lower case, capitalised, or (for
    short words: "tv", "ok") in capitals."""
    forms = [word, word.lower(), word[:1].upper() + word[1:].lower()]
    if len(word) <= 4:
        forms.append(word.upper())
    for form in dict.fromkeys(forms):  # each once: a word in no list is looked for in each
        found = _lookup(form)
        if found is not None:
            return found >> 4, found & 15
    return None


def known(word: str, mask: int = ALL_VARIANTS) -> bool:
    found = entry(word)
    return found is not None and bool(found[1] & mask)


def level_of(word: str) -> int | None:
    """SCOWL level of a lower-case word spelt exactly so (not only as a name)."""
    found = _lookup(word)
    return None if found is None else found >> 4


def is_compound(word: str, max_level: int = 50, strict: bool = False) -> bool:
    """A closed compound of two words ("bandmates", "beermaker") or of a prefix and
    a word ("rebrand"). Many slips split so too ("sure|ace" for "surface"), so for a
    word one edit from a listed word ask `strict`: two very common words of four
    letters or more ("gameplan"), a clear prefix ("unpatched") or a prefix before a
    word of five letters or more ("demerged")."""
    low = word.lower()
    for i in range(2, len(low) - 2):
        head, tail = low[:i], low[i:]
        tail_level = level_of(tail)
        if tail_level is None or tail_level > max_level:
            continue
        if strict:
            if (head in CLEAR_PREFIXES and len(tail) >= 4) or (head in PREFIXES and len(tail) >= 5):
                return True
            if min(len(head), len(tail)) >= 4 and tail_level <= 20 and (level_of(head) or 99) <= 20:
                return True
        elif head in PREFIXES or (i >= 3 and (level_of(head) or 99) <= max_level):
            return True
    return False


# Suffixes that make a word of any listed word, seldom the result of one slip (unlike
# "-ed", "-ing", "-er", "-able" and "-y": "occured", "flaged", "accessable", "realy").
SUFFIXES = ("ification", "ifying", "ified", "ify", "ishly", "ish", "ness", "less", "wise")


def is_derived(word: str, max_level: int = 50) -> bool:
    """A listed word with a suffix that makes words of any word ("monthish",
    "gamification", "hostless", "clunkiness"), spelt as English spells them: a final
    "e" dropped ("gam|ify" for "game"), "y" as "i" ("clunki|ness"; "readyness" is none)."""
    low = word.lower()
    for suffix in SUFFIXES:
        stem = low[: -len(suffix)]
        if not low.endswith(suffix) or len(stem) < 3 or stem.endswith("y"):
            continue
        for form in (stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else ""):
            if form and (level_of(form) or 99) <= max_level:
                return True
    return False


@lru_cache(maxsize=4096)
def slips(word: str, max_level: int = SUGGEST_LEVEL, missed: bool = True) -> tuple[str, ...]:
    """Lower-case words one transposition, keyboard slip (a neighbouring or doubled
    key) or, if `missed`, one missed letter away, commonest first."""
    low = word.lower()
    found: dict[str, tuple[int, int]] = {}
    if len(low) > MAX_WORD:
        return ()
    for cand, cost in _edits(low):
        slip = cost <= 1 and 1 < len(cand) <= len(low) + missed and cand != low
        level = level_of(cand) if slip else None
        if level is not None and level <= max_level:
            found[cand] = min(found.get(cand, (9, 99)), (cost, level))
    return tuple(_match_case(word, c) for c in sorted(found, key=lambda c: (found[c], c)))


def variants_of(word: str) -> tuple[str, ...]:
    """The variants whose word lists hold this spelling (empty when unknown)."""
    found = entry(word)
    return tuple(v for i, v in enumerate(VARIANTS) if found and found[1] >> i & 1)


def _edits(word: str, alphabet: str = ALPHABET):
    """(candidate, cost) for every edit at distance 1: 0 a transposition, 1 a keyboard
    slip (a neighbouring or doubled key) or a missed letter, 2 any other edit."""
    n = len(word)
    for i in range(n):
        a, b, c = word[:i], word[i], word[i + 1 :]
        yield a + c, 1 if i > 0 and (word[i - 1] == b or b in KEYBOARD.get(word[i - 1], ())) else 2
        if c:
            yield a + c[0] + b + c[1:], 0  # transposition: the commonest slip
        for ch in alphabet:
            if ch != b:
                yield a + ch + c, 1 if ch in KEYBOARD.get(b, ()) else 2  # substitution
    for i in range(n + 1):
        for ch in alphabet:
            yield word[:i] + ch + word[i:], 1  # a missed letter


def one_edit(word: str, alphabet: str = ALPHABET) -> set[str]:
    """The candidates `_edits` yields, without their costs: built a set at a time, several
    times faster, for the searches that look most of them up and keep few."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in alphabet if c != b[0]}
        | {a + c + b for a, b in splits for c in alphabet}
    )


def _drops(word: str) -> list[str]:
    """Deletions and transpositions only: the cheap half of a two-edit search."""
    return [word[:i] + word[i + 1 :] for i in range(len(word))] + [
        word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)
    ]


def _listed(cands: set[str], names: bool) -> set[str]:
    """The lower-case ASCII candidates that a list holds as written or (for names)
    capitalised: the quick part of `_fits`. Thousands of candidates are tried per word,
    and nearly all are in no list."""
    words, capitalised = spellings()
    found = words.intersection(cands)
    return found | capitalised.intersection(cands) if names else found


@lru_cache(maxsize=1)
def spellings() -> tuple[frozenset[str], frozenset[str]]:
    """(the listed words in lower-case ASCII letters, the listed capitalised ones with
    their first letter lowered): the suggestion search's many look-ups as set look-ups,
    ten times faster than searching the groups. Loading them takes some 25 ms, so a
    batch loads them before starting its workers, and a single article only when it
    has a word to search around."""
    return cached_table("lexicon-spellings", identity(), _build_spellings, tuple)


def _build_spellings() -> tuple[frozenset[str], frozenset[str]]:
    words, capitalised = set(), set()
    for word, _ in levels():
        if word.isascii() and word.isalpha():
            if word.islower():
                words.add(word)
            elif word[0].isupper() and word[1:] == word[1:].lower():
                capitalised.add(word[0].lower() + word[1:])
    return frozenset(words), frozenset(capitalised)


def _fits(cand: str, mask: int, max_level: int, names: bool) -> int | None:
    """The level of a candidate that is a listed lower-case word (or a name, if asked)."""
    found = _lookup(cand) if cand else None
    if found is None and names:
        found = _lookup(cand[:1].upper() + cand[1:])
    if found is not None and found >> 4 <= max_level and found & mask:
        return found >> 4
    return None


@lru_cache(maxsize=4096)
def nearest(
    word: str, mask: int = ALL_VARIANTS, max_level: int = SUGGEST_LEVEL, max_distance: int = 2
) -> tuple[int, tuple[str, ...]]:
    """(distance, words) for the listed words nearest to `word`, likeliest first.

    Distance is 1 or 2 (0 with no words). Ranked by transpositions, then keyboard
    slips and missed letters, then other edits, and within each by commonness.
    Two edits are tried only for words of five to twelve letters and keep the
    first letter, which keeps the search to a few thousand look-ups (ten times the
    cost of one edit: `max_distance=1` skips it).
    """
    low = word.lower()
    if not 2 <= len(low) <= MAX_WORD or not low.isalpha() or not low.isascii():
        return 0, ()
    names = word[:1].isupper()
    if max_distance >= 2:
        one = nearest(word, mask, max_level, 1)
        if one[1] or not 5 <= len(low) <= 12:
            return one
        # Two edits: any edit, then a deletion or swap (the other order gives
        # nearly the same words), with new letters taken from the word itself and
        # the vowels, as in "tommorow" for "tomorrow".
        letters = "".join(sorted(set(low) | set("aeiou")))
        first = low[0]
        twice = {d for c in one_edit(low, letters) for d in _drops(c) if d[:1] == first}
        ranked = sorted(
            (3, level, cand)
            for cand in _listed(twice, names)
            if (level := _fits(cand, mask, max_level, names)) is not None
        )
        return (2 if ranked else 0), tuple(_match_case(word, r[2]) for r in ranked)
    scored: dict[str, tuple] = {}
    candidates = one_edit(low)
    candidates.discard(low)
    found = {
        cand: level for cand in _listed(candidates, names) if (level := _fits(cand, mask, max_level, names)) is not None
    }
    if found:  # the costs, for the few words found
        for cand, cost in _edits(low):
            if cand in found:
                scored[cand] = min(scored.get(cand, (3,)), (cost, found[cand], cand))
    ranked = sorted(scored.values())
    return (1 if ranked else 0), tuple(_match_case(word, r[2]) for r in ranked)


def suggestions(word: str, mask: int = ALL_VARIANTS, limit: int = 3) -> tuple[str, ...]:
    """Up to `limit` common words the writer likely meant; empty when unsure.

    At distance two, a suggestion is made only when one word is more common than
    every other candidate.
    """
    distance, words = nearest(word, mask)
    if distance == 2 and len(words) > 1 and entry(words[0])[0] >= entry(words[1])[0]:
        return ()
    return words[:limit]


def _match_case(original: str, word: str) -> str:
    if original[:1].isupper() and not word[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


_APOSTROPHES = str.maketrans("’‘ʼ", "'''")
_CLITICS = ("s", "d", "ll", "re", "ve", "m", "t")
PREFIXES = frozenset(
    """a anti bi co counter cyber de e eco euro ex geo hyper inter intra macro mega micro mid
    mini multi neo non over post pre pro pseudo quasi re self semi socio sub super tele trans
    tri ultra un under""".split()
)
# Prefixes that rarely begin a word by accident ("un-", not "re-" or "de-").
CLEAR_PREFIXES = frozenset("anti counter inter multi non over super un under".split())


def word_parts(token: str) -> list[tuple[int, str]]:
    """The parts of a word token worth checking, as (offset in token, text).

    Curly apostrophes count as straight ones; a possessive or a clitic ("Blair's",
    "they'll") is checked by its base; a hyphenated compound is checked part by
    part unless the whole, or the whole without hyphens ("co-ordinator"), is a
    word; a prefix ("anti-", "co-") or a part of one or two letters ("wi-fi") is
    never checked on its own.
    """
    text = token.translate(_APOSTROPHES)
    if "'" in text:
        base, _, tail = text.rpartition("'")
        if tail.lower() in _CLITICS and base and not known(text):
            text = base
    if "-" not in text:
        return [(0, text)]
    if known(text) or known(text.replace("-", "")):
        return []
    parts, offset = [], 0
    for piece in text.split("-"):
        if len(piece) > 2 and piece.lower() not in PREFIXES:
            parts.append((offset, piece))
        offset += len(piece) + 1
    return parts
