"""paragraph-length: paragraphs with too many sentences or words."""

from __future__ import annotations

from audit.engine.rule import Option, Rule
from audit.results.findings import Severity

PARAGRAPH_KINDS = ("paragraph", "quote")


class ParagraphLength(Rule):
    """Flags a paragraph with more sentences or more words than the limits. The
    finding points at the paragraph's first sentence.

    Headings, list items, table cells and captions are not paragraphs and are never
    flagged.

    Why:
    Long blocks of text are hard to read on a screen and harder still for readers
    with dyslexia or attention difficulties, who lose their place. News and web
    style guides keep paragraphs to a few sentences, one idea each; Yoast flags
    paragraphs over 150 words.

    Bad:
    The bill passed by 310 votes to 250 on Tuesday. Labour voted against it. Three
    Conservatives rebelled. The minister called it a good day for families. Unions
    said they would fight on. The bill was first proposed in 2019. It now goes to the
    House of Lords.

    Good:
    The bill passed by 310 votes to 250 on Tuesday. Labour voted against it. Three
    Conservatives rebelled.

    The minister called it a good day for families. Unions said they would fight on.

    The bill was first proposed in 2019. It now goes to the House of Lords.
    """

    id = "paragraph-length"
    category = "readability"
    summary = "Paragraph has too many sentences or words"
    severity = Severity.WARNING
    options = (
        Option("max-sentences", int, 6, "sentences above which a paragraph is flagged", minimum=1),
        Option("max-words", int, 150, "words above which a paragraph is flagged", minimum=10),
    )

    def measure(self, doc, opts):
        sizes = [
            (len(b.sentences), sum(len(s.words) for s in b.sentences))
            for b in doc.blocks
            if b.kind in PARAGRAPH_KINDS and b.sentences
        ]
        if not sizes:
            return {}
        return {
            "paragraphs": len(sizes),
            "max_paragraph_sentences": max(n for n, _ in sizes),
            "max_paragraph_words": max(w for _, w in sizes),
        }

    def check(self, doc, opts):
        for block in doc.blocks:
            if block.kind not in PARAGRAPH_KINDS or not block.sentences:
                continue
            sentences = len(block.sentences)
            words = sum(len(s.words) for s in block.sentences)
            over = []
            if sentences > opts["max-sentences"]:
                over.append(f"{sentences} sentences (limit {opts['max-sentences']})")
            if words > opts["max-words"]:
                over.append(f"{words} words (limit {opts['max-words']})")
            if over:
                first = block.sentences[0]
                yield self.finding(
                    first.start,
                    first.end,
                    "This paragraph has " + " and ".join(over) + "; split it into shorter paragraphs, one idea each.",
                )


RULE = ParagraphLength
