"""english-variant: another English variant's spelling, or an article that mixes them."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate, filterfalse
from typing import NamedTuple

from audit.engine.rule import Option, Rule
from audit.engine.word_lists import load
from audit.results.findings import Fix, Severity
from audit.rules import DATA
from audit.storage.cache import cached_table

# SCOWL's tags (see rules/data/english_variants.md): usual spelling, accepted variant.
TAGS = {"en-US": ("A", "a"), "en-GB": ("B", "b"), "en-CA": ("C", "c"), "en-AU": ("D", "d")}
NAMES = {"A": "American", "B": "British", "Z": "Oxford British", "C": "Canadian", "D": "Australian"}
# Spellings that make a variant consistent, for mixes: usual and accepted ones, except
# Canadian, whose accepted list holds the American forms (color) that a mix is about.
MIX = {"A": "Aa", "B": "Bb", "Z": "Zb", "C": "C", "D": "Dd"}
LETTER = re.compile(r"[^\W\d_]")
LETTER_RUNS = re.compile(r"[^\W\d_]+")
# Runs of ASCII letters: the table's words are all in lower-case ASCII letters, and a run
# of letters that is one of them is one of these runs (`_runs` keeps the whole runs of
# letters among their uses). Found several times faster than runs of any letter.
ASCII_RUNS = re.compile(r"[a-z]+")


def _ascii_letters(word: str) -> bool:
    return word.isascii() and word.isalpha()


def _listed_runs(doc, table) -> set[str]:
    """The table's words among the runs of ASCII letters in the lower-cased text, found
    in its words (faster than searching the text): the words that are such a run, and
    the runs inside the few others ("well-known", "don't"). It may hold a word that is
    no whole run of the text, for which `_runs` finds no place."""
    if not doc.lower_text_is_lower:  # the words' runs may differ from the text's: search the text
        return table.keys() & set(ASCII_RUNS.findall(doc.lower_text))
    words = doc.distinct_lower_words
    return table.keys() & words.union(ASCII_RUNS.findall("\n".join(filterfalse(_ascii_letters, words))))


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str, tuple[tuple[str, str], ...]]]:
    """word -> (family, tags, every spelling of the word with its tags); built once and
    kept in the cache folder (loading it is four times faster than parsing the list)."""
    raw = (DATA / "english_variants.tsv").read_bytes()
    return cached_table("english-variants", hashlib.sha256(raw).hexdigest(), lambda: _parse(raw), dict)


def _parse(raw: bytes) -> dict[str, tuple[str, str, tuple[tuple[str, str], ...]]]:
    table = {}
    for line in raw.decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            family, *forms = line.split("\t")
            group = tuple(tuple(f.split(" ")) for f in forms)
            for word, tags in group:
                table[word] = (family, tags, group)
    return table


@lru_cache(maxsize=1)
def _names() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(language tag, or "" for all, the names that keep their spelling there), from
    rules/data/english_variant_names.yml."""
    names = defaultdict(list)
    for entry in load(DATA / "english_variant_names.yml").entries:
        names[entry.get("language", "")].append(entry.match.strip())
    return tuple((lang, tuple(n)) for lang, n in names.items())


@lru_cache(maxsize=16)
def _phrases(names: tuple[str, ...]) -> tuple[re.Pattern[str], frozenset[str] | None]:
    """The pattern of the names, and the runs of letters in them, lower-cased: a spelling
    that is none of these runs is in none of the names, and the text need not be
    searched for them (None: a name not in ASCII, whose lower case may not line up)."""
    ordered = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in ordered) + r")\b")
    runs = None if not all(map(str.isascii, names)) else frozenset(LETTER_RUNS.findall(" ".join(names).lower()))
    return pattern, runs


class Spelling(NamedTuple):
    lower: str
    text: str
    start: int  # prose offsets
    end: int
    cap: bool  # capitalised, not all capitals
    mid_sentence_cap: bool  # capitalised inside a sentence: maybe part of a name


def _runs(text: str, words) -> Iterator[tuple[int, int]]:
    """Spans of each of the words in text where it is a whole run of letters."""
    for word in words:
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            if not (at and LETTER.match(text, at - 1)) and not LETTER.match(text, end):
                yield at, end
            at = text.find(word, end)


# Above this many words, one pass over the text's runs of letters is cheaper than a
# search of the text for each word (a long article, with thousands of them).
ONE_PASS = 256


def _runs_of(text: str, words) -> Iterator[tuple[int, int]]:
    """`_runs`, in one pass for many words; the same spans (tests/test_fast_paths.py)."""
    if len(words) <= ONE_PASS:
        return _runs(text, words)
    return _runs_in_one_pass(text, words)


def _runs_in_one_pass(text: str, words) -> Iterator[tuple[int, int]]:
    """The spans of `_runs`, in text order: each run of ASCII letters looked up once. A
    word of the table is all ASCII letters, so where it is a whole run of letters it is
    one of these runs, with no letter either side."""
    letter = LETTER.match
    for match in ASCII_RUNS.finditer(text):
        if match.group() in words:
            at, end = match.span()
            if not (at and letter(text, at - 1)) and not letter(text, end):
                yield at, end


