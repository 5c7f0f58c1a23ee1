"""The command: exit codes, outputs, and what the JSON report promises."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from audit import __version__
from audit.cli.main import main

PLAIN = "A short note\n\nWe meet at noon. Bring a pen. The room is on the first floor.\n"


def run_json(args, capsys):
    code = main(["check", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_sample_fails_with_exact_spans(sample_path, sample_text, capsys):
    code, report = run_json([sample_path], capsys)
    assert code == 1
    assert report["tool"] == {
        "name": "article-audit",
        "version": __version__,
        "information_uri": "https://github.com/article-audit/article-audit",
    }
    assert report["summary"]["failed"] == 1
    result = report["files"][0]
    assert result["status"] == "failed" and result["error"] is None
    assert result["metrics"]["words"] == 641
    assert 13 <= result["metrics"]["flesch_kincaid_grade"] <= 15.5
    lines = sample_text.splitlines(keepends=True)
    for f in result["findings"]:
        assert set(f) >= {
            "rule",
            "severity",
            "message",
            "line",
            "column",
            "end_line",
            "end_column",
            "excerpt",
            "suggestion",
        }
        if f["line"] == f["end_line"]:
            assert lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == f["excerpt"]
    rules = {f["rule"] for f in result["findings"]}
    assert {"reading-level", "sentence-length"} <= rules
    assert any(f["rule"] == "sentence-length" and f["line"] == 3 and f["column"] == 1 for f in result["findings"])
    positions = [(f["line"], f["column"]) for f in result["findings"]]
    assert positions == sorted(positions)


def test_plain_note_passes(tmp_path, capsys):
    note = tmp_path / "note.txt"
    note.write_text(PLAIN, encoding="utf-8")
    assert main(["check", str(note)]) == 0
    assert "PASSED" in capsys.readouterr().out


def test_missing_file_beside_good_one_exits_2_and_audits_the_good_one(tmp_path, capsys):
    note = tmp_path / "note.txt"
    note.write_text(PLAIN, encoding="utf-8")
    code, report = run_json([str(tmp_path / "missing.txt"), str(note)], capsys)
    assert code == 2
    statuses = {f["path"]: (f["status"], f["error"]) for f in report["files"]}
    assert statuses[str(tmp_path / "missing.txt")] == ("error", "no such file")
    assert statuses[str(note)] == ("passed", None)


@pytest.mark.parametrize("argv", [["check", "--bogus"], ["check", "--format", "yaml", "x"], ["frobnicate"], []])
def test_usage_errors_exit_2(argv):
    assert main(argv) == 2


def test_folders_are_walked_and_unsupported_explicit_files_reported(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "sub" / "ignored.csv").write_text("a,b", encoding="utf-8")
    explicit = tmp_path / "data.csv"
    explicit.write_text("a,b", encoding="utf-8")
    code, report = run_json([str(tmp_path / "sub"), str(explicit)], capsys)
    paths = [f["path"] for f in report["files"]]
    assert paths == [str(tmp_path / "sub" / "a.txt"), str(tmp_path / "sub" / "b.md"), str(explicit)]
    assert report["files"][-1]["status"] == "error" and "unsupported file type" in report["files"][-1]["error"]
    assert code == 2


@pytest.mark.parametrize(
    "content, problem",
    [(b"", "no prose"), (b"  \n\t\n", "no prose"), (b"\xff\xfe\x00\xd8", "UTF-16"), (b"caf\xe9 ok", "UTF-8")],
)
def test_unreadable_inputs_are_reported(tmp_path, capsys, content, problem):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, report = run_json([str(bad)], capsys)
    assert code == 2 and problem in report["files"][0]["error"]


def test_stdin(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PLAIN.encode())))
    code, report = run_json(["-"], capsys)
    assert code == 0 and report["files"][0]["path"] == "-"


def test_output_is_byte_identical_between_runs(sample_path, tmp_path):
    outputs = []
    for n in range(2):
        target = tmp_path / f"r{n}.json"
        assert main(["check", "--format", "json", "--output", str(target), sample_path]) == 1
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


def test_text_format_lines(sample_path, capsys):
    main(["check", sample_path])
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"{sample_path}:3:1: warning sentence-length ") for line in out)
    assert out[-2].startswith(f"{sample_path}: FAILED")


def test_rules_and_explain(capsys):
    assert main(["rules"]) == 0
    assert "sentence-length" in capsys.readouterr().out
    assert main(["explain", "reading-level"]) == 0
    text = capsys.readouterr().out
    assert "3.1.5" in text and "Bad:" in text and "target-grade" in text
    assert main(["explain", "nope"]) == 2


def test_demo_runs_on_packaged_samples(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "coalition-meeting.txt: FAILED" in out and "plain-note.txt: PASSED" in out


def test_installed_command_and_module_entry_point():
    done = subprocess.run([sys.executable, "-m", "audit", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and __version__ in done.stdout


def test_no_bare_rules_or_reports_module_is_imported():
    code = "import audit.cli, audit.rules, audit.reports, sys; print('rules' in sys.modules, 'reports' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_a_link_is_audited_under_its_targets_config(tmp_path, capsys):
    """A symbolic link takes the config of the folder its target is in: links into one
    folder share it, and a chain of links is followed to its end."""
    project, elsewhere, links = tmp_path / "project", tmp_path / "elsewhere", tmp_path / "links"
    for folder in (project, elsewhere, links):
        folder.mkdir()
    (project / ".article-audit.toml").write_text('select = ["typo"]\n', encoding="utf-8")
    (elsewhere / ".article-audit.toml").write_text('select = ["sentence-length"]\n', encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (project / name).write_text(PLAIN, encoding="utf-8")
        (links / name).symlink_to(project / name)
    (project / "r.txt").write_text(PLAIN, encoding="utf-8")
    (elsewhere / "c.txt").write_text(PLAIN, encoding="utf-8")
    (elsewhere / "d.txt").write_text(PLAIN, encoding="utf-8")
    (links / "hop.txt").symlink_to(elsewhere / "c.txt")
    # Each link reaches a file of its own: two links to one file are audited once (issue 19).
    (tmp_path / "via.txt").symlink_to(elsewhere / "d.txt")
    (links / "chain.txt").symlink_to(tmp_path / "via.txt")  # -> via.txt -> elsewhere/d.txt
    (links / "relative.txt").symlink_to("../project/r.txt")
    code, report = run_json([str(links)], capsys)
    assert code == 0
    # sentence-length reports its metrics; typo has none.
    ran = {
        r["path"].rsplit("/", 1)[1]: "sentence-length" if "max_sentence_length" in r["metrics"] else "typo"
        for r in report["files"]
    }
    assert ran == {
        "a.txt": "typo",
        "b.txt": "typo",
        "relative.txt": "typo",
        "hop.txt": "sentence-length",
        "chain.txt": "sentence-length",
    }
