"""HTML front end: the article text of a web page, at exact source positions.

Python's own `html.parser` reads the page: it forgives broken markup and reports the
position of every tag, which the faster C parsers (lxml, selectolax) do not. From
those events we build a light tree of elements and raw text spans, then:

- find the main content: the largest `<article>`, else `<main>` or `[role=main]`,
  else the body, leaving out navigation, asides, forms, page headers and footers,
  parts whose class or id says comment, share, sidebar, related, author bio and
  the like, and short link-heavy or stock blocks ("Share", "Leave a Reply");
  `extract=False` keeps all the text;
- skip what is not prose: script, style, pre, template, noscript, hidden parts; code,
  kbd, samp, var, math, svg, img and form controls in prose are atoms, one placeholder
  each (`audit.document.atoms`; docs/markup.md has the table);
- make a prose block of each block element (p, li, h1-h6, td, th, blockquote ...);
  inline elements do not break the prose; character references are decoded;
- hand the accessibility rules the images, links, headings, tables and the page
  language as elements.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from audit.document.atoms import ATOM, HTML_ATOM_TAGS
from audit.document.model import Document, Element, Piece, ProseBlock
from audit.frontends.boilerplate import Furniture, count_words, is_boilerplate_block, main_content
from audit.frontends.html_tree import SKIPPED, WORD, Node, hidden
from audit.frontends.pieces import decoded

MAX_DEPTH = 200
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
BLOCKS = frozenset(
    """address article aside blockquote body caption center dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend
    li main menu nav ol p section summary table tbody td tfoot th thead tr ul""".split()
)
_CLOSES_P = frozenset(
    """address article aside blockquote details dialog div dl fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul""".split()
)
# An opening tag closes an open element of these names, up to (not past) the scope tags.
_IMPLIED_END = {
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "tr": ({"tr", "td", "th"}, {"table", "thead", "tbody", "tfoot"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "thead": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "tbody": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "tfoot": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "option": ({"option"}, {"select"}),
}
_KIND = {
    "p": "paragraph",
    "li": "list-item",
    "dd": "list-item",
    "dt": "list-item",
    "td": "table-cell",
    "th": "table-cell",
    "caption": "caption",
    "figcaption": "caption",
    "blockquote": "quote",
}
_COMMENT_END = re.compile(r"--!?>")
_EOF = re.compile(r"\Z")
_TAG = re.compile(r"<[^>]*>")
# Extraction that keeps fewer words than these of the page's is not the article: audit it all.
FALLBACK_WORDS = 50
FALLBACK_SHARE = 0.25
_ALT = re.compile(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)


class _TreeBuilder(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.root = Node("#document", {}, 0, None)
        self.stack = [self.root]
        self.open_tags: dict[str, int] = {}  # how many of each tag are open: a stray end tag costs nothing
        self.text_start = -1
        self.has_doctype = False
        self.at_end = False  # all of the page is fed: an unclosed comment runs to its end

    def _position(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _flush(self, at: int) -> None:
        if self.text_start >= 0:
            if at > self.text_start:
                children = self.stack[-1].children
                if children and not isinstance(children[-1], Node) and children[-1][1] == self.text_start:
                    children[-1] = (children[-1][0], at)
                else:
                    children.append((self.text_start, at))
            self.text_start = -1

    def _close_to(self, index: int, at: int) -> None:
        while len(self.stack) > index:
            node = self.stack.pop()
            node.end = at
            self.open_tags[node.tag] -= 1

    def handle_starttag(self, tag, attrs) -> None:
        self._open(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag, attrs) -> None:
        self._open(tag, attrs, self_closing=True)

    def _open(self, tag: str, attrs, self_closing: bool) -> None:
        at = self._position()
        self._flush(at)
        if tag in _CLOSES_P:
            for i in range(len(self.stack) - 1, 0, -1):
                if self.stack[i].tag == "p":
                    self._close_to(i, at)
                    break
                if self.stack[i].tag in BLOCKS:
                    break
        if tag in _IMPLIED_END:
            closes, scope = _IMPLIED_END[tag]
            for i in range(len(self.stack) - 1, 0, -1):
                if self.stack[i].tag in scope:
                    break
                if self.stack[i].tag in closes:
                    self._close_to(i, at)
                    break
        node = Node(tag, {k: v for k, v in attrs}, at, self.stack[-1])
        self.stack[-1].children.append(node)
        text = self.get_starttag_text() or ""
        node.end = at + len(text)
        # Past MAX_DEPTH, elements no longer nest (their text joins the deepest one), so
        # every walk over the tree stays within Python's recursion limit.
        if not self_closing and tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)
            self.open_tags[tag] = self.open_tags.get(tag, 0) + 1

    def handle_endtag(self, tag) -> None:
        at = self._position()
        self._flush(at)
        if not self.open_tags.get(tag):
            return  # an end tag with nothing open to close
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                node = self.stack[i]
                self._close_to(i, at)
                close = self.source.find(">", at)
                node.end = len(self.source) if close == -1 else close + 1
                return

    def handle_data(self, data) -> None:
        if self.text_start < 0:
            self.text_start = self._position()

    def parse_comment(self, i, report=1):
        """A comment ends as browsers end it: at the first "-->" or "--!>" ("<!-->" and
        "<!--->" are empty ones), and one never closed runs to the end of the page. The
        standard library's ends only at "-->" and reads an unclosed one as text."""
        rawdata = self.rawdata
        for empty in ("<!-->", "<!--->"):
            if rawdata.startswith(empty, i):
                if report:
                    self.handle_comment("")
                return i + len(empty)
        m = _COMMENT_END.search(rawdata, i + 4)
        if m is None:
            if not self.at_end:
                return -1  # wait for the rest of the page
            m = _EOF.search(rawdata, i + 4)
        if report:
            self.handle_comment(rawdata[i + 4 : m.start()])
        return m.end()

    def parse_marked_section(self, i, report=1):
        position = self.lineno, self.offset
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:  # "<![" that opens no CDATA or conditional section: skip the marks
            self.lineno, self.offset = position  # the stdlib moved them before raising
            return i + 3

    def _other(self, *_args) -> None:
        self._flush(self._position())

    handle_comment = handle_pi = unknown_decl = _other

    def handle_decl(self, decl) -> None:
        self._flush(self._position())
        self.has_doctype = self.has_doctype or decl.lower().startswith("doctype")

    def finish(self) -> Node:
        self.at_end = True
        self.close()
        self._flush(len(self.source))
        self._close_to(1, len(self.source))
        self.root.end = len(self.source)
        return self.root


