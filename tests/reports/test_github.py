"""GitHub Actions workflow commands: escaping, caps, the closing notice, the job summary."""

from __future__ import annotations

import json
import re

import pytest

from audit.reports import render
from audit.reports.github_report import command, escape_data, escape_property

# The runner's own parser: `::name key=value,key=value::message` on a line of its own.
COMMAND = re.compile(r"^::(?P<name>[a-z-]+)(?: (?P<props>[^:]*))?::(?P<message>.*)$")


def parse(line: str) -> tuple[str, dict[str, str], str]:
    m = COMMAND.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in (m["props"] or "").split(",") if p)
    return m["name"], props, m["message"]


def unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


@pytest.mark.parametrize(
    "raw, data, prop",
    [
        ("plain", "plain", "plain"),
        ("50%", "50%25", "50%25"),
        ("a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("%0A", "%250A", "%250A"),
        ("x\n::error::pwned", "x%0A::error::pwned", "x%0A%3A%3Aerror%3A%3Apwned"),
        ("bell\x07tab\t", "bell\ufffdtab\ufffd", "bell\ufffdtab\ufffd"),
    ],
)
def test_escaping(raw, data, prop):
    assert escape_data(raw) == data and escape_property(raw) == prop
    assert unescape(prop) == raw or "\ufffd" in prop


def test_every_line_is_one_command_and_text_survives(report):
    lines = render("github", report).splitlines()
    commands = [parse(line) for line in lines if line.startswith("::")]
    assert len(commands) == len(lines) - 1 and lines[-1].startswith("article-audit: 3 files")
    name, props, message = commands[1]  # errors first, in file order
    assert name == "error" and props["file"] == "bad\ufffd.txt" and "not valid UTF-8" in message
    name, props, message = commands[2]
    assert name == "warning"
    assert unescape(props["file"]) == "docs/a file, with: odd %chars.md"
    assert props["line"] == "3" and props["endLine"] == "4" and "col" not in props  # columns: single-line only
    assert unescape(message) == report["files"][0]["findings"][1]["message"] + "\nSuggestion: Split <it>."
    typo = next(c for c in commands if c[1].get("title", "").endswith("typo"))
    assert (typo[1]["line"], typo[1]["col"], typo[1]["endLine"], typo[1]["endColumn"]) == ("3", "5", "3", "13")
    assert [c[0] for c in commands] == ["error", "error", "warning", "warning", "notice"]


def _many(report, n_errors, n_warnings, n_info):
    template = report["files"][1]
    findings = []
    for severity, n in (("info", n_info), ("warning", n_warnings), ("error", n_errors)):
        findings += [
            {
                "rule": "typo",
                "severity": severity,
                "message": f"{severity} {i}",
                "line": i + 1,
                "column": 1,
                "end_line": i + 1,
                "end_column": 2,
                "excerpt": "x",
                "suggestion": None,
                "fix": None,
            }
            for i in range(n)
        ]
    report["files"] = [{**template, "status": "failed", "findings": findings}]
    return report


def test_caps_most_severe_first_then_one_notice(report):
    lines = render("github", _many(report, 14, 12, 30), full_report="out/index.html").splitlines()
    commands = [parse(line) for line in lines if line.startswith("::")]
    names = [c[0] for c in commands]
    assert names == ["error"] * 10 + ["warning"] * 10 + ["notice"] * 10
    assert [c[2] for c in commands[:2]] == ["error 0", "error 1"]
    closing = unescape(commands[-1][2])
    assert closing == (
        "27 more findings not shown as annotations (4 error, 2 warning, 21 info). Full report: out/index.html."
    )


def test_no_closing_notice_when_everything_fits(report):
    lines = render("github", _many(report, 2, 10, 10)).splitlines()
    assert sum(line.startswith("::notice") for line in lines) == 10
    assert "more findings" not in "\n".join(lines)


def test_command_without_properties():
    assert command("notice", "hi") == "::notice::hi"


def test_step_summary_is_appended(run_check, articles, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out = run_check(str(articles), "--format", "github")
    assert code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## article-audit: did not pass")
    assert "coalition\\-meeting.txt" in text or "coalition-meeting.txt" in text
    assert all(line.startswith(("::", "article-audit: ")) for line in out.splitlines())


def test_changed_lines_get_the_annotations_first(report):
    many = _many(report, 15, 0, 0)
    path = many["files"][0]["path"]
    lines = render("github", many, changed_lines={path: {14, 15}}).splitlines()
    errors = [parse(line) for line in lines if line.startswith("::error")]
    shown = [props["line"] for _, props, _ in errors]
    assert shown[:2] == ["14", "15"]  # the changed lines first, then the rest in report order
    assert shown[2:] == [str(n) for n in range(1, 9)]
    unchanged = [props["line"] for _, props, _ in (parse(x) for x in render("github", many).splitlines()[:10])]
    assert unchanged == [str(n) for n in range(1, 11)]


def test_pull_request_event_puts_the_changed_lines_first(tmp_path, monkeypatch, capsys):
    import subprocess

    from audit.cli.main import main

    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "a@b.c")
    git("config", "user.name", "A")
    article = tmp_path / "a.txt"
    body = [f"On day {n} the the rain fell." for n in range(1, 15)]
    article.write_text("A note\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "one")
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=tmp_path, capture_output=True, text=True).stdout.strip()
    body.append("The the last day came.")
    article.write_text("A note\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    git("commit", "-qam", "two")
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"base": {"sha": base}}}), encoding="utf-8")
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(event))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.chdir(tmp_path)
    main(["check", "a.txt", "--format", "github", "--no-cache", "--isolated"])
    errors = [parse(line) for line in capsys.readouterr().out.splitlines() if line.startswith("::error")]
    assert len(errors) == 10 and errors[0][1]["line"] == "31"  # the new paragraph's doubled word first
