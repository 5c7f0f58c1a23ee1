"""spelling: flag words the dictionaries do not know, as Vale's spelling check does.

Words are the block's runs of letters, digits, apostrophes and hyphens. As in Vale, a
word is left alone when a filter finds anything in it: the rule's `filters`, and, unless
`custom: true`, Vale's three defaults (a capital, lower case, then a capital: camel case
such as `MacBook`; capitals at the end: `NASA`, `iOS`; any character but an ASCII
letter, `_` or `'`: numbers, hyphenated compounds, other scripts). The accepted
vocabulary and the rule's `exceptions` are searched in a word regardless of case; the
`ignore` files (relative to StylesPath) add words to the dictionary.

Without `dictionaries`, the dictionary is the project's English word list (SCOWL,
`audit.language.lexicon`) in place of Vale's built-in Hunspell en_US. `dictionaries`
names Hunspell `.dic`/`.aff` pairs in `dicpath` (relative to StylesPath), used instead
of the default unless `append: true` adds them to it; `aff` and `dic` name one pair."""

from __future__ import annotations

from pathlib import Path

from audit.language import lexicon
from audit.vale import hunspell
from audit.vale.checks import Check, StyleError

_WORD = "[\\p{L}\\p{N}_'\u2019-]+"
DEFAULT_FILTERS = (r"[A-Z]{1}[a-z]+[A-Z]+\w+", r"[A-Z]+$", r"[^a-zA-Z_']")


class Spelling(Check):
    def setup(self) -> None:
        self._words = self.pattern(_WORD, "spelling")
        filters = [str(f) for f in self.data.get("filters", []) or []]
        if not self.data.get("custom"):
            filters += DEFAULT_FILTERS
        self._filters = [self.pattern(f, "filters") for f in filters]
        styles = Path(self.path).parent.parent  # StylesPath: the folder of the rule's style folder
        self._ignored: set[str] = set()
        names = self.data.get("ignore", []) or []
        for name in [names] if isinstance(names, str) else names:
            path = next((p for p in (styles / str(name), Path(self.path).parent / str(name)) if p.is_file()), None)
            if path is None:
                raise StyleError(self.path, "ignore", f"no such file: {styles / str(name)}")
            self._ignored |= {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
        self._dictionaries = self._load_dictionaries(styles)
        self._default = not self._dictionaries or bool(self.data.get("append"))
        excepted = [str(e) for e in self.data.get("exceptions") or []] + list(self.accepted)
        self._except = self.pattern("(?i)(?:" + "|".join(excepted) + ")", "exceptions") if excepted else None

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

    def _known(self, word: str) -> bool:
        """In a dictionary: the rule's own, the ignore files' words, or the default."""
        if word in self._ignored or word[:1].isupper() and word.lower() in self._ignored:
            return True
        if any(d.knows(word) for d in self._dictionaries):
            return True
        return self._default and any(map(_in_word_list, (word, word.lower())))

    def run(self, block, state):
        alerts = []
        text = block.text.replace("\u2019", "'")  # as the dictionaries' ICONV: a curly apostrophe is a '
        for m in self._words.finditer(text):
            word = text[m.start : m.end].strip("'")
            if not word or any(f.search(word) for f in self._filters):
                continue
            if self._known(word) or self._except is not None and self._except.search(word):
                continue
            start = m.start + text[m.start : m.end].index(word)
            alerts.append(self.alert(start, start + len(word), text))
        return alerts


CHECK = Spelling


def _in_word_list(word: str) -> bool:
    """In the English word list as Vale's own dictionary would have it: not one of the
    tool's hand-written technical terms (a word list of its own, which Vale lacks)."""
    return lexicon.known(word) and lexicon.level_of(word.lower()) != lexicon.TERM_LEVEL
