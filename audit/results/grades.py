"""What a US school grade means to a reader: one wording for the reading-level rule's
messages and for the reports' score panels."""

from __future__ import annotations


def describe_grade(grade: float) -> str:
    """A plain reading of a US school grade."""
    if grade <= 6:
        return "easy for most readers"
    if grade <= 9:
        return "plain English"
    if grade <= 12:
        return "fairly hard; needs a high-school reading level"
    if grade <= 16:
        return "hard for most adults"
    return "very hard: academic or specialist reading"
