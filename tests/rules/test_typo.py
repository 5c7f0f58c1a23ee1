"""typo: doubled words, stray periods in names, spacing and punctuation slips, names
spelled two ways; never initials, abbreviations, decimals, ellipses or URLs."""

from __future__ import annotations

import pytest

from audit.results.findings import Severity
from audit.frontends import parse
from audit.rules.typo import RULE


def run(text: str):
    doc = parse("a.txt", text)
    return doc, list(RULE().check(doc, RULE.defaults()))


def fixed(source: str, fix) -> str:
    return source[: fix.start] + fix.replacement + source[fix.end :]


MUST_FLAG = [
    # (text, excerpt, text after the fix, severity, safe fix)
    ("The minister met the the coalition partners.", "the the",
     "The minister met the coalition partners.", Severity.ERROR, True),
    ("The the company said profits rose.", "The the", "The company said profits rose.", Severity.ERROR, True),
    ("Shares fell as traders sold\nsold their holdings.", "sold\nsold",
     "Shares fell as traders sold their holdings.", Severity.ERROR, True),
    ("It could could take years, the judge said.", "could could",
     "It could take years, the judge said.", Severity.ERROR, True),
    ("He lives in in the city centre.", "in in", "He lives in the city centre.", Severity.WARNING, False),
    ("Defence Minister Harjit S. Sajjan spoke first. Later, Minister of National Defence "
     "Harjit. S. Sajjan and James N. Mattis released a statement.", "Harjit. S.",
     "Defence Minister Harjit S. Sajjan spoke first. Later, Minister of National Defence "
     "Harjit S. Sajjan and James N. Mattis released a statement.", Severity.ERROR, True),
    ("Minister of National Defence Harjit. S. Sajjan released a statement.", "Harjit. S.",
     "Minister of National Defence Harjit S. Sajjan released a statement.", Severity.WARNING, True),
    ("Tony Blair arrived first. Later Tony. Blair told MPs the plan would work.", "Tony.",
     "Tony Blair arrived first. Later Tony Blair told MPs the plan would work.", Severity.ERROR, True),
    ("George W Bush spoke. Then George. W Bush left for Texas.", "George. W",
     "George W Bush spoke. Then George W Bush left for Texas.", Severity.ERROR, True),
    ("Prices rose , analysts said.", " ,", "Prices rose, analysts said.", Severity.WARNING, True),
    ("The minister met the coalition ,and said so.", " ,", "The minister met the coalition, and said so.",
     Severity.WARNING, True),
    ("The vote was close .", " .", "The vote was close.", Severity.WARNING, True),
    ("Is this the end ?", " ?", "Is this the end?", Severity.WARNING, True),
    ("The talks ended.The ministers left.", ".", "The talks ended. The ministers left.", Severity.WARNING, True),
    ("He said it was over.\u201dThen he left.", ".\u201d", "He said it was over.\u201d Then he left.",
     Severity.WARNING, True),
    ("What a result!! The fans cheered.", "!!", "What a result! The fans cheered.", Severity.WARNING, True),
    ("Why now?? Nobody knows.", "??", "Why now? Nobody knows.", Severity.WARNING, True),
    ("Sales fell,, the firm said.", ",,", "Sales fell, the firm said.", Severity.WARNING, True),
    ("He arrived late.. Then he left.", "..", "He arrived late. Then he left.", Severity.WARNING, True),
    ("Growth slowed in the U.S.. Europe fared better.", "..",
     "Growth slowed in the U.S. Europe fared better.", Severity.WARNING, True),
]


@pytest.mark.parametrize("text, excerpt, after, severity, safe", MUST_FLAG)
def test_must_flag(text, excerpt, after, severity, safe):
    doc, found = run(text)
    assert len(found) == 1, found
    f = found[0]
    assert doc.source[f.start : f.end] == excerpt
    assert f.severity == severity
    assert f.fix is not None and f.fix.safe is safe
    assert fixed(doc.source, f.fix) == after


NAMES_TWO_WAYS = [
    # (text, excerpt, suggestion)
    ("Minister Sajjan met officials. Sajjan said Canada would help. Later, Sajan flew home, "
     "and Sajjan spoke again.", "Sajan", "Sajjan"),
    ("Andy Roddick won. Roddick served well and Roddick was pleased, said Rodick's coach.", "Rodick", "Roddick"),
    ("Lindsay Davenport won easily. Davenport was happy. Davenport said so, said Daveport.", "Daveport",
     "Davenport"),
]


@pytest.mark.parametrize("text, excerpt, suggestion", NAMES_TWO_WAYS)
def test_name_spelled_two_ways(text, excerpt, suggestion):
    doc, found = run(text)
    assert [(doc.source[f.start : f.end], f.suggestion) for f in found] == [(excerpt, suggestion)]
    assert found[0].severity == Severity.WARNING and found[0].fix.safe is False


MUST_NOT_FLAG = [
    "Secretary of Defence James N. Mattis met the minister.",
    "She graduated from St. Thomas University in Fredericton.",
    "The U.S. economy grew 3.5% in 2018, and Mr. Smith said so.",
    "Shares rose to $1.13bn, up 0.5%, at 10.30am on Tuesday.",
    "Wait... what? And then . . . nothing happened.",
    "Version 2.0.1 of the software was released on Monday.",
    "Visit news.bbc.co.uk/sport or www.example.com/a..b for more.",
    "He had had enough, and she said that that was wrong.",
    "They visited Bora Bora and Walla Walla, then saw Duran Duran.",
    "The talks with Iran and Iraq went well. Iran agreed, Iraq did not, and Iran left.",
    "Robbie Williams sang. Williams was happy, Williams said, and David Walliams hosted.",
    "Saudi officials met. Saudi ministers agreed, and Prince Saud said the Saudi plan would work.",
    "Yahoo! said it would buy One.Tel, and One.Tel agreed.",
    "The score was 2 : 1 at half-time, and fans shouted :) online.",
    "Great news, said the U.S. Army.",
    "He was born in Jan. 5, 1970, at No. 10 Downing Street.",
    "Gen. S. Smith and Lt. J. Brown arrived, as did Co. B troops.",
    "The meeting ended in Ottawa. S. Korea sent a delegate.",
    "Labour Party figures rose. Observers said support for Labour. Party strategists disagreed.",
    "Bye bye, said the singer, and the crowd chanted yeah yeah.",
    "He was very very happy with the result.",
]


@pytest.mark.parametrize("text", MUST_NOT_FLAG)
def test_must_not_flag(text):
    doc, found = run(text)
    assert [(doc.source[f.start : f.end], f.message) for f in found] == []


def test_the_sample_article_has_only_the_stray_period(sample_text):
    doc, found = run(sample_text)
    assert [(doc.source[f.start : f.end], f.fix.replacement) for f in found] == [("Harjit. S.", "Harjit S.")]
    line, _ = doc.position(found[0].start)
    assert line == 15
    assert found[0].severity == Severity.ERROR
