"""SARIF 2.1.0: for code-scanning views (GitHub code scanning, Azure DevOps, IDE viewers).

One run; the driver lists each rule of the run with its summary, description, help (text
and Markdown, from the rule's documentation in the report's `rules` section) and helpUri.
Results carry exact regions (1-based lines and columns, end column exclusive, columns in
Unicode code points), the excerpt as snippet, a line-independent fingerprint and, where a
rule offers one, the fix. Inputs that could not be audited are tool notifications, and so
is a run that stopped early (a partial report: `executionSuccessful` is false).

At most `max_results` results (default 5,000, what GitHub shows of a run; it refuses
runs over 25,000): errors first, then warnings, then notes, each in report order; what
was left out is a notification, never silent.

Fingerprints: GitHub's alert identity is the repository, the path, the rule and
`primaryLocationLineHash`. Computed by upload-sarif, that hash is one per *line*, and an
article's paragraph is one line, so every finding of a rule in a paragraph would merge
into one alert. The result carries the finding's own line-independent fingerprint there
instead (the rule, the flagged text, its neighbouring words and occurrence number), which
also follows a finding when lines above it move (upload-sarif logs that it differs from
its own line hash, and keeps it).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from urllib.parse import quote

from audit.reports.fingerprint import fingerprints
from audit.reports.project_paths import project_path
from audit.reports.summary import configurations

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
MAX_RESULTS = 5_000  # GitHub code scanning shows at most 5,000 results of a run
_RANK = {"error": 0, "warning": 1, "info": 2}
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
        out["help"] = {"text": meta["help"], "markdown": help_markdown(meta["help"])}
    if meta.get("help_uri"):
        out["helpUri"] = meta["help_uri"]
    if meta.get("severity") in LEVEL:
        out["defaultConfiguration"] = {"level": LEVEL[meta["severity"]]}
    tags = ["readability"] + [f"WCAG {c}" for c in meta.get("wcag") or ()]
    if meta.get("wcag"):
        tags.insert(1, "accessibility")
    out["properties"] = {"tags": tags}
    return out


def help_markdown(text: str) -> str:
    """A rule's help text (paragraphs; "Why:", "Bad:", "Good:" sections) as Markdown."""
    out = []
    for block in text.split("\n\n"):
        head, _, rest = block.partition(":\n")
        if rest and head in ("Why", "Bad", "Good"):
            out.append(f"**{head}:** {rest}" if head == "Why" else f"**{head}:**\n\n> {rest.replace(chr(10), ' ')}")
        else:
            out.append(block)
    return "\n\n".join(out)


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
        "partialFingerprints": {"articleAuditFinding/v1": print_, "primaryLocationLineHash": print_},
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


def left_out(levels: dict[str, int], max_results: int) -> dict[str, int]:
    """How many results of each level a cap of `max_results` leaves out, given how many
    there are of each: the places go to errors first, then warnings, then notes."""
    room, out = max_results, {}
    for level in sorted(levels, key=lambda name: _RANK.get(name, 3)):
        kept = min(levels[level], room)
        room -= kept
        if levels[level] > kept:
            out[level] = levels[level] - kept
    return out


def capped(results: list[dict], max_results: int) -> tuple[list[dict], dict[str, int]]:
    """The `max_results` most important results (see `left_out`), in report order, and
    how many of each level were left out."""
    if len(results) <= max_results:
        return results, {}
    order = sorted(range(len(results)), key=lambda n: (_RANK.get(results[n]["level"], 3), n))
    keep = sorted(order[:max_results])
    return [results[n] for n in keep], left_out(Counter(r["level"] for r in results), max_results)


def dropped_note(dropped: dict[str, int], max_results: int) -> str:
    parts = ", ".join(f"{n} {level}" for level, n in sorted(dropped.items(), key=lambda i: _RANK.get(i[0], 3)))
    return (
        f"{sum(dropped.values())} results left out of the SARIF report ({parts}): it holds at most "
        f"{max_results} (--max-results), errors first; the full list is in the JSON report."
    )


def render(
    report: dict,
    *,
    color: bool = False,
    max_results: int = MAX_RESULTS,
    project_root: str | None = None,
    cwd: str | None = None,
    **options,
) -> str:
    files = report.get("files", [])
    meta = report.get("rules") or {}
    ids = sorted(set(meta) | {f["rule"] for r in files for f in r.get("findings") or ()})
    index = {rid: n for n, rid in enumerate(ids)}
    results, notifications = [], []
    for r in files:
        path = project_path(r["path"], project_root, cwd)
        location = artifact_location(path)
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
        for f, print_ in zip(findings, fingerprints(path, findings)):
            results.append(_result(f, index[f["rule"]], location, print_))
    results, dropped = capped(results, max_results)
    if dropped:
        notifications.append(
            {
                "level": "warning",
                "descriptor": {"id": "results-capped"},
                "message": {"text": dropped_note(dropped, max_results)},
            }
        )
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
    name = tool.get("name", "article-audit")
    driver: dict = {"name": name}
    if tool.get("version"):
        driver["fullName"] = f"{name} {tool['version']}"
        driver["version"] = driver["semanticVersion"] = tool["version"]
    else:
        driver["fullName"] = name
    if tool.get("information_uri"):
        driver["informationUri"] = tool["information_uri"]
    driver["rules"] = [_descriptor(rid, meta.get(rid)) for rid in ids]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                # One category for every run of the tool, so runs on the same branch compare.
                "automationDetails": {"id": f"{name}/"},
                "invocations": [
                    {
                        # A capped report is still a successful run; only errors make it not one.
                        "executionSuccessful": not any(n["level"] == "error" for n in notifications),
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
