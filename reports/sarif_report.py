"""SARIF 2.1.0: for code-scanning views (GitHub code scanning, Azure DevOps, IDE viewers).

One run; the driver lists each rule of the run with its summary, description and help
(the rule's documentation, passed in the report's `rules` section). Results carry exact
regions (1-based lines and columns, end column exclusive, columns in Unicode code
points), the excerpt as snippet, a line-independent fingerprint and, where a rule
offers one, the fix. Inputs that could not be audited are tool notifications, and so
is a run that stopped early (a partial report: `executionSuccessful` is false).
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from audit.reports.fingerprint import fingerprints
from audit.reports.summary import configurations

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_WINDOWS = re.compile(r"^[A-Za-z]:[\\/]")
# A byte of a file name that is not UTF-8, as reports show it ("caf\\xe9.txt").
_RAW_BYTE = re.compile(r"\\x([0-9a-f]{2})")


def artifact_location(path: str) -> dict:
    """A file path as a SARIF artifact location: relative paths stay relative to the source root."""
    posix = path.replace("\\", "/")
    if posix.startswith("/"):
        return {"uri": "file://" + _quote(path, "/")}
    if _WINDOWS.match(path):
        return {"uri": "file:///" + _quote(path, "/:")}
    while posix.startswith("./"):
        posix, path = posix[2:], path[2:]
    return {"uri": _quote(path, "/"), "uriBaseId": "%SRCROOT%"}


def _quote(path: str, safe: str) -> str:
    """`path` percent-encoded for a URI, "\\" as "/"; an escaped byte of a name that is not
    UTF-8 (`\\xe9`) is that byte itself (`%E9`), which is how a URI holds it."""
    parts = _RAW_BYTE.split(path)
    return "".join(
        "%" + part.upper() if n % 2 else quote(part.replace("\\", "/"), safe=safe) for n, part in enumerate(parts)
    )


def _descriptor(rule_id: str, meta: dict | None) -> dict:
    meta = meta or {}
    summary = meta.get("summary") or rule_id
    out: dict = {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", rule_id) if part),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": meta.get("description") or summary},
    }
    if meta.get("help"):
        out["help"] = {"text": meta["help"]}
    if meta.get("severity") in LEVEL:
        out["defaultConfiguration"] = {"level": LEVEL[meta["severity"]]}
    tags = ["readability"] + [f"WCAG {c}" for c in meta.get("wcag") or ()]
    if meta.get("wcag"):
        tags.insert(1, "accessibility")
    out["properties"] = {"tags": tags}
    return out


def _result(f: dict, index: int, location: dict, print_: str) -> dict:
    message = f["message"] + (f" Suggestion: {f['suggestion']}" if f.get("suggestion") else "")
    region = {
        "startLine": f["line"],
        "startColumn": f["column"],
        "endLine": f["end_line"],
        "endColumn": f["end_column"],
    }
    if f.get("excerpt"):
        region["snippet"] = {"text": f["excerpt"]}
    out: dict = {
        "ruleId": f["rule"],
        "ruleIndex": index,
        "level": LEVEL.get(f["severity"], "note"),
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        "partialFingerprints": {"articleAuditFinding/v1": print_},
    }
    fix = f.get("fix")
    if fix:
        out["fixes"] = [
            {
                "description": {"text": f"Replace with “{fix['replacement']}”" if fix["replacement"] else "Delete"},
                "artifactChanges": [
                    {
                        "artifactLocation": location,
                        "replacements": [
                            {
                                "deletedRegion": {"charOffset": fix["start"], "charLength": fix["end"] - fix["start"]},
                                "insertedContent": {"text": fix["replacement"]},
                            }
                        ],
                    }
                ],
            }
        ]
    return out


def render(report: dict, *, color: bool = False, **options) -> str:
    files = report.get("files", [])
    meta = report.get("rules") or {}
    ids = sorted(set(meta) | {f["rule"] for r in files for f in r.get("findings") or ()})
    index = {rid: n for n, rid in enumerate(ids)}
    results, notifications = [], []
    for r in files:
        location = artifact_location(r["path"])
        if r["status"] == "error":
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"Could not audit {r['path']}: {r.get('error')}"},
                    "locations": [{"physicalLocation": {"artifactLocation": location}}],
                }
            )
            continue
        findings = r.get("findings") or []
        for f, print_ in zip(findings, fingerprints(r["path"], findings)):
            results.append(_result(f, index[f["rule"]], location, print_))
    if report.get("complete") is False:  # the run stopped: code scanning must not read it as clean
        notifications.append(
            {
                "level": "error",
                "descriptor": {"id": "partial-report"},
                "message": {
                    "text": f"Partial report: {report.get('partial_reason') or 'the run stopped'}; "
                    "the articles not listed were not audited."
                },
            }
        )
    tool = report.get("tool", {})
    driver = {"name": tool.get("name", "article-audit"), "rules": [_descriptor(rid, meta.get(rid)) for rid in ids]}
    if tool.get("version"):
        driver["version"] = driver["semanticVersion"] = tool["version"]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [
                    {
                        "executionSuccessful": not notifications,
                        "toolExecutionNotifications": notifications,
                        # The config files that applied (path, null for the built-in defaults),
                        # each with its number of articles.
                        "properties": {
                            "configurations": [{"path": path, "articles": n} for path, n in configurations(report)]
                        },
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
