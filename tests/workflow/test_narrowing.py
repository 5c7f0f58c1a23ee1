"""Narrowing a result to the findings that gate (baseline, changed lines), and hiding
findings below --min-severity from the report."""

from __future__ import annotations

import subprocess

import pytest

from audit.batch.tasks import Task
from audit.engine.settings import Settings
from audit.workflow.narrowing import Narrowing, shown


def settings(fail_on="error", min_severity="info"):
    return Settings(rules=(), fail_on=fail_on, language="en", min_severity=min_severity)


def finding(fingerprint, severity="warning", line=1, end_line=None, metric=None):
    return {
        "rule": "typo",
        "severity": severity,
        "fingerprint": fingerprint,
        "line": line,
        "end_line": end_line or line,
        "metric": metric,
    }


def result(path, findings, status="failed", metrics=None):
    return {"path": str(path), "status": status, "findings": findings, "metrics": metrics or {}}


def baseline_of(path, fingerprints):
    return {"format": 1, "files": {path: {"findings": fingerprints, "metrics": {}}}}


def test_a_baseline_keeps_the_new_findings_and_gates_again_on_them(tmp_path):
    before = result(tmp_path / "a.txt", [finding("old", "error"), finding("new", "warning")])
    narrowing = Narrowing(baseline_of("a.txt", ["old"]), tmp_path)
    after = narrowing.narrow(before, Task(before["path"], settings()))
    assert [f["fingerprint"] for f in after["findings"]] == ["new"]
    assert after["status"] == "passed"  # the new finding is a warning; the gate is on errors
    assert narrowing.narrow(before, Task(before["path"], settings("warning")))["status"] == "failed"
    assert before["status"] == "failed" and len(before["findings"]) == 2  # the result itself is left as it was


def test_without_a_baseline_or_changed_lines_a_result_is_returned_as_it_is(tmp_path):
    plain = result(tmp_path / "a.txt", [finding("x")])
    assert Narrowing().narrow(plain, Task(plain["path"], settings())) is plain


def test_every_finding_of_a_file_the_baseline_does_not_know_is_new(tmp_path):
    unknown = result(tmp_path / "b.txt", [finding("x", "error")])
    narrowing = Narrowing(baseline_of("a.txt", ["x"]), tmp_path)
    after = narrowing.narrow(unknown, Task(unknown["path"], settings()))
    assert after["findings"] == unknown["findings"] and after["status"] == "failed"


def test_errors_and_inputs_not_audited_are_left_alone(tmp_path):
    narrowing = Narrowing(baseline_of("a.txt", ["x"]), tmp_path)
    error = {"path": str(tmp_path / "a.txt"), "status": "error", "error": "unreadable", "findings": []}
    assert narrowing.narrow(error, Task(error["path"], settings())) is error
    skipped = result(tmp_path / "a.txt", [finding("x")])
    assert narrowing.narrow(skipped, Task(skipped["path"], None, "too large")) is skipped


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def changed_file(tmp_path):
    """a.txt committed with four lines, then line 3 changed."""
    git("init", "-q", cwd=tmp_path)
    git("-c", "user.email=a@b", "-c", "user.name=a", "commit", "-q", "--allow-empty", "-m", "start", cwd=tmp_path)
    path = tmp_path / "a.txt"
    path.write_text("one\ntwo\nthree\nfour\n", encoding="utf-8")
    git("add", "a.txt", cwd=tmp_path)
    git("-c", "user.email=a@b", "-c", "user.name=a", "commit", "-q", "-m", "a", cwd=tmp_path)
    path.write_text("one\ntwo\nTHREE\nfour\n", encoding="utf-8")
    return path


def test_changed_lines_keep_findings_touching_them_and_metric_findings(changed_file):
    findings = [
        finding("on-1", line=1),
        finding("over-2-3", line=2, end_line=3),
        finding("on-3", line=3),
        finding("on-4", line=4),
        finding("grade", line=1, metric="consensus_grade"),
    ]
    before = result(changed_file, findings)
    after = Narrowing(changed_since="HEAD").narrow(before, Task(str(changed_file), settings()))
    assert [f["fingerprint"] for f in after["findings"]] == ["over-2-3", "on-3", "grade"]


def test_shown_hides_findings_below_the_minimum_but_keeps_the_status(tmp_path):
    before = result(tmp_path / "a.txt", [finding("e", "error"), finding("w", "warning"), finding("i", "info")])
    assert [f["fingerprint"] for f in shown(before, settings(min_severity="warning"))["findings"]] == ["e", "w"]
    only_errors = shown(before, settings(min_severity="error"))
    assert [f["fingerprint"] for f in only_errors["findings"]] == ["e"] and only_errors["status"] == "failed"
    assert shown(before, settings()) is before
    assert shown(before, None) is before


def test_shows_as_audited_only_when_nothing_is_narrowed_or_hidden(tmp_path):
    everything = [Task("a.txt", settings()), Task("b.txt", None, "unreadable")]
    assert Narrowing().shows_as_audited(everything)
    assert not Narrowing().shows_as_audited(everything + [Task("c.txt", settings(min_severity="warning"))])
    assert not Narrowing(baseline_of("a.txt", []), tmp_path).shows_as_audited(everything)
    assert not Narrowing(changed_since="HEAD").shows_as_audited(everything)
