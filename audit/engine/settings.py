"""What applies to one file: the enabled rules with their options and severities, and the gate.

Built by the configuration layer (`audit.config`); the engine only reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from audit.engine.rule import Rule
from audit.language.languagetool import LanguageToolSettings
from audit.results.findings import Severity


@dataclass(frozen=True)
class RuleSettings:
    rule: Rule
    severity: Severity
    options: Mapping[str, Any]


@dataclass(frozen=True)
class Settings:
    """What applies to one file: the enabled rules with their options, and the gate."""

    rules: tuple[RuleSettings, ...]
    fail_on: str
    language: str
    report_unused_suppressions: bool = False
    min_severity: str = "info"  # findings below it are not shown (the gate still counts them)
    languagetool: LanguageToolSettings = LanguageToolSettings()
    # The config file these came from, as reports name it; None for the built-in defaults.
    config: str | None = None
