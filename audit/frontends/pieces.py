"""Prose pieces from runs of source text: character references decoded, URLs left out.

Markup front ends find runs of text in their source and hand them here. A run comes
back as pieces whose text stands for the source exactly, except a character
reference (`&amp;`, `&#8217;`), which becomes one piece of decoded text over its
source span. Bare URLs and e-mail addresses are not prose: each is an atom
(`audit.document.atoms`).
"""

from __future__ import annotations

import html
import re

from audit.document.atoms import ATOM
from audit.document.model import Piece

_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
URL = re.compile(
    r"(?<![\w@/.])(?:(?:https?|ftp)://|www\.)[^\s<>\"'`]+"
    r"|(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_URL_TRAILER = ".,;:!?)]}’”'\""


def url_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each bare URL or e-mail address; trailing punctuation stays prose."""
    spans = []
    for m in URL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in _URL_TRAILER:
            if text[end - 1] == ")" and text.count("(", m.start(), end) >= text.count(")", m.start(), end):
                break  # a balanced parenthesis belongs to the URL (Wikipedia style)
            end -= 1
        spans.append((m.start(), end))
    return spans


def without_urls(text: str, start: int) -> list[Piece]:
    """Exact pieces of text at source offset `start`, each URL an atom."""
    pieces = []
    cursor = 0
    for a, b in url_spans(text) if ("//" in text or "www." in text or "@" in text) else ():
        if a > cursor:
            pieces.append(Piece(text[cursor:a], start + cursor, start + a))
        pieces.append(Piece(ATOM, start + a, start + b))
        cursor = b
    if cursor < len(text):
        pieces.append(Piece(text[cursor:], start + cursor, start + len(text)))
    return pieces


def decoded(raw: str, start: int) -> list[Piece]:
    """Pieces for raw source text at `start`: references decoded, URLs cut out."""
    if "&" not in raw:
        return without_urls(raw, start)
    pieces: list[Piece] = []
    cursor = 0
    for m in _CHAR_REF.finditer(raw):
        value = html.unescape(m.group(0))
        if value == m.group(0):
            continue  # not a reference ("AT&T"): plain text
        if m.start() > cursor:
            pieces.extend(without_urls(raw[cursor : m.start()], start + cursor))
        pieces.append(Piece(value, start + m.start(), start + m.end()))
        cursor = m.end()
    if cursor < len(raw):
        pieces.extend(without_urls(raw[cursor:], start + cursor))
    return pieces
