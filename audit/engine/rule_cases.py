"""Rule cases as data: one YAML file per rule, run against the rule by one harness.

A case file names its rule and lists cases; each case is a text, how to read it, and
the findings the rule must report on it, in full (a pass case expects none):

    rule: sentence-length
    cases:
      - name: twenty-five words pass       # unique in the file; tests are named rule:name
        text: Word word ... end.           # the source, written out (block scalars welcome)
        expect: []
      - name: the share of long sentences
        text: ...
        format: md                         # txt (default) | md | html: the front end
        language: en-GB                    # the English variant the engine sets (default en)
        options: {max-words: 30}           # rule options, validated as a config file's are
        expect:                            # every finding, in report order (by position)
          - excerpt: "Word word ... end."  # required: the exact source text of the span
            line: 1                        # the rest is optional and checked when given:
            column: 1                      #   1-based, as in reports (end_line, end_column too)
            severity: warning
            message: "50%"                 #   a substring, or a list of substrings
            suggestion: "use"              #   exact; null: no suggestion
            fix: "use"                     #   the replacement; null: no fix; or a mapping
                                           #   {replacement, safe, excerpt: the text it replaces}
        fixed: "..."                       # optional: the source with every fix applied

A file may say `requires: [languagetool]`: its cases need an outside service, and a
runner skips them where that service is not set up.

The harness builds the document with the front ends (`audit.frontends.parse`), runs
`rule().check(doc, options)` with the rule's defaults under the case's options, and
locates findings as the engine does (`audit.engine.auditor.locate`). `mismatches`
says how a rule's findings differ from a case (empty when they agree), ending with
what was found, in case-file form. From a rule author's test:

    cases = rule_cases.load("tests/cases/my-rule.yml").cases

    @pytest.mark.parametrize("case", cases, ids=lambda case: case.name)
    def test_case(case):
        assert not rule_cases.mismatches(MyRule, case)

`example_mismatches` checks a rule's docstring: with the defaults and language "en",
its "Bad:" example must give at least one finding and its "Good:" none. An example's
front end is guessed from its text (`example_format`): one that starts with a tag or
an HTML comment is HTML, one with a Markdown heading, link or image is Markdown,
anything else plain text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from audit.document.model import Document
from audit.engine.auditor import locate, only_prose_fixes
from audit.engine.rule import Rule
from audit.frontends import parse
from audit.results.findings import LocatedFinding, Severity

FORMATS = ("txt", "md", "html")


class _Unset:
    """What an expectation does not check."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()

_FILE_KEYS = {"rule", "requires", "cases"}
_CASE_KEYS = {"name", "text", "format", "language", "options", "expect", "fixed"}
_FINDING_KEYS = {"excerpt", "line", "column", "end_line", "end_column", "severity", "message", "suggestion", "fix"}
_FIX_KEYS = {"replacement", "safe", "excerpt"}


class CaseError(ValueError):
    """A case file that does not have the documented shape."""


@dataclass(frozen=True)
class Expected:
    """One finding a case expects; UNSET fields are not checked."""

    excerpt: str
    line: int = UNSET
    column: int = UNSET
    end_line: int = UNSET
    end_column: int = UNSET
    severity: Severity = UNSET
    message: tuple[str, ...] = ()  # substrings
    suggestion: str | None = UNSET
    fix: Mapping[str, Any] | None = UNSET  # None: no fix; a mapping: the fields to check


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    expect: tuple[Expected, ...]
    format: str = "txt"
    language: str = "en"
    options: Mapping[str, Any] = field(default_factory=dict)  # as written; validated when run
    fixed: str | None = None

    @property
    def passes(self) -> bool:
        """A pass case: the rule must find nothing."""
        return not self.expect


@dataclass(frozen=True)
class CaseFile:
    rule: str
    path: Path
    cases: tuple[Case, ...]
    requires: tuple[str, ...] = ()


