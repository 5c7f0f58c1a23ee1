"""What applies to one file and why: each setting's value and where it came from
("FILE:KEY", a command-line option, or "default"), for `article-audit config`.

Built from the same merge as the settings an audit uses (`Config.layers_for`,
`Config.resolve`), so it cannot tell another story.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from audit.config.loader import DEFAULT, Config, shown_path
from audit.engine.rule import Rule
from audit.results.findings import Severity

LANGUAGETOOL_FIELDS = (  # [languagetool] key -> LanguageToolSettings field
    ("mode", "mode"),
    ("server", "server"),
    ("timeout", "timeout"),
    ("categories", "categories"),
    ("disabled-rules", "disabled_rules"),
)


@dataclass(frozen=True)
class Entry:
    key: str  # as it is written in a config file: "fail-on", "max-words"
    value: Any  # as TOML would hold it: strings, numbers, booleans, lists, tables; None: not set
    origin: str  # "FILE:KEY", "--FLAG" or "default"


@dataclass
class Provenance:
    config: str | None  # the config file, as reports name it; None: built-in defaults
    overrides: list[str] = field(default_factory=list)  # the overrides that apply, with their paths
    settings: list[Entry] = field(default_factory=list)
    rules: dict[str, list[Entry]] = field(default_factory=dict)  # per rule: "enabled", then severity and options


def explain(
    config: Config,
    path: str | None,
    registry: Mapping[str, type[Rule]],
    *,
    profile: str | None = None,
    **chosen: Any,
) -> Provenance:
    """The settings `config` gives `path` (None: before any override), and their origins.
    `chosen`: the command line's select, ignore, fail_on and min_severity."""
    layers, matching = config.layers_for(path, profile)
    merged = config.resolve(layers, registry, **chosen)
    origins = merged.origins
    shown = shown_path(config.path) if config.path else None
    overrides = config.overrides_of(profile)
    out = Provenance(shown)
    out.overrides = [f"{overrides[n].layer.prefix.rstrip('.')} ({', '.join(overrides[n].paths)})" for n in matching]

    def from_file(name: str) -> str:
        return f"{shown}:{config.keys[name]}" if name in config.keys else DEFAULT

    out.settings = [
        Entry("fail-on", merged.fail_on, origins.get("fail-on", DEFAULT)),
        Entry("min-severity", merged.min_severity, origins.get("min-severity", DEFAULT)),
        Entry("language", config.language, from_file("language")),
    ]
    for key, attribute in LANGUAGETOOL_FIELDS:
        value = getattr(config.languagetool, attribute)
        value = dict(value) if key == "categories" else value
        out.settings.append(Entry(f"languagetool.{key}", _toml(value), from_file(f"languagetool.{key}")))
    for rid in sorted(registry):
        cls = registry[rid]
        enabled = rid in merged.enabled
        entries = [Entry("enabled", enabled, origins.get(f"rules.{rid}", DEFAULT))]
        if enabled:
            values = {"severity": cls.severity, **cls.defaults(), **merged.per_rule.get(rid, {})}
            entries += [
                Entry(name, _toml(value), origins.get(f"rules.{rid}.{name}", DEFAULT)) for name, value in values.items()
            ]
        out.rules[rid] = entries
    return out


def _toml(value: Any) -> Any:
    """A setting's value as the config file would write it."""
    if isinstance(value, Severity):
        return value.label
    if isinstance(value, (tuple, list)):
        return [_toml(v) for v in value]
    if isinstance(value, dict):
        return {k: _toml(v) for k, v in value.items()}
    return value
