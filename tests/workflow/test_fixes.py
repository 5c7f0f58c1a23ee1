"""Fixes of a batch's results, as diffs or written back in each file's own encoding."""

from __future__ import annotations

import pytest

from audit.workflow.fixes import encode_like, file_fixes

TEXT = "The the cat sat.\n"
DOUBLED = {"start": 0, "end": 4, "replacement": "", "safe": True}  # "The " of "The the"
WORDING = {"start": 8, "end": 11, "replacement": "dog", "safe": False}


def result(path, *fixes, status="failed"):
    return {
        "path": str(path),
        "status": status,
        "findings": [{"rule": "typo", "severity": "error", "fix": fx} for fx in fixes],
    }


@pytest.mark.parametrize(
    "bom, codec", [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"), (b"\xef\xbb\xbf", "utf-8"), (b"", "utf-8")]
)
def test_fixed_text_is_encoded_as_the_file_was(bom, codec):
    raw = bom + "Café  au lait.".encode(codec)
    assert encode_like(raw, "Café au lait.") == bom + "Café au lait.".encode(codec)


def test_a_file_fix_shows_a_diff_and_writes_the_file_in_its_encoding(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xff\xfe" + TEXT.encode("utf-16-le"))
    [fix] = file_fixes([result(path, DOUBLED)])
    assert (fix.before, fix.after, fix.count) == (TEXT, "the cat sat.\n", 1)
    assert fix.diff() == f"--- a/{path}\n+++ b/{path}\n@@ -1 +1 @@\n-The the cat sat.\n+the cat sat.\n"
    assert path.read_bytes() == b"\xff\xfe" + TEXT.encode("utf-16-le")  # nothing written yet
    fix.write()
    assert path.read_bytes() == b"\xff\xfe" + "the cat sat.\n".encode("utf-16-le")


def test_wording_fixes_only_when_unsafe(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert [f.after for f in file_fixes([result(path, DOUBLED, WORDING)])] == ["the cat sat.\n"]
    assert [f.after for f in file_fixes([result(path, DOUBLED, WORDING)], unsafe=True)] == ["the dog sat.\n"]
    assert list(file_fixes([result(path, WORDING)])) == []


def test_inputs_that_cannot_or_need_not_change_are_skipped(tmp_path):
    good, binary, same = tmp_path / "good.txt", tmp_path / "binary.txt", tmp_path / "same.txt"
    good.write_text(TEXT, encoding="utf-8")
    binary.write_bytes(b"\x00\x01" * 10)  # changed since the audit: no longer decodes
    same.write_text(TEXT, encoding="utf-8")
    no_change = {"start": 0, "end": 3, "replacement": "The", "safe": True}
    results = [
        result(tmp_path / "gone.txt", DOUBLED, status="error"),
        result("-", DOUBLED),
        result(binary, DOUBLED),
        result(same, no_change),
        result(good),
        result(good, DOUBLED),
    ]
    assert [f.path for f in file_fixes(results)] == [str(good)]


def test_each_file_is_read_when_its_turn_comes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    fixes = file_fixes([result(path, DOUBLED), result(path, DOUBLED)])
    next(fixes).write()
    assert next(fixes).before == "the cat sat.\n"  # the second read sees the first write
