"""`article-audit init`: write the commented starter config, with a profile if asked, and
say how an existing archive can gate only new findings."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from audit.batch.inputs import discover
from audit.cli.output import Stop, plain
from audit.config.loader import builtin_profiles
from audit.results.exit_codes import ExitCode
from audit.storage.cache import write_atomic

PROFILE_LINE = '# profile = "default"'


def cmd_init(args) -> ExitCode:
    target = Path(args.output)
    if target.exists() and not args.force:
        raise Stop(ExitCode.ERROR, f"{plain(target)} exists; use --force to overwrite")
    if args.profile is not None and args.profile not in builtin_profiles():
        raise Stop(ExitCode.ERROR, f"no built-in profile {args.profile!r}; built in: {', '.join(builtin_profiles())}")
    text = files("audit.config").joinpath("starter-config.toml").read_text(encoding="utf-8")
    if args.profile is not None:
        text = text.replace(PROFILE_LINE, f'profile = "{args.profile}"')
    write_atomic(target, text.encode("utf-8"))
    print(f"article-audit: wrote {plain(target)}; edit it, then run 'article-audit check'")
    folder = target.parent
    articles = sum(1 for _, problem in discover([str(folder)]) if not problem)
    if articles:
        print(
            f"article-audit: {articles} article(s) here already. To fail only on new findings, record "
            f"today's once:\n  article-audit baseline {plain(folder)}\n"
            f"  article-audit check {plain(folder)} --baseline .article-audit-baseline.json"
        )
    return ExitCode.OK
