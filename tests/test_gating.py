"""Gating what changed: baselines, --changed-since, profiles, --min-severity, fixes, init, pre-commit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from audit.cli.main import main
from audit.engine.registry import registry

ROOT = Path(__file__).resolve().parents[1]
HAS_PASSIVE = "passive-voice" in registry()

PARAGRAPHS = [
    "The council met on {day} to talk about the new park. Members asked many questions about its cost.",
    "Residents want more trees and a place for children to play. Some also want a small cafe.",
    "Work could start next spring if the budget allows it. The mayor hopes to open it within a year.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def git(cwd, *args):
    subprocess.run(
        ["git", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.com",
        },
    )


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A content repository with 20 articles, committed, and the working folder inside it."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "content"
    (root / "news").mkdir(parents=True)
    for n in range(20):
        paragraphs = [p.format(day=DAYS[n % 5]) for p in PARAGRAPHS]
        (root / "news" / f"story-{n:02}.txt").write_text(
            f"Story {n}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8"
        )
    (root / ".article-audit.toml").write_text('fail-on = "info"\nselect = ["all"]\n', encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "articles")
    monkeypatch.chdir(root)
    return root


def check_json(capsys, *args):
    code = main(["check", "--format", "json", "--no-cache", *args])
    return code, json.loads(capsys.readouterr().out)


def test_baseline_gates_only_new_findings(repo, capsys):
    story = repo / "news" / "story-03.txt"
    text = story.read_text(encoding="utf-8")
    # Existing findings go into the baseline (a long sentence), then the gate passes.
    story.write_text(
        text.replace(
            "Some also want a small cafe.",
            "Some also want a small cafe, a shop, "
            "a pond, a bandstand, a garden of roses and lilies and tulips, a bench by "
            "every path and a fountain in the middle.",
        ),
        encoding="utf-8",
    )
    assert main(["baseline", "."]) == 0
    capsys.readouterr()
    assert check_json(capsys, ".", "--baseline", ".article-audit-baseline.json")[0] == 0

    # Moving paragraphs around changes line numbers but not the findings: still passes.
    moved = story.read_text(encoding="utf-8").split("\n\n")
    story.write_text("\n\n".join([moved[0], moved[3], moved[1], moved[2]]), encoding="utf-8")
    code, report = check_json(capsys, ".", "--baseline", ".article-audit-baseline.json")
    assert code == 0, report

    # A new finding fails the gate and is the only one reported.
    new_sentence = "The decision was made by the committee after a long meeting."
    other = repo / "news" / "story-07.txt"
    other.write_text(
        other.read_text(encoding="utf-8").replace(
            "Members asked many questions about its cost.",
            "Members asked many questions about its cost. "
            + (new_sentence if HAS_PASSIVE else "It has " + "very " * 30 + "many parts."),
        ),
        encoding="utf-8",
    )
    code, report = check_json(capsys, ".", "--baseline", ".article-audit-baseline.json")
    assert code == 1
    flagged = [(r["path"], f["excerpt"]) for r in report["files"] for f in r["findings"]]
    assert len({path for path, _ in flagged}) == 1 and flagged[0][0].endswith("story-07.txt")
    if HAS_PASSIVE:
        assert any(e in ("was made", new_sentence) for _, e in flagged)


def test_baseline_update_drops_fixed_findings(repo, capsys):
    story = repo / "news" / "story-01.txt"
    original = story.read_text(encoding="utf-8")
    story.write_text(original + "\nIt has " + "very " * 30 + "many parts.\n", encoding="utf-8")
    main(["baseline", "."])
    before = json.loads((repo / ".article-audit-baseline.json").read_text())
    story.write_text(original, encoding="utf-8")
    main(["baseline", ".", "--update"])
    after = json.loads((repo / ".article-audit-baseline.json").read_text())
    count = lambda b: sum(len(e["findings"]) for e in b["files"].values())  # noqa: E731
    assert count(after) < count(before)


def test_metric_gate_compares_against_the_baseline(repo, capsys):
    story = repo / "news" / "story-02.txt"
    hard = "The council met on Monday to discuss the considerable cost of the proposed development near the river. "
    story.write_text("Story\n\n" + hard * 6, encoding="utf-8")
    main(["baseline", "."])
    capsys.readouterr()
    assert check_json(capsys, ".", "--baseline", ".article-audit-baseline.json")[0] == 0
    harder = (
        "The municipal council convened on Monday to deliberate regarding the considerable expenditure "
        "associated with the proposed riverside development. "
    )
    story.write_text("Story\n\n" + harder * 6, encoding="utf-8")
    code, report = check_json(capsys, ".", "--baseline", ".article-audit-baseline.json")
    assert code == 1
    assert any(f.get("metric") and "baseline:" in f["message"] for r in report["files"] for f in r["findings"])


def test_changed_since_audits_exactly_the_changed_files(repo, capsys):
    (repo / "news" / "story-04.txt").write_text("Changed story\n\nA new line of text here.\n", encoding="utf-8")
    (repo / "news" / "new-story.md").write_text("A brand new article about the park.\n", encoding="utf-8")
    git(repo, "mv", "news/story-05.txt", "news/story-05-renamed.txt")
    code, report = check_json(capsys, ".", "--changed-since", "HEAD")
    assert sorted(Path(r["path"]).name for r in report["files"]) == [
        "new-story.md",
        "story-04.txt",
        "story-05-renamed.txt",
    ]


def test_changed_lines_keeps_findings_on_changed_lines(repo, capsys):
    story = repo / "news" / "story-06.txt"
    long_sentence = "It has " + "very " * 30 + "many parts."
    story.write_text(story.read_text(encoding="utf-8") + "\n" + long_sentence + "\n", encoding="utf-8")
    git(repo, "commit", "-qam", "long sentence")
    story.write_text(story.read_text(encoding="utf-8") + "\nAnother " + long_sentence + "\n", encoding="utf-8")
    code, report = check_json(capsys, ".", "--changed-since", "HEAD", "--changed-lines", "--select", "sentence-length")
    lines = [f["line"] for r in report["files"] for f in r["findings"] if not f.get("metric")]
    assert lines == [len(story.read_text(encoding="utf-8").splitlines())]


def test_missing_ref_is_a_clear_error(repo, capsys):
    assert main(["check", ".", "--changed-since", "origin/nope"]) == 2
    assert "not found" in capsys.readouterr().err


def test_min_severity_hides_but_gate_counts(repo, capsys):
    story = repo / "news" / "story-08.txt"
    story.write_text(story.read_text(encoding="utf-8") + "\nIt has " + "very " * 30 + "many parts.\n", encoding="utf-8")
    code, report = check_json(
        capsys, str(story), "--select", "sentence-length", "--fail-on", "warning", "--min-severity", "error"
    )
    assert code == 1 and report["files"][0]["findings"] == []


def test_profiles(repo, capsys):
    (repo / ".article-audit.toml").write_text(
        'fail-on = "info"\n[profiles.editor]\nfail-on = "never"\n[profiles.ci]\nfail-on = "warning"\n'
        '[[profiles.ci.overrides]]\npaths = ["news/**"]\n[profiles.ci.overrides.rules.sentence-length]\nmax-words = 8\n',
        encoding="utf-8",
    )
    target = str(repo / "news" / "story-09.txt")
    assert check_json(capsys, target, "--profile", "editor")[0] == 0
    code, report = check_json(capsys, target, "--profile", "ci", "--select", "sentence-length")
    assert code == 1 and report["files"][0]["findings"]
    assert main(["check", target, "--profile", "nope"]) == 2


def test_fix_repairs_only_safe_findings(tmp_path, sample_text, capsys):
    if "typo" not in registry():
        pytest.skip("the typo rule is not built yet")
    article = tmp_path / "coalition-meeting.txt"
    article.write_text(sample_text, encoding="utf-8")
    main(["check", "--fix", "--no-cache", str(article)])
    fixed = article.read_text(encoding="utf-8")
    assert "Harjit. S." not in fixed and "Minister of National Defence Harjit S. Sajjan" in fixed
    assert fixed == sample_text.replace("Harjit. S.", "Harjit S.")


def test_diff_prints_and_changes_nothing(tmp_path, capsys):
    article = tmp_path / "a.txt"
    text = "We met the the mayor today. She spoke well.\n"
    article.write_text(text, encoding="utf-8")
    if "typo" not in registry():
        pytest.skip("the typo rule is not built yet")
    code = main(["check", "--diff", "--no-cache", str(article)])
    out = capsys.readouterr().out
    assert code == 1 and "-We met the the mayor" in out and "+We met the mayor" in out
    assert article.read_text(encoding="utf-8") == text


def test_init_writes_a_config_that_loads(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    assert main(["init"]) == 2  # never overwrites silently
    (tmp_path / "a.txt").write_text("A short note. It reads well.\n", encoding="utf-8")
    assert main(["check", "a.txt"]) == 0


def test_init_with_a_profile_and_an_archive_offers_a_baseline(tmp_path, monkeypatch, capsys):
    from audit.config.loader import find

    find.cache_clear()
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    hard = "The deployment of considerable organisational capabilities necessitates comprehensive coordination. " * 12
    (tmp_path / "old.txt").write_text("Old\n\n" + hard + "\n", encoding="utf-8")
    assert main(["init", "--profile", "strict"]) == 0
    out = capsys.readouterr().out
    assert "1 article(s) here already" in out and "article-audit baseline ." in out
    assert 'profile = "strict"' in (tmp_path / ".article-audit.toml").read_text(encoding="utf-8")
    assert main(["check", "old.txt", "--no-cache"]) == 1  # the strict profile applies: reading level fails
    capsys.readouterr()
    assert main(["check", "old.txt", "--no-cache", "--profile", "default"]) == 0  # the command line wins
    assert main(["init", "--profile", "nope", "--force"]) == 2


def test_pre_commit_runs_the_hook_from_this_repository(repo, tmp_path):
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    if not Path(pre_commit).exists():
        pytest.skip("pre-commit is not installed (pip install pre-commit)")
    if not (ROOT / ".git").exists():
        pytest.skip("the checkout is not a git repository")
    hook_repo = tmp_path / "hook-repo"
    # A repository of its own: in a git worktree `.git` is a file naming the checkout's git
    # folder, and a copy of it would commit the snapshot onto the checkout's branch.
    shutil.copytree(ROOT, hook_repo, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "*.egg-info"))
    git(hook_repo, "init", "-q")
    git(hook_repo, "add", "-A")
    git(hook_repo, "commit", "-qm", "hook snapshot", "--allow-empty")
    bad = repo / "news" / "story-10.txt"
    bad.write_text("Story\n\nIt has " + "very " * 45 + "many parts.\n", encoding="utf-8")
    git(repo, "add", ".")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
    }
    done = subprocess.run(
        [pre_commit, "try-repo", str(hook_repo), "article-audit-system", "--files", "news/story-10.txt"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "sentence-length" in done.stdout
    bad.write_text("Story\n\nA short and plain line.\n", encoding="utf-8")
    done = subprocess.run(
        [pre_commit, "try-repo", str(hook_repo), "article-audit-system", "--files", "news/story-10.txt"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    "encoding, bom",
    [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-8", b"\xef\xbb\xbf"), ("utf-8", b"")],
)
def test_fix_keeps_the_file_encoding(tmp_path, capsys, encoding, bom):
    if "typo" not in registry():
        pytest.skip("the typo rule is not built yet")
    article = tmp_path / "a.txt"
    article.write_bytes(bom + "We met the the mayor today. She spoke well.\n".encode(encoding))
    main(["check", "--fix", "--no-cache", "--select", "typo", str(article)])
    assert article.read_bytes() == bom + "We met the mayor today. She spoke well.\n".encode(encoding)
