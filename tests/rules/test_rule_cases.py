"""Every rule against its cases in tests/rules/cases/<rule-id>.yml, and its docstring's
examples against the rule; the format is described in audit/engine/rule_cases.py."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from audit.engine import rule_cases
from audit.engine.registry import registry

RULES = registry()
CASE_FILES = rule_cases.load_folder(Path(__file__).parent / "cases")


@cache
def _unavailable(service: str) -> str | None:
    """Why an outside service that cases require is not set up here, or None if it is."""
    if service == "languagetool":
        from audit.language import languagetool

        backend = languagetool.resolve(languagetool.LanguageToolSettings())
        if backend.url is None:
            return backend.problem or (
                "no LanguageTool: set ARTICLE_AUDIT_LANGUAGETOOL_URL to a server, "
                "or unzip LanguageTool into LTP_PATH (or ~/.cache/language_tool_python)"
            )
        return None
    return f"unknown service {service!r}: this runner cannot set it up"


def _skip_without_services(case_file: rule_cases.CaseFile | None) -> None:
    for service in case_file.requires if case_file else ():
        reason = _unavailable(service)
        if reason:
            pytest.skip(reason)


CASES = [
    pytest.param(cf, case, id=f"{rule}:{case.name}") for rule, cf in sorted(CASE_FILES.items()) for case in cf.cases
]


@pytest.mark.parametrize("case_file, case", CASES)
def test_case(case_file, case):
    rule = RULES.get(case_file.rule)
    assert rule is not None, f"{case_file.path.name}: no rule {case_file.rule!r} is registered"
    _skip_without_services(case_file)
    problems = rule_cases.mismatches(rule, case)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_docstring_examples(rule_id):
    """The Bad: example gives a finding and the Good: example none, with the defaults."""
    _skip_without_services(CASE_FILES.get(rule_id))
    problems = rule_cases.example_mismatches(RULES[rule_id])
    assert not problems, f"{rule_id}: " + "; ".join(problems)


def test_every_registered_rule_has_a_case_file_and_every_case_file_a_rule():
    assert sorted(set(RULES) - set(CASE_FILES)) == [], "registered rules without tests/rules/cases/<rule-id>.yml"
    assert sorted(set(CASE_FILES) - set(RULES)) == [], "case files naming no registered rule"
