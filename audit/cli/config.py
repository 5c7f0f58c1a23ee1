"""`article-audit config [PATH]`: the config file that applies to PATH, and each setting's
value and where it came from (FILE:KEY, a command-line option, or default)."""

from __future__ import annotations

import json
import os

from audit.cli.output import Stop, plain, say
from audit.cli.settings import registry, settings_per_file
from audit.config import provenance
from audit.config.loader import ConfigError
from audit.engine.auditor import STDIN
from audit.results.exit_codes import ExitCode

VALUE_WIDTH = 40  # characters of a value in the text table


def cmd_config(args) -> ExitCode:
    rules = registry()
    folder = _folder(args)
    try:
        settings_for = settings_per_file(args, rules)
        config = settings_for.config_for(os.path.join(args.path, "") if folder else args.path)
        found = provenance.explain(config, None if folder else args.path, rules, profile=args.profile)
    except ConfigError as exc:
        raise Stop(ExitCode.ERROR, f"configuration error: {exc}") from None
    for warning in config.warnings:  # what the file accepts but cannot mean (a glob matching nothing)
        say(f"warning: {plain(warning)}")
    print(_json(found, args) if args.format == "json" else _text(found, args))
    return ExitCode.OK


def _source(found: provenance.Provenance, args) -> str:
    if found.config is not None:
        return found.config + (" (--config)" if args.config else "")
    if args.isolated:
        return "built-in defaults (--isolated)"
    return "built-in defaults (no config file in the folder or above it, up to the repository root)"


def _text(found: provenance.Provenance, args) -> str:
    from tabulate import tabulate

    lines = [f"path: {plain(args.path)}" + (" (a folder: overrides by file path not applied)" if _folder(args) else "")]
    lines.append(f"config: {plain(_source(found, args))}")
    if args.profile:
        lines.append(f"profile: {args.profile}")
    if found.overrides:
        lines.append("overrides: " + "; ".join(found.overrides))
    rows = [(e.key, _value(e.value), e.origin) for e in found.settings]
    for rid, entries in found.rules.items():
        enabled, *rest = entries
        rows.append((f"rules.{rid}", "on" if enabled.value else "off", enabled.origin))
        rows += [(f"rules.{rid}.{e.key}", _value(e.value), e.origin) for e in rest]
    table = tabulate([(k, plain(v), plain(o)) for k, v, o in rows], headers=("setting", "value", "from"))
    return "\n".join([*lines, "", table])


def _folder(args) -> bool:
    """A folder: the config its files get, before the overrides that match a file's own path."""
    return args.path != STDIN and os.path.isdir(args.path)


def _value(value) -> str:
    """A value as TOML writes it (a long list cut short; the JSON format has it whole);
    a setting left unset as "(not set)"."""
    if value is None:
        return "(not set)"
    text = json.dumps(value, ensure_ascii=False)
    if isinstance(value, list) and len(text) > VALUE_WIDTH:
        shown = []
        for item in value:
            if len(json.dumps([*shown, item, "…"], ensure_ascii=False)) > VALUE_WIDTH:
                break
            shown.append(item)
        text = json.dumps(shown, ensure_ascii=False)[:-1] + (", " if shown else "") + f"…] ({len(value)} items)"
    return text


def _json(found: provenance.Provenance, args) -> str:
    def entry(e: provenance.Entry) -> dict:
        return {"value": e.value, "from": e.origin}

    data = {
        "path": args.path,
        "config": found.config,
        "profile": args.profile,
        "overrides": found.overrides,
        "settings": {e.key: entry(e) for e in found.settings},
        "rules": {rid: {e.key: entry(e) for e in entries} for rid, entries in found.rules.items()},
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
