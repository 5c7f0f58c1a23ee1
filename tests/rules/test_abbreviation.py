"""abbreviation: what its cases (cases/abbreviation.yml) cannot say."""

from __future__ import annotations

from audit.engine.auditor import locate
from audit.frontends import parse
from audit.rules.abbreviation import RULE


def test_sample_article(sample_text):
    doc = parse("coalition-meeting.txt", sample_text)
    found = [locate(doc, f) for f in RULE().check(doc, RULE.defaults())]
    assert [(f.excerpt, f.location.line) for f in found] == [("ISIS", 3)]


def test_rule_cites_its_criterion():
    assert RULE.wcag == ("3.1.4",)
