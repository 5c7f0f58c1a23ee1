"""The user cache directory and atomic writes into it."""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import stat
import zlib
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# Entries in each per-word memo (syllables, word-list look-ups, spelling verdicts). Word
# use is Zipfian: the 16,384 to 32,768 most recent words (two generations) take nearly
# every look-up, and the memos stay a few megabytes however large the batch (memory must
# not grow with the corpus). Generations of 32,768 saved 1% of the instructions of a
# worker auditing 1,100 news articles (some 28,000 distinct tokens) but held 10 MB more
# once full: a 20,000-file batch peaked 1.3 times as high as one of 2,225.
WORD_CACHE = 16384


class WordMemo(dict):
    """A per-word memo of `compute`: `memo[word]`. A hit is a plain dict look-up, which
    `map(memo.__getitem__, words)` runs at C speed over an article's words (an
    `lru_cache` also moves the entry to the front of its list on every hit). When it
    holds WORD_CACHE words, they become the previous generation and it starts again
    empty; a word of the previous generation met again is moved back, not computed
    again. Memory stays bounded (two generations at most), and the words in use stay."""

    def __init__(self, compute: Callable[[str], Any]) -> None:
        super().__init__()
        self.compute = compute
        self.previous: dict[str, Any] = {}

    def __missing__(self, word: str) -> Any:
        value = self.previous.get(word, _MISSING)
        if value is _MISSING:
            value = self.compute(word)
        if len(self) >= WORD_CACHE:
            self.previous = dict(self)
            self.clear()
        self[word] = value
        return value


_MISSING = object()


def cache_dir() -> Path:
    """$ARTICLE_AUDIT_CACHE_DIR, else $XDG_CACHE_HOME/article-audit, else ~/.cache/article-audit."""
    explicit = os.environ.get("ARTICLE_AUDIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "article-audit"


@contextmanager
def atomic_writer(path: Path, mode: str = "w", *, like: os.stat_result | None = None, **kwargs):
    """A file handle whose content replaces `path` only when the block ends well
    (write then rename): readers see the old file or the new one, never half of one.
    `like`: the file being replaced, whose permission bits (and owner and group, where
    this process may set them) the new one gets."""
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # here, on the first write: a run with the cache off may write nothing

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        # mkstemp makes 0600; a report is an ordinary file, a fixed article keeps its mode.
        os.chmod(tmp, stat.S_IMODE(like.st_mode) if like else 0o666 & ~_umask())
        if like is not None:
            _keep_owner(tmp, like)
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _keep_owner(path: str, like: os.stat_result) -> None:
    """Give `path` the owner and group of `like`, where this process may (root may; a user
    only their own groups): else the new file is theirs, as an editor's save would be."""
    if not hasattr(os, "chown"):  # Windows
        return
    mine = os.stat(path)
    if (mine.st_uid, mine.st_gid) == (like.st_uid, like.st_gid):
        return
    try:
        os.chown(path, like.st_uid, like.st_gid)
    except OSError:
        pass


def write_atomic(path: Path, data: bytes) -> None:
    with atomic_writer(path, "wb") as handle:
        handle.write(data)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def cached_table(name: str, identity: str, build: Callable[[], Any], kind: type) -> Any:
    """`build()`, kept in the cache folder as a marshal file named after `identity`
    (what the table is built from: a data file's digest, size or date).

    Loading marshal is tens of times faster than parsing a word list; a missing or
    corrupt entry is rebuilt, and a read-only cache folder only costs the build. The file
    starts with a CRC-32 of the rest: marshal loads a damaged table (a byte changed, not
    cut) without a word, and the check costs a fraction of the load. A new build replaces
    the table's earlier ones (another version of the tool, or changed data), so the
    folder holds one of each table.
    """
    key = hashlib.sha256(f"{identity}|{marshal.version}|{TABLE_FORMAT}".encode()).hexdigest()[:16]
    path = cache_dir() / f"{name}-{key}.marshal"
    try:
        value = marshal.loads(checked(path.read_bytes()))
        if isinstance(value, kind):
            return value
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    try:
        write_atomic(path, with_checksum(marshal.dumps(value)))
        _drop_superseded(path.parent, name, path.name)
    except (OSError, ValueError):
        pass
    return value


TABLE_FORMAT = "crc32"  # in the key: a table written without the checksum is another build


def with_checksum(data: bytes) -> bytes:
    """`data` behind its CRC-32 (4 bytes, big-endian): see `checked`."""
    return zlib.crc32(data).to_bytes(4, "big") + data


def checked(stored: bytes) -> memoryview:
    """What `with_checksum` stored, or ValueError if a byte of it changed or it was cut short."""
    body = memoryview(stored)[4:]
    if len(stored) < 4 or zlib.crc32(body) != int.from_bytes(stored[:4], "big"):
        raise ValueError("cache entry damaged: its checksum does not match")
    return body


def _drop_superseded(folder: Path, name: str, kept: str) -> None:
    """Delete the other builds of table `name` ("lexicon-<key>", not "lexicon-spellings-<key>")."""
    pattern = re.compile(re.escape(name) + r"-[0-9a-f]{16}\.marshal")
    for entry in os.scandir(folder):
        if entry.name != kept and pattern.fullmatch(entry.name):
            try:
                os.unlink(entry.path)
            except OSError:
                pass  # gone already, or not ours to delete: it only takes room
