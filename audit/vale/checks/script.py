"""script: a Tengo program. Not run here (no Tengo interpreter); the rule is skipped
with one warning."""

from __future__ import annotations

from audit.vale.checks import Check


class Script(Check):
    unsupported = "script rules (Tengo) are not run"

    def run(self, block, state):
        return []


CHECK = Script
