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

import os
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
    # A link (or a chain of them, or a link to a file not there yet) names its target.
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path
    with atomic_writer(target, mode, like=info, **kwargs) as handle:
        yield handle


_DESCRIPTOR_FOLDERS = ("/dev/", "/proc/")


def _names_a_descriptor(path: Path) -> bool:
    """Whether `path`, or a link on the way to its target, lies in /dev or /proc (where
    /dev/stdout and /proc/self/fd/N are): a name for a file someone else opened."""
    name = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on links in a row
        if name.startswith(_DESCRIPTOR_FOLDERS):
            return True
        if not os.path.islink(name):
            return False
        name = os.path.normpath(os.path.join(os.path.dirname(name), os.readlink(name)))
    return False


def write_in_place(path: Path, data: bytes) -> None:
    with replacing(path, "wb") as handle:
        handle.write(data)
