"""Issue 19: a run that stops early (Ctrl-C) writes reports that say they are partial, and
--report-dir is swapped in whole, written as results arrive, never left half-done."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from audit.cli import check as cli_check
from audit.cli import streaming as cli_streaming
from audit.cli.main import main

NOTE = "Short note {n}\n\nWe meet at noon on day {n}. Bring a pen and a notebook. The room is on floor {n}.\n"


@pytest.fixture
def corpus(tmp_path, sample_text):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(12):
        text = sample_text if n % 3 == 0 else NOTE.format(n=n)
        (folder / f"a{n:02}.txt").write_text(text, encoding="utf-8")
    return folder


def interrupt_after(monkeypatch, count: int, *, check=None):
    """Make the batch raise KeyboardInterrupt (as Ctrl-C does) after `count` results;
    `check(n)` runs as result n is handed over."""
    real_run = cli_check.run  # the same function both commands' modules call

    def interrupted(tasks, **kwargs):
        for n, result in enumerate(real_run(tasks, **kwargs)):
            if check is not None:
                check(n)
            if n == count:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(cli_check, "run", interrupted)
    monkeypatch.setattr(cli_streaming, "run", interrupted)


def run(capsys, *args):
    code = main(["check", "--no-cache", "--jobs", "1", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def litter(tmp_path: Path) -> list[Path]:
    return [p for p in tmp_path.rglob("*") if p.name.endswith((".tmp", ".old"))]


# 4. Partial reports say they are partial --------------------------------------------------


def test_an_interrupted_json_report_says_it_is_partial(corpus, capsys, monkeypatch, tmp_path):
    interrupt_after(monkeypatch, 3)
    out = tmp_path / "report.json"
    code, stdout, err = run(capsys, "--format", "json", "--output", str(out), str(corpus))
    assert code == 130 and "3 of 12" in err
    report = json.loads(out.read_text(encoding="utf-8"))
    assert list(report)[:3] == ["tool", "complete", "partial_reason"]
    assert report["complete"] is False
    assert report["partial_reason"] == "interrupted (Ctrl-C); 3 of 12 articles were audited"
    assert len(report["files"]) == report["summary"]["files"] == 3


def test_an_interrupted_json_report_with_a_report_folder_says_it_is_partial(corpus, capsys, monkeypatch, tmp_path):
    """With --report-dir the JSON report is not streamed: the other path says it too."""
    interrupt_after(monkeypatch, 3)
    code, stdout, err = run(capsys, "--format", "json", "--report-dir", str(tmp_path / "pages"), str(corpus))
    assert code == 130
    report = json.loads(stdout)
    assert report["complete"] is False and len(report["files"]) == 3


def test_a_complete_report_has_no_partial_keys(corpus, capsys, tmp_path):
    for args in ((), ("--report-dir", str(tmp_path / "pages"))):
        report = json.loads(run(capsys, "--format", "json", *args, str(corpus))[1])
        assert "complete" not in report and "partial_reason" not in report


def test_an_interrupted_sarif_report_is_not_a_successful_execution(corpus, capsys, monkeypatch, tmp_path):
    complete = json.loads(run(capsys, "--format", "sarif", str(corpus))[1])
    assert complete["runs"][0]["invocations"][0]["executionSuccessful"] is True
    interrupt_after(monkeypatch, 3)
    out = tmp_path / "report.sarif"
    code, _, _ = run(capsys, "--format", "sarif", "--output", str(out), str(corpus))
    assert code == 130
    invocation = json.loads(out.read_text(encoding="utf-8"))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = [
        n for n in invocation["toolExecutionNotifications"] if n.get("descriptor", {}).get("id") == "partial-report"
    ]
    assert note["level"] == "error"
    assert "Partial report: interrupted (Ctrl-C); 3 of 12 articles were audited" in note["message"]["text"]


def test_an_interrupted_junit_report_carries_an_error_case(corpus, capsys, monkeypatch, tmp_path):
    interrupt_after(monkeypatch, 1)  # one article, which passes: failures="0" would read as green
    out = tmp_path / "report.xml"
    code, _, _ = run(
        capsys, "--format", "junit", "--output", str(out), str(corpus / "a01.txt"), str(corpus / "a02.txt")
    )
    assert code == 130
    root = ET.fromstring(out.read_text(encoding="utf-8"))
    assert root.get("failures") == "0" and root.get("errors") == "1" and root.get("tests") == "2"
    (error,) = root.iter("error")
    assert error.get("type") == "partial-report"
    assert "interrupted (Ctrl-C); 1 of 2 articles were audited" in error.get("message")


@pytest.mark.parametrize("fmt", ["text", "markdown", "github", "gitlab"])
def test_a_format_that_cannot_say_partial_is_not_written_to_output(corpus, capsys, monkeypatch, tmp_path, fmt):
    interrupt_after(monkeypatch, 3)
    out = tmp_path / "report"
    code, _, err = run(capsys, "--format", fmt, "--output", str(out), str(corpus))
    assert code == 130
    assert not out.exists()
    assert f"the report {out} was not written: it would be partial" in err


def test_partial_report_renderers_mark_only_partial_reports():
    from audit.reports import json_report, junit_report, sarif_report

    report = {"tool": {"name": "article-audit", "version": "1"}, "summary": {}, "rules": {}, "files": []}
    partial = json_report.mark_partial(report, "stopped")
    assert list(partial) == ["tool", "complete", "partial_reason", "summary", "rules", "files"]
    assert json_report.mark_partial(partial, "again")["partial_reason"] == "again"
    assert "partial" not in junit_report.render(report) and "partial" in junit_report.render(partial)
    assert '"executionSuccessful": true' in sarif_report.render(report)
    assert '"executionSuccessful": false' in sarif_report.render(partial)


# 5. --report-dir: swapped in whole, written as results arrive -----------------------------


def test_a_report_folder_holds_exactly_the_pages_of_its_run(corpus, capsys, tmp_path):
    pages = tmp_path / "pages"
    assert run(capsys, "--report-dir", str(pages), str(corpus))[0] == 1
    assert len(listing(pages)) == 12 * 3 + 1
    assert run(capsys, "--report-dir", str(pages), str(corpus / "a01.txt"))[0] == 0
    names = set(listing(pages))
    assert names == {"index.html", "a01.txt.html", "a01.txt.md", "a01.txt.json"}  # no page of the earlier run
    index = (pages / "index.html").read_text(encoding="utf-8")
    linked = {name for name in names if name.endswith(".html") and f'href="{name}"' in index}
    assert linked == {"a01.txt.html"}
    assert not litter(tmp_path)


def test_an_interrupted_run_leaves_the_earlier_report_folder_and_no_litter(corpus, capsys, monkeypatch, tmp_path):
    pages = tmp_path / "pages"
    assert run(capsys, "--report-dir", str(pages), str(corpus))[0] == 1
    before = listing(pages)
    interrupt_after(monkeypatch, 3)
    code, _, err = run(
        capsys,
        "--report-dir",
        str(pages),
        str(corpus / "a01.txt"),
        str(corpus / "a02.txt"),
        str(corpus / "a04.txt"),
        str(corpus / "a05.txt"),
    )
    assert code == 130
    assert f"the report folder {pages} was left as it was" in err
    assert listing(pages) == before
    assert not litter(tmp_path) and sorted(p.name for p in tmp_path.iterdir()) == ["articles", "pages"]


def test_a_first_run_interrupted_leaves_no_report_folder(corpus, capsys, monkeypatch, tmp_path):
    interrupt_after(monkeypatch, 3)
    code, _, err = run(capsys, "--report-dir", str(tmp_path / "pages"), str(corpus))
    assert code == 130
    assert f"the report folder {tmp_path / 'pages'} was not written: the run stopped early" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles"]


def test_pages_are_written_as_results_arrive(corpus, capsys, monkeypatch, tmp_path):
    """By the time the batch hands over its 6th result, the first five articles' pages
    are on disk (in the temporary folder) and their text is no longer held."""
    seen = {}

    def look(n):
        if n == 5:
            (tmp,) = [p for p in tmp_path.iterdir() if p.name.startswith(".pages.")]
            seen["pages"] = sorted(p.name for p in tmp.iterdir())

    from audit.cli.report_folder import ReportFolder

    real_add = ReportFolder.add
    kept = []
    monkeypatch.setattr(ReportFolder, "add", lambda self, result: kept.append(real_add(self, result)) or kept[-1])
    interrupt_after(monkeypatch, 99, check=look)
    assert run(capsys, "--format", "json", "--report-dir", str(tmp_path / "pages"), str(corpus))[0] == 1
    assert seen["pages"] == sorted(f"a{n:02}.txt.{ext}" for n in range(5) for ext in ("html", "json", "md"))
    assert len(kept) == 12 and not any("source" in result for result in kept)
    assert len(listing(tmp_path / "pages")) == 12 * 3 + 1


def test_a_report_folder_with_other_files_is_refused_not_replaced(corpus, capsys, tmp_path):
    mine = tmp_path / "docs"
    mine.mkdir()
    (mine / "notes.md").write_text("my notes\n", encoding="utf-8")
    code, out, err = run(capsys, "--report-dir", str(mine), str(corpus))
    assert code == 2 and out == ""
    assert f"the report folder {mine} holds files that are not an article-audit report" in err
    assert listing(mine) == {"notes.md": b"my notes\n"}
    assert not litter(tmp_path)


def test_a_report_folder_through_a_link_replaces_the_linked_folder(corpus, capsys, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    assert run(capsys, "--report-dir", str(link), str(corpus / "a01.txt"))[0] == 0
    assert link.is_symlink() and "index.html" in listing(real)


def test_the_litter_of_a_killed_run_is_removed_by_the_next(corpus, capsys, tmp_path):
    dead = tmp_path / f".pages.{2**22 + 12345}.abcd1234.tmp"  # no process has such a pid
    dead.mkdir()
    (dead / "a.html").write_text("half\n", encoding="utf-8")
    alive = tmp_path / f".pages.{os.getppid()}.abcd1234.tmp"  # a running process's: left alone
    alive.mkdir()
    assert run(capsys, "--report-dir", str(tmp_path / "pages"), str(corpus / "a01.txt"))[0] == 0
    assert not dead.exists() and alive.exists()


def test_a_full_disk_while_writing_pages_is_a_clear_error(corpus, capsys, monkeypatch, tmp_path):
    import builtins

    from audit.cli import report_folder

    real_open = builtins.open

    def full(path, mode="r", *args, **kwargs):
        if "w" in mode and ".pages." in str(path):
            raise OSError(28, "No space left on device")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(report_folder, "open", full, raising=False)
    code, out, err = run(capsys, "--format", "json", "--report-dir", str(tmp_path / "pages"), str(corpus))
    assert code == 2
    assert len(json.loads(out)["files"]) == 12  # the batch went on, and its report is whole
    assert f"could not write the report folder {tmp_path / 'pages'}: No space left on device" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles"]


def test_a_report_folder_that_is_a_file_is_refused(corpus, capsys, tmp_path):
    target = tmp_path / "pages"
    target.write_text("mine\n", encoding="utf-8")
    code, out, err = run(capsys, "--report-dir", str(target), str(corpus))
    assert code == 2 and out == ""
    assert f"could not write the report folder {target}: it is a file, not a folder" in err
    assert target.read_text(encoding="utf-8") == "mine\n"


# The text report is streamed too: the same bytes as a run that holds every result ----------


def test_the_streamed_text_report_is_the_one_every_result_at_once_gives(corpus, capsys, tmp_path):
    code, streamed, err = run(capsys, str(corpus))
    held_code, held, held_err = run(capsys, str(corpus), "--output-format", f"json={tmp_path / 'r.json'}")
    assert code == held_code == 1
    assert streamed == held and err == held_err
    assert streamed.count("\n") > 12 and "12 file(s):" in streamed.splitlines()[-1]


def test_a_streamed_text_report_to_a_file_matches_the_console_one(corpus, capsys, tmp_path):
    out = tmp_path / "report.txt"
    _, console, _ = run(capsys, "--color", "never", str(corpus))
    code, stdout, _ = run(capsys, "--output", str(out), str(corpus))
    assert code == 1 and stdout == "" and out.read_text(encoding="utf-8") == console


def test_an_interrupted_text_report_is_not_written_to_a_file(corpus, capsys, monkeypatch, tmp_path):
    interrupt_after(monkeypatch, 3)
    out = tmp_path / "report.txt"
    code, _, err = run(capsys, "--output", str(out), str(corpus))
    assert code == 130 and not out.exists() and "was not written" in err and "3 of 12" in err


def test_an_interrupted_text_report_on_the_console_shows_what_finished(corpus, capsys, monkeypatch):
    interrupt_after(monkeypatch, 3)
    code, out, err = run(capsys, str(corpus))
    assert code == 130 and "3 file(s):" in out.splitlines()[-1] and "interrupted; 3 of 12" in err


def test_a_text_report_from_the_cache_is_text(corpus, capsys):
    """A cached result carries its stored JSON line: the text report must not show it."""
    main(["check", "--jobs", "1", str(corpus)])
    first = capsys.readouterr().out
    main(["check", "--jobs", "1", str(corpus)])
    again = capsys.readouterr().out
    assert again == first and not again.startswith("{")