def load(path: str | Path) -> CaseFile:
    """Read and check one case file; raises CaseError naming the file and the case."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CaseError(f"{path}: not valid YAML: {exc}") from None
    where = str(path)
    _mapping(data, where, _FILE_KEYS, required=("rule", "cases"))
    if not isinstance(data["cases"], list) or not data["cases"]:
        raise CaseError(f"{where}: cases: expected a non-empty list")
    requires = data.get("requires", [])
    requires = [requires] if isinstance(requires, str) else requires
    if not isinstance(requires, list) or not all(isinstance(r, str) for r in requires):
        raise CaseError(f"{where}: requires: expected a list of service names")
    cases = tuple(_case(raw, where, n) for n, raw in enumerate(data["cases"], 1))
    names = [c.name for c in cases]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise CaseError(f"{where}: case names must be unique; repeated: {', '.join(duplicates)}")
    return CaseFile(_string(data["rule"], f"{where}: rule"), path, cases, tuple(requires))


def load_folder(folder: str | Path) -> dict[str, CaseFile]:
    """Every `*.yml` file of a folder, by the rule it names; a file is named after its rule."""
    files = {}
    for path in sorted(Path(folder).glob("*.yml")):
        cases = load(path)
        if path.stem != cases.rule:
            raise CaseError(f"{path}: holds the cases of {cases.rule!r}; name it {cases.rule}.yml")
        files[cases.rule] = cases
    return files


def run(rule: type[Rule], case: Case) -> tuple[Document, list[LocatedFinding]]:
    """(the document, the rule's findings on the case, their fixes kept and located as the
    engine keeps and locates them, in report order)."""
    doc = parse(f"case.{case.format}", case.text)
    doc.language = case.language
    found = [locate(doc, f) for f in only_prose_fixes(doc, rule().check(doc, options(rule, case.options)))]
    found.sort(key=LocatedFinding.sort_key)
    return doc, found


def options(rule: type[Rule], given: Mapping[str, Any]) -> dict[str, Any]:
    """The rule's defaults under `given`, each validated as a configuration file's are."""
    declared = {o.name: o for o in rule.options}
    checked = dict(rule.defaults())
    for name, value in given.items():
        if name not in declared:
            raise CaseError(f"{rule.id} has no option {name!r}; it has: {', '.join(declared) or 'none'}")
        try:
            checked[name] = declared[name].validate(value)
        except ValueError as exc:
            raise CaseError(f"option {name}: {exc} (got {value!r})") from None
    return checked


def mismatches(rule: type[Rule], case: Case) -> list[str]:
    """How the rule's findings on the case differ from what it expects; empty when they agree."""
    doc, found = run(rule, case)
    problems = [
        f"finding {n}: reported by {f.rule!r}, not {rule.id!r}" for n, f in enumerate(found, 1) if f.rule != rule.id
    ]
    if len(found) != len(case.expect):
        problems.append(f"expected {len(case.expect)} finding(s), got {len(found)}")
    else:
        for n, (want, got) in enumerate(zip(case.expect, found), 1):
            problems += [f"finding {n}: {p}" for p in _differences(doc.source, want, got)]
    if case.fixed is not None and not problems:
        after = _apply_fixes(doc.source, found)
        if after != case.fixed:
            problems.append(f"after the fixes the text is {after!r}, expected {case.fixed!r}")
    if problems:
        problems.append(
            "got:\n"
            + yaml.safe_dump(
                [describe(doc.source, f) for f in found], allow_unicode=True, sort_keys=False, width=1000
            ).rstrip()
        )
    return problems


def describe(source: str, located: LocatedFinding) -> dict[str, Any]:
    """A finding in the shape a case file expects it (to read a failure, or write a case)."""
    f, where = located.finding, located.location
    shown: dict[str, Any] = {
        "excerpt": source[f.start : f.end],
        "line": where.line,
        "column": where.column,
        "severity": f.severity.label,
        "message": f.message,
        "suggestion": f.suggestion,
    }
    if f.fix is None:
        shown["fix"] = None
    else:
        shown["fix"] = {
            "replacement": f.fix.replacement,
            "safe": f.fix.safe,
            "excerpt": source[f.fix.start : f.fix.end],
        }
    return shown


def example_format(text: str) -> str:
    """The front end a docstring example is written for: "html" when it starts with a
    tag (or an HTML comment), "md" when it has a Markdown heading, link or image, else
    "txt"."""
    if text.lstrip().startswith("<"):
        return "html"
    if re.search(r"^#{1,6}\s|!?\[[^\]\n]*\]\([^)\n]*\)", text, re.M):
        return "md"
    return "txt"


def example_mismatches(rule: type[Rule]) -> list[str]:
    """How the docstring's examples fail to show the rule, with its defaults: the "Bad:"
    example must give at least one finding and the "Good:" example none. Each example's
    front end is `example_format`'s guess from its text."""
    docs = rule.docs()
    problems = []
    for section, wanted in (("bad", True), ("good", False)):
        text = docs[section]
        if not text:
            problems.append(f"the docstring has no {section.title()}: example")
            continue
        case = Case(f"docstring {section}", text, (), format=example_format(text))
        doc, found = run(rule, case)
        if wanted and not found:
            problems.append(f"the Bad: example ({case.format}) gives no finding")
        if not wanted and found:
            listed = "; ".join(f"{f.excerpt!r}: {f.finding.message}" for f in found)
            problems.append(f"the Good: example ({case.format}) gives {len(found)} finding(s): {listed}")
    return problems


# Reading -------------------------------------------------------------------


