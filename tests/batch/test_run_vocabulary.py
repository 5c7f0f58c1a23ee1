"""A word in no list that several articles of one run use is a term of the run, not a
slip (audit.batch.run_vocabulary); a common slip of a word the run uses far more stays
flagged, and a result is never taken from the cache under other evidence."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from audit.cli.main import main
from audit.config.loader import find

# "runc" is one letter from "run": alone, the spelling rule takes it for a slip.
TERM = "Notes from the week\n\nThe team moved the node tests to runc {n} and they pass now.\n"
SLIP = "Notes {n}\n\nWe recieve the report each week and receive the minutes too.\n"
PLAIN = "Notes {n}\n\nWe receive the report each week from the office.\n"


@pytest.fixture(autouse=True)
def fresh_config():
    find.cache_clear()
    yield
    find.cache_clear()


def spelling(capsys, *args) -> dict[str, list[str]]:
    """Each file's spelling findings (their words) from `check --format json`."""
    capsys.readouterr()
    isolated = [] if "--config" in args else ["--isolated"]
    main(["check", *args, "--format", "json", *isolated, "--select", "spelling"])
    report = json.loads(capsys.readouterr().out)
    return {f["path"]: [x["excerpt"] for x in f["findings"]] for f in report["files"]}


def write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder / name)


def test_a_word_several_articles_use_is_a_term_of_the_run(tmp_path, capsys):
    paths = [write(tmp_path, f"{n}.txt", TERM.format(n=n)) for n in range(3)]
    assert spelling(capsys, paths[0], "--no-cache") == {paths[0]: ["runc"]}  # alone: a slip
    assert spelling(capsys, *paths, "--no-cache") == {p: [] for p in paths}


def test_fewer_articles_than_the_option_asks_for_teach_nothing(tmp_path, capsys):
    paths = [write(tmp_path, f"{n}.txt", TERM.format(n=n)) for n in range(3)]
    config = write(tmp_path, "config.toml", "[rules.spelling]\nrun-vocabulary = 4\n")
    found = spelling(capsys, *paths, "--no-cache", "--config", config)
    assert found == {p: ["runc"] for p in paths}
    off = write(tmp_path, "off.toml", "[rules.spelling]\nrun-vocabulary = 0\n")
    assert spelling(capsys, *paths, "--no-cache", "--config", off) == {p: ["runc"] for p in paths}


def test_a_common_slip_beside_the_word_the_run_uses_far_more_stays_flagged(tmp_path, capsys):
    slips = [write(tmp_path, f"slip{n}.txt", SLIP.format(n=n)) for n in range(3)]
    plain = [write(tmp_path, f"plain{n}.txt", PLAIN.format(n=n)) for n in range(10)]
    found = spelling(capsys, *slips, *plain, "--no-cache")
    assert all(found[p] == ["recieve"] for p in slips)


def test_a_word_two_articles_write_in_code_is_a_term_even_beside_a_common_word(tmp_path, capsys):
    code = "Notes {n}\n\nRun `runc list` to see the containers, then run the tests.\n"
    paths = [write(tmp_path, f"code{n}.md", code.format(n=n)) for n in range(2)]
    prose = [write(tmp_path, f"prose{n}.md", TERM.format(n=n)) for n in range(2)]
    runs = [write(tmp_path, f"run{n}.md", "Notes\n\nWe run the tests and run them again.\n") for n in range(10)]
    found = spelling(capsys, *paths, *prose, *runs, "--no-cache")
    assert all(found[p] == [] for p in prose)


def test_the_cache_keeps_a_result_apart_from_one_audited_under_other_evidence(tmp_path, capsys):
    paths = [write(tmp_path, f"{n}.txt", TERM.format(n=n)) for n in range(3)]
    assert spelling(capsys, paths[0]) == {paths[0]: ["runc"]}
    assert spelling(capsys, *paths) == {p: [] for p in paths}
    assert spelling(capsys, paths[0]) == {paths[0]: ["runc"]}


def test_a_run_narrowed_to_changed_articles_learns_from_all_of_them(tmp_path, capsys, monkeypatch):
    """--changed-since audits one changed file, but a term the project's articles share is
    still a term: the vocabulary is learned from every article at the paths given."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    paths = [write(tmp_path, f"{n}.txt", TERM.format(n=n)) for n in range(3)]
    environ = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    environ |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "articles"]):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True, env={**os.environ, **environ})
    Path(paths[0]).write_text(TERM.format(n="again"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert spelling(capsys, ".", "--no-cache", "--changed-since", "HEAD") == {"0.txt": []}
