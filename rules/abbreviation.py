"""abbreviation: acronyms not spelled out at their first use (WCAG 3.1.4)."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter, not_

from audit.engine.rule import Option, Rule
from audit.engine.word_lists import load
from audit.language.capitals import shouted
from audit.results.findings import Severity
from audit.rules import DATA

ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,}s?(?=['’]s\b|[^'’]|$)")
# What every acronym holds: sentences without it are not looked at.
_MODEL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")  # beside a hyphen: a model name (FT-30)
CAPITALS = re.compile(r"[A-Z]\.?[A-Z]")
ROMAN = re.compile(r"(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})")
SMALL = {
    "of",
    "and",
    "the",
    "for",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "a",
    "an",
    "&",
    "de",
    "du",
    "des",
    "la",
    "le",
    "del",
    "der",
    "für",
    "und",
    "et",
    "y",
}
INTRODUCERS = ("or", "known as", "called")
# Files a project names in capitals by convention: names of things, not abbreviations.
FILE_NAMES = frozenset(
    "README CONTRIBUTING OWNERS OWNERS_ALIASES LICENSE LICENCE CHANGELOG CHANGES AUTHORS MAINTAINERS "
    "CONTRIBUTORS CODEOWNERS NOTICE SECURITY SUPPORT GOVERNANCE COPYING INSTALL HISTORY TODO".split()
)
# Beside an acronym these make it part of a file name or an identifier (README.md,
# OWNERS_ALIASES): an underscore on either side, a dot before it, or a dot and an
# extension after it. A slash is not: "GA/deprecation" is two words, not a path.
_PATH_BEFORE = frozenset("_.")
_PATH_AFTER = frozenset("_")
HEADINGS = ("title", "heading")


@lru_cache(maxsize=1)
def known_default() -> tuple[str, ...]:
    """The acronyms of rules/data/known_acronyms.yml."""
    return tuple(entry.match.strip() for entry in load(DATA / "known_acronyms.yml").entries)


def key_of(token: str) -> str:
    """NATO, N.A.T.O. and NATO's share one key; a plural s goes (MPs -> MP)."""
    token = (token[:-2] if token[-2:] in ("'s", "’s") else token).replace(".", "")
    return token[:-1] if token.endswith("s") else token


def initials_match(letters: str, words: list[str]) -> bool:
    """The words' initials spell the letters, in order; small words may be skipped."""
    parts = [p for w in words for p in re.split(r"[-–]", w) if p]
    letters = letters.lower()

    def walk(i: int, j: int) -> bool:
        if j == len(letters):
            return all(p.lower() in SMALL for p in parts[i:])
        if i == len(parts):
            return False
        part = parts[i].lower()
        if part[0] == letters[j] and walk(i + 1, j + 1):
            return True
        return part in SMALL and walk(i + 1, j)

    return bool(parts) and parts[0][0].lower() == letters[0] and walk(0, 0)


_WORD = re.compile(r"[\w’'&-]+")
_WORD_OR_CLOSE = re.compile(r"[\w’'&-]+|\)")  # ")" is not in a word: the words up to the first ")"
_SPACES = re.compile(r"\s*")  # what str.lstrip strips (both test Py_UNICODE_ISSPACE)
_STANDS_FOR = re.compile(r"[,(]?\s*(?:which|that|it) (?:stands|stood) for\b")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _last_words(text: str, end: int, n: int) -> list[str]:
    """`_words(text[:end])[-n:]`, read from a window before `end` that grows until it
    holds more than n words (the first may be cut) or reaches the start."""
    size = 32 * (n + 1)
    while True:
        start = max(0, end - size)
        words = _WORD.findall(text, start, end)
        if start == 0 or len(words) > n:
            return words[-n:]
        size *= 4


def _end_of_stripped(text: str, end: int) -> int:
    """`len(text[:end].rstrip())`, read from a window before `end` that grows."""
    size = 64
    while True:
        start = max(0, end - size)
        kept = text[start:end].rstrip()
        if kept or start == 0:
            return start + len(kept)
        size *= 4


