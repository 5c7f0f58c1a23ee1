"""existence: flag each match of `tokens` (joined, between word boundaries unless
`nonword`) and `raw` (regex text joined before them, after with `append`)."""

from __future__ import annotations

from audit.vale.checks import Check
from audit.vale.regex import Union


class Existence(Check):
    def setup(self) -> None:
        tokens = [str(t) for t in self.data.get("tokens", []) or [] if str(t).strip()]
        raw = "".join(str(r) for r in self.data.get("raw", []) or []).replace("%", "%%")
        core = "(?:%s)" if tokens else ""
        if tokens and not self.data.get("nonword"):
            core = rf"\b{core}\b"
        body = core + raw if self.data.get("append") else raw + core
        flags = "(?i)" if self.data.get("ignorecase") else ""
        # One expression of all the tokens, as Vale's; a token that needs the lookaround
        # shim makes each token its own (audit.vale.regex.Union).
        self._pattern = Union(
            tokens or [""], f"{flags}(?m){body}" if tokens else f"{flags}(?m){raw}%s", self.path, "tokens"
        )
        # Vale: the accepted vocabulary is no exception for a `nonword` rule.
        self._except = self.exceptions(vocabulary=not self.data.get("nonword"))

    def run(self, block, state):
        alerts = []
        for _, m in self._pattern.finditer(block.text):
            observed = block.text[m.start : m.end].strip()
            if not observed or self._except is not None and self._except.search(observed):
                continue
            alerts.append(self.alert(m.start, m.end, block.text))
        return alerts


CHECK = Existence
