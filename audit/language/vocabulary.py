"""A project's vocabulary: words and patterns that are always right (or always wrong),
as Vale's `accept.txt` and `reject.txt`.

An entry made of letters, digits, apostrophes, hyphens and dots only is a word,
matched in any case ("etcd" accepts "Etcd"); any other entry is a regular expression
matched against the whole word, case-sensitively unless it says `(?i)`
("kube-[a-z]+", "[Cc]ontainerd"). A vocabulary file holds one entry a line; `#` starts
a comment line, and a line starting with `!` is a rejected entry.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_LITERAL = re.compile(r"[\w'’.-]+")


class Vocabulary:
    def __init__(self, words: frozenset[str], patterns: tuple[re.Pattern[str], ...]) -> None:
        self.words = words
        self.patterns = patterns

    def match(self, word: str) -> bool:
        return word.casefold() in self.words or any(p.fullmatch(word) for p in self.patterns)


@lru_cache(maxsize=64)
def compile(entries: tuple[str, ...]) -> Vocabulary:
    """The entries as a Vocabulary; raises ValueError naming an entry that is not a
    valid regular expression."""
    words, patterns = set(), []
    for entry in entries:
        if _LITERAL.fullmatch(entry):
            words.add(entry.casefold())
            continue
        try:
            patterns.append(re.compile(entry))
        except re.error as exc:
            raise ValueError(f"{entry!r} is not a valid regular expression: {exc}") from None
    return Vocabulary(frozenset(words), tuple(patterns))


def read_file(path: Path) -> tuple[list[str], list[str]]:
    """(accepted, rejected) entries of a vocabulary file. Raises OSError or
    UnicodeDecodeError when it cannot be read."""
    accepted, rejected = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if entry.startswith("!"):
            rejected.append(entry[1:].strip())
        else:
            accepted.append(entry)
    return accepted, rejected


def add_words(path: Path, words) -> int:
    """Append the words not yet in the vocabulary file (in any case) to it, keeping its
    entries in place and the new ones sorted; returns how many were added. The file is
    created if missing."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    accepted, rejected = ([], []) if not lines else read_file(path)
    known = compile(tuple(accepted + rejected))
    new: dict[str, str] = {}
    for word in sorted((w for w in words if not known.match(w)), key=lambda w: (w.casefold(), w)):
        new.setdefault(word.casefold(), word)  # one spelling per word: "Kube" and "kube" are one
    new = list(new.values())
    if new:
        text = "\n".join(lines + new) + "\n"
        path.write_text(text, encoding="utf-8")
    return len(new)
