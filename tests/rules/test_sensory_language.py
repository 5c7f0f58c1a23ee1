"""sensory-language: what its cases (cases/sensory-language.yml) cannot say."""

from __future__ import annotations

from audit.rules.sensory_language import RULE


def test_explain_names_the_wcag_criterion(capsys):
    from audit.cli.main import main

    assert main(["explain", RULE.id]) == 0
    assert "success criterion 1.3.3" in capsys.readouterr().out
