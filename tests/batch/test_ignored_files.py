"""Folder walks leave out what git ignores and what the run excludes (as ruff does), and
say so when a folder is left with nothing; a file named on the command line is audited."""

from __future__ import annotations

import json

import pytest

from audit.batch.inputs import discover
from audit.cli.main import main
from audit.config.loader import find

ARTICLE = "A note\n\nWe meet at noon in the hall.\n"


def write(path, text=ARTICLE):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path, monkeypatch):
    find.cache_clear()
    (tmp_path / ".git" / "info").mkdir(parents=True)
    write(tmp_path / ".gitignore", "node_modules/\n/build/\n*.draft.md\n!keep.draft.md\n")
    write(tmp_path / "content" / ".gitignore", "private/\n")
    for name in (
        "content/a.md",
        "content/b.draft.md",
        "content/keep.draft.md",
        "content/private/c.md",
        "content/vendor/d.md",
        "node_modules/pkg/README.md",
        "build/out.html",
        "docs/build/kept.md",  # /build/ is anchored to the root
        "docs/e.md",
    ):
        write(tmp_path / name)
    write(tmp_path / ".git" / "info" / "exclude", "docs/e.md\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def walked(paths, excludes=None):
    return sorted(p.replace("\\", "/") for p, problem in discover(paths, [], excludes) if not problem)


def test_gitignore_at_every_level_and_info_exclude(repo):
    assert walked(["."]) == [
        "./content/a.md",
        "./content/keep.draft.md",
        "./content/vendor/d.md",
        "./docs/build/kept.md",
    ]


def test_a_folder_below_the_root_gets_the_ignores_above_it(repo):
    assert walked(["content"]) == ["content/a.md", "content/keep.draft.md", "content/vendor/d.md"]


def test_exclude_patterns_relative_to_their_folder(repo):
    excludes = lambda folder: [(repo, ("vendor/",))]  # noqa: E731
    assert walked(["content"], excludes) == ["content/a.md", "content/keep.draft.md"]


def test_a_file_named_is_always_audited(repo, capsys):
    code = main(["check", "node_modules/pkg/README.md", "--format", "json", "--no-cache"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and [f["path"] for f in report["files"]] == ["node_modules/pkg/README.md"]


def test_cli_exclude_and_config_exclude(repo, capsys):
    write(repo / ".article-audit.toml", 'exclude = ["content/vendor/"]\n')
    main(["check", ".", "--format", "json", "--no-cache", "--exclude", "docs/"])
    paths = [f["path"] for f in json.loads(capsys.readouterr().out)["files"]]
    assert paths == ["./content/a.md", "./content/keep.draft.md"]


def test_config_exclude_must_be_patterns(repo, capsys):
    write(repo / ".article-audit.toml", "exclude = [1]\n")
    assert main(["check", ".", "--no-cache"]) == 2
    assert "exclude" in capsys.readouterr().err


def test_a_folder_with_everything_ignored_says_so(repo, capsys):
    code = main(["check", "node_modules", "--no-cache"])
    err = capsys.readouterr().err
    assert code == 2 and "no articles in this folder" in err and "ignored by git or excluded" in err
