"""In-file suppressions: silence a finding where it stands, with a reason.

    <!-- article-audit-disable passive-voice,jargon -- quoting the minister -->
    ...
    <!-- article-audit-enable -->
    <!-- article-audit-disable-next-line sentence-length -- legal wording -->

In plain text the same words stand on a line of their own, without the comment
marks. With no rule named, every rule is silenced. `enable` with rules re-enables
only those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DIRECTIVE = re.compile(
    r"^[ \t]*(?:<!--[ \t]*)?article-audit-(disable-next-line|disable|enable)\b"
    r"(?P<body>[^\r\n]*?)(?:[ \t]*-->)?[ \t]*$",
    re.MULTILINE,
)
ALL = "*"


@dataclass
class Directive:
    kind: str  # disable | enable | disable-next-line
    rules: tuple[str, ...]  # empty: every rule
    reason: str
    start: int  # source offsets of the directive
    end: int
    line: int = 0
    used: bool = False


@dataclass
class Scope:
    rules: frozenset[str]  # ALL in it: every rule
    first_line: int
    last_line: int  # inclusive
    directive: Directive = field(repr=False)


def parse(source: str) -> list[Directive]:
    directives: list[Directive] = []
    if "article-audit-" not in source:
        return directives  # the common case, told by one substring search
    for m in DIRECTIVE.finditer(source):
        body = m.group("body")
        names, _, reason = body.partition("--")
        rules = tuple(r.strip() for r in re.split(r"[,\s]+", names.strip()) if r.strip())
        directives.append(Directive(m.group(1), rules, reason.strip(), m.start(), m.end()))
    return directives


def of(doc) -> list[Directive]:
    """The document's directives, parsed once per document (`doc.cache.suppressions`)."""
    cache = doc.cache
    if cache.suppressions is None:
        cache.suppressions = parse(doc.source)
    return cache.suppressions


def line_spans(source: str) -> list[tuple[int, int]]:
    """Directive lines, as (start, end) source offsets: front ends leave them out of the prose."""
    return [(d.start, d.end) for d in parse(source)]


def scopes(directives: list[Directive], position, source: str) -> list[Scope]:
    """Line ranges each directive silences; `position(offset) -> (line, column)`."""
    result: list[Scope] = []
    open_scopes: dict[str, tuple[int, Directive]] = {}
    last_line = position(len(source))[0]
    lines = source.splitlines()
    for d in directives:
        d.line = position(d.start)[0]
        names = d.rules or (ALL,)
        if d.kind == "disable-next-line":
            target = d.line + 1
            while target <= len(lines) and not lines[target - 1].strip():
                target += 1
            result.append(Scope(frozenset(names), target, target, d))
        elif d.kind == "disable":
            for name in names:
                open_scopes.setdefault(name, (d.line + 1, d))
        else:
            closing = list(open_scopes) if not d.rules else [n for n in names if n in open_scopes]
            for name in closing:
                first, opener = open_scopes.pop(name)
                result.append(Scope(frozenset({name}), first, d.line - 1, opener))
    for name, (first, opener) in open_scopes.items():
        result.append(Scope(frozenset({name}), first, last_line, opener))
    return result


def silenced(rule: str, line: int, end_line: int, all_scopes: list[Scope]) -> bool:
    """Whether a finding starting on `line` is silenced; marks the scope used."""
    for scope in all_scopes:
        if (rule in scope.rules or ALL in scope.rules) and scope.first_line <= line <= scope.last_line:
            scope.directive.used = True
            return True
    return False
