"""Markdown front end: CommonMark (with GFM tables) through markdown-it-py.

markdown-it gives each block its source lines; the exact offset of each run of
inline text is found by walking the inline tokens in order and locating each run in
the source from a cursor that only moves forward. Markup (emphasis markers, link
brackets and destinations, inline HTML tags) is simply not part of any piece, so prose
stays continuous and every offset maps back to the source character. Code spans,
images, autolinks, bare URLs and inline `<code>`, `<kbd>`, `<math>` … elements are
atoms (`audit.document.atoms`): one placeholder each, over the construct's source.

Audited: paragraphs, headings, list items, block quotes, table cells, link text,
image alt text (as its own "alt-text" block, so it never splits the sentence around
the image) and the `title` and `description` of YAML or TOML front matter.
Skipped: code blocks, HTML blocks and comments. docs/markup.md has the whole table.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

from audit.document.atoms import ATOM, MARKDOWN_ATOM_TAGS
from audit.document.model import Document, Element, LineIndex, Piece, ProseBlock
from audit.frontends.errors import InputError
from audit.frontends.pieces import without_urls

_FRONT_MATTER = {"---": re.compile(r"^(?:---|\.\.\.)[ \t]*$"), "+++": re.compile(r"^\+\+\+[ \t]*$")}
_FM_FIELD = {
    "---": re.compile(r"^(title|description)[ \t]*:[ \t]*(.*?)[ \t]*$"),
    "+++": re.compile(r"^(title|description)[ \t]*=[ \t]*(.*?)[ \t]*$"),
}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BR = re.compile(r"<br\s*/?>", re.I)
_KINDS = {"blockquote": "quote", "list_item": "list-item", "th": "table-cell", "td": "table-cell"}


MAX_NESTING = 100  # block quotes and lists; markdown-it drops what lies deeper


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # text_join would merge escapes and entities into plain text, losing their source form.
    options = {"maxNesting": MAX_NESTING}
    return MarkdownIt("commonmark", options).enable(["table", "strikethrough"]).disable("text_join")


def front_matter(source: str) -> tuple[int, list[ProseBlock]]:
    """End offset of a YAML (---) or TOML (+++) front-matter block, and its title/description."""
    fence = source[:3]
    first = _LINE_BREAK.search(source)
    if fence not in _FRONT_MATTER or not first or source[: first.start()].rstrip(" \t") != fence:
        return 0, []
    blocks: list[ProseBlock] = []
    pos = first.end()
    while pos < len(source):
        brk = _LINE_BREAK.search(source, pos)
        line_end = brk.start() if brk else len(source)
        line = source[pos:line_end]
        if _FRONT_MATTER[fence].match(line):
            return (brk.end() if brk else line_end), blocks
        m = _FM_FIELD[fence].match(line)
        if m and m.group(2) and m.group(2)[0] not in "|>[{":
            a, b = pos + m.start(2), pos + m.end(2)
            if b - a >= 2 and source[a] == source[b - 1] and source[a] in "\"'":
                a, b = a + 1, b - 1
            kind = m.group(1)
            blocks.append(ProseBlock(kind, without_urls(source[a:b], a)))
        pos = brk.end() if brk else line_end
    return 0, []  # never closed: not front matter


def _scan_brackets(source: str, i: int, limit: int) -> int:
    """Offset just after the bracket group opening at source[i] ("[" or "(")."""
    close = {"[": "]", "(": ")"}[source[i]]
    opener = source[i]
    depth = 0
    quote = None
    j = i
    while j < limit:
        ch = source[j]
        if ch == "\\":
            j += 2
            continue
        if quote:
            if ch == quote:
                quote = None
        elif opener == "(" and ch in "\"'" and source[j - 1] in " \t\r\n":
            quote = ch
        elif opener == "(" and ch == "<" and source[j - 1] in "( \t":
            end = source.find(">", j, limit)
            j = end if end != -1 else j
        elif ch == opener:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return limit


def link_span(source: str, i: int, limit: int) -> tuple[int, int]:
    """For a link or image whose "[" is at i: (end of its text, end of the whole link)."""
    label_end = _scan_brackets(source, i, limit)
    end = label_end
    if end < limit and source[end] in "([":
        end = _scan_brackets(source, end, limit)
    return max(i, label_end - 1), end


_ATOM_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)[\s/>]")


class _HtmlAtom:
    """An inline HTML element read as one atom (`<kbd>Ctrl</kbd>`): where it opened, and
    how deep its own tag is nested, to find the end tag that closes it."""

    def __init__(self, name: str, start: int, tag_end: int) -> None:
        self.name = name
        self.start = start
        self.tag_end = tag_end
        self.depth = 1
        self._open = re.compile(rf"<{name}[\s/>]", re.I)
        self._close = re.compile(rf"</{name}\s*>", re.I)

    def ends_at(self, tag: str) -> bool:
        if self._open.match(tag) and not tag.endswith("/>"):
            self.depth += 1
        elif self._close.fullmatch(tag):
            self.depth -= 1
        return self.depth == 0


class _Inline:
    """Locates the inline tokens of one block in the source, in order."""

    def __init__(self, source: str, cursor: int, limit: int, table: bool) -> None:
        self.source = source
        self.cursor = cursor
        self.limit = limit
        self.table = table
        self.pieces: list[Piece] = []
        self.alts: list[ProseBlock] = []
        self.elements: list[Element] = []
        self.name: list[str] = []  # the block's text as read, code spans included
        self.links: list[tuple[int, int, int, dict, list[str]]] = []  # open links and their names

    def find(self, text: str) -> int:
        at = self.source.find(text, self.cursor, self.limit)
        if at == -1 and self.table and "|" in text:  # GFM unescapes \| before inline parsing
            pattern = re.compile(r"\\?\|".join(map(re.escape, text.split("|"))))
            m = pattern.search(self.source, self.cursor, self.limit)
            if m:
                self.pieces.append(Piece(text, m.start(), m.end()))
                self.cursor = m.end()
                return -2
        return at

    def read(self, text: str) -> None:
        self.name.append(text)
        for link in self.links:
            link[4].append(text)

    def text(self, text: str, source_form: str | None = None) -> None:
        self.read(text)
        at = self.find(source_form or text)
        if at == -2:
            return
        if at == -1:
            self.pieces.append(Piece(text, self.cursor, self.cursor))  # cannot place it: point at the cursor
            return
        end = at + len(source_form or text)
        self.pieces.extend(without_urls(text, at) if source_form is None else [Piece(text, at, end)])
        self.cursor = end

    def walk(self, tokens) -> None:
        skip_until_close = False
        in_atom: _HtmlAtom | None = None
        for tok in tokens:
            kind = tok.type
            if skip_until_close:
                skip_until_close = kind != "link_close"
                continue
            if in_atom is not None:  # inside <code>…</code>: one atom, ended by its end tag
                if kind == "html_inline" and in_atom.ends_at(tok.content):
                    self.cursor = self._after(tok.content)
                    self.pieces.append(Piece(ATOM, in_atom.start, self.cursor))
                    in_atom = None
                continue
            if kind == "text":
                self.text(tok.content)
            elif kind == "text_special":
                self.text(tok.content, tok.markup or tok.content)
            elif kind in ("softbreak", "hardbreak"):
                m = _LINE_BREAK.search(self.source, self.cursor, self.limit)
                if m:
                    self.pieces.append(Piece(m.group(0), m.start(), m.end()))
                    self.cursor = m.end()
                self.read(" ")
            elif kind == "code_inline":
                self._code_span(tok.markup)
                self.read(tok.content)
            elif kind == "html_inline":
                at = self.source.find(tok.content, self.cursor, self.limit)
                if at != -1:
                    self.cursor = at + len(tok.content)
                    if _BR.fullmatch(tok.content):
                        self.pieces.append(Piece("\n", at, self.cursor))
                        continue
                    opened = _ATOM_TAG.match(tok.content)
                    if opened and opened.group(1).lower() in MARKDOWN_ATOM_TAGS:
                        name = opened.group(1).lower()
                        if tok.content.endswith("/>") or name == "img":
                            self.pieces.append(Piece(ATOM, at, self.cursor))
                        else:
                            in_atom = _HtmlAtom(name, at, self.cursor)
            elif kind == "link_open" and tok.markup == "autolink":
                skip_until_close = True
                at = self.source.find("<", self.cursor, self.limit)
                if at != -1:
                    self.cursor = self._after(">")
                    self.pieces.append(Piece(ATOM, at, self.cursor))
                    href = str(tok.attrs.get("href", ""))
                    self.elements.append(Element("link", at, self.cursor, {"href": href, "autolink": True}, href))
            elif kind == "link_open":
                self._link_open(tok)
            elif kind == "link_close":
                self._link_close()
            elif kind == "image":
                self._image(tok)
        if in_atom is not None:  # never closed in this block: the start tag stands for it
            self.pieces.append(Piece(ATOM, in_atom.start, in_atom.tag_end))

    def _after(self, text: str) -> int:
        at = self.source.find(text, self.cursor, self.limit)
        return self.cursor if at == -1 else at + len(text)

    def _code_span(self, ticks: str) -> None:
        """The code span opening at the next run of `ticks`: one atom over it all."""
        at = self.source.find(ticks, self.cursor, self.limit)
        if at == -1:
            return
        close = at + len(ticks)
        while True:
            close = self.source.find(ticks, close, self.limit)
            if close == -1:
                return
            run_end = close
            while run_end < self.limit and self.source[run_end] == "`":
                run_end += 1
            if run_end - close == len(ticks):
                self.cursor = run_end
                self.pieces.append(Piece(ATOM, at, run_end))
                return
            close = run_end

    def _link_open(self, tok) -> None:
        at = self.source.find("[", self.cursor, self.limit)
        if at == -1:
            at = self.cursor
        text_end, end = link_span(self.source, at, self.limit) if self.source[at : at + 1] == "[" else (at, at)
        self.cursor = at + 1
        attrs = {"href": str(tok.attrs.get("href", "")), "title": tok.attrs.get("title")}
        self.links.append((at, text_end, end, attrs, []))

    def _link_close(self) -> None:
        if not self.links:
            return
        at, text_end, end, attrs, name = self.links.pop()
        self.cursor = max(self.cursor, end)
        self.elements.append(Element("link", at, end, attrs, " ".join("".join(name).split())))

    def _image(self, tok) -> None:
        at = self.source.find("![", self.cursor, self.limit)
        if at == -1:
            at = self.cursor
            text_end = end = at
        else:
            text_end, end = link_span(self.source, at + 1, self.limit)
        inner = _Inline(self.source, at + 2, text_end, self.table)
        inner.walk(tok.children or [])
        alt = " ".join("".join(inner.name).split())
        if inner.pieces:
            self.alts.append(ProseBlock("alt-text", inner.pieces))
        for link in self.links:
            link[4].append(alt)
        attrs = {
            "alt": alt,
            "src": str(tok.attrs.get("src", "")),
            "title": tok.attrs.get("title"),
            "in_link": bool(self.links),
            "alt_span": (at + 2, text_end),
        }
        self.elements.append(Element("image", at, end, attrs, alt))
        self.cursor = max(self.cursor, end)
        if end > at:
            self.pieces.append(Piece(ATOM, at, end))


# `extract` is the HTML front end's: Markdown has no page furniture to leave out.
def parse(path: str, source: str, *, extract: bool = True) -> Document:
    fm_end, blocks = front_matter(source)
    # Blank the front matter for the parser, keeping its lines so token maps stay right.
    text = "\n" * len(_LINE_BREAK.findall(source, 0, fm_end)) + source[fm_end:]
    starts = LineIndex(source).starts
    starts = starts + [len(source)]
    elements: list[Element] = []
    kinds: list[str] = []  # open containers (quote, list item, table cell)
    heading_level = 0
    cursor = fm_end
    tokens = _parser().parse(text)
    if any(tok.level >= MAX_NESTING - 1 for tok in tokens):
        raise InputError(f"Markdown nested too deeply to audit (over {MAX_NESTING} levels of quotes or lists)")
    for tok in tokens:
        if tok.type.endswith("_open") and tok.type[:-5] in _KINDS:
            kinds.append(_KINDS[tok.type[:-5]])
        elif tok.type.endswith("_close") and tok.type[:-6] in _KINDS:
            kinds.pop()
        elif tok.type == "heading_open":
            heading_level = int(tok.tag[1])
        elif tok.type == "heading_close":
            heading_level = 0
        elif tok.type == "inline" and tok.map:
            line_start = starts[min(tok.map[0], len(starts) - 1)]
            limit = starts[min(tok.map[1], len(starts) - 1)]
            cursor = max(cursor, line_start)
            inline = _Inline(source, cursor, limit, bool(kinds) and kinds[-1] == "table-cell")
            inline.walk(tok.children or [])
            cursor = inline.cursor
            kind = "heading" if heading_level else (kinds[-1] if kinds else "paragraph")
            blocks.append(ProseBlock(kind, inline.pieces, heading_level))
            blocks.extend(inline.alts)
            elements.extend(inline.elements)
            if heading_level:
                brk = _LINE_BREAK.search(source, line_start, limit)
                name = " ".join("".join(inline.name).split())
                elements.append(
                    Element("heading", line_start, brk.start() if brk else limit, {"level": heading_level}, name)
                )
    return Document(path, source, blocks, fmt="markdown", elements=elements)
