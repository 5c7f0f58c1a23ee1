"""jargon: what its cases (cases/jargon.yml) cannot say: the sample article, the word list."""

from __future__ import annotations

from audit.engine.auditor import locate
from audit.frontends import parse
from audit.rules.jargon import RULE


def test_sample_article(sample_text):
    doc = parse("coalition-meeting.txt", sample_text)
    found = [locate(doc, f) for f in RULE().check(doc, RULE.defaults())]
    spans = {(f.excerpt, f.location.line) for f in found}
    assert {("leverage", 20), ("Moving forward", 9), ("moving forward", 18)} <= spans
    assert ("capacity building", 13) in spans


def test_data_has_sources_and_enough_entries():
    from audit.rules.jargon import KINDS, SOURCES, builtin

    rows = builtin()
    assert len(rows) >= 300
    for row in rows:
        assert row["kind"] in KINDS, row
        assert set(row["source"].split(",")) <= set(SOURCES), row
        assert row["phrase"] == row["phrase"].lower().strip(), row
