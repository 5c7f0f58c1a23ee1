"""The engine: read a file, build its document, run the enabled rules, gate the result.

One unreadable file never stops a batch: it becomes a result with status "error".
Positions are located once, here, through the document's line index.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from audit import __version__
from audit.document import Document
from audit import language, suppressions
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
    """The text in lower case, each run of white space one space, none at either end."""
    low = text.lower()
    # Printable text holds no white space but " " (tabs, line breaks and the other
    # spaces are not printable): with no double space and none at the ends, nothing to do.
    if low.isprintable() and "  " not in low and low[:1] != " " and low[-1:] != " ":
        return low
    return " ".join(low.split())


def fingerprint(rule: str, source: str, start: int, end: int) -> str:
    """Identifies a finding across edits elsewhere in the file: the rule, the flagged text
    and a few words either side, never the line number."""
    # Context stops at a blank line, so moving whole paragraphs keeps every fingerprint.
    before, after = source[max(0, start - 80) : start], source[end : end + 80]
    if "\n" in before:
        before = _PARAGRAPH_BREAK.split(before)[-1]
    if "\n" in after:
        after = _PARAGRAPH_BREAK.split(after)[0]
    # The last and first words: split off at most as many as are kept (fewer splits).
    key = "\0".join((rule, _norm(source[start:end]), " ".join(before.rsplit(None, _CONTEXT_WORDS)[-_CONTEXT_WORDS:]).lower(),
                     " ".join(after.split(None, _CONTEXT_WORDS)[:_CONTEXT_WORDS]).lower()))
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
    if (start, end) != (finding.start, finding.end):
        finding = finding._replace(start=start, end=end)
    return LocatedFinding(finding, Location(*doc.lines.span(start, end)),
                          excerpt(doc.source, start, end), fingerprint(finding.rule, doc.source, start, end))


def gate(findings: Iterable[LocatedFinding], fail_on: str) -> str:
    if fail_on == "never":
        return "passed"
    threshold = Severity.parse(fail_on)
    return "failed" if any(f.severity >= threshold for f in findings) else "passed"


def audit_document(doc: Document, settings: Settings) -> FileResult:
    doc.language = settings.language
    # For the grammar rule; a rule whose backend fails on this article appends a sentence
    # to doc.memo["warnings"], and the result carries them (the rest of the audit goes on).
    doc.memo["languagetool"] = settings.languagetool
    # The rules measure English: on other languages the language-bound ones are skipped, and said so.
    detected, share = language.detect(doc.texts, doc.lower_words)
    metrics: dict[str, Any] = {"language_detected": detected}
    located: list[LocatedFinding] = []
    skipped = [rs.rule.id for rs in settings.rules if detected != language.ENGLISH and type(rs.rule).language_bound]
    if skipped:
        doc.memo.setdefault("warnings", []).append(
            f"language: the text does not look like English ({share:.0%} of its words are common English "
            f"words); article-audit audits English, so these rules were skipped: {', '.join(skipped)}")
    for rs in settings.rules:
        if rs.rule.id in skipped:
            continue
        metrics.update(rs.rule.measure(doc, rs.options))
        default = type(rs.rule).severity
        for finding in rs.rule.check(doc, rs.options):
            if finding.severity == default and rs.severity != default:
                finding = finding._replace(severity=rs.severity)
            located.append(locate(doc, finding))
    located = _apply_suppressions(doc, located, settings)
    located.sort(key=LocatedFinding.sort_key)
    _number_repeats(located)
    return FileResult(doc.path, gate(located, settings.fail_on), None, metrics, located, doc.title,
                      warnings=list(doc.memo.get("warnings", ())))


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
            located[i] = item._replace(fingerprint=f"{item.fingerprint}-{n}")


# Not blocking: opening a named pipe must not wait for a writer (it is refused below).
# Binary: on Windows, os.open defaults to text mode.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_NOT_REGULAR = "not a regular file (a pipe, socket or device); use - to read standard input"


def read_input(path: str, *, max_bytes: int | None = None) -> bytes:
    """The bytes of an input, or InputError with a plain reason.

    Read with os.open and os.read: a batch reads thousands of small files, and a
    Python file object costs ten times the reading."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise InputError(_open_error(path, exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a folder")
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device could block or never end
            raise InputError(_NOT_REGULAR)
        if max_bytes is not None and info.st_size > max_bytes:
            raise InputError(_too_large(info.st_size, max_bytes))  # decided from the size: nothing is read
        data = _read_to_end(fd, info.st_size, None if max_bytes is None else max_bytes + 1)
        if max_bytes is not None and len(data) > max_bytes:  # the file grew since, or reports no size (/proc)
            raise InputError(_too_large(max(len(data), os.fstat(fd).st_size), max_bytes))
        return data
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)


