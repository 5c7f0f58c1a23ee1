"""Fixtures of the rule tests. `passive_score`: scoring passive-voice against a labeled set (tests/data/passive_*.tsv): each row has a
label (passive or not) and its passive verb groups ("was taken|were sent"). One scorer for
every labeled set, so their figures mean the same."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import pytest

from audit.rules.passive_voice import clauses


def last_word(group: str) -> str:
    return group.replace("\u2019", "'").split()[-1].strip(",").lower()


@dataclass(frozen=True)
class Scores:
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    sentence_precision: float
    sentence_recall: float

    def report(self, name: str) -> str:
        return (
            f"passive-voice on {name}: clauses precision {self.precision:.3f} recall {self.recall:.3f} "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn}); sentences precision {self.sentence_precision:.3f} "
            f"recall {self.sentence_recall:.3f}"
        )

    def record(self, record_property, prefix: str) -> None:
        for key in ("precision", "recall", "sentence_precision", "sentence_recall"):
            record_property(f"{prefix}_{key}", round(getattr(self, key), 3))


def score(labeled: Iterable[tuple[object, dict[str, str]]]) -> Scores:
    """`labeled`: (document, row) pairs; a clause counts as found when its last word is
    the last word of one of the row's groups."""
    tp = fp = fn = 0
    sentence: Counter[str] = Counter()
    for doc, row in labeled:
        found = [last_word(doc.source[c.start : c.end]) for c in clauses(doc)]
        flagged, passive = bool(found), row["label"] == "passive"
        sentence["tp" if flagged and passive else "fp" if flagged else "fn" if passive else "tn"] += 1
        for word in (last_word(g) for g in row["groups"].split("|") if g.strip()):
            if word in found:
                found.remove(word)
                tp += 1
            else:
                fn += 1
        fp += len(found)
    return Scores(
        tp,
        fp,
        fn,
        tp / (tp + fp),
        tp / (tp + fn),
        sentence["tp"] / (sentence["tp"] + sentence["fp"]),
        sentence["tp"] / (sentence["tp"] + sentence["fn"]),
    )


@pytest.fixture
def passive_score():
    """`score`, for the tests of the labeled sets."""
    return score
