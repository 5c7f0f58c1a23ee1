"""all-caps: runs of words in capitals that are not acronyms."""

from __future__ import annotations

from itertools import chain, islice
from operator import and_

from audit.engine.rule import Option, Rule
from audit.language import lexicon
from audit.results.findings import Fix, Severity

COMMON_LEVEL = 50  # SCOWL level up to which a word counts as an everyday word
# Everyday words that are also well-known acronyms when written in capitals.
ACRONYM_WORDS = frozenset("who us it aids ram sim cat ok id pin sat ace".split())


def _is_caps(word: str) -> bool:
    if not word.isupper():  # C-speed rejection of the nearly every word that is not in capitals
        return False
    letters = [c for c in word if c.isalpha()]
    return all(c.isupper() for c in letters) and (len(letters) > 1 or word in ("A", "I"))


def _everyday(word: str) -> bool:
    low = word.lower().replace("’", "'")
    if low in ACRONYM_WORDS or len(low) < 2:
        return False
    level = lexicon.level_of(low)
    return level is not None and level <= COMMON_LEVEL


class AllCaps(Rule):
    """Flags runs of words written in capitals ("THIS OFFER ENDS SOON") where most
    of the words are everyday words, not acronyms (NATO, BBC, US GDP).

    Why:
    Text in capitals is slower to read: words lose their shape, which readers with
    dyslexia and low vision rely on, and some screen readers spell capitalised words
    out letter by letter or read them louder. Use sentence case, and bold or a
    heading for emphasis.

    Bad:
    PLEASE READ THE TERMS BEFORE YOU APPLY.

    Good:
    Please read the terms before you apply.
    """

    id = "all-caps"
    category = "style"
    summary = "Words in capitals that are not acronyms"
    severity = Severity.WARNING
    options = (
        Option("min-words", int, 3, "shortest run of capitalised words to flag", minimum=2),
        Option("min-everyday", int, 2, "how many words of the run must be everyday words, not acronyms", minimum=1),
    )

    def check(self, doc, opts):
        upper = list(map(str.isupper, doc.texts))
        if not any(map(and_, upper, islice(upper, 1, None))):
            return  # no two words in capitals side by side: no run to flag
        for sentence in doc.sentences:
            run: list = []
            for word in chain(sentence.words, (None,)):
                if word is not None and _is_caps(word.text) and (not run or _adjacent(sentence, run[-1], word)):
                    run.append(word)
                    continue
                yield from self._run(doc, run, opts)
                run = [word] if word is not None and _is_caps(word.text) else []

    def _run(self, doc, run, opts):
        if len(run) < opts["min-words"]:
            return
        if sum(_everyday(w.text) for w in run) < opts["min-everyday"]:
            return
        start, end = run[0].start, run[-1].end
        parts = []
        for i, word in enumerate(run):
            if i:
                parts.append(doc.text[run[i - 1].prose_end : word.prose_start])
            shouted = _everyday(word.text) or word.text.lower() in ACRONYM_WORDS
            text = word.text.lower() if shouted else word.text
            parts.append(text[:1].upper() + text[1:] if i == 0 else text)
        replacement = "".join(parts)
        exact = doc.source[start:end] == doc.text[run[0].prose_start : run[-1].prose_end]
        fix = Fix(start, end, replacement, safe=False) if exact else None
        yield self.finding(
            start,
            end,
            f"{len(run)} words in capitals are hard to read and some screen "
            "readers spell them out; use sentence case (and bold for emphasis).",
            suggestion=replacement,
            fix=fix,
        )


def _adjacent(sentence, before, after) -> bool:
    """Two words on one line separated only by spaces or light punctuation."""
    gap = sentence.text[before.prose_end - sentence.prose_start : after.prose_start - sentence.prose_start]
    return "\n" not in gap and all(c.isspace() or c in ",&'’-–—\"“”" for c in gap)


RULE = AllCaps
