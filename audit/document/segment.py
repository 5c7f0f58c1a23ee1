"""Sentence splitting and word tokenizing for news prose.

Both return (start, end) offsets into the string they are given; the document model
turns them into source positions. The splitter is rule based, in the spirit of
Punkt but without training: it knows titles and abbreviations (Mr., St., Gen., Jan.),
initials ("James N. Mattis"), dotted acronyms ("U.S."), decimals, ellipses, closing
quotes, a missing space after a full stop ("end.The") and a headline line without
a full stop.
"""

from __future__ import annotations

import re

from audit.document.atoms import ATOM

# Abbreviations that are never the last word of a sentence.
TITLES = frozenset(
    """mr mrs ms messrs mme mlle dr prof st ste mt ft gen lt col maj capt cpt sgt cpl
    pte adm cmdr cdr brig gov sen rep pres supt insp det rev fr hon sr jr esq rt
    e.g i.e cf vs viz approx ca al""".split()
)
# Abbreviations that do not end a sentence when a number follows ("Jan. 5", "No. 10").
BEFORE_NUMBER = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol art fig pp p para sec ch".split()
)
# After a dotted acronym or "etc.", a new sentence starts only with words like these.
SENTENCE_STARTERS = frozenset(
    """a an the he she it its they we i you his her their our my this that these those
    there here but and or so yet if when while after before as in on at by for from
    with without however meanwhile still then now today yesterday tomorrow last next
    some many most all both each one two three what who why how where which mr mrs ms
    dr officials analysts critics police""".split()
)

_OPENERS = "\"“‘'([«"
_CLOSERS = "\"”’')]»"
# The lookbehind starts a candidate only at the first mark of a run, which keeps a long
# run of "!!!…" linear instead of retrying the run from every position in it. Both
# patterns open with the mark, not the lookbehind: the regex engine then skips to the
# next mark at C speed instead of trying the pattern at every character.
# Each `_PLAIN` string beside a pattern is that pattern as first written, with the
# look-behind up front: the reference tests/test_fast_paths.py holds the fast form to.
# Never used here, so left a string: compiling the plain forms would slow the import.
_CANDIDATE = re.compile(r"([.!?…](?<![.!?…]{2})[.!?…]*+)([\"”’')\]»]*+)(\s+)")
_CANDIDATE_PLAIN = r"(?<![.!?…])([.!?…]++)([\"”’')\]»]*+)(\s+)"
_MISSING_SPACE = re.compile(r"[.!?](?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_MISSING_SPACE_PLAIN = r"(?<=[a-z]{2})[.!?](?=[A-Z][a-z])"
_INITIAL_THEN_NAME = re.compile(r"[A-Z]\.\s+[A-Z]")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_TERMINAL = re.compile(r"[.!?…:;,\-–—][\"”’')\]»]*\s*$")

# One letter or digit opens every token, and the regex engine skips to the next at C
# speed; a look-behind then tells which it was. The possessive quantifiers give nothing
# back, which changes no match here (what follows each never needs what it took).
# The first branch takes most tokens, plain words in ASCII letters, testing each letter
# against a table instead of its Unicode category; where such a word goes on (a digit,
# "é", "well-known", "don't"), the full pattern takes the token from the same start.
WORD = re.compile(
    r"[A-Za-z][a-z]++(?![^\W_]|['’\-][^\W_])"
    r"|[^\W_](?:"
    r"(?<=[^\W\d_])(?:"
    r"(?:\.[^\W\d_])+\.(?![^\W_])"  # dotted acronyms: U.S., e.g., a.m.
    r"|[^\W_]*+(?:['’\-][^\W_]++)*+)"  # words, with inner apostrophes and hyphens
    r"|(?<=\d)\d*+(?:[.,:]\d++)*+(?:[^\W\d_]++)?"  # numbers: 79, 2,225, 3.5, 1.13bn, 10:30
    r")"
    r"|\ufffc"  # an atom (audit.document.atoms): one word on its own
)
# The same tokens as first written: one branch per kind, each tried at every character.
WORD_PLAIN = r"(?:[^\W\d_]\.){2,}(?![^\W_])|\d+(?:[.,:]\d+)*(?:[^\W\d_]+)?|[^\W_]+(?:['’\-][^\W_]+)*|\ufffc"


def tokenize(text: str) -> list[tuple[int, int]]:
    return list(map(_SPAN, WORD.finditer(text)))


_SPAN = re.Match.span


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip(_OPENERS)


def _next_word(text: str, start: int) -> str:
    m = WORD.match(text, start)
    return m.group(0) if m else ""


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    nxt = m.end()
    while nxt < len(text) and text[nxt] in _OPENERS:
        nxt += 1
    if nxt >= len(text):
        return False
    first = text[nxt]
    if not (first.isupper() or first.isdigit() or first == ATOM):  # "Done. `kubectl` runs": a new one
        return False
    if m.group(1) != ".":
        return True
    prev = _word_before(text, m.start())
    low = prev.lower()
    if low in TITLES:
        return False
    if low in BEFORE_NUMBER and first.isdigit():
        return False
    if len(prev) == 1 and prev.isupper():
        return False  # an initial: "James N. Mattis"
    if _DOTTED_ACRONYM.fullmatch(prev) or low == "etc":
        return _next_word(text, nxt).lower() in SENTENCE_STARTERS
    if prev[:1].isupper() and _INITIAL_THEN_NAME.match(text, nxt):
        return False  # "Harjit. S. Sajjan": a stray period in a name, not an end
    return True


_LINE_END = re.compile("\r\n|[\n\r\u2028]")  # every line ending, read alike (docs/markup.md)


def _headline_end(text: str) -> int | None:
    """End of a first line that is a headline: short, unpunctuated, before a longer line."""
    first_break = _LINE_END.search(text)
    if first_break is None:
        return None
    line = text[: first_break.start()].rstrip(" ")
    rest = text[first_break.end() :]
    second_break = _LINE_END.search(rest)
    next_line = (rest[: second_break.start()] if second_break else rest).strip()
    if not line.strip() or _TERMINAL.search(line) or len(line.split()) > 15:
        return None
    if not next_line or not (next_line[0].isupper() or next_line[0] in _OPENERS):
        return None
    if len(line.strip()) >= 0.6 * len(next_line):
        return None
    return len(line)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in one block of prose; whitespace trimmed."""
    cuts = [0]
    head = _headline_end(text)
    if head is not None:
        cuts.append(head)
    for m in _CANDIDATE.finditer(text):
        if _is_boundary(text, m):
            cuts.append(m.start(3))
    for m in _MISSING_SPACE.finditer(text):
        cuts.append(m.end())
    cuts.append(len(text))
    cuts.sort()
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        kept = piece.strip()
        if kept:
            a += len(piece) - len(piece.lstrip())
            spans.append((a, a + len(kept)))
    return spans
