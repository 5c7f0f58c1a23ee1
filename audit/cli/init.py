"""`article-audit init`: write the commented starter config."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from audit.cli.output import Stop
from audit.results.exit_codes import ExitCode
from audit.storage.cache import write_atomic


def cmd_init(args) -> ExitCode:
    target = Path(args.output)
    if target.exists() and not args.force:
        raise Stop(ExitCode.ERROR, f"{target} exists; use --force to overwrite")
    text = files("audit.config").joinpath("starter-config.toml").read_text(encoding="utf-8")
    write_atomic(target, text.encode("utf-8"))
    print(f"article-audit: wrote {target}; edit it, then run 'article-audit check'")
    return ExitCode.OK
