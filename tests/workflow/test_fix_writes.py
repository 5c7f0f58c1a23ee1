"""Issue 19, `--fix` and the file it writes: only onto the bytes that were audited, each
real file once, through a symbolic link, keeping the file's mode (and `--diff` alike)."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest

from audit.batch import tasks as batch_tasks
from audit.cli import check
from audit.cli.main import main
from audit.storage import in_place
from audit.workflow import fixes

DOUBLED = "The the end.\n"  # the typo rule's safe fix removes the first "The "
FIXED = "The end.\n"
EDITED = "EDITOR ADDED THIS HEADING WHILE THE AUDIT RAN.\n\nThe the end.\n"


def run(capsys, *args):
    code = main(["check", "--isolated", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def edit_after_the_audit(monkeypatch, path, text=EDITED):
    """The file is changed once the batch has audited it, before `--fix` writes."""
    audit = check._audit

    def audit_then_edit(*args, **kwargs):
        outcome = audit(*args, **kwargs)
        path.write_text(text, encoding="utf-8")
        return outcome

    monkeypatch.setattr(check, "_audit", audit_then_edit)


@pytest.mark.parametrize("cached", [False, True], ids=["audited", "cache-hit"])
def test_a_file_edited_during_the_batch_is_refused_and_left_as_it_is(tmp_path, monkeypatch, capsys, cached):
    article = tmp_path / "c.txt"
    article.write_text(DOUBLED, encoding="utf-8")
    if cached:  # a first run fills the result cache: the second one's result is a cache hit
        assert run(capsys, str(article))[0] == 1

        def not_audited_again(*args, **kwargs):
            raise AssertionError("the result should have come from the cache")

        monkeypatch.setattr(batch_tasks, "audit_bytes", not_audited_again)
    edit_after_the_audit(monkeypatch, article)
    code, _, err = run(capsys, *([] if cached else ["--no-cache"]), "--jobs", "1", "--fix", str(article))
    assert article.read_text(encoding="utf-8") == EDITED  # the editor's text, untouched
    assert code == 2
    assert f"{article}: not fixed: the file changed since it was audited" in err
    assert "fixed 1 finding" not in err and "Traceback" not in err


def test_a_file_changed_just_before_it_is_replaced_is_refused(tmp_path):
    article = tmp_path / "c.txt"
    article.write_text(DOUBLED, encoding="utf-8")
    result = {
        "path": str(article),
        "status": "failed",
        "findings": [{"fix": {"start": 0, "end": 4, "replacement": "", "safe": True}}],
        fixes.AUDITED_DIGEST: fixes.digest(DOUBLED.encode()),
    }
    [fix] = fixes.file_fixes([result])
    assert not fix.stale
    article.write_text(EDITED, encoding="utf-8")  # after it was read for the fix
    with pytest.raises(fixes.FileChanged):
        fix.write()
    assert article.read_text(encoding="utf-8") == EDITED


def test_diff_of_a_file_changed_since_the_audit_is_refused(tmp_path, monkeypatch, capsys):
    article = tmp_path / "c.txt"
    article.write_text(DOUBLED, encoding="utf-8")
    edit_after_the_audit(monkeypatch, article)
    code, out, err = run(capsys, "--no-cache", "--diff", str(article))
    assert (code, out) == (2, "")
    assert "not fixed: the file changed since it was audited" in err


def test_the_digest_is_not_in_the_report(tmp_path, capsys):
    article = tmp_path / "c.txt"
    article.write_text(DOUBLED + "\nIt is a a note.\n", encoding="utf-8")
    code, out, _ = run(capsys, "--no-cache", "--fix", "--format", "json", str(article))
    assert fixes.AUDITED_DIGEST not in out and '"path"' in out


def test_the_same_file_named_twice_is_audited_once_and_fixed_once(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.txt").write_text(DOUBLED, encoding="utf-8")
    code, out, err = run(capsys, "--no-cache", "--fix", "c.txt", "./c.txt", str(tmp_path / "c.txt"))
    assert (tmp_path / "c.txt").read_text(encoding="utf-8") == FIXED  # not "The. end."
    assert err.count("fixed 1 finding(s)") == 1 and "in c.txt" in err
    assert out.count("c.txt: ") == 1 and "1 file(s)" in out  # reported under the name given first


def test_a_link_in_a_folder_is_its_target_once_and_a_link_named_first_is_written_through(tmp_path, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    target = folder / "a.txt"
    target.write_text(DOUBLED, encoding="utf-8")
    (folder / "0-link.txt").symlink_to("a.txt")  # sorts first, but a.txt is the file's own name
    code, out, err = run(capsys, "--no-cache", "--fix", str(folder))
    assert target.read_text(encoding="utf-8") == FIXED
    assert (folder / "0-link.txt").is_symlink() and "1 file(s)" in out
    assert err.count("fixed 1 finding(s)") == 1 and f"in {target}" in err

    (folder / "b.txt").symlink_to("a.txt")

    target.write_text(DOUBLED, encoding="utf-8")
    code, out, err = run(capsys, "--no-cache", "--fix", str(folder / "b.txt"), str(target))
    assert (folder / "b.txt").is_symlink() and os.readlink(folder / "b.txt") == "a.txt"
    assert target.read_text(encoding="utf-8") == FIXED
    assert f"in {folder / 'b.txt'}" in err and err.count("fixed 1 finding(s)") == 1


def test_a_fixed_file_keeps_its_mode(tmp_path, capsys):
    article = tmp_path / "c.txt"
    article.write_text(DOUBLED, encoding="utf-8")
    article.chmod(0o640)
    owner = article.stat().st_uid, article.stat().st_gid
    run(capsys, "--no-cache", "--fix", str(article))
    assert article.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert (article.stat().st_uid, article.stat().st_gid) == owner
    assert [p.name for p in tmp_path.iterdir()] == ["c.txt"]  # no temporary file left


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root may give a file to another owner"
)
def test_a_fixed_file_keeps_its_owner_and_group(tmp_path, capsys):
    article = tmp_path / "c.txt"
    article.write_text(DOUBLED, encoding="utf-8")
    os.chown(article, 4321, 4322)  # a writer's file, fixed by root (a CI job, a hook run by sudo)
    run(capsys, "--no-cache", "--fix", str(article))
    assert article.read_text(encoding="utf-8") == FIXED
    assert (article.stat().st_uid, article.stat().st_gid) == (4321, 4322)


def test_a_fix_that_cannot_be_written_is_reported_not_a_traceback(tmp_path, monkeypatch, capsys):
    article = tmp_path / "c.txt"
    article.write_text(DOUBLED, encoding="utf-8")

    def disk_full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(fixes, "replace_file", disk_full)
    code, _, err = run(capsys, "--no-cache", "--fix", str(article))
    assert code == 2 and "Traceback" not in err
    assert f"{article}: not fixed: No space left on device" in err
    assert article.read_text(encoding="utf-8") == DOUBLED


def test_only_descriptor_names_are_written_into(tmp_path):
    """/dev/stdout and its kin name a file someone else opened; /dev/shm holds real files,
    which a fix must replace (appending the fixed text would double the article)."""
    link = tmp_path / "out"
    link.symlink_to("/proc/self/fd/1")
    for name in ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "/proc/123/fd/4", str(link)):
        assert in_place._names_a_descriptor(Path(name)), name
    for name in ("/dev/shm/article.txt", "/proc/notes.txt", str(tmp_path / "a.txt")):
        assert not in_place._names_a_descriptor(Path(name)), name


@pytest.mark.skipif(not os.path.isdir("/dev/shm"), reason="no /dev/shm here")
def test_a_file_in_dev_shm_is_fixed_by_replacing_it(capsys):
    with tempfile.TemporaryDirectory(dir="/dev/shm") as folder:
        article = Path(folder) / "c.txt"
        article.write_text(DOUBLED, encoding="utf-8")
        run(capsys, "--no-cache", "--fix", str(article))
        assert article.read_text(encoding="utf-8") == FIXED
