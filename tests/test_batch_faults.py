"""Issue 19, the batch layer: no silent pass and no traceback from options, the caches,
the inputs, the baseline file, --jobs and Dask."""

from __future__ import annotations

import dataclasses
import errno
import json
import math
import time
from pathlib import Path

import pytest

from audit.batch import result_cache, runner
from audit.batch import tasks as batch_tasks
from audit.cli.main import main
from audit.config.loader import Config
from audit.engine.registry import registry
from audit.engine.rule import Option
from audit.engine.settings import RuleSettings, Settings
from audit.language.languagetool import LanguageToolSettings
from audit.results.findings import Severity

NOTE = "Short note {n}\n\nWe meet at noon on day {n}. Bring a pen and a notebook. The room is on floor {n}.\n"
# A suppression that silences nothing: reported only with --report-unused-suppressions.
UNUSED = "A note\n\narticle-audit-disable-next-line passive-voice -- nothing to hide\nWe meet at noon. Bring a pen.\n"


def run(capsys, *args):
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def corpus(tmp_path, sample_text):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(12):
        text = sample_text if n % 3 == 0 else NOTE.format(n=n)
        (folder / f"a{n:02}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ARTICLE_AUDIT_CACHE_DIR", str(folder))
    return folder


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "results").rglob("*.json"))


# 1. NaN and infinity in a float option -------------------------------------------------


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_option_validate_refuses_nan_and_infinity(value):
    unbounded = Option("share", float, 1.0, "a share")
    bounded = Option("grade", float, 9.0, "a grade", minimum=1, maximum=20)
    for option in (unbounded, bounded):
        with pytest.raises(ValueError, match="finite"):
            option.validate(value)
    assert unbounded.validate(2.5) == 2.5 and bounded.validate(12) == 12.0


@pytest.mark.parametrize("toml", ["nan", "+nan", "-nan", "inf", "-inf"])
@pytest.mark.parametrize("rule, key", [("reading-level", "target-grade"), ("sentence-length", "max-long-share")])
def test_nan_or_infinity_in_a_config_is_an_error_naming_the_key(tmp_path, capsys, monkeypatch, toml, rule, key):
    (tmp_path / ".article-audit.toml").write_text(f"[rules.{rule}]\n{key} = {toml}\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(NOTE.format(n=1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--no-cache", "a.txt")
    assert code == 2 and out == ""
    assert f"rules.{rule}.{key}: must be a finite number" in err
    assert "Traceback" not in err


# 2. Every input that changes a result is in the cache key ------------------------------


def _base_settings() -> Settings:
    return Config().settings_for("a.txt", registry())


def _variants(base: Settings) -> dict[str, Settings]:
    """One changed copy of the settings per field of Settings (and of the fields inside)."""
    at = next(n for n, rs in enumerate(base.rules) if rs.options)  # a rule with options
    first, rest = base.rules[at], base.rules[:at] + base.rules[at + 1 :]
    other = type(rest[0].rule)  # another rule with the same severity and options
    options = dict(first.options)
    name = next(iter(options))
    options[name] = (options[name] + 1) if isinstance(options[name], (int, float)) else ("x",)
    other_severity = Severity.parse("info" if first.severity.label == "error" else "error")
    rules = {
        "rules": rest,
        "rules.rule": (RuleSettings(other(), first.severity, first.options), *rest),
        "rules.severity": (RuleSettings(first.rule, other_severity, first.options), *rest),
        "rules.options": (RuleSettings(first.rule, first.severity, options), *rest),
    }
    base = dataclasses.replace(base, rules=(first, *rest))
    tool = {
        "languagetool.mode": LanguageToolSettings(mode="off"),
        "languagetool.server": LanguageToolSettings(server="http://127.0.0.1:8081"),
        "languagetool.timeout": LanguageToolSettings(timeout=5.0),
        "languagetool.categories": LanguageToolSettings(categories=(("TYPOS", "off"),)),
        "languagetool.disabled_rules": LanguageToolSettings(disabled_rules=("X",)),
    }
    out = {"": base}
    out |= {key: dataclasses.replace(base, rules=value) for key, value in rules.items()}
    out |= {key: dataclasses.replace(base, languagetool=value) for key, value in tool.items()}
    out["fail_on"] = dataclasses.replace(base, fail_on="warning")
    out["language"] = dataclasses.replace(base, language="xx")
    out["report_unused_suppressions"] = dataclasses.replace(base, report_unused_suppressions=True)
    out["min_severity"] = dataclasses.replace(base, min_severity="warning")
    out["config"] = dataclasses.replace(base, config=".article-audit.toml")
    return out


