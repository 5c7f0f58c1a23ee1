"""Writing a file that may already exist, as its owner would expect: a report or a fixed
article goes where the name points, and what the name is stays what it was.

- A symbolic link is written through: its target gets the content, the link stays.
- A name that is not a regular file (`/dev/stdout`, a named pipe, a terminal) is opened
  and written to; it is never replaced by a file.
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
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        # The name itself, not its resolved path: /dev/stdout resolves to "pipe:[…]".
        with open(path, mode, **kwargs) as handle:
            yield handle
        return
    # A link (or a chain of them, or a link to a file not there yet) names its target.
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path
    with atomic_writer(target, mode, like=info, **kwargs) as handle:
        yield handle


def write_in_place(path: Path, data: bytes) -> None:
    with replacing(path, "wb") as handle:
        handle.write(data)
