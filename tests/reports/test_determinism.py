"""Every format, and the report folder, is byte-identical between runs."""

from __future__ import annotations

import pytest

from audit.cli.main import main
from audit.reports import FORMATS


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_is_byte_identical_between_runs(fmt, articles, tmp_path):
    outputs = []
    for n in range(2):
        target = tmp_path / f"report-{n}"
        code = main(["check", "--no-cache", "--jobs", "1", str(articles), "--format", fmt, "--output", str(target)])
        assert code == 1
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0]


def test_report_folder_is_byte_identical_between_runs(articles, tmp_path):
    folders = []
    for n in range(2):
        folder = tmp_path / f"out-{n}"
        assert (
            main(
                [
                    "check",
                    "--no-cache",
                    "--jobs",
                    "1",
                    str(articles),
                    "--format",
                    "json",
                    "--output",
                    str(tmp_path / "x.json"),
                    "--report-dir",
                    str(folder),
                ]
            )
            == 1
        )
        folders.append({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    assert folders[0] == folders[1] and len(folders[0]) == 10


def test_unknown_format_is_a_usage_error(articles, capsys):
    assert main(["check", str(articles), "--format", "yaml"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_unwritable_report_folder_exits_2(articles, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["check", "--no-cache", "--jobs", "1", str(articles), "--report-dir", str(blocker / "out")]) == 2
    assert "could not write the report folder" in capsys.readouterr().err
