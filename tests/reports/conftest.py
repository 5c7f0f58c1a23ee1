"""Report models for the writer tests: one hand-made with hostile text, one from the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.cli.main import main

DATA = Path(__file__).resolve().parent.parent / "data"

# An article whose text is markup and script; its long sentences put the payloads inside
# findings (excerpts, tooltips) as well as in the article text.
HOSTILE = (
    'Evil <script>alert("title")</script> & "quotes" headline\n\n'
    "The council said that <script>alert(1)</script> would be discussed at the meeting on Monday "
    "afternoon together with the budget, the roads, the schools, the parks and the library plans "
    "for the next three years.\n\n"
    'Readers who paste "><img src=x onerror=alert(1)> into the comment form should see it printed '
    "as plain text by the site, never run as code, and the editors will check every page of the "
    "site again next week.\n\n"
    "Short line with ::error file=x::injected and 100% sure, a:b, c.\n"
)

NOTE = "A short note\n\nWe meet at noon. Bring a pen. The room is on the first floor.\n"


def _finding(rule, severity, message, line, column, end_line, end_column, excerpt, suggestion=None, fix=None):
    return {
        "rule": rule,
        "severity": severity,
        "message": message,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "excerpt": excerpt,
        "suggestion": suggestion,
        "fix": fix,
    }


def synthetic() -> dict:
    """A model exercising every escaping path of every writer."""
    nasty = 'Bad <b>word</b> & "x" | `y` @someone #1 $x$ 50% a:b,c\n::error::injected\r\nnext'
    source = "Title line\n\nOne <script>alert(1)</script> two.\nThree four five six.\n"
    return {
        "tool": {"name": "article-audit", "version": "9.9.9"},
        "summary": {
            "files": 3,
            "passed": 1,
            "failed": 1,
            "errors": 1,
            "findings": {"error": 1, "warning": 2, "info": 1},
        },
        "rules": {
            "sentence-length": {
                "summary": "Sentence has too many words",
                "severity": "warning",
                "wcag": [],
                "description": "Flags long sentences.",
                "help": "Flags long sentences.\n\nWhy:\nx",
            },
            "reading-level": {
                "summary": "Article reads above the target grade (WCAG 3.1.5)",
                "severity": "error",
                "wcag": ["3.1.5"],
                "description": "Flags hard articles.",
                "help": "Flags hard.",
            },
            "typo": {
                "summary": "Likely typo",
                "severity": "warning",
                "category": "typo",
                "wcag": [],
                "description": "d",
                "help": "h",
            },
        },
        "files": [
            {
                "path": "docs/a file, with: odd %chars.md",
                "status": "failed",
                "error": None,
                "title": "Title line",
                "metrics": {
                    "words": 9,
                    "sentences": 2,
                    "consensus_grade": 14.0,
                    "target_grade": 9.0,
                    "long_sentences": 1,
                },
                "source": source,
                "findings": [
                    _finding("reading-level", "error", "The article reads at grade 14.", 1, 1, 1, 11, "Title line"),
                    _finding(
                        "sentence-length",
                        "warning",
                        nasty,
                        3,
                        1,
                        4,
                        21,
                        "One <script>alert(1)</script> two. Three four five six.",
                        suggestion="Split <it>.",
                    ),
                    _finding(
                        "typo",
                        "warning",
                        "Possible typo",
                        3,
                        5,
                        3,
                        13,
                        "<script>",
                        suggestion="Did you mean “script”?",
                        fix={"start": 16, "end": 24, "replacement": "script", "safe": True},
                    ),
                    _finding(
                        "reading-level", "info", "Hardest sentence #1: grade 20.", 4, 1, 4, 21, "Three four five six."
                    ),
                ],
            },
            {
                "path": "ok.txt",
                "status": "passed",
                "error": None,
                "title": "OK",
                "findings": [],
                "metrics": {"words": 30, "sentences": 3, "consensus_grade": 5.0, "target_grade": 9.0},
            },
            {
                "path": "bad\x07.txt",
                "status": "error",
                "error": "not valid UTF-8: byte 0xff at offset 3",
                "title": "",
                "metrics": {},
                "findings": [],
            },
        ],
    }


@pytest.fixture
def report() -> dict:
    return synthetic()


@pytest.fixture
def articles(tmp_path, sample_text) -> Path:
    """A folder of articles: the long sample, a hostile one, a plain note."""
    folder = tmp_path / "articles"
    (folder / "news").mkdir(parents=True)
    (folder / "news" / "coalition-meeting.txt").write_text(sample_text, encoding="utf-8")
    (folder / "hostile <x>.md").write_text(HOSTILE, encoding="utf-8")
    (folder / "note.txt").write_text(NOTE, encoding="utf-8")
    return folder


@pytest.fixture
def run_check(capsys):
    """Run `article-audit check` with the given arguments; returns (exit code, stdout)."""

    def run(*args: str) -> tuple[int, str]:
        code = main(["check", "--no-cache", "--jobs", "1", *args])
        return code, capsys.readouterr().out

    return run


@pytest.fixture
def cli_report(articles, run_check, tmp_path) -> tuple[dict, Path]:
    """The JSON model of a real run, and the report folder written alongside it."""
    out = tmp_path / "report"
    code, text = run_check(str(articles), "--format", "json", "--report-dir", str(out))
    assert code == 1
    return json.loads(text), out
