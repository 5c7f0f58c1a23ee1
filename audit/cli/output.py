"""What the commands show: messages on standard error, and the report where it was asked for."""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from audit.results.exit_codes import ExitCode
from audit.results.model import RunResult, without_page_keys
from audit.storage.cache import atomic_writer, write_atomic


class Stop(Exception):
    """Ends a command early: `main` prints `message` (if any) on standard error and
    returns `code`."""

    def __init__(self, code: ExitCode, message: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def say(message: str) -> None:
    print(f"article-audit: {message}", file=sys.stderr)


def plain(text) -> str:
    """A file name or message on one line, with no control characters that could restyle the
    terminal or, in CI, start a workflow command on a new line."""
    return "".join("\ufffd" if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in str(text))


def use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def warnings_outcome(
    notes: list[str], file_warnings: list[tuple[str, str]], require_grammar: bool, code: ExitCode
) -> ExitCode:
    """Print what a rule could not do on an article; with --require-grammar, an article
    LanguageTool did not check makes the exit code ERROR."""
    unchecked = len(notes)
    for path, warning in file_warnings:
        say(f"warning: {plain(path)}: {plain(warning)}")
        unchecked += warning.startswith("grammar:")
    if require_grammar and unchecked:
        say("--require-grammar: LanguageTool did not check every article")
        return max(code, ExitCode.ERROR)
    return code


def emit(run: RunResult, args, pages=None, partial: str | None = None) -> ExitCode:
    """Write the report (and finish the report folder `pages`, and the GitHub job summary);
    ERROR if one of them could not be written. `partial`: why the run stopped early; then
    the report says so, or is not written to --output (a format that cannot say so), and
    the report folder is left as it was."""
    from audit.reports import json_report, render

    report = run.to_dict()
    if partial:
        report = json_report.mark_partial(report, partial)
    status = _finish_report_dir(pages, report, partial) if pages is not None else ExitCode.OK
    report_dir = getattr(args, "report_dir", None) if not partial else None
    # The article text is kept for the HTML pages only; the other formats never carry it.
    shown = {**report, "files": [without_page_keys(r) for r in report["files"]]}
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY") if args.format == "github" and not partial else None
    color = False if args.output else use_color(args.color, sys.stdout)
    text = render(args.format, shown, color=color, full_report=_full_report(report_dir, summary_file))
    if args.output and partial and args.format not in json_report.PARTIAL_FORMATS:
        say(
            f"the report {plain(args.output)} was not written: it would be partial, and a "
            f"{args.format} report cannot say so (json, sarif and junit can)"
        )
    else:
        status = max(status, _write_report(text, args.output))
    if summary_file:
        status = max(status, _append_job_summary(render("markdown", shown), summary_file))
    if args.format != "text" or args.output:  # the text report itself names each input it could not audit
        name_unaudited(run.files)
    return status


def _full_report(report_dir: str | None, summary_file: str | None) -> str | None:
    """Where a short report says the full one is."""
    if report_dir:
        return str(Path(report_dir) / "index.html")
    return "the job summary" if summary_file else None


def name_unaudited(results: Iterable[dict]) -> None:
    for r in results:
        if r["status"] == "error":
            say(f"could not audit {plain(r['path'])}: {plain(r['error'])}")


def _write_report(text: str, output: str | None) -> ExitCode:
    if not output:
        sys.stdout.write(text)
        return ExitCode.OK
    try:
        write_atomic(Path(output), text.encode("utf-8"))
    except OSError as exc:  # the old report, if any, is left whole
        say(f"could not write the report {plain(output)}: {exc.strerror or exc}")
        return ExitCode.ERROR
    return ExitCode.OK


def write_streamed(head: dict, lines: Iterable[str], output: str | None) -> ExitCode:
    """Write a JSON report whose file entries are already encoded, one per line."""
    from audit.reports import json_report

    if not output:
        json_report.write(head, sys.stdout, lines)
        return ExitCode.OK
    try:
        with atomic_writer(Path(output), "w", encoding="utf-8") as out:
            json_report.write(head, out, lines)
    except OSError as exc:  # the old report, if any, is left whole
        say(f"could not write the report {plain(output)}: {exc.strerror or exc}")
        return ExitCode.ERROR
    return ExitCode.OK


def _append_job_summary(text: str, summary_file: str) -> ExitCode:
    try:
        with open(summary_file, "a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        say(f"could not write the job summary {summary_file}: {exc}")
        return ExitCode.ERROR
    return ExitCode.OK


def _finish_report_dir(pages, report: dict, partial: str | None) -> ExitCode:
    from audit.cli.report_folder import ReportFolderError

    if partial:
        pages.discard()
        done = "was left as it was" if pages.target.exists() else "was not written"
        say(f"the report folder {plain(pages.shown)} {done}: the run stopped early")
        return ExitCode.OK
    try:
        pages.finish(report)
    except ReportFolderError as exc:
        say(plain(exc))
        return ExitCode.ERROR
    return ExitCode.OK


def stopped_note(code: ExitCode, done: int, total: int) -> str:
    if code == ExitCode.INTERRUPTED:
        return f"interrupted; {done} of {total} article(s) were audited and are reported"
    return f"{done} of {total} article(s) were audited and are reported as partial"
