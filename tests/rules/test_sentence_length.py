from __future__ import annotations

import pytest

from audit.results.findings import Severity
from audit.frontends import parse
from audit.rules.sentence_length import RULE


def findings(text, **opts):
    doc = parse("t.txt", text)
    return doc, list(RULE().check(doc, {**RULE.defaults(), **opts}))


def words(n):
    return "Word " + " ".join(["word"] * (n - 2)) + " end."


@pytest.mark.parametrize(
    "text, expected",
    [
        (words(25), []),
        (words(26), [Severity.WARNING]),
        (words(41), [Severity.ERROR]),
        ("Mr. Smith met Dr. Jones and U.S. officials on Jan. 5 to discuss the plan. " + words(10), []),
        (words(30) + " " + words(5), [Severity.WARNING]),
    ],
)
def test_sentence_length_cases(text, expected):
    doc, found = findings(text)
    assert [f.severity for f in found] == expected
    for f in found:
        assert doc.source[f.start:f.end].endswith("end.")


def test_share_of_long_sentences():
    text = " ".join([words(22)] * 4 + [words(5)] * 4)
    _, found = findings(text, **{"max-words": 30})
    assert len(found) == 1 and "50%" in found[0].message