def spelled_out(sentence, start: int, end: int, letters: str) -> bool:
    """Is the acronym at sentence.text[start:end] defined right here?

    "North Atlantic Treaty Organization (NATO)", "multimedia messages (MMS)", "NATO
    (North Atlantic Treaty Organization)" and "the Islamic State group, or ISIS"
    count; so does a parenthesised acronym after a name of two capitalised words
    whose initials differ (Revolutionary Armed Forces of Colombia (FARC)).

    It reads the few words around the acronym, never the whole sentence: one sentence
    may hold thousands of acronyms (`spelled_out_plain` beside it slices the sentence
    at each, as first written, and tests/test_fast_paths.py holds the two together).
    """
    text, first = sentence.text, letters[0].lower()
    before = _end_of_stripped(text, start)  # text[:before] is `before` of the plain form
    after = _SPACES.match(text, end).end()  # text[after:] is its `after`
    if before and text[before - 1] == "(" and text.startswith(")", after):
        words = _last_words(text, before - 1, len(letters) + 3)
        return any(w[0].lower() == first for w in words) or len(words) >= 2 and all(w[:1].isupper() for w in words[-2:])
    if _STANDS_FOR.match(text, after):
        return True
    if text.startswith("(", after):
        inside = []
        for m in _WORD_OR_CLOSE.finditer(text, after + 1):
            if m.group() == ")" or len(inside) == 2:
                break
            inside.append(m.group())
        if len(inside) < 2:
            return False
        if inside[0][0].lower() == first or inside[0][:1].isupper():
            return True
        head = next((p for p in re.split(r"[-–]", inside[0]) if p), None)
        if head is not None and head[0].lower() != letters.lower()[0]:
            return False  # what initials_match tells first, without reading every word inside
        close = text.find(")", after)
        return initials_match(letters, _words(text[after + 1 : close] if close != -1 else text[after + 1 :]))
    lowered = text[max(0, before - 16) : before].lower()  # the end of `before` is all that is compared
    for word in INTRODUCERS:
        if lowered.endswith((" " + word, "," + word)):
            words = _last_words(text, before - len(word), len(letters) + 6)
            return any(initials_match(letters, words[k:]) for k in range(len(words)))
    return False


def spelled_out_plain(sentence, start: int, end: int, letters: str) -> bool:
    """The plain form of `spelled_out` (the reference of tests/test_fast_paths.py): the
    sentence sliced before and after the acronym, and each side read whole."""
    text, first = sentence.text, letters[0].lower()
    before, after = text[:start].rstrip(), text[end:].lstrip()
    if before.endswith("(") and after.startswith(")"):
        words = _words(before[:-1])
        near = words[-len(letters) - 3 :]
        return any(w[0].lower() == first for w in near) or len(words) >= 2 and all(w[:1].isupper() for w in words[-2:])
    if re.match(r"[,(]?\s*(?:which|that|it) (?:stands|stood) for\b", after):
        return True
    if after.startswith("("):
        inside = _words(after[1 : after.find(")")] if ")" in after else after[1:])
        return len(inside) >= 2 and (
            inside[0][0].lower() == first or inside[0][:1].isupper() or initials_match(letters, inside)
        )
    lowered = before.lower()
    for word in INTRODUCERS:
        if lowered.endswith((" " + word, "," + word)):
            words = _words(before[: len(before) - len(word)])[-len(letters) - 6 :]
            return any(initials_match(letters, words[k:]) for k in range(len(words)))
    return False


def first_expansions(words, keys) -> dict[str, int]:
    """For each acronym in `keys` whose full name the words hold ("Hewlett Packard ...
    HP"), the fewest leading words that hold it: `expanded_before(words[:n], key)` is
    true exactly when n is at least that.

    One pass over the words that open with a capital, for all the acronyms at once: from
    each, a run of capitalised (and small) words is followed through a letter tree of
    the acronyms, as `initials_match` walks it for one, for as long as some acronym's
    letters can still be spelled. Looking for each acronym in the words before it would
    read the article once per acronym."""
    children: list[dict[str, int]] = [{}]  # the letter tree: node -> letter -> node
    key_at: dict[int, str] = {}  # the node where an acronym's letters end
    for key in keys:
        node = 0
        for letter in key.lower():
            nxt = children[node].get(letter)
            if nxt is None:
                nxt = children[node][letter] = len(children)
                children.append({})
            node = nxt
        key_at[node] = key
    if not key_at:
        return {}
    longest_run = 2 * max(map(len, key_at.values())) + 2
    found: dict[str, int] = {}
    for p in compress(count(), map(str.isupper, map(itemgetter(0), words))):  # a word is never empty
        letter = words[p][0].lower()
        if letter not in children[0]:
            continue  # no acronym opens with this word's letter
        # From the root only this letter: an acronym spelled from here opens with it.
        opening = {letter: children[0][letter]}
        states, q = {0}, p  # the nodes the run words[p:q] can reach
        while states and q < len(words) and q - p < longest_run:
            word = words[q]
            q += 1
            capital = word[:1].isupper()
            if not capital and word.lower() not in SMALL:
                break  # a run holds capitalised and small words only
            for part in re.split(r"[-–]", word):
                if part:  # each part spells the next letter or, if small, may spell none
                    lower = part.lower()
                    spelled = {nxt for node in states if (nxt := (children[node] if node else opening).get(lower[0]))}
                    states = spelled | states if lower in SMALL else spelled
            if capital:
                for node in states:
                    key = key_at.get(node)
                    if key is not None and q - p <= 2 * len(key) + 2 and q < found.get(key, q + 1):
                        found[key] = q
    return found


