"""The result model: what an audit of one article and of a batch gives.

Report writers and the result cache read these dictionaries; nothing here knows rules,
front ends or reports.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from audit.results.exit_codes import ExitCode
from audit.results.findings import SEVERITY_NAMES, LocatedFinding
from audit.results.tool import tool_info


@dataclass
class FileResult:
    path: str
    status: str  # passed | failed | error
    error: str | None = None
    metrics: dict[str, Any] = field(default_factory=dict)
    findings: list[LocatedFinding] = field(default_factory=list)
    title: str = ""
    source: str | None = None  # kept only when a report needs the text (HTML reports)
    warnings: list[str] = field(default_factory=list)
    config: str | None = None  # the config file that applied; None: built-in defaults, or not audited
    # Kept with the source, for the HTML pages: the gate's threshold (the findings that
    # decide it) and the stretches of source the audit did not read (line/column spans).
    fail_on: str | None = None
    unaudited: list[dict[str, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        result = {
            "path": self.path,
            "status": self.status,
            "error": self.error,
            "title": self.title,
            "config": self.config,
            "metrics": self.metrics,
            "findings": [finding_dict(f) for f in self.findings],
            "warnings": self.warnings,
        }
        if self.source is not None:
            result["source"] = self.source
            result["fail_on"] = self.fail_on
            result["unaudited"] = self.unaudited
        return result


# What a result carries for the HTML pages only; every other format leaves it out.
# The key of a result that holds the SHA-256 (hex) of the bytes its audit read (a task
# with `record_digest`): `--fix` writes fixes only onto those bytes.
AUDITED_DIGEST = "audited_sha256"
# What a result carries for this run's pages and fixes only, never shown in a report.
PAGE_KEYS = ("source", "fail_on", "unaudited", AUDITED_DIGEST)


def without_page_keys(result: dict[str, Any]) -> dict[str, Any]:
    """The result as the JSON report and the other formats show it."""
    return {k: v for k, v in result.items() if k not in PAGE_KEYS} if any(k in result for k in PAGE_KEYS) else result


def finding_dict(located: LocatedFinding) -> dict[str, Any]:
    f, loc = located.finding, located.location
    result = {
        "rule": f.rule,
        "severity": f.severity.label,
        "message": f.message,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "excerpt": located.excerpt,
        "suggestion": f.suggestion,
        "fix": None
        if f.fix is None
        else {
            "start": f.fix.start,
            "end": f.fix.end,
            "replacement": f.fix.replacement,
            "safe": f.fix.safe,
        },
        "fingerprint": located.fingerprint,
    }
    if f.metric:
        result["metric"] = f.metric
    return result


@dataclass
class Tally:
    """The running totals of a batch: all a report's summary and the exit code need,
    so results can be streamed to a report instead of held."""

    files: int = 0
    passed: int = 0
    failed: int = 0
    errors: int = 0
    findings: dict[str, int] = field(default_factory=lambda: {name: 0 for name in SEVERITY_NAMES})

    @classmethod
    def of(cls, results: Iterable[dict[str, Any]]) -> Tally:
        tally = cls()
        for result in results:
            tally.add(result)
        return tally

    def add(self, result: dict[str, Any]) -> None:
        self.files += 1
        status = result["status"]
        self.passed += status == "passed"
        self.failed += status == "failed"
        self.errors += status == "error"
        for f in result["findings"]:
            self.findings[f["severity"]] += 1

    def summary(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "passed": self.passed,
            "failed": self.failed,
            "errors": self.errors,
            "findings": dict(self.findings),
        }

    @property
    def exit_code(self) -> ExitCode:
        """0 all passed; 1 an article failed the gate; 2 an input could not be audited."""
        return ExitCode.ERROR if self.errors else ExitCode.FAILED if self.failed else ExitCode.OK


@dataclass
class RunResult:
    """A batch: one result dict per input (FileResult.to_dict() shape), in input order."""

    files: list[dict[str, Any]]
    # rule id -> {"summary", "severity", "wcag", "description", "help"}: what report writers
    # show about the rules of the run (SARIF rule metadata, legends); writers never import rules.
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # about the whole run (LanguageTool unusable)

    def summary(self) -> dict[str, Any]:
        return Tally.of(self.files).summary()

    @property
    def exit_code(self) -> ExitCode:
        """0 all passed; 1 an article failed the gate; 2 an input could not be audited."""
        return Tally.of(self.files).exit_code

    def to_dict(self) -> dict[str, Any]:
        return {
            "tool": tool_info(),
            "summary": self.summary(),
            "rules": self.rules,
            "files": self.files,
            **({"warnings": self.warnings} if self.warnings else {}),
        }


_compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def encode_file(result: dict) -> str:
    """One article's result as its line in the JSON report (compact: the C encoder)."""
    return _compact(result)
