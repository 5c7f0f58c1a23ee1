"""readability (Vale 1): the grade of `metrics` (Flesch-Kincaid, Gunning Fog,
Coleman-Liau, SMOG, Automated Readability) averaged, flagged above `grade`."""

from __future__ import annotations

import math

from audit.vale.checks import Alert, Check, format_message
from audit.vale.checks.metric import _counts_of


class Readability(Check):
    default_scope = "summary"

    def run(self, block, state):
        if not block.scope.startswith("summary"):
            return []
        c = _counts_of(block)
        if not c["words"]:
            return []
        w, s = c["words"], c["sentences"]
        grades = {
            "Flesch-Kincaid": 0.39 * w / s + 11.8 * c["syllables"] / w - 15.59,
            "Gunning Fog": 0.4 * (w / s + 100 * c["complex_words"] / w),
            "Coleman-Liau": 0.0588 * c["characters"] / w * 100 - 0.296 * s / w * 100 - 15.8,
            "SMOG": 1.043 * math.sqrt(c["polysyllabic_words"] * 30 / s) + 3.1291,
            "Automated Readability": 4.71 * c["characters"] / w + 0.5 * w / s - 21.43,
        }
        chosen = [grades[m] for m in self.data.get("metrics", []) if m in grades] or list(grades.values())
        grade = sum(chosen) / len(chosen)
        if grade <= float(self.data.get("grade", 8)):
            return []
        return [Alert(-1, -1, format_message(self.message, f"{grade:.2f}"), "", dict(self.action))]


CHECK = Readability
