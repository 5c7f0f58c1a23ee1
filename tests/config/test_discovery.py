"""Which config file applies: the search stops at the repository's root, `--isolated`
uses none, and every result names the one that applied."""

from __future__ import annotations

import json
import os

import pytest

from audit.cli.main import main
from audit.config.loader import find
from audit.config.per_folder import PerFolderSettings
from audit.engine.registry import registry

# A stray config in a shared parent folder, strict enough to fail the article.
STRAY = 'fail-on = "warning"\n[rules.sentence-length]\nmax-words = 5\n'
ARTICLE = "A short note. We meet at noon in the big hall on the first floor. Bring a pen.\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _fresh_search():
    find.cache_clear()  # each test builds its own tree; paths may repeat between tests
    yield
    find.cache_clear()


@pytest.fixture
def shared(tmp_path):
    """A shared folder with a stray config, holding a repository with an article."""
    write(tmp_path / ".article-audit.toml", STRAY)
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    write(tmp_path / "repo" / "docs" / "a.txt", ARTICLE)
    return tmp_path


def json_check(*args: str, capsys) -> tuple[int, dict]:
    code = main(["check", "--no-cache", "--jobs", "1", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("marker", [".git", ".hg", ".svn"])
def test_a_config_above_the_repository_root_is_not_used(shared, marker):
    os.rmdir(shared / "repo" / ".git")
    (shared / "repo" / marker).mkdir()
    settings_for = PerFolderSettings(registry())
    article = str(shared / "repo" / "docs" / "a.txt")
    assert settings_for.config_for(article).path is None
    assert settings_for(article).fail_on == "error"
    # Outside the repository the stray config still applies (nothing marks a root there).
    assert settings_for(str(write(shared / "loose" / "b.txt", ARTICLE))).fail_on == "warning"


def test_a_git_file_marks_a_root_too(shared):
    """A git worktree or submodule has a `.git` file, not a folder."""
    os.rmdir(shared / "repo" / ".git")
    write(shared / "repo" / ".git", "gitdir: /elsewhere/.git/worktrees/repo\n")
    assert PerFolderSettings(registry())(str(shared / "repo" / "docs" / "a.txt")).fail_on == "error"


def test_a_config_in_the_repository_root_or_below_applies(shared):
    write(shared / "repo" / ".article-audit.toml", 'fail-on = "warning"\n')
    settings_for = PerFolderSettings(registry())
    assert settings_for(str(shared / "repo" / "docs" / "a.txt")).fail_on == "warning"
    write(shared / "repo" / "docs" / "pyproject.toml", '[tool.article-audit]\nfail-on = "never"\n')
    find.cache_clear()
    assert PerFolderSettings(registry())(str(shared / "repo" / "docs" / "a.txt")).fail_on == "never"


def test_the_stray_config_no_longer_changes_the_verdict(shared, capsys, monkeypatch):
    monkeypatch.chdir(shared / "repo")
    code, report = json_check("docs/a.txt", capsys=capsys)
    assert code == 0 and report["files"][0]["status"] == "passed"
    assert report["files"][0]["config"] is None


def test_isolated_ignores_every_config_file(shared, capsys, monkeypatch):
    write(shared / "repo" / ".article-audit.toml", STRAY)
    write(shared / "loose" / "b.txt", ARTICLE)
    monkeypatch.chdir(shared)
    code, report = json_check("repo/docs/a.txt", "loose/b.txt", capsys=capsys)
    assert code == 1 and [f["config"] for f in report["files"]] == ["repo/.article-audit.toml", ".article-audit.toml"]
    code, report = json_check("--isolated", "repo/docs/a.txt", "loose/b.txt", capsys=capsys)
    assert code == 0 and [f["config"] for f in report["files"]] == [None, None]
    assert all(f["status"] == "passed" for f in report["files"])
    settings = PerFolderSettings(registry(), isolated=True)(str(shared / "loose" / "b.txt"))
    assert settings.fail_on == "error" and settings.config is None


@pytest.mark.parametrize("command", ["check", "baseline", "config"])
def test_isolated_with_a_config_file_is_a_usage_error(shared, command, capsys):
    given = str(shared / ".article-audit.toml")
    assert main([command, "--isolated", "--config", given, str(shared / "repo")]) == 2
    assert "not allowed with" in capsys.readouterr().err


def test_baseline_isolated_records_the_defaults_findings(shared, capsys, monkeypatch):
    write(shared / "repo" / ".article-audit.toml", 'select = ["typo"]\n')
    write(shared / "repo" / "docs" / "long.txt", "This sentence " + "goes on and on " * 10 + "until it stops.\n")
    monkeypatch.chdir(shared / "repo")
    assert main(["baseline", "--jobs", "1", "--output", "with-config.json", "docs"]) == 0
    assert main(["baseline", "--jobs", "1", "--isolated", "--output", "isolated.json", "docs"]) == 0
    capsys.readouterr()

    def findings_in(name):
        entries = json.loads((shared / "repo" / name).read_text(encoding="utf-8"))["files"].values()
        return sum(len(entry["findings"]) for entry in entries)

    assert findings_in("with-config.json") == 0  # only typos, and there are none
    assert findings_in("isolated.json") > 0  # the long sentence, under the defaults


def test_json_names_the_config_relative_to_the_working_folder_or_absolute(shared, capsys, monkeypatch):
    config = write(shared / "repo" / "docs" / ".article-audit.toml", 'fail-on = "warning"\n')
    monkeypatch.chdir(shared / "repo")
    assert json_check("docs/a.txt", capsys=capsys)[1]["files"][0]["config"] == os.path.join(
        "docs", ".article-audit.toml"
    )
    monkeypatch.chdir(shared / "repo" / "docs")
    assert json_check("a.txt", capsys=capsys)[1]["files"][0]["config"] == ".article-audit.toml"
    (shared / "elsewhere").mkdir()
    monkeypatch.chdir(shared / "elsewhere")
    assert json_check(str(shared / "repo" / "docs" / "a.txt"), capsys=capsys)[1]["files"][0]["config"] == str(config)
    given = write(shared / "given.toml", 'fail-on = "warning"\n')
    _, report = json_check("--config", str(given), str(shared / "repo" / "docs" / "a.txt"), capsys=capsys)
    assert report["files"][0]["config"] == str(given)


def test_a_cached_result_names_the_config_it_was_audited_with(shared, capsys, monkeypatch):
    """Two folders with configs alike and the same article: one result in the cache
    must not stand for the other with the other's config named."""
    for folder in ("one", "two"):
        write(shared / "repo" / folder / ".article-audit.toml", 'fail-on = "warning"\n')
        write(shared / "repo" / folder / "a.txt", ARTICLE)
    monkeypatch.chdir(shared / "repo")
    for _ in range(2):  # the second run reads every result from the cache
        assert main(["check", "--jobs", "1", "--format", "json", "one/a.txt", "two/a.txt"]) == 0
        files = json.loads(capsys.readouterr().out)["files"]
        assert [f["config"] for f in files] == [os.path.join(d, ".article-audit.toml") for d in ("one", "two")]
