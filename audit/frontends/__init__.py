"""Front ends: turn a source file into a Document.

Each front end hands the document model prose blocks with source offsets; none of
them computes line or column. Markdown and HTML front ends plug in here by extension.
"""

from __future__ import annotations

from pathlib import PurePath

from audit.document import Document
from audit.frontends import text

# extension -> front-end module with `parse(path, source) -> Document`
FRONT_ENDS = {
    ".txt": text,
    ".text": text,
    ".md": text,  # full Markdown support is its own front end (see issue 6)
    ".markdown": text,
}
AUDITED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


class InputError(Exception):
    """An input that cannot be audited; the message names the problem, not the file."""


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (BOM optional) or UTF-16 with a BOM; anything else is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-16 text ({exc.reason} at byte {exc.start})") from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}; "
            "save the file as UTF-8"
        ) from None


def front_end_for(path: str):
    suffix = PurePath(path).suffix.lower()
    return FRONT_ENDS.get(suffix, text)


def parse(path: str, source: str) -> Document:
    return front_end_for(path).parse(path, source)
