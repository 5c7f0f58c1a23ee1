"""occurrence: the number of matches of `token` in a block must be at most `max` and
at least `min`; the alert is at the first match outside code (the block's start if none)."""

from __future__ import annotations

from audit.vale.checks import Alert, Check, is_code


class Occurrence(Check):
    def setup(self) -> None:
        flags = "(?i)" if self.data.get("ignorecase") else ""
        self._pattern = self.pattern(f"{flags}(?:{self.data.get('token', '')})", "token")
        self._max = int(self.data.get("max", 0) or 0)
        self._min = int(self.data.get("min", 0) or 0)

    def run(self, block, state):
        matches = list(self._pattern.finditer(block.text))
        count = len(matches)
        if not (self._max > 0 and count > self._max or self._min > 0 and count < self._min):
            return []
        if not matches:
            return [Alert(0, 0, self.message, "", dict(self.action))]
        first = next((m for m in matches if not is_code(block.text[m.start : m.end])), matches[0])
        return [Alert(first.start, first.end, self.message, block.text[first.start : first.end], dict(self.action))]


CHECK = Occurrence
