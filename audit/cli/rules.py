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
    print(tabulate(rows, headers=("rule", "severity", "WCAG", "summary", "from"), tablefmt="simple"))
    return ExitCode.OK


def cmd_explain(args) -> ExitCode:
    rules = registry()
    cls = rules.get(args.rule)
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
