"""Each file's settings in a batch: the nearest config of its folder, or the one given."""

from __future__ import annotations

import os

import pytest

from audit.config.loader import ConfigError
from audit.config.per_folder import PerFolderSettings, real_folder
from audit.engine.registry import registry


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rule_ids(settings):
    return [rs.rule.id for rs in settings.rules]


@pytest.fixture
def tree(tmp_path):
    """strict/ has a config (gate on warnings, two rules), loose/ has none."""
    write(tmp_path / "strict" / ".article-audit.toml", 'fail-on = "warning"\nselect = ["typo", "sentence-length"]\n')
    write(tmp_path / "strict" / "a.txt", "A note.")
    write(tmp_path / "strict" / "deeper" / "b.txt", "A note.")
    write(tmp_path / "loose" / "c.txt", "A note.")
    return tmp_path


def test_each_file_gets_the_nearest_config_of_its_folder(tree):
    settings_for = PerFolderSettings(registry())
    strict = settings_for(str(tree / "strict" / "a.txt"))
    deeper = settings_for(str(tree / "strict" / "deeper" / "b.txt"))
    loose = settings_for(str(tree / "loose" / "c.txt"))
    assert strict.fail_on == deeper.fail_on == "warning"
    assert rule_ids(strict) == ["sentence-length", "typo"]
    assert loose.fail_on == "error"
    assert len(loose.rules) > 2


def test_a_config_file_is_loaded_once_for_all_its_folders(tree):
    settings_for = PerFolderSettings(registry())
    first = settings_for.config_for(str(tree / "strict" / "a.txt"))
    assert settings_for.config_for(str(tree / "strict" / "deeper" / "b.txt")) is first
    assert first.path == tree / "strict" / ".article-audit.toml"
    assert settings_for.config_for(str(tree / "loose" / "c.txt")).path is None  # the built-in defaults


def test_the_config_given_applies_to_every_file(tree):
    given = write(tree / "given.toml", 'select = ["typo"]\n')
    settings_for = PerFolderSettings(registry(), config=given)
    for name in ("strict/a.txt", "loose/c.txt"):
        settings = settings_for(str(tree / name))
        assert rule_ids(settings) == ["typo"] and settings.fail_on == "error"


def test_command_line_choices_go_on_top_of_the_config(tree):
    settings_for = PerFolderSettings(
        registry(), select=("typo",), fail_on="never", min_severity="warning", report_unused_suppressions=True
    )
    settings = settings_for(str(tree / "strict" / "a.txt"))
    assert rule_ids(settings) == ["typo"]
    assert (settings.fail_on, settings.min_severity, settings.report_unused_suppressions) == ("never", "warning", True)
    assert rule_ids(PerFolderSettings(registry(), ignore=("typo",))(str(tree / "strict" / "a.txt"))) == [
        "sentence-length"
    ]


def test_unknown_rules_on_the_command_line_are_a_config_error():
    with pytest.raises(ConfigError, match="unknown rule 'no-such-rule'"):
        PerFolderSettings(registry(), ignore=("typo", "no-such-rule"))
    PerFolderSettings(registry(), select=("all",))  # "all" is not a rule but allowed


def test_a_config_that_does_not_load_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read config"):
        PerFolderSettings(registry(), config=tmp_path / "missing.toml")
    write(tmp_path / "bad" / ".article-audit.toml", "fail-on = 3\n")
    settings_for = PerFolderSettings(registry())  # folder configs load when a file there asks
    with pytest.raises(ConfigError, match="fail-on"):
        settings_for(str(tmp_path / "bad" / "a.txt"))


def test_standard_input_gets_the_working_folders_config(tree, monkeypatch):
    monkeypatch.chdir(tree / "strict" / "deeper")
    assert PerFolderSettings(registry())("-").fail_on == "warning"


def test_a_symbolic_link_gets_its_targets_config(tree):
    link = tree / "loose" / "link.txt"
    os.symlink(tree / "strict" / "a.txt", link)
    chain = tree / "loose" / "chain.txt"
    os.symlink(link, chain)  # a link to a link: resolved in full
    settings_for = PerFolderSettings(registry())
    assert settings_for(str(link)).fail_on == "warning"
    assert settings_for(str(chain)).fail_on == "warning"
    assert settings_for(str(tree / "loose" / "c.txt")).fail_on == "error"


def test_the_real_folder_of_a_link_loop_is_the_links_own(tmp_path):
    os.symlink("loop.txt", tmp_path / "loop.txt")
    assert real_folder(str(tmp_path / "loop.txt")) == tmp_path
    assert real_folder(str(tmp_path / "x" / "a.txt")) == tmp_path / "x"
