"""One article as Markdown: the HTML page's content for a pull-request comment or a wiki."""

from __future__ import annotations

from audit.reports import scores
from audit.reports.markdown_report import md_text
from audit.reports.summary import STATUS_LABEL


def render(result: dict, *, rules: dict | None = None) -> str:
    rules = rules or {}
    label = STATUS_LABEL.get(result["status"], result["status"].upper())
    title = result.get("title") or result["path"]
    out = [f"# {md_text(title)}", "", f"{md_text(result['path'])} — **{label}**", ""]
    if result["status"] == "error":
        out += [f"Could not audit this file: {md_text(result.get('error') or '')}"]
        return "\n".join(out) + "\n"
    metrics = result.get("metrics") or {}
    findings = result.get("findings") or []
    out += ["## Scores", "", f"**{md_text(scores.grade_sentence(metrics))}**", ""]
    figures = scores.key_metrics(metrics)
    if figures:
        out += ["| Figure | Value |", "|---|---:|"] + [f"| {md_text(k)} | {v} |" for k, v in figures] + [""]
    out += ["## Findings by rule", ""]
    counts = scores.rule_counts(findings)
    if counts:
        out += ["| Rule | What it flags | Findings | Errors | Warnings | Info |", "|---|---|---:|---:|---:|---:|"]
        for rid, c in counts.items():
            summary = md_text((rules.get(rid) or {}).get("summary", ""))
            out.append(f"| `{rid}` | {summary} | {c['total']} | {c['error']} | {c['warning']} | {c['info']} |")
    else:
        out.append("No findings: nothing to fix.")
    out += ["", "## Hardest sentences", ""]
    hardest = scores.hardest_sentences(findings)
    if hardest:
        out += [
            f"{i}. Line {f['line']}: “{md_text(f['excerpt'])}” — {md_text(f['message'])}"
            for i, (_, f) in enumerate(hardest, 1)
        ]
    else:
        out.append("No sentence reads above the target grade.")
    out += ["", f"## Findings ({len(findings)})", ""]
    for n, f in enumerate(findings, 1):
        line = (
            f"{n}. **{f['severity'].capitalize()}** `{f['rule']}` line {f['line']}, column {f['column']}: "
            f"{md_text(f['message'])}"
        )
        if f.get("suggestion"):
            line += f" Suggestion: {md_text(f['suggestion'])}"
        if f.get("excerpt"):
            line += f" — “{md_text(f['excerpt'])}”"
        out.append(line)
    if not findings:
        out.append("None.")
    return "\n".join(out) + "\n"
