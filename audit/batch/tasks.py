"""A task: one input of a batch with its settings, and how a process audits it.

Shared by the executors (local processes in `runner`, Dask in `dask_executor`), so
that neither imports the other.
"""

from __future__ import annotations

import gc
import hashlib
import os
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from audit.batch.inputs import discover, read_input
from audit.batch.result_cache import ResultCache, settings_fingerprint, summarize
from audit.engine.auditor import STDIN, audit_bytes
from audit.engine.settings import Settings
from audit.frontends import InputError
from audit.language import lexicon, wordfacts
from audit.results.model import AUDITED_DIGEST, FileResult


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def shown_name(path: str) -> str:
    """A path as reports show it: a name that is not valid UTF-8 (its undecodable bytes
    are lone surrogates in Python) with those bytes escaped, `caf\\xe9.txt`; every
    report format can carry that, and the file is still read by its own name."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


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
    file: str | None = None  # where the input is on disk, when that is not `path` (see shown_name)
    record_digest: bool = False  # the result carries AUDITED_DIGEST (for --fix and --diff)
    vocabulary: tuple[str, ...] = ()  # the run's vocabulary words it uses (`run_vocabulary`)
    # The settings' digest for the cache key, taken here in the parent, where files that
    # share settings share one Settings object; a worker gets an unpickled copy per task.
    settings_digest: str = field(init=False, default="")

    def __post_init__(self) -> None:
        if self.settings is not None and self.use_cache:
            object.__setattr__(self, "settings_digest", settings_fingerprint(self.settings))

    @property
    def source(self) -> str:
        """The file to read."""
        return self.file or self.path


def tasks_for(
    paths: Iterable[str],
    settings_for: Callable[[str], Settings],
    *,
    read_stdin: Callable[[int], bytes],
    max_bytes: int,
    use_cache: bool = True,
    keep_source: bool = False,
    extract: bool = True,
    notes: list[str] | None = None,
    stdin_name: str | None = None,
    record_digest: bool = False,
) -> Iterator[Task]:
    """A task per input found at `paths` (see `inputs.discover`), in order; an input that
    cannot be audited gets a task that says why. Standard input ("-") is read once, with
    `read_stdin(limit)`, and only when it is among the inputs. A folder with nothing to
    audit is named in `notes`. With `stdin_name`, standard input is audited as that file
    (its format, its settings, its name in the report); it is never cached. A file is
    named in reports by `shown_name`. `record_digest`: see Task."""
    stdin_data = None
    for path, problem in discover(paths, notes, getattr(settings_for, "excludes", None)):
        if problem:
            yield Task(shown_name(path), None, problem)
            continue
        if path == STDIN:
            if stdin_data is None:
                stdin_data = read_stdin(max_bytes + 1)
            if len(stdin_data) > max_bytes:
                yield Task(
                    path,
                    None,
                    f"too large to audit (over {max_bytes:,} bytes on standard input; set the limit with --max-bytes)",
                )
                continue
        name = stdin_name if path == STDIN and stdin_name else shown_name(path)
        yield Task(
            name,
            settings_for(stdin_name if path == STDIN and stdin_name else path),
            data=stdin_data if path == STDIN else None,
            use_cache=use_cache and (path != STDIN or not stdin_name),
            max_bytes=max_bytes,
            keep_source=keep_source,
            extract=extract,
            file=path if name != path and path != STDIN else None,
            record_digest=record_digest,
        )


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
        return FileResult(
            task.path, "error", f"internal error while auditing ({type(exc).__name__}: {exc}{at}); please report it"
        ).to_dict()


def _cache_key(task: Task, data: bytes) -> str:
    # What a task adds to its settings.
    flags = f"keep_source={task.keep_source} extract={task.extract} vocabulary={','.join(task.vocabulary)}"
    return ResultCache.shared().key(task.path, data, task.settings_digest, flags)


def _uses_cache(task: Task) -> bool:
    return task.use_cache and task.path != STDIN and task.problem is None and task.settings is not None


def cached_result(task: Task, summary_only: bool = False) -> dict[str, Any] | None:
    """The task's result if the cache holds it; None otherwise (or if the input cannot be read).
    `summary_only`: see ResultCache.get."""
    if not _uses_cache(task):
        return None
    try:
        data = task.data if task.data is not None else read_input(task.source, max_bytes=task.max_bytes)
    except InputError:
        return None
    return _with_digest(
        task, data, ResultCache.shared().get(_cache_key(task, data), task.path, summary_only=summary_only)
    )


def _with_digest(task: Task, data: bytes, result: dict[str, Any] | None) -> dict[str, Any] | None:
    """The result, with the digest of the bytes just read when the task asks for it: a
    result from the cache too, so that a file changed since is never fixed."""
    if result is not None and task.record_digest:
        result[AUDITED_DIGEST] = digest(data)
    return result


def _audit_task(task: Task) -> dict[str, Any]:
    if task.problem is not None or task.settings is None:
        return FileResult(task.path, "error", task.problem).to_dict()
    try:
        data = task.data if task.data is not None else read_input(task.source, max_bytes=task.max_bytes)
    except InputError as exc:
        return FileResult(task.path, "error", str(exc)).to_dict()
    cache = ResultCache.shared() if _uses_cache(task) else None
    key = _cache_key(task, data) if cache else ""
    if cache:
        hit = cache.get(key, task.path)
        if hit is not None:
            return _with_digest(task, data, hit)
    result = audit_bytes(
        task.path,
        data,
        task.settings,
        keep_source=task.keep_source,
        extract=task.extract,
        run_vocabulary=frozenset(task.vocabulary),
    ).to_dict()
    if cache and result["status"] != "error" and not result.get("warnings"):
        cache.put(key, result)  # a result with warnings (e.g. LanguageTool down) is not final
    return _with_digest(task, data, result)


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
