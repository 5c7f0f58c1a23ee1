"""Issue 19: inputs and settings that ran nothing, crashed or showed raw control
characters: an empty rule selection, a jargon entry with no phrase, a file name that is
not UTF-8, bidi and C1 controls in names and text, override globs that match nothing."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

import pytest

from audit.cli.main import main
from audit.reports import render

BAD = "The the end. It is is bad.\n"


def run(capsys, *args, command="check"):
    code = main([command, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def bad(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text(BAD, encoding="utf-8")
    return str(path)


# 3. An empty selection --------------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [["--select", ""], ["--select", " , "], ["--select", "typo", "--ignore", "typo"], ["--ignore", "all"]],
    ids=["empty", "commas", "select-minus-ignore", "ignore-all"],
)
def test_a_selection_that_leaves_no_rule_is_a_usage_error(bad, capsys, options):
    code, out, err = run(capsys, "--isolated", "--no-cache", *options, bad)
    assert (code, out) == (2, "")
    assert "nothing would be checked" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "toml, key",
    [
        ("select = []\n", "select"),
        ('ignore = ["all"]\n', "ignore"),
        ('select = ["typo"]\nignore = ["typo"]\n', "ignore"),
    ],
)
def test_a_config_that_leaves_no_rule_is_a_config_error(bad, tmp_path, capsys, toml, key):
    config = tmp_path / "audit.toml"
    config.write_text(toml, encoding="utf-8")
    code, out, err = run(capsys, "--config", str(config), "--no-cache", bad)
    assert (code, out) == (2, "")
    assert "configuration error" in err and key in err and "nothing would be checked" in err


# 6. Jargon entries with no phrase ------------------------------------------------------


@pytest.mark.parametrize(
    "key, entry", [("extra", ""), ("extra", "=> x"), ("extra", "  =>  "), ("extra", "a| => b"), ("allow", "")]
)
def test_a_jargon_entry_with_no_phrase_is_a_config_error_naming_key_and_entry(bad, tmp_path, capsys, key, entry):
    config = tmp_path / "audit.toml"
    config.write_text(f"[rules.jargon]\n{key} = [{json.dumps(entry)}]\n", encoding="utf-8")
    code, out, err = run(capsys, "--config", str(config), "--no-cache", bad)
    assert (code, out) == (2, "")
    assert f"rules.jargon.{key}: entry {entry!r}" in err
    assert "internal error" not in err


def test_good_jargon_entries_still_work(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("We will utilise the hall and finalise the plan.\n", encoding="utf-8")
    config = tmp_path / "audit.toml"
    config.write_text('[rules.jargon]\nextra = ["hall|room => space"]\nallow = ["finalise"]\n', encoding="utf-8")
    code, out, err = run(
        capsys, "--config", str(config), "--no-cache", "--format", "json", "--select", "jargon", str(article)
    )
    messages = [f["message"] for f in json.loads(out)["files"][0]["findings"]]
    assert any("hall" in m for m in messages) and not any("finalise" in m for m in messages)


# 5. File names that are not UTF-8 --------------------------------------------------------

FORMATS = ["text", "json", "sarif", "junit", "markdown", "github", "gitlab"]


@pytest.fixture
def latin1_name(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    path = os.path.join(os.fsencode(folder), b"caf\xe9.txt")  # Latin-1 é: not UTF-8
    with open(path, "wb") as handle:
        handle.write(BAD.encode())
    return folder


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_name_that_is_not_utf8_is_shown_escaped_in_every_format(latin1_name, capsys, fmt):
    code, out, err = run(capsys, "--isolated", "--no-cache", "--format", fmt, str(latin1_name))
    assert code == 1, err
    assert "Traceback" not in err
    # JSON writes the backslash escaped; a SARIF URI holds the byte itself, percent-encoded.
    shown = {"json": "caf\\\\xe9.txt", "gitlab": "caf\\\\xe9.txt", "sarif": "caf%E9.txt"}.get(fmt, "caf\\xe9.txt")
    assert shown in out
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(out)
    if fmt == "junit":
        ET.fromstring(out)


def test_a_name_that_is_not_utf8_in_output_report_dir_and_fix(latin1_name, tmp_path, capsys):
    report, pages = tmp_path / "report.sarif", tmp_path / "pages"
    code, _, err = run(
        capsys,
        "--isolated",
        "--no-cache",
        "--format",
        "sarif",
        "--output",
        str(report),
        "--report-dir",
        str(pages),
        str(latin1_name),
    )
    assert code == 1 and "Traceback" not in err
    assert 'articles/caf%E9.txt"' in report.read_text(encoding="utf-8")
    assert "caf\\xe9.txt" in (pages / "index.html").read_text(encoding="utf-8")
    code, _, err = run(capsys, "--isolated", "--no-cache", "--fix", str(latin1_name))
    assert "fixed 1 finding(s)" in err and "caf\\xe9.txt" in err
    with open(os.path.join(os.fsencode(latin1_name), b"caf\xe9.txt"), "rb") as handle:
        assert handle.read() == b"The end. It is is bad.\n"  # the file itself, under its own name


def test_a_name_that_is_not_utf8_in_a_baseline(latin1_name, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--isolated", str(latin1_name), command="baseline")
    assert code == 0 and "Traceback" not in err
    baseline = json.loads((tmp_path / ".article-audit-baseline.json").read_text(encoding="utf-8"))
    assert any(name.endswith("caf\\xe9.txt") for name in baseline["files"])


# 7. Bidi and C1 controls ---------------------------------------------------------------

CONTROLS = ("\u202e", "\u0085", "\u009b", "\u2066", "\u200f", "\x1b")


@pytest.fixture
def controlled(tmp_path):
    """An article whose name and whose text (quoted in findings) hold the controls."""
    name = "x" + "".join(CONTROLS) + "y.txt"
    path = tmp_path / name
    path.write_text("The the " + "".join(CONTROLS) + " end. Utilise it.\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("fmt", ["text", "markdown", "junit", "github"])
def test_bidi_and_c1_controls_are_escaped_in_text_markdown_and_junit(controlled, capsys, fmt, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    code, out, err = run(capsys, "--isolated", "--no-cache", "--format", fmt, controlled)
    assert code == 1
    for c in CONTROLS:
        assert c not in out, f"{c!r} reached the {fmt} report"
        assert c not in err


def test_the_report_writers_escape_controls_in_article_text():
    bad = "".join(CONTROLS)
    report = {
        "tool": {"name": "article-audit", "version": "0"},
        "summary": {
            "files": 1,
            "passed": 0,
            "failed": 1,
            "errors": 0,
            "findings": {"error": 1, "warning": 0, "info": 0},
        },
        "rules": {},
        "files": [
            {
                "path": "a.txt",
                "status": "failed",
                "error": None,
                "title": bad,
                "config": None,
                "metrics": {},
                "findings": [
                    {
                        "rule": "typo",
                        "severity": "error",
                        "message": "quoted " + bad,
                        "line": 1,
                        "column": 1,
                        "end_line": 1,
                        "end_column": 2,
                        "excerpt": bad,
                        "suggestion": bad,
                    }
                ],
                "warnings": [],
            }
        ],
    }
    for fmt in ("text", "markdown", "junit"):
        out = render(fmt, report, color=False)
        assert not any(c in out for c in CONTROLS), fmt


def test_baseline_prints_no_raw_controls(controlled, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    output = "base" + "".join(CONTROLS) + ".json"
    code, out, err = run(capsys, "--isolated", "--output", output, controlled, command="baseline")
    assert code == 0
    assert not any(c in out + err for c in CONTROLS)


# 8. Override globs that can never match --------------------------------------------------


@pytest.mark.parametrize("glob", ["../**", "[", "news/[a-z", "/abs/**", ""])
def test_an_override_glob_that_cannot_match_is_warned_about(tmp_path, capsys, monkeypatch, glob):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".article-audit.toml").write_text(
        f'[[overrides]]\npaths = [{json.dumps(glob)}, "news/**"]\nignore = ["typo"]\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    code, out, err = run(capsys, "--no-cache", "--format", "json", "a.txt")
    assert code == 1  # a warning, not an error
    warning = f"overrides[0].paths: {glob!r}"
    assert "warning: " in err and warning in err
    assert "news/**" not in err  # only the glob that cannot match
    assert any(warning in w for w in json.loads(out)["warnings"])


def test_the_config_command_names_a_glob_that_cannot_match(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".article-audit.toml").write_text(
        '[[overrides]]\npaths = ["../**"]\nignore = ["typo"]\n', encoding="utf-8"
    )
    code, out, err = run(capsys, ".", command="config")
    assert code == 0 and "warning: " in err and "overrides[0].paths: '../**'" in err


def test_globs_that_can_match_give_no_warning(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".article-audit.toml").write_text(
        '[[overrides]]\npaths = ["news/**", "*.md", "a?.txt", "**/x[1].txt"]\nignore = ["typo"]\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    code, out, err = run(capsys, "--no-cache", "a.txt")
    assert code == 1 and "warning" not in err


def test_bidi_and_c1_controls_are_escaped_in_the_html_pages(controlled, capsys, tmp_path):
    pages = tmp_path / "pages"
    run(capsys, "--isolated", "--no-cache", "--report-dir", str(pages), controlled)
    html = "".join(p.read_text(encoding="utf-8") for p in pages.glob("*.html"))
    assert "The" in html
    for c in CONTROLS:
        assert c not in html, f"{c!r} reached an HTML page"
