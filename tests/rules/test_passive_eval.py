"""passive-voice against a labeled set of sentences: precision and recall.

tests/data/passive_labeled.tsv holds self-written, news-style sentences (columns:
sentence, label passive/active, and the expected passive verb groups separated by
" | "). A found clause matches an expected group when both end on the same participle;
the test prints clause- and sentence-level precision and recall (run with -s to see
them, or read the junit properties).
"""

from __future__ import annotations

import csv
from pathlib import Path

from audit.frontends import parse

LABELED = Path(__file__).parent.parent / "data" / "passive_labeled.tsv"


def load() -> list[dict[str, str]]:
    with LABELED.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_labeled_set_is_well_formed():
    rows = load()
    assert len(rows) >= 250
    assert {r["label"] for r in rows} == {"passive", "active"}
    assert sum(r["label"] == "passive" for r in rows) >= 100 and sum(r["label"] == "active" for r in rows) >= 100
    for r in rows:
        groups = [g.strip() for g in r["groups"].split("|") if g.strip()]
        assert bool(groups) == (r["label"] == "passive"), r["sentence"]
        for g in groups:
            assert g in r["sentence"], (g, r["sentence"])


def test_precision_and_recall(record_property, passive_score):
    scores = passive_score((parse("s.txt", row["sentence"]), row) for row in load())
    report = scores.report(LABELED.name)
    print("\n" + report)
    scores.record(record_property, "passive")
    assert scores.precision >= 0.92 and scores.recall >= 0.90, report
    assert scores.sentence_precision >= 0.92 and scores.sentence_recall >= 0.90, report
