"""SARIF as code-scanning platforms take it at archive scale: a result cap that keeps the
errors and says what it left out, one alert per finding, the fields GitHub and Azure DevOps
show, and paths relative to the project's root."""

from __future__ import annotations

import json

import pytest

from audit.cli.main import main
from audit.reports import render
from audit.reports.project_paths import project_path

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test extra: pip install -e '.[test]'")


def finding(rule, severity, column, excerpt="word", fingerprint=None):
    return {
        "rule": rule,
        "severity": severity,
        "message": f"{rule} here",
        "line": 3,
        "column": column,
        "end_line": 3,
        "end_column": column + 4,
        "excerpt": excerpt,
        "suggestion": None,
        "fix": None,
        "fingerprint": fingerprint,
    }


def report(findings, path="news/a.md"):
    return {
        "tool": {"name": "article-audit", "version": "1.2.3", "information_uri": "https://example.org/aa"},
        "summary": {},
        "rules": {
            "typo": {
                "summary": "Typo",
                "description": "Flags typos.",
                "help": "Flags typos.\n\nWhy:\nThey distract.\n\nBad:\nThe the end.\n\nGood:\nThe end.",
                "help_uri": "https://example.org/aa/typo.md",
                "severity": "error",
            }
        },
        "files": [{"path": path, "status": "failed", "findings": findings}],
    }


def run_of(model, **options):
    return json.loads(render("sarif", model, **options))["runs"][0]


def test_cap_keeps_errors_first_in_report_order_and_names_what_it_left_out():
    levels = ["info", "warning", "error", "info", "error", "warning"]
    model = report([finding("typo", s, 1 + 10 * n, fingerprint=f"f{n}") for n, s in enumerate(levels)])
    run = run_of(model, max_results=3)
    assert [r["level"] for r in run["results"]] == ["warning", "error", "error"]  # both errors, then a warning
    assert [r["locations"][0]["physicalLocation"]["region"]["startColumn"] for r in run["results"]] == [11, 21, 41]
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["descriptor"]["id"] == "results-capped" and note["level"] == "warning"
    assert "3 results left out" in note["message"]["text"] and "1 warning, 2 note" in note["message"]["text"]
    assert run["invocations"][0]["executionSuccessful"] is True


def test_no_cap_note_under_the_cap():
    run = run_of(report([finding("typo", "error", 1)]), max_results=1)
    assert run["invocations"][0]["toolExecutionNotifications"] == []


def test_findings_on_one_line_get_distinct_line_hashes():
    # A paragraph is one line: GitHub's own line hash would merge these into one alert.
    model = report([finding("typo", "error", 1 + 10 * n, fingerprint=f"print{n}") for n in range(3)])
    hashes = [r["partialFingerprints"]["primaryLocationLineHash"] for r in run_of(model)["results"]]
    assert len(set(hashes)) == 3


def test_fields_github_and_azure_devops_show():
    run = run_of(report([finding("typo", "error", 1)]))
    driver = run["tool"]["driver"]
    assert driver["fullName"] == "article-audit 1.2.3"
    assert driver["informationUri"] == "https://example.org/aa"
    assert run["automationDetails"]["id"] == "article-audit/"
    (rule,) = driver["rules"]
    assert rule["name"] == "Typo" and rule["name"] != rule["id"]
    assert rule["helpUri"] == "https://example.org/aa/typo.md"
    assert "**Why:** They distract." in rule["help"]["markdown"]
    assert "> The the end." in rule["help"]["markdown"]


def test_paths_relative_to_the_project_root_whatever_form_was_given():
    for given in ("/ci/project/news/a.md", "news/a.md", "./news/a.md", "../news/a.md"):
        cwd = "/ci/project" if not given.startswith("..") else "/ci/project/sub"
        assert project_path(given, "/ci/project", cwd) == "news/a.md", given
    assert project_path("/elsewhere/a.md", "/ci/project", "/ci/project") == "/elsewhere/a.md"
    run = run_of(
        report([finding("typo", "error", 1)], path="/ci/project/news/a.md"), project_root="/ci/project", cwd="/"
    )
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "news/a.md",
        "uriBaseId": "%SRCROOT%",
    }
    issues = json.loads(
        render(
            "gitlab",
            report([finding("typo", "error", 1)], path="/ci/project/news/a.md"),
            project_root="/ci/project",
            cwd="/",
        )
    )
    assert issues[0]["location"]["path"] == "news/a.md"


def test_gitlab_path_from_ci_project_dir(tmp_path, monkeypatch, capsys):
    article = tmp_path / "docs" / "a.txt"
    article.parent.mkdir()
    article.write_text("A note\n\nThe the meeting is at noon today.\n", encoding="utf-8")
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path))
    monkeypatch.chdir(article.parent)
    main(["check", str(article), "--format", "gitlab", "--no-cache", "--isolated"])
    issues = json.loads(capsys.readouterr().out)
    assert issues and {i["location"]["path"] for i in issues} == {"docs/a.txt"}


def test_builtin_rules_link_their_pages(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("A note\n\nThe the meeting is at noon today.\n", encoding="utf-8")
    main(["check", str(article), "--format", "sarif", "--no-cache", "--isolated"])
    rules = json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"]
    typo = next(r for r in rules if r["id"] == "typo")
    assert typo["helpUri"].endswith("/docs/rules/typo.md")


def test_one_run_writes_several_formats(tmp_path, monkeypatch, capsys):
    article = tmp_path / "a.txt"
    article.write_text("A note\n\nThe the meeting is at noon today. It it was fun.\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    sarif, junit = tmp_path / "out.sarif", tmp_path / "out.xml"
    code = main(
        [
            "check", str(article), "--format", "github", "--no-cache", "--isolated",
            "--output-format", f"sarif={sarif}", "--output-format", f"junit={junit}", "--max-results", "1",
        ]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 1 and "::error file=" in out
    log = json.loads(sarif.read_text(encoding="utf-8"))
    assert len(log["runs"][0]["results"]) == 1
    assert "<testsuites" in junit.read_text(encoding="utf-8")
    assert "left out of the SARIF report" in summary.read_text(encoding="utf-8")


def test_output_format_needs_format_and_file(capsys):
    assert main(["check", "x.txt", "--output-format", "sarif"]) == 2
    assert "FORMAT=FILE" in capsys.readouterr().err
