"""Every rule follows the contract: id, docs in the fixed shape, valid options, cases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from audit.engine import rule_cases
from audit.engine.registry import registry
from audit.engine.rule import Rule
from audit.frontends import parse
from audit.results.findings import Severity

RULES = registry()
TESTS = Path(__file__).parent
CASES = TESTS / "rules" / "cases"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_declares_itself(rule_id):
    cls = RULES[rule_id]
    assert issubclass(cls, Rule)
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", cls.id)
    assert cls.summary and isinstance(cls.severity, Severity)
    docs = cls.docs()
    for section in ("what", "why", "bad", "good"):
        assert docs[section], f"{rule_id}: docstring lacks a {section!r} section"
    for option in cls.options:
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", option.name) and option.help
        assert (
            option.validate(option.default if not isinstance(option.default, tuple) else list(option.default))
            is not None
        )


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_has_pass_and_fail_cases(rule_id):
    path = CASES / f"{rule_id}.yml"
    assert path.exists(), f"{rule_id}: no case file {path.relative_to(TESTS)}"
    cases = rule_cases.load(path)
    assert cases.rule == rule_id
    assert any(c.passes for c in cases.cases), f"{path.name}: no case where the rule must find nothing"
    assert any(not c.passes for c in cases.cases), f"{path.name}: no case where the rule must flag"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_spans_lie_inside_the_source(rule_id, sample_text):
    cls = RULES[rule_id]
    doc = parse("a.txt", sample_text)
    for finding in cls().check(doc, cls.defaults()):
        assert 0 <= finding.start <= finding.end <= len(doc.source)
        assert finding.rule == rule_id
