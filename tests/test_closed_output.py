"""Issue 19: a closed output pipe never turns a failed gate into a pass, and `--output`
writes where its name points (a device, a named pipe, a symbolic link's target)."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys

import pytest

from audit.cli.main import main

BAD = "The the end. It is is bad.\n"  # a typo error: the gate fails (exit 1)


class ClosedPipe(io.TextIOBase):
    """Standard output whose reader has gone: every write fails as a closed pipe does."""

    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self):
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self):
        raise io.UnsupportedOperation("fileno")


@pytest.fixture
def bad(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text(BAD, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "markdown"])
def test_a_closed_pipe_keeps_the_gates_exit_code(bad, monkeypatch, capsys, fmt):
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    code = main(["check", "--isolated", "--no-cache", "--format", fmt, bad])
    assert code == 1
    assert "Traceback" not in capsys.readouterr().err


def test_a_closed_pipe_keeps_the_diffs_exit_code(bad, monkeypatch):
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["check", "--isolated", "--no-cache", "--diff", bad]) == 1


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_closed_pipe_in_a_real_process(bad, fmt):
    """`check bad.txt | true`: the reader is gone before anything is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "audit", "check", "--isolated", "--no-cache", "--format", fmt, bad],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_output_to_a_named_pipe_is_written_into_it(bad, tmp_path, capsys):
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, so that opening to write does not block
    try:
        code = main(["check", "--isolated", "--no-cache", "--format", "json", "--output", str(fifo), bad])
        received = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    assert code == 1
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the pipe, not replaced by a file
    assert b'"status": "failed"' in received
    assert not list(tmp_path.glob("*.tmp"))


def test_output_to_standard_output_by_name_is_written_to_not_replaced(bad, tmp_path):
    """`--output /dev/stdout`. Named through a link of the test's own (to /proc/self/fd/1,
    where /dev/stdout points): code that replaces the name replaces only that link, never
    /dev/stdout itself (as root, it could)."""
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    done = subprocess.run(
        [sys.executable, "-m", "audit", "check", "--isolated", "--no-cache", "--output", str(stdout), bad],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "bad.txt: FAILED" in done.stdout
    assert "could not write" not in done.stderr
    assert stdout.is_symlink() and not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize("fmt", ["text", "json"])  # json is streamed: another writer
def test_output_to_standard_output_that_is_a_file_keeps_what_it_held(bad, tmp_path, fmt):
    """`{ echo header; check --output /dev/stdout; } > log`: the log keeps its header (the
    name is written into, not replaced by a new file), and stays the file the shell opened."""
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    log = tmp_path / "log.txt"
    with open(log, "w", encoding="utf-8") as handle:
        handle.write("header\n")
        handle.flush()
        inode = os.fstat(handle.fileno()).st_ino
        done = subprocess.run(
            [sys.executable, "-m", "audit", "check", "--isolated", "--no-cache", "--format", fmt]
            + ["--output", str(stdout), bad],
            stdout=handle,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1, done.stderr
    text = log.read_text(encoding="utf-8")
    assert text.startswith("header\n") and "bad.txt" in text
    assert log.stat().st_ino == inode


@pytest.mark.parametrize("fmt", ["text", "json"])  # json is streamed: another writer
def test_a_symlinked_output_is_written_through(bad, tmp_path, capsys, fmt):
    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "report.out"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "report.out"
    link.symlink_to(real)
    assert main(["check", "--isolated", "--no-cache", "--format", fmt, "--output", str(link), bad]) == 1
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "bad.txt" in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
