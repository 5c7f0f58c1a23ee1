"""The per-article figures every batch view shows (console table, Markdown, HTML index).

Columns read metrics, and finding counts by the category each rule of the run declares
(the report's `rules` section): a column whose rules are not part of the run stays
blank rather than showing a misleading zero.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from audit.results.findings import SEVERITY_NAMES

STATUS_LABEL = {"passed": "PASS", "failed": "FAIL", "error": "ERROR"}
_STATUS_RANK = {"error": 0, "failed": 1, "passed": 2}

PASSIVE_METRICS = ("passive_pct", "passive_voice_pct", "passive_sentence_pct", "passive_share")


@dataclass(frozen=True)
class Figures:
    """One article's row: None means "not measured" (shown blank)."""

    path: str
    title: str
    status: str
    error: str | None
    grade: float | None
    target: float | None
    words: int | None
    long_sentences: int | None
    passive_pct: float | None
    typos: int | None
    jargon: int | None
    errors: int
    warnings: int
    info: int

    @property
    def label(self) -> str:
        return STATUS_LABEL.get(self.status, self.status.upper())

    @property
    def above_target(self) -> bool:
        return self.grade is not None and self.target is not None and self.grade > self.target


def families(report: dict) -> dict[str, str]:
    """Rule id -> its category (typo, jargon, ...), as the run's rule metadata declares it."""
    return {rid: meta.get("category", "") for rid, meta in (report.get("rules") or {}).items()}


def _passive(metrics: dict) -> float | None:
    for key in PASSIVE_METRICS:
        if isinstance(metrics.get(key), (int, float)):
            return metrics[key]
    for key in sorted(metrics):
        if "passive" in key and key.endswith(("pct", "percent")) and isinstance(metrics[key], (int, float)):
            return metrics[key]
    return None


ROW_METRICS = ("consensus_grade", "target_grade", "words", "long_sentences")


def row_metrics(metrics: dict) -> dict:
    """The metrics an article's row shows (`figures`): what an index keeps of each
    article while a batch runs."""
    return {k: v for k, v in metrics.items() if k in ROW_METRICS or "passive" in k}


def severity_counts(findings) -> dict[str, int]:
    counts = Counter(f["severity"] for f in findings)
    return {s: counts.get(s, 0) for s in SEVERITY_NAMES}


def figures(result: dict, categories: dict[str, str]) -> Figures:
    """One article's row; `categories` (from `families`) tells which rules count as typos
    and which as jargon: a column whose rules did not run stays blank."""
    m = result.get("metrics") or {}
    findings = result.get("findings") or []
    by_rule = Counter(f["rule"] for f in findings)
    typo_rules = {rid for rid, kind in categories.items() if kind == "typo"}
    jargon_rules = {rid for rid, kind in categories.items() if kind == "jargon"}
    audited = result["status"] != "error"
    counts = severity_counts(findings)

    def count(rules: set[str]) -> int | None:
        return sum(by_rule[r] for r in rules) if rules and audited else None

    def number(key: str):
        value = m.get(key)
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    return Figures(
        path=result["path"],
        title=result.get("title") or "",
        status=result["status"],
        error=result.get("error"),
        grade=number("consensus_grade"),
        target=number("target_grade"),
        words=number("words"),
        long_sentences=number("long_sentences"),
        passive_pct=_passive(m),
        typos=count(typo_rules),
        jargon=count(jargon_rules),
        errors=counts["error"],
        warnings=counts["warning"],
        info=counts["info"],
    )


def worst_first(rows: list[Figures]) -> list[Figures]:
    """Could-not-audit first, then failed, then by errors, warnings, grade; ties by path."""
    return sorted(
        rows, key=lambda r: (_STATUS_RANK.get(r.status, 3), -r.errors, -r.warnings, -(r.grade or 0), -r.info, r.path)
    )


def table(report: dict) -> list[Figures]:
    categories = families(report)
    return worst_first([figures(result, categories) for result in report.get("files", ())])


@dataclass(frozen=True)
class Totals:
    articles: int
    passed: int
    failed: int
    errors_in_input: int
    mean_grade: float | None
    words: int | None
    long_sentences: int | None
    mean_passive_pct: float | None
    typos: int | None
    jargon: int | None
    errors: int
    warnings: int
    info: int


def _sum(values):
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _mean(values):
    present = [v for v in values if v is not None]
    return round(sum(present) / len(present), 1) if present else None


def totals(rows: list[Figures]) -> Totals:
    return Totals(
        articles=len(rows),
        passed=sum(r.status == "passed" for r in rows),
        failed=sum(r.status == "failed" for r in rows),
        errors_in_input=sum(r.status == "error" for r in rows),
        mean_grade=_mean(r.grade for r in rows),
        words=_sum(r.words for r in rows),
        long_sentences=_sum(r.long_sentences for r in rows),
        mean_passive_pct=_mean(r.passive_pct for r in rows),
        typos=_sum(r.typos for r in rows),
        jargon=_sum(r.jargon for r in rows),
        errors=sum(r.errors for r in rows),
        warnings=sum(r.warnings for r in rows),
        info=sum(r.info for r in rows),
    )


def number(value) -> str:
    """A figure as shown in tables: blank when absent, no trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{round(value, 1):g}"
    return str(value)


def outcome(t: Totals) -> str:
    """One line: how the batch went."""
    parts = [f"{t.articles} article{'s' if t.articles != 1 else ''}", f"{t.passed} passed", f"{t.failed} failed"]
    if t.errors_in_input:
        parts.append(f"{t.errors_in_input} could not be audited")
    return ", ".join(parts)


DEFAULTS_NAME = "built-in defaults"  # how a report names the absence of a config file


def configurations(report: dict) -> list[tuple[str | None, int]]:
    """The config files that applied to the audited articles (None: the built-in
    defaults), each with its number of articles, in order of first use."""
    return list(Counter(r.get("config") for r in report.get("files", ()) if r["status"] != "error").items())


def configurations_line(report: dict) -> str:
    """One line naming the configuration of the run ("" when no article was audited):
    `config: FILE`, or `configs: FILE (n articles), ...` when articles differ."""
    return describe_configurations(configurations(report))


def describe_configurations(found: list[tuple[str | None, int]]) -> str:
    """`configurations_line` of the config files found (see `configurations`)."""
    if not found:
        return ""
    if len(found) == 1:
        return f"config: {found[0][0] or DEFAULTS_NAME}"
    return "configs: " + ", ".join(f"{path or DEFAULTS_NAME} ({n} article{'s' if n != 1 else ''})" for path, n in found)
