"""What an article shows about its own terms, for the `spelling` rule: a word it also
writes in code, a URL or markup is a term it names; a word of a heading or a link's
text used again is one it defines; a word inside a quotation is someone's own."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from audit.language import lexicon

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Quotations: double quotes in pairs, and single curly ones whose closing mark is no
# apostrophe ("‘I don’t know’" ends at the second ’: the first is followed by a letter).
_QUOTED = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"|‘[^‘\n]*?’(?![^\W\d_])")
# Words with a letter dropped on purpose: "goin'", "an'", "'tis", "'em".
# ("Britain'" closing a quotation is none: "Britaing" is no word).
_ELIDED = re.compile(r"(?<![^\W\d_])([a-z]*in|an)['’](?![^\W\d_])|(?<![^\W\d_])['’](?:tis|twas|em)\b")


def _dropped_letter(word: str | None) -> bool:
    """An elided word: "goin'" for "going", "an'" for "and" ('tis and 'em have no group)."""
    return word is None or word == "an" or lexicon.known(word + "g")


class Evidence:
    """Evidence about one document's words, each piece worked out when first asked."""

    def __init__(self, doc, counts: Counter) -> None:
        self.doc = doc
        self.counts = counts
        self._outside: dict[str, bool] = {}
        self._defining: set[str] | None = None
        self._quotes: tuple[list[int], list[int]] | None = None
        self.elided: Counter = Counter()  # per quotation (its start): dropped-letter words in it
        self._source: str | None = None  # the code and link targets, read when first asked
        self._source_words: set[str] = set()

    def is_term(self, key: str) -> bool:
        """A term the article names or defines, not a slip: it also stands in code, a
        URL or markup, or in a heading or a link's text and once more besides."""
        return self.outside_prose(key) or (self.counts[key] >= 2 and key in self.defining())

    def outside_prose(self, key: str) -> bool:
        """The word (case folded) stands in the article's code (a code block, inline
        code) or a link's target: a name of a thing the article is about."""
        if self._source is None:
            self._source = self.doc.code_text
            self._source_words = set(_NOT_ALNUM.split(self._source))
        if not self._source:
            return False
        if key not in self._outside:
            if _ALNUM.fullmatch(key):  # nearly every word: one set lookup
                self._outside[key] = key in self._source_words
            else:  # a hyphen, an apostrophe, a dot: search for it whole
                pattern = re.compile(r"(?<![a-z0-9])" + re.escape(key) + r"(?![a-z0-9])")
                self._outside[key] = pattern.search(self._source) is not None
        return self._outside[key]

    def defining(self) -> set[str]:
        """The words of headings and of links' text, case folded."""
        if self._defining is None:
            texts = [b.text for b in self.doc.blocks if b.kind == "heading"]
            texts += [e.text for e in self.doc.elements if e.kind == "link"]
            self._defining = {w.casefold() for t in texts for w in _WORD.findall(t)}
        return self._defining

    def quoted(self, offset: int) -> int | None:
        """Where the quotation that holds the prose offset starts; None outside quotations."""
        if self._quotes is None:
            spans = [m.span() for m in _QUOTED.finditer(self.doc.text)]
            for a, b in spans:
                hits = sum(1 for m in _ELIDED.finditer(self.doc.text, a, b) if _dropped_letter(m.group(1)))
                if hits:
                    self.elided[a] += hits
            self._quotes = ([a for a, _ in spans], [b for _, b in spans])
        starts, ends = self._quotes
        i = bisect_right(starts, offset) - 1
        return starts[i] if i >= 0 and offset < ends[i] else None


_ALNUM = re.compile(r"[a-z0-9]+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def evidence_of_terms(doc, counts: Counter) -> Evidence:
    return Evidence(doc, counts)
