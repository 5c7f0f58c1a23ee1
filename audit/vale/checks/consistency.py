"""consistency: of each `either` pair, only one may be used in a file; the block where
the second one first shows is flagged."""

from __future__ import annotations

from audit.vale.checks import Check


class Consistency(Check):
    def setup(self) -> None:
        flags = "(?i)" if self.data.get("ignorecase") else ""
        template = f"{flags}(?m)(?:%s)" if self.data.get("nonword") else flags + r"(?m)\b(?:%s)\b"
        stem = self.name.split(".")[-1]
        self._steps = []
        for i, (one, other) in enumerate((self.data.get("either") or {}).items()):
            names = (f"{stem}{2 * i + 2}", f"{stem}{2 * i + 3}")
            pattern = self.pattern(template % f"({one})|({other})", f"either[{one!r}]")
            self._steps.append((pattern, names))

    def run(self, block, state):
        alerts = []
        for pattern, names in self._steps:
            last = None
            for m in pattern.finditer(block.text):
                for index, (a, b) in enumerate(m.groups[:2]):
                    if a != -1:
                        state.sequences.append(names[index])
                        last = (a, b)
            if last is not None and all(n in state.sequences for n in names):
                # As Vale: the alert names the first place the matched text shows in the block.
                found = block.text[last[0] : last[1]]
                start = block.text.find(found)
                alerts.append(self.alert(start, start + len(found), block.text))
        return alerts


CHECK = Consistency
