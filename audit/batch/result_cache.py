"""A cache of per-article results, keyed by content, settings and tool version.

Entries are JSON files under the user cache folder, written atomically (write then
rename), so concurrent runs and a run killed mid-way never leave a half-written
entry; an entry that cannot be read or parsed is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from functools import lru_cache
from json.decoder import scanstring
from pathlib import Path
from typing import Any

from audit import __version__
from audit.engine.settings import Settings
from audit.results.findings import SEVERITY_NAMES
from audit.results.model import encode_file
from audit.storage.cache import cache_dir, write_atomic


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Changes whenever the installed code or word lists change (size and mtime of each file)."""
    digest = hashlib.sha256(__version__.encode())
    # The folders of the packages, found without importing the rules and reports here.
    for name in ("audit", "audit.rules", "audit.reports"):
        for root in importlib.util.find_spec(name).submodule_search_locations:
            for folder, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__")
                for name in sorted(files):
                    if name.endswith((".pyc", ".tmp")):
                        continue
                    stat = os.stat(os.path.join(folder, name))
                    digest.update(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


_fingerprints: dict[int, tuple[Settings, str]] = {}


def settings_fingerprint(settings: Settings) -> str:
    """A digest of everything in the settings that changes results (memoised per object)."""
    known = _fingerprints.get(id(settings))
    if known is not None and known[0] is settings:
        return known[1]
    digest = _settings_digest(settings)
    _fingerprints[id(settings)] = (settings, digest)
    return digest


def _settings_digest(settings: Settings) -> str:
    parts = [settings.fail_on, settings.language]
    for rs in settings.rules:
        options = sorted((k, repr(v)) for k, v in rs.options.items())
        parts.append(f"{rs.rule.id}|{rs.severity.label}|{options}")
    parts += filter(None, (rs.rule.environment(settings) for rs in settings.rules))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class CachedResult(dict):
    """A result with its line in the JSON report (`line`), ready to be written as it is.
    A cached result is stored as that line, so a re-run writes it without encoding it
    again. A caller that changes the result must encode it anew instead."""

    line: str | None = None


_HEAD = '{"path": "'


def _line_for(text: str, path: str) -> str | None:
    """A stored report line, with the path it is audited under now (the same content may
    have been stored under another name); None if it is not a line `put` wrote."""
    if not text.startswith(_HEAD) or '"source": ' in text:  # reports leave the source out
        return None
    _, end = scanstring(text, len(_HEAD))
    return '{"path": ' + encode_file(path) + text[end:]


def _summary(text: str, path: str) -> CachedResult | None:
    """Status, severities and report line of a stored result, or None if it is not
    one written by `put` (then it is decoded whole and checked)."""
    line = _line_for(text, path)
    if line is None:
        return None
    # Inside a JSON string a quote is escaped, so these are the result's own keys.
    at = text.find(', "status": "')
    for status in ("passed", "failed"):
        if text.startswith(f', "status": "{status}", "error": null', at):
            break
    else:
        return None
    findings = [{"severity": s} for s in SEVERITY_NAMES for _ in range(text.count(f'"severity": "{s}"'))]
    result = CachedResult(path=path, status=status, error=None, findings=findings, warnings=[])
    result.line = line
    return result


def summarize(result: dict[str, Any]) -> CachedResult:
    """A result as `run(summary_only=True)` hands it over: its report line, and what a
    tally and the error messages need. Lighter to send from a worker than the whole."""
    summary = CachedResult(
        path=result["path"],
        status=result["status"],
        error=result["error"],
        findings=[{"severity": f["severity"]} for f in result["findings"]],
        warnings=result["warnings"],
    )
    summary.line = encode_file(result)
    return summary


class ResultCache:
    @classmethod
    def shared(cls) -> ResultCache:
        """The cache in the user's cache folder, made once per process and folder."""
        return _shared(
            os.environ.get("ARTICLE_AUDIT_CACHE_DIR"), os.environ.get("XDG_CACHE_HOME"), os.environ.get("HOME")
        )

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = (folder or cache_dir()) / "results"
        self._folder = str(self.folder)

    def key(self, path: str, data: bytes, settings_digest: str, flags: str = "") -> str:
        """`settings_digest` is settings_fingerprint() of the settings the article is audited with."""
        digest = hashlib.sha256()
        for part in (code_fingerprint(), settings_digest, os.path.splitext(path)[1].lower(), flags):
            digest.update(part.encode() + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, path: str, *, summary_only: bool = False) -> CachedResult | None:
        """The result stored under `key`, as audited at `path` (the same content may
        have been audited under another name).

        With `summary_only`, for a caller that writes `line` and counts: the result
        holds only its status and its findings' severities, read without decoding the
        whole entry (decoding is most of a re-run's time)."""
        try:
            # Strings, not Paths: a re-run reads thousands of these and does little else.
            with open(os.path.join(self._folder, key[:2], key + ".json"), "rb") as handle:
                text = handle.read().decode("utf-8")
            if summary_only:
                summary = _summary(text, path)
                if summary is not None:
                    return summary
            entry = json.loads(text)
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("status") not in ("passed", "failed"):
            return None
        result = CachedResult(entry)
        result.line = _line_for(text, path)
        result["path"] = path
        return result

    def put(self, key: str, result: dict[str, Any]) -> None:
        try:
            write_atomic(self._file(key), encode_file(result).encode("utf-8"))
        except OSError:
            pass  # an unwritable cache only costs time


@lru_cache(maxsize=4)
def _shared(*environment: str | None) -> ResultCache:
    return ResultCache()  # cache_dir() reads the same variables: they are the key
