"""Configuration: `[tool.article-audit]` in pyproject.toml or a `.article-audit.toml`.

Found from the audited file's folder upward (the first folder holding either file
with our settings wins; the search ends at the enclosing repository's root), or given
with `--config`. Everything is validated against the rule registry; a wrong key, value
or type raises ConfigError naming the file, the key and what is allowed. Config files
are data: nothing in them is executed.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from audit.engine.rule import Rule
from audit.engine.settings import RuleSettings, Settings
from audit.language import vocabulary
from audit.language.languagetool import LanguageToolSettings
from audit.results.findings import SEVERITY_NAMES, Severity

CONFIG_NAMES = (".article-audit.toml", "pyproject.toml")
# A folder holding one of these is a repository's root: the search for a config stops
# there, so a stray file in a shared parent folder (/tmp, a home folder) never applies.
REPOSITORY_MARKERS = (".git", ".hg", ".svn")
DEFAULT = "default"  # where a setting came from when no file set it
FAIL_ON = (*SEVERITY_NAMES, "never")
MIN_SEVERITY = SEVERITY_NAMES
LANGUAGES = ("en", "en-US", "en-GB", "en-CA", "en-AU")
TOP_LEVEL_KEYS = (
    "select",
    "ignore",
    "fail-on",
    "min-severity",
    "language",
    "rules",
    "overrides",
    "profiles",
    "require-suppression-reason",
    "languagetool",
    "exclude",
    "profile",
    "vocabulary",
    "vocabulary-file",
    "vale-config",
)
VALE_CONFIG_NAMES = (".vale.ini", "_vale.ini")  # found beside the config file when vale-config is not set
LANGUAGETOOL_KEYS = ("mode", "server", "timeout", "categories", "disabled-rules")
LANGUAGETOOL_MODES = ("auto", "server", "local", "off")
CATEGORY_SEVERITIES = (*SEVERITY_NAMES, "off")
OVERRIDE_KEYS = ("paths", "select", "ignore", "fail-on", "min-severity", "rules")
PROFILE_KEYS = ("select", "ignore", "fail-on", "min-severity", "rules", "overrides")


class ConfigError(Exception):
    pass


@dataclass
class Layer:
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    min_severity: str | None = None
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    prefix: str = ""  # how its keys are written in the file, e.g. "tool.article-audit.overrides[0]."
    # Settings written under another key, e.g. "rules.suppression.require-reason" as
    # "require-suppression-reason" (without the prefix).
    aliases: dict[str, str] = field(default_factory=dict)
    source: str | None = None  # where origins name it from, if not the config file ("built-in")


@dataclass
class Resolved:
    """The layers of one file's settings merged, and where each value came from:
    `origins` maps "fail-on", "min-severity", "rules.ID" (enabled or not) and
    "rules.ID.OPTION" to "FILE:KEY", "--FLAG" or DEFAULT."""

    enabled: set[str]
    fail_on: str
    min_severity: str
    per_rule: dict[str, dict[str, Any]]
    origins: dict[str, str]


@dataclass
class Override:
    patterns: tuple[re.Pattern[str], ...]
    layer: Layer
    paths: tuple[str, ...] = ()  # the globs as written


@dataclass
class Config:
    path: Path | None = None  # the file it came from; None for built-in defaults
    base: Layer = field(default_factory=Layer)
    language: str = "en"
    languagetool: LanguageToolSettings = field(default_factory=LanguageToolSettings)
    vale_config: Path | None = None  # the .vale.ini whose styles run as the rule vale-styles
    overrides: list[Override] = field(default_factory=list)
    profiles: dict[str, tuple[Layer, list[Override]]] = field(default_factory=dict)
    # The profile that applies when the command line names none (`profile = "strict"`).
    profile: str | None = None
    # Paths a folder's walk leaves out (gitignore syntax, relative to the file's folder).
    exclude: tuple[str, ...] = ()
    # Base settings outside the layers ("language", "languagetool.mode"...) -> their key in the file.
    keys: dict[str, str] = field(default_factory=dict)
    # What is accepted but cannot be meant (an override glob that matches no file): said, not refused.
    warnings: list[str] = field(default_factory=list)
    _settings: dict[tuple, Settings] = field(default_factory=dict, repr=False, compare=False)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def settings_for(
        self,
        path: str,
        registry: Mapping[str, type[Rule]],
        *,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
        fail_on: str | None = None,
        min_severity: str | None = None,
        profile: str | None = None,
        report_unused_suppressions: bool = False,
    ) -> Settings:
        """Merge defaults < config < profile < matching overrides < command line for one file."""
        layers, matching = self.layers_for(path, profile)
        # Files that match the same overrides share one Settings object (cheaper, and the
        # result cache fingerprints it once).
        memo_key = (id(registry), select, ignore, fail_on, min_severity, profile, report_unused_suppressions, matching)
        if memo_key in self._settings:
            return self._settings[memo_key]
        merged = self.resolve(
            layers, registry, select=select, ignore=ignore, fail_on=fail_on, min_severity=min_severity
        )
        if not merged.enabled:  # a run that checks nothing must not pass
            raise ConfigError(
                f"{path}: no rule is enabled, so nothing would be checked (rules chosen by {_what_selected(merged.origins)})"
            )
        rules = []
        for rid in sorted(merged.enabled):
            cls = registry[rid]
            values = dict(merged.per_rule.get(rid, {}))
            severity = values.pop("severity", cls.severity)
            rules.append(RuleSettings(cls(), severity, {**cls.defaults(), **values}))
        if self.vale_config is not None:
            from audit.vale.rule import ValeStyles  # only a project with Vale styles loads them

            rules.append(RuleSettings(ValeStyles(str(self.vale_config)), ValeStyles.severity, {}))
        settings = Settings(
            tuple(rules),
            merged.fail_on,
            self.language,
            report_unused_suppressions,
            merged.min_severity,
            self.languagetool,
            shown_path(self.path) if self.path else None,
        )
        self._settings[memo_key] = settings
        return settings

    def layers_for(self, path: str | None, profile: str | None = None) -> tuple[list[Layer], tuple[int, ...]]:
        """The layers that apply to `path`, lowest first, and which of `overrides_of(profile)`
        (by number) match it. With no `path`, no override applies."""
        layers = [self.base]
        profile = profile if profile is not None else self.profile
        if profile is not None:
            layers.append(self._profile(profile)[0])
        overrides = self.overrides_of(profile)
        matching = tuple(
            n for n, o in enumerate(overrides) if path is not None and _matches(o.patterns, path, self.root)
        )
        return layers + [overrides[n].layer for n in matching], matching

    def overrides_of(self, profile: str | None) -> list[Override]:
        """The file's overrides, then the profile's."""
        profile = profile if profile is not None else self.profile
        return self.overrides + (self._profile(profile)[1] if profile is not None else [])

    def _profile(self, profile: str) -> tuple[Layer, list[Override]]:
        """The file's own profile of that name, else the built-in one."""
        if profile in self.profiles:
            return self.profiles[profile]
        builtin = builtin_profiles()
        if profile in builtin:
            return builtin[profile]
        where = self.path or "the configuration"
        known = ", ".join(sorted(self.profiles)) or "none"
        raise ConfigError(
            f"{where}: profiles: no profile {profile!r}; defined in the file: {known}; built in: {', '.join(builtin)}"
        )

    def resolve(
        self,
        layers: list[Layer],
        registry: Mapping[str, type[Rule]],
        *,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
        fail_on: str | None = None,
        min_severity: str | None = None,
    ) -> Resolved:
        """The layers merged, then the command line's choices on top."""
        enabled = {rid for rid, cls in registry.items() if cls.enabled_by_default}
        merged = Resolved(enabled, "error", "info", {}, {})
        origins = merged.origins
        shown = shown_path(self.path) if self.path else ""
        for layer in layers:
            where = f"{layer.source or shown}:{layer.prefix}"
            if layer.select is not None:
                merged.enabled = _expand(layer.select, registry)
                origins.update(dict.fromkeys((f"rules.{rid}" for rid in registry), where + "select"))
            ignored = _expand(layer.ignore, registry)
            merged.enabled -= ignored
            origins.update(dict.fromkeys((f"rules.{rid}" for rid in ignored), where + "ignore"))
            if layer.fail_on:
                merged.fail_on, origins["fail-on"] = layer.fail_on, where + "fail-on"
            if layer.min_severity:
                merged.min_severity, origins["min-severity"] = layer.min_severity, where + "min-severity"
            for rid, values in layer.rules.items():
                merged.per_rule.setdefault(rid, {}).update(values)
                for key in (f"rules.{rid}.{name}" for name in values):
                    origins[key] = where + layer.aliases.get(key, key)
        if select is not None:
            merged.enabled = _expand(select, registry)
            origins.update(dict.fromkeys((f"rules.{rid}" for rid in registry), "--select"))
        ignored = _expand(ignore, registry)
        merged.enabled -= ignored
        origins.update(dict.fromkeys((f"rules.{rid}" for rid in ignored), "--ignore"))
        if fail_on:
            merged.fail_on, origins["fail-on"] = fail_on, "--fail-on"
        if min_severity:
            merged.min_severity, origins["min-severity"] = min_severity, "--min-severity"
        return merged


