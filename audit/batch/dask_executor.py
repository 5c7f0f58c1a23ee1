"""Run a batch on Dask distributed: an existing cluster (`--scheduler`) or a local one.

Tasks go out in batches (paths only: workers read the files where they run, so the
archive must be visible to them at the same path, e.g. a shared mount); results
stream back as batches finish and are put back in input order. A batch whose worker
dies is retried by Dask (`retries`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from audit.batch.tasks import ExecutorError, Task, audit_task, batch_gc, load_shared_tables

BATCH = 64
RETRIES = 3
IN_FLIGHT = 32  # batches submitted ahead, so memory stays flat on huge archives


def audit_batch(tasks: list[Task]) -> list[dict[str, Any]]:
    load_shared_tables()  # once per worker process
    with batch_gc():
        return [audit_task(task) for task in tasks]


def _client(scheduler: str | None):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ExecutorError("--executor dask needs Dask distributed: pip install 'article-audit[dask]'") from None
    try:
        if scheduler:
            return Client(scheduler, timeout="10s"), None
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        )
        return Client(cluster), cluster
    except (OSError, TimeoutError) as exc:
        raise ExecutorError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None


def run_dask(tasks: list[Task], scheduler: str | None) -> Iterator[dict[str, Any]]:
    from distributed import as_completed

    client, cluster = _client(scheduler)
    try:
        batches = [tasks[i : i + BATCH] for i in range(0, len(tasks), BATCH)]
        done: dict[int, list[dict[str, Any]]] = {}
        next_out = 0
        submitted = 0
        pending = as_completed()
        index_of = {}

        def submit_more() -> None:
            nonlocal submitted
            while submitted < len(batches) and submitted - next_out < IN_FLIGHT:
                future = client.submit(audit_batch, batches[submitted], retries=RETRIES, pure=False)
                index_of[future.key] = submitted
                pending.add(future)
                submitted += 1

        submit_more()
        for future in pending:
            try:
                done[index_of.pop(future.key)] = future.result()
            except Exception as exc:  # a batch that failed on every retry
                raise ExecutorError(f"a Dask batch failed after {RETRIES} retries: {exc}") from None
            while next_out in done:
                yield from done.pop(next_out)
                next_out += 1
            submit_more()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