def expanded_before(words, letters: str) -> bool:
    """Capitalised words spelling the acronym appear earlier: "Hewlett Packard ... HP"
    (`first_expansions` for one acronym)."""
    return letters in first_expansions(words, (letters,))


def expanded_before_plain(words, letters: str) -> bool:
    """The plain form of `expanded_before` (the reference of tests/test_fast_paths.py):
    every word tested for a capital in Python."""
    first = letters[0].lower()
    for p, word in enumerate(words):
        if word[:1].isupper() and word[0].lower() == first:
            for q in range(p + 1, min(len(words), p + 2 * len(letters) + 2) + 1):
                run = words[p:q]
                if (
                    run[-1][:1].isupper()
                    and all(w[:1].isupper() or w.lower() in SMALL for w in run)
                    and initials_match(letters, run)
                ):
                    return True
    return False


def occurrences(doc, skip: frozenset):
    """(key, in_heading, in_name, sentence, start, end) for each acronym, in order;
    start and end are offsets in the sentence's text."""
    lower_words = None
    for sentence in doc.sentences_with(CAPITALS):
        if shouted(sentence.text, 0.6):  # a headline or a shout
            continue  # a headline or a shout in capitals
        words = sentence.words
        texts = words.texts
        for n in compress(count(), map(CAPITALS.search, texts)):  # words an acronym can be in
            word = words[n]
            offset = word.prose_start - sentence.prose_start
            for m in ACRONYM.finditer(word.text):
                key, before, after = key_of(m.group()), word.text[: m.start()], word.text[m.end() :]
                if (
                    before[-1:].isalnum()
                    or after[:1].isalnum()
                    or after[:1] == "-"
                    and after[1:2] in _MODEL
                    or before[-1:] == "-"
                    and before[-2:-1] in _MODEL
                ):
                    continue  # part of a longer word or a model name (iPOD, FT-30, DVB-H)
                if lower_words is None:  # the article's words not in capitals, made when first needed
                    lower_words = folded_words_not_in_capitals(doc)
                if key in skip or ROMAN.fullmatch(key) or key.casefold() in lower_words:
                    continue  # known, a numeral (XIV), or a word in capitals (AND)
                s, e = offset + m.start(), offset + m.end()
                if key in _FILE_KEYS or _in_path(sentence.text, s, e):
                    continue  # a file name or a path: README, OWNERS, CONTRIBUTING.md
                if "&" in sentence.text[max(0, s - 1) : e + 1] or any(
                    words[k].text[:1].isdigit() for k in (n - 1, n + 1) if 0 <= k < len(words)
                ):
                    continue  # AT&T; a unit or a model number (5 MW, FTSE 100)
                if (
                    sum(t.isupper() and len(t) > 1 for t in texts[max(0, n - 1) : n + 2]) >= 2
                    and len(word.text) == m.end() - m.start()
                    and not any(key_of(words[k].text) in skip for k in (n - 1, n + 1) if 0 <= k < len(words))
                ):
                    continue  # a run of capitalised words is a shout ("US FDA" is not)
                yield key, doc.blocks[sentence.block].kind in HEADINGS, _in_name(words, n), sentence, s, e


def _in_path(text: str, s: int, end: int) -> bool:
    """Is text[s:end] part of a file name or an identifier ("README.md", "RELEASE_NOTES")?"""
    after = text[end : end + 2]
    before = text[s - 1] if s else ""
    return before in _PATH_BEFORE or after[:1] in _PATH_AFTER or after[:1] == "." and after[1:2].isalnum()


def folded_words_not_in_capitals(doc) -> set[str]:
    """The case folds of the article's words that are not in capitals (the document's
    `folded_words`, which lowers a word in ASCII instead of folding it)."""
    return set(compress(doc.folded_words, map(not_, map(str.isupper, doc.texts))))


