"""A cache of per-article results, keyed by content, settings and tool version.

Entries are JSON files under the user cache folder, written atomically (write then
rename), so concurrent runs and a run killed mid-way never leave a half-written
entry. Each ends with a CRC-32 of the result it holds: an entry cut short or changed
on disk (a full disk, a bad copy, an edit) fails the check, is ignored and rebuilt,
and is never spliced into a report.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import os
import zlib
from collections.abc import Mapping
from functools import lru_cache
from json.decoder import scanstring
from pathlib import Path
from typing import Any

from audit import __version__
from audit.engine.rule import Rule
from audit.engine.settings import Settings
from audit.results.findings import SEVERITY_NAMES, Severity
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
    """Every field of the settings, whatever fields it gains: a setting left out of the
    key would hand a result audited under other settings back as this one's."""
    parts = [_canonical(settings)]
    # What else a rule's findings depend on (a backend's address), as the rule says.
    parts += filter(None, (rs.rule.environment(settings) for rs in settings.rules))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _canonical(value: Any) -> str:
    """A text that differs whenever the value does: dataclasses field by field, mappings
    sorted, a rule by its id and class (rules keep no state of their own)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ", ".join(f"{f.name}={_canonical(getattr(value, f.name))}" for f in dataclasses.fields(value))
        return f"{type(value).__qualname__}({fields})"
    if isinstance(value, Rule):
        cls = type(value)
        return f"rule {value.id} {cls.__module__}.{cls.__qualname__}"
    if isinstance(value, Severity):
        return value.label
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k!r}: {_canonical(v)}" for k, v in sorted(value.items())) + "}"
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(map(_canonical, value)) + "]"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(map(_canonical, value))) + "}"
    return repr(value)


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
                text = _checked(handle.read()).decode("utf-8")
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
            write_atomic(self._file(key), _with_checksum(encode_file(result).encode("utf-8")))
        except OSError:
            pass  # an unwritable cache only costs time


# An entry is the result's JSON object with one more key, last, so it is still JSON:
# {"path": ..., "warnings": [], "crc32": "89abcdef"}. The CRC is of the object without it.
_CRC_HEAD, _CRC_TAIL = b', "crc32": "', b'"}'
_CRC_SIZE = len(_CRC_HEAD) + 8 + len(_CRC_TAIL)


def _with_checksum(body: bytes) -> bytes:
    return body[:-1] + _CRC_HEAD + b"%08x" % zlib.crc32(body) + _CRC_TAIL


def _checked(stored: bytes) -> bytes:
    """The result's JSON as `put` encoded it, or ValueError if the entry is damaged."""
    tail = len(stored) - _CRC_SIZE
    if tail < 1 or not stored.endswith(_CRC_TAIL) or stored[tail : tail + len(_CRC_HEAD)] != _CRC_HEAD:
        raise ValueError("not a checked cache entry")
    body = stored[:tail] + b"}"
    if zlib.crc32(body) != int(stored[tail + len(_CRC_HEAD) : -len(_CRC_TAIL)], 16):
        raise ValueError("cache entry damaged: its checksum does not match")
    return body


@lru_cache(maxsize=4)
def _shared(*environment: str | None) -> ResultCache:
    return ResultCache()  # cache_dir() reads the same variables: they are the key
