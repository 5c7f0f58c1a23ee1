"""Project vocabulary (issue 20): `vocabulary`, `vocabulary-file`, `check --add-words`,
and the vocabulary as part of the result cache's key."""

from __future__ import annotations

import json

from audit.batch.result_cache import settings_fingerprint
from audit.cli.main import main
from audit.config.loader import load
from audit.engine.registry import registry

ARTICLE = "Install karpenter first, then the kwok tool fakes nodes for the tests.\n"


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def spelling_words(tmp_path, capsys, *extra) -> list[str]:
    (tmp_path / ".git").mkdir(exist_ok=True)  # the repository's root: no config above applies
    article = write(tmp_path / "a.txt", ARTICLE)
    main(["check", "--format", "json", "--no-cache", "--select", "spelling", *extra, str(article)])
    report = json.loads(capsys.readouterr().out)
    return [f["excerpt"] for f in report["files"][0]["findings"]]


def test_without_a_vocabulary_both_words_are_flagged(tmp_path, capsys):
    assert spelling_words(tmp_path, capsys) == ["karpenter", "kwok"]


def test_vocabulary_words_and_patterns_are_accepted(tmp_path, capsys):
    write(tmp_path / ".article-audit.toml", 'vocabulary = ["karpent[a-z]+", "KWOK"]\n')
    assert spelling_words(tmp_path, capsys) == []


def test_vocabulary_file_accepts_and_rejects(tmp_path, capsys):
    write(tmp_path / "words.txt", "# project words\nkarpenter\n!fakes\n")
    write(tmp_path / ".article-audit.toml", 'vocabulary-file = "words.txt"\n')
    assert spelling_words(tmp_path, capsys) == ["kwok", "fakes"]


def test_add_words_appends_the_unknown_words_sorted_once(tmp_path, capsys):
    words = write(tmp_path / "words.txt", "# project words\nzlib\n")
    spelling_words(tmp_path, capsys, "--add-words", str(words))
    assert words.read_text(encoding="utf-8") == "# project words\nzlib\nkarpenter\nkwok\n"
    write(tmp_path / ".article-audit.toml", 'vocabulary-file = "words.txt"\n')
    spelling_words(tmp_path, capsys, "--add-words", str(words))
    assert words.read_text(encoding="utf-8") == "# project words\nzlib\nkarpenter\nkwok\n"


def test_the_vocabulary_is_part_of_the_result_cache_key(tmp_path):
    """A changed vocabulary file must not hand back results audited under the old one."""
    write(tmp_path / "words.txt", "karpenter\n")
    path = write(tmp_path / ".article-audit.toml", 'vocabulary-file = "words.txt"\n')
    before = settings_fingerprint(load(path, registry()).settings_for("a.txt", registry()))
    write(tmp_path / "words.txt", "karpenter\nkwok\n")
    after = settings_fingerprint(load(path, registry()).settings_for("a.txt", registry()))
    assert before != after
