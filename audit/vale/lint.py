"""A file linted as Vale lints it: its blocks, the rules whose scope matches each
block, alerts located in the source."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from audit.document.model import LineIndex
from audit.frontends import InputError, decode
from audit.vale import markup
from audit.vale.checks import FileState
from audit.vale.ini import ValeConfig
from audit.vale.regex import compile_pattern
from audit.vale.styles import LEVEL_RANK, RuleSet, rules_for


@dataclass(frozen=True)
class LocatedAlert:
    """An alert as Vale reports it: Check, Line, Span (columns, 1-based, inclusive),
    Message, Severity, Match, Link, Action, Description; and source offsets."""

    check: str
    line: int
    span: tuple[int, int]
    message: str
    severity: str
    match: str
    link: str
    action: dict
    description: str
    start: int
    end: int

    @property
    def sort_key(self):
        return (self.line, self.span[0], self.check, self.message)


@dataclass
class FileReport:
    path: str
    alerts: list[LocatedAlert]
    warnings: list[str]
    failed: bool = False  # the file could not be read: a runtime error (exit 2)


def lint_file(
    config: ValeConfig,
    path: Path,
    shown: str,
    *,
    source: str | None = None,
    ext: str | None = None,
    min_level: str | None = None,
    doc=None,
) -> FileReport | None:
    """The alerts of one file (None: no section of the config applies, or not a format
    Vale reads). `shown` is the path as reports name it."""
    settings = config.for_file(path)
    if not settings.matched:
        return None
    suffix = (ext or path.suffix.lstrip(".")).lower()
    ext = config.formats.get(suffix, ext)  # [formats] mdx = md: read a format as another
    try:
        fmt = markup.format_of(f"x.{ext}" if ext else str(path))
    except markup.UnsupportedFormat as error:
        return FileReport(shown, [], [f"{shown}: skipped: {error}"])
    if fmt is None:
        return None
    ruleset = rules_for(config, settings)
    if source is None:
        try:
            source = decode(path.read_bytes())
        except (OSError, InputError) as error:
            return FileReport(shown, [], [f"{shown}: cannot be read: {error}"], failed=True)
    ignores = [compile_pattern(p, str(config.path), "TokenIgnores") for p in settings.tokenignores]
    blocks = [compile_pattern(p, str(config.path), "BlockIgnores", "(?s)%s") for p in settings.blockignores]
    vfile = markup.read(shown, source, fmt, ignores, settings.ignored, settings.skipped, blocks, doc)
    alerts = run(ruleset, vfile)
    floor = LEVEL_RANK[min_level or config.min_level]
    alerts = [a for a in alerts if LEVEL_RANK[a.severity] >= floor]
    alerts.sort(key=lambda a: a.sort_key)
    return FileReport(shown, alerts, list(ruleset.warnings))


def _not_verbatim(match: str, source: str, start: int, last: int) -> bool:
    """The matched text is not the source's text there (masked code aside: Vale's own text
    has it masked too)."""
    return bool(match.strip()) and "*" not in match and source[start : last + 1].strip() != match.strip()


def run(ruleset: RuleSet, vfile: markup.ValeFile) -> list[LocatedAlert]:
    lines = LineIndex(vfile.source)
    state_of = {rule.name: FileState(file=vfile) for rule in ruleset.rules}
    found: list[LocatedAlert] = []
    seen: set = set()
    raised = dict.fromkeys(state_of, 0)
    for block in [*vfile.blocks, vfile.summary, vfile.raw]:
        for rule in ruleset.rules:
            check = rule.check
            if not check.scope.matches(block.scope):
                continue
            for alert in check.run(block, state_of[rule.name]):
                if check.limit and raised[rule.name] >= check.limit:
                    break  # `limit`: at most so many alerts of the rule in a file
                raised[rule.name] += 1
                if alert.start < 0:  # a file-level alert (metric): Vale puts it at 1:1
                    start = end = 0
                    line, column, end_column = 1, 1, 1
                else:
                    start = block.offsets[min(alert.start, len(block.offsets) - 1)]
                    end = block.offsets[min(alert.end, len(block.offsets) - 1)]
                    last = block.offsets[max(alert.start, alert.end - 1)] if alert.end > alert.start else start
                    line, column = lines.position(start)
                    end_line, end_column = lines.position(last)
                    if end_line != line:
                        end_column = column + max(0, alert.end - alert.start - 1)
                    if _not_verbatim(alert.match, vfile.source, start, last):
                        # Vale finds a match by searching the source for its text; one that is
                        # not there as it is (an entity decoded, markup inside it) is put at
                        # the start of its line, as Vale's fallback does.
                        column, end_column = 1, len(alert.match)
                key = (rule.name, line, column)  # as Vale: one alert of a rule at one place
                if key in seen:
                    continue
                seen.add(key)
                found.append(
                    LocatedAlert(
                        rule.name,
                        line,
                        (column, end_column),
                        alert.message,
                        rule.level,
                        alert.match,
                        check.link,
                        alert.action,
                        check.description if alert.description is None else alert.description,
                        start,
                        end,
                    )
                )
    return found
