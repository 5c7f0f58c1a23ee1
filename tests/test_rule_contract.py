"""Every rule follows the contract: id, docs in the fixed shape, valid options, tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from audit.results.findings import Severity
from audit.frontends import parse
from audit.engine.rule import Rule
from audit.engine.registry import registry

RULES = registry()
RULE_MODULES = sorted({cls.__module__.rsplit('.', 1)[-1] for cls in RULES.values()})
TESTS = Path(__file__).parent


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
        assert option.validate(option.default if not isinstance(option.default, tuple)
                               else list(option.default)) is not None


@pytest.mark.parametrize("module", RULE_MODULES)
def test_every_rule_module_has_table_driven_tests(module):
    candidates = [TESTS / "rules" / f"test_{module}.py", TESTS / f"test_{module}.py"]
    found = [p for p in candidates if p.exists()]
    assert found, f"no tests for rule module {module!r}"
    text = found[0].read_text(encoding="utf-8")
    assert "parametrize" in text, f"{found[0].name}: cases should be a table"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_spans_lie_inside_the_source(rule_id, sample_text):
    cls = RULES[rule_id]
    doc = parse("a.txt", sample_text)
    for finding in cls().check(doc, cls.defaults()):
        assert 0 <= finding.start <= finding.end <= len(doc.source)
        assert finding.rule == rule_id
