"""`article-audit check`: audit the inputs, narrow and fix as asked, report, exit."""

from __future__ import annotations

import sys
from pathlib import Path

from audit.batch.progress import Progress
from audit.batch.run_vocabulary import with_run_vocabulary
from audit.batch.runner import run
from audit.batch.tasks import ExecutorError, Task, tasks_for
from audit.cli import streaming, vocabulary_file
from audit.cli.output import Stop, emit, plain, say, stopped_note, warnings_outcome, write_out
from audit.cli.report_folder import ReportFolder, ReportFolderError
from audit.cli.settings import registry, rules_of_run, settings_per_file
from audit.config.loader import ConfigError
from audit.results.exit_codes import ExitCode
from audit.results.model import RunResult
from audit.workflow import baseline as baselines
from audit.workflow import changes, fixes
from audit.workflow.narrowing import Narrowing, shown


def cmd_check(args) -> ExitCode:
    narrowing, tasks, config_notes = _prepare(args)
    notes = config_notes + _grammar_preflight(tasks, args)
    pages = _report_folder(args, tasks)
    if streaming.streams(args):
        return streaming.check(tasks, args, narrowing, notes, pages)
    results, stopped = _audit(tasks, args, narrowing, pages)
    if stopped:
        return _stopped_early(results, tasks, args, pages, *stopped)
    if args.diff:
        return _show_diffs(results, tasks, args.unsafe)
    refused = 0
    if args.fix:
        results, refused = _fix_in_place(results, tasks, args, narrowing)
    if args.add_words:
        vocabulary_file.add_words(Path(args.add_words), results)
    code = _report(results, tasks, args, notes, pages)
    return max(code, ExitCode.ERROR) if refused else code


def _prepare(args) -> tuple[Narrowing, list[Task], list[str]]:
    """What the run gates on, its tasks, and the warnings about its configs (said here, and
    kept for the report); a usage or configuration problem raises Stop."""
    if args.changed_lines and not args.changed_since:
        raise Stop(ExitCode.ERROR, "--changed-lines needs --changed-since REF")
    _check_stdin_filename(args)
    try:
        narrowing = _narrowing(args)
        paths = (
            changes.changed_articles(args.changed_since, args.paths, Path.cwd()) if args.changed_since else args.paths
        )
        settings_for = settings_per_file(args, registry())
        found: list[str] = []
        tasks = list(
            tasks_for(
                paths,
                settings_for,
                read_stdin=lambda limit: sys.stdin.buffer.read(limit),
                max_bytes=args.max_bytes,
                use_cache=not args.no_cache,
                keep_source=bool(args.report_dir),
                extract=not args.no_extract,
                notes=found,
                stdin_name=getattr(args, "stdin_filename", None),
                record_digest=bool(args.fix or args.diff),
            )
        )
        for note in found:
            say(f"warning: {plain(note)}")
        config_notes = settings_for.warnings()
        for note in config_notes:
            say(f"warning: {plain(note)}")
    except ConfigError as exc:
        raise Stop(ExitCode.ERROR, f"configuration error: {exc}") from None
    except (baselines.BaselineError, changes.ChangesError) as exc:
        raise Stop(ExitCode.ERROR, str(exc)) from None
    if args.changed_since and not tasks:
        raise Stop(ExitCode.OK, f"no articles changed since {args.changed_since}")
    if not tasks:
        raise Stop(ExitCode.ERROR, "no articles found in " + ", ".join(args.paths))
    return (
        narrowing,
        with_run_vocabulary(tasks, _all_articles(args, settings_for) if args.changed_since else None),
        config_notes,
    )


def _all_articles(args, settings_for) -> list[Task]:
    """Every article at the paths given, not only those changed: what the run's vocabulary
    is learned from when --changed-since narrows the run (see `run_vocabulary`)."""
    return list(tasks_for(args.paths, settings_for, read_stdin=lambda limit: b"", max_bytes=args.max_bytes))


def _check_stdin_filename(args) -> None:
    """--stdin-filename names standard input, so it needs it; fixes are not written to
    that file, which may hold other text than standard input's."""
    if not getattr(args, "stdin_filename", None):
        return
    if "-" not in args.paths:
        raise Stop(ExitCode.ERROR, "--stdin-filename needs - (standard input) among the paths")
    if args.fix or args.diff:
        raise Stop(ExitCode.ERROR, "--fix and --diff do not apply to standard input (--stdin-filename)")


def _narrowing(args) -> Narrowing:
    changed_since = args.changed_since if args.changed_lines else None
    if not args.baseline:
        return Narrowing(changed_since=changed_since)
    baseline = Path(args.baseline)
    return Narrowing(baselines.load(baseline), baseline.resolve().parent, changed_since)


