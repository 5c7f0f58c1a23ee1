"""What changed since a git ref: files (added, modified, renamed) and their changed lines."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from audit.frontends import FRONT_ENDS

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class ChangesError(Exception):
    pass


def _git(args: list[str], cwd: Path) -> str:
    try:
        import subprocess  # here: a run without --changed-since never starts git

        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise ChangesError("--changed-since needs git, which is not installed") from None
    if done.returncode != 0:
        raise ChangesError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout


def repo_root(cwd: Path) -> Path:
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    except ChangesError:
        raise ChangesError(f"--changed-since: {cwd} is not inside a git repository") from None


def verify(ref: str, root: Path) -> None:
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root)
    except ChangesError:
        raise ChangesError(
            f"--changed-since: git ref {ref!r} not found. In a shallow CI clone fetch it first, "
            f"e.g. 'git fetch --depth=1 origin {ref.split('/')[-1]}', or check out with fetch-depth: 0"
        ) from None


def changed_files(ref: str, cwd: Path) -> list[Path]:
    """Files added, modified or renamed since `ref` (committed or not), as absolute paths."""
    root = repo_root(cwd)
    verify(ref, root)
    names = set(_git(["diff", "--name-only", "--diff-filter=AMR", "-z", ref, "--"], root).split("\0"))
    names |= set(_git(["ls-files", "--others", "--exclude-standard", "-z"], root).split("\0"))
    return sorted(root / n for n in names if n)


def changed_articles(ref: str, paths: Iterable[str], cwd: Path) -> list[str]:
    """The articles (files a front end reads) changed since `ref` at or under `paths`,
    relative to `cwd` where they are inside it."""
    wanted = [Path(p).resolve() for p in paths]
    picked = []
    for path in changed_files(ref, cwd):
        if path.suffix.lower() in FRONT_ENDS and path.exists() and any(path == w or w in path.parents for w in wanted):
            try:
                picked.append(str(path.relative_to(cwd)))
            except ValueError:
                picked.append(str(path))
    return picked


def changed_lines(ref: str, path: Path) -> set[int]:
    """1-based line numbers of `path` added or changed since `ref`."""
    root = repo_root(path.parent)
    tracked = _git(["ls-files", "-z", "--", str(path)], root)
    if not tracked:
        return set(range(1, _line_count(path) + 1))  # a new file: every line is new
    diff = _git(["diff", "-U0", "--no-color", ref, "--", str(path)], root)
    lines: set[int] = set()
    for m in _HUNK.finditer(diff):
        start, count = int(m.group(1)), int(m.group(2) or 1)
        lines.update(range(start, start + count))
    return lines


_FILE = re.compile(r"^\+\+\+ b/(.*)$", re.MULTILINE)


def changed_lines_by_file(ref: str, cwd: Path) -> dict[Path, set[int]]:
    """Every file's lines added or changed since `ref`, from one diff (absolute paths);
    a file git does not track yet is missing here: all its lines are new."""
    root = repo_root(cwd)
    verify(ref, root)
    diff = _git(["diff", "-U0", "--no-color", "--no-renames", ref, "--"], root)
    out: dict[Path, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            m = _FILE.match(line)
            current = out.setdefault(root / m.group(1), set()) if m else None
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or 1)
                current.update(range(start, start + count))
    return out


def _line_count(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n") + 1
    except OSError:
        return 0
