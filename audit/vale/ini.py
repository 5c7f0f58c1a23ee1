"""`.vale.ini`: found as Vale finds it, read into what applies to each file.

Vale looks for `.vale`, `_vale`, `vale.ini`, `.vale.ini` or `_vale.ini` in the working folder
and each folder above it; `--config` names one. The file is INI: global keys first,
then sections named by a glob (`[*.md]`, `[docs/*.{md,txt}]`, `[*]`) whose keys apply
to the files the glob matches, in the order the sections come (a later section
overrides an earlier one). Keys (https://vale.sh/docs/topics/config/):

    global   StylesPath, MinAlertLevel, Vocab, Packages, IgnoredScopes,
             SkippedScopes, IgnoredClasses, WordTemplate
    section  BasedOnStyles, Style.Rule = YES|NO|suggestion|warning|error,
             IgnoredScopes, SkippedScopes, TokenIgnores, BlockIgnores, Vocab,
             Transform, Lang
    [formats] ext = ext (read a format as another)

`Packages` are not downloaded (runs are offline): the styles must already be in
StylesPath, as after `vale sync`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath

from audit.vale.groups import split_top_level

NAMES = (".vale", "_vale", "vale.ini", ".vale.ini", "_vale.ini")  # in Vale's order
LEVELS = ("suggestion", "warning", "error")  # Vale's alert levels, lowest first
_GLOBAL_LISTS = ("Vocab", "Packages", "IgnoredScopes", "SkippedScopes", "IgnoredClasses")
_SECTION_KEYS = {
    "BasedOnStyles",
    "IgnoredScopes",
    "SkippedScopes",
    "TokenIgnores",
    "BlockIgnores",
    "Vocab",
    "Transform",
    "Lang",
    "IgnoredClasses",
}
_GLOBAL_KEYS = {"StylesPath", "MinAlertLevel", "WordTemplate", "NLPEndpoint", *_GLOBAL_LISTS}


class ConfigError(ValueError):
    """A `.vale.ini` that cannot be used: the file, the line or key, the problem."""


@dataclass
class Section:
    glob: str
    matcher: re.Pattern[str]
    keys: dict[str, str] = field(default_factory=dict)  # in file order


@dataclass
class ValeConfig:
    """A read `.vale.ini`: its folder, its global keys, its sections in order."""

    path: Path
    keys: dict[str, str]
    sections: list[Section]
    formats: dict[str, str]
    warnings: list[str] = field(default_factory=list)  # keys read and not applied

    @property
    def root(self) -> Path:
        return self.path.parent

    @cached_property
    def styles_path(self) -> Path | None:
        value = self.keys.get("StylesPath")
        return (self.root / value).resolve() if value else None

    @property
    def min_level(self) -> str:
        # Vale's code starts from warning (its documentation says suggestion; the code
        # and its conformance cases, where suggestion-level alerts are not shown, agree).
        return self.keys.get("MinAlertLevel", "warning")

    def listed(self, key: str) -> list[str]:
        return split_list(self.keys.get(key, ""))

    def for_file(self, path: Path) -> FileSettings:
        """What applies to `path`, as Vale works it out: `[*]` first (the defaults of every
        file), then each other section whose glob matches, in file order. A section's
        `BasedOnStyles` replaces the styles before it; rule switches and the rest
        accumulate, a later one overriding an earlier one."""
        settings = FileSettings(
            vocab=self.listed("Vocab"),
            ignored=self.listed("IgnoredScopes") or None,
            skipped=self.listed("SkippedScopes") or None,
        )
        names = _candidates(path, self.root)
        ordered = [s for s in self.sections if s.glob == "*"] + [s for s in self.sections if s.glob != "*"]
        for section in ordered:
            if not any(section.matcher.fullmatch(name) for name in names):
                continue
            settings.matched = True
            for key, value in section.keys.items():
                if key == "BasedOnStyles":
                    settings.styles = list(dict.fromkeys(split_list(value)))
                elif key == "IgnoredScopes":
                    settings.ignored = split_list(value)
                elif key == "SkippedScopes":
                    settings.skipped = split_list(value)
                elif key == "Vocab":
                    settings.vocab = split_list(value)
                elif key in ("TokenIgnores", "BlockIgnores"):
                    getattr(settings, key.lower()).extend(_patterns(value))
                elif "." in key:
                    settings.rules[key] = value
        return settings


@dataclass
class FileSettings:
    """The styles, rule switches and scopes that apply to one file."""

    styles: list[str] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)  # Style.Rule -> YES | NO | level
    vocab: list[str] = field(default_factory=list)
    ignored: list[str] | None = None  # IgnoredScopes: None is Vale's default (code, tt)
    skipped: list[str] | None = None  # SkippedScopes: None is Vale's default
    tokenignores: list[str] = field(default_factory=list)
    blockignores: list[str] = field(default_factory=list)
    matched: bool = False  # some section applies to the file (Vale lints no other file)


def split_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _patterns(value: str) -> list[str]:
    """TokenIgnores / BlockIgnores: comma-separated patterns; a comma inside a group or a
    class belongs to the pattern."""
    return [p for p in split_top_level(value, ",") if p]


def _candidates(path: Path, root: Path) -> list[str]:
    """The names a section glob is matched against: the path relative to the config's
    folder, and the file name (Vale matches `[test.md]` against a file in any folder)."""
    resolved = path.resolve()
    names = [resolved.name, str(PurePosixPath(*resolved.parts))]
    try:
        names.insert(0, PurePosixPath(resolved.relative_to(root.resolve())).as_posix())
    except ValueError:
        pass
    return names


def glob_to_regex(glob: str) -> re.Pattern[str]:
    """A Vale section glob (gobwas syntax: `*`, `?`, `[...]`, `{a,b}`, `**`) as a regex.
    `*` crosses folders, as in Vale."""
    out, i, depth = [], 0, 0
    while i < len(glob):
        c = glob[i]
        if c == "*":
            while i + 1 < len(glob) and glob[i + 1] == "*":
                i += 1
            out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[":
            close = glob.find("]", i + 1)
            if close == -1:
                out.append(re.escape(c))
            else:
                body = glob[i + 1 : close]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                i = close
        elif c == "{":
            depth += 1
            out.append("(?:")
        elif c == "}" and depth:
            depth -= 1
            out.append(")")
        elif c == "," and depth:
            out.append("|")
        else:
            out.append(re.escape(c))
        i += 1
    try:
        return re.compile("".join(out))
    except re.error as error:
        raise ConfigError(f"section [{glob}]: not a valid glob: {error}") from None


def find(start: Path) -> Path | None:
    """The config Vale would use from `start`: the first of NAMES in it or a folder above."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        for name in NAMES:
            path = candidate / name
            if path.is_file():
                return path
    return None


