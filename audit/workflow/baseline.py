"""Baselines: record today's findings so that only new ones gate a merge.

A finding is known when its fingerprint (rule, flagged text and a few words either
side, not the line) is in the baseline for the same file. Metric findings (reading
level, passive share) stay known only while the metric is no worse than recorded:
an article may not get harder to read than it was.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from audit import __version__
from audit.results.findings import Severity
from audit.storage.cache import write_atomic

FORMAT_VERSION = 1
DEFAULT_PATH = ".article-audit-baseline.json"
_TOLERANCE = 0.05  # metric noise well below any rounding a reader would notice


class BaselineError(Exception):
    pass


def key(path: str, root: Path) -> str:
    """A file's name in the baseline: relative to the baseline's folder, with forward slashes."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()


def record(files: list[dict[str, Any]], root: Path, previous: dict[str, Any] | None = None) -> dict[str, Any]:
    """A baseline of these results; with `previous`, keep only what is still there (an update)."""
    entries = {}
    for result in files:
        if result["status"] == "error":
            continue
        fingerprints = sorted(f["fingerprint"] for f in result["findings"])
        metrics = {f["metric"]: result["metrics"].get(f["metric"]) for f in result["findings"] if f.get("metric")}
        if previous is not None:
            old = previous["files"].get(key(result["path"], root), {"findings": [], "metrics": {}})
            fingerprints = [fp for fp in fingerprints if fp in set(old["findings"])]
            metrics = {
                m: min(v, old["metrics"][m]) for m, v in metrics.items() if m in old["metrics"] and v is not None
            }
        if fingerprints or metrics:
            entries[key(result["path"], root)] = {"findings": fingerprints, "metrics": metrics}
    return {
        "tool": {"name": "article-audit", "version": __version__},
        "format": FORMAT_VERSION,
        "files": dict(sorted(entries.items())),
    }


def save(baseline: dict[str, Any], path: Path) -> None:
    """Write the baseline whole, or raise BaselineError and leave the old file as it was."""
    try:
        write_atomic(path, (json.dumps(baseline, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    except OSError as exc:  # a full disk, a read-only folder: written to a temporary file first
        raise BaselineError(
            f"could not write the baseline {path}: {exc.strerror or exc}"
            + (" (the old baseline is kept)" if path.exists() else "")
        ) from None


def load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline; create it with 'article-audit baseline'") from None
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path}: not a readable baseline ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION or not isinstance(data.get("files"), dict):
        raise BaselineError(f"{path}: not an article-audit baseline (format {FORMAT_VERSION})")
    return data


def new_findings(result: dict[str, Any], baseline: dict[str, Any], root: Path) -> list[dict[str, Any]]:
    """The findings of one result that the baseline does not know (`root`: the baseline's folder)."""
    entry = baseline["files"].get(key(result["path"], root))
    if entry is None:
        return list(result["findings"])
    known = set(entry["findings"])
    fresh = []
    for f in result["findings"]:
        metric = f.get("metric")
        if metric:
            old = entry["metrics"].get(metric)
            now = result["metrics"].get(metric)
            if old is not None and now is not None and now <= old + _TOLERANCE:
                continue
            if old is not None and now is not None:
                f = {**f, "message": f"{f['message']} (baseline: {old:g}, now {now:g})"}
            fresh.append(f)
        elif f["fingerprint"] not in known:
            fresh.append(f)
    return fresh


def regate(result: dict[str, Any], fail_on: str) -> str:
    """Status of a result from its (remaining) findings."""
    if result["status"] == "error":
        return "error"
    if fail_on == "never":
        return "passed"
    threshold = Severity.parse(fail_on)
    return "failed" if any(Severity.parse(f["severity"]) >= threshold for f in result["findings"]) else "passed"
