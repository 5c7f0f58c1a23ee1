"""table-header: what its cases (cases/table-header.yml) cannot say."""

from __future__ import annotations

from audit.rules.table_header import RULE


def test_explain_names_the_wcag_criterion(capsys):
    from audit.cli.main import main

    assert main(["explain", RULE.id]) == 0
    assert "success criterion 1.3.1" in capsys.readouterr().out
