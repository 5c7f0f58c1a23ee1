"""The rule API: what a rule declares and how its options are validated.

A rule is a small class in its own module under `rules/`. Its docstring is its
documentation, in a fixed shape (the first paragraph says what it flags, then
sections headed "Why:", "Bad:" and "Good:"); `article-audit explain RULE` prints it,
and the tests check that the rule flags its Bad example and not its Good one
(`audit.engine.rule_cases`, which also runs the rule's case file).
A rule takes a document and its options and yields findings. It never prints, reads
files or knows about reports.
"""

from __future__ import annotations

import inspect
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from audit.document.model import Document
from audit.document.suppressions import Directive
from audit.results.findings import Finding, Severity


@dataclass(frozen=True)
class Option:
    """A typed rule option with a default and, optionally, bounds or choices."""

    name: str
    type: type
    default: Any
    help: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Any, ...] | None = None
    # For a list: what makes an entry unusable (a message), or None when it is fine.
    check_entry: Callable[[str], str | None] | None = None

    def validate(self, value: Any) -> Any:
        """Return the value converted to the option's type, or raise ValueError."""
        expected = self.type
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if expected is list:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError("expected a list of strings")
            for entry in value if self.check_entry else ():
                problem = self.check_entry(entry)
                if problem:
                    raise ValueError(f"entry {entry!r}: {problem}")
            return tuple(value)
        if isinstance(value, bool) and expected is not bool or not isinstance(value, expected):
            raise ValueError(f"expected {_type_name(expected)}, got {_type_name(type(value))}")
        if expected is float and not math.isfinite(value):  # NaN compares false with any bound
            raise ValueError("must be a finite number")
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"must be at least {self.minimum:g}")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"must be at most {self.maximum:g}")
        if self.choices is not None and value not in self.choices:
            raise ValueError("allowed: " + ", ".join(map(str, self.choices)))
        return value

    def describe(self) -> str:
        default = list(self.default) if isinstance(self.default, tuple) else self.default
        bounds = ""
        if self.choices:
            bounds = " (one of: " + ", ".join(map(str, self.choices)) + ")"
        elif self.minimum is not None or self.maximum is not None:
            lo = "" if self.minimum is None else f"{self.minimum:g}"
            hi = "" if self.maximum is None else f"{self.maximum:g}"
            bounds = f" (range {lo}..{hi})"
        return f"{self.name} ({_type_name(self.type)}, default {default!r}){bounds}: {self.help}"


def _type_name(t: type) -> str:
    return {int: "integer", float: "number", str: "string", bool: "boolean", list: "list"}.get(t, t.__name__)


class RuleDefinitionError(TypeError):
    """A rule class does not declare what every rule must: raised when the class is defined."""


_ID = re.compile(r"[a-z]+(?:-[a-z]+)*")
_SECTIONS = ("what", "why", "bad", "good")
CATEGORIES = (
    "readability",
    "typo",
    "jargon",
    "grammar",
    "consistency",
    "style",
    "accessibility",
    "inclusive-language",
    "suppression",
)


class Rule:
    """Base class of every rule; subclasses set the class attributes and `check`.

    A class that sets `id` is a rule, and is checked as it is defined (`_check_definition`):
    a kebab-case id, a summary, a Severity, a docstring with its what/why/bad/good
    sections, valid options. A class without `id` is a base for other rules.
    """

    id: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity]
    options: ClassVar[tuple[Option, ...]] = ()
    wcag: ClassVar[tuple[str, ...]] = ()  # WCAG 2.2 success criteria, e.g. ("3.1.5",)
    enabled_by_default: ClassVar[bool] = True
    language_bound: ClassVar[bool] = True  # only meaningful for English prose
    suppressible: ClassVar[bool] = True  # False: in-file suppressions never silence its findings
    # What kind of problem it finds, for reports that count by kind (a batch table's
    # "typos" and "jargon" columns): one of CATEGORIES.
    category: ClassVar[str] = "style"

    def check(self, doc: Document, opts: Mapping[str, Any]) -> Iterable[Finding]:
        raise NotImplementedError

    def measure(self, doc: Document, opts: Mapping[str, Any]) -> dict[str, float | int]:
        """Article-level metrics this rule contributes to the report."""
        return {}

    def unused_suppressions(
        self, doc: Document, unused: Sequence[Directive], opts: Mapping[str, Any]
    ) -> Iterable[Finding]:
        """Findings about in-file suppressions that silenced nothing, asked for after the
        other rules' findings were silenced (with --report-unused-suppressions)."""
        return ()

    def reported_ids(self) -> tuple[str, ...]:
        """The rule ids its findings carry: its own; a rule that reports under other names
        (the Vale styles rule: `Style.Rule`) names them, so that suppressions may name them."""
        return (self.id,)

    def environment(self, settings) -> str:
        """What besides the text, the options and the code changes this rule's findings
        under these run settings (a backend's address, say): part of the result cache's
        key. Most rules: nothing."""
        return ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "id" in cls.__dict__:
            _check_definition(cls)

    # Helpers for subclasses -------------------------------------------------

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        *,
        severity: Severity | None = None,
        suggestion: str | None = None,
        fix=None,
        metric: str | None = None,
    ) -> Finding:
        """A finding at source offsets [start, end) with this rule's id."""
        return Finding(self.id, severity or self.severity, message, start, end, suggestion, fix, metric)

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        return {o.name: o.default for o in cls.options}

    @classmethod
    def docs(cls) -> dict[str, str]:
        """The docstring's sections: what, why, bad, good."""
        text = inspect.cleandoc(cls.__doc__ or "")
        sections = {"what": [], "why": [], "bad": [], "good": []}
        current = "what"
        for line in text.splitlines():
            head = line.strip().rstrip(":").lower()
            if line.strip().endswith(":") and head in sections:
                current = head
                continue
            sections[current].append(line)
        return {k: "\n".join(v).strip() for k, v in sections.items()}


def _check_definition(cls: type[Rule]) -> None:
    def fail(problem: str) -> None:
        raise RuleDefinitionError(f"rule class {cls.__module__}.{cls.__qualname__}: {problem}")

    if not isinstance(cls.id, str) or not _ID.fullmatch(cls.id):
        fail(f"id {cls.id!r} is not kebab-case (lower-case words joined by '-')")
    if not isinstance(getattr(cls, "summary", None), str) or not cls.summary.strip():
        fail("no summary")
    if not isinstance(getattr(cls, "severity", None), Severity):
        fail("severity is not a Severity")
    if cls.category not in CATEGORIES:
        fail(f"category {cls.category!r} is not one of " + ", ".join(CATEGORIES))
    docs = cls.docs()
    missing = [s for s in _SECTIONS if not docs[s]]
    if missing:
        fail("the docstring lacks " + ", ".join(missing) + " (a first paragraph, then 'Why:', 'Bad:', 'Good:')")
    for option in cls.options:
        if not isinstance(option, Option) or not _ID.fullmatch(option.name) or not option.help:
            fail(f"option {option!r} needs a kebab-case name and a help text")
        default = list(option.default) if isinstance(option.default, tuple) else option.default
        try:
            option.validate(default)
        except ValueError as exc:
            fail(f"option {option.name!r}: its default is invalid ({exc})")
