"""Vale's check types, one module each; `build` makes the check a rule file names.

A check takes a block (`audit.vale.markup.Block`) and the file's state and returns
alerts: spans in the block's text, with their messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from audit.engine.word_lists import to_sentence
from audit.vale.ini import LEVELS
from audit.vale.regex import compile_pattern
from audit.vale.scopes import Scope

TYPES = (
    "existence",
    "substitution",
    "occurrence",
    "repetition",
    "consistency",
    "conditional",
    "capitalization",
    "metric",
    "spelling",
    "sequence",
    "script",
    "readability",
)
_VERB = re.compile(r"%(?:\[(\d+)\])?([sd%])")


class StyleError(ValueError):
    """A rule file that cannot be used: the file, the key, the problem."""

    def __init__(self, path: str, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}")


@dataclass
class Alert:
    start: int  # offsets in the block's text
    end: int
    message: str
    match: str
    action: dict = field(default_factory=dict)
    description: str | None = None  # the rule's description with the message's arguments; None: as written


@dataclass
class FileState:
    """What checks keep across the blocks of one file (Vale's `f.Sequences`)."""

    sequences: list[str] = field(default_factory=list)
    file: Any = None


class Check:
    """The keys every rule has; a check type adds its own and `run`."""

    default_scope = "text"
    keys: frozenset[str] = frozenset()

    def __init__(self, name: str, path: str, data: dict, accepted: list[str]) -> None:
        self.name, self.path, self.data = name, path, data
        if "message" not in data:
            raise StyleError(path, "message", "is missing (every Vale rule has one)")
        if data.get("code") is True:
            raise StyleError(path, "code", "is deprecated in Vale; use `scope: raw` instead")
        self.level = data.get("level", "warning")  # Vale's default for a rule that names none
        if self.level not in LEVELS:
            raise StyleError(path, "level", f"is {self.level!r}; one of: {', '.join(LEVELS)}")
        self.message = str(data.get("message", ""))
        self.description = str(data.get("description", ""))
        self.link = str(data.get("link", ""))
        self.action = data.get("action") or {}
        self.limit = int(data.get("limit") or 0)  # at most so many alerts in a file; 0: no limit
        scope = data.get("scope", self.default_scope)
        self.scope = Scope([scope] if isinstance(scope, str) else list(scope))
        self.accepted = accepted if data.get("vocab", True) else []
        self.setup()

    def setup(self) -> None:
        """Compile what `run` needs (a check type's own keys)."""

    def run(self, block, state: FileState) -> list[Alert]:
        raise NotImplementedError

    # Shared helpers ----------------------------------------------------------------

    def pattern(self, text: str, key: str):
        return compile_pattern(text, self.path, key)

    def exceptions(self, extra: list[str] = (), *, vocabulary: bool = True) -> Any:
        """Vale's exception pattern: the rule's exceptions and the accepted vocabulary,
        longest first, between word boundaries; None when there are none."""
        accepted = self.accepted if vocabulary else []
        items = sorted([*(self.data.get("exceptions") or []), *accepted, *extra], key=len, reverse=True)
        items = [str(i) for i in items if str(i)]
        return self.pattern(r"(?m)\b(?:" + "|".join(items) + r")\b", "exceptions") if items else None

    def alert(self, start: int, end: int, text: str, *subs: str) -> Alert:
        """An alert at [start, end) of `text`; the message (and the description, as in
        Vale) take `subs`, or the matched text."""
        args = subs or (text[start:end],)
        if not subs and self.action.get("name"):  # as Vale: the fix is the message's second %s
            args = (args[0], _sentence(fixes(self.action, args[0].strip())))
        description = format_message(self.description, *args) if self.description else None
        return Alert(start, end, format_message(self.message, *args), text[start:end], dict(self.action), description)


def fixes(action: dict, match: str) -> list[str]:
    """What an alert's `action` would write instead of `match`, as Vale works it out:
    replace (its params), remove (nothing), edit (regex, trim_right, trim_left, trim,
    truncate, split), convert (lower, upper); suggest and others give the match."""
    name, params = action.get("name", ""), [str(p) for p in action.get("params") or []]
    if name == "replace":
        return params
    if name == "remove":
        return [""]
    if name == "convert" and params:
        return [match.lower() if params[0] == "lower" else match.upper() if params[0] == "upper" else match]
    if name == "edit" and params:
        how, rest = params[0], params[1:]
        if how == "regex" and len(rest) >= 2:
            try:  # RE2, as every pattern of a style; Go's $1 is \\1 here
                return [compile_pattern(rest[0]).sub(re.sub(r"\$(\d+)", r"\\\1", rest[1]), match)]
            except ValueError:
                return [match]
        if how in ("trim_right", "trim", "trim_left") and rest:
            strip = {"trim_right": str.rstrip, "trim": str.strip, "trim_left": str.lstrip}[how]
            return [strip(match, rest[0])]
        if how == "truncate" and rest:
            return [match.split(rest[0])[0]]
        if how == "split" and len(rest) >= 2 and rest[1].isdigit():
            parts = match.split(rest[0])
            return [parts[int(rest[1])] if int(rest[1]) < len(parts) else match]
    return [match]


def _sentence(options: list[str]) -> str:
    return options[0] if len(options) == 1 else to_sentence(options)


def format_message(message: str, *subs: str) -> str:
    """Go's Sprintf as Vale uses it: `%s` takes the next argument, `%[n]s` the n-th,
    `%%` is a percent sign; arguments are trimmed."""
    args = [s.strip() for s in subs]
    position = 0

    def verb(m: re.Match) -> str:
        nonlocal position
        if m.group(2) == "%":
            return "%"
        if m.group(1):
            position = int(m.group(1))
        else:
            position += 1
        return args[position - 1] if 0 < position <= len(args) else "%!s(MISSING)"

    return _VERB.sub(verb, message)


def build(name: str, path: str, data: dict, accepted: list[str]) -> Check:
    """The check of a rule file's data; StyleError says what is wrong with it."""
    kind = data.get("extends")
    if kind is None:
        raise StyleError(path, "extends", "is missing (the check type: " + ", ".join(TYPES) + ")")
    if kind not in TYPES:
        raise StyleError(path, "extends", f"{kind!r} is not an extension point; one of: {', '.join(TYPES)}")
    module = import_module(f"{__name__}.{kind}")
    return module.CHECK(name, path, data, accepted)


def is_code(text: str) -> bool:
    """Vale's test that a match is inside masked code (all `*`)."""
    return bool(text) and set(text) == {"*"}
