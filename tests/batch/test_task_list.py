"""The tasks of a batch: one per input found, standard input read once and capped."""

from __future__ import annotations

from audit.batch.tasks import tasks_for
from audit.engine.settings import Settings

SETTINGS = Settings(rules=(), fail_on="error", language="en")


def test_one_task_per_input_with_its_settings_and_options(tmp_path):
    (tmp_path / "a.txt").write_text("A note.", encoding="utf-8")
    (tmp_path / "b.md").write_text("A note.", encoding="utf-8")
    asked = []
    tasks = list(
        tasks_for(
            [str(tmp_path)],
            lambda path: asked.append(path) or SETTINGS,
            read_stdin=lambda limit: b"",
            max_bytes=100,
            use_cache=False,
            keep_source=True,
            extract=False,
        )
    )
    assert [t.path for t in tasks] == asked == [str(tmp_path / "a.txt"), str(tmp_path / "b.md")]
    assert all(t.settings is SETTINGS and t.problem is None and t.data is None for t in tasks)
    assert all((t.max_bytes, t.use_cache, t.keep_source, t.extract) == (100, False, True, False) for t in tasks)


def test_an_input_that_cannot_be_audited_gets_a_task_that_says_why(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    [task] = tasks_for([str(tmp_path / "a.pdf")], lambda path: SETTINGS, read_stdin=None, max_bytes=100)
    assert (task.path, task.settings) == (str(tmp_path / "a.pdf"), None)
    assert task.problem.startswith("unsupported file type '.pdf'")


def test_standard_input_is_read_once_up_to_one_byte_over_the_limit():
    reads = []

    def read_stdin(limit):
        reads.append(limit)
        return b"A note."

    [task] = tasks_for(["-"], lambda path: SETTINGS, read_stdin=read_stdin, max_bytes=100)
    assert (task.data, task.settings, reads) == (b"A note.", SETTINGS, [101])
    [big] = tasks_for(["-"], lambda path: SETTINGS, read_stdin=lambda limit: b"x" * limit, max_bytes=5)
    assert big.settings is None and "over 5 bytes on standard input" in big.problem


def test_standard_input_is_not_read_when_it_is_not_an_input(tmp_path):
    (tmp_path / "a.txt").write_text("A note.", encoding="utf-8")

    def read_stdin(limit):
        raise AssertionError("read standard input")

    assert len(list(tasks_for([str(tmp_path)], lambda path: SETTINGS, read_stdin=read_stdin, max_bytes=100))) == 1
