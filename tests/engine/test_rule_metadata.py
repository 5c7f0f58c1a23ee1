"""What report writers are told about the rules of a run."""

from __future__ import annotations

from audit.engine.registry import registry
from audit.engine.rule_metadata import rule_metadata


def test_one_entry_per_rule_in_id_order_from_its_class():
    rules = registry()
    meta = rule_metadata([rules["typo"], rules["image-alt"], rules["typo"], rules["sentence-length"]])
    assert list(meta) == ["image-alt", "sentence-length", "typo"]
    alt = rules["image-alt"]
    assert meta["image-alt"]["summary"] == alt.summary
    assert meta["image-alt"]["severity"] == alt.severity.label
    assert meta["image-alt"]["wcag"] == list(alt.wcag) and meta["image-alt"]["wcag"]
    assert meta["image-alt"]["description"] == alt.docs()["what"]


def test_help_is_the_documentation_in_its_fixed_shape_and_how_to_configure():
    cls = registry()["sentence-length"]
    docs = cls.docs()
    parts = rule_metadata([cls])["sentence-length"]["help"].split("\n\n")
    assert parts[0] == docs["what"]
    assert "\n\n".join(parts[1:-1]) == f"Why:\n{docs['why']}\n\nBad:\n{docs['bad']}\n\nGood:\n{docs['good']}"
    assert parts[-1] == (
        "Configure: [tool.article-audit.rules.sentence-length]; details: article-audit explain sentence-length"
    )


def test_no_rules_no_metadata():
    assert rule_metadata([]) == {}
