"""sentence-length: sentences too long to follow in one reading."""

from __future__ import annotations

from audit.engine.rule import Option, Rule
from audit.results.findings import Severity


class SentenceLength(Rule):
    """Flags each sentence longer than the word limit (a warning; an error past the
    hard limit), and an article where too many sentences run over 20 words.

    Why:
    Readers lose the thread of long sentences, and comprehension falls as length
    grows. Yoast and plain-language guides suggest that at most a quarter of the
    sentences run over 20 words.

    Bad:
    Canada's military has consistently contributed to multinational operations to
    deter terrorism, defend human rights, and act as a force for good in the world,
    working hand-in-hand with partners to counter violent extremism and restore peace.

    Good:
    Canada's military has long served in multinational operations. It works to deter
    terrorism, defend human rights and restore peace.
    """

    id = "sentence-length"
    category = "readability"
    summary = "Sentence has too many words"
    severity = Severity.WARNING
    options = (
        Option("max-words", int, 25, "words above which a sentence is flagged", minimum=5),
        Option("error-words", int, 60, "words above which the finding is an error", minimum=5),
        Option("long-words", int, 20, "a sentence over this many words counts as long", minimum=5),
        Option("max-long-share", float, 25.0, "largest acceptable % of long sentences", minimum=0, maximum=100),
        Option("min-sentences", int, 8, "articles with fewer sentences get no share finding", minimum=1),
    )

    def measure(self, doc, opts):
        lengths = [len(s.words) for s in doc.sentences if s.words]
        if not lengths:
            return {}
        long_share = 100 * sum(n > opts["long-words"] for n in lengths) / len(lengths)
        return {
            "long_sentences": sum(n > opts["max-words"] for n in lengths),
            "long_sentence_pct": round(long_share, 1),
            "max_sentence_length": max(lengths),
        }

    def check(self, doc, opts):
        for sentence in doc.sentences:
            n = len(sentence.words)
            if n > opts["max-words"]:
                error = n > opts["error-words"]
                yield self.finding(
                    sentence.start,
                    sentence.end,
                    f"Sentence has {n} words (limit {opts['max-words']}"
                    + (f", hard limit {opts['error-words']})" if error else ")")
                    + "; split it into shorter ones.",
                    severity=Severity.ERROR if error else None,
                )
        metrics = self.measure(doc, opts)
        counted = sum(1 for s in doc.sentences if s.words)
        if counted >= opts["min-sentences"] and metrics.get("long_sentence_pct", 0) > opts["max-long-share"]:
            start, end = doc.title_span
            yield self.finding(
                start,
                end,
                f"{metrics['long_sentence_pct']:g}% of the article's sentences have over "
                f"{opts['long-words']} words (aim for at most {opts['max-long-share']:g}%).",
                metric="long_sentence_pct",
            )


RULE = SentenceLength
