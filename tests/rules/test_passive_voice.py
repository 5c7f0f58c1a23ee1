"""passive-voice: what its cases (cases/passive-voice.yml) cannot say: metrics, the memo,
the sample article (precision and recall: test_passive_eval.py)."""

from __future__ import annotations

from audit.frontends import parse
from audit.rules.passive_voice import RULE, clauses


def findings(text):
    doc = parse("t.txt", text)
    return doc, list(RULE().check(doc, RULE.defaults()))


def test_metrics_and_memo():
    doc = parse("t.txt", "The bill was passed. The council met. It was approved and signed. Fees rose.")
    assert RULE().measure(doc, RULE.defaults()) == {"passive_sentence_pct": 50.0, "passive_clauses": 2}
    first = clauses(doc)
    assert doc.cache.passive is first and clauses(doc) is first


def test_sample_article(sample_text):
    doc, found = findings(sample_text)
    located = {(doc.position(f.start)[0], doc.source[f.start : f.end]) for f in found}
    assert (5, "are set") in located
    assert (34, "were awarded") in located
    assert not any(text in ("is committed", "is excited", "is newly married") for _, text in located)
