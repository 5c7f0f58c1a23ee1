"""Sentence splitting and tokenizing on what news text really contains."""

from __future__ import annotations

import pytest

from audit.document.segment import split_sentences, tokenize


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # titles and abbreviations
        ("Mr. Smith met Dr. Jones. They spoke.", ["Mr. Smith met Dr. Jones.", "They spoke."]),
        ("He lives on St. Thomas Street. It is quiet.", ["He lives on St. Thomas Street.", "It is quiet."]),
        ("Gen. Vance spoke on Jan. 5 in Ottawa.", ["Gen. Vance spoke on Jan. 5 in Ottawa."]),
        ("Prices rose, e.g. Bread. Then fell.", ["Prices rose, e.g. Bread.", "Then fell."]),
        # initials
        ("It was co-hosted by James N. Mattis. He agreed.", ["It was co-hosted by James N. Mattis.", "He agreed."]),
        ("Harjit S. Sajjan spoke.", ["Harjit S. Sajjan spoke."]),
        ("Minister Harjit. S. Sajjan spoke.", ["Minister Harjit. S. Sajjan spoke."]),
        # dotted acronyms
        ("The U.S. Navy left. The U.K. stayed.", ["The U.S. Navy left.", "The U.K. stayed."]),
        ("Troops left the U.S. The war ended.", ["Troops left the U.S.", "The war ended."]),
        # decimals and money
        ("Profits hit $1.13bn. Sales rose 3.5% in 2018.", ["Profits hit $1.13bn.", "Sales rose 3.5% in 2018."]),
        # ellipses
        ("He paused... Then he left.", ["He paused...", "Then he left."]),
        ("It was… fine, really.", ["It was… fine, really."]),
        ("Wait for it … And go.", ["Wait for it …", "And go."]),
        # curly quotes
        ("“We will win,” he said. “Today.”", ["“We will win,” he said.", "“Today.”"]),
        ("She asked, “Why?” He shrugged.", ["She asked, “Why?”", "He shrugged."]),
        ("“Why?” he asked.", ["“Why?” he asked."]),
        ("He said: “It is over.” Then he left.", ["He said: “It is over.”", "Then he left."]),
        # missing space after a full stop
        ("It ended.The crowd left.", ["It ended.", "The crowd left."]),
        ("Visit example.com today.", ["Visit example.com today."]),
        # headline line without a full stop
        (
            "Storm hits coast\nHeavy rain fell across the coast on Monday, officials said.",
            ["Storm hits coast", "Heavy rain fell across the coast on Monday, officials said."],
        ),
        # hard-wrapped sentence stays one sentence
        (
            "The minister said that the plan would\nbe announced next week by the\nJustice Department.",
            ["The minister said that the plan would\nbe announced next week by the\nJustice Department."],
        ),
        ("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."]),
    ],
)
def test_split_sentences(text, expected):
    assert sentences(text) == expected


def test_multi_paragraph_quote_keeps_paragraph_sentences():
    text = "“Our fight goes on.\n\n We will prevail.”"
    assert sentences(text) == ["“Our fight goes on.", "We will prevail.”"]


@pytest.mark.parametrize(
    "text, words",
    [
        ("Canada’s whole-of-government approach", ["Canada’s", "whole-of-government", "approach"]),
        ("the U.S. and e.g. U.K.", ["the", "U.S.", "and", "e.g.", "U.K."]),
        ("$1.13bn, 3.5% and 2,225 items at 10:30", ["1.13bn", "3.5", "and", "2,225", "items", "at", "10:30"]),
        ("don't stop — go", ["don't", "stop", "go"]),
        ("N. Mattis", ["N", "Mattis"]),
    ],
)
def test_tokenize(text, words):
    assert [text[a:b] for a, b in tokenize(text)] == words
