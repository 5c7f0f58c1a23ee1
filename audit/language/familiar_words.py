"""The familiar words of the Dale-Chall formula, read from the list textstat ships.

textstat is a runtime dependency for this file: its list is the reference the
Dale-Chall and Gunning fog figures are defined by (and tested against).
"""

from __future__ import annotations

from functools import lru_cache

from audit.language import syllables

EASY_WORDS = ("textstat", "resources", "en", "easy_words.txt")  # the package, and the file in it


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale-Chall list of familiar words, as shipped by textstat (read without importing it)."""
    path = syllables.package_file(*EASY_WORDS)
    assert path is not None, "textstat's list of familiar words is missing"
    return frozenset(path.read_text(encoding="utf-8").split())
