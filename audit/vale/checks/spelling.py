"""spelling: flag words the dictionaries do not know.

Without `dictionaries`, the dictionary is the project's English word list (SCOWL,
`audit.language.lexicon`) in place of Vale's built-in Hunspell en_US. `dictionaries`
names Hunspell `.dic`/`.aff` pairs in `dicpath` (relative to StylesPath), used instead
of the default unless `append: true` adds them to it; `aff` and `dic` name one pair by
path. The accepted vocabulary, `ignore` files (relative to StylesPath) and `filters`
(patterns of words left alone) are honoured."""

from __future__ import annotations

from pathlib import Path

from audit.language import lexicon
from audit.vale import hunspell
from audit.vale.checks import Check, StyleError

_WORD = "[\\p{L}][\\p{L}'\u2019-]*[\\p{L}]|[\\p{L}]"


class Spelling(Check):
    def setup(self) -> None:
        self._words = self.pattern(_WORD, "spelling")
        filters = [str(f) for f in self.data.get("filters", []) or []]
        self._filters = [self.pattern(f"^(?:{f})$", "filters") for f in filters]
        styles = Path(self.path).parent.parent  # StylesPath: the folder of the rule's style folder
        ignored: list[str] = []
        names = self.data.get("ignore", []) or []
        for name in [names] if isinstance(names, str) else names:
            path = next((p for p in (styles / str(name), Path(self.path).parent / str(name)) if p.is_file()), None)
            if path is None:
                raise StyleError(self.path, "ignore", f"no such file: {styles / str(name)}")
            ignored += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        self._dictionaries = self._load_dictionaries(styles)
        self._default = not self._dictionaries or bool(self.data.get("append"))
        self._except = self.exceptions(ignored)
        if not self.message:
            self.message = "Did you really mean '%s'?"

    def _load_dictionaries(self, styles: Path) -> list:
        pairs = []
        folder = styles / str(self.data.get("dicpath", "")) if self.data.get("dicpath") else styles
        for name in self.data.get("dictionaries", []) or []:
            pairs.append((folder / f"{name}.dic", folder / f"{name}.aff", f"dictionaries: {name}"))
        if self.data.get("dic") and self.data.get("aff"):
            pairs.append((styles / str(self.data["dic"]), styles / str(self.data["aff"]), "dic"))
        loaded = []
        for dic, aff, key in pairs:
            if not dic.is_file() or not aff.is_file():
                raise StyleError(self.path, key, f"no Hunspell pair {dic.name} and {aff.name} in {dic.parent}")
            loaded.append(hunspell.load(dic, aff))
        return loaded

    def _accepted(self, word: str) -> bool:
        if any(d.knows(word) for d in self._dictionaries):
            return True
        if self._default:
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
