"""spelling: flag words the dictionary does not know. The dictionary is the project's
English word list (SCOWL, `audit.language.lexicon`), in place of Vale's Hunspell
en_US; the accepted vocabulary, `ignore` files and `filters` (patterns of words
left alone) are honoured. `dicpath`/`dictionaries` of other Hunspell files are not read."""

from __future__ import annotations

from pathlib import Path

from audit.language import lexicon
from audit.vale.checks import Check

_WORD = "[\\p{L}][\\p{L}'\u2019-]*[\\p{L}]|[\\p{L}]"


class Spelling(Check):
    def setup(self) -> None:
        self._words = self.pattern(_WORD, "spelling")
        filters = [str(f) for f in self.data.get("filters", []) or []]
        self._filters = [self.pattern(f"^(?:{f})$", "filters") for f in filters]
        ignored: list[str] = []
        for name in self.data.get("ignore", []) or []:
            path = Path(self.path).parent / str(name)
            if path.is_file():
                ignored += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        self._except = self.exceptions(ignored)
        if not self.message:
            self.message = "Did you really mean '%s'?"

    def _accepted(self, word: str) -> bool:
        if any(ord(c) > 0x2FF for c in word):  # not a Latin-script word: no dictionary for it
            return True
        if lexicon.known(word) or lexicon.known(word.lower()):
            return True
        if any(f.search(word) for f in self._filters):
            return True
        return self._except is not None and self._except.search(word)

    def run(self, block, state):
        alerts = []
        text = block.text
        for m in self._words.finditer(text):
            word = text[m.start : m.end].strip("'\u2019-")
            if not word or self._accepted(word):
                continue
            if "-" in word:  # as Vale's: a hyphenated compound is not checked ("remark-gfm")
                continue
            alerts.append(self.alert(m.start, m.start + len(word), text))
        return alerts


CHECK = Spelling
