"""Vale's own conformance cases (../shared/vale-conformance, testdata/features/checks.feature):
each scenario whose files are Markdown, HTML or plain text is run as its step runs Vale
(`--output=line --sort --normalize --relative --no-global .` in the fixture folder) and
compared line for line with Vale's output (lines of other formats left out of both).

Known mismatches are xfail with their reasons; `test_conformance_tally` prints the count
of scenarios and lines matched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from audit.cli.main import main

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "vale-conformance" / "testdata"
FEATURE = SHARED / "features" / "checks.feature"
OURS = (".md", ".html", ".txt")

pytestmark = pytest.mark.skipif(not FEATURE.is_file(), reason="../shared/vale-conformance is not here")

# Scenario -> why our output differs from Vale's there (the lines that differ are named).
KNOWN = {
    "Script": "script rules (Tengo) are not run: both of the scenario's rules are scripts",
    "Sequence": "the LanguageTool rules tag parts of speech (`tag`), and no tagger is at hand: skipped with a warning",
}


def scenarios() -> list[tuple[str, str, list[str]]]:
    if not FEATURE.is_file():
        return []
    text = FEATURE.read_text(encoding="utf-8")
    found = []
    for m in re.finditer(
        r'Scenario: (\S+)\s+When I test "([^"]+)"\s+Then the output should contain exactly:\s+"""\n(.*?)"""', text, re.S
    ):
        lines = [line.strip() for line in m.group(3).splitlines() if line.strip()]
        found.append((m.group(1), m.group(2), lines))
    return found


def ours_only(lines: list[str]) -> list[str]:
    return [line for line in lines if line.split(":", 1)[0].endswith(OURS)]


def run_scenario(folder: str, monkeypatch, capsys) -> list[str]:
    monkeypatch.chdir(SHARED / "fixtures" / folder)
    code = main(["vale", "--output=line", "--sort", "--normalize", "--relative", "--no-global", "."])
    out = capsys.readouterr().out
    assert code in (0, 1)
    return ours_only([line for line in out.splitlines() if line.strip()])


@pytest.mark.parametrize(
    "name,folder,expected",
    [
        pytest.param(*s, marks=pytest.mark.xfail(reason=KNOWN[s[0]], strict=True)) if s[0] in KNOWN else s
        for s in scenarios()
    ],
    ids=[s[0] for s in scenarios()],
)
def test_scenario(name, folder, expected, monkeypatch, capsys):
    assert run_scenario(folder, monkeypatch, capsys) == ours_only(expected)


def test_conformance_tally(monkeypatch, capsys):
    """Counts scenarios and lines matched, and holds the count to what was measured."""
    matched_scenarios = matched_lines = total_lines = 0
    all_scenarios = scenarios()
    for _name, folder, expected in all_scenarios:
        expected = ours_only(expected)
        got = run_scenario(folder, monkeypatch, capsys)
        matched_scenarios += got == expected
        total_lines += len(expected)
        matched_lines += len(set(got) & set(expected))
    with capsys.disabled():
        print(
            f"\nVale conformance: {matched_scenarios}/{len(all_scenarios)} scenarios, "
            f"{matched_lines}/{total_lines} lines (Markdown, HTML, text)"
        )
    assert matched_scenarios >= 9 and matched_lines >= 36


def test_repetition_on_the_rst_fixture_read_as_markdown(tmp_path, monkeypatch, capsys):
    """Derived from Vale's Repetition scenario: text.rst's prose (its literal block left
    out, lines kept) read as Markdown gives Vale's lines for text.rst, line for line."""
    fixture = SHARED / "fixtures" / "checks" / "Repetition"
    lines = (fixture / "text.rst").read_text(encoding="utf-8").splitlines()
    (tmp_path / "text.md").write_text("\n" * 4 + "\n".join(lines[4:]) + "\n", encoding="utf-8")
    (tmp_path / ".vale.ini").write_text(
        f"StylesPath = {SHARED / 'styles'}\nVocab = Rep\n[*]\nVale.Repetition = YES\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    main(["vale", "--output=line", "--sort", "--normalize", "--relative", "--no-global", "."])
    got = capsys.readouterr().out.splitlines()
    expected = [
        line.replace("text.rst", "text.md")
        for s in scenarios()
        if s[0] == "Repetition"
        for line in s[2]
        if line.startswith("text.rst")
    ]
    assert got == expected and len(expected) == 4
