"""`article-audit baseline`: record the current findings, so only new ones gate a merge."""

from __future__ import annotations

from pathlib import Path

from audit.batch.inputs import discover
from audit.batch.runner import run
from audit.batch.tasks import Task, shown_name
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
    settings_for = settings_per_file(args, registry())
    notes: list[str] = []
    tasks = [
        Task(shown_name(path), None, problem)
        if problem
        else Task(shown_name(path), settings_for(path), file=path if shown_name(path) != path else None)
        for path, problem in discover(args.paths, notes, settings_for.excludes)
    ]
    for note in notes:
        say(f"warning: {plain(note)}")
    return tasks
