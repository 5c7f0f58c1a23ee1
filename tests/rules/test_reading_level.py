from __future__ import annotations

import pytest

from audit.results.findings import Severity
from audit.frontends import parse
from audit.rules.reading_level import RULE, describe_grade

HARD = ("The deployment of considerable organisational capabilities necessitates comprehensive "
        "interdepartmental coordination mechanisms and institutional accountability frameworks. ") * 10
EASY = "We met at noon. The sun was out. We ate lunch and then went home. It was a good day. " * 10


@pytest.mark.parametrize(
    "text, target, flagged",
    [(HARD, 9, True), (EASY, 9, False), (EASY, 1, True), ("Too short to grade, however hard it reads.", 1, False)],
)
def test_reading_level_gate(text, target, flagged):
    doc = parse("t.txt", text)
    found = [f for f in RULE().check(doc, {**RULE.defaults(), "target-grade": float(target)})
             if f.severity == Severity.ERROR]
    assert bool(found) is flagged
    if flagged:
        assert f"the target is {target}" in found[0].message


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
