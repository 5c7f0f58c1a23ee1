"""Which findings of a result gate, and which are shown.

Narrowing keeps the findings a merge should be judged on (new against a baseline, on
lines changed since a git ref) and decides the status again from those. Showing hides
findings below the settings' `min_severity` from the report only: the status was
decided on all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audit.results.findings import Severity
from audit.workflow import baseline as baselines
from audit.workflow import changes

if TYPE_CHECKING:
    from audit.batch.tasks import Task
    from audit.engine.settings import Settings


@dataclass(frozen=True)
class Narrowing:
    """What a run gates on. `baseline`: a loaded baseline, whose paths are relative to
    `baseline_root`; `changed_since`: a git ref, to keep only findings on lines changed
    since it (article-level findings, about a metric, are always kept)."""

    baseline: dict[str, Any] | None = None
    baseline_root: Path | None = None
    changed_since: str | None = None

    @property
    def keeps_everything(self) -> bool:
        return self.baseline is None and self.changed_since is None

    def narrow(self, result: dict[str, Any], task: Task) -> dict[str, Any]:
        """The result with only the findings that gate, and its status decided on them;
        the result itself when nothing is dropped (or it is an error, or was not audited)."""
        if result["status"] == "error" or task.settings is None:
            return result
        findings = result["findings"]
        if self.baseline is not None:
            findings = baselines.new_findings(result, self.baseline, self.baseline_root)
        if self.changed_since is not None:
            lines = changes.changed_lines(self.changed_since, Path(task.path).resolve())
            findings = [
                f for f in findings if f.get("metric") or any(n in lines for n in range(f["line"], f["end_line"] + 1))
            ]
        if findings is result["findings"]:
            return result
        narrowed = {**result, "findings": findings}
        narrowed["status"] = baselines.regate(narrowed, task.settings.fail_on)
        return narrowed

    def narrow_all(self, results: Iterable[dict[str, Any]], tasks: list[Task]) -> list[dict[str, Any]]:
        """`narrow` for a batch: results in task order."""
        return [self.narrow(result, task) for result, task in zip(results, tasks)]

    def shows_as_audited(self, tasks: Iterable[Task]) -> bool:
        """Whether every result is reported exactly as audited: nothing narrowed, nothing hidden."""
        return self.keeps_everything and all(t.settings is None or t.settings.min_severity == "info" for t in tasks)


def shown(result: dict[str, Any], settings: Settings | None) -> dict[str, Any]:
    """The result without the findings below `settings.min_severity` (the status stays)."""
    if settings is None or settings.min_severity == "info":
        return result
    floor = Severity.parse(settings.min_severity)
    return {**result, "findings": [f for f in result["findings"] if Severity.parse(f["severity"]) >= floor]}