def shown_path(path: Path) -> str:
    """A config file's path as reports name it: relative to the working folder when it
    lies inside it, absolute otherwise."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # another drive (Windows)
        return absolute
    return absolute if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative


def _what_selected(origins: Mapping[str, str]) -> str:
    """The settings that chose the rules, for a message: "--select and --ignore"."""
    chose = sorted({origin for key, origin in origins.items() if key.count(".") == 1 and key.startswith("rules.")})
    return " and ".join(chose) or "the selection"


def _expand(names: tuple[str, ...], registry: Mapping[str, type[Rule]]) -> set[str]:
    if "all" in names:
        return set(registry)
    return set(names)


def _matches(patterns: tuple[re.Pattern[str], ...], path: str, root: Path) -> bool:
    p = Path(path)
    try:
        rel = p.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # outside the root, or a symbolic link loop
        rel = p.as_posix()
    return any(pat.fullmatch(rel) for pat in patterns)


def glob_to_regex(pattern: str) -> re.Pattern[str]:
    """A path glob: `*` within a folder, `**` across folders, `?` one character."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def glob_problem(pattern: str) -> str | None:
    """Why a path glob can never match a file of the config's folder (None if it can):
    globs are matched against paths relative to that folder, and brackets and other
    characters but `*`, `**` and `?` stand for themselves. (An unbalanced bracket could
    match a name holding it, but is far likelier a character class that never was.)"""
    if not pattern:
        return "is empty, so it matches no file"
    if pattern.startswith("/") or re.match(r"[A-Za-z]:[\\/]", pattern):
        return "is absolute, but globs match paths relative to the config file's folder: it matches no file"
    if ".." in pattern.replace("\\", "/").split("/"):
        return "climbs out of the config file's folder (..), but globs match paths inside it: it matches no file"
    if pattern.count("[") != pattern.count("]"):
        return (
            "has an unbalanced bracket; brackets match themselves (there are no character classes), "
            "so it matches only a name holding that bracket"
        )
    return None


