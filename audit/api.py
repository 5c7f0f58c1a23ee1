"""The Python API: audit a string or files from Python, with the command line's rules,
configuration and results.

A composition root like the command line: it picks the rules from the registry, each
file's settings from its nearest config (or the one given), and runs the engine. The
results are the typed `FileResult`s the reports are made from (`.to_dict()` gives the
JSON report's dictionary of a file). See docs/api.md.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from audit.batch.inputs import DEFAULT_MAX_BYTES, discover, read_input
from audit.config.loader import ConfigError
from audit.config.per_folder import PerFolderSettings
from audit.engine.auditor import STDIN, audit_bytes
from audit.engine.rule import Rule
from audit.engine.settings import Settings
from audit.frontends import FRONT_ENDS, InputError
from audit.results.findings import LocatedFinding, Severity
from audit.results.model import FileResult

__all__ = ["FORMATS", "ConfigError", "FileResult", "LocatedFinding", "check_paths", "check_text"]

# The formats of a text, and the file name suffix that selects each one's front end.
FORMATS = {"text": ".txt", "markdown": ".md", "html": ".html"}


def check_text(
    text: str,
    *,
    format: str | None = None,
    path: str | os.PathLike[str] | None = None,
    config: str | os.PathLike[str] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    profile: str | None = None,
    fail_on: str | None = None,
    min_severity: str | None = None,
    extract: bool = True,
) -> FileResult:
    """Audit `text` as one article.

    `format` is "text", "markdown" or "html"; without it, the format is `path`'s (by its
    suffix, as for a file), else plain text. `path` names the article: the result is
    reported under it and gets its configuration (the nearest config file of its folder)
    unless `config` names a config file. The other options are the command line's.
    Raises ValueError for an unknown format, ConfigError for a config that does not load."""
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; use one of: {', '.join(FORMATS)}")
    name = os.fspath(path) if path is not None else STDIN
    settings_for = _settings_per_file(config, select, ignore, profile, fail_on, min_severity)
    return audit_text(text, settings_for(name), path=name, format=format, extract=extract)


def audit_text(
    text: str,
    settings: Settings,
    *,
    path: str = STDIN,
    format: str | None = None,
    extract: bool = True,
    keep_source: bool = False,
) -> FileResult:
    """`check_text` with the settings made: for a caller that audits many texts with
    settings it keeps (the language server, the app of `article-audit serve`).
    `keep_source`: the result keeps the text and what its HTML page needs."""
    if format is not None:
        parse_as = f"<text>{FORMATS[format]}"
    elif path != STDIN and os.path.splitext(path)[1].lower() in FRONT_ENDS:
        parse_as = path
    else:
        parse_as = "<text>.txt"
    result = audit_bytes(parse_as, text.encode("utf-8"), settings, extract=extract, keep_source=keep_source)
    result.path = path
    return _shown(result, settings)


def check_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    config: str | os.PathLike[str] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    profile: str | None = None,
    fail_on: str | None = None,
    min_severity: str | None = None,
    extract: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,  # the command line's default (--max-bytes)
) -> list[FileResult]:
    """Audit files and folders (a folder: the articles in it, as `article-audit check`
    finds them), in the command line's order; a file that cannot be read or audited gets a
    result with status "error". Each file gets its folder's config unless `config` names
    one. Raises ConfigError for a config that does not load."""
    settings_for = _settings_per_file(config, select, ignore, profile, fail_on, min_severity)
    results = []
    for path, problem in discover([os.fspath(p) for p in paths], None, settings_for.excludes):
        if problem:
            results.append(FileResult(path, "error", problem))
            continue
        settings = settings_for(path)
        try:
            data = read_input(path, max_bytes=max_bytes)
        except InputError as exc:
            results.append(FileResult(path, "error", str(exc)))
            continue
        results.append(_shown(audit_bytes(path, data, settings, extract=extract), settings))
    return results


def rules_registry() -> Mapping[str, type[Rule]]:
    """The rules, by id (the registry's entry points)."""
    from audit.engine.registry import registry

    return registry()


def _settings_per_file(config, select, ignore, profile, fail_on, min_severity) -> PerFolderSettings:
    return PerFolderSettings(
        rules_registry(),
        config=Path(config) if config is not None else None,
        select=tuple(select) if select is not None else None,
        ignore=tuple(ignore),
        fail_on=fail_on,
        min_severity=min_severity,
        profile=profile,
    )


def _shown(result: FileResult, settings: Settings) -> FileResult:
    """Without the findings below the settings' `min_severity`, as the command line shows them."""
    if settings.min_severity != "info":
        floor = Severity.parse(settings.min_severity)
        result.findings = [f for f in result.findings if f.severity >= floor]
    return result