def parse_tree(source: str) -> tuple[Node, bool]:
    builder = _TreeBuilder(source)
    builder.feed(source)
    return builder.finish(), builder.has_doctype


class _Collector:
    """Walks the chosen part of the tree into prose blocks and elements."""

    def __init__(self, source: str, furniture: Furniture | None) -> None:
        self.source = source
        self.furniture = furniture
        self.blocks: list[ProseBlock] = []
        self.elements: list[Element] = []
        self.pieces: list[Piece] = []
        self.link_chars = 0
        self.kind = "paragraph"
        self.level = 0
        self.in_link = 0
        self.in_article = False
        self.mark = 0  # elements from here on belong to the block being collected
        self.alts: list[ProseBlock] = []  # alt texts of its images, audited after it
        self.words_left_out = 0  # words of the furniture parts and blocks dropped
        self.preformatted = 0  # words in <pre>: not prose, never audited

    def flush(self) -> None:
        if self.pieces:
            block = ProseBlock(self.kind, self.pieces, self.level)
            if not (self.furniture and is_boilerplate_block(block, self.link_chars, self.furniture.drop_link_blocks)):
                self.blocks.append(block)
                self.blocks.extend(self.alts)
            else:  # the links and images of a stock block ("Share", "Show More") go with it
                self.words_left_out += sum(len(WORD.findall(p.text)) for p in block.pieces)
                self.elements[self.mark :] = [e for e in self.elements[self.mark :] if e.kind not in ("link", "image")]
        else:
            self.blocks.extend(self.alts)
        self.alts = []
        self.pieces = []
        self.link_chars = 0
        self.mark = len(self.elements)

    def walk(self, node: Node) -> None:
        for child in node.children:
            if not isinstance(child, Node):
                pieces = decoded(self.source[child[0] : child[1]], child[0])
                self.pieces.extend(pieces)
                if self.in_link:
                    self.link_chars += sum(len(p.text.strip()) for p in pieces)
                continue
            self.element(child)

    def element(self, node: Node) -> None:
        tag = node.tag
        if hidden(node):
            return
        if tag in HTML_ATOM_TAGS and tag != "img":  # code, a formula: one atom in the prose
            self.pieces.append(Piece(ATOM, node.start, node.end))
            return
        if tag in SKIPPED:
            if tag == "pre" or tag == "table":
                self.flush()
            if tag == "pre":
                self.preformatted += len(WORD.findall(html_unescape(self.source[node.start : node.end])))
            return
        if self.furniture and self.furniture(node, self.in_article):
            self.flush()
            self.words_left_out += count_words(node, self.source)
            return
        if tag == "br":
            self.pieces.append(Piece("\n", node.start, node.end))
            return
        if tag == "img":
            self.image(node)
            self.pieces.append(Piece(ATOM, node.start, node.end))
            return
        if tag not in BLOCKS:
            if tag == "a":
                self.link(node)
            else:
                self.walk(node)
            return
        saved = (self.kind, self.level, self.in_article)
        self.flush()
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.kind, self.level = "heading", int(tag[1])
            self.elements.append(
                Element("heading", node.start, node.end, {"level": self.level}, accessible_name(node, self.source))
            )
        elif tag in _KIND and not (self.kind == "quote" and tag == "p"):
            self.kind = _KIND[tag]
        if tag == "article":
            self.in_article = True
        if tag == "table":
            self.elements.append(table_element(node, self.source))
        self.walk(node)
        self.flush()
        self.kind, self.level, self.in_article = saved

    def link(self, node: Node) -> None:
        name = node.get("aria-label").strip() or accessible_name(node, self.source)
        attrs = {
            "href": node.attrs.get("href"),
            "title": node.attrs.get("title"),
            "aria-label": node.attrs.get("aria-label"),
        }
        self.elements.append(Element("link", node.start, node.end, attrs, name))
        self.in_link += 1
        self.walk(node)
        self.in_link -= 1

    def image(self, node: Node) -> None:
        alt = node.attrs.get("alt")
        ancestor, in_link = node.parent, None
        while ancestor is not None and in_link is None:
            if ancestor.tag == "a":
                in_link = ancestor
            ancestor = ancestor.parent
        attrs = {
            "alt": None if alt is None else alt.strip(),
            "src": node.get("src") or node.get("data-src"),
            "title": node.attrs.get("title"),
            "role": node.get("role").lower(),
            "aria-label": node.attrs.get("aria-label"),
            "aria-labelledby": node.attrs.get("aria-labelledby"),
            "width": node.get("width"),
            "height": node.get("height"),
            "in_link": in_link is not None,
            "link_text": "" if in_link is None else accessible_name(in_link, self.source, images=False),
        }
        raw = _ALT.search(self.source, node.start, node.end)
        group = next((g for g in (1, 2, 3) if raw and raw.group(g) is not None), 0)
        if group:
            attrs["alt_span"] = raw.span(group)
        self.elements.append(Element("image", node.start, node.end, attrs, attrs["alt"] or ""))
        if alt and alt.strip() and group:
            self.alts.append(ProseBlock("alt-text", decoded(raw.group(group), raw.start(group))))


