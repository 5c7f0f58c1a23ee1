"""Vale's scope selectors: which blocks a rule runs on.

A block's scope is a dotted name (`text.heading.h2.md`, `paragraph.md`, `raw.md`); a
rule's scope is a list of selectors, each `a & ~b` (all parts present, negated ones
absent). `raw` and `summary` are whole-file scopes and match only themselves.
"""

from __future__ import annotations


class Scope:
    def __init__(self, values: list[str]) -> None:
        self.values = values
        self._seen: dict[str, bool] = {}
        self._options = [
            [(part.strip().startswith("~"), frozenset(part.strip().lstrip("~").split("."))) for part in v.split("&")]
            for v in values
        ]

    def matches(self, block_scope: str) -> bool:
        known = self._seen.get(block_scope)
        if known is None:  # a file has a handful of block scopes: each is decided once
            sections = frozenset(block_scope.split("."))
            known = self._seen[block_scope] = any(self._part_matches(sections, parts) for parts in self._options)
        return known

    @staticmethod
    def _part_matches(sections: frozenset[str], parts) -> bool:
        sized = "raw" in sections or "summary" in sections
        for negated, wanted in parts:
            if negated:
                if sized or wanted <= sections:
                    return False
            elif not wanted <= sections:
                return False
        return True
