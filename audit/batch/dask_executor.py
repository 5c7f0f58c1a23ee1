"""Run a batch on Dask distributed: an existing cluster (`--scheduler`) or a local one.

Tasks go out in batches (paths only: workers read the files where they run, so the
archive must be visible to them at the same path, e.g. a shared mount); results
stream back as batches finish and are put back in input order. A batch whose worker
dies is retried by Dask (`retries`) on another worker; with no worker at all for
`worker_timeout` seconds the run fails (ExecutorError) instead of waiting for ever,
after the results that came back.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from typing import Any

from audit.batch.tasks import ExecutorError, Task, audit_task, batch_gc, load_shared_tables

BATCH = 64
RETRIES = 3
IN_FLIGHT = 32  # batches submitted ahead, so memory stays flat on huge archives
WORKER_TIMEOUT = 60.0  # seconds without any worker before the run gives up
POLL = 1.0  # seconds between looks at the workers while no batch finishes
_NETWORK_SCHEMES = ("tcp", "tls", "ws", "wss")


def audit_batch(tasks: list[Task]) -> list[dict[str, Any]]:
    load_shared_tables()  # once per worker process
    with batch_gc():
        return [audit_task(task) for task in tasks]


def check_address(address: str) -> None:
    """ExecutorError unless `address` is one Dask can connect to (a known scheme, and a
    host and a port for the network ones)."""
    from distributed.comm.addressing import get_address_host_port, parse_address
    from distributed.comm.registry import get_backend

    try:
        scheme, _ = parse_address(address, strict=False)
        get_backend(scheme)
        if scheme in _NETWORK_SCHEMES:
            host, port = get_address_host_port(address)
            if not host or not 0 < port < 65536:
                raise ValueError("it needs a host and a port from 1 to 65535")
    except (ValueError, TypeError) as exc:
        raise ExecutorError(
            f"not a Dask scheduler address: {address!r} ({exc}); give one like tcp://10.0.0.5:8786"
        ) from None


def _client(scheduler: str | None):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ExecutorError("--executor dask needs Dask distributed: pip install 'article-audit[dask]'") from None
    if scheduler:
        check_address(scheduler)
    try:
        if scheduler:
            return Client(scheduler, timeout="10s"), None
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        )
        return Client(cluster), cluster
    except (OSError, TimeoutError) as exc:
        raise ExecutorError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None
    except ValueError as exc:  # an address check_address let through that Dask still refuses
        raise ExecutorError(f"not a Dask scheduler address: {scheduler!r} ({exc})") from None


class _NoWorkerClock:
    """Measures how long the cluster has had no worker; ExecutorError past the timeout."""

    def __init__(self, client, timeout: float) -> None:
        self.client = client
        self.timeout = timeout
        self.since: float | None = None

    def _workers(self) -> int:
        try:
            return sum(1 for n in self.client.nthreads(callback_timeout=max(POLL, 5.0)).values() if n)
        except Exception:  # a scheduler that does not answer has no worker for us either
            return 0

    def check(self) -> None:
        if self._workers():
            self.since = None
            return
        now = time.monotonic()
        self.since = now if self.since is None else self.since
        if now - self.since >= self.timeout:
            raise ExecutorError(
                f"no Dask worker for {self.timeout:g} s: every worker is gone or none "
                "joined the scheduler (start workers, or set --worker-timeout)"
            )


def run_dask(
    tasks: list[Task], scheduler: str | None, worker_timeout: float = WORKER_TIMEOUT
) -> Iterator[dict[str, Any]]:
    from distributed import wait

    if not (math.isfinite(worker_timeout) and worker_timeout > 0):
        raise ExecutorError(f"the worker timeout must be a positive number of seconds, not {worker_timeout!r}")
    client, cluster = _client(scheduler)
    try:
        batches = [tasks[i : i + BATCH] for i in range(0, len(tasks), BATCH)]
        done: dict[int, list[dict[str, Any]]] = {}
        next_out = 0
        submitted = 0
        running: dict[Any, int] = {}  # future -> batch number

        def submit_more() -> None:
            nonlocal submitted
            while submitted < len(batches) and submitted - next_out < IN_FLIGHT:
                future = client.submit(audit_batch, batches[submitted], retries=RETRIES, pure=False)
                running[future] = submitted
                submitted += 1

        submit_more()
        clock = _NoWorkerClock(client, worker_timeout)
        clock.check()
        while running:
            try:
                finished = wait(list(running), timeout=min(POLL, worker_timeout), return_when="FIRST_COMPLETED").done
            except TimeoutError:
                clock.check()  # nothing finished: is anyone still working on it?
                continue
            except Exception as exc:  # a batch cancelled (the scheduler went away)
                raise ExecutorError(f"the Dask run failed: {exc}") from None
            clock.since = None
            for future in finished:
                number = running.pop(future)
                try:
                    done[number] = future.result()
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
