"""Regular expressions with Vale's semantics: Go's RE2 dialect, in linear time.

Vale is written in Go; a style's patterns are RE2 expressions (`\\w` and `\\b` are
ASCII, `(?i)` may stand anywhere, no back-references), and RE2 runs in time linear in
the text, so no pattern in a style can hang a run. They are compiled here with
google-re2, the binding of the same engine.

Vale accepts one thing RE2 does not: lookarounds. Its engine (regexp2) has them; this
layer supports the ones published styles use, a lookaround at either end of a
pattern or of a top-level alternative branch as a whole pattern:

    (?<!X)core   (?<=X)core   core(?!X)   core(?=X)

The core runs in RE2; each match is then kept or dropped by testing X, in RE2 too, on
the text just before or after it (at most `WINDOW` characters), so the cost stays
linear in the text. A lookaround anywhere else (inside a group, in the middle)
is an error that names the file and key, as any pattern RE2 cannot compile.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import re2

from audit.vale.groups import closing, has_top_level, opening

WINDOW = 64  # how far a lookaround looks: a phrase, not a paragraph
_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # a bad pattern is our error message, not a log line on stderr
_LEAD = re.compile(r"^\(\?(<!|<=)")
_TRAIL_OPEN = ("(?!", "(?=")


class PatternError(ValueError):
    """A pattern that cannot be compiled: which file, which key, what is wrong."""

    def __init__(self, path: str, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: not a valid regular expression: {problem}")
        self.path, self.key, self.problem = path, key, problem


class Match:
    """One match: its span and its groups' spans (character offsets; (-1, -1) for a
    group that took no part), read from RE2's match only when asked for."""

    __slots__ = ("start", "end", "_raw", "_groups")

    def __init__(self, start: int, end: int, raw=None, groups: tuple | None = None) -> None:
        self.start, self.end, self._raw, self._groups = start, end, raw, groups

    @property
    def groups(self) -> tuple[tuple[int, int], ...]:
        if self._groups is None:
            raw = self._raw
            self._groups = tuple(raw.span(i) for i in range(1, raw.re.groups + 1)) if raw is not None else ()
        return self._groups

    def group_start(self, index: int) -> int:
        """Where group `index` (1-based) starts; -1 if it took no part."""
        return self._raw.start(index) if self._raw is not None else self.groups[index - 1][0]


class Pattern:
    """A compiled pattern: RE2 for the core, with the lookaround shim's guards."""

    def __init__(self, text: str, core, behind: tuple | None, ahead: tuple | None) -> None:
        self.text = text
        self._core = core
        self._behind = behind
        self._ahead = ahead

    @property
    def groups(self) -> int:
        return self._core.groups

    def finditer(self, text: str) -> Iterator[Match]:
        for m in self._core.finditer(text):
            if not self._guards_pass(text, m.start(), m.end()):
                continue
            yield Match(m.start(), m.end(), m)

    def search(self, text: str) -> bool:
        if self._behind is None and self._ahead is None:
            return self._core.search(text) is not None
        return next(self.finditer(text), None) is not None

    def sub(self, replacement: str, text: str) -> str:
        """`text` with each match replaced (`\\1` names a group), the shim's guards aside."""
        return self._core.sub(replacement, text)

    def _guards_pass(self, text: str, start: int, end: int) -> bool:
        if self._behind is not None:
            kind, guard = self._behind
            found = guard.search(text[max(0, start - WINDOW) : start]) is not None
            if found != (kind == "<="):
                return False
        if self._ahead is not None:
            kind, guard = self._ahead
            found = guard.search(text[end : end + WINDOW]) is not None
            if found != (kind == "="):
                return False
        return True


def compile_pattern(text: str, path: str = "<pattern>", key: str = "pattern", template: str = "%s") -> Pattern:
    """`template % text` compiled with Vale's semantics (the shim takes lookarounds at
    the ends of `text`); PatternError names `path` and `key`."""
    return _compile(text, path, key, template)


