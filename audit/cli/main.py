"""The `article-audit` command: check, rules, explain, demo.

Exit codes: 0 every article passed; 1 an article failed the gate; 2 a usage or
configuration error, or an input that could not be audited (the rest still are).
"""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from pathlib import Path

from audit import __version__
from audit.storage.cache import atomic_writer, write_atomic
from audit.workflow import baseline as baselines
from audit.workflow import changes
from audit.config.loader import FAIL_ON, MIN_SEVERITY, Config, ConfigError, find, load
from audit.engine.auditor import STDIN, audit_document
from audit.results.model import RunResult, Tally
from audit.batch.inputs import discover
from audit.frontends import FRONT_ENDS, parse
from audit.batch.progress import Progress
from audit.batch.tasks import ExecutorError, Task
from audit.batch.runner import default_jobs, run
from audit.engine.registry import RegistryError

EXIT_OK, EXIT_FAILED, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_BASELINE = baselines.DEFAULT_PATH
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
MAX_FIX_PASSES = 10
PACKAGE = Path(__file__).resolve().parent.parent  # the starter config and the samples ship in it


def _registry():
    from audit.engine.registry import registry

    return registry()


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be a whole number of at least 1")
    return number


def _rule_list(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def build_parser() -> argparse.ArgumentParser:
    from audit.reports import FORMATS

    parser = argparse.ArgumentParser(
        prog="article-audit",
        description="Audit articles for reading level, sentence length, passive voice, typos, jargon "
        "and accessibility.",
    )
    parser.add_argument("--version", action="version", version=f"article-audit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    check = sub.add_parser("check", help="audit files and folders", description="Audit articles.")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                       help="files or folders (.txt, .md, .markdown, .html, .htm); - reads standard input")
    check.add_argument("--format", default="text", choices=FORMATS, help="output format (default: text)")
    check.add_argument("--output", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--report-dir", metavar="DIR", help="also write per-article HTML, Markdown and JSON "
                       "reports and an index.html into DIR")
    check.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that fails an article (default: error)")
    check.add_argument("--select", type=_rule_list, metavar="RULES", help="only these rules (comma separated)")
    check.add_argument("--ignore", type=_rule_list, default=(), metavar="RULES", help="skip these rules")
    check.add_argument("--config", metavar="FILE", help="config file (default: nearest .article-audit.toml "
                       "or pyproject.toml with [tool.article-audit])")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour in text output (default: auto; NO_COLOR disables)")
    check.add_argument("--jobs", "-j", type=_positive_int, default=default_jobs(), metavar="N",
                       help=f"worker processes (default: all cores, here {default_jobs()})")
    check.add_argument("--no-cache", action="store_true",
                       help="do not read or write the result cache (in the user cache folder)")
    check.add_argument("--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES, metavar="N",
                       help=f"larger inputs are reported as too large (default: {DEFAULT_MAX_BYTES:,})")
    check.add_argument("--no-extract", action="store_true",
                       help="in web pages, audit all the text, not only the main content (the article)")
    check.add_argument("--require-grammar", action="store_true",
                       help="exit 2 when LanguageTool (the grammar rule) is not set up or did not check "
                       "every article")
    check.add_argument("--executor", choices=("local", "dask"), default="local",
                       help="where to run: local processes, or a Dask cluster (pip install 'article-audit[dask]')")
    check.add_argument("--scheduler", metavar="ADDRESS",
                       help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")

    gate = check.add_argument_group("gating what changed")
    gate.add_argument("--baseline", metavar="FILE", help="report and gate only findings not in this baseline")
    gate.add_argument("--changed-since", metavar="REF", help="audit only files changed since this git ref")
    gate.add_argument("--changed-lines", action="store_true",
                      help="with --changed-since: only findings on changed lines (article-level ones always)")
    gate.add_argument("--min-severity", choices=MIN_SEVERITY, help="hide findings below this severity "
                      "(the gate still counts them)")
    gate.add_argument("--profile", metavar="NAME", help="apply [profiles.NAME] from the config (e.g. ci, editor)")
    gate.add_argument("--report-unused-suppressions", action="store_true",
                      help="report suppression comments that silence nothing")
    fixing = check.add_argument_group("fixes")
    fixing.add_argument("--fix", action="store_true", help="apply safe mechanical fixes in place")
    fixing.add_argument("--unsafe", action="store_true", help="with --fix or --diff: also wording fixes "
                        "(jargon, wordy phrases)")
    fixing.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change nothing")

    base = sub.add_parser("baseline", help="record current findings so only new ones gate a merge")
    base.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    base.add_argument("--output", default=DEFAULT_BASELINE, metavar="FILE",
                      help=f"baseline file (default: {DEFAULT_BASELINE})")
    base.add_argument("--update", action="store_true",
                      help="drop findings that are gone from an existing baseline; add nothing new")
    base.add_argument("--config", metavar="FILE", help="config file")
    base.add_argument("--profile", metavar="NAME", help="apply [profiles.NAME] from the config")
    base.add_argument("--jobs", "-j", type=_positive_int, default=default_jobs(), metavar="N")

    init = sub.add_parser("init", help="write a commented starter config (.article-audit.toml)")
    init.add_argument("--output", default=".article-audit.toml", metavar="FILE")
    init.add_argument("--force", action="store_true", help="overwrite an existing file")

    sub.add_parser("rules", help="list the rules")
    explain = sub.add_parser("explain", help="print one rule's documentation and options")
    explain.add_argument("rule", metavar="RULE")
    sub.add_parser("demo", help="audit the sample articles that ship with the tool")
    return parser


def _use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _folder_of(path: str) -> Path:
    """The real folder of a file (a symbolic link's target's folder)."""
    try:
        return Path(path).resolve().parent
    except (OSError, RuntimeError):  # a symbolic link loop: reported as such when the file is read
        return Path(os.path.abspath(path)).parent


class _Settings:
    """Settings per file: one config from --config, or the nearest config per folder."""

    def __init__(self, args, registry):
        self.args = args
        self.registry = registry
        self.fixed: Config | None = load(Path(args.config), registry) if args.config else None
        self.loaded: dict[Path | None, Config] = {}
        # A batch has thousands of files in a few folders: each folder is resolved and
        # searched for its config once (a file that is a symbolic link, on its own).
        self.config_paths: dict[str, Path | None] = {}
        self.link_configs: dict[str, Path | None] = {}  # the same, for the folders links point into
        for rid in (getattr(args, "select", None) or ()) + tuple(getattr(args, "ignore", ())):
            if rid != "all" and rid not in registry:
                raise ConfigError(f"unknown rule {rid!r}; run 'article-audit rules' to list them")

    def config_for(self, path: str) -> Config:
        if self.fixed is not None:
            return self.fixed
        folder = "." if path == STDIN else os.path.dirname(path) or "."
        if path != STDIN and os.path.islink(path):
            where = self._linked(path)
        elif folder in self.config_paths:
            where = self.config_paths[folder]
        else:
            where = self.config_paths[folder] = find(Path(folder).resolve() if path != STDIN else Path.cwd())
        if where not in self.loaded:
            self.loaded[where] = load(where, self.registry) if where else Config()
        return self.loaded[where]

    def _linked(self, path: str) -> Path | None:
        """The config of a symbolic link: its target's. Links into one folder (a batch of
        links to an archive) share one search, found from the link's target folder."""
        try:
            target = os.path.join(os.path.dirname(path), os.readlink(path))
        except OSError:
            target = None
        if target is None or os.path.islink(target):  # unreadable, or a chain of links: resolved in full
            return find(_folder_of(path))
        folder = os.path.dirname(target) or "."
        if folder not in self.link_configs:
            self.link_configs[folder] = find(Path(folder).resolve())
        return self.link_configs[folder]

    def __call__(self, path: str):
        a = self.args
        return self.config_for(path).settings_for(
            path, self.registry, select=getattr(a, "select", None), ignore=tuple(getattr(a, "ignore", ())),
            fail_on=getattr(a, "fail_on", None), min_severity=getattr(a, "min_severity", None),
            profile=a.profile, report_unused_suppressions=getattr(a, "report_unused_suppressions", False),
        )


def cmd_check(args) -> int:
    registry = _registry()
    if args.changed_lines and not args.changed_since:
        print("article-audit: --changed-lines needs --changed-since REF", file=sys.stderr)
        return EXIT_ERROR
    try:
        baseline = baselines.load(Path(args.baseline)) if args.baseline else None
        paths = _changed_paths(args) if args.changed_since else args.paths
        settings_for = _Settings(args, registry)
        tasks = list(_tasks(args, settings_for, paths))
    except ConfigError as exc:
        print(f"article-audit: configuration error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except (baselines.BaselineError, changes.ChangesError) as exc:
        print(f"article-audit: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.changed_since and not tasks:
        print(f"article-audit: no articles changed since {args.changed_since}", file=sys.stderr)
        return EXIT_OK
    if not tasks:
        print("article-audit: no articles found in " + ", ".join(args.paths), file=sys.stderr)
        return EXIT_ERROR
    grammar_notes = _grammar_preflight(tasks, args)
    if _streams(args):
        return _check_streaming(tasks, args, baseline, grammar_notes)
    results: list[dict] = []
    progress = Progress(len(tasks), sys.stderr)
    try:
        for result in run(tasks, jobs=args.jobs, executor=args.executor, scheduler=args.scheduler):
            results.append(result)
            progress.step()
    except KeyboardInterrupt:
        progress.done()
        run_result = RunResult(results, rules=_rule_metadata(tasks))
        print(f"article-audit: interrupted; {len(results)} of {len(tasks)} article(s) were audited "
              "and are reported", file=sys.stderr)
        _emit(run_result, args)
        return EXIT_INTERRUPTED
    except ExecutorError as exc:
        progress.done()
        print(f"article-audit: {exc}", file=sys.stderr)
        return EXIT_ERROR
    progress.done()
    results = [_narrow(result, task, args, baseline) for result, task in zip(results, tasks)]
    if args.diff:
        return EXIT_FAILED if _fix(results, args, write=False) else EXIT_OK
    passes = 0
    while args.fix and passes < MAX_FIX_PASSES and _fix(results, args, write=True):
        # Audit the fixed files again: to report what is left, and because one fix can
        # uncover another (a tripled word, a fix that overlapped one just applied).
        passes += 1
        again = list(run(tasks, jobs=args.jobs))
        results = [_narrow(result, task, args, baseline) for result, task in zip(again, tasks)]
    run_result = RunResult([_shown(r, task.settings) for r, task in zip(results, tasks)],
                           rules=_rule_metadata(tasks), warnings=grammar_notes)
    return _grammar_outcome(run_result, args, _emit(run_result, args) or run_result.exit_code)


def _grammar_preflight(tasks, args) -> list[str]:
    """Find LanguageTool once, before the batch (workers reuse what was found); say here,
    once, when it is configured but cannot be used."""
    from audit.language import languagetool

    wanted = [t.settings.languagetool for t in tasks
              if t.settings and any(rs.rule.id == "grammar" for rs in t.settings.rules)]
    if args.require_grammar and not wanted:
        notes = ["grammar: --require-grammar is set but the grammar rule is not enabled"]
    else:
        notes = languagetool.preflight(wanted, required=args.require_grammar)
    for note in notes:
        print(f"article-audit: warning: {note}", file=sys.stderr)
    return notes


def _grammar_outcome(run: RunResult, args, code: int) -> int:
    file_warnings = [(r["path"], w) for r in run.files for w in r.get("warnings") or ()]
    return _warnings_outcome(run.warnings, file_warnings, args, code)


def _warnings_outcome(notes: list[str], file_warnings: list[tuple[str, str]], args, code: int) -> int:
    """Print what a rule could not do on an article; with --require-grammar, an article
    LanguageTool did not check makes the exit code 2."""
    unchecked = len(notes)
    for path, warning in file_warnings:
        print(f"article-audit: warning: {_plain(path)}: {_plain(warning)}", file=sys.stderr)
        unchecked += warning.startswith("grammar:")
    if args.require_grammar and unchecked:
        print("article-audit: --require-grammar: LanguageTool did not check every article", file=sys.stderr)
        return max(code, EXIT_ERROR)
    return code


def _streams(args) -> bool:
    """A JSON report with nothing that needs every result at once is written as results
    arrive, so memory stays flat however large the batch."""
    return args.format == "json" and not (args.fix or args.diff or getattr(args, "report_dir", None))


def _check_streaming(tasks, args, baseline, notes: list[str]) -> int:
    import tempfile

    from audit.reports import json_report

    tally = Tally()
    problems: list[tuple[str, str]] = []
    file_warnings: list[tuple[str, str]] = []
    progress = Progress(len(tasks), sys.stderr)
    interrupted = False
    # Cached results that are shown as they are need not be decoded, only counted.
    as_stored = baseline is None and not args.changed_lines and all(
        t.settings is None or t.settings.min_severity == "info" for t in tasks)
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        try:
            for result, task in zip(run(tasks, jobs=args.jobs, executor=args.executor,
                                        scheduler=args.scheduler, summary_only=as_stored), tasks):
                shown = _shown(_narrow(result, task, args, baseline), task.settings)
                shown.pop("source", None)
                tally.add(shown)
                if shown["status"] == "error":
                    problems.append((shown["path"], shown["error"]))
                file_warnings += [(shown["path"], w) for w in shown.get("warnings") or ()]
                # A cached result shown as it is: its stored report line, not encoded again.
                line = getattr(result, "line", None) if shown is result else None
                spool.write((line or json_report.encode_file(shown)) + "\n")
                progress.step()
        except KeyboardInterrupt:
            interrupted = True
        except ExecutorError as exc:
            progress.done()
            print(f"article-audit: {exc}", file=sys.stderr)
            return EXIT_ERROR
        progress.done()
        head = {"tool": {"name": "article-audit", "version": __version__}, "summary": tally.summary(),
                "rules": _rule_metadata(tasks), "files": None, **({"warnings": notes} if notes else {})}
        spool.seek(0)
        status = _write_streamed(head, (line.rstrip("\n") for line in spool), args)
    for path, error in problems:
        print(f"article-audit: could not audit {_plain(path)}: {_plain(error)}", file=sys.stderr)
    if interrupted:
        print(f"article-audit: interrupted; {tally.files} of {len(tasks)} article(s) were audited "
              "and are reported", file=sys.stderr)
        return EXIT_INTERRUPTED
    return _warnings_outcome(notes, file_warnings, args, status or tally.exit_code)


def _write_streamed(head: dict, lines, args) -> int:
    from audit.reports import json_report

    if not args.output:
        json_report.write(head, sys.stdout, lines)
        return EXIT_OK
    try:
        with atomic_writer(Path(args.output), "w", encoding="utf-8") as out:
            json_report.write(head, out, lines)
    except OSError as exc:  # the old report, if any, is left whole
        print(f"article-audit: could not write the report {_plain(args.output)}: {exc.strerror or exc}",
              file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def _changed_paths(args) -> list[str]:
    """Changed files under the given paths, as paths relative to the working folder where possible."""
    wanted = [Path(p).resolve() for p in args.paths]
    picked = []
    for path in changes.changed_files(args.changed_since, Path.cwd()):
        if path.suffix.lower() in FRONT_ENDS and path.exists() and any(
                path == w or w in path.parents for w in wanted):
            try:
                picked.append(str(path.relative_to(Path.cwd())))
            except ValueError:
                picked.append(str(path))
    return picked


def _narrow(result: dict, task: Task, args, baseline) -> dict:
    """Keep the findings that gate: new against the baseline, on changed lines; then re-gate."""
    if result["status"] == "error" or task.settings is None:
        return result
    findings = result["findings"]
    if baseline is not None:
        findings = baselines.new_findings(result, baseline, Path(args.baseline).resolve().parent)
    if args.changed_lines:
        lines = changes.changed_lines(args.changed_since, Path(task.path).resolve())
        findings = [f for f in findings if f.get("metric") or any(
            n in lines for n in range(f["line"], f["end_line"] + 1))]
    if findings is result["findings"]:
        return result
    narrowed = {**result, "findings": findings}
    narrowed["status"] = baselines.regate(narrowed, task.settings.fail_on)
    return narrowed


def _shown(result: dict, settings) -> dict:
    """Hide findings below --min-severity (display only: the status was decided on all of them)."""
    if settings is None or settings.min_severity == "info":
        return result
    floor = SEVERITY_RANK[settings.min_severity]
    return {**result, "findings": [f for f in result["findings"] if SEVERITY_RANK[f["severity"]] >= floor]}


def _encode_like(raw: bytes, text: str) -> bytes:
    """Encode fixed text as the original file was: UTF-16 with its BOM, or UTF-8 with or without one."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"), (b"\xef\xbb\xbf", "utf-8")):
        if raw.startswith(bom):
            return bom + text.encode(codec)
    return text.encode("utf-8")


def _fix(results: list[dict], args, *, write: bool) -> int:
    """Apply the fixes in place (write) or print them as a diff; returns how many files change."""
    from audit.workflow import fixes
    from audit.frontends import InputError, decode

    changed = 0
    for result in results:
        if result["status"] == "error" or result["path"] == STDIN:
            continue
        chosen, _ = fixes.select(result["findings"], unsafe=args.unsafe)
        if not chosen:
            continue
        path = Path(result["path"])
        raw = path.read_bytes()
        try:
            before = decode(raw)
        except InputError:
            continue
        after = fixes.apply(before, chosen)
        if after == before:
            continue
        changed += 1
        if not write:
            sys.stdout.write(fixes.unified_diff(result["path"], before, after))
            continue
        write_atomic(path, _encode_like(raw, after))
        print(f"article-audit: fixed {len(chosen)} finding(s) in {result['path']}", file=sys.stderr)
    return changed


def _tasks(args, settings_for, paths):
    stdin_data = None
    for path, problem in discover(paths):
        if problem:
            yield Task(path, None, problem)
            continue
        if path == STDIN:
            if stdin_data is None:
                stdin_data = sys.stdin.buffer.read(args.max_bytes + 1)
            if len(stdin_data) > args.max_bytes:
                yield Task(path, None, f"too large to audit (over {args.max_bytes:,} bytes on standard input; "
                           "set the limit with --max-bytes)")
                continue
        yield Task(path, settings_for(path), data=stdin_data if path == STDIN else None,
                   use_cache=not args.no_cache, max_bytes=args.max_bytes,
                   keep_source=bool(getattr(args, "report_dir", None)),
                   extract=not args.no_extract)


def _rule_metadata(tasks) -> dict[str, dict]:
    """What the report writers show about each rule of the run: summary, severity, WCAG, help."""
    classes = {}
    for task in tasks:
        for rs in task.settings.rules if task.settings else ():
            classes[rs.rule.id] = type(rs.rule)
    meta = {}
    for rid, cls in sorted(classes.items()):
        docs = cls.docs()
        help_text = [docs["what"]]
        for head in ("why", "bad", "good"):
            if docs[head]:
                help_text.append(f"{head.capitalize()}:\n{docs[head]}")
        help_text.append(f"Configure: [tool.article-audit.rules.{rid}]; details: article-audit explain {rid}")
        meta[rid] = {"summary": cls.summary, "severity": cls.severity.label, "wcag": list(cls.wcag),
                     "description": docs["what"], "help": "\n\n".join(help_text)}
    return meta


def _emit(run: RunResult, args) -> int:
    """Write the report (and the report folder); returns EXIT_ERROR if a report could not be written."""
    from audit.reports import render

    report = run.to_dict()
    status = EXIT_OK
    report_dir = getattr(args, "report_dir", None)
    if report_dir:
        status = _write_report_dir(report, Path(report_dir))
    # The article text is kept for the HTML pages only; the other formats never carry it.
    shown = {**report, "files": [{k: v for k, v in r.items() if k != "source"} for r in report["files"]]}
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY") if args.format == "github" else None
    full_report = (str(Path(report_dir) / "index.html") if report_dir
                   else "the job summary" if summary_file else None)
    stream = sys.stdout
    color = False if args.output else _use_color(args.color, stream)
    text = render(args.format, shown, color=color, full_report=full_report)
    if args.output:
        try:
            write_atomic(Path(args.output), text.encode("utf-8"))
        except OSError as exc:  # the old report, if any, is left whole
            print(f"article-audit: could not write the report {_plain(args.output)}: {exc.strerror or exc}",
                  file=sys.stderr)
            status = EXIT_ERROR
    else:
        stream.write(text)
    if summary_file:
        try:
            with open(summary_file, "a", encoding="utf-8") as handle:
                handle.write(render("markdown", shown))
        except OSError as exc:
            print(f"article-audit: could not write the job summary {summary_file}: {exc}", file=sys.stderr)
            status = EXIT_ERROR
    if args.format == "text" and not args.output:
        return status  # the text report already names each input it could not audit
    for r in run.files:
        if r["status"] == "error":
            print(f"article-audit: could not audit {_plain(r['path'])}: {_plain(r['error'])}", file=sys.stderr)
    return status


def _plain(text) -> str:
    """A file name or message on one line, with no control characters that could restyle the
    terminal or, in CI, start a workflow command on a new line."""
    return "".join("\ufffd" if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in str(text))


def _write_report_dir(report: dict, folder: Path) -> int:
    from audit.reports import report_dir

    try:
        for name, content in report_dir.build(report).items():
            write_atomic(folder / name, content.encode("utf-8"))
    except OSError as exc:
        print(f"article-audit: could not write the report folder {folder}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def cmd_baseline(args) -> int:
    registry = _registry()
    target = Path(args.output)
    try:
        previous = baselines.load(target) if args.update else None
        settings_for = _Settings(args, registry)
        tasks = [Task(path, None, problem) if problem else Task(path, settings_for(path))
                 for path, problem in discover(args.paths)]
    except (ConfigError, baselines.BaselineError) as exc:
        print(f"article-audit: {exc}", file=sys.stderr)
        return EXIT_ERROR
    results = list(run(tasks, jobs=args.jobs))
    data = baselines.record(results, target.resolve().parent, previous)
    baselines.save(data, target)
    known = sum(len(entry["findings"]) for entry in data["files"].values())
    print(f"article-audit: baseline {target}: {known} finding(s) in {len(data['files'])} file(s)"
          + (" (updated: fixed findings dropped)" if args.update else ""))
    failed = [r for r in results if r["status"] == "error"]
    for r in failed:
        print(f"article-audit: could not audit {r['path']}: {r['error']}", file=sys.stderr)
    return EXIT_ERROR if failed else EXIT_OK


def cmd_init(args) -> int:
    target = Path(args.output)
    if target.exists() and not args.force:
        print(f"article-audit: {target} exists; use --force to overwrite", file=sys.stderr)
        return EXIT_ERROR
    text = (PACKAGE / "config" / "starter-config.toml").read_text(encoding="utf-8")
    write_atomic(target, text.encode("utf-8"))
    print(f"article-audit: wrote {target}; edit it, then run 'article-audit check'")
    return EXIT_OK


def cmd_rules(args) -> int:
    from tabulate import tabulate

    from audit.engine.registry import origins

    where = origins()
    rows = [(rid, cls.severity.label, ", ".join(cls.wcag) or "-", cls.summary, where[rid])
            for rid, cls in _registry().items()]
    print(tabulate(rows, headers=("rule", "severity", "WCAG", "summary", "from"), tablefmt="simple"))
    return EXIT_OK


def cmd_explain(args) -> int:
    registry = _registry()
    cls = registry.get(args.rule)
    if cls is None:
        print(f"article-audit: unknown rule {args.rule!r}; known rules: {', '.join(registry)}", file=sys.stderr)
        return EXIT_ERROR
    docs = cls.docs()
    out = [f"{cls.id} ({cls.severity.label})", "", cls.summary, "", docs["what"]]
    if cls.wcag:
        out += ["", "WCAG 2.2: " + ", ".join(f"success criterion {c}" for c in cls.wcag)]
    out += ["", "Why:", docs["why"], "", "Bad:", docs["bad"], "", "Good:", docs["good"]]
    if cls.options:
        out += ["", "Options:"] + [f"  {o.describe()}" for o in cls.options]
    out += ["", f"Configure: [tool.article-audit.rules.{cls.id}] in pyproject.toml"]
    print("\n".join(out))
    return EXIT_OK


def cmd_demo(args) -> int:
    registry = _registry()
    settings = Config().settings_for("demo.txt", registry)
    samples = PACKAGE / "samples"
    results = []
    for item in sorted(samples.iterdir(), key=lambda p: p.name):
        if item.name.endswith((".txt", ".md", ".html")):
            doc = parse(item.name, item.read_text(encoding="utf-8"))
            results.append(audit_document(doc, settings).to_dict())
    run = RunResult(results)
    from audit.reports import render

    sys.stdout.write(render("text", run.to_dict(), color=_use_color("auto", sys.stdout)))
    print(
        "\nThat was article-audit on its bundled samples. On your own files:\n"
        "  article-audit check path/to/article.txt        (or a folder)\n"
        "  article-audit check drafts/ --format json --output report.json\n"
        "  article-audit rules | article-audit explain sentence-length"
    )
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or 0)
    handler = {"check": cmd_check, "baseline": cmd_baseline, "init": cmd_init, "rules": cmd_rules,
               "explain": cmd_explain, "demo": cmd_demo}[args.command]
    try:
        return handler(args)
    except RegistryError as exc:  # a rule plug-in that cannot be loaded: no rule set to audit with
        print(f"article-audit: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("article-audit: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
