"""substitution: flag each match of a `swap` key and suggest its value (`a|b`: either),
unless the match already is the value; `$1` fills in the match's groups."""

from __future__ import annotations

import re

from audit.engine.word_lists import cap_first, is_phrase, to_sentence
from audit.vale.checks import Alert, Check, format_message
from audit.vale.regex import Union, compile_pattern


class Substitution(Check):
    def setup(self) -> None:
        swap = self.data.get("swap") or {}
        # Longest first: Go's maps have no order, and the longer key is the likelier intent.
        self._swaps = sorted(((str(k), str(v)) for k, v in swap.items()), key=lambda kv: -len(kv[0]))
        flags = "(?i)" if self.data.get("ignorecase") else ""
        template = f"{flags}(?m)%s" if self.data.get("nonword") else flags + r"(?m)\b(?:%s)\b"
        self._union = Union([k for k, _ in self._swaps], template, self.path, "swap")
        self._except = self.exceptions()

    def run(self, block, state):
        alerts = []
        for index, m in self._union.finditer(block.text):
            found = block.text[m.start : m.end]
            observed = found.strip()
            key, expected = self._swaps[index]
            if "$" in expected:
                expected = self._fill(key, expected, observed)
            if self.data.get("capitalize") and observed == cap_first(observed):
                expected = cap_first(expected)
            if self._same(expected, observed) or self._except is not None and self._except.search(observed):
                continue
            message = self.message
            action = dict(self.action)
            if self.action.get("name") == "replace" and not self.action.get("params"):
                action["params"] = expected.split("|")  # as Vale: the replacements are the fix's
                expected = to_sentence(expected.split("|"))
                for spec in ("'%s'", '"%s"'):
                    if message.count(spec) == 2:
                        message = message.replace(spec, "%s", 1)
            alerts.append(
                Alert(
                    m.start,
                    m.end,
                    format_message(message, expected, observed),
                    observed,
                    action,
                    format_message(self.description, expected, observed) if self.description else None,
                )
            )
        return alerts

    def _fill(self, key: str, expected: str, observed: str) -> str:
        flags = "(?i)" if self.data.get("ignorecase") else ""
        m = next(compile_pattern(flags + key, self.path, f"swap[{key!r}]").finditer(observed), None)
        if m is None:
            return expected
        groups = [observed[a:b] if a >= 0 else "" for a, b in m.groups]
        return re.sub(r"\$(\d+)", lambda g: groups[int(g[1]) - 1] if 0 < int(g[1]) <= len(groups) else "", expected)

    def _same(self, expected: str, observed: str) -> bool:
        if is_phrase(expected):
            return expected == observed
        try:  # Vale: the whole match is the replacement, read as a pattern
            return compile_pattern(f"^(?:{expected})$", self.path, "swap").search(observed)
        except ValueError:
            return expected == observed


CHECK = Substitution
