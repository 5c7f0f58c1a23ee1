"""The inputs of a batch: folders expanded into files, and each file read safely.

One unreadable file never stops a batch: its problem is reported with it.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from audit.batch.ignored import Ignored, walk
from audit.engine.auditor import STDIN
from audit.frontends import FRONT_ENDS, InputError

# Binary: on Windows, os.open defaults to text mode.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_NOT_REGULAR = "not a regular file (a pipe, socket or device); use - to read standard input"


# The largest input audited unless --max-bytes says otherwise: larger ones are reported as too large.
DEFAULT_MAX_BYTES = 20_000_000


def read_input(path: str, *, max_bytes: int | None = None) -> bytes:
    """The bytes of an input, or InputError with a plain reason.

    Read with os.open and os.read: a batch reads thousands of small files, and a
    Python file object costs ten times the reading."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise InputError(_open_error(path, exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a folder")
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device could block or never end
            raise InputError(_NOT_REGULAR)
        if max_bytes is not None and info.st_size > max_bytes:
            raise InputError(_too_large(info.st_size, max_bytes))  # decided from the size: nothing is read
        data = _read_to_end(fd, info.st_size, None if max_bytes is None else max_bytes + 1)
        if max_bytes is not None and len(data) > max_bytes:  # the file grew since, or reports no size (/proc)
            raise InputError(_too_large(max(len(data), os.fstat(fd).st_size), max_bytes))
        return data
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)


def _open_error(path: str, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link points back to itself)"
    if isinstance(exc, FileNotFoundError):
        return "broken symbolic link" if os.path.islink(path) else "no such file"
    if exc.errno == errno.ENXIO:  # a socket cannot be opened as a file
        return _NOT_REGULAR
    if isinstance(exc, PermissionError):  # Windows refuses to open a folder so
        return "is a folder" if os.path.isdir(path) else "permission denied"
    return exc.strerror or str(exc)


def _read_to_end(fd: int, size: int, limit: int | None) -> bytes:
    """The file's bytes up to its end, or the first `limit` of them. `size` is what the
    file said it holds: asking for one byte more finds its end in one read."""
    parts, total, want = [], 0, size + 1
    while limit is None or total < limit:
        chunk = os.read(fd, want if limit is None else min(want, limit - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
        want = max(want, 1 << 16)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _too_large(size: int, max_bytes: int) -> str:
    return f"too large to audit ({size:,} bytes; the limit is {max_bytes:,}, set with --max-bytes)"


def _audited_type(name: str) -> bool:
    """A file a folder's walk audits: a type a front end reads, not hidden."""
    return os.path.splitext(name)[1].lower() in FRONT_ENDS and not name.startswith(".")


def discover(
    paths: Iterable[str],
    notes: list[str] | None = None,
    excludes: Callable[[Path], list[tuple[Path, tuple[str, ...]]]] | None = None,
) -> Iterator[tuple[str, str | None]]:
    """Expand folders into audited files, sorted; yield (path, problem or None).

    A file named explicitly is audited whatever its type would be in a folder scan,
    but an unsupported type is a problem, never silently skipped. A folder's walk leaves
    out hidden files and folders, what git ignores and what `excludes(folder)` names
    (see `ignored`). A folder with nothing to audit in it is named in `notes` (a message
    each), never skipped without a word.
    A file reached twice (named twice, `c.txt ./c.txt`, or through a symbolic link) is
    yielded once, under the name it was reached by first: audited once, fixed once. In a
    folder, a file's own name comes before the links to it.
    """
    seen: set[str] = set()
    for found in _expand(paths, notes, excludes):
        kept = [False] * len(found)
        for links in (False, True):  # a file's own name first, then the links to it
            for n, (_, _, real, is_link) in enumerate(found):
                if is_link is links and (real is None or real not in seen):
                    seen.add(real)
                    kept[n] = True
        yield from (item[:2] for item, keep in zip(found, kept) if keep)


# What _expand finds: (path, problem or None, its real path or None for standard input, whether it is a link).
_Found = tuple[str, str | None, str | None, bool]


def _expand(
    paths: Iterable[str],
    notes: list[str] | None,
    excludes: Callable[[Path], list[tuple[Path, tuple[str, ...]]]] | None,
) -> Iterator[list[_Found]]:
    """What each of `paths` holds (for a folder, sorted), with each input's real path."""
    for raw in paths:
        if raw == STDIN:
            yield [(raw, None, None, False)]
            continue
        p = Path(raw)
        if p.is_dir():
            found: list[_Found] = []

            def unreadable(exc: OSError, found=found, raw=raw) -> None:  # reported, never skipped
                where = exc.filename or raw
                found.append((where, f"cannot read this folder: {exc.strerror or exc}", os.path.realpath(where), False))

            left_out = 0
            rules = Ignored(p, excludes(p) if excludes else ())
            # Links to folders are not followed, so a link loop cannot make the walk endless.
            for root, _dirs, files, ignored in walk(p, rules, unreadable, _audited_type):
                left_out += ignored
                real_root = None
                for name in files:
                    path = os.path.join(root, name)
                    # The folder's real path once, a file's own only if it is a link (a tenth of the time).
                    is_link = os.path.islink(path)
                    if is_link:
                        real = os.path.realpath(path)
                    else:
                        real_root = real_root or os.path.realpath(root)
                        real = os.path.join(real_root, name)
                    found.append((path, None, real, is_link))
            if not found and notes is not None:
                why = f"; {left_out} file(s) or folder(s) left out as ignored by git or excluded" if left_out else ""
                notes.append(
                    f"{raw}: no articles in this folder (audited types: {', '.join(sorted(FRONT_ENDS))}; "
                    f"hidden files and folders are skipped{why})"
                )
            yield sorted(found, key=lambda item: item[0])
        elif p.exists() and p.suffix.lower() not in FRONT_ENDS:
            problem = f"unsupported file type {p.suffix or '(none)'!r}; audited types: " + ", ".join(sorted(FRONT_ENDS))
            yield [(raw, problem, os.path.realpath(raw), False)]
        else:
            yield [(raw, None, os.path.realpath(raw), False)]
