"""What the commands show: messages on standard error, and the report where it was asked for."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from audit.results.controls import replace_controls
from audit.results.exit_codes import ExitCode
from audit.results.model import RunResult, without_page_keys
from audit.storage.in_place import replacing, write_in_place


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
    terminal, reorder what is shown or, in CI, start a workflow command on a new line."""
    return replace_controls(text)


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
    unchecked = sum(note.startswith("grammar:") for note in notes)  # the others are config warnings
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
    status = finish_report_dir(pages, report, partial) if pages is not None else ExitCode.OK
    report_dir = getattr(args, "report_dir", None) if not partial else None
    # The article text is kept for the HTML pages only; the other formats never carry it.
    shown = {**report, "files": [without_page_keys(r) for r in report["files"]]}
    extra = list(getattr(args, "output_formats", ()))
    formats = {args.format, *(fmt for fmt, _ in extra)}
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY") if "github" in formats and not partial else None
    color = False if args.output else use_color(args.color, sys.stdout)
    options = {
        "full_report": _full_report(report_dir, summary_file),
        "max_results": getattr(args, "max_results", 5000),
        "project_root": project_root() if formats & {"gitlab", "sarif"} else None,
        "cwd": os.getcwd(),
    }
    if "github" in formats:
        options["changed_lines"] = annotation_lines(report["files"], getattr(args, "changed_since", None))
    for fmt, output in [(args.format, args.output), *extra]:
        if output and partial and fmt not in json_report.PARTIAL_FORMATS:
            say(
                f"the report {plain(output)} was not written: it would be partial, and a "
                f"{fmt} report cannot say so (json, sarif and junit can)"
            )
            continue
        text = render(fmt, shown, color=color if output is None else False, **options)
        status = max(status, _write_report(text, output))
    if summary_file:
        summary = render("markdown", shown)
        if "sarif" in formats:
            summary += _sarif_cap_line(shown, options["max_results"])
        status = max(status, _append_job_summary(summary, summary_file))
    if args.format != "text" or args.output:  # the text report itself names each input it could not audit
        name_unaudited(run.files)
    return status


def annotation_lines(files: list[dict], ref: str | None) -> dict[str, set[int]] | None:
    """The changed lines of each audited file, for GitHub's annotations to go to first:
    since --changed-since, else since the base of the pull request the workflow runs for
    (GITHUB_EVENT_PATH). None when neither is known or git cannot tell."""
    from audit.workflow import changes

    ref = ref or _pull_request_base()
    if not ref:
        return None
    try:
        by_file = changes.changed_lines_by_file(ref, Path.cwd())
    except changes.ChangesError as exc:
        say(f"annotations: the changed lines are unknown ({plain(exc)}); the most severe findings go first")
        return None
    found = {}
    for r in files:
        lines = by_file.get(Path(r["path"]).resolve())
        if lines:
            found[r["path"]] = lines
    return found


def _pull_request_base() -> str | None:
    event = os.environ.get("GITHUB_EVENT_PATH")
    if not event:
        return None
    try:
        with open(event, encoding="utf-8") as handle:
            payload = json.load(handle)
        return payload["pull_request"]["base"]["sha"]
    except (OSError, ValueError, KeyError, TypeError):
        return None  # not a pull request's event


def project_root() -> str | None:
    """The root CI platforms want report paths relative to: GitLab's CI_PROJECT_DIR,
    GitHub's GITHUB_WORKSPACE, else the repository holding the working folder."""
    from audit.config.loader import repository_root

    for name in ("CI_PROJECT_DIR", "GITHUB_WORKSPACE"):
        if os.environ.get(name):
            return os.path.abspath(os.environ[name])
    root = repository_root(Path.cwd())
    return str(root) if root is not None else None


def _sarif_cap_line(report: dict, max_results: int) -> str:
    """The job summary's word on what the SARIF report left out, if anything."""
    from collections import Counter

    from audit.reports import sarif_report

    levels = Counter(
        sarif_report.LEVEL.get(f["severity"], "note") for r in report["files"] for f in r.get("findings") or ()
    )
    dropped = sarif_report.left_out(levels, max_results)
    return f"\n{sarif_report.dropped_note(dropped, max_results)}\n" if dropped else ""


def _full_report(report_dir: str | None, summary_file: str | None) -> str | None:
    """Where a short report says the full one is."""
    if report_dir:
        return str(Path(report_dir) / "index.html")
    return "the job summary" if summary_file else None


def name_unaudited(results: Iterable[dict]) -> None:
    for r in results:
        if r["status"] == "error":
            say(f"could not audit {plain(r['path'])}: {plain(r['error'])}")


def write_out(text: str) -> None:
    """Write to standard output, whose reader may be gone (`check … | head -n5`): then the
    rest goes nowhere, and the run goes on to the exit code its gate decides."""
    with output_may_close():
        sys.stdout.write(text)
        sys.stdout.flush()  # now, inside the guard: not at exit, where it would be a traceback


@contextmanager
def output_may_close():
    """A block that writes standard output and ends early, quietly, if its reader has
    closed the pipe. Standard output then points at os.devnull, as the Python docs on
    SIGPIPE advise, so that nothing written later (or the flush at exit) fails."""
    try:
        yield
    except BrokenPipeError:
        drop_stdout()


def drop_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (a test's capture): replace the object
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives for the process
    finally:
        os.close(devnull)


def _write_report(text: str, output: str | None) -> ExitCode:
    if not output:
        write_out(text)
        return ExitCode.OK
    try:
        write_in_place(Path(output), text.encode("utf-8"))
    except OSError as exc:  # the old report, if any, is left whole
        say(f"could not write the report {plain(output)}: {exc.strerror or exc}")
        return ExitCode.ERROR
    return ExitCode.OK


def write_streamed(head: dict, lines: Iterable[str], output: str | None) -> ExitCode:
    """Write a JSON report whose file entries are already encoded, one per line."""
    from audit.reports import json_report

    if not output:
        with output_may_close():
            json_report.write(head, sys.stdout, lines)
            sys.stdout.flush()
        return ExitCode.OK
    try:
        with replacing(Path(output), "w", encoding="utf-8") as out:
            json_report.write(head, out, lines)
    except OSError as exc:  # the old report, if any, is left whole
        say(f"could not write the report {plain(output)}: {exc.strerror or exc}")
        return ExitCode.ERROR
    return ExitCode.OK


def write_text_streamed(body: IO[str], end: str, output: str | None) -> ExitCode:
    """Write a text report whose articles' lines are in `body` (read to its end), then `end`."""
    if not output:
        with output_may_close():
            shutil.copyfileobj(body, sys.stdout)
            sys.stdout.write(end)
            sys.stdout.flush()
        return ExitCode.OK
    try:
        with replacing(Path(output), "w", encoding="utf-8") as out:
            shutil.copyfileobj(body, out)
            out.write(end)
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


def finish_report_dir(pages, report: dict, partial: str | None) -> ExitCode:
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
