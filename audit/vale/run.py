"""Files found and linted: paths and folders walked as Vale walks them, or standard input."""

from __future__ import annotations

import os
from pathlib import Path

from audit.vale.ini import ValeConfig, glob_to_regex
from audit.vale.lint import FileReport, lint_file

_SKIP_FOLDERS = {".git", ".hg", ".svn", "node_modules", "__pycache__"}


def files_under(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            for folder, subfolders, names in os.walk(path):
                subfolders[:] = sorted(d for d in subfolders if d not in _SKIP_FOLDERS and not d.startswith("."))
                found += [Path(folder) / n for n in sorted(names) if not n.startswith(".")]
        else:
            found.append(path)
    return found


def lint_paths(
    config: ValeConfig,
    paths: list[Path],
    *,
    glob: str = "*",
    relative: bool = False,
    min_level: str | None = None,
    plain: bool = False,
) -> list[FileReport]:
    """The reports of the files under `paths` that `glob` matches (`plain`: every file
    read as plain text, Vale's --ignore-syntax)."""
    negated = glob.startswith("!")  # Vale: --glob='!*.txt' lints all but those
    matcher = glob_to_regex(glob[1:] if negated else glob)
    reports = []
    cwd = Path.cwd()
    for path in files_under(paths):
        if path.name in ("_vale", "_vale.ini", ".vale.ini", ".vale", "vale.ini"):
            continue
        if bool(matcher.fullmatch(path.name) or matcher.fullmatch(path.as_posix())) == negated:
            continue
        shown = os.path.relpath(path, cwd) if relative else str(path.resolve())
        report = lint_file(config, path, shown, min_level=min_level, ext="txt" if plain else None)
        if report is not None:
            reports.append(report)
    return reports


def lint_stdin(
    config: ValeConfig,
    text: str,
    ext: str,
    *,
    path: str | None = None,
    min_level: str | None = None,
    plain: bool = False,
) -> FileReport | None:
    """The report of a text (standard input, or an argument that is no path): of format
    `ext`, matched to the config's sections as `path` (default stdin.EXT)."""
    ext = ext.lstrip(".")
    where = Path(path) if path else Path.cwd() / f"stdin.{ext}"
    return lint_file(config, where, "stdin." + ext, source=text, ext="txt" if plain else ext, min_level=min_level)
