"""`check --format json` and `--format text`, written as results arrive, so memory stays
flat however large the batch: each file's entry is encoded (a JSON line, or its text
lines) when it arrives and spooled to a temporary file; what needs every result (the
JSON report's head, the text report's table and totals) is made from each article's
figures when every result is in. With --report-dir, each article's pages are written as
it arrives too, and only its figures are kept for the index."""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from typing import IO

from audit.batch.progress import Progress
from audit.batch.runner import run
from audit.batch.tasks import ExecutorError, Task
from audit.cli.output import (
    finish_report_dir,
    plain,
    say,
    stopped_note,
    use_color,
    warnings_outcome,
    write_streamed,
    write_text_streamed,
)
from audit.cli.settings import rules_of_run
from audit.results.exit_codes import ExitCode
from audit.results.model import PAGE_KEYS, Tally
from audit.results.tool import tool_info
from audit.workflow.narrowing import Narrowing, shown


def streams(args) -> bool:
    """Whether the report is a JSON or text report with nothing that needs every result at once."""
    return args.format in ("json", "text") and not (args.fix or args.diff or args.output_formats or args.add_words)


class _Spool:
    """The batch's report entries, encoded one after the other in a temporary file, and
    what the report's head or end and the messages after it need: the totals, the
    problems, the warnings; for text, each article's figures and config."""

    def __init__(self, lines: IO[str], fmt: str, rules: dict, color: bool) -> None:
        from audit.reports import json_report, summary, text_report

        self.fmt = fmt
        self.lines = lines
        self.tally = Tally()
        self.problems: list[tuple[str, str]] = []
        self.warnings: list[tuple[str, str]] = []
        self.rows: list = []  # text: each article's Figures, for the table
        self.configs: Counter = Counter()  # text: the config of each audited article
        if fmt == "json":
            self.encode = lambda entry: json_report.encode_file(entry) + "\n"
        else:
            self.encode = lambda entry: text_report.render_file(entry, color=color)
            categories = summary.families({"rules": rules})
            self.figures = lambda entry: summary.figures(entry, categories)

    def add(self, result: dict, entry: dict) -> None:
        for key in PAGE_KEYS:
            entry.pop(key, None)
        self.tally.add(entry)
        if entry["status"] == "error":
            self.problems.append((entry["path"], entry["error"]))
        else:
            self.configs[entry.get("config")] += 1
        self.warnings += [(entry["path"], w) for w in entry.get("warnings") or ()]
        if self.fmt == "text":
            self.rows.append(self.figures(entry))
        # A cached result shown as it is: its stored JSON line, not encoded again.
        line = getattr(result, "line", None) if entry is result and self.fmt == "json" else None
        self.lines.write(line + "\n" if line else self.encode(entry))

    def text_end(self, color: bool) -> str:
        from audit.reports import summary, text_report

        rows = summary.worst_first(self.rows) if len(self.rows) > 1 else None
        return text_report.render_end(self.tally.summary(), list(self.configs.items()), rows, color=color)


def check(tasks: list[Task], args, narrowing: Narrowing, notes: list[str], pages=None) -> ExitCode:
    """Audit the tasks and write the report (and the pages of the report folder `pages`,
    if any); on Ctrl-C, report what finished."""
    progress = Progress(len(tasks), sys.stderr)
    stopped = None  # (exit code, why) when the batch ends before its last article
    # Cached results that are shown as they are need not be decoded, only counted (their
    # stored line is the JSON report's; text and pages need the whole result).
    as_stored = args.format == "json" and narrowing.shows_as_audited(tasks) and pages is None
    rules = rules_of_run(tasks)
    color = False if args.output else use_color(args.color, sys.stdout)
    with tempfile.TemporaryFile("w+", encoding="utf-8") as lines:
        spool = _Spool(lines, args.format, rules, color)
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
            "rules": rules,
            "files": None,
            **({"warnings": notes} if notes else {}),
        }
        if stopped:
            from audit.reports import json_report

            reason = f"{stopped[1]}; {spool.tally.files} of {len(tasks)} articles were audited"
            head = json_report.mark_partial(head, reason)
        lines.seek(0)
        if args.format == "json":
            status = write_streamed(head, (line.rstrip("\n") for line in lines), args.output)
        elif stopped and args.output:  # a partial report that cannot say so (json, sarif and junit can)
            say(
                f"the report {plain(args.output)} was not written: it would be partial, and a text report cannot say so"
            )
            status = ExitCode.OK
        else:
            status = write_text_streamed(lines, spool.text_end(color), args.output)
        if pages is not None:
            status = max(status, finish_report_dir(pages, head, stopped[1] if stopped else None))
    if args.format != "text" or args.output:  # the text report itself names each input it could not audit
        for path, error in spool.problems:
            say(f"could not audit {plain(path)}: {plain(error)}")
    if stopped:
        say(stopped_note(stopped[0], spool.tally.files, len(tasks)))
        return stopped[0]
    return warnings_outcome(notes, spool.warnings, args.require_grammar, status or spool.tally.exit_code)
