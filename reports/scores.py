"""Scores in plain words, for the per-article pages.

The grade bands come from audit.results.grades, as do the reading-level rule's messages.
"""

from __future__ import annotations

import re

from audit.reports.summary import number
from audit.results.grades import describe_grade

# The figures shown first on an article page, in this order, with their names.
KEY_METRICS = (
    ("consensus_grade", "Reading grade (consensus of formulas)"),
    ("target_grade", "Target grade"),
    ("flesch_reading_ease", "Flesch reading ease (0–100, higher is easier)"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade"),
    ("words", "Words"),
    ("sentences", "Sentences"),
    ("avg_sentence_length", "Average words per sentence"),
    ("long_sentences", "Long sentences"),
    ("long_sentence_pct", "Share of sentences over 20 words (%)"),
    ("max_sentence_length", "Longest sentence (words)"),
)


def grade_sentence(metrics: dict) -> str:
    """'Grade 14 — hard for most adults; your target is 9.'"""
    grade, target = metrics.get("consensus_grade"), metrics.get("target_grade")
    if not isinstance(grade, (int, float)):
        return "No reading grade: the article has too few sentences to grade."
    text = f"Grade {number(float(grade))} — {describe_grade(grade)}"
    if isinstance(target, (int, float)):
        if grade > target:
            text += f"; your target is {number(float(target))}"
        else:
            text += f"; within your target of {number(float(target))}"
    return text + "."


def metric_label(key: str) -> str:
    for k, label in KEY_METRICS:
        if k == key:
            return label
    return key.replace("_", " ").capitalize()


def key_metrics(metrics: dict) -> list[tuple[str, str]]:
    """(label, value) for the headline figures that the article has."""
    return [(label, number(metrics[k])) for k, label in KEY_METRICS if isinstance(metrics.get(k), (int, float))]


def all_metrics(metrics: dict) -> list[tuple[str, str, str]]:
    """(key, label, value) for every numeric metric, sorted by key."""
    return [
        (k, metric_label(k), number(v))
        for k, v in sorted(metrics.items())
        if isinstance(v, (int, float)) and not isinstance(v, bool)
    ]


_RANK = re.compile(r"#(\d+)\b")


def _rank(f: dict) -> int:
    found = _RANK.search(f["message"])
    return int(found.group(1)) if found else 10**6


def hardest_sentences(findings: list[dict]) -> list[tuple[int, dict]]:
    """(finding number, finding) for the reading-level rule's sentence findings (its info
    findings), hardest first: by the rank its message gives ("Hardest sentence #1"), the
    findings being in text order."""
    found = [(n, f) for n, f in enumerate(findings, 1) if f["rule"] == "reading-level" and f["severity"] == "info"]
    return sorted(found, key=lambda nf: (_rank(nf[1]), nf[0]))


def rule_counts(findings: list[dict]) -> dict[str, dict[str, int]]:
    """rule -> {"error": n, "warning": n, "info": n, "total": n}, rules sorted."""
    out: dict[str, dict[str, int]] = {}
    for f in findings:
        row = out.setdefault(f["rule"], {"error": 0, "warning": 0, "info": 0, "total": 0})
        row[f["severity"]] = row.get(f["severity"], 0) + 1
        row["total"] += 1
    return dict(sorted(out.items()))