# Loading and validation ----------------------------------------------------


def _fail(path: Path, key: str, problem: str) -> ConfigError:
    return ConfigError(f"{path}: {key}: {problem}")


def _string_list(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, key, 'expected a list of rule ids, e.g. ["sentence-length"]')
    return tuple(value)


def _rule_ids(path: Path, key: str, ids: tuple[str, ...], registry: Mapping[str, type[Rule]]) -> None:
    for rid in ids:
        if rid != "all" and rid not in registry:
            raise _fail(path, key, f"unknown rule {rid!r}; known rules: {', '.join(sorted(registry))}")


def _layer(
    path: Path, prefix: str, table: Mapping[str, Any], allowed: tuple[str, ...], registry: Mapping[str, type[Rule]]
) -> Layer:
    layer = Layer(prefix=prefix)
    for key, value in table.items():
        name = f"{prefix}{key}"
        if key not in allowed:
            raise _fail(path, name, f"unknown setting; allowed: {', '.join(allowed)}")
        if key in ("select", "ignore"):
            ids = _string_list(path, name, value)
            _rule_ids(path, name, ids, registry)
            if key == "select" and not ids:
                raise _fail(
                    path, name, "an empty list selects no rule, so nothing would be checked; name rules, or all"
                )
            if key == "select":
                layer.select = ids
            else:
                layer.ignore = ids
        elif key == "fail-on":
            if value not in FAIL_ON:
                raise _fail(path, name, f"got {value!r}; allowed: {', '.join(FAIL_ON)}")
            layer.fail_on = value
        elif key == "min-severity":
            if value not in MIN_SEVERITY:
                raise _fail(path, name, f"got {value!r}; allowed: {', '.join(MIN_SEVERITY)}")
            layer.min_severity = value
        elif key == "rules":
            layer.rules = _rules_table(path, name, value, registry)
    return layer


