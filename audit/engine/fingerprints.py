"""Fingerprints and excerpts: how a finding is named across edits, and the text it shows."""

from __future__ import annotations

import hashlib
import re

_CONTEXT_WORDS = 3
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")


def _norm(text: str) -> str:
    """The text in lower case, each run of white space one space, none at either end."""
    low = text.lower()
    # Printable text holds no white space but " " (tabs, line breaks and the other
    # spaces are not printable): with no double space and none at the ends, nothing to do.
    if low.isprintable() and "  " not in low and low[:1] != " " and low[-1:] != " ":
        return low
    return " ".join(low.split())


def _norm_plain(text: str) -> str:
    """The plain form of `_norm` (the reference of tests/test_fast_paths.py): every text
    split and joined, where the fast form spares the text that needs neither."""
    return " ".join(text.lower().split())


def fingerprint(rule: str, source: str, start: int, end: int) -> str:
    """Identifies a finding across edits elsewhere in the file: the rule, the flagged text
    and a few words either side, never the line number."""
    # Context stops at a blank line, so moving whole paragraphs keeps every fingerprint.
    before, after = source[max(0, start - 80) : start], source[end : end + 80]
    if "\n" in before:
        before = _PARAGRAPH_BREAK.split(before)[-1]
    if "\n" in after:
        after = _PARAGRAPH_BREAK.split(after)[0]
    # The last and first words: split off at most as many as are kept (fewer splits).
    key = "\0".join(
        (
            rule,
            _norm(source[start:end]),
            " ".join(before.rsplit(None, _CONTEXT_WORDS)[-_CONTEXT_WORDS:]).lower(),
            " ".join(after.split(None, _CONTEXT_WORDS)[:_CONTEXT_WORDS]).lower(),
        )
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def fingerprint_plain(rule: str, source: str, start: int, end: int) -> str:
    """The plain form of `fingerprint` (the reference of tests/test_fast_paths.py): the
    context either side split into all its words, where the fast form splits off three."""
    before, after = source[max(0, start - 80) : start], source[end : end + 80]
    if "\n" in before:
        before = _PARAGRAPH_BREAK.split(before)[-1]
    if "\n" in after:
        after = _PARAGRAPH_BREAK.split(after)[0]
    key = "\0".join(
        (
            rule,
            _norm_plain(source[start:end]),
            " ".join(before.split()[-_CONTEXT_WORDS:]).lower(),
            " ".join(after.split()[:_CONTEXT_WORDS]).lower(),
        )
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def excerpt(source: str, start: int, end: int) -> str:
    """The source text of a span; a span over several lines is folded onto one line."""
    text = source[start:end]
    if "\n" in text or "\r" in text:
        text = " ".join(text.split())
    return text
