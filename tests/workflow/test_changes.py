"""The articles changed since a git ref, under the paths asked for."""

from __future__ import annotations

import subprocess

from audit.workflow.changes import changed_articles


def git(*args, cwd):
    subprocess.run(
        ["git", "-c", "user.email=a@b", "-c", "user.name=a", *args], cwd=cwd, check=True, capture_output=True
    )


def test_changed_articles_under_the_paths_relative_to_the_working_folder(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "blog").mkdir()
    for name in ("news/same.md", "news/edited.md", "blog/edited.txt"):
        (tmp_path / name).write_text("A note.\n", encoding="utf-8")
    git("init", "-q", cwd=tmp_path)
    git("add", ".", cwd=tmp_path)
    git("commit", "-q", "-m", "start", cwd=tmp_path)
    for name in ("news/edited.md", "blog/edited.txt"):
        (tmp_path / name).write_text("A new note.\n", encoding="utf-8")
    (tmp_path / "news" / "new.html").write_text("<p>New.</p>\n", encoding="utf-8")
    (tmp_path / "news" / "notes.py").write_text("x = 1\n", encoding="utf-8")  # not an article
    assert changed_articles("HEAD", [str(tmp_path / "news")], tmp_path) == ["news/edited.md", "news/new.html"]
    assert changed_articles("HEAD", [str(tmp_path)], tmp_path / "blog") == [
        "edited.txt",
        str(tmp_path / "news" / "edited.md"),
        str(tmp_path / "news" / "new.html"),
    ]