def test_every_field_of_the_settings_is_in_the_cache_key():
    """A new field of Settings (or of what it holds) fails here until it has a variant,
    and each variant must change the digest: no setting can be left out of the key."""
    variants = _variants(_base_settings())
    base = variants.pop("")  # the rule with options first, as the variants change it
    tops = {key.split(".")[0] for key in variants}
    assert tops == {f.name for f in dataclasses.fields(Settings)}
    assert {key.split(".")[1] for key in variants if key.startswith("rules.")} == {
        f.name for f in dataclasses.fields(RuleSettings)
    }
    assert {key.split(".")[1] for key in variants if key.startswith("languagetool.")} == {
        f.name for f in dataclasses.fields(LanguageToolSettings)
    }
    digest = result_cache._settings_digest(base)
    assert digest == result_cache._settings_digest(_variants(_base_settings())[""])  # equal settings, equal keys
    for key, changed in variants.items():
        assert result_cache._settings_digest(changed) != digest, f"{key} is not in the cache key"


def test_every_field_of_a_task_that_changes_its_result_is_in_the_cache_key():
    """The task's own fields: each either changes the key, or is named here with why not."""
    not_in_key = {
        "path": "the key has its extension; a cached result is reported under the path audited",
        "settings": "in the key as settings_digest",
        "settings_digest": "in the key",
        "problem": "a task with a problem is never cached",
        "data": "the key is taken over the bytes audited",
        "use_cache": "whether the cache is used at all",
        "max_bytes": "a file over the limit is never audited, so never cached",
        "file": "where the bytes are read from (a name that is not UTF-8): the key is over the bytes",
        "record_digest": "the digest is added to a result after the cache, from the bytes read this run",
    }
    settings = _base_settings()
    base = batch_tasks.Task("a.txt", settings)
    flipped = {"keep_source": True, "extract": False, "vocabulary": ("kube",)}
    assert set(flipped) | set(not_in_key) == {f.name for f in dataclasses.fields(batch_tasks.Task)}
    keys = {batch_tasks._cache_key(base, b"x")}
    for name, value in flipped.items():
        keys.add(batch_tasks._cache_key(dataclasses.replace(base, **{name: value}), b"x"))
    keys.add(batch_tasks._cache_key(dataclasses.replace(base, **flipped), b"x"))
    assert len(keys) == 5