def _open_error(path: str, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link points back to itself)"
    if isinstance(exc, FileNotFoundError):
        return "broken symbolic link" if os.path.islink(path) else "no such file"
    if exc.errno == errno.ENXIO:  # a socket cannot be opened as a file
        return _NOT_REGULAR
    if isinstance(exc, PermissionError):  # Windows refuses to open a folder so
        return "is a folder" if os.path.isdir(path) else "permission denied"
    return exc.strerror or str(exc)


def _read_to_end(fd: int, size: int, limit: int | None) -> bytes:
    """The file's bytes up to its end, or the first `limit` of them. `size` is what the
    file said it holds: asking for one byte more finds its end in one read."""
    parts, total, want = [], 0, size + 1
    while limit is None or total < limit:
        chunk = os.read(fd, want if limit is None else min(want, limit - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
        want = max(want, 1 << 16)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _too_large(size: int, max_bytes: int) -> str:
    return f"too large to audit ({size:,} bytes; the limit is {max_bytes:,}, set with --max-bytes)"


def audit_bytes(path: str, data: bytes, settings: Settings, *, keep_source: bool = False,
                extract: bool = True) -> FileResult:
    """Decode, parse and audit one input; an input that cannot be audited becomes an error result.

    `extract=False` audits all the text of a web page, not only its main content."""
    try:
        source = decode(data)
        doc = parse("<stdin>.txt" if path == STDIN else path, source, extract=extract)
        if not doc.words:
            raise InputError(_no_prose(source))
    except InputError as exc:
        return FileResult(path, "error", str(exc))
    except RecursionError:
        return FileResult(path, "error", "markup nested too deeply to audit")
    result = audit_document(doc, settings)
    result.path = path
    if keep_source:
        result.source = source
    return result


def _no_prose(source: str) -> str:
    if not source:
        return "no prose to audit: the file is empty"
    if not source.strip():
        return "no prose to audit: the file holds only white space"
    return "no prose to audit: no words found (markup, code and page furniture are not prose)"


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
            found: list[tuple[str, str | None]] = []

            def unreadable(exc: OSError) -> None:  # a folder we cannot list is reported, never skipped
                found.append((exc.filename or raw, f"cannot read this folder: {exc.strerror or exc}"))

            # Links to folders are not followed, so a link loop cannot make the walk endless.
            for root, dirs, files in os.walk(p, onerror=unreadable, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if os.path.splitext(name)[1].lower() in FRONT_ENDS and not name.startswith("."):
                        found.append((os.path.join(root, name), None))
            yield from sorted(found, key=lambda item: item[0])
        elif p.exists() and p.suffix.lower() not in FRONT_ENDS:
            yield raw, (f"unsupported file type {p.suffix or '(none)'!r}; audited types: "
                        + ", ".join(sorted(FRONT_ENDS)))
        else:
            yield raw, None


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
    def of(cls, results: Iterable[dict[str, Any]]) -> "Tally":
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
        return {"files": self.files, "passed": self.passed, "failed": self.failed, "errors": self.errors,
                "findings": dict(self.findings)}

    @property
    def exit_code(self) -> int:
        """0 all passed; 1 an article failed the gate; 2 an input could not be audited."""
        return 2 if self.errors else 1 if self.failed else 0


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
    def exit_code(self) -> int:
        """0 all passed; 1 an article failed the gate; 2 an input could not be audited."""
        return Tally.of(self.files).exit_code

    def to_dict(self) -> dict[str, Any]:
        return {
            "tool": {"name": "article-audit", "version": __version__},
            "summary": self.summary(),
            "rules": self.rules,
            "files": self.files,
            **({"warnings": self.warnings} if self.warnings else {}),
        }
