"""`article-audit rules` lists the rules; `article-audit explain RULE` prints one rule's
documentation and options."""

from __future__ import annotations

from audit.cli.output import Stop
from audit.cli.settings import registry
from audit.results.exit_codes import ExitCode


def cmd_rules(args) -> ExitCode:
    from tabulate import tabulate

    from audit.engine.registry import origins

    where = origins()
    rows = [
        (rid, cls.severity.label, ", ".join(cls.wcag) or "-", cls.summary, where[rid])
        for rid, cls in registry().items()
    ]
    config, vale_rules = _vale_rules()
    rows += [(name, meta["severity"], "-", meta["summary"], config) for name, meta in vale_rules.items()]
    print(tabulate(rows, headers=("rule", "severity", "WCAG", "summary", "from"), tablefmt="simple"))
    return ExitCode.OK


def _vale_rules() -> tuple[str, dict[str, dict]]:
    """The Vale rules of the project's `vale-config` (from the working folder's config),
    by name, with what reports show of them; none without one."""
    from pathlib import Path

    from audit.config import loader
    from audit.vale.checks import StyleError
    from audit.vale.rule import ValeStyles

    found = loader.find(Path.cwd().resolve())
    if found is None:
        return "", {}
    try:
        vale_config = loader.load(found, registry()).vale_config
        if vale_config is None:
            return "", {}
        return str(vale_config), ValeStyles(str(vale_config)).metadata()
    except (loader.ConfigError, StyleError, ValueError) as error:
        raise Stop(ExitCode.ERROR, str(error)) from None


def cmd_explain(args) -> ExitCode:
    rules = registry()
    cls = rules.get(args.rule)
    if cls is None and "." in args.rule:
        config, vale_rules = _vale_rules()
        meta = vale_rules.get(args.rule)
        if meta is not None:
            print(
                f"{args.rule} ({meta['severity']})\n\n{meta['summary']}\n\nA Vale rule of {config}; "
                f"run by vale-styles.\n\nSee: {meta['help']}"
            )
            return ExitCode.OK
    if cls is None:
        raise Stop(ExitCode.ERROR, f"unknown rule {args.rule!r}; known rules: {', '.join(rules)}")
    docs = cls.docs()
    out = [f"{cls.id} ({cls.severity.label})", "", cls.summary, "", docs["what"]]
    if cls.wcag:
        out += ["", "WCAG 2.2: " + ", ".join(f"success criterion {c}" for c in cls.wcag)]
    out += ["", "Why:", docs["why"], "", "Bad:", docs["bad"], "", "Good:", docs["good"]]
    if cls.options:
        out += ["", "Options:"] + [f"  {o.describe()}" for o in cls.options]
    out += ["", f"Configure: [tool.article-audit.rules.{cls.id}] in pyproject.toml"]
    print("\n".join(out))
    return ExitCode.OK
