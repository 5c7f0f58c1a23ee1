"""Batches: parallel workers, the result cache, Dask, and interruption."""

from __future__ import annotations

import json

import pytest

from audit.batch.result_cache import ResultCache
from audit.cli import check, streaming  # check --format json runs its batch in streaming
from audit.cli.main import main

NOTE = "Short note {n}\n\nWe meet at noon on day {n}. Bring a pen and a notebook. The room is on floor {n}.\n"


@pytest.fixture
def corpus(tmp_path, sample_text):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(12):
        text = sample_text if n % 3 == 0 else NOTE.format(n=n)
        (folder / f"a{n:02}.txt").write_text(text, encoding="utf-8")
    return folder


def report(capsys, *args):
    code = main(["check", "--format", "json", *args])
    return code, capsys.readouterr().out


def test_parallel_output_is_identical_to_serial(corpus, capsys):
    serial = report(capsys, str(corpus), "--jobs", "1", "--no-cache")
    parallel = report(capsys, str(corpus), "--jobs", "2", "--no-cache")
    assert serial == parallel
    assert serial[0] == 1 and len(json.loads(serial[1])["files"]) == 12


def test_cache_gives_identical_results_and_survives_corruption(corpus, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("ARTICLE_AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    first = report(capsys, str(corpus), "--jobs", "1")
    entries = sorted((tmp_path / "cache" / "results").rglob("*.json"))
    assert len(entries) == 9  # the four copies of the sample share one entry: keys are content, not paths
    for entry in entries[:3]:
        entry.write_text("{truncated", encoding="utf-8")  # a run killed mid-write elsewhere
    second = report(capsys, str(corpus), "--jobs", "1")
    assert first == second
    assert all(json.loads(e.read_text()) for e in entries)  # rebuilt


@pytest.mark.parametrize("cached_first", [0, 4, 10, 12])
def test_partly_cached_batch_in_parallel_matches_a_fresh_serial_run(
    corpus, capsys, tmp_path, monkeypatch, cached_first
):
    """A re-run reads cached results in the parent and sends only the rest to workers;
    however much is cached, the report is the one a fresh serial run writes."""
    from audit.batch import runner

    fresh = report(capsys, str(corpus), "--jobs", "1", "--no-cache")
    monkeypatch.setenv("ARTICLE_AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    files = sorted(str(p) for p in corpus.iterdir())
    if cached_first:
        report(capsys, *files[:cached_first], "--jobs", "1")
    started = []
    real_pool = runner._pool
    monkeypatch.setattr(runner, "_pool", lambda *a: started.append(a) or real_pool(*a))
    assert report(capsys, *files, "--jobs", "2") == fresh
    # Workers start only for what the cache lacks. (The sample is a third of the files:
    # its copies share one entry, so caching the first four caches six.)
    assert bool(started) == (cached_first < 12)


def test_summary_of_a_cached_result_counts_as_the_whole_does(tmp_path):
    from audit.batch.result_cache import CachedResult
    from audit.results.model import Tally

    cache = ResultCache(tmp_path)
    findings = [
        {"rule": "typo", "severity": s, "message": 'says "severity": "error" in a quote', "line": 1}
        for s in ("error", "warning", "warning", "info")
    ]
    stored = {
        "path": 'old/name "x".txt',
        "status": "failed",
        "error": None,
        "title": "T",
        "metrics": {},
        "findings": findings,
        "warnings": [],
    }
    cache.put("ab" * 32, stored)
    whole = cache.get("ab" * 32, "new.txt")
    summary = cache.get("ab" * 32, "new.txt", summary_only=True)
    assert isinstance(summary, CachedResult) and summary.line == whole.line
    assert Tally.of([summary]).summary() == Tally.of([whole]).summary()
    assert summary["status"] == "failed" and summary["path"] == "new.txt"
    assert json.loads(summary.line) == {**stored, "path": "new.txt"}


def test_cache_key_changes_with_content_and_settings(tmp_path):
    from audit.config.loader import Config
    from audit.engine.registry import registry

    cache = ResultCache(tmp_path)
    from audit.batch.result_cache import settings_fingerprint

    default = settings_fingerprint(Config().settings_for("a.txt", registry()))
    strict = settings_fingerprint(Config().settings_for("a.txt", registry(), fail_on="warning"))
    keys = {cache.key("a.txt", b"x", default), cache.key("a.txt", b"y", default), cache.key("a.txt", b"x", strict)}
    assert len(keys) == 3


def test_no_cache_writes_nothing(corpus, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("ARTICLE_AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    report(capsys, str(corpus), "--no-cache")
    assert not (tmp_path / "cache" / "results").exists()


def test_interrupt_reports_what_finished_and_exits_130(corpus, capsys, monkeypatch):
    real_run = streaming.run

    def interrupted(tasks, **kwargs):
        for n, result in enumerate(real_run(tasks, **kwargs)):
            if n == 3:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(streaming, "run", interrupted)
    code = main(["check", "--format", "json", "--jobs", "2", str(corpus)])
    captured = capsys.readouterr()
    assert code == 130
    assert len(json.loads(captured.out)["files"]) == 3
    assert "3 of 12" in captured.err


def test_interrupt_of_a_report_held_whole_reports_what_finished_and_exits_130(corpus, capsys, monkeypatch):
    real_run = check.run

    def interrupted(tasks, **kwargs):
        for n, result in enumerate(real_run(tasks, **kwargs)):
            if n == 5:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(check, "run", interrupted)
    code = main(["check", "--format", "markdown", "--jobs", "2", str(corpus)])
    captured = capsys.readouterr()
    assert code == 130
    assert "5 of 12 article(s) were audited" in captured.err
    assert "5 articles, 3 passed, 2 failed." in captured.out


def test_too_large_input_is_reported(corpus, capsys):
    code, out = report(capsys, str(corpus / "a00.txt"), str(corpus / "a01.txt"), "--max-bytes", "1000")
    files = json.loads(out)["files"]
    assert code == 2
    assert "too large" in files[0]["error"] and files[1]["status"] == "passed"


def test_dask_local_cluster_matches_local_run(corpus, capsys):
    pytest.importorskip("distributed", reason="Dask distributed is not installed")
    local = report(capsys, str(corpus), "--jobs", "1", "--no-cache")
    dask = report(capsys, str(corpus), "--executor", "dask", "--no-cache")
    assert local == dask


def test_dask_unreachable_scheduler_is_a_clear_error(corpus, capsys):
    pytest.importorskip("distributed", reason="Dask distributed is not installed")
    code = main(["check", str(corpus), "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9", "--no-cache"])
    assert code == 2
    assert "Dask scheduler" in capsys.readouterr().err


def test_streamed_json_is_the_same_report_the_writer_renders(corpus, capsys):
    from audit.reports import json_report

    code, out = report(capsys, str(corpus), "--jobs", "2", "--no-cache")
    assert json_report.render(json.loads(out)) == out


def test_a_serial_batch_sets_the_cycle_collector_back(corpus, capsys, monkeypatch):
    """A batch looks for reference cycles less often while it runs (its workers do, for
    their lives), and a serial batch sets the collector back as it was."""
    import gc

    from audit.batch import runner

    seen = []
    real_audit_task = runner.audit_task
    monkeypatch.setattr(runner, "audit_task", lambda task: seen.append(gc.get_threshold()) or real_audit_task(task))
    before = gc.get_threshold()
    assert before != runner.BATCH_GC_THRESHOLD
    code, _ = report(capsys, str(corpus), "--jobs", "1", "--no-cache")
    assert code in (0, 1)
    assert len(seen) >= runner.MIN_PARALLEL and set(seen) == {runner.BATCH_GC_THRESHOLD}
    assert gc.get_threshold() == before


def test_every_field_of_the_settings_is_part_of_the_cache_key():
    """A field added to Settings later cannot be forgotten by the cache key (the config
    file's name, which results carry; report_unused_suppressions, which adds findings)."""
    from dataclasses import fields, replace

    from audit.batch.result_cache import _settings_digest
    from audit.config.loader import Config
    from audit.engine.registry import registry
    from audit.language.languagetool import LanguageToolSettings

    settings = Config().settings_for("a.txt", registry())
    others = {
        "rules": settings.rules[1:],
        "fail_on": "warning",
        "language": "en-GB",
        "report_unused_suppressions": True,
        "min_severity": "warning",
        "languagetool": LanguageToolSettings(mode="off"),
        "config": ".article-audit.toml",
    }
    assert set(others) == {f.name for f in fields(settings)}
    digests = {_settings_digest(replace(settings, **{name: value})) for name, value in others.items()}
    assert len(digests | {_settings_digest(settings)}) == len(others) + 1


def test_unused_suppressions_are_reported_on_a_cached_result(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ARTICLE_AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    article = tmp_path / "s.txt"
    article.write_text("A note.\n\narticle-audit-disable jargon -- a quote\n\nWe meet at noon.\n", encoding="utf-8")
    assert main(["check", "--jobs", "1", "--format", "json", str(article)]) == 0
    assert json.loads(capsys.readouterr().out)["files"][0]["findings"] == []
    assert main(["check", "--jobs", "1", "--format", "json", "--report-unused-suppressions", str(article)]) == 0
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert [f["rule"] for f in findings] == ["suppression"]
