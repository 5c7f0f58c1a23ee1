"""Configuration: discovery, layering, per-path overrides and clear errors."""

from __future__ import annotations

import pytest

from audit.cli.main import main
from audit.config.loader import ConfigError, glob_to_regex, load
from audit.engine.registry import registry


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "toml, problem",
    [
        ("bogus = 1", "bogus: unknown setting; allowed: select"),
        ('fail-on = "sometimes"', "fail-on: got 'sometimes'; allowed: error, warning, info, never"),
        ('select = ["no-such-rule"]', "select: unknown rule 'no-such-rule'"),
        ('language = "fr"', "language: got 'fr'; allowed: en"),
        ('[rules.sentence-length]\nmax-words = "many"', "rules.sentence-length.max-words: expected integer"),
        ("[rules.sentence-length]\nmax-words = 2", "max-words: must be at least 5"),
        ("[rules.sentence-length]\ncolour = 1", "rules.sentence-length.colour: unknown option; allowed: severity"),
        ('[rules.sentence-length]\nseverity = "fatal"', "severity: got 'fatal'; allowed: error, warning, info"),
        ('[rules.nope]\nseverity = "info"', "rules.nope: unknown rule"),
        ("[[overrides]]\nselect = []", "overrides[0].paths: required"),
        ("x = [", "not valid TOML"),
        ("vocabulary = 3", "vocabulary: expected a list of words or patterns"),
        ('vocabulary = ["kube-(["]', "vocabulary: 'kube-([' is not a valid regular expression"),
        ('vocabulary-file = "missing.txt"', "vocabulary-file: cannot read missing.txt"),
        ('vocabulary = ["(a+)+"]', "vocabulary: '(a+)+' repeats a group that repeats"),
    ],
)
def test_config_errors_name_file_key_and_allowed(tmp_path, toml, problem):
    path = write(tmp_path / ".article-audit.toml", toml)
    with pytest.raises(ConfigError) as info:
        load(path, registry())
    assert str(path) in str(info.value)
    assert problem in str(info.value)


def test_config_error_exits_2_without_traceback(tmp_path, capsys):
    write(tmp_path / ".article-audit.toml", "fail-on = 3\n")
    article = write(tmp_path / "a.txt", "A short note. It is fine.")
    assert main(["check", str(article)]) == 2
    err = capsys.readouterr().err
    assert "configuration error" in err and "fail-on" in err and "Traceback" not in err


def test_pyproject_section_is_found_from_the_file_upward(tmp_path, capsys):
    write(tmp_path / "pyproject.toml", "[tool.article-audit.rules.sentence-length]\nmax-words = 5\n")
    (tmp_path / "news").mkdir()
    article = write(tmp_path / "news" / "a.txt", "This sentence has more than five words in it.")
    assert main(["check", "--format", "json", str(article)]) == 0
    assert '"rule": "sentence-length"' in capsys.readouterr().out


def test_override_by_glob_and_severity(tmp_path, capsys):
    write(
        tmp_path / ".article-audit.toml",
        '[[overrides]]\npaths = ["news/**"]\n[overrides.rules.sentence-length]\nmax-words = 5\nseverity = "error"\n',
    )
    (tmp_path / "news" / "deep").mkdir(parents=True)
    text = "This sentence has more than five words in it."
    strict = write(tmp_path / "news" / "deep" / "a.txt", text)
    relaxed = write(tmp_path / "b.txt", text)
    assert main(["check", str(relaxed)]) == 0
    assert main(["check", str(strict)]) == 1
    out = capsys.readouterr().out
    assert "error sentence-length" in out


def test_select_ignore_and_fail_on_from_command_line(tmp_path, capsys):
    article = write(tmp_path / "a.txt", "The " + " ".join(["cat"] * 30) + " sat.")
    only = ["--select", "sentence-length,reading-level"]
    assert main(["check", *only, str(article)]) == 0  # a warning does not fail the default gate
    assert main(["check", *only, "--fail-on", "warning", str(article)]) == 1
    assert main(["check", *only, "--fail-on", "warning", "--ignore", "sentence-length", str(article)]) == 0
    assert main(["check", "--select", "nope", str(article)]) == 2


@pytest.mark.parametrize(
    "pattern, path, matches",
    [
        ("news/**", "news/a.txt", True),
        ("news/**", "news/x/y.md", True),
        ("news/*", "news/x/y.md", False),
        ("**/draft-*.md", "a/b/draft-1.md", True),
        ("**/draft-*.md", "draft-1.md", True),
        ("*.txt", "a/b.txt", False),
    ],
)
def test_globs(pattern, path, matches):
    assert bool(glob_to_regex(pattern).fullmatch(path)) is matches
