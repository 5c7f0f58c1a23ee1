"""A file as Vale's scoped blocks, read through the project's front ends.

Markdown, HTML and plain text are parsed by `audit.frontends` (code blocks, front
matter, scripts and styles are not prose there either). Each prose block becomes a
Vale block with Vale's scope name:

    heading (level n)   text.heading.hn      list item    text.list
    quotation           text.blockquote      table cell   text.table.cell
    caption             text.table.caption   paragraph    paragraph, its sentences
                                                          (sentence) and text

plus two whole-file blocks: `summary` (the paragraphs, list items and quotations) and
`raw` (the source as it is). The extension (`.md`, `.html`, `.txt`) is a part of each
scope, so `text.html` selects HTML only.

As in Vale, inline code stays in the text as `*` characters, one per character
(IgnoredScopes' default, `code` and `tt`), and so do bare URLs and the matches of
`TokenIgnores`: a rule never matches them, and lengths and positions stay true.
Every character of a block keeps its source offset, so alerts point at the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from audit.document.atoms import ATOM
from audit.document.model import Document
from audit.document.segment import split_sentences
from audit.frontends import parse
from audit.frontends.markdown import front_matter

SUPPORTED = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".txt": "txt", ".text": "txt"}
UNSUPPORTED = {
    ".adoc": "AsciiDoc",
    ".asciidoc": "AsciiDoc",
    ".asc": "AsciiDoc",
    ".rst": "reStructuredText",
    ".org": "Org",
    ".tex": "LaTeX",
    ".mdx": "MDX",
    ".dita": "DITA",
    ".xml": "XML",
}
_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>()\]]+|\bwww\.[^\s<>()\]]+")
_SCOPES = {
    "list-item": "text.list",
    "quote": "text.blockquote",
    "table-cell": "text.table.cell",
    "caption": "text.table.caption",
    "alt-text": "text.attr.alt",
}
_DELIMITER_ROW = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*(?:\n|$)")
_PRE = {"md": re.compile(r"^ {0,3}(?:```|~~~)", re.M), "html": re.compile(r"<pre\b", re.I)}


@dataclass
class Block:
    """Text a rule runs on, its Vale scope, and each character's source offset (one
    more at the end, for the end of a span)."""

    scope: str
    text: str
    offsets: list[int]
    counts: dict | None = None  # the metric checks' counts, once worked out (checks.metric)


@dataclass
class ValeFile:
    path: str
    source: str
    ext: str  # md, html or txt
    blocks: list[Block]
    summary: Block
    raw: Block
    counts: dict[str, int] = field(default_factory=dict)  # heading_h1 ... list, blockquote, pre


class UnsupportedFormat(ValueError):
    """A format Vale reads and this tool does not (AsciiDoc, reStructuredText, ...)."""


def format_of(path: str) -> str | None:
    suffix = PurePath(path).suffix.lower()
    if suffix in UNSUPPORTED:
        raise UnsupportedFormat(f"{UNSUPPORTED[suffix]} is not supported (Markdown, HTML and plain text are)")
    return SUPPORTED.get(suffix)


DEFAULT_IGNORED = ("code", "tt", "kbd")
# IgnoredScopes names an inline element by its HTML tag or its Vale scope name.
_INLINE = {
    "code": "code",
    "tt": "code",
    "kbd": "code",
    "a": "link",
    "link": "link",
    "strong": "strong",
    "b": "strong",
    "em": "emphasis",
    "i": "emphasis",
    "emphasis": "emphasis",
}
# SkippedScopes names block elements by tag; a block's kind as its tags.
_BLOCK_TAGS = {
    "list-item": ("li",),
    "quote": ("blockquote",),
    "table-cell": ("td", "th", "table"),
    "caption": ("caption", "table"),
    "paragraph": ("p",),
    "alt-text": ("img",),
}
_HTML_OPEN = re.compile(r"<([A-Za-z][\w-]*)\b[^<>]*>\s*$")
_HTML_CODE = re.compile(r"<(code|tt|kbd)\b[^>]*>(.*?)</\1\s*>", re.S | re.I)


def read(
    path: str,
    source: str,
    ext: str,
    token_ignores: list = (),
    ignored: list | None = None,
    skipped: list | None = None,
    block_ignores: list = (),
    doc: Document | None = None,
) -> ValeFile:
    """The blocks of `source` (a file of format `ext`: md, html, txt). `ignored`
    (IgnoredScopes: inline elements kept as `*`s; default code, tt, kbd) and `skipped`
    (SkippedScopes: block elements left out; the front ends leave out script, style,
    pre and figure already); `block_ignores` (BlockIgnores: patterns of the source whose
    matches hold no prose)."""
    ignored_spans = [(m.start, m.end) for p in block_ignores for m in p.finditer(source)]
    if ext == "md":  # front matter is not prose to Vale (the front end reads its title)
        ignored_spans.append((0, front_matter(source)[0]))
    masked = {_INLINE[name] for name in (ignored or DEFAULT_IGNORED) if name in _INLINE}
    left_out = set(skipped or ())
    name = {"md": "x.md", "html": "x.html", "txt": "x.txt"}[ext]
    if doc is None or ext == "html":  # a page is read whole, not only its main content
        doc = parse(name, source, extract=False)
    blocks: list[Block] = []
    summary: list[Block] = []
    counts = {
        "list": 0,
        "blockquote": 0,
        "pre": len(_PRE[ext].findall(source)) // (2 if ext == "md" else 1) if ext in _PRE else 0,
    }
    for block in doc.blocks:
        tags = (f"h{block.level or 1}",) if block.kind == "heading" else _BLOCK_TAGS.get(block.kind, ())
        if left_out.intersection(tags) or any(a <= block.start and block.end <= b for a, b in ignored_spans):
            continue
        text, offsets = _vale_text(doc, block, token_ignores, masked, ext)
        if not text.strip():
            continue
        if block.kind == "heading":  # a title (text's first line, HTML's <title>) is prose to Vale
            level = block.level or 1
            counts[f"heading_h{level}"] = counts.get(f"heading_h{level}", 0) + 1
            blocks.append(Block(f"text.heading.h{level}.{ext}", text, offsets))
        elif block.kind in _SCOPES:
            scope = _SCOPES[block.kind]
            if block.kind == "table-cell" and _is_header(source, block.start, ext):
                scope = "text.table.header"
            key = scope.split(".", 1)[1].replace(".", "_")
            counts[key] = counts.get(key, 0) + 1
            blocks.append(Block(f"{scope}.{ext}", text, offsets))
            if block.kind in ("list-item", "quote"):
                summary.append(blocks[-1])
        else:
            for a, b in split_sentences(text):
                blocks.append(Block(f"sentence.{ext}", text[a:b], offsets[a : b + 1]))
            blocks.append(Block(f"paragraph.{ext}", text, offsets))
            blocks.append(Block(f"text.{ext}", text, offsets))
            summary.append(blocks[-1])
    return ValeFile(
        path,
        source,
        ext,
        blocks,
        _joined(summary, f"summary.{ext}"),
        Block(f"raw.{ext}", source, list(range(len(source) + 1))),
        counts,
    )


def _is_header(source: str, start: int, ext: str) -> bool:
    """A table cell in a header: in HTML, a `th`; in Markdown, a row the delimiter row
    (`|---|---|`) follows."""
    if ext == "html":
        return bool(re.search(r"<th\b[^<>]*>\s*$", source[max(0, start - 200) : start], re.I))
    line_end = source.find("\n", start)
    return line_end != -1 and _DELIMITER_ROW.match(source, line_end + 1) is not None


def _joined(parts: list[Block], scope: str) -> Block:
    text, offsets = [], []
    for part in parts:
        if text:
            text.append("\n\n")
            offsets += [offsets[-1]] * 2
        text.append(part.text)
        offsets += part.offsets[:-1]
    offsets.append(parts[-1].offsets[-1] if parts else 0)
    return Block(scope, "".join(text), offsets)


def _vale_text(doc: Document, block, token_ignores, masked: set[str], ext: str) -> tuple[str, list[int]]:
    """A block's prose with inline code put back (as `*`s where code is ignored, as it
    is by default), the text of other ignored inline elements as `*`s, and each
    character's source offset. The pieces are the front end's; what lies between them
    in the source (markup, code) is read here."""
    pieces = _pieces(doc, block)
    source = doc.source
    chars: list[str] = []
    offsets: list[int] = []
    cursor = source.rfind("\n", 0, block.start) + 1  # code may open the block's line
    for i, piece in enumerate(pieces):
        _code_between(source, cursor, piece.start, chars, offsets, "code" in masked, ext)
        if piece.text == ATOM:  # inline code, a URL, an image...: as Vale reads its source
            _atom_text(source, piece, chars, offsets, "code" in masked, ext)
            cursor = piece.end
            continue
        after = source[piece.end : pieces[i + 1].start if i + 1 < len(pieces) else piece.end + 3]
        hide = _inline_kind(source[cursor : piece.start], after, ext) in masked
        text = "*" * len(piece.text) if hide else piece.text
        chars.append(text)
        if len(piece.text) == piece.end - piece.start:
            offsets += range(piece.start, piece.end)
        else:  # decoded (an entity, an escape): every character points at the piece's start
            offsets += [piece.start] * len(piece.text)
        cursor = piece.end
    line_end = source.find("\n", cursor)
    _code_between(source, cursor, len(source) if line_end == -1 else line_end, chars, offsets, "code" in masked, ext)
    text = "".join(chars)
    end = offsets[-1] + 1 if offsets else block.end
    offsets.append(end)
    text = _URL.sub(lambda m: "*" * len(m.group(0)), text)
    for pattern in token_ignores:  # RE2 patterns (audit.vale.regex)
        for m in list(pattern.finditer(text)):
            text = text[: m.start] + "*" * (m.end - m.start) + text[m.end :]
    return text, offsets


def _inline_kind(before: str, after: str, ext: str) -> str:
    """The inline element a piece is the text of, from the markup around it: link,
    strong, emphasis or "" (plain prose)."""
    if ext == "html":
        m = _HTML_OPEN.search(before)
        return _INLINE.get(m.group(1).lower(), "") if m else ""
    if ext != "md":
        return ""
    if before.endswith("[") and after.startswith("]"):
        return "link"
    for mark, kind in (("**", "strong"), ("__", "strong"), ("*", "emphasis"), ("_", "emphasis")):
        if before.endswith(mark) and after.startswith(mark):
            return kind
    return ""


def _atom_text(source: str, piece, chars: list[str], offsets: list[int], mask: bool, ext: str) -> None:
    """What Vale reads where the document has an atom: code as code (masked by
    default), a bare URL as its text (masked below), anything else (an image, a
    formula) as nothing."""
    raw = source[piece.start : piece.end]
    if raw.startswith("`") or (ext == "html" and _HTML_CODE.match(raw)) or _HTML_CODE.match(raw):
        _code_between(source, piece.start, piece.end, chars, offsets, mask, ext if raw.startswith("<") else "md")
    elif _URL.fullmatch(raw):
        chars.append(raw)
        offsets += range(piece.start, piece.end)


def _code_between(
    source: str, start: int, end: int, chars: list[str], offsets: list[int], mask: bool, ext: str
) -> None:
    if end <= start:
        return
    pattern = _HTML_CODE if ext == "html" else _CODE
    if ("<" if ext == "html" else "`") not in source[start:end]:
        return
    for m in pattern.finditer(source, start, end):
        chars.append("*" * len(m.group(2)) if mask else m.group(2))
        offsets += range(m.start(2), m.end(2))


def _pieces(doc: Document, block):
    # The document keeps its pieces in its prose map: the pieces of one block are those
    # that start inside the block's prose range.
    return doc._map.pieces(doc.text, block.prose_start, block.prose_end)
