"""Hunspell dictionaries (`.dic` and `.aff`), for spelling rules that name their own.

Enough of Hunspell for word look-up: the word list with its flags, prefix and suffix
rules (strip, add, condition; a prefix and a suffix together where both allow
cross products), the flag formats (single characters, `long`, `num`, `UTF-8`),
`NEEDAFFIX` and `FORBIDDENWORD`. A word is looked up by taking affixes off, not by
expanding the list, so a dictionary of 150,000 entries loads in well under a second.
Not read: compounding rules, suggestions (REP, KEY), ICONV/OCONV, morphology.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Affix:
    flag: str
    strip: str
    add: str
    condition: re.Pattern[str] | None
    cross: bool


class Dictionary:
    def __init__(
        self,
        words: dict[str, set[str]],
        prefixes: dict[str, list[Affix]],
        suffixes: dict[str, list[Affix]],
        need_affix: str,
        forbidden: str,
    ) -> None:
        self.words = words
        self.prefixes = prefixes  # by the text the prefix adds
        self.suffixes = suffixes
        self.need_affix = need_affix
        self.forbidden = forbidden

    def knows(self, word: str) -> bool:
        candidates = [word]
        if word[:1].isupper():
            candidates.append(word[:1].lower() + word[1:])
            if word.isupper():
                candidates += [word.lower(), word[:1] + word[1:].lower()]
        return any(self._knows(w) for w in candidates)

    def _knows(self, word: str) -> bool:
        flags = self.words.get(word)
        if flags is not None and self.forbidden not in flags and self.need_affix not in flags:
            return True
        for stem, suffix in self._strip_suffixes(word):
            if self._has(stem, suffix.flag):
                return True
        for stem, prefix in self._strip_prefixes(word):
            if self._has(stem, prefix.flag):
                return True
            if prefix.cross:
                for inner, suffix in self._strip_suffixes(stem):
                    if suffix.cross and self._has(inner, suffix.flag, prefix.flag):
                        return True
        return False

    def _has(self, stem: str, *flags: str) -> bool:
        own = self.words.get(stem)
        return own is not None and all(f in own for f in flags) and self.forbidden not in own

    def _strip_suffixes(self, word: str):
        for cut in range(0, len(word)):
            for affix in self.suffixes.get(word[cut:], ()):
                stem = word[:cut] + affix.strip
                if stem and (affix.condition is None or affix.condition.search(stem)):
                    yield stem, affix

    def _strip_prefixes(self, word: str):
        for cut in range(0, len(word)):
            for affix in self.prefixes.get(word[:cut], ()):
                stem = affix.strip + word[cut:]
                if stem and (affix.condition is None or affix.condition.match(stem)):
                    yield stem, affix


def _split_flags(text: str, kind: str) -> list[str]:
    if kind == "long":
        return [text[i : i + 2] for i in range(0, len(text), 2)]
    if kind == "num":
        return [f for f in text.split(",") if f]
    return list(text)


@lru_cache(maxsize=16)
def load(dic: Path, aff: Path) -> Dictionary:
    """The dictionary of a `.dic` and its `.aff`."""
    raw = aff.read_bytes()
    encoding = "utf-8"
    m = re.search(rb"^SET\s+(\S+)", raw, re.M)
    if m:
        encoding = {"UTF-8": "utf-8", "ISO8859-1": "latin-1"}.get(m.group(1).decode(), m.group(1).decode())
    flag_kind = "char"
    prefixes: dict[str, list[Affix]] = {}
    suffixes: dict[str, list[Affix]] = {}
    need_affix = forbidden = "\0"
    headers: dict[tuple[str, str], bool] = {}
    for line in raw.decode(encoding, "replace").splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        key = parts[0]
        if key == "FLAG" and len(parts) > 1:
            flag_kind = parts[1].lower().replace("utf-8", "char")
        elif key == "NEEDAFFIX" and len(parts) > 1:
            need_affix = parts[1]
        elif key == "FORBIDDENWORD" and len(parts) > 1:
            forbidden = parts[1]
        elif key in ("PFX", "SFX") and len(parts) >= 4:
            if (key, parts[1]) not in headers:
                headers[(key, parts[1])] = parts[2] == "Y"
                continue
            strip = "" if parts[2] == "0" else parts[2]
            add = parts[3].split("/")[0]
            add = "" if add == "0" else add
            condition = parts[4] if len(parts) > 4 else "."
            if condition == ".":
                pattern = None
            else:
                try:
                    pattern = re.compile(condition + "$" if key == "SFX" else "^" + condition)
                except re.error:
                    pattern = None
            affix = Affix(parts[1], strip, add, pattern, headers[(key, parts[1])])
            (suffixes if key == "SFX" else prefixes).setdefault(add, []).append(affix)
    words: dict[str, set[str]] = {}
    lines = dic.read_bytes().decode(encoding, "replace").splitlines()
    for line in lines[1:] if lines and lines[0].strip().isdigit() else lines:
        entry = line.split("\t")[0].strip()
        if not entry or entry.startswith("#"):
            continue
        entry = entry.split(" ")[0]
        word, _, flags = entry.partition("/")
        words.setdefault(word, set()).update(_split_flags(flags, flag_kind))
    return Dictionary(words, prefixes, suffixes, need_affix, forbidden)
