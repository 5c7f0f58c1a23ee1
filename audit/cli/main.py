"""The `article-audit` command: its options, and which command module runs each subcommand.

Exit codes (audit.results.exit_codes.ExitCode): 0 every article passed; 1 an article
failed the gate; 2 a usage or configuration error, or an input that could not be
audited (the rest still are); 130 interrupted.
"""

from __future__ import annotations

import argparse
import math
import sys

from audit import __version__
from audit.batch.inputs import DEFAULT_MAX_BYTES
from audit.batch.runner import default_jobs
from audit.cli.baseline import cmd_baseline
from audit.cli.check import cmd_check
from audit.cli.config import cmd_config
from audit.cli.demo import cmd_demo
from audit.cli.init import cmd_init
from audit.cli.lsp import cmd_lsp
from audit.cli.output import Stop, drop_stdout, output_may_close, say
from audit.cli.rules import cmd_explain, cmd_rules
from audit.cli.serve import cmd_serve
from audit.cli.vale import add_parser as add_vale_parser
from audit.cli.vale import cmd_vale
from audit.config.loader import FAIL_ON, MIN_SEVERITY
from audit.engine.registry import RegistryError
from audit.results.exit_codes import ExitCode
from audit.workflow import baseline as baselines

DEFAULT_BASELINE = baselines.DEFAULT_PATH
COMMANDS = {
    "check": cmd_check,
    "baseline": cmd_baseline,
    "init": cmd_init,
    "config": cmd_config,
    "rules": cmd_rules,
    "explain": cmd_explain,
    "demo": cmd_demo,
    "lsp": cmd_lsp,
    "serve": cmd_serve,
    "vale": cmd_vale,
}


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be a whole number of at least 1")
    return number


def _format_file(value: str) -> tuple[str, str]:
    from audit.reports import FORMATS

    fmt, sep, path = value.partition("=")
    if not sep or not path:
        raise argparse.ArgumentTypeError(f"expected FORMAT=FILE, e.g. sarif=out.sarif (got {value!r})")
    if fmt not in FORMATS:
        raise argparse.ArgumentTypeError(f"unknown format {fmt!r}; allowed: {', '.join(FORMATS)}")
    return fmt, path


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not (math.isfinite(number) and number > 0):
        raise argparse.ArgumentTypeError("must be a number of seconds above 0")
    return number


def _rule_list(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _config_options(command: argparse.ArgumentParser, config_help: str = "config file") -> None:
    """--config FILE, or --isolated for none: one or the other (as ruff has them)."""
    which = command.add_mutually_exclusive_group()
    which.add_argument("--config", metavar="FILE", help=config_help)
    which.add_argument(
        "--isolated", action="store_true", help="use no config file: the built-in defaults and the options given"
    )


def _walk_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PATTERN",
        help="leave out of folder walks what matches this gitignore-style pattern, relative to the working "
        "folder (repeatable; files git ignores are always left out; a file named here is always audited)",
    )


