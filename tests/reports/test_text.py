"""The console report: the batch summary table, worst first, with totals and colour rules."""

from __future__ import annotations

import re

from audit.cli.main import main
from audit.reports import render
from audit.reports.summary import families, figures, table

ANSI = re.compile(r"\033\[[0-9;]*m")


def test_summary_table_worst_first_with_totals(report):
    out = render("text", report).splitlines()
    header = next(i for i, line in enumerate(out) if line.startswith("Article"))
    rows = out[header + 2 : header + 6]
    assert [r.split()[0] for r in rows[:3]] == ["bad\ufffd.txt", "docs/a", "ok.txt"]
    assert rows[0].rstrip().endswith("ERROR") and "FAIL" in rows[1] and rows[2].rstrip().endswith("PASS")
    assert rows[3].startswith("Total (3)") and "avg 9.5" in rows[3] and "2 not passed" in rows[3]
    assert not ANSI.search("\n".join(out))


def test_single_article_has_no_table(report):
    report["files"] = report["files"][1:2]
    assert "Article" not in render("text", report)


def test_colour_only_when_asked(report):
    coloured = render("text", report, color=True)
    assert "\033[31mFAIL\033[0m" in coloured and "\033[32mPASS\033[0m" in coloured
    assert "\033[33m14\033[0m" in coloured  # grade above its target
    assert ANSI.sub("", coloured) == render("text", report, color=False)


def test_columns_of_absent_rules_stay_blank(report):
    categories = families(report)
    row = figures(report["files"][0], categories)
    assert row.typos == 1 and row.jargon is None and row.passive_pct is None
    report["files"][0]["metrics"]["passive_pct"] = 12.5
    assert figures(report["files"][0], categories).passive_pct == 12.5
    # Counted by the category the rule declares, not by its name.
    assert figures(report["files"][0], {"typo": "style"}).typos is None
    assert figures(report["files"][0], {"typo": "jargon"}).jargon == 1
    assert table(report)[0].typos is None  # an input that could not be audited shows no counts


def test_cli_colour_follows_terminal_and_no_color(articles, monkeypatch, capsys):
    monkeypatch.setenv("NO_COLOR", "1")
    main(["check", "--no-cache", "--jobs", "1", str(articles), "--color", "auto"])
    assert not ANSI.search(capsys.readouterr().out)
    monkeypatch.delenv("NO_COLOR")
    main(["check", "--no-cache", "--jobs", "1", str(articles)])  # captured: not a terminal
    out = capsys.readouterr().out
    assert not ANSI.search(out) and "Total (3)" in out
    main(["check", "--no-cache", "--jobs", "1", str(articles), "--color", "always"])
    assert ANSI.search(capsys.readouterr().out)


def test_control_characters_cannot_reach_the_terminal(report):
    report["files"][0]["findings"][1]["message"] = "bad \033[2J\033]0;title\007 text"
    out = render("text", report)
    assert "\033" not in out and "\007" not in out and "\x07" not in out


def test_the_last_line_names_the_config_that_applied(report):
    assert render("text", report).splitlines()[-1].endswith("; config: built-in defaults")
    for result in report["files"]:
        result["config"] = "docs/.article-audit.toml"
    last = render("text", report).splitlines()[-1]
    assert last == "3 file(s): 1 passed, 1 failed, 1 could not be audited; config: docs/.article-audit.toml"
    report["files"][1]["config"] = None
    assert (
        render("text", report)
        .splitlines()[-1]
        .endswith("; configs: docs/.article-audit.toml (1 article), built-in defaults (1 article)")
    )  # the input that could not be audited had no config applied
    report["files"] = report["files"][2:]
    assert render("text", report).splitlines()[-1].endswith("could not be audited")
