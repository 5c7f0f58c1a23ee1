"""What an article shows about its names: a name written two ways one edit apart
("Sajjan" four times, "Sajan" once), and which capitalised words are common words
rather than names. Used by the `typo` rule."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Set
from functools import lru_cache

from audit.language.lexicon import COMMON_LEVEL, known, level_of
from audit.storage.cache import WORD_CACHE


def one_edit_apart(a: str, b: str) -> bool:
    """True when b is one deletion, insertion, substitution or swap of
    neighbouring letters (Damerau-Levenshtein distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True  # one substitution
    swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
    return swapped and a[i + 2 :] == b[i + 2 :]


def near_pairs(words) -> list[tuple[str, str]]:
    """Pairs of distinct words one edit apart, found through shared one-letter
    deletions instead of comparing every pair."""
    keys: dict[str, set[str]] = {}
    for word in set(words):
        for i in range(len(word) + 1):
            keys.setdefault(word[:i] + word[i + 1 :] if i < len(word) else word, set()).add(word)
    pairs = set()
    for group in keys.values():
        if len(group) < 2:
            continue
        for a in group:
            for b in group:
                if a < b and one_edit_apart(a.lower(), b.lower()):
                    pairs.add((a, b))
    return sorted(pairs)


_CAPITALISED = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]{3,29}\b")  # the look-behind: "\b" before the capital
# As first written, the reference for tests/test_fast_paths.py (a string: never used here).
# Opening with the capital, not "\b", lets the regex engine skip to the next at C speed.
_CAPITALISED_PLAIN = r"\b[A-Z][a-z]{3,29}\b"
_BEFORE_NAME = re.compile(r"((?:(?:[A-Z]\.|[A-Z][\w'’-]*)[ \t]+){1,2})$")
# The capitalised word after a name, past a particle ("Osama bin Laden", "Vincent van Gogh").
_AFTER_NAME = re.compile(r"[ \t]+(?:(?:bin|ibn|al|el|de|del|da|di|dos|van|von|der|den|du|le|la)[ \t]+)?([A-Z][\w'’-]*)")
CONSISTENT = 3  # uses that make a rare form consistent (with a quarter of the usual form's)
CROWDED = 60  # names used twice or more that make a text crowded with names
_TITLES = frozenset("Mr Mrs Ms Dr Sir Lord Lady Minister President Prime Secretary Chancellor".split())


@lru_cache(maxsize=WORD_CACHE)
def is_common(word: str) -> bool:
    """A capitalised common word ("The", "Life", "Spider"), not a name."""
    return len(word) > 1 and (level_of(word.lower()) or 99) <= COMMON_LEVEL


def names_spelled_two_ways(
    text: str, written: Callable[[], Set[str]] = frozenset
) -> list[tuple[str, str, int, list[tuple[int, int]]]]:
    """(rare form, usual form, uses of the usual form, spans of the rare form) for
    capitalised names written two ways one edit apart ("Sajjan" x4, "Sajan" x1).

    The usual form must be used at least twice and twice as often; the rare form
    must be in no word list (so "Iran"/"Iraq" pass), and neither a plural nor an
    "-i" derivative ("Saud"/"Saudi"); names whose neighbours differ ("Robbie
    Williams", "David Walliams"; "S Horgan", "M Horan") are different people.
    A rare form is a name of its own when it is used three times or more and more
    than a quarter as often as the usual one ("Docsy" x26 beside "Docs" x75), or
    when `written()` (asked once a pair is found) holds it in lower case (the
    article's code, links and lower-case words: the handle "jaredb" beside "Jared").
    In a text of many names (meeting notes, a list of contributors) names one letter
    apart abound: there two forms that differ where names vary (`_name_variant`) must
    also share a neighbour (a first name, a surname, an initial) to be one person.
    """
    counts = Counter(_CAPITALISED.findall(text))
    # Only a name used twice or more can be the usual form, and only a word in no list
    # the rare one: pairs are looked for among those alone.
    usual = {w for w, n in counts.items() if n >= 2 and not is_common(w)}
    if not usual:
        return []
    most = max(counts[w] for w in usual)
    crowded = len(usual) >= CROWDED
    rare = {w for w, n in counts.items() if 2 * n <= most and w not in usual and not known(w)}
    result = []
    uses: dict[str, list[re.Match[str]]] | None = None  # where each name is, found once a pair needs it
    lower: Set[str] | None = None
    neighbours: dict[str, set[str]] = {}  # each name's, worked out once: a name may be in many pairs
    for a, b in near_pairs(usual | rare):
        major, minor = (a, b) if counts[a] >= counts[b] else (b, a)
        if counts[major] < 2 or counts[major] < 2 * counts[minor] or known(minor) or is_common(major):
            continue
        if lower is None:
            lower = written()
        if (counts[minor] >= CONSISTENT and 4 * counts[minor] > counts[major]) or minor.lower() in lower:
            continue  # used as consistently, or written as a handle or in code: a name of its own
        longer, shorter = (major, minor) if len(major) > len(minor) else (minor, major)
        if longer[:-1] == shorter and longer[-1] in "is":
            continue
        if uses is None:
            uses = {}
            for m in _CAPITALISED.finditer(text):
                uses.setdefault(m.group(0), []).append(m)
        for name in (major, minor):
            if name not in neighbours:
                neighbours[name] = _neighbours(text, uses[name])
        near_major, near_minor = neighbours[major], neighbours[minor]
        if near_major and near_minor and not near_major & near_minor:
            continue  # each with its own first name or surname: two people
        if crowded and _name_variant(major, minor) and not near_major & near_minor:
            continue  # among many names, "Marky"/"Marko", "Jared"/"Jaredb" are two people
        spans = [m.span() for m in uses[minor] if not _cut_short(text, m)]
        if spans:
            result.append((minor, major, counts[major], spans))
    return result


def _name_variant(a: str, b: str) -> bool:
    """Two names one edit apart that differ as names of different people or things
    do, not as slips mostly do: at the first or the last letter ("Karen"/"Naren",
    "Marky"/"Marko", "Jared"/"Jaredb", "Lukasz"/"Lukas"). Slips fall anywhere
    (the first letter is seldom one); these are the places where names vary."""
    a, b = a.lower(), b.lower()
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head == 0 or tail == 0


def _cut_short(text: str, use: re.Match[str]) -> bool:
    """ "'Merica" for "America": a word with its first letter dropped on purpose."""
    if text[use.start() - 1 : use.start()] not in ("'", "’"):
        return False
    word = use.group(0)
    return any(known(c.upper() + word.lower()) for c in "aeiouh")


def _neighbours(text: str, matches) -> set[str]:
    """Capitalised words and initials just before (up to two) or after each of the
    matches (the uses of one name), titles and common words left out, but for a
    surname after a particle ("Osama bin Laden": "Laden")."""
    near: set[str] = set()
    for m in matches:
        before = _BEFORE_NAME.search(text[max(0, m.start() - 40) : m.start()])
        after = _AFTER_NAME.match(text, m.end())
        words = before.group(1).replace(".", " ").split() if before else []
        words += [after.group(1)] if after else []
        near.update(w for w in (re.sub(r"['’]s?$", "", w) for w in words) if w not in _TITLES and not is_common(w))
        if after and after.group(0).strip() != after.group(1):
            near.add(after.group(1))  # after a particle: a surname, even when a common word
    return near
