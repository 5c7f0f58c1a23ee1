"""Built-in profiles (audit/config/profiles.toml): the default gate fails on mistakes, and
`--profile strict | wcag-aaa | docs` raises or relaxes the readability advice."""

from __future__ import annotations

import json

import pytest

from audit.cli.main import main
from audit.config.loader import builtin_profiles, find

HARD = (
    "The deployment of considerable organisational capabilities necessitates comprehensive "
    "interdepartmental coordination mechanisms and institutional accountability frameworks. "
) * 12


@pytest.fixture
def article(tmp_path, monkeypatch):
    find.cache_clear()
    (tmp_path / ".git").mkdir()
    path = tmp_path / "hard.txt"
    path.write_text("Plans\n\n" + HARD + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return path


def run(capsys, *args):
    code = main(["check", *args, "--format", "json", "--no-cache"])
    return code, json.loads(capsys.readouterr().out)


def grade_finding(report):
    found = [f for f in report["files"][0]["findings"] if f["rule"] == "reading-level" and f.get("metric")]
    assert len(found) == 1
    return found[0]


def test_reading_level_is_advice_by_default(article, capsys):
    code, report = run(capsys, str(article))
    assert grade_finding(report)["severity"] == "warning"
    assert report["files"][0]["status"] == "passed" and code == 0


@pytest.mark.parametrize("profile", ["strict", "wcag-aaa"])
def test_strict_profiles_gate_on_reading_level(article, capsys, profile):
    code, report = run(capsys, str(article), "--profile", profile)
    assert grade_finding(report)["severity"] == "error"
    assert report["files"][0]["status"] == "failed" and code == 1


def test_docs_profile_grades_against_a_higher_target(article, capsys):
    _, report = run(capsys, str(article), "--profile", "docs")
    assert "the target is 12" in grade_finding(report)["message"]


def test_the_default_profile_is_the_defaults(article, capsys):
    _, plain = run(capsys, str(article))
    _, named = run(capsys, str(article), "--profile", "default")
    assert named["files"][0]["findings"] == plain["files"][0]["findings"]


def test_a_config_profile_of_the_same_name_replaces_the_builtin(article, capsys):
    (article.parent / ".article-audit.toml").write_text('[profiles.strict]\nfail-on = "never"\n', encoding="utf-8")
    code, report = run(capsys, str(article), "--profile", "strict")
    assert grade_finding(report)["severity"] == "warning"  # the built-in's severity does not apply
    assert code == 0


def test_an_unknown_profile_names_the_builtins(article, capsys):
    code = main(["check", str(article), "--profile", "nope", "--no-cache"])
    err = capsys.readouterr().err
    assert code == 2
    assert "'nope'" in err and "strict" in err and "wcag-aaa" in err and "docs" in err


def test_config_command_says_a_setting_came_from_a_builtin_profile(article, capsys):
    assert main(["config", str(article), "--profile", "strict", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["rules"]["reading-level"]["severity"] == {
        "value": "error",
        "from": "built-in:profiles.strict.rules.reading-level.severity",
    }


def test_every_builtin_profile_loads_against_the_rules():
    assert set(builtin_profiles()) == {"default", "news", "strict", "wcag-aaa", "docs", "fiction"}


def test_news_profile_is_the_defaults(article, capsys):
    _, plain = run(capsys, str(article))
    _, named = run(capsys, str(article), "--profile", "news")
    assert named["files"][0]["findings"] == plain["files"][0]["findings"]


def test_fiction_profile_keeps_long_sentences_out_of_the_gate(tmp_path, capsys, monkeypatch):
    find.cache_clear()
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    long = " ".join(["and the old road wound on past the mill"] * 8) + "."
    path = tmp_path / "chapter.txt"
    path.write_text("Chapter one\n\n" + long.capitalize() + "\n", encoding="utf-8")
    code, report = run(capsys, str(path))
    assert code == 1 and any(
        f["rule"] == "sentence-length" and f["severity"] == "error" for f in report["files"][0]["findings"]
    )
    code, report = run(capsys, str(path), "--profile", "fiction")
    assert code == 0 and not any(f["severity"] == "error" for f in report["files"][0]["findings"])


def test_docs_profile_leaves_terms_in_headings_and_link_text(tmp_path, capsys, monkeypatch):
    find.cache_clear()
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "guide.md"
    path.write_text(
        "# Best Practices\n\nRead the [best practices](x.md) first, then leverage the cache.\n", encoding="utf-8"
    )
    _, report = run(capsys, str(path), "--select", "jargon")
    assert len(report["files"][0]["findings"]) == 3
    _, report = run(capsys, str(path), "--select", "jargon", "--profile", "docs")
    assert [f["excerpt"] for f in report["files"][0]["findings"]] == ["leverage"]
