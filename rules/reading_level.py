"""reading-level: the article reads above its target grade."""

from __future__ import annotations

from audit.engine.rule import Option, Rule
from audit.language import readability
from audit.results.findings import Severity
from audit.results.grades import describe_grade

GRADES = (
    "consensus_grade",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
)


class ReadingLevel(Rule):
    """Flags an article whose reading grade is above the target, and names the
    hardest sentences so the writer knows where to start.

    The grade is the consensus of textstat's formulas (Flesch-Kincaid, Gunning fog,
    SMOG, Coleman-Liau, ARI, Dale-Chall, Linsear Write) computed from the document's
    own sentence, word and syllable counts, or one formula chosen with `grade`.

    Why:
    WCAG 2.2 success criterion 3.1.5 (Reading Level, AAA) asks that text needing more
    than lower secondary education (about grade 9) have a simpler version. Plain
    text reaches more readers, including people with cognitive disabilities and
    those reading in a second language.

    Bad:
    The deployment of considerable organisational capabilities necessitates
    comprehensive interdepartmental coordination mechanisms. Institutional
    accountability frameworks must be strengthened to facilitate the systematic
    evaluation of programme effectiveness. Notwithstanding substantial budgetary
    constraints, the administration anticipates implementing transformational
    operational improvements throughout the forthcoming financial year. Consultation
    processes will additionally incorporate comprehensive consideration of
    environmental sustainability requirements. Consequently, departmental leadership
    responsibilities encompass the prioritisation of strategic investment
    opportunities, the rationalisation of duplicative administrative functions and
    the identification of measurable performance indicators. Independent assessments
    will subsequently determine whether organisational modernisation objectives have
    been satisfactorily accomplished within the anticipated implementation
    timescales. Comprehensive documentation of institutional decision-making
    procedures remains essential.

    Good:
    To use our strengths, teams across the department must work together. Each
    team will say who is in charge of what, so that we can check how well our plans
    work. Money is tight this year. Even so, we plan to make real changes in how we
    work. We will ask people what they think, and we will look at what our plans do
    to the places where they live. Our leaders will choose where to spend money
    first. They will cut work that two teams do twice. They will also set clear
    goals that we can measure. Each year, people from outside will check that we did
    what we said, and on time.
    """

    id = "reading-level"
    category = "readability"
    summary = "Article reads above the target grade (WCAG 3.1.5)"
    # Advice by default: WCAG's 3.1.5 is level AAA and asks for supplementary content,
    # not shorter news; the strict and wcag-aaa profiles make it an error.
    severity = Severity.WARNING
    wcag = ("3.1.5",)
    options = (
        Option("target-grade", float, 9.0, "highest acceptable grade", minimum=1, maximum=20),
        Option("grade", str, "consensus_grade", "which grade to gate on", choices=GRADES),
        Option("hardest-sentences", int, 3, "hardest sentences to name as info findings", minimum=0, maximum=20),
        Option("min-words", int, 100, "articles shorter than this are not graded", minimum=0),
    )

    def measure(self, doc, opts):
        return {**readability.measure(doc), "target_grade": opts["target-grade"]}

    def check(self, doc, opts):
        metrics = readability.measure(doc)
        if metrics.get("words", 0) < opts["min-words"] or opts["grade"] not in metrics:
            return
        grade = metrics[opts["grade"]]
        target = opts["target-grade"]
        if grade > target:
            start, end = doc.title_span
            name = opts["grade"].replace("_", " ")
            yield self.finding(
                start,
                end,
                f"The article reads at grade {grade:g} ({name}) — {describe_grade(grade)}; "
                f"the target is {target:g}. Shorter sentences and everyday words lower it.",
                metric=opts["grade"],
            )
        if not opts["hardest-sentences"] or grade <= target:
            return  # an article within its target has no sentences to start on
        graded = []
        for sentence, fk in zip(doc.sentences, readability.sentence_grades(doc)):
            if len(sentence.words) < 8:
                continue
            if fk > target:
                graded.append((-fk, sentence.start, sentence))
        for rank, (neg, _, sentence) in enumerate(sorted(graded)[: opts["hardest-sentences"]], 1):
            yield self.finding(
                sentence.start,
                sentence.end,
                f"Hardest sentence #{rank}: grade {-neg:.1f} (Flesch-Kincaid). Split it or use shorter words.",
                severity=Severity.INFO,
            )


RULE = ReadingLevel
