"""The layers hold by contract, not by habit: import-linter checks the contracts in
pyproject.toml, and ruff lints and formats the project's own code."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    path = Path(sys.executable).with_name(name)
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed (it comes with the test extra: pip install -e '.[test]')")
        return found
    return str(path)


@pytest.fixture(scope="module")
def staged(tmp_path_factory) -> Path:
    """The package as a wheel lays it out (rules/ and reports/ inside audit/): import-linter
    reads the files of one folder tree, and the checkout keeps them beside audit/."""
    site = tmp_path_factory.mktemp("site")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "data")
    shutil.copytree(ROOT / "audit", site / "audit", ignore=ignore)
    shutil.copytree(ROOT / "rules", site / "audit" / "rules", ignore=ignore)
    shutil.copytree(ROOT / "reports", site / "audit" / "reports", ignore=ignore)
    return site


def lint_imports(site: Path) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    return subprocess.run(
        [_tool("lint-imports"), str(ROOT / "pyproject.toml"), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=site,
        env=env,
    )


def test_the_import_contracts_are_kept(staged):
    result = lint_imports(staged)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    "module, line, contract",
    [
        ("audit/engine/auditor.py", "from audit.rules import typo", "Layers"),
        ("audit/batch/runner.py", "from audit.reports import json_report", "The core imports neither rules nor report"),
        (
            "audit/reports/text_report.py",
            "from audit.language import readability",
            "Report writers read the result model only",
        ),
        ("audit/rules/jargon.py", "from audit.config import loader", "Rules see the rule API"),
        ("audit/rules/jargon.py", "from audit.rules import typo", "A rule does not import another rule"),
        ("audit/language/syllables.py", "from audit.language import readability", "No import cycles"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(tmp_path, staged, module, line, contract):
    site = tmp_path / "site"
    shutil.copytree(staged, site)
    path = site / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    result = lint_imports(site)
    assert result.returncode != 0
    broken = [row for row in result.stdout.splitlines() if row.rstrip().endswith("BROKEN")]
    assert any(contract in row for row in broken) or contract in result.stdout.split("Broken contracts")[-1]


def test_ruff_finds_nothing_to_lint():
    result = subprocess.run([_tool("ruff"), "check", "--no-cache", "."], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing_to_format():
    result = subprocess.run(
        [_tool("ruff"), "format", "--check", "--no-cache", "."], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
