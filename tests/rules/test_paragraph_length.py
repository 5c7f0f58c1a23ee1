from __future__ import annotations

import pytest

from audit.frontends import parse
from audit.rules.paragraph_length import RULE


def found(text, path="a.txt", **opts):
    doc = parse(path, text)
    return doc, list(RULE().check(doc, {**RULE.defaults(), **opts}))


def sentences(n, words=8):
    return " ".join("Word " + " ".join(["word"] * (words - 2)) + f" end{i}." for i in range(n))


@pytest.mark.parametrize(
    "text, path, count",
    [
        (sentences(7), "a.txt", 1),
        (sentences(3, words=60), "a.txt", 1),  # 180 words
        ("Title\n\n" + sentences(7) + "\n\n" + sentences(8), "a.txt", 2),
        ("# Title\n\n" + sentences(7), "a.md", 1),
        ("> " + sentences(7), "a.md", 1),
        ("<main><p>" + sentences(7) + "</p></main>", "a.html", 1),
    ],
)
def test_flags(text, path, count):
    doc, findings = found(text, path)
    assert len(findings) == count
    for f in findings:
        assert doc.source[f.start:f.end].endswith("end0.")  # the paragraph's first sentence


@pytest.mark.parametrize(
    "text, path",
    [
        (sentences(6), "a.txt"),
        (sentences(2, words=70), "a.txt"),
        ("- " + sentences(9), "a.md"),  # a list item is not a paragraph
        ("| a |\n|---|\n| " + sentences(9) + " |", "a.md"),
        ("<main><ul><li>" + sentences(9) + "</li></ul><p>Short.</p></main>", "a.html"),
        ("\n\n".join(sentences(3) for _ in range(10)), "a.txt"),
    ],
)
def test_does_not_flag(text, path):
    assert found(text, path)[1] == []


def test_limits_are_options_and_metrics():
    doc, findings = found(sentences(4), **{"max-sentences": 3})
    assert len(findings) == 1 and "4 sentences" in findings[0].message
    assert RULE().measure(doc, RULE.defaults()) == {"paragraphs": 1, "max_paragraph_sentences": 4,
                                                   "max_paragraph_words": 32}
