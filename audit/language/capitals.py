"""Text in capitals: a headline or a shout, where a word's case tells nothing (an acronym
is not one, a proper noun not one either)."""

from __future__ import annotations

from string import ascii_lowercase


def shouted(text: str, share: float) -> bool:
    """More than `share` of the letters are capitals."""
    # With (1 - share) of its characters in a-z (counted at C speed, a letter at a time)
    # no more than `share` of its letters can be capitals: so reads nearly every sentence.
    if sum(map(text.count, ascii_lowercase)) >= (1 - share) * len(text):
        return False
    return shouted_plain(text, share)


def shouted_plain(text: str, share: float) -> bool:
    """The plain form of `shouted` (the reference of tests/test_fast_paths.py): every
    letter counted, where the fast form first counts a-z at C speed."""
    return sum(map(str.isupper, text)) > share * sum(map(str.isalpha, text))
