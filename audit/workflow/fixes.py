"""Apply the mechanical fixes that findings carry, without overlaps.

Fix offsets are character offsets in the decoded source that was audited. Fixes are
applied from the end of the file backwards; a fix that overlaps one already taken is
left for the next run (it is reported, not applied). `file_fixes` turns a batch's
results into the edits of each file, which can be shown as a diff or written back in
the file's own encoding.

Fixes are offsets into the bytes that were audited, so they are written only onto those
bytes: each result of a `--fix` run carries the SHA-256 of the bytes its audit read
(`AUDITED_DIGEST`, read this run even when the result came from the cache), and a file
whose bytes differ when it is read back, or again just before it is replaced, is refused
(FileChanged) and left as it is. A symbolic link is written through to its target, and
the file keeps its mode (see `audit.storage.in_place`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any

from audit.batch.tasks import digest
from audit.engine.auditor import STDIN
from audit.frontends import InputError, decode
from audit.results.model import AUDITED_DIGEST
from audit.storage.in_place import replace_file

# `--fix` audits a fixed file again and fixes what is left, at most this many times: one
# fix can uncover another (a tripled word), or overlap one just applied.
MAX_PASSES = 10
_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"), (b"\xef\xbb\xbf", "utf-8"))


def select(findings: Iterable[dict[str, Any]], *, unsafe: bool = False) -> tuple[list[dict], list[dict]]:
    """(fixes to apply, in source order; fixes skipped because they overlap)."""
    candidates = sorted(
        (f["fix"] for f in findings if f.get("fix") and (unsafe or f["fix"]["safe"])),
        key=lambda fx: (fx["start"], fx["end"], fx["replacement"]),
    )
    chosen: list[dict] = []
    skipped: list[dict] = []
    last_end = -1
    for fx in candidates:
        if (
            chosen
            and fx["start"] == chosen[-1]["start"]
            and fx["end"] == chosen[-1]["end"]
            and fx["replacement"] == chosen[-1]["replacement"]
        ):
            continue  # two rules proposing the same edit
        if fx["start"] < last_end or (fx["start"] == fx["end"] == last_end and chosen):
            skipped.append(fx)
            continue
        chosen.append(fx)
        last_end = fx["end"]
    return chosen, skipped


def apply(source: str, fixes: list[dict[str, Any]]) -> str:
    out = source
    for fx in reversed(fixes):
        out = out[: fx["start"]] + fx["replacement"] + out[fx["end"] :]
    return out


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
        )
    )


def encode_like(raw: bytes, text: str) -> bytes:
    """Encode fixed text as the original file was: UTF-16 with its BOM, or UTF-8 with or without one."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return bom + text.encode(codec)
    return text.encode("utf-8")


class FileChanged(Exception):
    """A file's bytes are not the ones audited: its fixes are not written."""

    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: not fixed: the file changed since it was audited; run the check again")
        self.path = path


@dataclass(frozen=True)
class FileFix:
    """The fixes chosen for one file: its bytes as read, its text before and after them.
    `path`: its name in the report; `file`: where it is on disk; `audited`: the SHA-256 of
    the bytes that were audited (None: not known, then `raw` is taken as audited)."""

    path: str
    raw: bytes
    before: str
    after: str
    count: int  # how many fixes are applied
    file: str = ""
    audited: str | None = None

    @property
    def stale(self) -> bool:
        """Whether the file as read is not what was audited (then the fixes do not apply to it)."""
        return self.audited is not None and digest(self.raw) != self.audited

    def diff(self) -> str:
        if self.stale:
            raise FileChanged(self.path)
        return unified_diff(self.path, self.before, self.after)

    def write(self) -> None:
        """Replace the file (atomically, through a link, keeping its mode), in the encoding
        it had; FileChanged, and nothing written, if its bytes are not the audited ones;
        OSError if it cannot be written."""
        where = Path(self.file or self.path)
        try:
            now = where.read_bytes()  # again: it may have changed since `raw` was read
        except OSError:
            raise FileChanged(self.path) from None
        if self.stale or now != self.raw:
            raise FileChanged(self.path)
        replace_file(where, encode_like(self.raw, self.after))


def file_fixes(
    results: Iterable[dict[str, Any]], *, unsafe: bool = False, files: Iterable[str] | None = None
) -> Iterator[FileFix]:
    """The files that their findings' fixes change, in result order. Inputs that could not
    be audited, standard input, and files that no longer decode are left alone; a file
    whose bytes are not the audited ones is yielded `stale` (its fixes refused). Each file
    is read when its turn comes, so a caller may write one before the next is read.
    `files`: where each result's file is on disk, in result order (by default its path
    in the report; they differ for a name that is not UTF-8, see `tasks.shown_name`)."""
    for result, on_disk in zip(results, files if files is not None else repeat(None)):
        if result["status"] == "error" or result["path"] == STDIN:
            continue
        chosen, _ = select(result["findings"], unsafe=unsafe)
        if not chosen:
            continue
        file = on_disk or result["path"]
        audited = result.get(AUDITED_DIGEST)
        try:
            raw = Path(file).read_bytes()
        except OSError:  # gone since the audit
            raw = None
        if audited is not None and (raw is None or digest(raw) != audited):
            # Changed since the audit: offered, so that the caller says why it is refused.
            yield FileFix(result["path"], raw or b"", "", "", len(chosen), file, audited)
            continue
        if raw is None:
            continue
        try:
            before = decode(raw)
        except InputError:
            continue
        after = apply(before, chosen)
        if after != before:
            yield FileFix(result["path"], raw, before, after, len(chosen), file, audited)
