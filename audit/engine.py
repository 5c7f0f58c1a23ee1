"""The engine: read a file, build its document, run the enabled rules, gate the result.

One unreadable file never stops a batch: it becomes a result with status "error".
Positions are located once, here, through the document's line index.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Iterator

from audit import __version__
from audit.document import Document
from audit import suppressions
from audit.findings import Finding, LocatedFinding, Location, Severity, SEVERITY_NAMES
from audit.config import Settings
from audit.frontends import FRONT_ENDS, InputError, decode, parse

STDIN = "-"


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

    def to_dict(self) -> dict[str, Any]:
        result = {
            "path": self.path,
            "status": self.status,
            "error": self.error,
            "title": self.title,
            "metrics": self.metrics,
            "findings": [finding_dict(f) for f in self.findings],
            "warnings": self.warnings,
        }
        if self.source is not None:
            result["source"] = self.source
        return result


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
        "fix": None if f.fix is None else {
            "start": f.fix.start, "end": f.fix.end, "replacement": f.fix.replacement, "safe": f.fix.safe,
        },
        "fingerprint": located.fingerprint,
    }
    if f.metric:
        result["metric"] = f.metric
    return result


_CONTEXT_WORDS = 3
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def fingerprint(rule: str, source: str, start: int, end: int) -> str:
    """Identifies a finding across edits elsewhere in the file: the rule, the flagged text
    and a few words either side, never the line number."""
    # Context stops at a blank line, so moving whole paragraphs keeps every fingerprint.
    before = _PARAGRAPH_BREAK.split(source[max(0, start - 80) : start])[-1].split()[-_CONTEXT_WORDS:]
    after = _PARAGRAPH_BREAK.split(source[end : end + 80])[0].split()[:_CONTEXT_WORDS]
    key = "\0".join((rule, _norm(source[start:end]), _norm(" ".join(before)), _norm(" ".join(after))))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def excerpt(source: str, start: int, end: int) -> str:
    """The source text of a span; a span over several lines is folded onto one line."""
    text = source[start:end]
    if "\n" in text or "\r" in text:
        text = " ".join(text.split())
    return text


def locate(doc: Document, finding) -> LocatedFinding:
    start = max(0, min(finding.start, len(doc.source)))
    end = max(start, min(finding.end, len(doc.source)))
    line, col = doc.position(start)
    end_line, end_col = doc.position(end)
    return LocatedFinding(replace(finding, start=start, end=end), Location(line, col, end_line, end_col),
                          excerpt(doc.source, start, end), fingerprint(finding.rule, doc.source, start, end))


def gate(findings: Iterable[LocatedFinding], fail_on: str) -> str:
    if fail_on == "never":
        return "passed"
    threshold = Severity.parse(fail_on)
    return "failed" if any(f.severity >= threshold for f in findings) else "passed"


def audit_document(doc: Document, settings: Settings) -> FileResult:
    doc.language = settings.language
    metrics: dict[str, Any] = {}
    located: list[LocatedFinding] = []
    for rs in settings.rules:
        metrics.update(rs.rule.measure(doc, rs.options))
        default = type(rs.rule).severity
        for finding in rs.rule.check(doc, rs.options):
            if finding.severity == default and rs.severity != default:
                finding = replace(finding, severity=rs.severity)
            located.append(locate(doc, finding))
    located = _apply_suppressions(doc, located, settings)
    located.sort(key=LocatedFinding.sort_key)
    _number_repeats(located)
    return FileResult(doc.path, gate(located, settings.fail_on), None, metrics, located, doc.title)


def _apply_suppressions(doc: Document, located: list[LocatedFinding], settings: Settings) -> list[LocatedFinding]:
    directives = suppressions.of(doc)
    if not directives:
        return located
    scopes = suppressions.scopes(directives, doc.position, doc.source)
    kept = [f for f in located if f.rule == "suppression"
            or not suppressions.silenced(f.rule, f.location.line, f.location.end_line, scopes)]
    if settings.report_unused_suppressions:
        for d in directives:
            if d.kind != "enable" and not d.used:
                kept.append(locate(doc, Finding("suppression", Severity.INFO,
                                                "Suppression silences nothing; remove it.", d.start, d.end)))
    return kept


def _number_repeats(located: list[LocatedFinding]) -> None:
    """Identical fingerprints in one file get an occurrence number, in source order."""
    seen: dict[str, int] = {}
    for i, item in enumerate(located):
        n = seen.get(item.fingerprint, 0)
        seen[item.fingerprint] = n + 1
        if n:
            located[i] = replace(item, fingerprint=f"{item.fingerprint}-{n}")


def read_input(path: str, *, max_bytes: int | None = None) -> bytes:
    """The bytes of an input, or InputError with a plain reason."""
    p = Path(path)
    if p.is_dir():
        raise InputError("is a folder")
    if not p.exists():
        raise InputError("no such file" if not p.is_symlink() else "broken symbolic link")
    try:
        size = p.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(f"too large to audit ({size:,} bytes; the limit is {max_bytes:,}, "
                             "set with --max-bytes)")
        with open(p, "rb") as handle:
            return handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None


def audit_bytes(path: str, data: bytes, settings: Settings, *, keep_source: bool = False) -> FileResult:
    """Decode, parse and audit one input; an input that cannot be audited becomes an error result."""
    try:
        source = decode(data)
        doc = parse("<stdin>.txt" if path == STDIN else path, source)
        if not doc.words:
            raise InputError("no prose to audit (the file is empty or has no words)")
    except InputError as exc:
        return FileResult(path, "error", str(exc))
    result = audit_document(doc, settings)
    result.path = path
    if keep_source:
        result.source = source
    return result


def audit_path(path: str, settings: Settings, *, keep_source: bool = False,
               max_bytes: int | None = None) -> FileResult:
    try:
        data = read_input(path, max_bytes=max_bytes)
    except InputError as exc:
        return FileResult(path, "error", str(exc))
    return audit_bytes(path, data, settings, keep_source=keep_source)


def discover(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """Expand folders into audited files, sorted; yield (path, problem or None).

    A file named explicitly is audited whatever its type would be in a folder scan,
    but an unsupported type is a problem, never silently skipped.
    """
    for raw in paths:
        if raw == STDIN:
            yield raw, None
            continue
        p = Path(raw)
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if Path(name).suffix.lower() in FRONT_ENDS and not name.startswith("."):
                        found.append(os.path.join(root, name))
            yield from ((f, None) for f in sorted(found))
        elif p.exists() and p.suffix.lower() not in FRONT_ENDS:
            yield raw, (f"unsupported file type {p.suffix or '(none)'!r}; audited types: "
                        + ", ".join(sorted(FRONT_ENDS)))
        else:
            yield raw, None


@dataclass
class RunResult:
    """A batch: one result dict per input (FileResult.to_dict() shape), in input order."""

    files: list[dict[str, Any]]
    # rule id -> {"summary", "severity", "wcag", "description", "help"}: what report writers
    # show about the rules of the run (SARIF rule metadata, legends); writers never import rules.
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        counts = {name: 0 for name in SEVERITY_NAMES}
        for r in self.files:
            for f in r["findings"]:
                counts[f["severity"]] += 1
        return {
            "files": len(self.files),
            "passed": sum(r["status"] == "passed" for r in self.files),
            "failed": sum(r["status"] == "failed" for r in self.files),
            "errors": sum(r["status"] == "error" for r in self.files),
            "findings": counts,
        }

    @property
    def exit_code(self) -> int:
        """0 all passed; 1 an article failed the gate; 2 an input could not be audited."""
        if any(r["status"] == "error" for r in self.files):
            return 2
        if any(r["status"] == "failed" for r in self.files):
            return 1
        return 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tool": {"name": "article-audit", "version": __version__},
            "summary": self.summary(),
            "rules": self.rules,
            "files": self.files,
        }
