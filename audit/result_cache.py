"""A cache of per-article results, keyed by content, settings and tool version.

Entries are JSON files under the user cache folder, written atomically (write then
rename), so concurrent runs and a run killed mid-way never leave a half-written
entry; an entry that cannot be read or parsed is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from audit import __version__
from audit.cache import cache_dir, write_atomic
from audit.config import Settings


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Changes whenever the installed code or word lists change (size and mtime of each file)."""
    import audit
    import audit.reports
    import audit.rules

    digest = hashlib.sha256(__version__.encode())
    for package in (audit, audit.rules, audit.reports):
        for root in package.__path__:
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
    if any(rs.rule.id == "grammar" for rs in settings.rules):
        # Whether LanguageTool is on, and how it is set up (not a local server's random port).
        parts.append(f"languagetool={settings.languagetool!r}")
        parts.append(f"languagetool-url={os.environ.get('ARTICLE_AUDIT_LANGUAGETOOL_URL', '')}")
        parts.append(f"languagetool-found={_languagetool_found(settings)}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _languagetool_found(settings: Settings) -> bool:
    from audit import languagetool

    try:
        return languagetool.resolve(settings.languagetool).url is not None
    except Exception:  # resolving is best effort here; the rule reports real failures
        return False


class ResultCache:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = (folder or cache_dir()) / "results"

    def key(self, path: str, data: bytes, settings_digest: str, flags: str = "") -> str:
        """`settings_digest` is settings_fingerprint() of the settings the article is audited with."""
        digest = hashlib.sha256()
        for part in (code_fingerprint(), settings_digest, os.path.splitext(path)[1].lower(), flags):
            digest.update(part.encode() + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            entry = json.loads(self._file(key).read_bytes())
        except (OSError, ValueError):
            return None
        return entry if isinstance(entry, dict) and entry.get("status") in ("passed", "failed") else None

    def put(self, key: str, result: dict[str, Any]) -> None:
        try:
            write_atomic(self._file(key), json.dumps(result, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # an unwritable cache only costs time
