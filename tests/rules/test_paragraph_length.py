"""paragraph-length: what its cases (cases/paragraph-length.yml) cannot say: metrics."""

from __future__ import annotations

from audit.frontends import parse
from audit.rules.paragraph_length import RULE

FOUR_SENTENCES = (
    "Word word word word word word word end0. Word word word word word word word end1. "
    "Word word word word word word word end2. Word word word word word word word end3."
)


def test_limits_are_options_and_metrics():
    doc = parse("a.txt", FOUR_SENTENCES)
    findings = list(RULE().check(doc, {**RULE.defaults(), "max-sentences": 3}))
    assert len(findings) == 1 and "4 sentences" in findings[0].message
    assert RULE().measure(doc, RULE.defaults()) == {
        "paragraphs": 1,
        "max_paragraph_sentences": 4,
        "max_paragraph_words": 32,
    }
