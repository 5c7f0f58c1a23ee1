"""What rules report: severities, fixes and findings.

Offsets in a `Finding` or `Fix` are character offsets in the *source* text of the
document (see `Document.span` to map prose offsets). Line and column are added once,
by the engine, when a finding is located.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import NamedTuple


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return _LABELS[self]  # a look-up: Enum's `name` is slow, and every finding asks

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}; allowed: {', '.join(SEVERITY_NAMES)}") from None


_LABELS = {severity: severity.name.lower() for severity in Severity}
SEVERITY_NAMES = tuple(_LABELS[s] for s in sorted(Severity, reverse=True))  # error, warning, info


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace source[start:end] with `replacement`. Unsafe fixes change wording."""

    start: int
    end: int
    replacement: str
    safe: bool = True


class Finding(NamedTuple):
    """What a rule reports. Findings, their locations and located findings are named
    tuples, not frozen dataclasses: an article has dozens, and a frozen dataclass sets
    each field through object.__setattr__, which made them several times slower to build."""

    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    suggestion: str | None = None
    fix: Fix | None = None
    # For article-level findings about a metric (e.g. "consensus_grade"): the metrics key,
    # so a baseline can compare values instead of silencing the finding for good.
    metric: str | None = None


class Location(NamedTuple):
    line: int
    column: int
    end_line: int
    end_column: int


class LocatedFinding(NamedTuple):
    """A finding with its 1-based line/column span (end exclusive) and excerpt."""

    finding: Finding
    location: Location
    excerpt: str
    fingerprint: str = ""

    @property
    def rule(self) -> str:
        return self.finding.rule

    @property
    def severity(self) -> Severity:
        return self.finding.severity

    def sort_key(self) -> tuple:
        f = self.finding
        return (f.start, f.end, f.rule, f.message)