def read(path: Path) -> ValeConfig:
    """The config at `path`; ConfigError names the line of a problem."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read: {error}") from None
    return parse(text, path)


def parse(text: str, path: Path) -> ValeConfig:
    keys: dict[str, str] = {}
    sections: list[Section] = []
    formats: dict[str, str] = {}
    current: dict[str, str] = keys
    warnings: list[str] = []
    name = ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1].strip()
            if name == "formats":
                current = formats
            else:
                section = Section(name, glob_to_regex(name))
                sections.append(section)
                current = section.keys
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ConfigError(f"{path}: line {number}: expected 'key = value' or '[section]', got {line!r}")
        key, value = key.strip(), value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        # A key this tool does not know (Vale has more, and adds more) is said, not fatal.
        if current is keys and key not in _GLOBAL_KEYS and key not in _SECTION_KEYS and "." not in key:
            warnings.append(f"{path}: line {number}: {key}: not applied (not a key this tool reads)")
        if current is not keys and current is not formats:
            if key not in _SECTION_KEYS and "." not in key:
                warnings.append(f"{path}: line {number}: [{name}] {key}: not applied (not a key this tool reads)")
            elif key in ("Transform", "Lang"):
                warnings.append(f"{path}: line {number}: [{name}] {key}: not applied")
            if "." in key and value.lower() not in ("yes", "no", *LEVELS):
                raise ConfigError(
                    f"{path}: line {number}: {key} = {value}: use YES, NO or a level ({', '.join(LEVELS)})"
                )
        current[key] = value
    if "MinAlertLevel" in keys and keys["MinAlertLevel"] not in LEVELS:
        raise ConfigError(f"{path}: MinAlertLevel = {keys['MinAlertLevel']}: one of {', '.join(LEVELS)}")
    if keys.get("Packages"):
        warnings.append(f"{path}: Packages: not downloaded (runs are offline); the styles must be in StylesPath")
    return ValeConfig(path, keys, sections, formats, warnings)
