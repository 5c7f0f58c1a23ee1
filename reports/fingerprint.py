"""Fingerprints of findings that are unique in a whole report, for CI systems that track
findings across runs (GitLab Code Quality, SARIF partialFingerprints).

The engine fingerprints each finding within its file (rule, flagged text, nearby words,
occurrence number; never the line). Here the file path is hashed in. A model without
engine fingerprints falls back to rule, path, excerpt and occurrence index.
"""

from __future__ import annotations

import hashlib


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def fingerprints(path: str, findings: list[dict]) -> list[str]:
    seen: dict[tuple[str, str], int] = {}
    out = []
    for f in findings:
        if f.get("fingerprint"):
            out.append(_digest(f["rule"], path, f["fingerprint"]))
            continue
        key = (f["rule"], " ".join((f.get("excerpt") or "").split()))
        index = seen.get(key, 0)
        seen[key] = index + 1
        out.append(_digest(f["rule"], path, key[1], str(index)))
    return out
