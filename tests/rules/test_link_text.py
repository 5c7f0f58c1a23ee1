"""link-text: what its cases (cases/link-text.yml) cannot say."""

from __future__ import annotations

from audit.rules.link_text import RULE


def test_explain_names_the_wcag_criterion(capsys):
    from audit.cli.main import main

    assert main(["explain", RULE.id]) == 0
    assert "success criterion 2.4.4" in capsys.readouterr().out
