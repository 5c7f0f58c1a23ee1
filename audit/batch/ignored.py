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

import pathspec

from audit.config.loader import is_repository_root


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))  # not resolve(): a link stays where it is in the tree


def _spec(lines: Iterable[str]) -> pathspec.GitIgnoreSpec | None:
    patterns = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return pathspec.GitIgnoreSpec.from_lines(patterns) if patterns else None


def _read(path: Path) -> pathspec.GitIgnoreSpec | None:
    try:
        return _spec(path.read_text(encoding="utf-8", errors="replace").splitlines())
    except OSError:
        return None


class Ignored:
    """The ignore rules of one walk. `level(folder)` reads a folder's .gitignore as the
    walk enters it; `ignored(path, is_dir)` applies every level above `path`."""

    def __init__(self, start: Path, excludes: Iterable[tuple[Path, Iterable[str]]] = ()) -> None:
        start = _absolute(start)
        self.levels: dict[Path, pathspec.GitIgnoreSpec] = {}
        self.info: tuple[Path, pathspec.GitIgnoreSpec] | None = None
        self.root = next((d for d in (start, *start.parents) if is_repository_root(d)), None)
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
        state: bool | None = None
        checks: list[tuple[Path, pathspec.GitIgnoreSpec]] = []
        if self.info is not None:
            checks.append(self.info)
        checks += sorted(
            ((d, s) for d, s in self.levels.items() if d in path.parents), key=lambda item: len(item[0].parts)
        )
        for folder, spec in checks:
            included = spec.check_file(path.relative_to(folder).as_posix() + suffix).include
            if included is not None:
                state = included
        if state:
            return True
        for base, spec in self.excludes:
            if base in path.parents and spec.check_file(path.relative_to(base).as_posix() + suffix).include:
                return True
        return False


def walk(folder: Path, ignore: Ignored, onerror) -> Iterable[tuple[str, list[str], list[str], int]]:
    """os.walk without hidden or ignored folders and files; yields (root, folders, files,
    how many files and folders were left out of it as ignored)."""
    for root, dirs, files in os.walk(folder, onerror=onerror, followlinks=False):
        here = Path(root)
        ignore.enter(here)
        if ignore.ignored(here, True) and root != os.fspath(folder):
            dirs[:] = []
            yield root, [], [], 1
            continue
        visible = [d for d in dirs if not d.startswith(".")]
        dirs[:] = sorted(d for d in visible if not ignore.ignored(here / d, True))
        kept = [f for f in files if not ignore.ignored(here / f, False)]
        yield root, dirs, kept, len(files) - len(kept) + len(visible) - len(dirs)
