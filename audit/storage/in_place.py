"""Writing a file that may already exist, as its owner would expect: a report or a fixed
article goes where the name points, and what the name is stays what it was.

- A symbolic link is written through: its target gets the content, the link stays.
- A name that is not a regular file (a named pipe, a terminal, a device), or that names
  an open file descriptor (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`, or a link to
  one) is opened and written to, after what it holds: it is never replaced by a file.
  Standard output may be a file the shell opened (`> log`, `>> log`, after a header
  another command wrote): replacing the name would drop that file's earlier content.
- A regular file is replaced atomically (a temporary file in the same folder, then a
  rename), keeping its permission bits and, where allowed, its owner and group.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from contextlib import contextmanager
from pathlib import Path

from audit.storage.cache import atomic_writer


@contextmanager
def replacing(path: Path, mode: str = "w", **kwargs):
    """A handle for the new content of `path` (see the module's docstring)."""
    try:
        info = os.stat(path)  # follows links: what the name finally is
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if info is not None and (not stat.S_ISREG(info.st_mode) or _names_a_descriptor(path)):
        # The name itself, not its resolved path (/dev/stdout resolves to "pipe:[…]"),
        # opened to append: a file the shell opened keeps what was written to it before.
        with open(path, mode.replace("w", "a"), **kwargs) as handle:
            yield handle
        return
    with _through_links(path, info, mode, **kwargs) as handle:
        yield handle


def write_in_place(path: Path, data: bytes) -> None:
    """`replacing`, for bytes: a report."""
    with replacing(path, "wb") as handle:
        handle.write(data)


def replace_file(path: Path, data: bytes) -> None:
    """The new content of the regular file `path` (a fixed article): through a link,
    atomically, keeping its mode and owner. Never written into or appended to: a name
    that is not a regular file, or names a descriptor, raises OSError."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode) or _names_a_descriptor(path):
        raise OSError(errno.EINVAL, "not a regular file, so it is not replaced", str(path))
    with _through_links(path, info, "wb") as handle:
        handle.write(data)


def _through_links(path: Path, info: os.stat_result | None, mode: str, **kwargs):
    """An atomic writer for `path`, or for its target when it is a link (or a chain of
    them, or a link to a file not there yet), keeping the mode of `info`."""
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path
    return atomic_writer(target, mode, like=info, **kwargs)


# Names of an open file descriptor: /dev/stdout (-> /proc/self/fd/1), /dev/fd/N, /proc/PID/fd/N.
_DESCRIPTOR = re.compile(r"/dev/(?:std(?:in|out|err)|fd/\d+)|/proc/[^/]+/fd/\d+")


def _names_a_descriptor(path: Path) -> bool:
    """Whether `path`, or a link on the way to its target, names an open file descriptor
    (a file someone else opened, such as the shell's `> log`)."""
    name = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on links in a row
        if _DESCRIPTOR.fullmatch(name):
            return True
        if not os.path.islink(name):
            return False
        name = os.path.normpath(os.path.join(os.path.dirname(name), os.readlink(name)))
    return False