def _rules_table(path: Path, prefix: str, table: Any, registry: Mapping[str, type[Rule]]) -> dict:
    if not isinstance(table, dict):
        raise _fail(path, prefix, "expected a table of rule settings")
    result: dict[str, dict[str, Any]] = {}
    for rid, values in table.items():
        key = f"{prefix}.{rid}"
        if rid not in registry:
            raise _fail(path, key, f"unknown rule; known rules: {', '.join(sorted(registry))}")
        if not isinstance(values, dict):
            raise _fail(path, key, 'expected a table, e.g. severity = "warning"')
        cls = registry[rid]
        options = {o.name: o for o in cls.options}
        checked: dict[str, Any] = {}
        for opt, value in values.items():
            if opt == "severity":
                try:
                    checked["severity"] = Severity.parse(value) if isinstance(value, str) else None
                except ValueError:
                    checked["severity"] = None
                if checked["severity"] is None:
                    raise _fail(path, f"{key}.severity", f"got {value!r}; allowed: error, warning, info")
            elif opt in options:
                try:
                    checked[opt] = options[opt].validate(value)
                except ValueError as exc:
                    raise _fail(path, f"{key}.{opt}", f"{exc} (got {value!r})") from None
            else:
                allowed = ", ".join(["severity", *options]) if options else "severity"
                raise _fail(path, f"{key}.{opt}", f"unknown option; allowed: {allowed}")
        result[rid] = checked
    return result


def parse(path: Path, table: Mapping[str, Any], registry: Mapping[str, type[Rule]]) -> Config:
    config = Config(path=path)
    prefix = "tool.article-audit." if path.name == "pyproject.toml" else ""
    special = (
        "language",
        "overrides",
        "profiles",
        "require-suppression-reason",
        "languagetool",
        "vocabulary",
        "vocabulary-file",
        "exclude",
        "profile",
        "vale-config",
    )
    config.base = _layer(path, prefix, {k: v for k, v in table.items() if k not in special}, TOP_LEVEL_KEYS, registry)
    if "require-suppression-reason" in table:
        value = table["require-suppression-reason"]
        if not isinstance(value, bool):
            raise _fail(path, prefix + "require-suppression-reason", f"expected true or false, got {value!r}")
        config.base.rules.setdefault("suppression", {})["require-reason"] = value
        config.base.aliases["rules.suppression.require-reason"] = "require-suppression-reason"
    _vocabulary(path, prefix, table, config.base)
    profiles = table.get("profiles", {})
    if not isinstance(profiles, dict):
        raise _fail(path, prefix + "profiles", "expected a table of profiles, e.g. [profiles.ci]")
    for pname, ptable in profiles.items():
        pkey = f"{prefix}profiles.{pname}"
        if not isinstance(ptable, dict):
            raise _fail(path, pkey, "expected a table")
        layer = _layer(path, pkey + ".", {k: v for k, v in ptable.items() if k != "overrides"}, PROFILE_KEYS, registry)
        config.profiles[pname] = (
            layer,
            _overrides(path, pkey + ".", ptable.get("overrides", []), registry, config.warnings),
        )
    if "language" in table:
        if table["language"] not in LANGUAGES:
            raise _fail(path, prefix + "language", f"got {table['language']!r}; allowed: {', '.join(LANGUAGES)}")
        config.language = table["language"]
        config.keys["language"] = prefix + "language"
    if "languagetool" in table:
        config.languagetool = _languagetool(path, prefix + "languagetool", table["languagetool"])
        for key in table["languagetool"]:
            config.keys[f"languagetool.{key}"] = f"{prefix}languagetool.{key}"
    config.overrides = _overrides(path, prefix, table.get("overrides", []), registry, config.warnings)
    if "exclude" in table:
        value = table["exclude"]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise _fail(
                path, prefix + "exclude", 'expected a list of gitignore-style patterns, e.g. ["vendor/", "*.tmp.md"]'
            )
        config.exclude = tuple(value)
    if "profile" in table:
        name = table["profile"]
        if not isinstance(name, str) or (name not in config.profiles and name not in builtin_profiles()):
            known = ", ".join([*builtin_profiles(), *config.profiles])
            raise _fail(path, prefix + "profile", f"no profile {name!r}; known: {known}")
        config.profile = name
        config.keys["profile"] = prefix + "profile"
    config.vale_config = _vale_config(path, prefix, table)
    return config


