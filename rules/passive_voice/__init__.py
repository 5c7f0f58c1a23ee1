"""passive-voice: clauses in the passive voice, and articles that lean on it."""

from __future__ import annotations

from audit.engine.rule import Option, Rule
from audit.results.findings import Severity
from audit.rules.passive_voice.clauses import clauses


class PassiveVoice(Rule):
    """Flags each clause in the passive voice ("the bill was approved"), at its verb
    group, and an article where too many sentences use it. Where the clause names the
    doer ("by the committee"), the suggestion puts it first.

    Forms of "be" and "get" followed by a past participle count, with adverbs between
    ("was quickly approved", "has not been done", "got fired", "to be done"). Participles
    the sentence shows to be adjectives do not ("is interested in", "are tired", "is
    located in", "was very worried", "you're logged in"), nor the perfect ("has gone").
    Hyphenated participles ("was well-received"), colloquial ones after "get" ("got
    beat"), sentences in capitals and negations typed without an apostrophe ("isn
    cancelled") count too. "By" a time or a means ("by Friday", "by 2025", "by
    default", "by label") names no doer; where the doer is no noun phrase, no rewrite
    is offered.

    Why:
    The active voice says who does what, in the order readers expect, and is usually
    shorter. A passive hides the doer, which readers then have to guess. Plain-language
    guides (GOV.UK, plainlanguage.gov) ask writers to prefer the active voice; a passive
    is still right when the doer is unknown or does not matter.

    Bad:
    The new rules were approved by the committee on Monday, and fees will be raised
    next year.

    Good:
    The committee approved the new rules on Monday, and it will raise fees next year.
    """

    id = "passive-voice"
    category = "readability"
    summary = "Clause in the passive voice"
    severity = Severity.INFO
    options = (
        Option(
            "max-passive-share", float, 10.0, "largest acceptable % of sentences with a passive", minimum=0, maximum=100
        ),
        Option("min-sentences", int, 5, "articles with fewer sentences get no share finding", minimum=1),
    )

    def measure(self, doc, opts):
        counted = sum(1 for s in doc.sentences if s.words)
        if not counted:
            return {}
        found = clauses(doc)
        share = 100 * len({c.sentence for c in found}) / counted
        return {"passive_sentence_pct": round(share, 1), "passive_clauses": len(found)}

    def check(self, doc, opts):
        for c in clauses(doc):
            if c.agent:
                yield self.finding(
                    c.start,
                    c.end,
                    f"Passive voice: “{c.text}” (by {c.agent}). Put the doer first.",
                    suggestion=f"{'for ' * c.active.startswith('to ')}{c.agent} {c.active} …" if c.active else None,
                )
            else:
                yield self.finding(c.start, c.end, f"Passive voice: “{c.text}”. Say who acts, if it matters.")
        metrics = self.measure(doc, opts)
        counted = sum(1 for s in doc.sentences if s.words)
        share = metrics.get("passive_sentence_pct", 0)
        if counted >= opts["min-sentences"] and share > opts["max-passive-share"]:
            start, end = doc.title_span
            yield self.finding(
                start,
                end,
                f"{share:g}% of the article's sentences use the passive voice "
                f"(aim for at most {opts['max-passive-share']:g}%).",
                severity=Severity.WARNING,
                metric="passive_sentence_pct",
            )


RULE = PassiveVoice
