"""typo: slips a dictionary cannot see: doubled words, stray periods, bad spacing."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate, compress, count, islice
from operator import eq

from audit.document.segment import BEFORE_NUMBER, TITLES
from audit.engine.rule import Rule
from audit.language import lexicon
from audit.results.findings import Fix, Severity
from audit.rules.typo import names

# Doubles that are good English ("had had", "that that") or set phrases ("bye bye").
LEGIT_DOUBLES = frozenset(
    """had that is do her bye no yes ha ho so very now there well blah knock tut chop
    yeah oh boo ooh la go tick tock ding bang wow yada hush choo night pooh tom dum
    many much more far again long really""".split()
)
# Doubles that are right when the first word ends a phrase: "waiting for for years",
# "placed in in the past", "add to this this law". Flagged, as warnings.
PHRASE_DOUBLES = frozenset("in for on up out off over down this it".split())
NOT_NAMES = TITLES | BEFORE_NUMBER | frozenset("co corp inc ltd bros dept univ ave rd av est".split())
_DOUBLED = re.compile(r"(?<![-'’\w])([^\W\d_]+)(\s+)(\1)(?![-'’\w])", re.IGNORECASE)
# Each `_PLAIN` string beside a pattern is that pattern as first written, with "\b" or a
# look-behind up front: the reference tests/test_fast_paths.py holds the fast form to.
# Never used here, so left a string: compiling the plain forms would slow the import.
#
# Only the first name is taken, so the next match can start at the last one; the plain
# form, all in a look-ahead, matches an empty string at each name (the same groups).
_FULL_NAME = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+)(?= (?:([A-Z])\.? )?([A-Z][a-z]+)\b)")
_FULL_NAME_PLAIN = r"(?=\b([A-Z][a-z]+) (?:([A-Z])\.? )?([A-Z][a-z]+)\b)"
# "(?<!\w[A-Z])" after the capital is "\b" before it: a pattern that opens with a
# character class lets the regex engine skip to the next capital at C speed.
_NAME_PERIOD = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+)\.[ \t]+(?:([A-Z])(\.?)[ \t]+)?([A-Z][a-z]+)\b")
_NAME_PERIOD_PLAIN = r"\b([A-Z][a-z]+)\.[ \t]+(?:([A-Z])(\.?)[ \t]+)?([A-Z][a-z]+)\b"
# Each pattern opens with a character (a look-behind after it checks what comes before):
# the regex engine then skips to candidates at C speed instead of trying every position.
_SPACE_BEFORE = re.compile(
    r"([ \t](?<=[^\W\d_][ \t])[ \t]*)(?:[,;]|[.!?](?![.\w])(?![ \t]\.)|:(?=\s|$))(?=\s|$|[\"”’')\]])"
)
_SPACE_BEFORE_PLAIN = r"(?<=[^\W\d_])([ \t]+)(?:[,;]|[.!?](?![.\w])(?![ \t]\.)|:(?=\s|$))(?=\s|$|[\"”’')\]])"
_SPACE_MOVED = re.compile(r"([ \t](?<=[^\W\d_][ \t])[ \t]*)([,;])(?=[^\W\d_])")  # "coalition ,and"
_SPACE_MOVED_PLAIN = r"(?<=[^\W\d_])([ \t]+)([,;])(?=[^\W\d_])"
_NO_SPACE = re.compile(r"[.!?](?<=[a-z]{2}[.!?])[\"”’)]?(?=([A-Z][a-z]+))")
_NO_SPACE_PLAIN = r"(?<=[a-z]{2})[.!?][\"”’)]?(?=([A-Z][a-z]+))"
_JOINED = re.compile(r"(?<!\S)[A-Za-z]+[.!?][\"”’)]?[A-Z][a-z]+")
# "!!", ",,", or two full stops (not "...", a path or a URL). The fast form opens with
# the mark and holds it in a group (the plain form finds the same spans, not groups).
_REPEATED = re.compile(r"([!?,;:.])(?:(?<=[!?,;:])\1+|(?<=\.)(?<![./]\.)\.(?![./\w]))")
_REPEATED_PLAIN = r"([!?,;:])\1+|(?<![./])\.\.(?![./\w])"
# Marks of URLs, paths, e-mail addresses and domain names ("Halo.Bungie.Org").
_CODE_MARK = re.compile(r"://|www\.|@|/|_|\.[A-Za-z]{2,}\.[A-Za-z]|\.(?i:com|org|net|gov|edu)\b")
# What each spacing pattern needs somewhere in the text: one fast scan (no look-behind
# at the start, so the regex engine skips ahead) spares most articles the full pattern.
_SPACE_MARK = re.compile(r"[ \t][,;.!?:]")
_NEEDS = {
    _SPACE_BEFORE: _SPACE_MARK,
    _SPACE_MOVED: _SPACE_MARK,  # needs less, but one scan of the text answers both
    _NO_SPACE: re.compile(r"[.!?][\"”’)]?[A-Z]"),
    _REPEATED: re.compile(r"([!?,;:.])\1"),
}


class Typo(Rule):
    """Flags slips a dictionary cannot see: a doubled word ("the the"), a stray
    period inside a name ("Harjit. S. Sajjan"), a space before punctuation, a
    missing space after a sentence's end ("end.The"), repeated punctuation ("!!",
    ",,") and a name spelled two ways in one article ("Sajjan", "Sajan").

    Initials ("James N. Mattis"), abbreviations ("St. Thomas", "U.S."), decimals,
    times, ellipses, URLs and good doubles ("had had", "that that") are left alone.
    Doubled words and stray periods in names the article spells right elsewhere
    are errors (a doubled "in", "for", "this" is a warning: "waiting for for
    years" is good English); the rest are warnings. Fixes for doubled words,
    stray periods, spacing and punctuation are safe; a name's fix is not.

    Why:
    These are the slips readers notice first and spell checkers miss. A name
    written two ways leaves readers unsure who is meant, and a stray period makes
    a screen reader pause mid-name.

    Bad:
    Defence Minister Harjit. S. Sajjan met the the coalition ,and said so.The talks
    went well!!

    Good:
    Defence Minister Harjit S. Sajjan met the coalition, and said so. The talks
    went well!
    """

    id = "typo"
    category = "typo"
    summary = "Typing slip: doubled word, stray period, spacing or punctuation"
    severity = Severity.ERROR

    def check(self, doc, opts):
        yield from self._doubled_words(doc)
        yield from self._stray_periods(doc)
        yield from self._spacing(doc)
        yield from self._names_two_ways(doc)

    def _doubled_words(self, doc):
        for sentence in _sentences_with_doubles(doc):
            at = sentence.prose_start
            for m in _DOUBLED.finditer(sentence.text):
                first, second = m.group(1), m.group(3)
                low = first.lower()
                if low in LEGIT_DOUBLES or second[0].isupper():
                    continue  # good English, or a name ("Bora Bora", "Duran Duran")
                phrase = low in PHRASE_DOUBLES
                message = f"'{first}' is doubled; delete one" + (
                    " (unless the first ends a phrase, as in 'waiting for for years')." if phrase else "."
                )
                yield self.finding(
                    *doc.span(at + m.start(), at + m.end()),
                    message,
                    severity=Severity.WARNING if phrase else None,
                    suggestion=first,
                    fix=Fix(*doc.span(at + m.end(1), at + m.end()), "", safe=not phrase),
                )

    def _spacing(self, doc):
        text = doc.text
        code: list[tuple[int, int]] | None = None
        joined: Counter | None = None
        habits: tuple[int, int] | None = None

        def in_code(pos: int) -> bool:
            nonlocal code
            if code is None:  # tokens of URLs, paths and addresses; looked for when first needed
                code = sorted({_token_around(text, m.start()) for m in _CODE_MARK.finditer(text)})
            i = bisect_right(code, (pos, len(text))) - 1
            return i >= 0 and pos < code[i][1]

        needed: dict[re.Pattern[str], bool] = {}
        for pattern, message, replace in (
            (_SPACE_BEFORE, "Space before '{p}'; delete it.", lambda m: m.group(0)[len(m.group(1)) :]),
            (_SPACE_MOVED, "Space before '{p}' instead of after it; move it.", lambda m: m.group(2) + " "),
            (_NO_SPACE, "No space after '{p}' at a sentence's end; add one.", lambda m: m.group(0) + " "),
            (_REPEATED, "'{p}' is repeated; keep one.", lambda m: m.group(0)[0]),
        ):
            need = _NEEDS[pattern]
            if need not in needed:
                needed[need] = need.search(text) is not None
            if not needed[need]:
                continue
            for m in pattern.finditer(text):
                if "\n" in m.group(0) or in_code(m.start()):
                    continue
                if pattern is _NO_SPACE:
                    joined = joined if joined is not None else Counter(_JOINED.findall(text))
                    if _joined_name(text, m, joined) or _dotted_code(text, m):
                        continue
                if pattern is _SPACE_BEFORE and m.group(0)[-1:] == "?" and _lost_characters(text, m.start()):
                    continue
                if pattern is _REPEATED:
                    habits = habits if habits is not None else _emphatic_habits(text)
                    if _emphatic(text, m, habits):
                        continue
                if (pattern is _NO_SPACE or doc.format == "html") and _markup_between(
                    doc, m.start(), m.end() + (pattern is _NO_SPACE)
                ):
                    continue  # "Thursday.</span><span>Kim": the page's layout, not a slip, sets the spacing
                span = doc.span(*m.span())
                fixed = replace(m)
                yield self.finding(
                    *span,
                    message.format(p=m.group(0).strip()[:1]),
                    severity=Severity.WARNING,
                    suggestion=fixed,
                    fix=Fix(*span, fixed),
                )

    def _stray_periods(self, doc):
        text = doc.text
        written = None
        for m in _NAME_PERIOD.finditer(text):
            first, initial, dot, last = m.groups()
            if first.lower() in NOT_NAMES or (not initial and names.is_common(last)):
                continue  # an abbreviation ("St. Thomas"), or a sentence ending before a word
            if written is None:
                written = {(m.group(1), m.group(3), bool(m.group(2))) for m in _FULL_NAME.finditer(text)}
            middle = f" {initial}{dot}" if initial else ""
            # The article writes the name in full elsewhere: "Harjit S. Sajjan".
            corroborated = (first, last, False) in written or (bool(initial) and (first, last, True) in written)
            if not corroborated:
                # "Defence Harjit. S. Sajjan": an initial follows, a capitalised word
                # comes just before, and the first part is no common word.
                lead = re.search(r"[A-Z][\w’'-]*[ \t]+$", text[max(0, m.start() - 40) : m.start()])
                if not (initial and dot and lead and lexicon.level_of(first.lower()) is None):
                    continue
            end = m.end(3) if initial else m.end(1) + 1
            span = doc.span(m.start(), end)
            fixed = first + middle
            yield self.finding(
                *span,
                f"Stray period inside the name '{first}{middle} {last}'.",
                severity=Severity.ERROR if corroborated else Severity.WARNING,
                suggestion=fixed,
                fix=Fix(*span, fixed),
            )

    def _names_two_ways(self, doc):
        for minor, major, times, spans in names.names_spelled_two_ways(doc.text, lambda: _written_lower(doc)):
            for start, end in spans:
                span = doc.span(start, end)
                yield self.finding(
                    *span,
                    f"'{minor}' is spelled '{major}' {times} times in this article; use one spelling.",
                    severity=Severity.WARNING,
                    suggestion=major,
                    fix=Fix(*span, major, safe=False),
                )


def _sentences_with_doubles_plain(doc) -> tuple:
    """Every sentence: what `_DOUBLED` searches without the prefilter below."""
    return doc.sentences


def _sentences_with_doubles(doc) -> list:
    """The sentences where `_DOUBLED` may find a double that is flagged. Each of its
    matches is two neighbouring words, equal but for case: a sentence with no such pair,
    or with only good doubles ("had had") and names ("Bora Bora"), is not searched."""
    texts, lower, folded = doc.texts, doc.lower_words, doc.folded_words
    flagged = [
        i
        for i in compress(count(), map(eq, folded, islice(folded, 1, None)))
        if lower[i] not in LEGIT_DOUBLES and not texts[i + 1][:1].isupper()
    ]
    if not flagged:
        return []
    ends = list(accumulate(len(s.words) for s in doc.sentences))  # past each sentence's last word
    found = set()
    for i in flagged:
        k = bisect_right(ends, i)
        if i + 1 < ends[k]:  # both words in one sentence: the pattern searches sentence by sentence
            found.add(k)
    return [doc.sentences[k] for k in sorted(found)]


# "!!!", "??", ".." in a run: marks repeated on purpose, for emphasis or as a short ellipsis.
_EMPHATIC = re.compile(r"[!?]{2,}")
VERY_COMMON = 10  # SCOWL's smallest size: the commonest 4,000 words, the ones sentences start with
HABIT = 2  # runs of repeated marks of one kind that make them an article's habit
_GOES_ON = re.compile(r" +[a-z]|\)")  # after two dots: the sentence goes on, or a bracket closes
_SHORT_ELLIPSIS = re.compile(r"(?<![./])\.\.(?![./\w])")  # the two dots _REPEATED finds


def _emphatic_habits(text: str) -> tuple[int, int]:
    """How many runs of '!' or '?' and how many two-dot ellipses the article has."""
    return len(_EMPHATIC.findall(text)), len(_SHORT_ELLIPSIS.findall(text))


def _emphatic(text: str, m: re.Match, habits: tuple[int, int]) -> bool:
    """Repeated marks written on purpose, not slips: three or more '!' or '?'
    ("bad!!!"), two-dot ellipses going on in lower case or closing a bracket ("fyi..
    not sure", "(TBD..)"), colons doubled between words ("Foo::Bar"), and any
    such run in an article that has HABIT or more (the writer's habit). A slip doubles
    a mark once, where one belongs."""
    mark, run = m.group(0)[0], len(m.group(0))
    if mark in "!?":
        return run >= 3 or text[m.end() : m.end() + 1] in ("!", "?") or habits[0] >= HABIT
    if mark == ".":
        return _GOES_ON.match(text, m.end()) is not None or habits[1] >= HABIT
    # "::" between words: a name's parts ("Foo::Bar") or chat's emoji (":tada::tada:").
    return mark == ":" and text[m.start() - 1 : m.start()].isalnum() and text[m.end() : m.end() + 1].isalnum()


_GLUED_QUESTION = re.compile(r"(?<![\w?])\?[^\W\d_]")  # "?Announcements"


def _lost_characters(text: str, at: int) -> bool:
    """The line holds a question mark glued to the start of a word ("**?Announcements
    ?**"): its question marks stand for characters lost in a conversion (emoji, an
    arrow), not for questions, so the spaces around them are no slips."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    return _GLUED_QUESTION.search(text, start, end if end >= 0 else len(text)) is not None


def _dotted_code(text: str, m: re.Match) -> bool:
    """ "klog.Fatalf", "http.RoundTripper", "puller.Pull()": a dotted name in code, not two
    sentences run together: the token holds code marks (brackets, more dots, an
    underscore), or the part before the dot a capital inside and the word after it is
    not one of the commonest; or the part before the dot is no common lower-case word and the
    word after it has a capital inside (or it is in no list, and that one neither)."""
    start, end = _token_around(text, m.start())
    # Brackets and quotes around the words are prose's: "(in London).Then".
    left = text[start : m.start()].strip("([{\"'“‘)]}”’")
    right = text[m.end() : end].rstrip('.,;:!?"”’)]}')
    if any(c in "()<>[]{}*_=/" for c in left + right) or "." in right:
        return True
    word = re.match(r"[^\W\d_]*", right).group(0)  # "RoundTripper", "It" of "It's", "Ex" of "Ex-Welsh"
    plain_left = left.isalpha() and left.islower()
    if any(map(str.isupper, left[1:])):  # "PodStatus.Resize", not "McFadden.The"
        return (lexicon.level_of(word.lower()) or 99) > VERY_COMMON
    if plain_left and (lexicon.level_of(left) or 99) <= lexicon.COMMON_LEVEL:
        return False  # "year.ExxonMobil": a sentence's end before a name in camel case
    return any(map(str.isupper, word[1:])) or (plain_left and not lexicon.known(word.lower()))


def _markup_between(doc, start: int, end: int) -> bool:
    """The source of the prose range holds more than its text: a tag, a comment or an
    entity stands inside it ("Debt <span>.", "on <!-- -->,")."""
    a, b = doc.span(start, end)
    return doc.source[a:b] != doc.text[start:end]


def _written_lower(doc) -> set[str]:
    """The words the article writes in lower case, in prose or in its code and link targets."""
    words = {t for t in doc.texts if t.islower()}
    words.update(re.findall(r"[a-z0-9]+", doc.code_text))
    return words


def _token_around(text: str, pos: int) -> tuple[int, int]:
    """The span of the run of non-space characters holding text[pos]."""
    start, end = pos, pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _joined_name(text: str, m: re.Match, joined: Counter) -> bool:
    """ "One.Tel", "Yahoo!Finance": a name written with a stop inside, used so more
    than once or short on both sides, is not a missing space."""
    start, end = m.start(), m.end() + len(m.group(1))
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    left, right = text[start : m.start()], m.group(1)
    if joined[text[start:end]] > 1 and left[:1].isupper():
        return True
    return left[:1].isupper() and len(left) <= 4 and len(right) <= 4 and not names.is_common(right)


RULE = Typo
