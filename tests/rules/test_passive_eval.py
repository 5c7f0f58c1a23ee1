"""passive-voice against a labeled set of sentences: precision and recall.

tests/data/passive_labeled.tsv holds self-written, news-style sentences (columns:
sentence, label passive/active, and the expected passive verb groups separated by
" | "). A found clause matches an expected group when both end on the same participle;
the test prints clause- and sentence-level precision and recall (run with -s to see
them, or read the junit properties).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from audit.frontends import parse
from audit.rules.passive_voice import clauses

LABELED = Path(__file__).parent.parent / "data" / "passive_labeled.tsv"


def _last_word(group: str) -> str:
    return group.replace("\u2019", "'").split()[-1].strip(",").lower()


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


def test_precision_and_recall(record_property):
    tp = fp = fn = 0
    sentence: Counter[str] = Counter()
    for row in load():
        doc = parse("s.txt", row["sentence"])
        found = [_last_word(doc.source[c.start : c.end]) for c in clauses(doc)]
        flagged, passive = bool(found), row["label"] == "passive"
        sentence["tp" if flagged and passive else "fp" if flagged else "fn" if passive else "tn"] += 1
        for word in (_last_word(g) for g in row["groups"].split("|") if g.strip()):
            if word in found:
                found.remove(word)
                tp += 1
            else:
                fn += 1
        fp += len(found)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    s_precision = sentence["tp"] / (sentence["tp"] + sentence["fp"])
    s_recall = sentence["tp"] / (sentence["tp"] + sentence["fn"])
    report = (
        f"passive-voice on {LABELED.name}: clauses precision {precision:.3f} recall {recall:.3f} "
        f"(tp {tp}, fp {fp}, fn {fn}); sentences precision {s_precision:.3f} recall {s_recall:.3f}"
    )
    print("\n" + report)
    for name, value in (
        ("precision", precision),
        ("recall", recall),
        ("sentence_precision", s_precision),
        ("sentence_recall", s_recall),
    ):
        record_property(f"passive_{name}", round(value, 3))
    assert precision >= 0.92 and recall >= 0.90, report
    assert s_precision >= 0.92 and s_recall >= 0.90, report
