"""repetition: flag a match of `tokens` that repeats the one before it ("the the"),
within one sentence and line; `alpha` counts only words of letters, `max` repeats allowed."""

from __future__ import annotations

from audit.document.segment import split_sentences
from audit.vale.checks import Check


class Repetition(Check):
    def setup(self) -> None:
        flags = "(?i)" if self.data.get("ignorecase") else ""
        tokens = "|".join(str(t) for t in self.data.get("tokens", []) or [])
        self._pattern = self.pattern(f"{flags}({tokens})", "tokens")
        self._max = int(self.data.get("max", 0) or 0)
        self._except = self.exceptions()

    def run(self, block, state):
        alerts, prev, prev_start, count = [], "", 0, 0
        text = block.text
        for m in self._pattern.finditer(text):
            curr = text[m.start : m.end].strip()
            same = curr.lower() == prev.lower() if self.data.get("ignorecase") else curr == prev
            hit = bool(curr) and same and (not self.data.get("alpha") or curr.isalpha())
            if hit:
                count += 1
            if hit and count > self._max:
                span = text[prev_start : m.end]
                # As Vale's sentence test: a line break between the two ends the repetition
                # ("... that the\nthe brain" is not flagged).
                one = "\n" not in span and len(split_sentences(span)) == 1
                if one and not (self._except and self._except.search(span)):
                    alerts.append(self.alert(prev_start, m.end, text, curr))
                    count = 0
            prev, prev_start = curr, m.start
        return alerts


CHECK = Repetition
