"""Rules are found through entry points, built-in and third-party alike; a rule class is
checked when it is defined."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from audit.engine import registry as registry_module
from audit.engine.registry import EntryPoint, RegistryError, load, origins, registry
from audit.engine.rule import Option, Rule, RuleDefinitionError
from audit.results.findings import Severity

PYTHON_RULE = '''
"""A house rule written in Python: one module."""

from audit.engine.rule import Rule
from audit.results.findings import Severity


class Shouting(Rule):
    """Flags a run of three or more exclamation marks.

    Why:
    One is emphasis; three read as shouting.

    Bad:
    We won!!!

    Good:
    We won!
    """

    id = "shouting"
    summary = "Three or more exclamation marks"
    severity = Severity.WARNING
    language_bound = False

    def check(self, doc, opts):
        start = doc.source.find("!!!")
        while start >= 0:
            end = start
            while end < len(doc.source) and doc.source[end] == "!":
                end += 1
            yield self.finding(start, end, "Three or more exclamation marks read as shouting.")
            start = doc.source.find("!!!", end)
'''


def plugin(site: Path, entry_points: str, files: dict[str, str]) -> Path:
    """A distribution installed in `site` as pip would: its files and its dist-info."""
    for name, text in files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    info = site / "house_rules-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: house-rules\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(textwrap.dedent(entry_points).lstrip(), encoding="utf-8")
    return site


def run_cli(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run([sys.executable, "-m", "audit", *args], capture_output=True, text=True, env=env, cwd=cwd)


def test_every_built_in_rule_comes_through_the_entry_point_group():
    rules = registry()
    assert len(rules) >= 19 and list(rules) == sorted(rules)
    assert {where.split()[0] for where in origins().values()} == {"article-audit"}
    for rid, cls in rules.items():
        assert cls.id == rid and cls.__module__.startswith("audit.rules.")


def test_a_python_rule_from_another_distribution_is_listed_and_run(tmp_path):
    site = plugin(
        tmp_path / "site",
        """
        [article_audit.rules]
        shouting = house_rules.shouting:Shouting
        """,
        {"house_rules/__init__.py": "", "house_rules/shouting.py": PYTHON_RULE},
    )
    article = tmp_path / "draft.txt"
    article.write_text("The team won the cup on Saturday!!! Fans cheered in the street.\n", encoding="utf-8")

    listed = run_cli(site, "rules", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    row = next(line for line in listed.stdout.splitlines() if line.startswith("shouting"))
    assert "house-rules 1.0" in row
    assert "article-audit" in next(line for line in listed.stdout.splitlines() if line.startswith("typo"))

    checked = run_cli(site, "check", "--no-cache", "--select", "shouting", str(article), cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr  # a warning does not fail the default gate
    assert "draft.txt:1:33: warning shouting Three or more exclamation marks" in checked.stdout

    explained = run_cli(site, "explain", "shouting", cwd=tmp_path)
    assert "One is emphasis; three read as shouting." in explained.stdout


WORD_LIST_RULE = """
extends: substitution
message: "Use '%s' instead of '%s'."
description: Words the house style replaces
level: warning
ignorecase: true
fix: safe
why: Readers know the plain word.
bad: We will utilise the car park.
good: We will use the car park.
swap:
  utili[sz]e: use
