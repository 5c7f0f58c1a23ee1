"""Markdown: the batch summary for GitHub, and escaping of article text."""

from __future__ import annotations

import pytest

from audit.reports import render
from audit.reports.markdown_report import BUDGET, md_text


@pytest.mark.parametrize(
    "raw, escaped",
    [
        ("plain words", "plain words"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("a | b", "a \\| b"),
        ("*bold* _em_ `code` ~~s~~", "\\*bold\\* \\_em\\_ \\`code\\` \\~\\~s\\~\\~"),
        ("[link](http://x)", "\\[link\\](http://x)"),
        ("@someone #12 $x$ &amp;", "\\@someone \\#12 \\$x\\$ \\&amp;"),
        ("two\nlines\r\n  here", "two lines here"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_md_text(raw, escaped):
    assert md_text(raw) == escaped


def test_summary(report):
    text = render("markdown", report)
    lines = text.splitlines()
    assert lines[0] == "## article-audit: did not pass"
    assert lines[2] == "3 articles, 1 passed, 1 failed, 1 could not be audited."
    table = [line for line in lines if line.startswith("|")]
    assert table[0].startswith("| Result | Article | Grade |")
    assert table[2].startswith("| ⚠️ ERROR | bad")
    assert table[3].startswith("| ❌ FAIL | docs/a file, with: odd %chars.md | **14** (target 9) |")
    assert table[4].startswith("| ✅ PASS | ok.txt | 5 |")
    assert table[-1].startswith("| **Total** | 3 articles | avg 9.5 |")
    assert all(line.count("|") - line.count("\\|") == table[0].count("|") for line in table)
    assert "<summary>docs/a file, with: odd %chars.md — 1 error, 2 warning, 1 info</summary>" in text
    assert "<script>" not in text and "<b>" not in text
    assert "\\<script\\>" in text and 'Bad \\<b\\>word\\</b\\> \\& "x" \\| \\`y\\` \\@someone' in text


def test_summary_stays_under_githubs_comment_limit(report):
    big = report["files"][0]
    report["files"] = [dict(big, path=f"article-{n:03}.md") for n in range(400)]
    for f in report["files"]:
        f["findings"] = [dict(big["findings"][1], message="x" * 400)] * 30
    text = render("markdown", report)
    assert len(text) < BUDGET + 6000 and "more articles not detailed here" in text
    assert "… and 5 more" in text  # 30 findings, 25 shown


def test_a_huge_batch_keeps_its_worst_rows_and_its_totals(report):
    ok = report["files"][1]
    report["files"] = [dict(ok, path=f"passed-{n:04}.md") for n in range(2000)] + report["files"][:1]
    text = render("markdown", report)
    assert len(text) < 65_536
    table = [line for line in text.splitlines() if line.startswith("|")]
    assert table[2].startswith("| ❌ FAIL | docs/a file")
    assert table[-2].startswith("| … | ") and "more articles" in table[-2]
    assert table[-1].startswith("| **Total** | 2001 articles |")


def test_the_summary_names_the_config_that_applied(report):
    for result in report["files"]:
        result["config"] = "docs/.article-audit.toml"
    lines = render("markdown", report).splitlines()
    assert lines[2].endswith("could not be audited.") and lines[4] == "Config: docs/.article-audit.toml"
    report["files"][0]["config"] = "a_b/*.toml"  # escaped like any other text
    assert "Configs: a\\_b/\\*.toml (1 article), docs/.article-audit.toml (1 article)" in render("markdown", report)