def _case(raw: Any, file: str, number: int) -> Case:
    where = f"{file}: case {number}"
    _mapping(raw, where, _CASE_KEYS, required=("name", "text", "expect"))
    name = _string(raw["name"], f"{where}: name")
    where = f"{file}: case {name!r}"
    fmt = raw.get("format", "txt")
    if fmt not in FORMATS:
        raise CaseError(f"{where}: format: {fmt!r}; allowed: {', '.join(FORMATS)}")
    given = raw.get("options") or {}
    if not isinstance(given, dict):
        raise CaseError(f"{where}: options: expected a mapping of option names to values")
    if not isinstance(raw["expect"], list):
        raise CaseError(f"{where}: expect: expected a list of findings ([] for none)")
    expect = tuple(_expected(item, f"{where}: expect {n}") for n, item in enumerate(raw["expect"], 1))
    fixed = raw.get("fixed")
    if fixed is not None:
        fixed = _string(fixed, f"{where}: fixed")
    return Case(
        name,
        _string(raw["text"], f"{where}: text"),
        expect,
        fmt,
        _string(raw.get("language", "en"), f"{where}: language"),
        given,
        fixed,
    )


def _expected(raw: Any, where: str) -> Expected:
    _mapping(raw, where, _FINDING_KEYS, required=("excerpt",))
    fields: dict[str, Any] = {"excerpt": _string(raw["excerpt"], f"{where}: excerpt")}
    for key in ("line", "column", "end_line", "end_column"):
        if key in raw:
            if not isinstance(raw[key], int) or isinstance(raw[key], bool) or raw[key] < 1:
                raise CaseError(f"{where}: {key}: expected a positive whole number")
            fields[key] = raw[key]
    if "severity" in raw:
        try:
            fields["severity"] = Severity.parse(_string(raw["severity"], f"{where}: severity"))
        except ValueError as exc:
            raise CaseError(f"{where}: severity: {exc}") from None
    if "message" in raw:
        parts = raw["message"] if isinstance(raw["message"], list) else [raw["message"]]
        fields["message"] = tuple(_string(p, f"{where}: message") for p in parts)
    if "suggestion" in raw:
        fields["suggestion"] = None if raw["suggestion"] is None else _string(raw["suggestion"], f"{where}: suggestion")
    if "fix" in raw:
        fix = raw["fix"]
        if isinstance(fix, str):
            fix = {"replacement": fix}
        elif fix is not None:
            _mapping(fix, f"{where}: fix", _FIX_KEYS, required=())
            if "safe" in fix and not isinstance(fix["safe"], bool):
                raise CaseError(f"{where}: fix: safe: expected true or false")
        fields["fix"] = fix
    return Expected(**fields)


def _mapping(raw: Any, where: str, allowed: set[str], required: tuple[str, ...]) -> None:
    if not isinstance(raw, dict):
        raise CaseError(f"{where}: expected a mapping")
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise CaseError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")
    missing = [k for k in required if k not in raw]
    if missing:
        raise CaseError(f"{where}: missing {', '.join(missing)}")


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise CaseError(f"{where}: expected text, got {value!r}")
    return value


# Comparing -----------------------------------------------------------------


def _differences(source: str, want: Expected, got: LocatedFinding) -> list[str]:
    f, where = got.finding, got.location
    out = []
    excerpt = source[f.start : f.end]
    if excerpt != want.excerpt:
        out.append(f"excerpt {excerpt!r}, expected {want.excerpt!r}")
    for key in ("line", "column", "end_line", "end_column"):
        expected = getattr(want, key)
        if expected is not UNSET and getattr(where, key) != expected:
            out.append(f"{key} {getattr(where, key)}, expected {expected}")
    if want.severity is not UNSET and f.severity != want.severity:
        out.append(f"severity {f.severity.label}, expected {want.severity.label}")
    out += [f"message {f.message!r} lacks {part!r}" for part in want.message if part not in f.message]
    if want.suggestion is not UNSET and f.suggestion != want.suggestion:
        out.append(f"suggestion {f.suggestion!r}, expected {want.suggestion!r}")
    if want.fix is not UNSET:
        out += _fix_differences(source, want.fix, f.fix)
    return out


def _fix_differences(source: str, want: Mapping[str, Any] | None, fix) -> list[str]:
    if want is None:
        return [] if fix is None else [f"a fix to {fix.replacement!r}, expected none"]
    if fix is None:
        return ["no fix, expected one"]
    out = []
    if "replacement" in want and fix.replacement != want["replacement"]:
        out.append(f"fix replacement {fix.replacement!r}, expected {want['replacement']!r}")
    if "safe" in want and fix.safe is not want["safe"]:
        out.append(f"fix safe is {fix.safe}, expected {want['safe']}")
    if "excerpt" in want and source[fix.start : fix.end] != want["excerpt"]:
        out.append(f"fix replaces {source[fix.start : fix.end]!r}, expected {want['excerpt']!r}")
    return out


def _apply_fixes(source: str, found: list[LocatedFinding]) -> str:
    """The source with every finding's fix applied (safe or not), from the end backwards."""
    fixes = sorted((f.finding.fix for f in found if f.finding.fix), key=lambda fx: (fx.start, fx.end))
    for before, after in zip(fixes, fixes[1:]):
        if after.start < before.end:
            raise CaseError("fixed: the findings' fixes overlap, so no single text results")
    for fx in reversed(fixes):
        source = source[: fx.start] + fx.replacement + source[fx.end :]
    return source
