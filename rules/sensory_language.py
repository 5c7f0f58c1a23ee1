"""sensory-language: instructions that rely on colour, shape, size or position (WCAG 1.3.3)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, count

from audit.engine.rule import Option, Rule
from audit.engine.word_lists import load
from audit.results.findings import Severity
from audit.rules import DATA

# The instructions and determiners the patterns open with: the prefilter (TRIGGER,
# OPENING_WORDS) is built from them, so they are code. The words of colour, shape, size,
# place, things and sounds are the list rules/data/sensory_language.yml.
INSTRUCTION = (
    r"(?:click(?:ing)?(?:\s+on)?|tap(?:ping)?(?:\s+on)?|press(?:ing)?|select(?:ing)?|choos(?:e|ing)|"
    r"hit|us(?:e|ing)|see|check|look\s+(?:at|for)|refer\s+to|find|open|follow|drag|scroll\s+to)"
)
DETERMINER = r"(?:the|a|an|that|this|these|those|its|your)"


def classes() -> dict[str, str]:
    """Each class of the list's tokens as one regex alternation, "(?:red|green|...)";
    "place-before": the places taken before a noun (a bare "left" or "right" often means
    something else there: "the right key")."""
    found: dict[str, list[str]] = {}
    for entry in load(DATA / "sensory_language.yml").entries:
        found.setdefault(entry.get("class"), []).append(entry.match)
        if entry.get("class") == "place" and entry.get("before-noun", True):
            found.setdefault("place-before", []).append(entry.match)
    return {name: "(?:" + "|".join(words) + ")" for name, words in found.items()}


@lru_cache(maxsize=1)
def patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Compiled on first need: few articles hold a trigger, and compiling costs every run."""
    words = classes()
    colour, place, thing = words["colour"], words["place"], words["thing"] + "s?"
    looks = f"(?:{colour}|{words['shape']}|{words['size']}|{words['place-before']})"
    return (
        # "click the green button", "press the big round icon", "use the left-hand menu"
        (
            re.compile(
                rf"\b{INSTRUCTION}\s+{DETERMINER}\s+(?:[\w-]+\s+)?{looks}"
                rf"(?:\s+[\w-]+)?\s+{thing}\b(?<!black box)(?<!black boxes)",
                re.I,
            ),
            "relies on how something looks or where it is",
        ),
        # "see the box on the right", "click the link at the top of the page"
        (
            re.compile(
                rf"\b{INSTRUCTION}\s+{DETERMINER}\s+(?:[\w-]+\s+)?{thing}\s+(?:on|to|at|in)\s+the\s+"
                rf"(?:{place}|side|corner)(?:[\s-]+(?:hand\s+)?(?:side|corner|edge))?\b",
                re.I,
            ),
            "relies on where something sits on the screen",
        ),
        # "items shown in red", "fields marked in red", "the areas shaded green"
        (
            re.compile(
                rf"\b(?:(?:shown|marked|highlighted|circled|underlined|shaded)\s+in|highlighted|shaded)\s+"
                rf"{colour}\b",
                re.I,
            ),
            "relies on colour",
        ),
        # "as shown below", "pictured above", "see the chart below"
        (
            re.compile(
                r"\b(?:as\s+(?:shown|seen|pictured|illustrated)|shown|pictured|illustrated|depicted)"
                r"(?:\s+in\s+the\s+(?:image|picture|photo|chart|diagram|figure|graphic|map|video))?\s+"
                r"(?:below|above|on\s+the\s+(?:left|right)|to\s+the\s+(?:left|right))(?![\w-])",
                re.I,
            ),
            "points at something by its position on the page",
        ),
        # "when you hear the beep", "listen for the tone"
        (
            re.compile(rf"\b(?:when\s+you\s+hear|listen\s+for)\s+the\s+{words['sound']}\b", re.I),
            "relies on hearing a sound",
        ),
    )


