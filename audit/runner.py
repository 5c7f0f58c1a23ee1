"""Run a batch: in this process, on local worker processes, or on a Dask cluster.

Results come back in input order whatever the executor, so reports are identical
with `--jobs 1` and `--jobs N`. Each result is a plain dict (the JSON model), which
is what crosses process boundaries and what the cache stores.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import traceback
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Iterable, Iterator

from audit import lexicon, wordfacts
from audit.config import Settings
from audit.engine import STDIN, FileResult, audit_bytes, read_input
from audit.frontends import InputError
from audit.result_cache import ResultCache, settings_fingerprint, summarize

# Below this many inputs, starting worker processes costs more than it saves.
MIN_PARALLEL = 8


class ExecutorError(Exception):
    """The executor itself failed (e.g. Dask not installed or the scheduler unreachable)."""


@dataclass(frozen=True, slots=True)  # slots: a batch of 20,000 files holds 20,000 of these
class Task:
    path: str
    settings: Settings | None  # None: `problem` says why the input is not audited
    problem: str | None = None
    data: bytes | None = None  # standard input, read by the parent
    keep_source: bool = False
    use_cache: bool = True
    max_bytes: int | None = None
    extract: bool = True  # web pages: audit the main content only (--no-extract: all the text)
    # The settings' digest for the cache key, taken here in the parent, where files that
    # share settings share one Settings object; a worker gets an unpickled copy per task.
    settings_digest: str = field(init=False, default="")

    def __post_init__(self) -> None:
        if self.settings is not None and self.use_cache:
            object.__setattr__(self, "settings_digest", settings_fingerprint(self.settings))


def audit_task(task: Task, summary_only: bool = False) -> dict[str, Any]:
    """Audit one input; never raises, so one article can never end the batch.

    An unexpected exception (a bug in a rule or a front end) becomes an error result that
    names it, and counts toward exit code 2 like any input that could not be audited.
    `summary_only`: see `run`."""
    try:
        result = _audit_task(task)
        return summarize(result) if summary_only and "source" not in result else result
    except Exception as exc:
        where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        at = f" at {os.path.basename(where.filename)}:{where.lineno}" if where else ""
        return FileResult(task.path, "error", f"internal error while auditing ({type(exc).__name__}: {exc}{at}); "
                          "please report it").to_dict()


def _cache_key(task: Task, data: bytes) -> str:
    flags = ("source" if task.keep_source else "") + ("" if task.extract else " all-text")
    return ResultCache.shared().key(task.path, data, task.settings_digest, flags)


def _uses_cache(task: Task) -> bool:
    return task.use_cache and task.path != STDIN and task.problem is None and task.settings is not None


def cached_result(task: Task, summary_only: bool = False) -> dict[str, Any] | None:
    """The task's result if the cache holds it; None otherwise (or if the input cannot be read).
    `summary_only`: see ResultCache.get."""
    if not _uses_cache(task):
        return None
    try:
        data = task.data if task.data is not None else read_input(task.path, max_bytes=task.max_bytes)
    except InputError:
        return None
    return ResultCache.shared().get(_cache_key(task, data), task.path, summary_only=summary_only)


def _audit_task(task: Task) -> dict[str, Any]:
    if task.problem is not None or task.settings is None:
        return FileResult(task.path, "error", task.problem).to_dict()
    try:
        data = task.data if task.data is not None else read_input(task.path, max_bytes=task.max_bytes)
    except InputError as exc:
        return FileResult(task.path, "error", str(exc)).to_dict()
    cache = ResultCache.shared() if _uses_cache(task) else None
    key = _cache_key(task, data) if cache else ""
    if cache:
        hit = cache.get(key, task.path)
        if hit is not None:
            return hit
    result = audit_bytes(task.path, data, task.settings, keep_source=task.keep_source,
                         extract=task.extract).to_dict()
    if cache and result["status"] != "error" and not result.get("warnings"):
        cache.put(key, result)  # a result with warnings (e.g. LanguageTool down) is not final
    return result


def load_shared_tables() -> None:
    """Tables a batch uses on every article, worth loading up front, once per process."""
    wordfacts.preload()
    lexicon.spellings()


# An audit allocates many objects per word and frees nearly all of them by reference
# counting: looking for reference cycles every 700 allocations (Python's default) costs
# a batch some 2% of its time for nothing. Rarer looks keep that time; memory stays flat.
BATCH_GC_THRESHOLD = (10_000, 20, 20)


@contextmanager
def batch_gc():
    """Python's cycle collector set for a batch, and set back after it."""
    before = gc.get_threshold()
    gc.set_threshold(*BATCH_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _start_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    load_shared_tables()  # loaded already when the worker was forked from a parent that had them
    gc.set_threshold(*BATCH_GC_THRESHOLD)  # the worker lives for the batch alone


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def run_local(tasks: list[Task], jobs: int, summary_only: bool = False) -> Iterator[dict[str, Any]]:
    if jobs <= 1 or len(tasks) < MIN_PARALLEL:
        if len(tasks) < MIN_PARALLEL:
            yield from map(audit_task, tasks)
            return
        load_shared_tables()
        with batch_gc():
            for task in tasks:
                yield audit_task(task)
        return
    # Workers send what the caller needs: with summary_only, lines they encoded themselves.
    work = partial(audit_task, summary_only=True) if summary_only else audit_task
    # A re-run finds most results in the cache, and reading them here costs less than
    # sending them through workers: if the first few are cached, results are read here
    # and the rest go to the workers a block at a time.
    probe = [cached_result(task, summary_only) for task in tasks[:PROBE]]
    if sum(hit is not None for hit in probe) < 0.75 * len(probe):
        with _pool(jobs, len(tasks)) as pool:
            yield from pool.imap(work, tasks, chunksize=_chunk(len(tasks), jobs))
        return
    with ExitStack() as stack:
        pool = None
        for start in range(0, len(tasks), BLOCK):
            block = tasks[start:start + BLOCK]
            hits = probe[start:start + BLOCK] if start < len(probe) else []
            hits += [cached_result(task, summary_only) for task in block[len(hits):]]
            misses = [task for task, hit in zip(block, hits) if hit is None]
            if misses and pool is None:
                pool = stack.enter_context(_pool(jobs, len(tasks)))
            computed = pool.imap(work, misses, chunksize=_chunk(len(misses), jobs)) if misses else iter(())
            for hit in hits:
                yield hit if hit is not None else next(computed)


PROBE = 64  # inputs looked up in the cache before choosing how to run the batch
BLOCK = 256  # inputs looked up at a time in a re-run (the results of one block are held)


def _chunk(count: int, jobs: int) -> int:
    return max(1, min(16, count // (jobs * 8)))


@contextmanager
def _pool(jobs: int, count: int):
    import multiprocessing  # here, not at the top: a one-file run never needs it

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    load_shared_tables()  # before forking: the workers share one copy
    # What exists now lives as long as the run: leaving it out of the workers' collections
    # spares them walking it again and again (and keeps its pages shared).
    gc.freeze()
    try:
        pool = multiprocessing.get_context(method).Pool(min(jobs, count), initializer=_start_worker)
    finally:
        gc.unfreeze()  # the workers have their copy; this process collects as before
    try:
        yield pool
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def run(tasks: Iterable[Task], *, jobs: int = 1, executor: str = "local",
        scheduler: str | None = None, summary_only: bool = False) -> Iterator[dict[str, Any]]:
    """Each task's result, in input order. `summary_only`: a result read from the cache
    or audited by a worker may hold only its status, error, warnings, its findings'
    severities and its report line (`.line`), for a caller that writes that line as it is."""
    tasks = list(tasks)
    if executor == "dask":
        from audit.dask_executor import run_dask

        yield from run_dask(tasks, scheduler)
    else:
        yield from run_local(tasks, jobs, summary_only)
