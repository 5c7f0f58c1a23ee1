"""`check --format json`, written as results arrive, so memory stays flat however large
the batch: each file's entry is encoded when it arrives and spooled to a temporary file;
the report's head (the summary) is written before them, when every result is in. With
--report-dir, each article's pages are written as it arrives too, and only its figures
are kept for the index."""

from __future__ import annotations

import sys
import tempfile
from typing import IO

from audit.batch.progress import Progress
from audit.batch.runner import run
from audit.batch.tasks import ExecutorError, Task
from audit.cli.output import finish_report_dir, plain, say, stopped_note, warnings_outcome, write_streamed
from audit.cli.settings import rules_of_run
from audit.results.exit_codes import ExitCode
from audit.results.model import PAGE_KEYS, Tally
from audit.results.tool import tool_info
from audit.workflow.narrowing import Narrowing, shown


def streams(args) -> bool:
    """Whether the report is a JSON report with nothing that needs every result at once."""
    return args.format == "json" and not (args.fix or args.diff or args.output_formats or args.add_words)


class _Spool:
    """The batch's report entries, one per line in a temporary file, and what the report's
    head and the messages after it need: the totals, the problems, the warnings."""

    def __init__(self, lines: IO[str]) -> None:
        from audit.reports import json_report

        self.encode = json_report.encode_file
        self.lines = lines
        self.tally = Tally()
        self.problems: list[tuple[str, str]] = []
        self.warnings: list[tuple[str, str]] = []

    def add(self, result: dict, entry: dict) -> None:
        for key in PAGE_KEYS:
            entry.pop(key, None)
        self.tally.add(entry)
        if entry["status"] == "error":
            self.problems.append((entry["path"], entry["error"]))
        self.warnings += [(entry["path"], w) for w in entry.get("warnings") or ()]
        # A cached result shown as it is: its stored report line, not encoded again.
        line = getattr(result, "line", None) if entry is result else None
        self.lines.write((line or self.encode(entry)) + "\n")


def check(tasks: list[Task], args, narrowing: Narrowing, notes: list[str], pages=None) -> ExitCode:
    """Audit the tasks and write the JSON report (and the pages of the report folder
    `pages`, if any); on Ctrl-C, report what finished."""
    progress = Progress(len(tasks), sys.stderr)
    stopped = None  # (exit code, why) when the batch ends before its last article
    # Cached results that are shown as they are need not be decoded, only counted.
    as_stored = narrowing.shows_as_audited(tasks) and pages is None  # pages need the whole result
    with tempfile.TemporaryFile("w+", encoding="utf-8") as lines:
        spool = _Spool(lines)
        try:
            for result, task in zip(
                run(
                    tasks,
                    jobs=args.jobs,
                    executor=args.executor,
                    scheduler=args.scheduler,
                    summary_only=as_stored,
                    worker_timeout=args.worker_timeout,
                ),
                tasks,
            ):
                entry = shown(narrowing.narrow(result, task), task.settings)
                spool.add(result, pages.add(entry) if pages is not None else entry)
                progress.step()
        except KeyboardInterrupt:
            stopped = ExitCode.INTERRUPTED, "interrupted (Ctrl-C)"
        except ExecutorError as exc:
            say(str(exc))
            if not spool.tally.files:  # nothing came back: nothing to report
                progress.done()
                return ExitCode.ERROR
            stopped = ExitCode.ERROR, str(exc)
        progress.done()
        head = {
            "tool": tool_info(),
            "summary": spool.tally.summary(),
            "rules": rules_of_run(tasks),
            "files": None,
            **({"warnings": notes} if notes else {}),
        }
        if stopped:
            from audit.reports import json_report

            reason = f"{stopped[1]}; {spool.tally.files} of {len(tasks)} articles were audited"
            head = json_report.mark_partial(head, reason)
        lines.seek(0)
        status = write_streamed(head, (line.rstrip("\n") for line in lines), args.output)
        if pages is not None:
            status = max(status, finish_report_dir(pages, head, stopped[1] if stopped else None))
    for path, error in spool.problems:
        say(f"could not audit {plain(path)}: {plain(error)}")
    if stopped:
        say(stopped_note(stopped[0], spool.tally.files, len(tasks)))
        return stopped[0]
    return warnings_outcome(notes, spool.warnings, args.require_grammar, status or spool.tally.exit_code)