def _covering(spans: list[tuple[int, int]]):
    """A test of whether an offset is inside one of the spans: a bisection of their
    starts and the furthest end so far, not a look at every span (an article with
    thousands of names and variant spellings)."""
    spans = sorted(spans)
    starts = [a for a, _ in spans]
    furthest = list(accumulate((b for _, b in spans), max))

    def inside(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return i >= 0 and furthest[i] > offset

    return inside


def _fits(variant: str, tags: str) -> bool:
    return any(v in tags for v in MIX[variant])


def _cased(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _where(tags: str) -> str:
    names = list(dict.fromkeys(NAMES[t] for t in tags if t in NAMES and not (t == "Z" and "B" in tags)))
    if not names:
        return "a less common"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class EnglishVariant(Rule):
    """Flags spellings of another English variant than the one configured with
    `language` (en-US, en-GB, en-CA, en-AU), with the right form as a fix; with
    `language = "en"` (the default) it accepts every variant but flags an article
    that spells one word two ways ("defence" and "defense"), with the count of each.

    A wrong variant is an error; a mix under "en" is a warning. Canadian follows
    Canadian usage ("colour", "centre", "defence", but "organize"); British and
    Australian use -ise unless `oxford-spelling` is set. Words with two meanings
    (licence/license, practise/practice, tyre/tire, storey/story) are flagged only
    where a variant has a single spelling for both, and proper names such as
    "Pearl Harbor" or "Labour Party" keep their own spelling.

    Why:
    Readers notice inconsistent spelling, and house style fixes one variant;
    a mix of "colour" and "color" in one article looks careless.

    Bad:
    The defence budget rose, and the minister said the defense of the realm came first.

    Good:
    The defence budget rose, and the minister said the defence of the realm came first.
    """

    id = "english-variant"
    category = "consistency"
    summary = "Spelling of another English variant, or variants mixed"
    severity = Severity.ERROR
    options = (
        Option("oxford-spelling", bool, False, "en-GB: accept -ize spellings (organize) as well as -ise"),
        Option("accept", list, (), 'proper names and words kept as spelled, e.g. ["Defense Distributed"]'),
    )

    def _occurrences(self, doc, opts):
        """Each variant spelling in the article, outside the names it keeps as spelled."""
        table, text, lower = _table(), doc.text, doc.lower_text
        hits = sorted(_runs_of(lower, _listed_runs(doc, table)))
        if not hits:
            return
        skip = []
        lists = [names for lang, names in _names() if lang in ("", doc.language)]
        if opts["accept"]:
            lists.append(tuple(opts["accept"]))
        spelled = {lower[start:end] for start, end in hits}
        for names in lists:
            pattern, runs = _phrases(names)
            if runs is None or not runs.isdisjoint(spelled):
                skip += [m.span() for m in pattern.finditer(text)]
        inside = _covering(skip)
        for start, end in hits:
            if inside(start):
                continue
            spelled = text[start:end]
            sentence = doc.sentence_at(start)
            cap = spelled[:1].isupper() and not spelled.isupper()
            yield Spelling(
                lower[start:end],
                spelled,
                start,
                end,
                cap,
                cap and sentence is not None and start != sentence.words[0].prose_start,
            )

    def check(self, doc, opts):
        found = list(self._occurrences(doc, opts))
        if doc.language in TAGS:
            yield from self._wrong_variant(doc, opts, found)
        else:
            yield from self._mixes(doc, found)

    def _wrong_variant(self, doc, opts, found):
        usual, accepted = TAGS[doc.language]
        valid = usual + ("Z" if doc.language == "en-GB" and opts["oxford-spelling"] else "")
        for s in found:
            _, tags, group = _table()[s.lower]
            right = [w for w, t in group if any(v in t for v in valid)]
            if any(v in tags for v in valid) or len(right) != 1 or (s.cap and "N" in tags):
                continue
            fix = _cased(right[0], s.text)
            a, b = doc.span(s.start, s.end)
            yield self.finding(
                a,
                b,
                f"\u201c{s.text}\u201d is {_where(tags)} spelling; {doc.language} spells it \u201c{fix}\u201d.",
                severity=Severity.WARNING if accepted in tags else None,
                suggestion=fix,
                fix=Fix(a, b, fix, safe=True),
            )

    def _mixes(self, doc, found):
        families = defaultdict(list)
        for s in found:
            family, tags, _ = _table()[s.lower]
            if not (s.mid_sentence_cap or (s.cap and "N" in tags)):  # "Research Center" is a name
                families[family].append(s)
        for items in families.values():
            counts = Counter(s.lower for s in items)
            tags = {w: _table()[w][1] for w in counts}
            if len(counts) < 2 or any(all(_fits(u, t) for t in tags.values()) for u in MIX):
                continue
            # The variant most of the article follows; the other spellings are the odd ones.
            best = max(MIX, key=lambda u: sum(n for w, n in counts.items() if _fits(u, tags[w])))
            odd = next(s for s in items if not _fits(best, tags[s.lower]))
            sides = [
                [w for w in sorted(counts, key=lambda w: (-counts[w], w)) if _fits(best, tags[w]) == side]
                for side in (True, False)
            ]
            listed = " and ".join(
                ", ".join(f"\u201c{w}\u201d \u00d7{counts[w]}" for w in side) + f" ({_where(tags[side[0]])})"
                for side in sides
            )
            right = [w for w, t in _table()[odd.lower][2] if best in t]
            a, b = doc.span(odd.start, odd.end)
            yield self.finding(
                a,
                b,
                f"The article mixes English variants: {listed}; use one spelling.",
                severity=Severity.WARNING,
                suggestion=_cased(right[0], odd.text) if len(right) == 1 else None,
            )


RULE = EnglishVariant
