"""Run a batch: in this process, on local worker processes, or on a Dask cluster.

Results come back in input order whatever the executor, so reports are identical
with `--jobs 1` and `--jobs N`. Each result is a plain dict (the JSON model), which
is what crosses process boundaries and what the cache stores.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from audit.config import Settings
from audit.engine import STDIN, FileResult, audit_bytes, read_input
from audit.frontends import InputError
from audit.result_cache import ResultCache, settings_fingerprint

# Below this many inputs, starting worker processes costs more than it saves.
MIN_PARALLEL = 8


class ExecutorError(Exception):
    """The executor itself failed (e.g. Dask not installed or the scheduler unreachable)."""


@dataclass(frozen=True)
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


def audit_task(task: Task) -> dict[str, Any]:
    """Audit one input; never raises, so one article can never end the batch.

    An unexpected exception (a bug in a rule or a front end) becomes an error result that
    names it, and counts toward exit code 2 like any input that could not be audited."""
    try:
        return _audit_task(task)
    except Exception as exc:
        where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        at = f" at {os.path.basename(where.filename)}:{where.lineno}" if where else ""
        return FileResult(task.path, "error", f"internal error while auditing ({type(exc).__name__}: {exc}{at}); "
                          "please report it").to_dict()


def _audit_task(task: Task) -> dict[str, Any]:
    if task.problem is not None or task.settings is None:
        return FileResult(task.path, "error", task.problem).to_dict()
    try:
        data = task.data if task.data is not None else read_input(task.path, max_bytes=task.max_bytes)
    except InputError as exc:
        return FileResult(task.path, "error", str(exc)).to_dict()
    cache = ResultCache() if task.use_cache and task.path != STDIN else None
    flags = ("source" if task.keep_source else "") + ("" if task.extract else " all-text")
    key = cache.key(task.path, data, task.settings_digest, flags) if cache else ""
    if cache:
        hit = cache.get(key)
        if hit is not None:
            hit["path"] = task.path
            return hit
    result = audit_bytes(task.path, data, task.settings, keep_source=task.keep_source,
                         extract=task.extract).to_dict()
    if cache and result["status"] != "error" and not result.get("warnings"):
        cache.put(key, result)  # a result with warnings (e.g. LanguageTool down) is not final
    return result


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def run_local(tasks: list[Task], jobs: int) -> Iterator[dict[str, Any]]:
    if jobs <= 1 or len(tasks) < MIN_PARALLEL:
        for task in tasks:
            yield audit_task(task)
        return
    import multiprocessing  # here, not at the top: a one-file run never needs it

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    pool = multiprocessing.get_context(method).Pool(min(jobs, len(tasks)), initializer=_ignore_sigint)
    try:
        chunk = max(1, min(16, len(tasks) // (jobs * 8)))
        yield from pool.imap(audit_task, tasks, chunksize=chunk)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def run(tasks: Iterable[Task], *, jobs: int = 1, executor: str = "local",
        scheduler: str | None = None) -> Iterator[dict[str, Any]]:
    tasks = list(tasks)
    if executor == "dask":
        from audit.dask_executor import run_dask

        yield from run_dask(tasks, scheduler)
    else:
        yield from run_local(tasks, jobs)