def folded_words_not_in_capitals_plain(doc) -> set[str]:
    """The plain form of `folded_words_not_in_capitals` (the reference of
    tests/test_fast_paths.py): each word folded and tested in Python."""
    return {word.casefold() for word in doc.texts if not word.isupper()}


def _in_name(words, n: int) -> bool:
    """A capitalised word next to it, not at the sentence start: AC Milan, Guy Mansfield QC."""

    def titled(k):
        return 0 <= k < len(words) and words[k].text[:1].isupper() and not words[k].text.isupper()

    return titled(n + 1) or (n > 1 and titled(n - 1))


# With the plurals writers give them: READMEs, OWNERs.
_FILE_KEYS = frozenset(key_of(n) for name in FILE_NAMES for n in (name, name + "s", name.removesuffix("S") + "s"))


@lru_cache(maxsize=8)
def _keys(acronyms: tuple[str, ...]) -> frozenset[str]:
    return frozenset(key_of(k) for k in acronyms)


class Abbreviation(Rule):
    """Flags an acronym (NATO, ISIS, U.N.) the article never spells out, unless it is
    on the list of acronyms every reader knows.

    Spelled out means "Full Name (ACRONYM)", "ACRONYM (Full Name)" or "Full Name, or
    ACRONYM" at any use, headings too, or the capitalised full name earlier in the
    article (Hewlett Packard ... HP). Only the first use in the text is flagged. File
    names and paths are names of things, not acronyms (README, OWNERS, CONTRIBUTING,
    FAQ.md, RELEASE_NOTES). Roman numerals (XIV), units and model names (5 MW, FT-30), words in
    capitals that the article also writes in lower case (AND) and runs of capitalised
    words (shouting) are not acronyms. Findings are `info`: whether readers know an
    acronym depends on the audience, and a name that is only letters (BT, HSBC) is
    not an abbreviation under WCAG; add such names to `extra-known`.

    Why:
    WCAG 2.2 success criterion 3.1.4 (Abbreviations, AAA) asks for a way to find the
    expanded form of abbreviations. An unexplained acronym stops readers who do not
    know it, and screen readers may spell it out letter by letter or read it as a word.

    Bad:
    The ECB raised rates as the IMF warned about growth.

    Good:
    The European Central Bank (ECB) raised rates as the International Monetary Fund
    (IMF) warned about growth.
    """

    id = "abbreviation"
    category = "accessibility"
    summary = "Acronym the article never spells out (WCAG 3.1.4)"
    severity = Severity.INFO
    wcag = ("3.1.4",)
    options = (
        Option("known", list, known_default(), "acronyms every reader knows (replaces the built-in list)"),
        Option("extra-known", list, (), "acronyms added to the known list (house style)"),
    )

    def check(self, doc, opts):
        skip = _keys((*opts["known"], *opts["extra-known"]))
        uses: dict[str, list] = {}
        for key, *use in occurrences(doc, skip):
            uses.setdefault(key, []).append(use)
        unexplained = []  # (key, its uses, the first in the text): not spelled out there or before
        for key, found in uses.items():
            index = next((i for i, u in enumerate(found) if not u[0] and not u[1]), None)
            if index is None:
                continue  # only in headlines or inside names (FA Cup)
            if not any(spelled_out(*u[2:], key) for u in found):
                unexplained.append((key, found, index))  # spelled out at no use, headings too
        if not unexplained:
            return
        # How many words stand before each first use, and where each full name is first
        # written: for all of them in one pass over the words before the last. A name
        # in capitals counts only before the first use: after it, a run of capitals
        # that happens to share the initials (Jason King ... JK) is no definition.
        before = [
            bisect_right(doc.word_ends, uses[index][2].prose_start + uses[index][3]) for _, uses, index in unexplained
        ]
        expansions = first_expansions(doc.texts[: max(before)], [key for key, _, _ in unexplained])
        for (key, found, index), words_before in zip(unexplained, before):
            if expansions.get(key, words_before + 1) <= words_before:
                continue  # the words before it spell it out: Hewlett Packard ... HP
            _, _, sentence, s, e = found[index]
            acronym = sentence.text[s:e]
            yield self.finding(
                *doc.span(sentence.prose_start + s, sentence.prose_start + e),
                f"'{acronym}' is not spelled out in the article; give the full name at its first use: "
                f"'Full Name ({acronym})'.",
                suggestion=f"Full Name ({acronym})",
            )


RULE = Abbreviation