@lru_cache(maxsize=4096)
def _compile(text: str, path: str, key: str, template: str) -> Pattern:
    whole = template % text
    try:
        return Pattern(whole, re2.compile(whole, options=_OPTIONS), None, None)
    except re2.error as error:
        problem = _problem(error)
    core, behind, ahead = _split_lookarounds(text)
    if behind is None and ahead is None:
        raise PatternError(path, key, problem)
    try:
        compiled = re2.compile(template % core, options=_OPTIONS)
        # The guards run in RE2 too (linear, whatever the lookaround holds), with the
        # pattern's case flag.
        flags = "(?i)" if "(?i)" in template or core.startswith("(?i") else ""
        back = (behind[0], re2.compile(f"{flags}(?:{behind[1]})\\z", options=_OPTIONS)) if behind else None
        front = (ahead[0], re2.compile(f"{flags}^(?:{ahead[1]})", options=_OPTIONS)) if ahead else None
    except re2.error as error:
        raise PatternError(path, key, f"{problem} (and with its lookarounds set apart: {_problem(error)})") from None
    return Pattern(whole, compiled, back, front)


def _problem(error: Exception) -> str:
    message = error.args[0] if error.args else str(error)
    return message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)


def _split_lookarounds(text: str) -> tuple[str, tuple[str, str] | None, tuple[str, str] | None]:
    """(core, (kind, body) of a leading lookbehind, (kind, body) of a trailing lookahead):
    kinds "<!", "<=", "!", "=". Inline flags ahead of the pattern ("(?i)") stay with the core."""
    flags = ""
    m = re.match(r"^\(\?[imsU]+\)", text)
    if m:
        flags, text = m.group(0), text[m.end() :]
    behind = ahead = None
    if has_top_level(text, "|"):  # "(?<!a)b|c": the lookaround holds for one branch only
        return flags + text, None, None
    if _LEAD.match(text):
        close = closing(text, 0)
        if close is not None:
            behind = (text[2:4], text[4:close])
            text = text[close + 1 :]
    if text.endswith(")"):
        start = opening(text, len(text) - 1)
        if start is not None and text.startswith(_TRAIL_OPEN, start):
            ahead = (text[start + 2], text[start + 3 : -1])
            text = text[:start]
    return flags + text, behind, ahead


class Union:
    """Alternatives joined as Vale joins a rule's tokens or swaps, `(a)|(b)|...` inside
    `template` (a `%s`), each a capture group: a match tells which alternative it is.

    One RE2 expression where RE2 takes it; where an alternative needs the lookaround
    shim, each alternative is its own pattern, and their matches are merged as one
    expression's would be (leftmost first, then the earlier alternative; no overlaps)."""

    def __init__(self, branches: list[str], template: str, path: str, key: str) -> None:
        self.size = len(branches)
        joined = template % "|".join(f"({b})" for b in branches)
        try:
            self._one: Pattern | None = Pattern(joined, re2.compile(joined, options=_OPTIONS), None, None)
            self._each: list[Pattern] = []
            # Each alternative's own group: after the groups of the alternatives before it.
            self._starts, at = [], 1
            for branch in branches:
                self._starts.append(at)
                at += 1 + re2.compile(branch, options=_OPTIONS).groups
        except re2.error:
            self._one = None
            self._each = [compile_pattern(b, path, f"{key}[{b!r}]", template % "(%s)") for b in branches]

    def finditer(self, text: str) -> Iterator[tuple[int, Match]]:
        """(alternative index, match), in order."""
        if self._one is not None:
            starts = self._starts
            for m in self._one.finditer(text):
                index = next((i for i, at in enumerate(starts) if m.group_start(at) != -1), 0)
                yield index, m
            return
        found = sorted(
            ((m.start, i, m) for i, p in enumerate(self._each) for m in p.finditer(text)), key=lambda t: (t[0], t[1])
        )
        end = -1
        for start, index, m in found:
            if start >= end:
                end = max(m.end, start + 1)
                yield index, m