def accessible_name(node: Node, source: str, *, images: bool = True) -> str:
    """The text a screen reader announces for a link or heading: its text and image alts."""
    parts: list[str] = []
    stack: list[Node | tuple[int, int]] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, Node):
            if item.tag in ("script", "style", "template") or hidden(item):
                continue
            if item.tag == "img" and images:
                parts.append(" " + (item.attrs.get("alt") or "") + " ")
            stack.extend(reversed(item.children))
        else:
            parts.append("".join(p.text for p in decoded(source[item[0] : item[1]], item[0])))
    return " ".join("".join(parts).split())


def table_element(node: Node, source: str) -> Element:
    rows = cells = header_cells = scoped = 0
    max_cols = 0
    caption = nested = False
    for item in node.iter():
        if item is node:
            continue
        if item.tag == "table":
            nested = True
        elif item.tag == "tr":
            rows += 1
            max_cols = max(max_cols, sum(1 for c in item.children if isinstance(c, Node) and c.tag in ("td", "th")))
        elif item.tag in ("td", "th"):
            cells += 1
            if item.tag == "th" or item.get("role") in ("columnheader", "rowheader"):
                header_cells += 1
            if "scope" in item.attrs or "headers" in item.attrs:
                scoped += 1
        elif item.tag == "caption":
            caption = True
    attrs = {
        "rows": rows,
        "columns": max_cols,
        "cells": cells,
        "header_cells": header_cells,
        "scoped_cells": scoped,
        "caption": caption,
        "nested_table": nested,
        "role": node.get("role").lower(),
        "summary": node.attrs.get("summary"),
    }
    return Element("table", node.start, node.end, attrs)


