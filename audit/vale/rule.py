"""A project's Vale styles inside `article-audit check`: one rule that runs them.

The rule `vale-styles` is enabled by the `vale-config` setting (or a `.vale.ini` beside
the project's config file). Its findings carry each Vale rule's own name as their rule
id (`Microsoft.Passive`), its level as their severity (suggestion -> info), and the
rule's `link` as its help; suppression comments name that id."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from audit.engine import word_lists
from audit.engine.rule import Rule
from audit.results.findings import Finding, Severity
from audit.vale import ini, lint, markup, styles

SEVERITY = word_lists.LEVELS  # a Vale level as a severity, as the word lists read it
_FORMATS = {"markdown": "md", "html": "html", "text": "txt"}


class ValeStyles(Rule):
    """Runs the Vale styles a project's `.vale.ini` enables, as `article-audit vale` does,
    and reports each alert under the Vale rule's name (`Style.Rule`).

    Why:
    A team that writes its house style as Vale rules keeps it: one run gives the house
    style and the built-in readability, typo and accessibility checks, in every report.

    Bad:
    We utilize the car park.

    Good:
    We use the car park.
    """

    id = "vale-styles"
    summary = "a project's Vale styles (.vale.ini), each alert under its Vale rule's name"
    severity = Severity.WARNING
    category = "style"
    language_bound = False

    def __init__(self, config_path: str = "") -> None:
        self.config_path = config_path

    def __reduce__(self):
        return ValeStyles, (self.config_path,)

    def check(self, doc, opts):
        if not self.config_path:
            return
        config = _config(self.config_path)
        ext = _FORMATS.get(doc.format) or markup.SUPPORTED.get(Path(doc.path).suffix.lower())
        if ext is None:
            return
        # The document check has parsed already (a Markdown or text one is read the same way).
        # Every level is a finding (article-audit's min-severity decides what is shown) unless
        # the .vale.ini sets MinAlertLevel itself.
        floor = config.keys.get("MinAlertLevel", "suggestion")
        report = lint.lint_file(config, Path(doc.path), doc.path, source=doc.source, ext=ext, doc=doc, min_level=floor)
        if report is None:
            return
        doc.warnings.extend(f"vale-styles: {w}" for w in report.warnings)
        for alert in report.alerts:
            end = max(alert.end, alert.start + len(alert.match)) if alert.match else alert.end
            yield Finding(alert.check, SEVERITY[alert.severity], alert.message, alert.start, end)

    def environment(self, settings) -> str:
        """The .vale.ini and every file of its styles folder, by content: a changed rule
        is a changed result."""
        if not self.config_path:
            return ""
        return _digest(self.config_path)

    def reported_ids(self) -> tuple[str, ...]:
        return (self.id, *self.metadata())

    def metadata(self) -> dict[str, dict[str, Any]]:
        """What reports show about each Vale rule the config names: summary, level, link."""
        if not self.config_path:
            return {}
        config = _config(self.config_path)
        shown: dict[str, dict[str, Any]] = {}
        for settings in (config.for_file(config.root / f"x.{e}") for e in ("md", "html", "txt")):
            try:
                ruleset = styles.rules_for(config, settings)
            except ValueError:
                continue
            for rule in ruleset.rules:
                check = rule.check
                summary = check.description or check.message.replace("%s", "…")
                shown[rule.name] = {
                    "summary": summary,
                    "severity": SEVERITY[rule.level].label,
                    "category": "style",
                    "wcag": [],
                    "description": summary,
                    "help": check.link or f"Vale rule {rule.name} ({check.path})",
                }
        return shown


@lru_cache(maxsize=8)
def _config(path: str) -> ini.ValeConfig:
    return ini.read(Path(path))


@lru_cache(maxsize=8)
def _digest(path: str) -> str:
    config = _config(path)
    digest = hashlib.sha256(Path(path).read_bytes())
    base = config.styles_path
    if base is not None and base.is_dir():
        for file in sorted(base.rglob("*")):
            if file.is_file() and file.suffix in (".yml", ".yaml", ".txt", ".dic", ".aff"):
                digest.update(str(file.relative_to(base)).encode() + b"\0" + file.read_bytes())
    return "vale:" + digest.hexdigest()[:16]
