"""existence: flag each match of `tokens` (joined, between word boundaries unless
`nonword`) and `raw` (regex text joined before them, after with `append`)."""

from __future__ import annotations

from audit.vale.checks import Check


class Existence(Check):
    def setup(self) -> None:
        tokens = [str(t) for t in self.data.get("tokens", []) or [] if str(t).strip()]
        raw = "".join(str(r) for r in self.data.get("raw", []) or [])
        core = f"(?:{'|'.join(tokens)})" if tokens else ""
        if tokens and not self.data.get("nonword"):
            core = rf"\b{core}\b"
        body = core + raw if self.data.get("append") else raw + core
        flags = "(?i)" if self.data.get("ignorecase") else ""
        self._pattern = self.pattern(f"{flags}(?m){body}", "tokens")
        self._except = self.exceptions() if not self.data.get("nonword") else self.exceptions_only()

    def exceptions_only(self):
        saved, self.accepted = self.accepted, []
        try:
            return self.exceptions()
        finally:
            self.accepted = saved

    def run(self, block, state):
        alerts = []
        for m in self._pattern.finditer(block.text):
            observed = block.text[m.start : m.end].strip()
            if not observed or self._except is not None and self._except.search(observed):
                continue
            alerts.append(self.alert(m.start, m.end, block.text))
        return alerts


CHECK = Existence
