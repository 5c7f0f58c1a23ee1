"""Suppression comments through the engine: scopes and unused ones (the suppression rule's
own findings, unknown rules and missing reasons, are in cases/suppression.yml)."""

from __future__ import annotations

import pytest

from audit.config.loader import Config
from audit.engine.auditor import audit_document
from audit.engine.registry import registry
from audit.frontends import parse

LONG = (
    "This sentence is written to be far longer than the limit allows, so that the rule "
    "sentence length has something to say about it here and now, today."
)


def audit(text, *, unused=False, name="t.txt"):
    config = Config()
    settings = config.settings_for(
        name, registry(), select=("sentence-length", "suppression"), report_unused_suppressions=unused
    )
    return audit_document(parse(name, text), settings).findings


@pytest.mark.parametrize(
    "text, long_lines",
    [
        (f"{LONG}\n", [1]),
        (f"article-audit-disable sentence-length -- a quote\n{LONG}\n", []),
        (f"article-audit-disable -- everything\n{LONG}\n", []),
        (f"article-audit-disable sentence-length\n{LONG}\narticle-audit-enable\n\n{LONG}\n", [5]),
        (f"article-audit-disable-next-line sentence-length -- legal text\n\n{LONG}\n\n{LONG}\n", [5]),
        (f"article-audit-disable reading-level -- other rule\n{LONG}\n", [2]),
        (f"<!-- article-audit-disable sentence-length -- quoted -->\n{LONG}\n", []),
    ],
)
def test_scopes(text, long_lines):
    found = audit(text)
    assert [f.location.line for f in found if f.rule == "sentence-length"] == long_lines
    assert not [f for f in found if f.rule == "suppression"]


def test_unused_suppressions_are_reported_on_request():
    text = "article-audit-disable sentence-length -- nothing long here\nA short line.\n"
    assert not [f for f in audit(text) if f.rule == "suppression"]
    unused = [f for f in audit(text, unused=True) if f.rule == "suppression"]
    assert len(unused) == 1 and "silences nothing" in unused[0].finding.message
    assert unused[0].location.line == 1


def test_directive_lines_are_not_prose():
    doc = parse("t.txt", "article-audit-disable sentence-length -- why\nReal text here.\n")
    assert [s.text for s in doc.sentences] == ["Real text here."]
