"""image-alt: what its cases (cases/image-alt.yml) cannot say."""

from __future__ import annotations

from audit.rules.image_alt import RULE


def test_explain_names_the_wcag_criterion(capsys):
    from audit.cli.main import main

    assert main(["explain", RULE.id]) == 0
    assert "success criterion 1.1.1" in capsys.readouterr().out
