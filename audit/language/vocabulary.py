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
MAX_WORD = 40


class Vocabulary:
    def __init__(self, words: frozenset[str], patterns: tuple[re.Pattern[str], ...]) -> None:
        self.words = words
        self.patterns = patterns

    def match(self, word: str) -> bool:
        if word.casefold() in self.words:
            return True
        # Patterns try words only (MAX_WORD letters at most): a long token is no word.
        return len(word) <= MAX_WORD and any(p.fullmatch(word) for p in self.patterns)


@lru_cache(maxsize=64)
def compile(entries: tuple[str, ...], strict: bool = False) -> Vocabulary:
    """The entries as a Vocabulary. An entry that is no valid regular expression, or
    one that repeats a repetition ("(a+)+", "(a|b)*": patterns that can take ages to
    fail), is a literal word; with `strict` (the config's check) it raises ValueError
    naming the entry instead."""
    words, patterns = set(), []
    for entry in entries:
        if _LITERAL.fullmatch(entry):
            words.add(entry.casefold())
            continue
        problem = _nested_repeat(entry)
        try:
            pattern = re.compile(entry)
        except re.error as exc:
            problem = f"{entry!r} is not a valid regular expression: {exc}"
        if problem and strict:
            raise ValueError(problem)
        if problem:
            words.add(entry.casefold())
        else:
            patterns.append(pattern)
    return Vocabulary(frozenset(words), tuple(patterns))


def _nested_repeat(entry: str) -> str | None:
    """Why a pattern may backtrack for ages: a group holding a repetition or a choice,
    itself repeated. A plain scan of the brackets, erring on the side of refusing."""
    opened: list[bool] = []  # per open group: whether it holds a repetition or "|"
    i, risky_group = 0, False
    while i < len(entry):
        ch = entry[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "(":
            opened.append(False)
        elif ch == ")" and opened:
            risky_group = opened.pop()
            if opened:
                opened[-1] = opened[-1] or risky_group
            if risky_group and entry[i + 1 : i + 2] in ("*", "+", "{"):
                return f"{entry!r} repeats a group that repeats: it could take ages to match; simplify it"
        elif ch in "*+{|" and opened:
            opened[-1] = True
        i += 1
    return None


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