def _audit(
    tasks: list[Task], args, narrowing: Narrowing, pages: ReportFolder | None
) -> tuple[list[dict], tuple[ExitCode, str] | None]:
    """Every task's result, narrowed, in order, with a progress bar; with the results so
    far, (exit code, why) when the batch ended before its last article (Ctrl-C, the
    executor failed)."""
    results: list[dict] = []
    progress = Progress(len(tasks), sys.stderr)
    batch = run(
        tasks, jobs=args.jobs, executor=args.executor, scheduler=args.scheduler, worker_timeout=args.worker_timeout
    )
    try:
        for result, task in zip(batch, tasks, strict=False):
            result = narrowing.narrow(result, task)
            # Pages are written as results arrive (and their text let go), unless fixes change them.
            results.append(pages.add(shown(result, task.settings)) if pages and not args.fix else result)
            progress.step()
    except KeyboardInterrupt:
        return results, (ExitCode.INTERRUPTED, "interrupted (Ctrl-C)")
    except ExecutorError as exc:
        return results, (ExitCode.ERROR, str(exc))
    finally:
        progress.done()
    return results, None


def _report_folder(args, tasks: list[Task]) -> ReportFolder | None:
    """The folder of --report-dir, ready for pages (None without it; --diff writes none)."""
    if not args.report_dir or args.diff:
        return None
    try:
        return ReportFolder(Path(args.report_dir), [t.path for t in tasks], rules_of_run(tasks))
    except ReportFolderError as exc:
        raise Stop(ExitCode.ERROR, plain(exc)) from None


def _stopped_early(
    results: list[dict], tasks: list[Task], args, pages: ReportFolder | None, code: ExitCode, why: str
) -> ExitCode:
    """A batch that ended before its last article: what came back is reported, marked partial."""
    if code != ExitCode.INTERRUPTED:
        say(why)
        if not results:  # nothing came back: nothing to report
            if pages:
                pages.discard()
            return code
    say(stopped_note(code, len(results), len(tasks)))
    run_result = RunResult(
        [shown(r, task.settings) for r, task in zip(results, tasks, strict=False)],
        rules=rules_of_run(tasks),
    )
    emit(run_result, args, pages, partial=f"{why}; {len(results)} of {len(tasks)} articles were audited")
    return code


def _show_diffs(results: list[dict], tasks: list[Task], unsafe: bool) -> ExitCode:
    """Print the fixes as a unified diff: FAILED if they would change a file, ERROR if a
    file changed since it was audited (its diff would be of other text)."""
    changed = refused = 0
    for fix in fixes.file_fixes(results, unsafe=unsafe, files=_files_on_disk(tasks)):
        try:
            write_out(fix.diff())
        except fixes.FileChanged as exc:
            say(plain(exc))
            refused += 1
            continue
        changed += 1
    return ExitCode.ERROR if refused else ExitCode.FAILED if changed else ExitCode.OK


def _fix_in_place(results: list[dict], tasks: list[Task], args, narrowing: Narrowing) -> tuple[list[dict], int]:
    """Write the fixes, and audit the fixed files again, until nothing changes (or
    fixes.MAX_PASSES times); the results of the last audit (without the digests), and
    how many files were refused because they changed since they were audited or could
    not be written (those are left as they are, and not fixed by a later pass either)."""
    refused: set[str] = set()  # by file on disk
    for _ in range(fixes.MAX_PASSES):
        changed = 0
        for fix in fixes.file_fixes(results, unsafe=args.unsafe, files=_files_on_disk(tasks)):
            if fix.file in refused:
                continue
            try:
                fix.write()
            except fixes.FileChanged as exc:
                say(plain(exc))
                refused.add(fix.file)
                continue
            except OSError as exc:  # a read-only folder, a full disk: the file is left as it was
                say(f"{plain(fix.path)}: not fixed: {plain(exc.strerror or exc)}")
                refused.add(fix.file)
                continue
            say(f"fixed {fix.count} finding(s) in {plain(fix.path)}")
            changed += 1
        if not changed:
            break
        results = narrowing.narrow_all(list(run(tasks, jobs=args.jobs)), tasks)
    return results, len(refused)


def _files_on_disk(tasks: list[Task]) -> list[str]:
    """Where each task's file is on disk, in task (and result) order."""
    return [t.source for t in tasks]


def _report(results: list[dict], tasks: list[Task], args, notes: list[str], pages: ReportFolder | None) -> ExitCode:
    run_result = RunResult(
        [shown(r, task.settings) for r, task in zip(results, tasks)], rules=rules_of_run(tasks), warnings=notes
    )
    if pages and args.fix:  # the pages show what is left after the fixes
        run_result.files = [pages.add(r) for r in run_result.files]
    file_warnings = [(r["path"], w) for r in run_result.files for w in r.get("warnings") or ()]
    code = emit(run_result, args, pages) or run_result.exit_code
    return warnings_outcome(notes, file_warnings, args.require_grammar, code)


def _grammar_preflight(tasks: list[Task], args) -> list[str]:
    """Find LanguageTool once, before the batch (workers reuse what was found); say here,
    once, when it is configured but cannot be used."""
    from audit.language import languagetool

    wanted = [
        t.settings.languagetool for t in tasks if t.settings and any(rs.rule.id == "grammar" for rs in t.settings.rules)
    ]
    if args.require_grammar and not wanted:
        notes = ["grammar: --require-grammar is set but the grammar rule is not enabled"]
    else:
        notes = languagetool.preflight(wanted, required=args.require_grammar)
    for note in notes:
        say(f"warning: {note}")
    return notes