def _vocabulary(path: Path, prefix: str, table: Mapping[str, Any], base: Layer) -> None:
    """`vocabulary` (words or patterns) and `vocabulary-file` (one a line, `!` for a
    rejected one), read now: their words, not the file's name, are settings, so the
    result cache sees a changed file."""
    accepted: list[str] = []
    rejected: list[str] = []
    if "vocabulary" in table:
        value = table["vocabulary"]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _fail(path, prefix + "vocabulary", 'expected a list of words or patterns, e.g. ["etcd", "kube-.*"]')
        accepted += value
    if "vocabulary-file" in table:
        name = table["vocabulary-file"]
        if not isinstance(name, str) or not name:
            raise _fail(path, prefix + "vocabulary-file", 'expected a file name, e.g. "vocabulary.txt"')
        try:
            more, fewer = vocabulary.read_file(path.parent / name)
        except (OSError, UnicodeDecodeError) as exc:
            problem = getattr(exc, "strerror", None) or str(exc)
            raise _fail(path, prefix + "vocabulary-file", f"cannot read {name}: {problem}") from None
        accepted += more
        rejected += fewer
    if not ("vocabulary" in table or "vocabulary-file" in table):
        return
    for entries in (accepted, rejected):
        try:
            vocabulary.compile(tuple(entries), strict=True)
        except ValueError as exc:
            key = "vocabulary-file" if "vocabulary-file" in table else "vocabulary"
            raise _fail(path, prefix + key, str(exc)) from None
    spelling = base.rules.setdefault("spelling", {})
    spelling["vocabulary"], spelling["vocabulary-reject"] = tuple(accepted), tuple(rejected)
    where = "vocabulary" if "vocabulary" in table else "vocabulary-file"
    base.aliases["rules.spelling.vocabulary"] = where
    base.aliases["rules.spelling.vocabulary-reject"] = "vocabulary-file" if "vocabulary-file" in table else where


def _vale_config(path: Path, prefix: str, table: Mapping[str, Any]) -> Path | None:
    """The `.vale.ini` whose styles `check` runs: `vale-config` (relative to the config
    file), else a .vale.ini beside the config file; None without either."""
    if "vale-config" not in table:
        return next((path.parent / n for n in VALE_CONFIG_NAMES if (path.parent / n).is_file()), None)
    value = table["vale-config"]
    if not isinstance(value, str) or not value:
        raise _fail(path, prefix + "vale-config", f'expected the path of a .vale.ini, e.g. ".vale.ini" (got {value!r})')
    found = (path.parent / value).resolve()
    if not found.is_file():
        raise _fail(path, prefix + "vale-config", f"no such file: {found}")
    from audit.vale import ini  # only a project with Vale styles reads them

    try:
        ini.read(found)
    except ini.ConfigError as error:
        raise _fail(path, prefix + "vale-config", str(error)) from None
    return found


