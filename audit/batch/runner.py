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
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from functools import partial
from typing import Any

from audit.batch.tasks import BATCH_GC_THRESHOLD, Task, audit_task, batch_gc, cached_result, load_shared_tables

# Below this many inputs, starting worker processes costs more than it saves.
MIN_PARALLEL = 8


def _start_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    load_shared_tables()  # loaded already when the worker was forked from a parent that had them
    gc.set_threshold(*BATCH_GC_THRESHOLD)  # the worker lives for the batch alone


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


# The work is CPU-bound: processes beyond the cores only cost memory (each holds the
# word tables and a batch of results). Twice the cores leaves room for slow reads.
JOBS_PER_CORE = 2


def max_jobs() -> int:
    return JOBS_PER_CORE * default_jobs()


def workers(jobs: int, count: int) -> int:
    """Worker processes for `count` inputs when `jobs` are asked for: never more than
    the inputs, nor than max_jobs() (`--jobs 10000` would fork ten thousand processes)."""
    return max(1, min(jobs, count, max_jobs()))


def run_local(tasks: list[Task], jobs: int, summary_only: bool = False) -> Iterator[dict[str, Any]]:
    jobs = workers(jobs, len(tasks))
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
            block = tasks[start : start + BLOCK]
            hits = probe[start : start + BLOCK] if start < len(probe) else []
            hits += [cached_result(task, summary_only) for task in block[len(hits) :]]
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
        pool = multiprocessing.get_context(method).Pool(workers(jobs, count), initializer=_start_worker)
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


def run(
    tasks: Iterable[Task],
    *,
    jobs: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    summary_only: bool = False,
    worker_timeout: float | None = None,
) -> Iterator[dict[str, Any]]:
    """Each task's result, in input order. `summary_only`: a result read from the cache
    or audited by a worker may hold only its status, error, warnings, its findings'
    severities and its report line (`.line`), for a caller that writes that line as it is.
    `worker_timeout`: with Dask, seconds without any worker before ExecutorError."""
    tasks = list(tasks)
    if executor == "dask":
        from audit.batch.dask_executor import WORKER_TIMEOUT, run_dask

        yield from run_dask(tasks, scheduler, WORKER_TIMEOUT if worker_timeout is None else worker_timeout)
    else:
        yield from run_local(tasks, jobs, summary_only)
