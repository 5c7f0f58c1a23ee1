"""The documentation: generated rule pages are current, every rule has a page, links resolve."""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path
from urllib.parse import unquote

import pytest

from audit.config.loader import load

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
RULE_DOCS = DOCS / "rules"

_spec = importlib.util.spec_from_file_location("gen_rule_docs", ROOT / "tools" / "gen_rule_docs.py")
gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen)

RULES = gen.rules()  # the registry, through the generator's one import of it
PAGES = gen.render_all()
REGENERATE = "stale rule pages: run `python tools/gen_rule_docs.py` and commit docs/rules/"


# The generated rule pages ------------------------------------------------------------


def test_rule_pages_on_disk_are_current():
    assert gen.RULE_DOCS == RULE_DOCS
    assert gen.stale(RULE_DOCS) == [], REGENERATE


def test_every_rule_has_a_page_and_every_page_a_rule():
    pages = {p.stem for p in RULE_DOCS.glob("*.md")} - {"index"}
    assert pages == set(RULES)
    index = (RULE_DOCS / "index.md").read_text(encoding="utf-8")
    linked = re.findall(r"^\| \[`([a-z-]+)`\]\(([a-z-]+)\.md\) \|", index, re.M)
    assert [rid for rid, _ in linked] == sorted(RULES)
    assert all(rid == target for rid, target in linked)
    for rid in RULES:
        assert (RULE_DOCS / f"{rid}.md").read_text(encoding="utf-8").startswith(f"# {rid}\n")


