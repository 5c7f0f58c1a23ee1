"""The CI glue as users paste it: the GitHub Action's step script run with a fake GitHub
environment, action.yml's shape (inputs never pasted into a shell, actions pinned), and
every YAML snippet in the docs (valid YAML; each article-audit command parses; JUnit
follows the gate)."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from audit.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tools" / "github-action.sh"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_action_never_pastes_an_input_into_a_shell():
    for step in action()["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step  # inputs reach the shell as environment variables


def test_action_pins_third_party_actions_by_commit():
    uses = [step["uses"] for step in action()["runs"]["steps"] if "uses" in step]
    assert uses and all(PINNED.match(u) for u in uses), uses


def test_action_runs_the_audit_once_and_uploads_sarif_when_asked():
    steps = action()["runs"]["steps"]
    runs = [s for s in steps if "github-action.sh" in s.get("run", "")]
    assert len(runs) == 1 and sum("article-audit check" in s.get("run", "") for s in steps) == 0
    upload = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert len(upload) == 1 and "inputs.upload-sarif == 'true'" in upload[0]["if"]
    assert set(action()["outputs"]) == {"exit-code", "sarif"}


@pytest.fixture
def workspace(tmp_path):
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    folder = tmp_path / "my articles"
    folder.mkdir()
    (folder / "a draft.md").write_text("# Note\n\nThe the meeting is at noon.\n", encoding="utf-8")
    return tmp_path


def run_action(workspace, **inputs) -> tuple[subprocess.CompletedProcess, Path, Path]:
    out, summary = workspace / "github_output", workspace / "summary.md"
    env = {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(workspace),
        "GITHUB_OUTPUT": str(out),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_WORKSPACE": str(workspace),
        "ARTICLE_AUDIT_CACHE_DIR": str(workspace / "cache"),
        **{f"INPUT_{k.upper()}": v for k, v in inputs.items()},
    }
    done = subprocess.run(["bash", str(SCRIPT)], cwd=workspace, env=env, capture_output=True, text=True, timeout=120)
    return done, out, summary


def test_action_script_with_a_path_with_spaces(workspace):
    done, out, summary = run_action(workspace, paths="my articles\n", sarif="out.sarif")
    assert done.returncode == 1, done.stderr  # the doubled word fails the gate
    assert "::error file=my articles/a draft.md,line=3" in done.stdout
    outputs = out.read_text(encoding="utf-8").splitlines()
    assert "exit-code=1" in outputs and "sarif=out.sarif" in outputs
    sarif = json.loads((workspace / "out.sarif").read_text(encoding="utf-8"))
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20articles/a%20draft.md"  # relative to the workspace
    assert "article-audit" in summary.read_text(encoding="utf-8")


def test_action_inputs_cannot_run_code(workspace):
    marker = workspace / "pwned"
    done, _, _ = run_action(
        workspace, paths=f"$(touch {marker})\nmy articles", args=f"`touch {marker}` ;touch {marker}"
    )
    assert not marker.exists()
    assert done.returncode == 2  # the odd path does not exist, and the odd args are not options


def test_action_passes_its_options(workspace):
    done, out, _ = run_action(workspace, paths="my articles", sarif="", **{"fail_on": "never"})
    assert done.returncode == 0, done.stderr
    assert "exit-code=0" in out.read_text(encoding="utf-8").splitlines()


def yaml_snippets() -> list[tuple[str, str]]:
    found = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for m in re.finditer(r"```ya?ml\n(.*?)```", text, re.S):
            found.append((f"{page.name}:{text[: m.start()].count(chr(10)) + 1}", m.group(1)))
    return found


def commands(node) -> list[str]:
    """The shell lines of a workflow (GitHub `run:`, GitLab `script:` and `after_script:`)."""
    out: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "run" and isinstance(value, str):
                out += value.splitlines()
            elif key in ("script", "after_script", "before_script") and isinstance(value, list):
                out += [v for v in value if isinstance(v, str)]
            else:
                out += commands(value)
    elif isinstance(node, list):
        for item in node:
            out += commands(item)
    return out


@pytest.mark.parametrize(("where", "snippet"), yaml_snippets(), ids=[w for w, _ in yaml_snippets()])
def test_every_yaml_snippet_is_ready_to_paste(where, snippet):
    doc = yaml.safe_load(snippet)
    assert doc, where
    parser = build_parser()
    for line in commands(doc):
        line = line.split(" || ")[0].strip()
        if not line.startswith("article-audit "):
            continue
        args = shlex.split(line)[1:]
        try:
            parsed = parser.parse_args(args)
        except SystemExit:
            pytest.fail(f"{where}: {line!r} does not parse")
        if "junit" in line:  # the Tests tab must show the gate the job uses
            assert getattr(parsed, "fail_on", None) != "never", f"{where}: {line}"
    for uses in re.findall(r"uses:\s*(\S+)", snippet):
        if not uses.startswith("article-audit/"):
            assert PINNED.match(uses), f"{where}: {uses} is not pinned to a commit"
    assert "OWNER" not in snippet and "@v0.1.0" not in snippet, where
