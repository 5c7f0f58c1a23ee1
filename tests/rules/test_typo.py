"""typo: what its cases (cases/typo.yml) cannot say: the sample article."""

from __future__ import annotations

from audit.frontends import parse
from audit.results.findings import Severity
from audit.rules.typo import RULE


def run(text: str):
    doc = parse("a.txt", text)
    return doc, list(RULE().check(doc, RULE.defaults()))


def test_the_sample_article_has_only_the_stray_period(sample_text):
    doc, found = run(sample_text)
    assert [(doc.source[f.start : f.end], f.fix.replacement) for f in found] == [("Harjit. S.", "Harjit S.")]
    line, _ = doc.position(found[0].start)
    assert line == 15
    assert found[0].severity == Severity.ERROR
