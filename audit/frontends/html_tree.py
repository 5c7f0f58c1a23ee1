"""The element tree the HTML front end builds: each element with its source span.

Its own module so that the tree builder (`html`) and the main-content extraction
(`boilerplate`) both read it without importing each other.
"""

from __future__ import annotations

import re
from html import unescape

# Elements whose text is not prose: never audited, never counted as text.
SKIPPED = frozenset(
    "script style code pre template noscript textarea select button svg math iframe object "
    "canvas audio video head title kbd samp".split()
)

HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")  # a word as a reader counts it, for the counts


def hidden(node: Node) -> bool:
    """Not shown to a reader: `hidden`, `aria-hidden="true"`, or an inline style that hides it."""
    return node.hidden


def _hides(attrs: dict[str, str | None]) -> bool:
    return (
        "hidden" in attrs
        or (attrs.get("aria-hidden") or "").strip().lower() == "true"
        or bool(_HIDDEN_STYLE.search(attrs.get("style") or ""))
    )


class Node:
    __slots__ = ("tag", "attrs", "start", "end", "children", "parent", "hidden", "_size", "_link_size", "_words")

    def __init__(self, tag: str, attrs: dict[str, str | None], start: int, parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.start = start
        self.end = start
        self.children: list[Node | tuple[int, int]] = []  # elements and raw text spans
        self.parent = parent
        self.hidden = _hides(attrs)
        self._size = -1
        self._link_size = -1
        self._words = -1

    def get(self, name: str) -> str:
        return self.attrs.get(name) or ""

    def iter(self):
        """This node and every element below it, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(c for c in reversed(node.children) if isinstance(c, Node))

    def text_size(self, source: str) -> int:
        """Non-space characters of shown prose below this node (cached)."""
        if self._size < 0:
            size = 0
            for child in self.children:
                if isinstance(child, Node):
                    if child.tag not in SKIPPED and not hidden(child):
                        size += child.text_size(source)
                else:
                    size += len("".join(source[child[0] : child[1]].split()))
            self._size = size
        return self._size

    def word_count(self, source: str) -> int:
        """Words of the shown prose below this node, as a reader counts them (cached)."""
        if self._words < 0:
            words = 0
            for child in self.children:
                if isinstance(child, Node):
                    if child.tag not in SKIPPED and not child.hidden:
                        words += child.word_count(source)
                else:
                    words += len(WORD.findall(unescape(source[child[0] : child[1]])))
            self._words = words
        return self._words

    def link_size(self, source: str) -> int:
        """How much of `text_size` is link text (cached)."""
        if self._link_size < 0:
            if self.tag == "a":
                self._link_size = self.text_size(source)
            else:
                self._link_size = sum(
                    c.link_size(source)
                    for c in self.children
                    if isinstance(c, Node) and c.tag not in SKIPPED and not hidden(c)
                )
        return self._link_size
