"""Reading a regular expression's structure without compiling it: which characters
stand outside escapes and character classes, and at what depth of groups. Shared by
the settings reader (a comma inside a group belongs to the pattern) and the regex
translation (lookarounds at the ends, a top-level alternation)."""

from __future__ import annotations

from collections.abc import Iterator


def structure(text: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth) of each character of `text` from `start` that is
    neither escaped nor inside a character class, with the depth of groups around it
    (an opening parenthesis is at the depth outside it, its closing one too)."""
    depth, i, in_class = 0, start, False
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        else:
            if c == ")":
                depth -= 1
            yield i, c, depth
            if c == "(":
                depth += 1
        i += 1


def split_top_level(text: str, separator: str) -> list[str]:
    """`text` cut at each `separator` outside groups and classes, parts stripped."""
    cuts = [i for i, c, depth in structure(text) if c == separator and depth == 0]
    bounds = [-1, *cuts, len(text)]
    return [text[a + 1 : b].strip() for a, b in zip(bounds, bounds[1:])]


def has_top_level(text: str, character: str) -> bool:
    return any(c == character and depth == 0 for _, c, depth in structure(text))


def closing(text: str, at: int) -> int | None:
    """The index of the parenthesis closing the group opened at `at`, or None."""
    for i, c, depth in structure(text, at):
        if c == ")" and depth == 0:
            return i
    return None


def opening(text: str, close: int) -> int | None:
    """The index of the parenthesis that the one at `close` closes, or None: one pass."""
    opened: list[int] = []
    for i, c, _ in structure(text):
        if c == "(":
            opened.append(i)
        elif c == ")":
            start = opened.pop() if opened else None
            if i == close:
                return start
    return None
