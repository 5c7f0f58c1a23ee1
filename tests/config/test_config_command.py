"""`article-audit config [PATH]`: the settings that apply to a path, and where each came from."""

from __future__ import annotations

import json
import re

import pytest

from audit.cli.main import main
from audit.config.loader import find

CONFIG = """\
ignore = ["passive-voice"]
require-suppression-reason = true
[rules.sentence-length]
max-words = 20
[[overrides]]
paths = ["news/**"]
fail-on = "warning"
[overrides.rules.sentence-length]
severity = "error"
[profiles.ci]
min-severity = "warning"
"""


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path, monkeypatch):
    find.cache_clear()
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".article-audit.toml", CONFIG)
    write(tmp_path / "news" / "a.md", "# A note\n\nWe meet at noon.\n")
    write(tmp_path / "b.md", "# B note\n\nWe meet at noon.\n")
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    find.cache_clear()


def rows(text: str) -> dict[str, tuple[str, str]]:
    """The table of the text output: setting -> (value, from)."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("setting")) + 2
    value_at, origin_at = (m.start() for m in re.finditer(r" -", lines[start - 1]))
    return {
        line[:value_at].strip(): (line[value_at:origin_at].strip(), line[origin_at:].strip()) for line in lines[start:]
    }


def test_text_names_the_file_and_the_key_of_each_setting(project, capsys):
    assert main(["config", "news/a.md"]) == 0
    out = capsys.readouterr().out
    assert "config: .article-audit.toml" in out
    assert "overrides: overrides[0] (news/**)" in out
    table = rows(out)
    assert table["fail-on"] == ('"warning"', ".article-audit.toml:overrides[0].fail-on")
    assert table["min-severity"] == ('"info"', "default")
    assert table["rules.sentence-length.max-words"] == ("20", ".article-audit.toml:rules.sentence-length.max-words")
    assert table["rules.sentence-length.severity"] == (
        '"error"',
        ".article-audit.toml:overrides[0].rules.sentence-length.severity",
    )
    assert table["rules.sentence-length.error-words"] == ("60", "default")
    assert table["rules.passive-voice"] == ("off", ".article-audit.toml:ignore")
    assert "rules.passive-voice.severity" not in table  # a rule that does not run has no settings
    assert table["rules.typo"] == ("on", "default")
    assert table["rules.suppression.require-reason"] == ("true", ".article-audit.toml:require-suppression-reason")


def test_a_file_the_overrides_do_not_match_and_a_profile(project, capsys):
    assert main(["config", "b.md", "--profile", "ci"]) == 0
    out = capsys.readouterr().out
    assert "overrides:" not in out and "profile: ci" in out
    table = rows(out)
    assert table["fail-on"] == ('"error"', "default")
    assert table["min-severity"] == ('"warning"', ".article-audit.toml:profiles.ci.min-severity")
    assert table["rules.sentence-length.severity"] == ('"warning"', "default")


def test_json_gives_every_value_whole(project, capsys):
    assert main(["config", "news/a.md", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["config"] == ".article-audit.toml" and data["overrides"] == ["overrides[0] (news/**)"]
    assert data["settings"]["fail-on"] == {"value": "warning", "from": ".article-audit.toml:overrides[0].fail-on"}
    length = data["rules"]["sentence-length"]
    assert length["enabled"] == {"value": True, "from": "default"}
    assert length["max-words"] == {"value": 20, "from": ".article-audit.toml:rules.sentence-length.max-words"}
    assert data["rules"]["passive-voice"] == {"enabled": {"value": False, "from": ".article-audit.toml:ignore"}}
    known = data["rules"]["abbreviation"]["known"]["value"]
    assert isinstance(known, list) and len(known) > 10  # the text table cuts it short; JSON does not


def test_isolated_and_no_config_show_the_defaults(project, tmp_path_factory, capsys, monkeypatch):
    assert main(["config", "--isolated", "news/a.md"]) == 0
    out = capsys.readouterr().out
    assert "config: built-in defaults (--isolated)" in out
    assert set(origin for _, origin in rows(out).values()) == {"default"}
    bare = tmp_path_factory.mktemp("bare")
    (bare / ".git").mkdir()
    monkeypatch.chdir(bare)
    assert main(["config", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["config"] is None


def test_a_folder_gets_its_config_without_file_overrides(project, capsys):
    assert main(["config", "news"]) == 0
    out = capsys.readouterr().out
    assert "config: .article-audit.toml" in out and "overrides:" not in out
    assert rows(out)["fail-on"] == ('"error"', "default")


def test_a_config_error_exits_2_with_the_message(project, capsys):
    write(project / ".article-audit.toml", 'fail-on = "sometimes"\n')
    assert main(["config", "news/a.md"]) == 2
    err = capsys.readouterr().err
    assert "configuration error" in err and "fail-on: got 'sometimes'" in err
    write(project / ".article-audit.toml", CONFIG)
    assert main(["config", "b.md", "--profile", "nope"]) == 2
    assert "no profile 'nope'" in capsys.readouterr().err


def test_a_given_config_is_said_to_be_given(project, capsys):
    given = write(project / "other.toml", 'fail-on = "never"\n')
    assert main(["config", "news/a.md", "--config", str(given)]) == 0
    out = capsys.readouterr().out
    assert "(--config)" in out
    assert rows(out)["fail-on"] == ('"never"', "other.toml:fail-on")
