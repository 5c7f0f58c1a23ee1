"""The audit of one input: decode, build its document, run the enabled rules, gate the result.

An input that cannot be audited becomes a result with status "error", never an exception.
Positions are located once, here, through the document's line index.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from audit.document import suppressions
from audit.document.model import Document
from audit.engine.fingerprints import excerpt, fingerprint
from audit.engine.settings import Settings
from audit.engine.unaudited import unaudited
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


_ids_of: dict[int, tuple[Settings, frozenset[str]]] = {}


def _reported_ids(settings: Settings) -> frozenset[str]:
    """The rule ids the run's rules report under, worked out once per Settings object."""
    known = _ids_of.get(id(settings))
    if known is None or known[0] is not settings:
        known = _ids_of[id(settings)] = (
            settings,
            frozenset(i for rs in settings.rules for i in rs.rule.reported_ids()),
        )
    return known[1]


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
    doc.rule_ids = _reported_ids(settings)  # what a suppression comment may name
    # The rules measure English: the language-bound ones skip the blocks in another
    # language (docs/bad-input.md), and an article with no block left is not audited.
    bound = [rs.rule.id for rs in settings.rules if type(rs.rule).language_bound]
    blocks = [detection.profile(words, lowered) for words, lowered in doc.block_words()]
    article = detection.combined(blocks)  # each word profiled once, the article its blocks' sum
    skipped = detection.blocks_to_skip(article, blocks) if bound else []
    if skipped and len(skipped) == len(doc.blocks):
        return FileResult(doc.path, "error", _not_english(article), title=doc.title, config=settings.config)
    english = doc
    if skipped:
        english = doc.only_blocks(sorted(set(range(len(doc.blocks))) - set(skipped)))
        doc.warnings.append(_blocks_skipped(doc, skipped, bound))
    elif article.words >= detection.MIN_WORDS and detection.verdict(article) is None:
        doc.warnings.append(
            f"language: few common English words ({article.share:.0%}) and no other language recognised "
            "(a list of names, a table?): audited as English"
        )
    metrics: dict[str, Any] = {"language_detected": detection.ENGLISH}
    # What a web page's extraction audited and left out (docs/markup.md): the counts of its front end.
    metrics.update({k: doc.metadata[k] for k in EXTRACTION_COUNTS if k in doc.metadata})
    located: list[LocatedFinding] = []
    for rs in settings.rules:
        seen = english if type(rs.rule).language_bound else doc
        metrics.update(rs.rule.measure(seen, rs.options))
        default = type(rs.rule).severity
        for finding in only_prose_fixes(doc, rs.rule.check(seen, rs.options)):
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


def _not_english(article: detection.Profile) -> str:
    return (
        f"not audited: the text is not in English ({article.share:.0%} of its words are common English words"
        f"{'' if article.latin * 2 < article.letters else f', {article.foreign_share:.0%} those of another language'}"
        "); article-audit audits English prose (exclude the file, or translate it)"
    )


def _blocks_skipped(doc: Document, skipped: list[int], bound: list[str]) -> str:
    lines = [str(doc.lines.position(doc.blocks[i].start)[0]) for i in skipped[:10]]
    more = f" and {len(skipped) - 10} more" if len(skipped) > 10 else ""
    return (
        f"language: {len(skipped)} block{'s' if len(skipped) != 1 else ''} in another language "
        f"(line{'s' if len(skipped) != 1 else ''} {', '.join(lines)}{more}) skipped by the rules that audit English: {', '.join(bound)}"
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
    path: str,
    data: bytes,
    settings: Settings,
    *,
    keep_source: bool = False,
    extract: bool = True,
    run_vocabulary: frozenset[str] = frozenset(),
) -> FileResult:
    """Decode, parse and audit one input; an input that cannot be audited becomes an error result.

    `extract=False` audits all the text of a web page, not only its main content.
    `run_vocabulary`: words the run's other articles use too (`audit.batch.run_vocabulary`)."""
    with _no_cycle_search():
        return _audit_bytes(path, data, settings, keep_source, extract, run_vocabulary)


_auditing = 0  # audits running now, in any thread (the language server, serve)
_auditing_lock = threading.Lock()


@contextmanager
def _no_cycle_search():
    """Python's cycle collector off while inputs are audited: the document is a few
    objects per word, none in a cycle, and each collection of the oldest objects walks
    them all, which made a long article's audit grow faster than its size (4 MB of
    prose: a fifth of the time). What cycles an audit leaves are collected after it.
    The collector is process-wide: the first audit to start turns it off (if it was on)
    and the last to end turns it on again, whatever threads they run in."""
    global _auditing, _was_enabled
    with _auditing_lock:
        if _auditing == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _auditing += 1
    try:
        yield
    finally:
        with _auditing_lock:
            _auditing -= 1
            if _auditing == 0 and _was_enabled:
                gc.enable()


_was_enabled = True


def _audit_bytes(
    path: str, data: bytes, settings: Settings, keep_source: bool, extract: bool, run_vocabulary: frozenset[str]
) -> FileResult:
    try:
        source = decode(data)
        doc = parse("<stdin>.txt" if path == STDIN else path, source, extract=extract)
        if not doc.words:
            raise InputError(_no_prose(source))
    except InputError as exc:
        return FileResult(path, "error", str(exc))
    except RecursionError:
        return FileResult(path, "error", "markup nested too deeply to audit")
    doc.run_vocabulary = run_vocabulary
    result = audit_document(doc, settings)
    result.path = path
    if keep_source:
        result.source = source
        result.fail_on = settings.fail_on
        result.unaudited = [
            dict(zip(("line", "column", "end_line", "end_column"), doc.lines.span(a, b))) for a, b in unaudited(doc)
        ]
    return result


def _no_prose(source: str) -> str:
    if not source:
        return "no prose to audit: the file is empty"
    if not source.strip():
        return "no prose to audit: the file holds only white space"
    return "no prose to audit: no words found (markup, code and page furniture are not prose)"
