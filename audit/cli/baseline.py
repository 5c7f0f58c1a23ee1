"""`article-audit baseline`: record the current findings, so only new ones gate a merge."""

from __future__ import annotations

import sys
from pathlib import Path

from audit.batch.inputs import DEFAULT_MAX_BYTES
from audit.batch.run_vocabulary import with_run_vocabulary
from audit.batch.runner import run
from audit.batch.tasks import Task, tasks_for
from audit.cli.output import Stop, plain, say
from audit.cli.settings import registry, settings_per_file
from audit.config.loader import ConfigError
from audit.results.exit_codes import ExitCode
from audit.workflow import baseline as baselines


def cmd_baseline(args) -> ExitCode:
    target = Path(args.output)
    try:
        previous = baselines.load(target) if args.update else None
        tasks = _tasks(args)
    except (ConfigError, baselines.BaselineError) as exc:
        raise Stop(ExitCode.ERROR, plain(exc)) from None
    results = list(run(tasks, jobs=args.jobs))
    data = baselines.record(results, target.resolve().parent, previous)
    try:
        baselines.save(data, target)
    except baselines.BaselineError as exc:
        raise Stop(ExitCode.ERROR, plain(exc)) from None
    known = sum(len(entry["findings"]) for entry in data["files"].values())
    print(
        f"article-audit: baseline {plain(target)}: {known} finding(s) in {len(data['files'])} file(s)"
        + (" (updated: fixed findings dropped)" if args.update else "")
    )
    failed = [r for r in results if r["status"] == "error"]
    for r in failed:
        say(f"could not audit {plain(r['path'])}: {plain(r['error'])}")
    return ExitCode.ERROR if failed else ExitCode.OK


def _tasks(args) -> list[Task]:
    """The tasks of `check` (one per input found, each named as reports name it), under
    the same size limit."""
    settings_for = settings_per_file(args, registry())
    notes: list[str] = []
    tasks = list(
        tasks_for(
            args.paths,
            settings_for,
            read_stdin=lambda limit: sys.stdin.buffer.read(limit),
            max_bytes=DEFAULT_MAX_BYTES,
            notes=notes,
        )
    )
    for note in notes:
        say(f"warning: {plain(note)}")
    return with_run_vocabulary(tasks)
