"""`article-audit vale [PATH ...]`: a project's Vale styles run as Vale runs them,
with Vale's flags, output formats and exit codes (docs/vale.md)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from audit.cli.output import say
from audit.results.exit_codes import ExitCode


def add_parser(sub) -> None:
    vale = sub.add_parser(
        "vale",
        help="run a project's Vale styles (.vale.ini) as Vale does",
        description="Lint files with the styles a .vale.ini enables, as Vale would.",
    )
    vale.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files and folders; an argument that is neither is linted as text (none: standard input)",
    )
    vale.add_argument("--config", help="the .vale.ini to use (default: found from the working folder upward)")
    vale.add_argument("--output", default="CLI", help="line, JSON or CLI (default)")
    vale.add_argument("--sort", action="store_true", help="sort files by path")
    vale.add_argument("--relative", action="store_true", help="print paths relative to the working folder")
    vale.add_argument("--minAlertLevel", choices=("suggestion", "warning", "error"), help="the lowest level shown")
    vale.add_argument("--no-exit", action="store_true", help="exit 0 even with error-level alerts")
    vale.add_argument("--glob", default="*", help="lint only the files this glob matches (default: all)")
    vale.add_argument("--ext", default=".txt", help="the format of standard input, by extension (default .txt)")
    vale.add_argument("--path", help="the path standard input stands for, for the config's sections")
    vale.add_argument("--ignore-syntax", action="store_true", help="read every file as plain text")
    vale.add_argument("--normalize", action="store_true", help="print paths with forward slashes")
    vale.add_argument("--no-global", action="store_true", help="ignore the global configuration (there is none)")
    vale.add_argument("--no-wrap", action="store_true", help="accepted for Vale compatibility (nothing is wrapped)")


def cmd_vale(args: argparse.Namespace) -> int:
    from audit.vale import ini, run
    from audit.vale.checks import StyleError
    from audit.vale.output import FORMATS
    from audit.vale.regex import PatternError

    formatter = FORMATS.get(args.output)
    if formatter is None:
        say(f"vale: --output {args.output}: one of line, JSON, CLI")
        return ExitCode.ERROR
    try:
        config_path = Path(args.config) if args.config else ini.find(Path.cwd())
        if config_path is None:
            say("vale: no .vale.ini found in the working folder or above it (give one with --config)")
            return ExitCode.ERROR
        config = ini.read(config_path)
        options = {"min_level": args.minAlertLevel, "plain": args.ignore_syntax}
        paths = [Path(p) for p in args.paths if Path(p).exists()]
        texts = [p for p in args.paths if not Path(p).exists()]  # as Vale: not a path, so text to lint
        reports = run.lint_paths(config, paths, glob=args.glob, relative=args.relative, **options) if paths else []
        for text in texts:
            reports.append(run.lint_stdin(config, text, args.ext, path=args.path, **options))
        if not args.paths and sys.stdin.isatty():
            say("vale: give files, folders or a text to lint, or pipe a text to standard input")
            return ExitCode.ERROR
        if not args.paths:
            reports.append(run.lint_stdin(config, sys.stdin.read(), args.ext, path=args.path, **options))
    except (ini.ConfigError, StyleError, PatternError) as error:
        say(f"vale: {error}")
        return ExitCode.ERROR
    reports = [r for r in reports if r is not None]
    if args.sort:
        reports.sort(key=lambda r: r.path)
    for warning in config.warnings:
        say(f"vale: {warning}")
    warned: set[str] = set()
    for report in reports:
        if args.normalize:
            report.path = report.path.replace(os.sep, "/")
        for warning in report.warnings:
            if warning not in warned:  # a skipped rule is said once, not once per file
                warned.add(warning)
                say(f"vale: {warning}")
    sys.stdout.write(formatter(reports))
    if any(r.failed for r in reports):
        return ExitCode.ERROR  # as Vale: a file that cannot be read is a runtime error
    errors = any(a.severity == "error" for r in reports for a in r.alerts)
    return ExitCode.FAILED if errors and not args.no_exit else ExitCode.OK
