"""Faults (issue 10): a run killed mid-way, Ctrl-C, and atomic report and cache writes.

The subprocess tests use bounded waits everywhere: a wait that runs out fails (or, when
the batch finished before it could be interrupted, skips), it never hangs the suite.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest

from audit.cli import output  # where the reports are written
from audit.cli.main import main

WAIT = 120  # seconds: the longest any step may take before the test gives up


BATCH = 3000


def make_batch(folder: Path, count: int) -> Path:
    """`count` distinct articles (distinct text, so each has its own cache entry)."""
    sample = resources.files("audit.samples").joinpath("coalition-meeting.txt").read_text(encoding="utf-8")
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n:04}.txt").write_text(f"{sample}\nThis is copy number {n}.\n", encoding="utf-8")
    return folder


def audit_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "audit", "check", "--format", "json", *args]


def cache_entries(cache: Path) -> list[Path]:
    return list((cache / "results").rglob("*.json")) if (cache / "results").exists() else []


def wait_for(condition, what: str, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


def children_of(pid: int) -> set[int]:
    """Every live descendant of a process (psutil if installed, else /proc)."""
    try:
        import psutil
    except ImportError:
        psutil = None
    if psutil is not None:
        try:
            return {c.pid for c in psutil.Process(pid).children(recursive=True)}
        except psutil.NoSuchProcess:
            return set()
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    """Running, not a zombie waiting for a parent that no longer reaps it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.fixture
def env(tmp_path):
    cache = tmp_path / "cache"
    return cache, {**os.environ, "ARTICLE_AUDIT_CACHE_DIR": str(cache), "NO_COLOR": "1"}


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux /proc to follow worker processes")
def test_ctrl_c_exits_130_reports_what_finished_and_leaves_no_workers(tmp_path, env):
    cache, environ = env
    # Enough articles that the batch cannot end between the wait below and the signal.
    folder = make_batch(tmp_path / "batch", BATCH)
    # A new session, so the signal goes to the whole process group as a terminal's Ctrl-C does.
    proc = subprocess.Popen(
        audit_command(str(folder), "--jobs", "2"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environ,
        start_new_session=True,
        # As a terminal starts it: a suite run in the background (`pytest &`) inherits
        # SIGINT ignored, and Python then never raises KeyboardInterrupt.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        text=True,
    )
    try:
        # Workers hand results back in chunks of up to 16, in order: wait until a few chunks are done.
        wait_for(lambda: len(cache_entries(cache)) >= 80 or proc.poll() is not None, "the batch to start")
        if proc.poll() is not None:
            pytest.skip("the batch finished before it could be interrupted")
        workers = children_of(proc.pid)
        assert workers, "expected worker processes with --jobs 2"
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=WAIT)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    files = json.loads(out)["files"]
    assert 0 < len(files) < BATCH
    assert [f["path"] for f in files] == [str(folder / f"a{n:04}.txt") for n in range(len(files))]
    wait_for(lambda: not any(alive(pid) for pid in workers), "the workers to exit", timeout=15)


def test_a_run_killed_mid_way_leaves_old_report_whole_cache_and_a_later_run_recovers(tmp_path, env):
    cache, environ = env
    folder = make_batch(tmp_path / "batch", 160)
    clean = subprocess.run(
        audit_command(str(folder), "--no-cache", "--jobs", "2"),
        capture_output=True,
        text=True,
        env=environ,
        timeout=600,
    )
    assert clean.returncode == 1
    report = tmp_path / "report.json"
    report.write_text('{"old": "report"}\n', encoding="utf-8")
    proc = subprocess.Popen(
        audit_command(str(folder), "--jobs", "2", "--output", str(report)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environ,
        start_new_session=True,
    )
    try:
        wait_for(lambda: len(cache_entries(cache)) >= 20 or proc.poll() is not None, "cache writes")
        if proc.poll() is not None:
            pytest.skip("the batch finished before it could be killed")
        os.killpg(proc.pid, signal.SIGKILL)  # no handler runs: like a power cut or the OOM killer
        proc.wait(timeout=WAIT)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert report.read_text(encoding="utf-8") == '{"old": "report"}\n'  # the old report, whole
    entries = cache_entries(cache)
    assert 20 <= len(entries) < 160
    for entry in entries:
        json.loads(entry.read_bytes())  # no half-written entry (a leftover *.tmp file is harmless)
    again = subprocess.run(
        audit_command(str(folder), "--jobs", "2", "--output", str(report)),
        capture_output=True,
        text=True,
        env=environ,
        timeout=600,
    )
    assert again.returncode == clean.returncode
    assert report.read_text(encoding="utf-8") == clean.stdout  # identical to a run without the cache
    assert len(cache_entries(cache)) == 160


def test_output_and_report_folder_are_written_atomically(tmp_path, monkeypatch, capsys):
    pytest.importorskip("audit.reports.report_dir", reason="--report-dir is not there yet")
    from audit.cli import report_folder

    written: list[Path] = []
    real = output.write_in_place

    def recording(path, data):
        written.append(Path(path))
        real(path, data)

    monkeypatch.setattr(output, "write_in_place", recording)
    real_replacing = output.replacing

    def recording_stream(path, *args, **kwargs):  # a streamed JSON report is written so
        written.append(Path(path))
        return real_replacing(path, *args, **kwargs)

    monkeypatch.setattr(output, "replacing", recording_stream)
    renamed: list[tuple[Path, Path]] = []
    real_rename = report_folder.os.rename
    monkeypatch.setattr(
        report_folder.os, "rename", lambda src, dst: renamed.append((Path(src), Path(dst))) or real_rename(src, dst)
    )
    article = tmp_path / "a.md"
    article.write_text("# Note\n\nWe meet at noon. Bring a pen.\n", encoding="utf-8")
    out, pages = tmp_path / "report.json", tmp_path / "pages"
    main(["check", "--no-cache", "--format", "json", "--output", str(out), "--report-dir", str(pages), str(article)])
    assert out in written
    on_disk = {p for p in pages.rglob("*") if p.is_file()}
    # Every page went through write-then-rename: the folder is written whole beside its
    # place and renamed into it (issue 19), so it is never seen half-written.
    assert on_disk and renamed and renamed[-1][1] == pages
    assert renamed[-1][0].parent == pages.parent and not renamed[-1][0].exists()
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_failed_write_keeps_the_old_report(tmp_path, monkeypatch, capsys):
    from audit.storage import cache as cache_module

    article = tmp_path / "a.txt"
    article.write_text("Note\n\nWe meet at noon. Bring a pen.\n", encoding="utf-8")
    out = tmp_path / "report.json"
    out.write_text("old\n", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache_module.os, "replace", broken_replace)
    assert main(["check", "--no-cache", "--format", "json", "--output", str(out), str(article)]) == 2
    assert f"could not write the report {out}: No space left on device" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "old\n"
    assert not list(tmp_path.glob("*.tmp"))