# What every pattern in `patterns` starts with or holds, at a word's start: a prefilter,
# so it may match more. Most sentences hold none of it, and one scan for it is far
# cheaper than five patterns on every sentence. It runs case-sensitively on lowercased
# text (an IGNORECASE pattern is slower), and its leading "\b" halves the scan: the
# alternatives start with half the alphabet, and are tried only where a word starts.
TRIGGER = re.compile(
    rf"\b(?:{INSTRUCTION}\s+{DETERMINER}\b|(?:shown|seen|pictured|illustrated|depicted|"
    r"marked|highlighted|circled|underlined|shaded|hear|listen)\b)"
)
# The word a TRIGGER match opens with: a whole word, or a part of one between hyphens
# and apostrophes ("re-use the"). A test checks the list against the pattern.
OPENING_WORDS = frozenset(
    """click clicking tap tapping press pressing select selecting choose choosing hit use
    using see check look refer find open follow drag scroll shown seen pictured illustrated depicted marked
    highlighted circled underlined shaded hear listen""".split()
)
_JOINERS = re.compile(r"[-'’]")


def _joined(text: str) -> set[str]:
    """The distinct words with a hyphen or an apostrophe, found by one scan of them all,
    given as lines (`Document.distinct_lower_lines`: no word holds a line break)."""
    found = set()
    for m in _JOINERS.finditer(text):
        start, end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
        found.add(text[start:] if end == -1 else text[start:end])
    return found


def trigger_sentences(doc) -> list:
    """The sentences in which TRIGGER matches, as `doc.sentences_with(TRIGGER, lowercase=True)`
    finds them, found faster: the pattern is tried only where one of OPENING_WORDS is a
    word, not at every word of the text."""
    words = doc.lower_words
    inside = any(OPENING_WORDS.intersection(_JOINERS.split(w)) for w in _joined(doc.distinct_lower_lines))
    if inside or not doc.lower_text_is_lower:  # an opening word inside a word, or offsets that may not agree
        return doc.sentences_with(TRIGGER, lowercase=True)
    text, hits = doc.lower_text, []
    for i in compress(count(), map(OPENING_WORDS.__contains__, words)):
        start = doc.words[i].prose_start
        if TRIGGER.match(text, start):
            sentence = doc.sentence_at(start)
            if sentence is not None and (not hits or hits[-1] is not sentence):
                hits.append(sentence)
    return hits


class SensoryLanguage(Rule):
    """Flags instructions that only work for someone who can see colour, shape, size
    or position, or hear a sound: "click the green button", "see the box on the
    right", "fields marked in red", "as shown below", "when you hear the beep".

    Only instructions and references to the page are flagged ("press the red
    button"), not descriptions of the world ("a red bus", "the man on the left
    wing").

    Why:
    WCAG 2.2 success criterion 1.3.3 (Sensory Characteristics, level A). Readers who
    are blind, colour-blind or using a screen reader or a phone (where the "box on the
    right" moves below the text) cannot follow instructions that depend on how
    something looks or where it sits. Name the thing instead, or add its label.

    Bad:
    To subscribe, click the green button in the box on the right.

    Good:
    To subscribe, choose "Subscribe" under "Newsletter" at the end of this article.
    """

    id = "sensory-language"
    category = "accessibility"
    summary = "Instruction relies on colour, shape, size, position or sound (WCAG 1.3.3)"
    severity = Severity.WARNING
    wcag = ("1.3.3",)
    options = (Option("position-references", bool, True, 'flag "as shown below" and "pictured above"'),)

    def check(self, doc, opts):
        chosen = None
        for sentence in trigger_sentences(doc):
            if chosen is None:
                every = patterns()
                chosen = every if opts["position-references"] else every[:3] + every[4:]
            matches = sorted(
                (m.start(), -m.end(), i, m, why)
                for i, (pattern, why) in enumerate(chosen)
                for m in pattern.finditer(sentence.text)
            )
            end = -1
            for start, _, _, m, why in matches:
                if start < end:
                    continue  # overlaps a longer match already reported
                end = m.end()
                a, b = doc.span(sentence.prose_start + m.start(), sentence.prose_start + m.end())
                phrase = " ".join(m.group(0).split())
                yield self.finding(
                    a,
                    b,
                    f'"{phrase}" {why}; some readers cannot see or hear it. '
                    "Name the thing (its label or heading) instead.",
                    severity=Severity.INFO if why.startswith("points") else None,
                )


RULE = SensoryLanguage
