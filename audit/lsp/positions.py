"""Offsets in a text (characters, as Python counts them) to LSP positions, whose columns
count UTF-16 code units: an emoji is two, a combining mark one."""

from __future__ import annotations

import bisect
import re

from lsprotocol import types

_LINE_END = re.compile(r"\r\n|\r|\n")  # LSP's line ends, as the document model's


class Positions:
    """The positions of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        before = self.text[self.starts[line] : offset]
        return types.Position(line=line, character=len(before.encode("utf-16-le")) // 2)

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The character offset of an LSP position (a column past the line's end: its end)."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        end = self.starts[position.line + 1] if position.line + 1 < len(self.starts) else len(self.text)
        units = 0
        for i in range(start, end):
            if units >= position.character:
                return i
            units += 2 if ord(self.text[i]) > 0xFFFF else 1
        return end
