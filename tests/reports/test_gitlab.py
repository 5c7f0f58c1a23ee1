"""GitLab Code Quality: GitLab's documented fields, and fingerprints that are unique and stable."""

from __future__ import annotations

import json

from audit.reports import render

SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def check_issue(issue: dict) -> None:
    """The fields GitLab requires of each Code Quality issue, with their types."""
    assert isinstance(issue["description"], str) and issue["description"]
    assert isinstance(issue["check_name"], str) and issue["check_name"]
    assert isinstance(issue["fingerprint"], str) and issue["fingerprint"]
    assert issue["severity"] in SEVERITIES
    assert isinstance(issue["location"]["path"], str)
    begin = issue["location"]["lines"]["begin"]
    assert isinstance(begin, int) and begin >= 1


def test_fields_and_severities(report):
    issues = json.loads(render("gitlab", report))
    for issue in issues:
        check_issue(issue)
    assert [i["severity"] for i in issues] == ["major", "minor", "minor", "info", "critical"]
    assert issues[1]["location"] == {"path": "docs/a file, with: odd %chars.md", "lines": {"begin": 3, "end": 4}}
    assert issues[2]["description"] == "Possible typo Suggestion: Did you mean “script”?"
    assert issues[-1]["check_name"] == "input-error"
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_identical_findings_get_distinct_fingerprints(report):
    twin = dict(report["files"][0]["findings"][2], line=4, column=1, end_line=4, end_column=9)
    report["files"][0]["findings"].append(twin)
    prints = [i["fingerprint"] for i in json.loads(render("gitlab", report))]
    assert len(set(prints)) == len(prints)


def test_fingerprints_survive_edits_above_the_finding(run_check, articles):
    _, before = run_check(str(articles), "--format", "gitlab")
    sample = articles / "news" / "coalition-meeting.txt"
    sample.write_text("Editor's note: updated.\n\n" + sample.read_text(encoding="utf-8"), encoding="utf-8")
    _, after = run_check(str(articles), "--format", "gitlab")
    old, new = json.loads(before), json.loads(after)
    for issue in old + new:
        check_issue(issue)
    assert len({i["fingerprint"] for i in new}) == len(new)
    moved = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in new}
    kept = [i for i in old if i["fingerprint"] in moved]
    # every sentence finding keeps its fingerprint though its line moved down by two
    sentence = [
        i
        for i in old
        if i["check_name"] == "sentence-length"
        and i["location"]["lines"]["begin"] > 1
        and i["location"]["path"] == str(sample)
    ]
    assert sentence and all(i in kept for i in sentence)
    assert all(moved[i["fingerprint"]] == i["location"]["lines"]["begin"] + 2 for i in sentence)
