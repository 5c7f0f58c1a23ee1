"""The stretches of an article's source that the audit did not read, for the HTML page.

A front end hands over prose blocks; what lies between them is markup, code, front
matter or page furniture. Only whole lines with words on them count (the markup around
a paragraph is not worth a label, nor is a short line of a web page that is only tags), in
runs that blank lines separate (a code block, an image line): the page shows each
greyed, labelled and collapsed.
"""

from __future__ import annotations

import re

from audit.document.model import Document

_WORD = re.compile(r"\w")
_TAG = re.compile(r"<[^<>]*>")
SHORT_MARKUP = 80  # in a web page, a short run of tags alone (`<div class="x">`) is not worth a label


def _whole_lines(source: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of source[start:end] made of complete lines, or None."""
    first = start if start == 0 or source[start - 1] == "\n" else source.find("\n", start, end) + 1
    if first <= 0 and start != 0:
        return None
    last = end if end == len(source) else source.rfind("\n", first, end)
    if last == -1 or last <= first:
        return None
    return first, last


def _runs(text: str):
    """(start, end) of each run of lines that are not blank, with their line ends."""
    at, start = 0, None
    for line in text.splitlines(keepends=True):
        if not line.isspace():
            start = at if start is None else start
        elif start is not None:
            yield start, at
            start = None
        at += len(line)
    if start is not None:
        yield start, at


def unaudited(doc: Document) -> list[tuple[int, int]]:
    """(start, end) source offsets of the runs of whole lines outside every prose block."""
    out = []
    at = 0
    for block in sorted(doc.blocks, key=lambda b: b.start):
        if block.start > at:
            out.append((at, block.start))
        at = max(at, block.end)
    out.append((at, len(doc.source)))
    kept = []
    for start, end in out:
        lines = _whole_lines(doc.source, start, end)
        if lines:
            for a, b in _runs(doc.source[lines[0] : lines[1]]):
                run = doc.source[lines[0] + a : lines[0] + b]
                if _WORD.search(_TAG.sub("", run) if doc.format == "html" and len(run) <= SHORT_MARKUP else run):
                    kept.append((lines[0] + a, lines[0] + b))
    return kept
