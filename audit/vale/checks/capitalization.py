"""capitalization: a block's text must be in `$title`, `$sentence`, `$lower` or
`$upper` case (or match a pattern); `exceptions`, `indicators`, `threshold` (share of
words that must comply, default 0.8) and `prefix` (a pattern left out at the start)."""

from __future__ import annotations

import re

from audit.vale.checks import Alert, Check, format_message

_WORD = r"[\p{N}\p{L}*]+[^\s]*"
# Chicago and AP keep these lower case inside a title.
SMALL = frozenset(
    "a an and as at but by en for from if in into nor of on onto or per so the to up v via vs with yet".split()
)


def title_case(text: str) -> str:
    words = text.split(" ")
    out = []
    for i, word in enumerate(words):
        bare = word.strip("([{\"'").lower()
        if 0 < i < len(words) - 1 and bare in SMALL and not words[i - 1].endswith(":"):
            out.append(word.lower() if word.isalpha() or bare == word.lower() else word)
        else:
            out.append(re.sub(r"^([^\w]*)(\w)", lambda m: m[1] + m[2].upper(), word))
    return " ".join(out)


class Capitalization(Check):
    def setup(self) -> None:
        self._match = self.data.get("match", "$title")
        self._threshold = float(self.data.get("threshold", 0) or 0.8)
        self._indicators = [str(i) for i in self.data.get("indicators", []) or []]
        self._except = self.exceptions()
        words = (self._except.text + "|" if self._except else "") + _WORD
        self._words = self.pattern(words, "exceptions")
        prefix = self.data.get("prefix")
        self._prefix = self.pattern(str(prefix), "prefix") if prefix else None
        if self._match not in ("$title", "$sentence", "$lower", "$upper"):
            self._custom = self.pattern(str(self._match), "match")

    def _excepted(self, word: str) -> bool:
        return self._except is not None and self._except.search(word)

    def _tokens(self, text: str) -> list[str]:
        return [text[m.start : m.end] for m in self._words.finditer(text)]

    def complies(self, text: str) -> bool:
        if self._prefix is not None:
            m = next(self._prefix.finditer(text), None)
            if m is not None and m.start == 0:
                text = text[m.end :]
        if self._match == "$lower":
            return text == text.lower() or self._excepted(text)
        if self._match == "$upper":
            return text == text.upper() or self._excepted(text)
        if self._match == "$title":
            return self._title(text)
        if self._match == "$sentence":
            return self._sentence(text)
        return self._custom.search(text) or self._excepted(text)

    def _title(self, text: str) -> bool:
        expected = self._tokens(title_case(text))
        count = words = 0
        for i, word in enumerate(self._tokens(text)):
            if i >= len(expected) or word == expected[i] or self._excepted(word) or word == word.upper():
                count += 1
            words += 1
        return words == 0 or count / words > self._threshold

    def _sentence(self, text: str) -> bool:
        tokens = self._tokens(text.rstrip("?!.:"))
        if len(tokens) > 1 and re.fullmatch(r"\d+\.", tokens[0]):
            tokens = tokens[1:]  # a numbered heading ("1. An important heading"): the words after the number
        count = words = 0
        for i, word in enumerate(tokens):
            prev = tokens[i - 1] if i else ""
            if self._excepted(word):  # a listed phrase as a whole ("High-Def Render Pipeline")
                count += 1
                words += 1
                continue
            for mark in ("-", "'", "\u2019"):
                if mark in word:
                    word = word.split(mark)[0]
                    break
            if word == word.upper() or any(prev.endswith(s) for s in self._indicators) or self._excepted(word):
                count += 1
            elif i == 0 and word != word.lower().capitalize():
                return False
            elif i == 0 or word == word.lower():
                count += 1
            words += 1
        return words == 0 or count / words > self._threshold

    def run(self, block, state):
        if self.complies(block.text):
            return []
        return [Alert(0, len(block.text), self._format(block.text), block.text, dict(self.action))]

    def _format(self, text: str) -> str:
        return format_message(self.message, text, title_case(text))


CHECK = Capitalization