def page_element(root: Node, has_doctype: bool) -> Element | None:
    """The page itself (its `lang`), when the source is a page rather than a fragment."""
    for node in root.children:
        if isinstance(node, Node) and node.tag == "html":
            attrs = {"lang": node.attrs.get("lang"), "xml:lang": node.attrs.get("xml:lang")}
            return Element("page", node.start, node.start + len("<html"), attrs)
    for node in root.iter():
        if node.tag in ("head", "body"):
            return Element("page", node.start, node.start + 1 + len(node.tag), {"lang": None, "xml:lang": None})
    return Element("page", 0, 0, {"lang": None, "xml:lang": None}) if has_doctype else None


def html_unescape(markup: str) -> str:
    """The text of a piece of markup, tags removed and character references decoded."""
    return unescape(_TAG.sub(" ", markup))


def collect(root: Node, source: str, content: Node | None) -> _Collector:
    """Walk `content` (with furniture left out) or, without it, all of the page."""
    collector = _Collector(source, Furniture(content, source) if content is not None else None)
    if content is None or content is root:
        collector.walk(root)
    else:
        collector.in_article = any(n.tag == "article" for n in _ancestors(content))
        collector.element(content)
    collector.flush()
    return collector


def audited_words(collector: _Collector) -> int:
    return sum(len(WORD.findall(p.text)) for b in collector.blocks for p in b.pieces)


def parse(path: str, source: str, *, extract: bool = True) -> Document:
    root, has_doctype = parse_tree(source)
    content = main_content(root, source) if extract else None
    collector = collect(root, source, content)
    notes: list[str] = []
    metadata: dict[str, object] = {"extracted": content is not None and content is not root}
    if content is not None:
        kept = audited_words(collector)
        left_out = collector.words_left_out + count_words(root, source) - count_words(content, source)
        if kept < FALLBACK_WORDS and kept < FALLBACK_SHARE * (kept + left_out):
            collector = collect(root, source, None)
            notes.append(
                f"extraction: the main content found holds only {kept} of the page's {kept + left_out} words, "
                "too little to be the article; all of the page was audited"
            )
            metadata["extracted"] = False
            left_out = 0
        metadata["words_left_out"] = left_out
    elements = list(collector.elements)
    page = page_element(root, has_doctype)
    if page is not None:
        elements.insert(0, page)
    doc = Document(path, source, collector.blocks, fmt="html", elements=elements, metadata=metadata)
    audited = doc.metadata["words_audited"] = len(doc.words)  # the metadata is the document's copy
    if doc.metadata.get("words_left_out"):
        notes.append(
            f"extraction: audited {audited} words of the page's main content; {doc.metadata['words_left_out']} "
            "words were left out as page furniture (navigation, link lists, comments, sharing); "
            "--no-extract audits all of them"
        )
    if collector.preformatted > audited:
        notes.append(
            f"extraction: {collector.preformatted} words are in preformatted text (<pre>), which is "
            f"read as code and not audited; only {audited} words were audited"
        )
    doc.warnings.extend(notes)
    return doc


def _ancestors(node: Node):
    while node is not None:
        yield node
        node = node.parent
