"""`check - --stdin-filename PATH`: standard input read, configured and reported as that file."""

from __future__ import annotations

import json
import subprocess
import sys

DRAFT = "# Draft\n\nThe cat sat on the mat.\n\n![](cat.png)\n\nIt was decided by the committee that we would meet.\n"


def check(args, cwd, stdin=None):
    done = subprocess.run(
        [sys.executable, "-m", "audit", "check", "--format", "json", "--no-cache", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
    )
    return done.returncode, done


def findings(done):
    [file] = json.loads(done.stdout)["files"]
    return file["path"], file["findings"]


def test_stdin_with_a_name_gives_the_files_findings(tmp_path):
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    _, from_file = check(["draft.md"], tmp_path)
    _, from_stdin = check(["-", "--stdin-filename", "draft.md"], tmp_path, stdin=DRAFT)
    assert findings(from_stdin) == findings(from_file)
    assert "image-alt" in {f["rule"] for f in findings(from_stdin)[1]}
    _, plain = check(["-"], tmp_path, stdin=DRAFT)  # without a name: plain text, no image to check
    path, plain_findings = findings(plain)
    assert path == "-" and "image-alt" not in {f["rule"] for f in plain_findings}


def test_stdin_with_a_name_gets_that_paths_config_and_overrides(tmp_path):
    (tmp_path / "posts").mkdir()
    (tmp_path / ".article-audit.toml").write_text(
        '[[overrides]]\npaths = ["posts/**"]\nignore = ["image-alt"]\n', encoding="utf-8"
    )
    _, inside = check(["-", "--stdin-filename", "posts/draft.md"], tmp_path, stdin=DRAFT)
    _, outside = check(["-", "--stdin-filename", "draft.md"], tmp_path, stdin=DRAFT)
    assert "image-alt" not in {f["rule"] for f in findings(inside)[1]}
    assert "image-alt" in {f["rule"] for f in findings(outside)[1]}


def test_stdin_filename_needs_stdin_and_refuses_fixes(tmp_path):
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    code, done = check(["draft.md", "--stdin-filename", "draft.md"], tmp_path)
    assert code == 2 and "needs -" in done.stderr
    code, done = check(["-", "--stdin-filename", "draft.md", "--fix"], tmp_path, stdin=DRAFT)
    assert code == 2 and "do not apply to standard input" in done.stderr
    assert (tmp_path / "draft.md").read_text(encoding="utf-8") == DRAFT
