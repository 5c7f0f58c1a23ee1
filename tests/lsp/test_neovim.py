"""Neovim's built-in LSP client, headless, opens a sample and reads back the diagnostics."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from audit.cli.main import main

pytestmark = pytest.mark.skipif(shutil.which("nvim") is None, reason="nvim is not installed (Debian: neovim)")
SCRIPT = Path(__file__).with_name("nvim_diagnostics.lua")


def test_neovim_shows_the_command_lines_findings_of_a_sample(tmp_path, capsys):
    sample = tmp_path / "library-opening-hours.md"
    sample.write_text(
        resources.files("audit.samples").joinpath(sample.name).read_text(encoding="utf-8"), encoding="utf-8"
    )
    out = tmp_path / "diagnostics.txt"
    env = {**os.environ, "ARTICLE_AUDIT_PYTHON": sys.executable, "ARTICLE_AUDIT_OUT": str(out)}
    subprocess.run(
        ["nvim", "--headless", "--clean", "-n", str(sample), "-c", f"luafile {SCRIPT}"],
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=True,
        capture_output=True,
    )
    seen = sorted(tuple(line.split()) for line in out.read_text(encoding="utf-8").splitlines())
    main(["check", "--format", "json", "--no-cache", str(sample)])
    [file] = json.loads(capsys.readouterr().out)["files"]
    expected = sorted((f["rule"], str(f["line"]), str(f["column"])) for f in file["findings"])
    assert seen and seen == expected
