"""heading-structure: headings that do not outline the article (WCAG 1.3.1, 2.4.6)."""

from __future__ import annotations

import re

from audit.engine.rule import Option, Rule
from audit.results.findings import Severity

_LAST_WORD = re.compile(r"(\S+?)[\"”’')\]]*$")
_ABBREVIATIONS = frozenset("etc inc ltd co corp jr sr st no vs plc".split())


def ends_a_sentence(text: str) -> bool:
    """The text ends with a full stop that is not an ellipsis, initial or abbreviation."""
    m = _LAST_WORD.search(text)
    word = m.group(1) if m else ""
    if not word.endswith(".") or word.endswith(".."):
        return False
    stem = word[:-1]
    return not ("." in stem or stem.lower() in _ABBREVIATIONS or (len(stem) == 1 and stem.isupper()))


class HeadingStructure(Rule):
    """Flags headings that break the article's outline: a level skipped on the way
    down (h2 to h4), more than one top-level heading, empty headings, and headings
    that are whole sentences rather than labels.

    Only Markdown and HTML have headings; plain text is never flagged. The first
    heading may be at any level, as a page template often supplies the title.

    Why:
    WCAG 2.2 success criteria 1.3.1 (Info and Relationships, level A) and 2.4.6
    (Headings and Labels, level AA). Screen-reader users move through an article by
    its headings and hear their levels: a skipped level suggests missing content, two
    top-level headings make the main topic unclear, and an empty heading is announced
    as "heading level 2" with nothing after it. Short headings are quicker to scan.

    Bad:
    # Budget 2024
    #### What changes for families
    ## The chancellor announced today that fuel duty will be frozen for another year.

    Good:
    # Budget 2024
    ## What changes for families
    ## Fuel duty frozen again
    """

    id = "heading-structure"
    category = "accessibility"
    summary = "Headings skip levels, repeat the top level, are empty or are sentences (WCAG 1.3.1, 2.4.6)"
    severity = Severity.WARNING
    wcag = ("1.3.1", "2.4.6")
    options = (
        Option("max-words", int, 15, "a heading longer than this many words reads as a sentence", minimum=3),
        Option(
            "sentence-words",
            int,
            8,
            "a heading ending with a full stop and at least this many words is a sentence",
            minimum=2,
        ),
        Option("single-top-level", bool, True, "flag a second top-level heading"),
    )

    def check(self, doc, opts):
        previous = 0
        top_level = None
        for heading in doc.elements:
            if heading.kind != "heading":
                continue
            level = heading.attrs.get("level", 0)
            text = " ".join(heading.text.split())
            span = heading.start, heading.end
            if not text:
                yield self.finding(
                    *span,
                    f"Empty level-{level} heading; screen readers announce it with "
                    "nothing to say. Give it text or remove it.",
                    severity=Severity.ERROR,
                )
                continue
            if previous and level > previous + 1:
                yield self.finding(
                    *span,
                    f"Heading level {level} follows level {previous}; a level is "
                    f"skipped. Use level {previous + 1}, or restructure the sections.",
                )
            if level == 1 and opts["single-top-level"]:
                if top_level is not None:
                    line = doc.position(top_level)[0]
                    yield self.finding(
                        *span,
                        f"A second top-level heading (the first is on line {line}); "
                        "an article has one main heading. Use level 2 for sections.",
                    )
                top_level = heading.start if top_level is None else top_level
            words = len(text.split())
            if words > opts["max-words"]:
                yield self.finding(
                    *span,
                    f"Heading has {words} words; a heading is a short label (at most {opts['max-words']} words).",
                    severity=Severity.INFO,
                )
            elif words >= opts["sentence-words"] and ends_a_sentence(text):
                yield self.finding(
                    *span,
                    "Heading is a whole sentence; a short label without a full stop is quicker to scan.",
                    severity=Severity.INFO,
                )
            previous = level


RULE = HeadingStructure
