"""reading-level: what its cases (cases/reading-level.yml) cannot say: the sample
article and the grade descriptions."""

from __future__ import annotations

import pytest

from audit.frontends import parse
from audit.results.findings import Severity
from audit.rules.reading_level import RULE, describe_grade


def test_hardest_sentences_are_info_and_ranked(sample_text):
    doc = parse("a.txt", sample_text)
    info = [f for f in RULE().check(doc, RULE.defaults()) if f.severity == Severity.INFO]
    assert len(info) == 3
    assert all("Hardest sentence" in f.message for f in info)


@pytest.mark.parametrize("grade, words", [(5, "easy"), (8, "plain"), (14, "hard for most adults"), (18, "very hard")])
def test_grade_descriptions(grade, words):
    assert words in describe_grade(grade)


def test_sample_passes_a_generous_target(sample_text):
    doc = parse("a.txt", sample_text)
    opts = {**RULE.defaults(), "target-grade": 15.0}
    assert not [f for f in RULE().check(doc, opts) if f.severity == Severity.ERROR]
