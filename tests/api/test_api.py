"""The Python API: the command line's findings, from a string or from paths."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

import audit
from audit.cli.main import main
from audit.results.model import FileResult

SAMPLES = sorted(str(p) for p in resources.files("audit.samples").iterdir() if p.suffix in (".txt", ".md", ".html"))
BBC = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "bbc"
DRAFT = "# Draft\n\nThe cat sat on the mat. ![](cat.png)\n\nIt was decided by the committee that we would meet.\n"


def cli_files(paths, capsys, *options) -> list[dict]:
    main(["check", "--format", "json", "--no-cache", *options, *paths])
    return json.loads(capsys.readouterr().out)["files"]


def same_as_cli(results: list[FileResult], files: list[dict]) -> None:
    assert [r.path for r in results] == [f["path"] for f in files]
    for result, file in zip(results, files, strict=True):
        mine = result.to_dict()
        for key in ("status", "error", "title", "metrics", "findings", "warnings"):
            assert mine[key] == file[key], (file["path"], key)


def test_check_paths_gives_the_command_lines_findings_on_the_samples(capsys):
    results = audit.check_paths(SAMPLES)
    assert all(isinstance(r, FileResult) for r in results)
    assert sum(len(r.findings) for r in results) > 0
    same_as_cli(results, cli_files(SAMPLES, capsys))


def test_check_text_gives_the_command_lines_findings_on_the_samples(capsys):
    for path in SAMPLES:
        result = audit.check_text(Path(path).read_text(encoding="utf-8"), path=path)
        same_as_cli([result], cli_files([path], capsys))


@pytest.mark.skipif(not BBC.is_dir(), reason=f"the BBC corpus is not at {BBC}")
def test_check_paths_and_check_text_give_the_command_lines_findings_on_200_bbc_articles(capsys):
    paths = [str(p) for p in sorted(BBC.glob("*.txt"))[:200]]
    files = cli_files(paths, capsys)
    same_as_cli(audit.check_paths(paths), files)
    same_as_cli([audit.check_text(Path(p).read_text(encoding="utf-8"), path=p) for p in paths], files)


def test_the_format_chooses_the_front_end():
    as_markdown = audit.check_text(DRAFT, format="markdown")
    as_text = audit.check_text(DRAFT)
    assert "image-alt" in {f.rule for f in as_markdown.findings}
    assert "image-alt" not in {f.rule for f in as_text.findings}
    assert "image-alt" in {f.rule for f in audit.check_text(DRAFT, path="draft.md").findings}
    assert audit.check_text(DRAFT, path="draft.md").path == "draft.md"
    with pytest.raises(ValueError, match="unknown format"):
        audit.check_text(DRAFT, format="rtf")


def test_findings_are_typed_with_positions():
    result = audit.check_text(DRAFT, format="markdown")
    alt = next(f for f in result.findings if f.rule == "image-alt")
    assert (alt.location.line, alt.location.column) == (3, DRAFT.splitlines()[2].index("![") + 1)
    assert DRAFT[alt.finding.start : alt.finding.end].startswith("![")
    assert result.to_dict()["findings"][0]["rule"] == result.findings[0].rule


def test_options_and_config_apply(tmp_path):
    config = tmp_path / "audit.toml"
    config.write_text('ignore = ["image-alt"]\n', encoding="utf-8")
    rules = {f.rule for f in audit.check_text(DRAFT, format="markdown", config=config).findings}
    assert "image-alt" not in rules and rules
    only = audit.check_text(DRAFT, format="markdown", select=["image-alt"])
    assert {f.rule for f in only.findings} == {"image-alt"}
    (tmp_path / ".article-audit.toml").write_text('ignore = ["image-alt"]\n', encoding="utf-8")
    near = audit.check_text(DRAFT, path=tmp_path / "draft.md")
    assert "image-alt" not in {f.rule for f in near.findings}
    with pytest.raises(audit.ConfigError):
        audit.check_text(DRAFT, select=["no-such-rule"])


def test_an_unreadable_path_is_an_error_result(tmp_path):
    [result] = audit.check_paths([tmp_path / "missing.md"])
    assert result.status == "error" and result.error == "no such file"


def test_import_audit_stays_cheap_and_lists_the_api():
    code = "import sys, audit; print('audit.api' in sys.modules, 'audit.engine.auditor' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
    assert set(audit.__all__) == {"check_text", "check_paths", "FileResult", "LocatedFinding", "ConfigError"}
    for name in audit.__all__:
        assert getattr(audit, name) is not None
    with pytest.raises(AttributeError):
        audit.no_such_name  # noqa: B018
    assert (Path(audit.__file__).parent / "py.typed").is_file()
    assert (Path(audit.__file__).parent / "__init__.pyi").is_file()
