"""english-variant: what its cases (cases/english-variant.yml) cannot say: the sample
article through the engine, and the word list's form."""

from __future__ import annotations

import pytest

from audit.config.loader import Config
from audit.engine.auditor import audit_document
from audit.engine.registry import registry
from audit.frontends import parse
from audit.results.findings import Severity


@pytest.mark.parametrize(
    "language, status, defence",
    [
        ("en-CA", "passed", 0),
        ("en", "passed", 0),
        ("en-US", "failed", 4),
    ],
)
def test_sample_article(sample_text, language, status, defence):
    """Canadian: right as en-CA and as en; "Defence" fails as en-US."""
    doc = parse("coalition-meeting.txt", sample_text)
    settings = Config(language=language).settings_for("coalition-meeting.txt", registry(), select=("english-variant",))
    result = audit_document(doc, settings)
    assert result.status == status
    assert [f.excerpt for f in result.findings] == ["Defence"] * defence
    assert all(f.finding.suggestion == "Defense" and f.severity == Severity.ERROR for f in result.findings)


def test_every_listed_spelling_is_in_lower_case_ascii_letters():
    """The rule finds candidate words as runs of ASCII letters: a listed spelling with
    any other character would never be found."""
    from audit.rules.english_variant import _table

    assert all(word.isascii() and word.isalpha() and word.islower() for word in _table())
