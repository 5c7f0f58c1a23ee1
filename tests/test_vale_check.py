"""A project's Vale styles inside `article-audit check` (the `vale-config` setting): each
alert a finding under the Vale rule's name, its level the severity, its link the help."""

from __future__ import annotations

import json
from pathlib import Path

from audit.cli.main import main

RULE = 'extends: existence\nmessage: "Avoid %s"\nlink: https://example.org/house\nlevel: {level}\ntokens: [utilize]\n'


def project(tmp_path: Path, setting: str = 'vale-config = ".vale.ini"\n', level: str = "error") -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".article-audit.toml").write_text(setting, encoding="utf-8")
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*.md]\nBasedOnStyles = House\n", encoding="utf-8")
    (tmp_path / "styles" / "House").mkdir(parents=True)
    (tmp_path / "styles" / "House" / "Utilize.yml").write_text(RULE.format(level=level), encoding="utf-8")
    text = (
        "# Notes\n\nWe utilize the tool to do the work for the team every day.\n\n"
        "<!-- article-audit-disable-next-line House.Utilize -- a quotation -->\nWe utilize it.\n"
    )
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    return tmp_path


def check_json(tmp_path, monkeypatch, capsys, *args: str) -> tuple[int, dict]:
    monkeypatch.chdir(tmp_path)
    code = main(["check", "a.md", "--no-cache", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_vale_rules_report_under_their_own_names(tmp_path, monkeypatch, capsys):
    code, report = check_json(project(tmp_path), monkeypatch, capsys)
    findings = [f for f in report["files"][0]["findings"] if f["rule"].startswith("House.")]
    assert [(f["rule"], f["severity"], f["line"], f["column"], f["message"]) for f in findings] == [
        ("House.Utilize", "error", 3, 4, "Avoid utilize")  # line 6 is suppressed by name
    ]
    assert code == 1
    assert not any(f["rule"] == "suppression" for f in report["files"][0]["findings"])


def test_level_is_the_severity_and_link_the_help(tmp_path, monkeypatch, capsys):
    project(tmp_path, level="suggestion")
    monkeypatch.chdir(tmp_path)
    main(["check", "a.md", "--no-cache", "--format", "sarif"])
    run = json.loads(capsys.readouterr().out)["runs"][0]
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "House.Utilize")
    assert rule["help"]["text"] == "https://example.org/house"
    result = next(r for r in run["results"] if r["ruleId"] == "House.Utilize")
    assert result["level"] == "note"


def test_a_vale_ini_beside_the_config_is_found(tmp_path, monkeypatch, capsys):
    _, report = check_json(project(tmp_path, setting='fail-on = "never"\n'), monkeypatch, capsys)
    assert any(f["rule"] == "House.Utilize" for f in report["files"][0]["findings"])


def test_isolated_runs_no_vale_styles(tmp_path, monkeypatch, capsys):
    _, report = check_json(project(tmp_path), monkeypatch, capsys, "--isolated")
    assert not any(f["rule"].startswith("House.") for f in report["files"][0]["findings"])


def test_a_missing_vale_config_is_a_config_error(tmp_path, monkeypatch, capsys):
    project(tmp_path, setting='vale-config = "nowhere.ini"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.md", "--no-cache"]) == 2
    assert "vale-config: no such file" in capsys.readouterr().err


def test_rules_and_explain_show_the_vale_rules(tmp_path, monkeypatch, capsys):
    project(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["rules"]) == 0
    assert "House.Utilize" in capsys.readouterr().out
    assert main(["explain", "House.Utilize"]) == 0
    assert "https://example.org/house" in capsys.readouterr().out
