"""Which files a folder walk leaves out: what git ignores, and what the run excludes.

Like ruff, a folder's walk respects `.gitignore` files (at the folder, above it up to the
repository's root, and below it, each read as git reads it, deeper files overriding),
the repository's `.git/info/exclude`, and the run's own exclude patterns, in the same
gitignore syntax: `--exclude` relative to the working folder, `exclude = [...]` in a config
file relative to that file's folder. A file named on the command line is always audited.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from audit.config.loader import repository_root

if TYPE_CHECKING:
    import pathspec


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))  # not resolve(): a link stays where it is in the tree


def _spec(lines: Iterable[str]) -> pathspec.GitIgnoreSpec | None:
    patterns = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not patterns:
        return None
    import pathspec  # here: a run that walks no folder never loads it (nor the engines it picks from)

    # Python's own `re`, as git's rules were written for: not whichever faster engine
    # happens to be installed (google-re2 is, for Vale styles), so matching is the same everywhere.
    return pathspec.GitIgnoreSpec.from_lines(patterns, backend="simple")


def _read(path: Path) -> pathspec.GitIgnoreSpec | None:
    try:
        return _spec(path.read_text(encoding="utf-8", errors="replace").splitlines())
    except OSError:
        return None


class Ignored:
    """The ignore rules of one walk. `enter(folder)` reads a folder's .gitignore as the
    walk enters it; `ignored(path, is_dir)` applies every level above `path`, the rules
    of each folder gathered once for all its entries."""

    def __init__(self, start: Path, excludes: Iterable[tuple[Path, Iterable[str]]] = ()) -> None:
        start = _absolute(start)
        self.levels: dict[Path, pathspec.GitIgnoreSpec] = {}
        self.info: tuple[Path, pathspec.GitIgnoreSpec] | None = None
        self.root = repository_root(start)
        if self.root is not None:
            for folder in (start, *start.parents):  # the levels above the walk, up to the root
                self._add(folder)
                if folder == self.root:
                    break
            info = _read(self.root / ".git" / "info" / "exclude")
            if info is not None:
                self.info = (self.root, info)
        # (base folder, spec): each exclude list applies below its own folder.
        self.excludes = [(_absolute(base), spec) for base, lines in excludes if (spec := _spec(lines)) is not None]
        self._rules: dict[Path, tuple[list, list]] = {}  # a folder -> the rules for its entries

    def _add(self, folder: Path) -> None:
        spec = _read(folder / ".gitignore")
        if spec is not None:
            self.levels[folder] = spec

    def enter(self, folder: Path) -> None:
        """Read the .gitignore of a folder the walk is in."""
        folder = _absolute(folder)
        if folder not in self.levels and self.root is not None:
            self._add(folder)

    def ignored(self, path: Path, is_dir: bool) -> bool:
        path = _absolute(path)
        suffix = "/" if is_dir else ""
        gitignores, excludes = self._rules_for(path.parent)
        state: bool | None = None
        for folder, spec in gitignores:  # shallow to deep: the deepest that matches decides
            included = spec.check_file(path.relative_to(folder).as_posix() + suffix).include
            if included is not None:
                state = included
        if state:
            return True
        return any(spec.check_file(path.relative_to(base).as_posix() + suffix).include for base, spec in excludes)

    def _rules_for(self, folder: Path) -> tuple[list, list]:
        """The gitignore levels and the exclude lists that apply to entries of `folder`
        (read after the walk entered it, so its own .gitignore is among them)."""
        if folder not in self._rules:
            above = {folder, *folder.parents}
            levels = sorted(((d, s) for d, s in self.levels.items() if d in above), key=lambda i: len(i[0].parts))
            gitignores = ([self.info] if self.info is not None else []) + levels
            self._rules[folder] = gitignores, [(b, s) for b, s in self.excludes if b in above]
        return self._rules[folder]


def walk(folder: Path, ignore: Ignored, onerror, wanted) -> Iterable[tuple[str, list[str], list[str], int]]:
    """os.walk without hidden or ignored folders; yields (root, folders, the files that
    are `wanted` and not ignored, how many wanted files and folders were left out of it
    as ignored). Files not wanted (other types) are never matched against the rules."""
    for root, dirs, files in os.walk(folder, onerror=onerror, followlinks=False):
        here = Path(root)
        ignore.enter(here)  # its folders were tested before the walk went into them
        visible = [d for d in dirs if not d.startswith(".")]
        dirs[:] = sorted(d for d in visible if not ignore.ignored(here / d, True))
        candidates = [f for f in files if wanted(f)]
        kept = [f for f in candidates if not ignore.ignored(here / f, False)]
        yield root, dirs, kept, len(candidates) - len(kept) + len(visible) - len(dirs)
