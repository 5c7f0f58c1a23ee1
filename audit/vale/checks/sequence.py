"""sequence: a run of tokens, each a pattern and a part-of-speech tag. Without a
part-of-speech tagger, only rules whose tokens name no tag are run (as a phrase of
their patterns, `skip` words allowed between); others are skipped with one warning."""

from __future__ import annotations

from audit.vale.checks import Check


class Sequence(Check):
    default_scope = "sentence"

    def setup(self) -> None:
        tokens = self.data.get("tokens") or []
        self.unsupported = ""
        if any(isinstance(t, dict) and t.get("tag") for t in tokens):
            self.unsupported = "sequence rules with part-of-speech tags (`tag`) are not run: no tagger"
            return
        parts = []
        for token in tokens:
            pattern = str(token.get("pattern", "")) if isinstance(token, dict) else str(token)
            skip = int(token.get("skip", 0) or 0) if isinstance(token, dict) else 0
            part = f"(?:{pattern})"
            if token.get("negate") if isinstance(token, dict) else False:
                part = r"\S+"
            parts.append(part + (rf"(?:\s+\S+){{0,{skip}}}" if skip else ""))
        flags = "(?i)" if self.data.get("ignorecase") else ""
        self._pattern = self.pattern(flags + r"\b" + r"\s+".join(parts) + r"\b", "tokens")

    def run(self, block, state):
        if self.unsupported:
            return []
        return [self.alert(m.start, m.end, block.text) for m in self._pattern.finditer(block.text)]


CHECK = Sequence
