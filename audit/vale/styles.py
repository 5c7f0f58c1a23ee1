"""The rules a file's settings enable: read from the styles folder, built in, or made
from a vocabulary.

A style is a folder in StylesPath; each `Rule.yml` in it is a rule named
`Style.Rule`. YAML is read safely by the word lists' one reader
(`audit.engine.word_lists.read_yaml`), and `existence` and `substitution` rules are
also checked by the word lists' loader, so a file that is a valid word list is a
valid Vale rule and the other way round. The built-in `Vale` style has Vale's four
rules: Spelling, Repetition, Terms (the accepted vocabulary, as written) and Avoid
(the rejected vocabulary). Vocabularies are read from
`<StylesPath>/config/vocabularies/<Name>/` (Vale 3) or `<StylesPath>/Vocab/<Name>/`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from audit.engine.word_lists import WordListError, check_data, is_phrase, read_yaml
from audit.vale.checks import Check, StyleError, build
from audit.vale.ini import LEVELS, FileSettings, ValeConfig

BUILT_IN = {
    "Vale.Spelling": {"extends": "spelling", "message": "Did you really mean '%s'?", "level": "error"},
    "Vale.Repetition": {
        "extends": "repetition",
        "message": "'%s' is repeated!",
        "level": "error",
        "alpha": True,
        "action": {"name": "edit", "params": ["truncate", " "]},
        "tokens": [r"[^\s]+"],
    },
}
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}


@dataclass
class Rule:
    name: str
    check: Check
    level: str


@dataclass
class RuleSet:
    rules: list[Rule]
    warnings: list[str] = field(default_factory=list)


def vocabulary(config: ValeConfig, names: list[str]) -> tuple[list[str], list[str]]:
    """(accepted, rejected) entries of the named vocabularies."""
    accepted, rejected = [], []
    base = config.styles_path
    for name in names:
        folders = [base / "config" / "vocabularies" / name, base / "Vocab" / name] if base else []
        folder = next((f for f in folders if f.is_dir()), None)
        if folder is None:
            raise StyleError(str(config.path), "Vocab", f"no vocabulary {name!r} in {base}/config/vocabularies")
        for file, into in (("accept.txt", accepted), ("reject.txt", rejected)):
            path = folder / file
            if path.is_file():
                lines = path.read_text(encoding="utf-8").splitlines()
                # As Vale: a line starting "# " is a comment ("#hashtag" is a term).
                into += [line.strip() for line in lines if line.strip() and not line.strip().startswith("# ")]
    return accepted, rejected


def rules_for(config: ValeConfig, settings: FileSettings) -> RuleSet:
    """The rules that apply to a file, each at its level, in name order; files with the
    same settings share one set."""
    key = (tuple(settings.styles), tuple(settings.rules.items()), tuple(settings.vocab))
    cache = config.__dict__.setdefault("_rule_sets", {})
    if key not in cache:
        cache[key] = _rules_for(config, settings)
    return cache[key]


def _rules_for(config: ValeConfig, settings: FileSettings) -> RuleSet:
    accepted, rejected = vocabulary(config, settings.vocab)
    wanted: dict[str, str | None] = {}  # name -> level (None: the rule's own)
    for style in settings.styles:
        for name in _style_rules(config, style, tuple(accepted)):
            wanted[name] = None
    for name, value in settings.rules.items():
        if value.upper() == "NO":
            wanted.pop(name, None)
        elif value.upper() == "YES":
            wanted[name] = None
        else:
            wanted[name] = value.lower()
    result = RuleSet([])
    for name in sorted(wanted):
        check = _check(config, name, tuple(accepted), tuple(rejected))
        if check is None:
            continue
        if getattr(check, "unsupported", ""):
            result.warnings.append(f"{name}: skipped: {check.unsupported}")
            continue
        result.rules.append(Rule(name, check, wanted[name] or check.level))
    return result


def _style_rules(config: ValeConfig, style: str, accepted: tuple) -> list[str]:
    if style == "Vale":
        return [*BUILT_IN, "Vale.Terms", "Vale.Avoid"]
    folder = _style_folder(config, style)
    return [f"{style}.{p.stem}" for p in sorted(folder.glob("*.yml"))]  # as Vale: .yml only


def _style_folder(config: ValeConfig, style: str) -> Path:
    base = config.styles_path
    if base is None or not (base / style).is_dir():
        raise StyleError(str(config.path), "BasedOnStyles", f"style {style!r} not found in StylesPath ({base})")
    return base / style


def _check(config: ValeConfig, name: str, accepted: tuple, rejected: tuple) -> Check | None:
    style, _, rule = name.partition(".")
    if name in BUILT_IN:
        return build(name, "<built-in>", dict(BUILT_IN[name]), list(accepted))
    if name == "Vale.Terms":
        if not accepted:
            return None
        # As Vale: each accepted phrase (not a pattern), found in any case, written as accepted.
        swap = {a.lower(): a for a in accepted if is_phrase(a)}
        if not swap:
            return None
        data = {
            "extends": "substitution",
            "message": "Use '%s' instead of '%s'.",
            "level": "error",
            "ignorecase": True,
            "swap": swap,
            "vocab": False,
        }
        return build(name, "<vocabulary>", data, [])
    if name == "Vale.Avoid":
        if not rejected:
            return None
        data = {
            "extends": "existence",
            "message": "Avoid using '%s'.",
            "level": "error",
            "tokens": list(rejected),
            "vocab": False,
        }
        return build(name, "<vocabulary>", data, [])
    folder = _style_folder(config, style)
    path = folder / f"{rule}.yml"
    if not path.is_file():
        raise StyleError(str(config.path), name, f"no rule {rule!r} in the style folder {folder}")
    return _load(str(path), name, accepted)


def _weakly_typed(data: dict) -> dict:
    """Entries as Vale decodes them (weakly: `- 911` is the token "911", `on: off` a swap
    of "on" for "off"), so a published style that YAML reads as numbers or booleans loads."""

    def text(value):
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value) if isinstance(value, int | float) else value

    out = dict(data)
    for key in ("tokens", "raw", "exceptions"):
        if isinstance(out.get(key), list):
            out[key] = [text(v) for v in out[key]]
    for key in ("swap", "either"):
        if isinstance(out.get(key), dict):
            out[key] = {text(k): text(v) for k, v in out[key].items()}
    return out


@lru_cache(maxsize=512)
def _load(path: str, name: str, accepted: tuple) -> Check:
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise StyleError(path, "file", error.strerror or str(error)) from None
    try:
        data = read_yaml(raw, path)
    except WordListError as error:
        if "unknown escape" not in error.problem or b"\\'" not in raw:
            raise StyleError(path, error.key, error.problem) from None
        # Go's YAML reads \' in a double-quoted string as a quote (published styles have it); YAML 1.1 does not.
        try:
            data = read_yaml(raw.replace(b"\\'", b"'"), path)
        except WordListError:
            raise StyleError(path, error.key, error.problem) from None
    if not isinstance(data, dict):
        raise StyleError(path, "file", "a rule is a YAML mapping (extends, message, ...)")
    data = _weakly_typed(data)
    if data.get("extends") in ("existence", "substitution"):
        try:  # the one loader of word lists checks these kinds
            check_data({k: v for k, v in data.items() if k not in ("tests",)}, path)
        except WordListError as error:
            if "regular expression" not in error.problem:  # Python's re is not the judge of RE2 patterns
                raise StyleError(path, error.key, error.problem) from None
    return build(name, path, data, list(accepted))
