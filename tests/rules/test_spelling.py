"""spelling: what its cases (cases/spelling.yml) cannot say: the sample article, the
lexicon's variants and suggestions, speed."""

from __future__ import annotations

import time

import pytest

from audit.frontends import parse
from audit.language import lexicon
from audit.rules.spelling import RULE


def findings(text: str, language: str = "en"):
    doc = parse("a.txt", text)
    doc.language = language
    return [(doc.source[f.start : f.end], f.suggestion) for f in RULE().check(doc, RULE.defaults())]


def test_the_sample_article_has_no_spelling_findings(sample_text):
    for language in ("en", "en-CA", "en-GB", "en-US", "en-AU"):
        assert findings(sample_text, language) == []


@pytest.mark.parametrize(
    "word, variants",
    [
        ("colour", ("en-GB", "en-CA", "en-AU")),
        ("color", ("en-US", "en-CA", "en-AU")),
        ("defence", ("en-GB", "en-CA", "en-AU")),
        ("the", ("en-US", "en-GB", "en-CA", "en-AU")),
        ("teh", ()),
    ],
)
def test_variants_of_words(word, variants):
    assert lexicon.variants_of(word) == variants


def test_suggestions_follow_the_configured_variant():
    assert lexicon.suggestions("colr", lexicon.variant_mask("en-US"))[:1] != ("colour",)
    assert "colour" not in lexicon.suggestions("coluor", lexicon.variant_mask("en-US"))
    assert lexicon.suggestions("coluor", lexicon.variant_mask("en-GB"))[:1] == ("colour",)


def test_a_long_article_is_checked_in_milliseconds():
    text = " ".join(["The minister said the government would publish the report on Monday."] * 300)
    findings(text)  # load the word list
    started = time.perf_counter()
    findings(text)
    assert time.perf_counter() - started < 1.0
