"""conditional: a match of `first` needs `second` in the file (with a capture group in
`second`: the same text captured there before, as an acronym defined "World Health
Organization (WHO)")."""

from __future__ import annotations

from audit.vale.checks import Check


def _has_group(pattern: str) -> bool:
    return pattern.count("(") > pattern.count("(?") + pattern.count(r"\(")


class Conditional(Check):
    def setup(self) -> None:
        flags = "(?i)" if self.data.get("ignorecase") else ""
        self._second = self.pattern(flags + str(self.data.get("second", "")), "second")
        self._first = self.pattern(flags + str(self.data.get("first", "")), "first")
        self._grouped = _has_group(str(self.data.get("second", "")))
        self._except = self.exceptions()

    def run(self, block, state):
        text = block.text
        if not self._grouped:
            if self._second.search(text):
                return []
        else:
            for m in self._second.finditer(text):
                state.sequences += [text[a:b] for a, b in m.groups if a != -1 and b > a]
        alerts = []
        for m in self._first.finditer(text):
            found = text[m.start : m.end]
            if self._grouped and found in state.sequences:
                continue
            if self._except is not None and self._except.search(found):
                continue
            alerts.append(self.alert(m.start, m.end, text))
        return alerts


CHECK = Conditional