"""


def test_a_word_list_rule_from_another_distribution_needs_no_python(tmp_path):
    # The package is one YAML file: a namespace package, no __init__.py, no module.
    site = plugin(
        tmp_path / "site",
        """
        [article_audit.rules]
        house-words = house_words_pkg
        """,
        {"house_words_pkg/house-words.yml": WORD_LIST_RULE},
    )
    assert not list((site / "house_words_pkg").glob("*.py"))
    article = tmp_path / "draft.txt"
    article.write_text("We will utilize the hall in May.\n", encoding="utf-8")

    listed = run_cli(site, "rules", cwd=tmp_path)
    row = next(line for line in listed.stdout.splitlines() if line.startswith("house-words"))
    assert "warning" in row and "Words the house style replaces" in row and "house-rules 1.0" in row

    checked = run_cli(site, "check", "--no-cache", "--select", "house-words", str(article), cwd=tmp_path)
    assert "draft.txt:1:9: warning house-words Use 'use' instead of 'utilize'." in checked.stdout, checked.stderr
    fixed = run_cli(site, "check", "--no-cache", "--select", "house-words", "--fix", str(article), cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    assert article.read_text(encoding="utf-8") == "We will use the hall in May.\n"


def test_a_broken_plugin_is_a_clear_error_not_a_traceback(tmp_path):
    site = plugin(
        tmp_path / "site",
        """
        [article_audit.rules]
        shouting = house_rules.missing:Shouting
        """,
        {"house_rules/__init__.py": ""},
    )
    article = tmp_path / "draft.txt"
    article.write_text("Fine text.\n", encoding="utf-8")
    result = run_cli(site, "check", "--no-cache", str(article), cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "rule 'shouting' from house-rules 1.0 (house_rules.missing:Shouting) could not be loaded" in result.stderr


def test_an_entry_point_must_name_a_rule_class_under_its_id(tmp_path, monkeypatch):
    (tmp_path / "plain_module.py").write_text("VALUE = 3\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(RegistryError, match="is not a rule class"):
        load(EntryPoint("value", "plain_module:VALUE", "x 1"))
    with pytest.raises(RegistryError, match="the class's id is 'typo'"):
        load(EntryPoint("other-name", "audit.rules.typo:Typo", "x 1"))


def test_two_distributions_declaring_one_id_are_an_error(monkeypatch):
    points = (
        EntryPoint("typo", "audit.rules.typo:Typo", "article-audit 0.1.0"),
        EntryPoint("typo", "audit.rules.typo:Typo", "house-rules 1.0"),
    )
    monkeypatch.setattr(registry_module, "entry_points", lambda: points)
    registry_module._loaded.cache_clear()
    try:
        with pytest.raises(RegistryError, match="declared twice: by article-audit 0.1.0 and by house-rules 1.0"):
            registry()
    finally:
        registry_module._loaded.cache_clear()


def test_the_entry_point_scan_is_kept_until_the_installed_set_changes(tmp_path, monkeypatch):
    scans = []
    real_scan = registry_module._scan
    monkeypatch.setattr(registry_module, "_scan", lambda: scans.append(1) or real_scan())
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    first = registry_module.entry_points()
    assert registry_module.entry_points() == first and len(scans) == 1  # read from the cache folder
    (tmp_path / "new_dist-1.0.dist-info").mkdir()  # an install changes the folder's time
    os.utime(tmp_path, ns=(1, 1))
    registry_module.entry_points()
    assert len(scans) == 2


@pytest.mark.parametrize(
    "attributes, problem",
    [
        ({"id": "Bad_Id"}, "not kebab-case"),
        ({"summary": ""}, "no summary"),
        ({"severity": "warning"}, "severity is not a Severity"),
        ({"category": "typos"}, "category 'typos' is not one of"),
        ({"__doc__": "Flags things.\n\nWhy:\nBecause.\n"}, "lacks bad, good"),
        ({"options": (Option("max", int, 0, "the most", minimum=1),)}, "its default is invalid"),
        ({"options": (Option("Max", int, 3, "the most"),)}, "kebab-case name"),
    ],
)
def test_a_rule_class_is_checked_when_it_is_defined(attributes, problem):
    namespace = {
        "__doc__": "Flags things.\n\nWhy:\nBecause.\n\nBad:\nx\n\nGood:\ny\n",
        "id": "ok-rule",
        "summary": "A rule",
        "severity": Severity.INFO,
        **attributes,
    }
    with pytest.raises(RuleDefinitionError, match=problem):
        type("Broken", (Rule,), namespace)


def test_a_class_without_an_id_is_a_base_for_rules():
    base = type("Base", (Rule,), {"__doc__": None})
    assert not hasattr(base, "id") or "id" not in base.__dict__
