"""A result in LSP's shapes: diagnostics, the edits of fixes and suppressions, hovers."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from audit.lsp.positions import Positions
from audit.results.findings import LocatedFinding, Severity
from audit.results.model import FileResult

SOURCE = "article-audit"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
# The rule pages of a source checkout or editable install (docs/rules/<id>.md beside the package).
RULE_DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


def rule_docs_url(rule: str) -> str | None:
    page = RULE_DOCS / f"{rule}.md"
    return page.as_uri() if page.is_file() else None


def diagnostic(index: int, item: LocatedFinding, at: Positions) -> types.Diagnostic:
    f = item.finding
    message = f.message if not f.suggestion or f.suggestion in f.message else f"{f.message} ({f.suggestion})"
    url = rule_docs_url(f.rule)
    return types.Diagnostic(
        range=at.range(f.start, f.end),
        message=message,
        severity=SEVERITIES[f.severity],
        code=f.rule,
        code_description=types.CodeDescription(href=url) if url else None,
        source=SOURCE,
        data={"index": index, "fingerprint": item.fingerprint},  # the finding, for code actions
    )


def diagnostics(result: FileResult, at: Positions) -> list[types.Diagnostic]:
    if result.status == "error":
        return [problem_diagnostic(result.error or "the document cannot be audited")]
    return [diagnostic(i, item, at) for i, item in enumerate(result.findings)]


def problem_diagnostic(message: str, code: str = "audit") -> types.Diagnostic:
    """A problem of the whole document (a config error, nothing to audit), on its first line."""
    return types.Diagnostic(
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=1, character=0)),
        message=message,
        severity=types.DiagnosticSeverity.Error if code == "config" else types.DiagnosticSeverity.Information,
        code=code,
        source=SOURCE,
    )


def fix_edit(item: LocatedFinding, at: Positions) -> types.TextEdit | None:
    fix = item.finding.fix
    if fix is None:
        return None
    return types.TextEdit(range=at.range(fix.start, fix.end), new_text=fix.replacement)


def safe_fix_edits(result: FileResult, at: Positions) -> list[types.TextEdit]:
    """Every safe fix, those that overlap an earlier one left for the next pass."""
    edits, end = [], -1
    for item in sorted(
        result.findings, key=lambda i: (i.finding.fix.start, i.finding.fix.end) if i.finding.fix else (0, 0)
    ):
        fix = item.finding.fix
        if fix is None or not fix.safe or fix.start < end:
            continue
        edits.append(types.TextEdit(range=at.range(fix.start, fix.end), new_text=fix.replacement))
        end = max(fix.end, fix.start + 1)
    return edits


def suppression_edit(item: LocatedFinding, at: Positions, markup: bool) -> types.TextEdit:
    """A `disable-next-line` directive for this finding's rule, on a line of its own before it."""
    line = at.position(item.finding.start).line
    start = at.starts[line]
    text = at.text[start:]
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    directive = f"article-audit-disable-next-line {item.rule}"
    body = f"<!-- {directive} -->" if markup else directive
    position = types.Position(line=line, character=0)
    return types.TextEdit(range=types.Range(start=position, end=position), new_text=f"{indent}{body}\n")


def hover_text(item: LocatedFinding, rule_class) -> str:
    """The rule's explanation: what, why, bad and good, as Markdown."""
    f = item.finding
    out = [f"**{f.rule}** ({f.severity.label}): {f.message}"]
    if f.suggestion:
        out.append(f"Suggestion: {f.suggestion}")
    if rule_class is not None:
        docs = rule_class.docs()
        out += [
            rule_class.summary,
            docs["what"],
            f"*Why:* {docs['why']}",
            f"*Bad:* {docs['bad']}",
            f"*Good:* {docs['good']}",
        ]
    url = rule_docs_url(f.rule)
    if url:
        out.append(f"[Rule documentation]({url})")
    return "\n\n".join(out)
