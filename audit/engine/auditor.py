"""The audit of one input: decode, build its document, run the enabled rules, gate the result.

An input that cannot be audited becomes a result with status "error", never an exception.
Positions are located once, here, through the document's line index.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from audit.document import suppressions
from audit.document.model import Document
from audit.engine.fingerprints import excerpt, fingerprint
from audit.engine.settings import Settings
from audit.frontends import InputError, decode, parse
from audit.language import detection
from audit.results.findings import Finding, LocatedFinding, Location, Severity
from audit.results.model import FileResult

STDIN = "-"
EXTRACTION_COUNTS = ("words_audited", "words_left_out")


def locate(doc: Document, finding) -> LocatedFinding:
    start = max(0, min(finding.start, len(doc.source)))
    end = max(start, min(finding.end, len(doc.source)))
    if (start, end) != (finding.start, finding.end):
        finding = finding._replace(start=start, end=end)
    return LocatedFinding(
        finding,
        Location(*doc.lines.span(start, end)),
        excerpt(doc.source, start, end),
        fingerprint(finding.rule, doc.source, start, end),
    )


def only_prose_fixes(doc: Document, findings: Iterable[Finding]) -> Iterator[Finding]:
    """The findings, each fix kept only where it changes nothing but prose, exactly as
    the rule saw it (`Document.prose_only`: no markup, atom, decoded reference or
    character the front end put in). Any other fix becomes a suggestion: reported,
    never applied by `--fix` or an editor's quick fix. The one place this is decided."""
    for finding in findings:
        fix = finding.fix
        if fix is not None and not doc.prose_only(fix.start, fix.end):
            suggestion = finding.suggestion or fix.replacement or None
            finding = finding._replace(fix=None, suggestion=suggestion)
        yield finding


def gate(findings: Iterable[LocatedFinding], fail_on: str) -> str:
    if fail_on == "never":
        return "passed"
    threshold = Severity.parse(fail_on)
    return "failed" if any(f.severity >= threshold for f in findings) else "passed"


def audit_document(doc: Document, settings: Settings) -> FileResult:
    doc.language = settings.language
    # For the grammar rule; a rule whose backend fails on this article appends a sentence
    # to doc.warnings, and the result carries them (the rest of the audit goes on).
    doc.languagetool = settings.languagetool
    # The rules measure English: on other languages the language-bound ones are skipped, and said so.
    detected, share = detection.detect(doc.texts, doc.lower_words)
    metrics: dict[str, Any] = {"language_detected": detected}
    # What a web page's extraction audited and left out (docs/markup.md): the counts of its front end.
    metrics.update({k: doc.metadata[k] for k in EXTRACTION_COUNTS if k in doc.metadata})
    located: list[LocatedFinding] = []
    skipped = [rs.rule.id for rs in settings.rules if detected != detection.ENGLISH and type(rs.rule).language_bound]
    if skipped:
        doc.warnings.append(
            f"language: the text does not look like English ({share:.0%} of its words are common English "
            f"words); article-audit audits English, so these rules were skipped: {', '.join(skipped)}"
        )
    for rs in settings.rules:
        if rs.rule.id in skipped:
            continue
        metrics.update(rs.rule.measure(doc, rs.options))
        default = type(rs.rule).severity
        for finding in only_prose_fixes(doc, rs.rule.check(doc, rs.options)):
            if finding.severity == default and rs.severity != default:
                finding = finding._replace(severity=rs.severity)
            located.append(locate(doc, finding))
    located = _apply_suppressions(doc, located, settings)
    located.sort(key=LocatedFinding.sort_key)
    _number_repeats(located)
    return FileResult(
        doc.path,
        gate(located, settings.fail_on),
        None,
        metrics,
        located,
        doc.title,
        warnings=list(doc.warnings),
        config=settings.config,
    )


def _apply_suppressions(doc: Document, located: list[LocatedFinding], settings: Settings) -> list[LocatedFinding]:
    directives = suppressions.of(doc)
    if not directives:
        return located
    unsuppressible = {rs.rule.id for rs in settings.rules if not type(rs.rule).suppressible}
    scopes = suppressions.scopes(directives, doc.position, doc.source)
    kept = [
        f
        for f in located
        if f.rule in unsuppressible or not suppressions.silenced(f.rule, f.location.line, f.location.end_line, scopes)
    ]
    if settings.report_unused_suppressions:
        unused = [d for d in directives if d.kind != "enable" and not d.used]
        for rs in settings.rules:
            kept += [locate(doc, f) for f in rs.rule.unused_suppressions(doc, unused, rs.options)]
    return kept


def _number_repeats(located: list[LocatedFinding]) -> None:
    """Identical fingerprints in one file get an occurrence number, in source order."""
    seen: dict[str, int] = {}
    for i, item in enumerate(located):
        n = seen.get(item.fingerprint, 0)
        seen[item.fingerprint] = n + 1
        if n:
            located[i] = item._replace(fingerprint=f"{item.fingerprint}-{n}")


def audit_bytes(
    path: str, data: bytes, settings: Settings, *, keep_source: bool = False, extract: bool = True
) -> FileResult:
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
