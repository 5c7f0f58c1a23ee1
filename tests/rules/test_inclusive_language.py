"""inclusive-language: what its cases (cases/inclusive-language.yml) cannot say: the
word list's form and the required words found from its patterns."""

from __future__ import annotations

import pytest

from audit.rules.inclusive_language import entries


def test_every_entry_is_well_formed():
    import re

    for row in entries():
        assert row["category"] and row["alternatives"] and row["fix"] in ("yes", "no")
        re.compile(row["pattern"])


@pytest.mark.parametrize(
    "pattern, word",
    [
        ("mankind", "mankind"),
        ("man ?hours", "hours"),
        ("lady doctors?", "doctor"),
        ("(?:drug|heroin|crack) addicts", "addicts"),
        ("(?:afflicted|stricken) (?:with|by) (?:polio|aids)", ""),
        ("the elderly(?=\\s*(?:[,.]|and\\b|$))", "elderly"),
        ("grandfathered(?: in)?", "grandfathered"),
    ],
)
def test_required_word_is_in_every_match(pattern, word):
    from audit.rules.inclusive_language import _required_word

    assert _required_word(pattern) == word


@pytest.mark.parametrize(
    "pattern, words",
    [
        ("mankind", ("mankind",)),
        ("(?:afflicted|stricken) (?:with|by) (?:polio|aids)", ("afflicted", "stricken")),
        ("(?:suffers?|suffering|suffered) from (?:polio|aids)", ("suffer", "suffering", "suffered")),
        ("(?:drug|heroin|crack) addicts", ("addicts",)),
        ("(?:fire)?men are", ("men",)),  # an optional group is never required
        ("the elderly(?=\\s*(?:[,.]|and\\b|$))", ("elderly",)),  # nor a look-ahead
    ],
)
def test_required_words_one_of_them_in_every_match(pattern, words):
    import re

    from audit.rules.inclusive_language import _required_words

    assert _required_words(pattern) == words
    sample = {
        "mankind": "Mankind",
        "(?:afflicted": "stricken by aids",
        "(?:suffers?": "suffers from polio",
        "(?:drug": "heroin addicts",
        "(?:fire)?men": "firemen are",
        "the elderly": "the elderly,",
    }
    text = next(v for k, v in sample.items() if pattern.startswith(k))
    assert re.fullmatch(pattern.replace(" ", r"\s+"), text, re.I) or re.match(pattern, text, re.I)
    assert any(w in text.lower() for w in words)
