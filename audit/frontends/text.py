"""Plain-text front end: paragraphs are separated by blank lines.

A line ends at LF, CRLF, a lone CR or U+2028, mixed as they come; a blank line is two
line ends with only spaces or tabs between; U+2029 (PARAGRAPH SEPARATOR) ends a
paragraph on its own. A line that wraps never does (docs/markup.md).

The first paragraph is the title when it is one line without a full stop.
"""

from __future__ import annotations

import re

from audit.document import suppressions
from audit.document.model import Document, Piece, ProseBlock

# The look-behind starts a match only at the start of a run of blanks: linear on long runs
# of spaces (a match tried from every space of a run is quadratic).
# Each line end is an atomic group: a CRLF is one line end, never CR then LF (a blank line).
_BLANK_LINES = re.compile(
    r"(?<![ \t])(?:[ \t]*+(?>\r\n|[\r\n\u2028])){2,}"
    r"|(?<![ \t])[ \t]*+(?>\r\n|[\r\n\u2028])?[ \t]*+\u2029(?:[ \t]*+(?>\r\n|[\r\n\u2028\u2029]))*+"
)
_SENTENCE_END = re.compile(r"[.!?…:;,][\"”’')\]]*\s*$")


def blocks(source: str, offset: int = 0) -> list[ProseBlock]:
    # Suppression directives are not prose: blank them out, keeping every offset.
    for a, b in suppressions.line_spans(source):
        source = source[:a] + " " * (b - a) + source[b:]
    result = []
    start = 0
    for a, b in _blank_lines(source):
        _add(result, source, start, a, offset)
        start = b
    _add(result, source, start, len(source), offset)
    if result:
        first = result[0].pieces[0].text
        if not _LINE_BREAK.search(first.strip()) and not _SENTENCE_END.search(first):
            result[0].kind = "title"
    return result


def _blank_lines(source: str) -> list[tuple[int, int]]:
    """The spans `_BLANK_LINES.finditer` finds, found faster: tried only where the blanks
    before a line break start (the pattern, which may start with blanks, is otherwise
    tried at every character)."""
    spans: list[tuple[int, int]] = []
    end = 0
    for m in _LINE_BREAK.finditer(source):
        start = m.start()
        if start < end:
            continue
        while start > end and source[start - 1] in " \t":
            start -= 1
        found = _BLANK_LINES.match(source, start)
        if found:
            spans.append(found.span())
            end = found.end()
    return spans


_LINE_BREAK = re.compile("[\r\n\u2028\u2029]")


def _add(result: list[ProseBlock], source: str, start: int, end: int, offset: int) -> None:
    chunk = source[start:end]
    if chunk.strip():
        result.append(ProseBlock("paragraph", [Piece(chunk, offset + start, offset + end)]))


# `extract` is the HTML front end's: plain text has no page furniture to leave out.
def parse(path: str, source: str, *, extract: bool = True) -> Document:
    return Document(path, source, blocks(source), fmt="text")