def test_check_names_stale_missing_and_extra_files(tmp_path, capsys):
    folder = tmp_path / "rules"
    assert gen.main(["--dir", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(PAGES)
    assert gen.main(["--check", "--dir", str(folder)]) == 0
    first, second, third = sorted(RULES)[:3]
    edited = folder / f"{first}.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "A hand edit.\n", encoding="utf-8")
    (folder / f"{second}.md").unlink()
    crlf = folder / f"{third}.md"
    crlf.write_bytes(crlf.read_bytes().replace(b"\n", b"\r\n"))  # same text, other line endings
    (folder / "retired-rule.md").write_text("# retired-rule\n", encoding="utf-8")
    capsys.readouterr()
    assert gen.main(["--check", "--dir", str(folder)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"{folder / f'{first}.md'}: out of date",
        f"{folder / f'{second}.md'}: missing",
        f"{folder / f'{third}.md'}: out of date",
        f"{folder / 'retired-rule.md'}: not generated from any rule (extra)",
    ]
    assert "gen_rule_docs.py" in captured.err
    assert not (folder / f"{second}.md").exists()  # --check writes nothing
    assert gen.main(["--dir", str(folder)]) == 0
    assert gen.stale(folder) == []
    assert not (folder / "retired-rule.md").exists()
    assert gen.main(["--check", "--dir", str(folder / "absent")]) == 1


def test_generation_is_deterministic_and_in_id_order(monkeypatch):
    assert gen.render_all() == PAGES
    monkeypatch.setattr(gen, "registry", lambda: dict(reversed(list(RULES.items()))))
    assert gen.render_all() == PAGES
    assert list(PAGES) == sorted(PAGES)
    for name, text in PAGES.items():
        assert "\r" not in text and text.endswith("\n") and not text.endswith("\n\n"), name
        assert all(line == line.rstrip() for line in text.split("\n")), name


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_page_holds_what_the_rule_declares(rule_id):
    cls = RULES[rule_id]
    page = PAGES[f"{rule_id}.md"]
    docs = cls.docs()
    assert page.startswith(f"# {rule_id}\n")
    assert f"\n{cls.summary}\n" in page
    assert f"- Default severity: `{cls.severity.label}`\n" in page
    assert f"- Enabled by default: {'yes' if cls.enabled_by_default else 'no'}\n" in page
    assert f"- WCAG 2.2 success criteria: {', '.join(cls.wcag) or 'none'}\n" in page
    headings = ["## What it flags", "## Why", "## Bad", "## Good", "## Options", "## Configure"]
    positions = [page.index(f"\n{h}\n") for h in headings]
    assert positions == sorted(positions)
    assert f"## What it flags\n\n{docs['what']}\n\n## Why\n\n{docs['why']}\n\n## Bad\n" in page
    assert f"## Bad\n\n```text\n{docs['bad']}\n```\n\n## Good\n\n```text\n{docs['good']}\n```\n" in page
    options = page[page.index("\n## Options\n") : page.index("\n## Configure\n")]
    assert [line[2:] for line in options.splitlines() if line.startswith("- ")] == [o.describe() for o in cls.options]


def _toml_blocks(text: str) -> list[str]:
    return re.findall(r"^```toml\n(.*?)^```$", text, re.M | re.S)


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_page_configuration_examples_are_valid_and_show_the_defaults(rule_id, tmp_path):
    cls = RULES[rule_id]
    pyproject, local = _toml_blocks(PAGES[f"{rule_id}.md"])

    def plain(value):  # TOML arrays are lists
        return list(value) if isinstance(value, tuple) else value

    expected = {"severity": cls.severity.label, **{o.name: plain(o.default) for o in cls.options}}
    for name, text, table in (
        ("pyproject.toml", pyproject, ("tool", "article-audit", "rules", rule_id)),
        (".article-audit.toml", local, ("rules", rule_id)),
    ):
        data = tomllib.loads(text)
        for key in table:
            data = data[key]
        assert data == expected
        folder = tmp_path / name.lstrip(".")
        folder.mkdir()
        (folder / name).write_text(text, encoding="utf-8")
        config = load(folder / name, RULES)  # raises ConfigError for a wrong key, value or type
        [settings] = config.settings_for(str(folder / "a.txt"), RULES, select=(rule_id,)).rules
        assert settings.severity == cls.severity
        assert {k: plain(v) for k, v in settings.options.items()} == {k: plain(v) for k, v in cls.defaults().items()}


def test_rules_overview_lists_every_rule_with_its_page():
    overview = (DOCS / "rules.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| \[`([a-z-]+)`\]\(rules/([a-z-]+)\.md\) \|", overview, re.M)
    assert sorted(rid for rid, _ in rows) == sorted(RULES)
    assert all(rid == target for rid, target in rows)


# README -----------------------------------------------------------------------------


COMMANDS = [
    "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/article-audit demo",
    'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/python -m pytest',
]


def test_readme_starts_with_the_two_commands():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").split("\n")
    assert lines[:6] == ["# article-audit", "", "```sh", *COMMANDS, "```"]
    assert lines[7].startswith("The first command installs the tool")
    assert COMMANDS[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


# Links ------------------------------------------------------------------------------


FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s+<?([^\s>]+)>?")
EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def _prose(text: str):
    """(line number, line) of every line outside fenced code blocks."""
    fence = None
    for number, line in enumerate(text.split("\n"), 1):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
        elif fence is not None:
            if (
                match
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= len(fence)
                and not line.strip()[len(match.group(1)) :]
            ):
                fence = None
        else:
            yield number, line


def anchors(text: str) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown file."""
    found: set[str] = set()
    seen: dict[str, int] = {}
    for _, line in _prose(text):
        match = re.match(r"^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$", line)
        if not match:
            continue
        title = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", match.group(1))
        slug = re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    return found


def broken_links(path: Path, root: Path) -> list[str]:
    """'file:line: target (problem)' for every relative link of a Markdown file that leads nowhere."""
    problems = []
    for number, line in _prose(path.read_text(encoding="utf-8")):
        line = CODE_SPAN.sub("", line)
        targets = INLINE_LINK.findall(line) + REFERENCE.findall(line)
        for target in targets:
            if not target or EXTERNAL.match(target):
                continue
            file_part, _, anchor = target.partition("#")
            where = f"{path.relative_to(root).as_posix()}:{number}: {target}"
            resolved = (path.parent / unquote(file_part)).resolve() if file_part else path
            if root.resolve() not in (resolved, *resolved.parents):
                problems.append(f"{where} (outside the repository)")
            elif not resolved.exists():
                problems.append(f"{where} (no such file)")
            elif (
                anchor
                and resolved.suffix == ".md"
                and unquote(anchor) not in anchors(resolved.read_text(encoding="utf-8"))
            ):
                problems.append(f"{where} (no such heading)")
    return problems


def _markdown_files() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


def test_docs_pages_exist_and_are_linked_from_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pages = sorted(p.name for p in DOCS.glob("*.md"))
    # The pages README's front page promises (issue 17); any other page must be linked too.
    assert {
        "usage.md",
        "configuration.md",
        "ci.md",
        "reports.md",
        "numbers.md",
        "rules.md",
        "architecture.md",
        "development.md",
    } <= set(pages)
    for name in pages:
        assert f"](docs/{name})" in readme, name
    assert "](docs/rules/index.md)" in readme


@pytest.mark.parametrize("path", _markdown_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_point_to_existing_files_and_headings(path):
    assert broken_links(path, ROOT) == []


def test_link_check_finds_broken_links_and_ignores_code(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "other.md").write_text(
        "# Other page\n\n## A `code` heading (optional)\n\n## Twice\n\n## Twice\n", encoding="utf-8"
    )
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n"
        "[fine](sub/other.md) [anchor](sub/other.md#a-code-heading-optional) [second](sub/other.md#twice-1)\n"
        "[self](#page) ![image](sub/other.md) [web](https://example.org/missing.md) [mail](mailto:a@b.c)\n"
        "[gone](missing.md) [bad anchor](sub/other.md#nowhere) [bad self](#nowhere)\n"
        "`[in code](nowhere.md)` and [out](../../escape.md)\n"
        "```markdown\n[in a block](nowhere.md)\n```\n"
        "[ref]: sub/absent.md\n",
        encoding="utf-8",
    )
    assert broken_links(page, tmp_path) == [
        "page.md:5: missing.md (no such file)",
        "page.md:5: sub/other.md#nowhere (no such heading)",
        "page.md:5: #nowhere (no such heading)",
        "page.md:6: ../../escape.md (outside the repository)",
        "page.md:10: sub/absent.md (no such file)",
    ]
