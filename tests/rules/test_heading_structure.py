"""heading-structure: what its cases (cases/heading-structure.yml) cannot say."""

from __future__ import annotations

import pytest

from audit.rules.heading_structure import RULE, ends_a_sentence


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Fuel duty frozen.", True),
        ("Wait...", False),
        ("Made in the U.S.", False),
        ("By John F.", False),
        ("Shares in Acme Inc.", False),
        ("No full stop", False),
        ('He said "no."', True),
    ],
)
def test_ends_a_sentence(text, expected):
    assert ends_a_sentence(text) is expected


def test_explain_names_the_wcag_criterion(capsys):
    from audit.cli.main import main

    assert main(["explain", RULE.id]) == 0
    assert "success criterion 1.3.1" in capsys.readouterr().out
