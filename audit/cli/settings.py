"""What the commands hand the layers below: the rules, and each file's settings from the
command line's options."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from audit.batch.tasks import Task
from audit.config.per_folder import PerFolderSettings
from audit.engine.rule import Rule
from audit.engine.rule_metadata import rule_metadata


def registry() -> Mapping[str, type[Rule]]:
    """The rules, by id: the one place the commands get them from."""
    from audit.engine.registry import registry as rules_registry

    return rules_registry()


def settings_per_file(args, rules: Mapping[str, type[Rule]]) -> PerFolderSettings:
    """Each file's settings: `--config`, none with `--isolated`, or the nearest config,
    with the options on top (`baseline` and `config` have fewer options than `check`:
    those they lack keep their defaults)."""
    return PerFolderSettings(
        rules,
        config=Path(args.config) if args.config else None,
        select=getattr(args, "select", None),
        ignore=tuple(getattr(args, "ignore", ())),
        fail_on=getattr(args, "fail_on", None),
        min_severity=getattr(args, "min_severity", None),
        profile=args.profile,
        report_unused_suppressions=getattr(args, "report_unused_suppressions", False),
        isolated=args.isolated,
        exclude=tuple(getattr(args, "exclude", ()) or ()),
    )


def rules_of_run(tasks: Iterable[Task]) -> dict[str, dict]:
    """What the report writers show about each rule the tasks run (and about the rules
    inside one, as the Vale styles of `vale-styles`)."""
    tasks = list(tasks)
    shown = rule_metadata(type(rs.rule) for task in tasks if task.settings for rs in task.settings.rules)
    inner = {id(rs.rule): rs.rule for task in tasks if task.settings for rs in task.settings.rules}
    for rule in inner.values():
        shown.update(getattr(rule, "metadata", dict)())
    return dict(sorted(shown.items()))
