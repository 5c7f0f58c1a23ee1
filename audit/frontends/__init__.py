"""Front ends: turn a source file into a Document.

Each front end hands the document model prose blocks with source offsets; none of
them computes line or column. Markdown and HTML front ends plug in here by extension.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import PurePath

from audit.document.model import Document
from audit.frontends.errors import InputError

# extension -> front-end module (in this package) with `parse(path, source) -> Document`;
# imported on first use, so a run over plain text never loads the Markdown parser.
FRONT_ENDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (BOM optional) or UTF-16 with a BOM; anything else is refused.

    Text in another encoding is refused, never guessed: Latin-1, Windows-1252 and the
    other 8-bit encodings cannot be told apart, and auditing mis-decoded text would
    report nonsense at wrong positions."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise InputError("UTF-32 text is not supported; save the file as UTF-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-16 text ({exc.reason} at byte {exc.start})") from None
        if "\x00" in text:
            raise InputError("not text: contains NUL characters")
        return text
    if b"\x00" in data:  # the whole file: memchr is fast, and NUL is never in an article
        raise InputError("not text: contains NUL bytes (a binary file, or UTF-16 without a byte-order mark)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        head = data[:8192]
        controls = sum(b < 32 and b not in b"\t\n\r\f" for b in head)
        if controls > len(head) // 20:  # text has almost none; compressed or image data has many
            raise InputError("not text: a binary file (many control bytes and invalid UTF-8)") from None
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        raise InputError(
            f"not valid UTF-8: byte 0x{data[exc.start]:02x} at line {line}, column {column} "
            f"(offset {exc.start}); the file may be in Latin-1 or Windows-1252: save it as UTF-8"
        ) from None


def format_of(path: str) -> str:
    """The format a path is read as (its front end's name and `Document.format`)."""
    return FRONT_ENDS.get(PurePath(path).suffix.lower(), "text")


def front_end_for(path: str):
    return import_module(f"{__name__}.{format_of(path)}")


def parse(path: str, source: str, *, extract: bool = True) -> Document:
    """The document of one source; `extract=False` audits all of a web page's text,
    not just its main content."""
    return front_end_for(path).parse(path, source, extract=extract)