@pytest.mark.parametrize(
    "flag",
    [
        ("--report-unused-suppressions",),
        ("--select", "suppression"),
        ("--ignore", "suppression"),
        ("--fail-on", "info"),
        ("--min-severity", "warning"),
        ("--no-extract",),
        ("--profile", "strict"),
    ],
)
def test_a_cached_result_is_never_reused_under_other_options(tmp_path, capsys, cache, monkeypatch, flag):
    """A plain run fills the cache; the same run with one result-affecting option must give
    what it gives without the cache."""
    (tmp_path / ".article-audit.toml").write_text('[profiles.strict]\nfail-on = "info"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(UNUSED, encoding="utf-8")
    (tmp_path / "b.html").write_text(
        "<html><body><nav>Home. Menu. About us.</nav><main><p>We meet at noon. Bring a pen.</p></main></body></html>",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    plain = run(capsys, "--format", "json", "a.txt", "b.html")
    assert entries(cache)
    fresh = run(capsys, "--format", "json", "--no-cache", *flag, "a.txt", "b.html")
    cached = run(capsys, "--format", "json", *flag, "a.txt", "b.html")
    assert cached == fresh
    if flag[0] in ("--report-unused-suppressions", "--no-extract"):
        assert fresh != plain  # the option does change this result


def test_unused_suppressions_are_reported_after_a_plain_run(tmp_path, capsys, cache):
    article = tmp_path / "a.txt"
    article.write_text(UNUSED, encoding="utf-8")
    assert run(capsys, "--format", "json", str(article))[0] == 0
    code, out, _ = run(capsys, "--format", "json", "--report-unused-suppressions", str(article))
    assert code == 0
    assert [f["rule"] for f in json.loads(out)["files"][0]["findings"]] == ["suppression"]


# 3. A damaged cache entry or word table is discarded, never used ------------------------


def test_a_truncated_cache_entry_is_audited_again_not_spliced(corpus, capsys, cache):
    first = run(capsys, "--format", "json", "--jobs", "2", str(corpus))
    stored = entries(cache)
    assert len(stored) == 9
    for entry in stored:
        data = entry.read_bytes()
        entry.write_bytes(data[: len(data) // 2])  # a disk that filled up, a copy cut short
    again = run(capsys, "--format", "json", "--jobs", "2", str(corpus))
    assert again == first
    json.loads(again[1])
    assert entries(cache) == stored and all(len(e.read_bytes()) > 100 for e in stored)  # rebuilt


def test_a_same_length_edit_to_a_cache_entry_is_detected(corpus, capsys, cache):
    first = run(capsys, "--format", "json", "--jobs", "2", str(corpus))
    assert first[0] == 1
    edited = 0
    for entry in entries(cache):
        data = entry.read_bytes()
        if b'"status": "failed"' in data:
            entry.write_bytes(data.replace(b'"status": "failed"', b'"status": "passed"'))
            edited += 1
    assert edited
    for jobs in ("2", "1"):  # read as a summary in the parent, and decoded whole
        assert run(capsys, "--format", "json", "--jobs", jobs, str(corpus)) == first


def test_a_same_length_edit_to_a_cached_word_table_is_rebuilt(cache):
    from audit.storage.cache import cached_table

    built = []

    def build():
        built.append(1)
        return {"colour": "color", "theatre": "theater"}

    assert cached_table("words", "v1", build, dict) == build()
    (stored,) = cache.glob("words-*.marshal")
    data = stored.read_bytes()
    assert b"colour" in data
    stored.write_bytes(data.replace(b"colour", b"COLOUR"))  # same length: marshal still loads it
    built.clear()
    assert cached_table("words", "v1", build, dict) == {"colour": "color", "theatre": "theater"}
    assert built  # rebuilt, not loaded
    built.clear()
    assert cached_table("words", "v1", build, dict) == {"colour": "color", "theatre": "theater"}
    assert not built  # and the rebuilt table is stored whole again


# 7. The baseline on a full disk --------------------------------------------------------


def test_baseline_on_a_full_disk_is_a_clear_error_and_keeps_the_old_one(tmp_path, capsys, monkeypatch, sample_path):
    from audit.storage import cache as storage

    target = tmp_path / "baseline.json"
    target.write_text("old baseline\n", encoding="utf-8")
    real_fdopen = storage.os.fdopen

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[:10])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "fdopen", lambda fd, *a, **k: FullDisk(real_fdopen(fd, *a, **k)))
    code = main(["baseline", "--output", str(target), sample_path])
    err = capsys.readouterr().err
    assert code == 2
    assert f"could not write the baseline {target}: No space left on device" in err
    assert "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "old baseline\n"
    assert not list(tmp_path.glob("*.tmp"))


# 8. A folder with nothing to audit is named, never skipped without a word ----------------


def test_an_empty_folder_among_the_inputs_is_named(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.docx").write_bytes(b"PK")
    (tmp_path / "other" / ".hidden.txt").write_text("We meet at noon.\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(NOTE.format(n=1), encoding="utf-8")
    code, out, err = run(
        capsys, "--no-cache", "--format", "json", str(article), str(tmp_path / "empty"), str(tmp_path / "other")
    )
    assert code == 0 and len(json.loads(out)["files"]) == 1
    assert f"{tmp_path / 'empty'}: no articles in this folder" in err
    assert f"{tmp_path / 'other'}: no articles in this folder" in err


def test_only_folders_with_nothing_to_audit_exit_2(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code, out, err = run(capsys, "--no-cache", str(tmp_path / "empty"))
    assert code == 2 and out == ""
    assert "no articles in this folder" in err


def test_discover_names_a_folder_with_nothing_to_audit(tmp_path):
    from audit.batch.inputs import discover

    (tmp_path / "empty").mkdir()
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "a.md").write_text("# A\n\nText.\n", encoding="utf-8")
    notes: list[str] = []
    found = list(discover([str(tmp_path / "empty"), str(tmp_path / "full")], notes=notes))
    assert found == [(str(tmp_path / "full" / "a.md"), None)]
    assert len(notes) == 1 and notes[0].startswith(f"{tmp_path / 'empty'}: no articles in this folder")


# 9. --jobs far above the cores ----------------------------------------------------------


def test_jobs_far_above_the_cores_is_capped(corpus, capsys, monkeypatch):
    started = []
    real_pool = runner._pool
    monkeypatch.setattr(runner, "_pool", lambda jobs, count: started.append(jobs) or real_pool(jobs, count))
    capped = run(capsys, "--format", "json", "--no-cache", "--jobs", "10000", str(corpus))
    assert started and max(started) <= runner.max_jobs() == 2 * runner.default_jobs()
    assert capped == run(capsys, "--format", "json", "--no-cache", "--jobs", "1", str(corpus))


def test_workers_never_exceed_the_cap_or_the_inputs():
    assert runner.workers(10_000, 12) == min(12, runner.max_jobs())
    assert runner.workers(3, 12) == min(3, runner.max_jobs())
    assert runner.workers(10_000, 2) == 2


# 6. Dask: a bad scheduler address, and no worker left ------------------------------------


@pytest.mark.parametrize("address", ["foo://bar", "tcp://127.0.0.1:notaport", "tcp://", "::::"])
def test_a_bad_scheduler_address_is_a_usage_error(corpus, capsys, address):
    pytest.importorskip("distributed", reason="Dask distributed is not installed")
    code, out, err = run(capsys, str(corpus), "--executor", "dask", "--scheduler", address, "--no-cache")
    assert code == 2 and out == ""
    assert f"not a Dask scheduler address: {address!r}" in err
    assert "Traceback" not in err


def test_worker_timeout_must_be_a_positive_number(corpus, capsys):
    for bad in ("0", "-1", "nan", "inf", "soon"):
        code, out, err = run(capsys, str(corpus), "--executor", "dask", "--worker-timeout", bad)
        assert code == 2 and out == "" and "--worker-timeout" in err


@pytest.fixture
def cluster():
    distributed = pytest.importorskip("distributed", reason="Dask distributed is not installed")
    with distributed.LocalCluster(
        n_workers=0,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        scheduler_port=0,
        dashboard_address=None,
        threads_per_worker=1,
    ) as local:
        yield local


def test_dask_with_no_worker_fails_after_the_timeout(corpus, capsys, cluster):
    started = time.monotonic()
    code, out, err = run(
        capsys,
        str(corpus),
        "--format",
        "json",
        "--executor",
        "dask",
        "--no-cache",
        "--scheduler",
        cluster.scheduler_address,
        "--worker-timeout",
        "1",
    )
    assert time.monotonic() - started < 30
    assert code == 2 and out == ""
    assert "no Dask worker for 1 s" in err and "Traceback" not in err


def test_dask_losing_every_worker_reports_what_came_back_as_partial(corpus, capsys, cluster, monkeypatch):
    from audit.batch import dask_executor
    from audit.cli import check as cli_check
    from audit.cli import streaming as cli_streaming

    monkeypatch.setattr(dask_executor, "BATCH", 4)
    monkeypatch.setattr(dask_executor, "IN_FLIGHT", 1)  # the next batch goes out once this one is read
    cluster.scale(1)
    cluster.wait_for_workers(1, timeout=30)
    real_run = cli_check.run  # the same function both commands' modules call

    def workers_leave_after_the_first_batch(tasks, **kwargs):
        for n, result in enumerate(real_run(tasks, **kwargs)):
            yield result
            if n == 3:
                cluster.scale(0)
                deadline = time.monotonic() + 30
                while cluster.scheduler.workers and time.monotonic() < deadline:
                    time.sleep(0.05)

    monkeypatch.setattr(cli_check, "run", workers_leave_after_the_first_batch)
    monkeypatch.setattr(cli_streaming, "run", workers_leave_after_the_first_batch)
    code, out, err = run(
        capsys,
        str(corpus),
        "--format",
        "json",
        "--executor",
        "dask",
        "--no-cache",
        "--scheduler",
        cluster.scheduler_address,
        "--worker-timeout",
        "1",
    )
    assert code == 2, err
    report = json.loads(out)
    assert report["complete"] is False and "no Dask worker" in report["partial_reason"]
    assert report["partial_reason"].endswith("; 4 of 12 articles were audited")
    assert [Path(f["path"]).name for f in report["files"]] == [f"a{n:02}.txt" for n in range(4)]
    assert report["summary"]["files"] == 4
    assert "no Dask worker for 1 s" in err and "4 of 12 article(s) were audited and are reported as partial" in err
    assert "Traceback" not in err