def _languagetool(path: Path, prefix: str, table: Any) -> LanguageToolSettings:
    if not isinstance(table, dict):
        raise _fail(path, prefix, 'expected a table, e.g. server = "http://localhost:8081"')
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = f"{prefix}.{key}"
        if key not in LANGUAGETOOL_KEYS:
            raise _fail(path, name, f"unknown setting; allowed: {', '.join(LANGUAGETOOL_KEYS)}")
        if key == "mode":
            if value not in LANGUAGETOOL_MODES:
                raise _fail(path, name, f"got {value!r}; allowed: {', '.join(LANGUAGETOOL_MODES)}")
            values["mode"] = value
        elif key == "server":
            if not isinstance(value, str) or not re.match(r"https?://[^/\s]+", value):
                raise _fail(path, name, f'expected an http(s) URL, e.g. "http://localhost:8081" (got {value!r})')
            values["server"] = value
        elif key == "timeout":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 600:
                raise _fail(path, name, f"expected a number of seconds between 0 and 600 (got {value!r})")
            values["timeout"] = float(value)
        elif key == "categories":
            if not isinstance(value, dict):
                raise _fail(path, name, 'expected a table of LanguageTool category ids, e.g. GRAMMAR = "error"')
            for category, severity in value.items():
                if severity not in CATEGORY_SEVERITIES:
                    raise _fail(
                        path, f"{name}.{category}", f"got {severity!r}; allowed: {', '.join(CATEGORY_SEVERITIES)}"
                    )
            values["categories"] = tuple(sorted(value.items()))
        else:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _fail(path, name, 'expected a list of LanguageTool rule ids, e.g. ["EN_QUOTES"]')
            values["disabled_rules"] = tuple(value)
    return LanguageToolSettings(**values)


def _overrides(
    path: Path, prefix: str, overrides: Any, registry: Mapping[str, type[Rule]], warnings: list[str]
) -> list[Override]:
    """The `[[overrides]]` tables; a glob that can match no file is named in `warnings`."""
    if not isinstance(overrides, list):
        raise _fail(path, prefix + "overrides", "expected an array of tables ([[overrides]])")
    result = []
    for n, item in enumerate(overrides):
        name = f"{prefix}overrides[{n}]"
        if not isinstance(item, dict):
            raise _fail(path, name, "expected a table")
        globs = item.get("paths")
        if not globs:
            raise _fail(path, name + ".paths", 'required: a list of path globs, e.g. ["news/**"]')
        globs = _string_list(path, name + ".paths", globs)
        for glob in globs:
            problem = glob_problem(glob)
            if problem:
                warnings.append(f"{path}: {name}.paths: {glob!r} {problem}")
        rest = {k: v for k, v in item.items() if k != "paths"}
        result.append(
            Override(
                tuple(glob_to_regex(g) for g in globs), _layer(path, name + ".", rest, OVERRIDE_KEYS, registry), globs
            )
        )
    return result


BUILTIN_PROFILES = Path(__file__).with_name("profiles.toml")


@lru_cache(maxsize=1)
def builtin_profiles() -> dict[str, tuple[Layer, list[Override]]]:
    """The profiles that ship with the tool (audit/config/profiles.toml), checked against
    the built-in rules like any config file's."""
    from audit.engine.registry import registry  # the built-in rules are always installed

    profiles = load(BUILTIN_PROFILES, registry()).profiles
    for layer, overrides in profiles.values():
        for one in (layer, *(o.layer for o in overrides)):
            one.source = "built-in"
    return profiles


def load(path: Path, registry: Mapping[str, type[Rule]]) -> Config:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("article-audit", {})
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a table of settings")
    return parse(path, data, registry)


@lru_cache(maxsize=256)
def find(folder: Path) -> Path | None:
    """The nearest config file at or above `folder`, up to the root of the repository
    that holds `folder` (a folder holding .git, .hg or .svn) if there is one."""
    for candidate in (folder, *folder.parents):
        found = _config_in(candidate)
        if found or is_repository_root(candidate):
            return found
    return None


def repository_root(folder: Path) -> Path | None:
    """The root of the repository that holds `folder` (itself or its nearest parent
    holding .git, .hg or .svn), or None outside one."""
    return next((d for d in (folder, *folder.parents) if is_repository_root(d)), None)


def is_repository_root(folder: Path) -> bool:
    return any(os.path.exists(folder / marker) for marker in REPOSITORY_MARKERS)


def _config_in(candidate: Path) -> Path | None:
    """The config file in `candidate` itself, if any."""
    own = candidate / CONFIG_NAMES[0]
    if own.is_file():
        return own
    project = candidate / CONFIG_NAMES[1]
    if project.is_file():
        try:
            with open(project, "rb") as handle:
                if "article-audit" in tomllib.load(handle).get("tool", {}):
                    return project
        except (OSError, tomllib.TOMLDecodeError):
            return project  # let load() report the problem
    return None