PROFILE_HELP = "apply a profile: built in (default, strict, wcag-aaa, docs) or [profiles.NAME] from the config"


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
    check.add_argument(
        "paths",
        nargs="*",
        default=["."],
        metavar="PATH",
        help="files or folders (.txt, .md, .markdown, .html, .htm); - reads standard input",
    )
    check.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="read standard input (-) as the file PATH: its format, its configuration, its name in the report "
        "(without it, standard input is plain text)",
    )
    check.add_argument("--format", default="text", choices=FORMATS, help="output format (default: text)")
    check.add_argument("--output", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument(
        "--output-format",
        dest="output_formats",
        type=_format_file,
        action="append",
        default=[],
        metavar="FORMAT=FILE",
        help="also write the report in FORMAT to FILE (repeatable), so CI audits once, e.g. "
        "--format github --output-format sarif=article-audit.sarif",
    )
    check.add_argument(
        "--max-results",
        type=_positive_int,
        default=5000,
        metavar="N",
        help="most results in a SARIF report, errors first; what is left out is named in it (default: 5000, "
        "what GitHub code scanning shows)",
    )
    check.add_argument(
        "--report-dir",
        metavar="DIR",
        help="also write per-article HTML, Markdown and JSON reports and an index.html into DIR",
    )
    check.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that fails an article (default: error)")
    check.add_argument("--select", type=_rule_list, metavar="RULES", help="only these rules (comma separated)")
    check.add_argument("--ignore", type=_rule_list, default=(), metavar="RULES", help="skip these rules")
    _config_options(
        check,
        "config file (default: the nearest .article-audit.toml or pyproject.toml with [tool.article-audit], "
        "up to the repository root)",
    )
    _walk_options(check)
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour in text output (default: auto; NO_COLOR disables)",
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_positive_int,
        default=default_jobs(),
        metavar="N",
        help=f"worker processes (default: all cores, here {default_jobs()})",
    )
    check.add_argument(
        "--no-cache", action="store_true", help="do not read or write the result cache (in the user cache folder)"
    )
    check.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"larger inputs are reported as too large (default: {DEFAULT_MAX_BYTES:,})",
    )
    check.add_argument(
        "--no-extract",
        action="store_true",
        help="in web pages, audit all the text, not only the main content (the article)",
    )
    check.add_argument(
        "--require-grammar",
        action="store_true",
        help="exit 2 when LanguageTool (the grammar rule) is not set up or did not check every article",
    )
    check.add_argument(
        "--executor",
        choices=("local", "dask"),
        default="local",
        help="where to run: local processes, or a Dask cluster (pip install 'article-audit[dask]')",
    )
    check.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)",
    )
    check.add_argument(
        "--worker-timeout",
        type=_seconds,
        default=60.0,
        metavar="SECONDS",
        help="with --executor dask: stop when no worker has been connected for this long; "
        "what came back is reported as partial (default: 60)",
    )

    check.add_argument(
        "--add-words",
        metavar="FILE",
        help="append the run's unknown words (spelling findings) to this vocabulary file, "
        "sorted, each once; name it in the config as vocabulary-file to accept them",
    )
    gate = check.add_argument_group("gating what changed")
    gate.add_argument("--baseline", metavar="FILE", help="report and gate only findings not in this baseline")
    gate.add_argument("--changed-since", metavar="REF", help="audit only files changed since this git ref")
    gate.add_argument(
        "--changed-lines",
        action="store_true",
        help="with --changed-since: only findings on changed lines (article-level ones always)",
    )
    gate.add_argument(
        "--min-severity", choices=MIN_SEVERITY, help="hide findings below this severity (the gate still counts them)"
    )
    gate.add_argument("--profile", metavar="NAME", help=PROFILE_HELP)
    gate.add_argument(
        "--report-unused-suppressions", action="store_true", help="report suppression comments that silence nothing"
    )
    fixing = check.add_argument_group("fixes")
    fixing.add_argument("--fix", action="store_true", help="apply safe mechanical fixes in place")
    fixing.add_argument(
        "--unsafe", action="store_true", help="with --fix or --diff: also wording fixes (jargon, wordy phrases)"
    )
    fixing.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change nothing")

    base = sub.add_parser("baseline", help="record current findings so only new ones gate a merge")
    base.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    base.add_argument(
        "--output", default=DEFAULT_BASELINE, metavar="FILE", help=f"baseline file (default: {DEFAULT_BASELINE})"
    )
    base.add_argument(
        "--update", action="store_true", help="drop findings that are gone from an existing baseline; add nothing new"
    )
    _config_options(base)
    _walk_options(base)
    base.add_argument("--profile", metavar="NAME", help=PROFILE_HELP)
    base.add_argument("--jobs", "-j", type=_positive_int, default=default_jobs(), metavar="N")

    config = sub.add_parser(
        "config",
        help="print the settings that apply to a file, and where each came from",
        description="Print the config file that applies to PATH and each setting's value and origin "
        "(FILE:KEY, a command-line option, or default).",
    )
    config.add_argument("path", nargs="?", default=".", metavar="PATH", help="a file or folder (default: .)")
    _config_options(config)
    config.add_argument("--profile", metavar="NAME", help=PROFILE_HELP)
    config.add_argument("--format", default="text", choices=("text", "json"), help="output format (default: text)")

    init = sub.add_parser("init", help="write a commented starter config (.article-audit.toml)")
    init.add_argument("--output", default=".article-audit.toml", metavar="FILE")
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    init.add_argument(
        "--profile", metavar="NAME", help="the profile the config applies (built in: default, strict, wcag-aaa, docs)"
    )

    sub.add_parser("rules", help="list the rules")
    explain = sub.add_parser("explain", help="print one rule's documentation and options")
    explain.add_argument("rule", metavar="RULE")
    sub.add_parser("demo", help="audit the sample articles that ship with the tool")
    sub.add_parser("lsp", help="run the language server for editors (standard input and output)")
    serve = sub.add_parser(
        "serve",
        help="a local web page to paste a draft into, checked as you type",
        description="Serve a page on this computer where a draft is checked as you type, with this folder's "
        "configuration. Reads and writes no file; see docs/serve.md.",
    )
    serve.add_argument("--port", type=int, default=0, metavar="N", help="port (default: a free one, printed)")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="HOST",
        help="address to listen on (default: 127.0.0.1, this computer only)",
    )
    serve.add_argument("--open", action="store_true", help="open the page in the web browser")
    _config_options(serve)
    serve.add_argument("--profile", metavar="NAME", help=PROFILE_HELP)
    add_vale_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or ExitCode.OK)
    try:
        code = COMMANDS[args.command](args)
        with output_may_close():  # what is still buffered, while a closed pipe can be met quietly
            sys.stdout.flush()
        return code
    except Stop as stop:
        if stop.message:
            say(stop.message)
        return stop.code
    except RegistryError as exc:  # a rule plug-in that cannot be loaded: no rule set to audit with
        say(str(exc))
        return ExitCode.ERROR
    except KeyboardInterrupt:
        say("interrupted")
        return ExitCode.INTERRUPTED
    except BrokenPipeError:  # a listing (`rules | head`) whose reader left: `check` handles its own
        drop_stdout()
        return ExitCode.OK
