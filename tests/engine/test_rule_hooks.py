"""What a rule can tell the engine without the engine knowing the rule by name."""

from __future__ import annotations

from audit.batch.result_cache import _settings_digest
from audit.engine.auditor import audit_document
from audit.engine.rule import Rule
from audit.engine.settings import RuleSettings, Settings
from audit.frontends import parse
from audit.results.findings import Severity

DOC = "Flags the word loud.\n\nWhy:\nIt shouts.\n\nBad:\nloud\n\nGood:\nquiet\n"


class Loud(Rule):
    __doc__ = DOC
    id = "loud"
    summary = "The word loud"
    severity = Severity.WARNING
    language_bound = False
    backend = "http://one.test"

    def check(self, doc, opts):
        start = doc.source.find("loud")
        if start >= 0:
            yield self.finding(start, start + 4, "Loud.")

    def environment(self, settings):
        return f"backend={self.backend}"


class Unsilenced(Loud):
    __doc__ = DOC
    id = "unsilenced"
    suppressible = False


def settings_with(*rules):
    return Settings(rules=tuple(RuleSettings(r, type(r).severity, {}) for r in rules), fail_on="error", language="en")


def test_a_rule_that_is_not_suppressible_keeps_its_findings_under_a_disable_all():
    doc = parse("a.txt", "<!-- article-audit-disable -- everything -->\nIt was loud.\n")
    found = audit_document(doc, settings_with(Loud(), Unsilenced())).findings
    assert [f.finding.rule for f in found] == ["unsilenced"]


def test_a_rules_environment_is_part_of_the_cache_key():
    rule = Loud()
    before = _settings_digest(settings_with(rule))
    rule.backend = "http://two.test"
    assert _settings_digest(settings_with(rule)) != before
    assert _settings_digest(settings_with(Loud())) == before
