"""grammar: LanguageTool's matches as findings (the backend is replaced here; the HTTP
side, offsets in UTF-16 and failures against a loopback server are in test_languagetool.py)."""

from __future__ import annotations

import pytest

from audit.frontends import parse
from audit.language import languagetool
from audit.language.languagetool import Backend, LanguageToolFailed, LanguageToolSettings, Match
from audit.results.findings import Severity
from audit.rules.grammar import RULE

TEXT = "The coalition have agreed to there plan. It is very unique. See teh the notes."


def match(text: str, flagged: str, rule_id: str, category: str, *replacements: str) -> Match:
    start = text.index(flagged)
    return Match(start, start + len(flagged), "Message.", rule_id, category, replacements)


MATCHES = [
    ("have agreed", "AGREEMENT", "GRAMMAR", "has agreed"),
    ("there plan", "THERE_THEIR", "CONFUSED_WORDS", "their plan", "the plan", "her plan", "our plan"),
    ("very unique", "VERY_UNIQUE", "STYLE", "unique"),
    ("teh", "MORFOLOGIK_RULE_EN_US", "TYPOS", "the"),
    ("teh", "MORFOLOGIK_RULE_EN_CA", "MISC", "the"),  # a spelling rule filed elsewhere
    ("the the", "ENGLISH_WORD_REPEAT_RULE", "MISC", "the"),
    ("organize", "OXFORD_SPELLING_Z_NOT_S", "STYLE", "organise"),
]


@pytest.fixture
def backend(monkeypatch):
    calls = []

    def check(backend, text, language, timeout, disabled_rules=(), disabled_categories=()):
        calls.append({"language": language, "rules": set(disabled_rules), "categories": set(disabled_categories)})
        return [match(text, *m) for m in MATCHES if m[0] in text]

    monkeypatch.setattr(languagetool, "resolve", lambda settings: Backend("http://lt.test"))
    monkeypatch.setattr(languagetool, "check", check)
    return calls


def run(text: str, lt: LanguageToolSettings | None = None, language: str = "en"):
    doc = parse("a.txt", text)
    doc.language = language
    if lt is not None:
        doc.languagetool = lt
    return doc, list(RULE().check(doc, RULE.defaults()))


@pytest.mark.parametrize(
    "lt, expected",
    [
        (None, {"have agreed": Severity.WARNING, "there plan": Severity.WARNING, "very unique": Severity.INFO}),
        (
            LanguageToolSettings(categories=(("GRAMMAR", "error"), ("STYLE", "off"))),
            {"have agreed": Severity.ERROR, "there plan": Severity.WARNING},
        ),
        (
            LanguageToolSettings(disabled_rules=("THERE_THEIR",)),
            {"have agreed": Severity.WARNING, "very unique": Severity.INFO},
        ),
        (
            LanguageToolSettings(categories=(("TYPOS", "info"),)),  # spelling back on: both spelling rules
            {
                "have agreed": Severity.WARNING,
                "there plan": Severity.WARNING,
                "very unique": Severity.INFO,
                "teh": Severity.INFO,
                "teh EN_CA": Severity.WARNING,
            },
        ),
    ],
)
def test_matches_become_findings(backend, lt, expected):
    doc, found = run(TEXT, lt)
    got = {doc.source[f.start : f.end] + (" EN_CA" if "EN_CA" in f.message else ""): f.severity for f in found}
    assert got == expected


def test_message_suggestion_and_fix(backend):
    doc, found = run(TEXT)
    there = next(f for f in found if doc.source[f.start : f.end] == "there plan")
    assert there.message == "Message. (LanguageTool THERE_THEIR, CONFUSED_WORDS)"
    assert there.suggestion == "their plan / the plan / her plan"  # the first three
    assert (there.fix.start, there.fix.end, there.fix.replacement, there.fix.safe) == (
        there.start,
        there.end,
        "their plan",
        False,
    )


def test_what_our_rules_own_is_not_asked_for(backend):
    run(TEXT, LanguageToolSettings(disabled_rules=("EN_QUOTES",)))
    sent = backend[0]
    assert {"TYPOS", "AMERICAN_ENGLISH", "BRITISH_ENGLISH"} <= sent["categories"]
    assert {"ENGLISH_WORD_REPEAT_RULE", "WHITESPACE_RULE", "EN_QUOTES"} <= sent["rules"]


@pytest.mark.parametrize("language", ["en", "en-US", "en-CA", "en-GB", "en-AU"])
def test_the_configured_variant_is_checked(backend, language):
    run(TEXT, language=language)
    assert backend[0]["language"] == language


def test_positions_map_through_markup(backend):
    doc = parse("a.md", "# Title\n\nThe coalition **have agreed** to [there plan](https://x.test).\n")
    doc.languagetool = LanguageToolSettings()
    found = {doc.source[f.start : f.end] for f in RULE().check(doc, RULE.defaults())}
    assert found == {"have agreed", "there plan"}


def test_no_backend_no_findings(monkeypatch):
    monkeypatch.setattr(languagetool, "resolve", lambda settings: Backend(None))
    doc, found = run(TEXT)
    assert found == [] and doc.warnings == []


def test_a_failed_request_is_a_warning(monkeypatch):
    def fail(*args, **kwargs):
        raise LanguageToolFailed("the LanguageTool server at http://lt.test failed on this article (boom)")

    monkeypatch.setattr(languagetool, "resolve", lambda settings: Backend("http://lt.test"))
    monkeypatch.setattr(languagetool, "check", fail)
    doc, found = run(TEXT)
    assert found == []
    assert doc.warnings == ["grammar: the LanguageTool server at http://lt.test failed on this article (boom)"]
