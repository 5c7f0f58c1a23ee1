"""html-lang: what its cases (cases/html-lang.yml) cannot say."""

from __future__ import annotations

from audit.rules.html_lang import RULE


def test_explain_names_the_wcag_criterion(capsys):
    from audit.cli.main import main

    assert main(["explain", RULE.id]) == 0
    assert "success criterion 3.1.1" in capsys.readouterr().out
