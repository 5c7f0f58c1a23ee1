"""grammar: what LanguageTool finds, where a LanguageTool server or installation is set up."""

from __future__ import annotations

import os

from audit.document import atoms
from audit.engine.rule import Rule
from audit.language import languagetool
from audit.language.languagetool import LanguageToolSettings
from audit.results.findings import Fix, Severity

# LanguageTool category -> severity; "off" for what our own rules already check, so one
# mistake gives one finding: spelling (TYPOS) and English variants (english-variant).
CATEGORIES = {
    "TYPOS": "off",
    "AMERICAN_ENGLISH": "off",
    "AMERICAN_ENGLISH_STYLE": "off",
    "BRITISH_ENGLISH": "off",
    "BRE_STYLE_OXFORD_SPELLING": "off",
    "GRAMMAR": "warning",
    "CONFUSED_WORDS": "warning",
    "SEMANTICS": "warning",
    "CASING": "warning",
    "MISC": "warning",
    "COLLOCATIONS": "warning",
    "PUNCTUATION": "info",
    "TYPOGRAPHY": "info",
    "STYLE": "info",
    "REDUNDANCY": "info",
    "COMPOUNDING": "info",
    "NONSTANDARD_PHRASES": "info",
    "PLAIN_ENGLISH": "info",
    "REPETITIONS_STYLE": "info",
    "GENDER_NEUTRALITY": "info",
    "WIKIPEDIA": "info",
}
# Rules our `typo` and `spelling` rules cover (doubled words, spacing, repeated
# punctuation, misspellings), and one that misfires on headings and list items.
OWN_RULES = frozenset(
    {
        "ENGLISH_WORD_REPEAT_RULE",
        "WHITESPACE_RULE",
        "COMMA_PARENTHESIS_WHITESPACE",
        "DOUBLE_PUNCTUATION",
        "SENTENCE_WHITESPACE",
        "PUNCTUATION_PARAGRAPH_END",
    }
)
# Spelling rules by name, in whatever category a server files them; on when their category is.
OWN_PREFIXES = {"MORFOLOGIK_RULE_": "TYPOS", "HUNSPELL_": "TYPOS", "OXFORD_SPELLING_": "BRE_STYLE_OXFORD_SPELLING"}
SEVERITIES = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}
MAX_SUGGESTIONS = 3


class Grammar(Rule):
    """Flags what LanguageTool finds in the article's prose: grammar, confused words,
    punctuation and style, each with LanguageTool's rule id, category and
    suggestions. Runs only where LanguageTool is set up (a server in
    `[languagetool] server` or ARTICLE_AUDIT_LANGUAGETOOL_URL, or a local
    installation); elsewhere it does nothing.

    LanguageTool's spelling and English-variant checks, doubled words and spacing are
    left to `spelling`, `english-variant` and `typo`, so one slip gives one finding.
    Categories map to severities in `[languagetool] categories` (GRAMMAR = "error",
    STYLE = "off"); `disabled-rules` turns LanguageTool rules off. A server that
    fails or times out leaves a warning naming the article; the audit goes on.

    Why:
    Agreement errors, confused words ("their"/"there") and missing words slip past
    spell checkers and break the reader's trust.

    Bad:
    The coalition have agreed to there plan, which were announced yesterday.

    Good:
    The coalition has agreed to their plan, which was announced yesterday.
    """

    id = "grammar"
    category = "grammar"
    summary = "Grammar, usage and style issues found by LanguageTool (optional)"
    severity = Severity.WARNING

    def check(self, doc, opts):
        settings = doc.languagetool or LanguageToolSettings()  # the engine hands over [languagetool]
        backend = languagetool.resolve(settings)
        if backend.url is None:
            return  # off, or unusable: said once per run, not once per article
        categories = {**CATEGORIES, **dict(settings.categories)}
        disabled = set(settings.disabled_rules) | OWN_RULES
        owned = tuple(p for p, category in OWN_PREFIXES.items() if categories.get(category) == "off")
        try:
            matches = languagetool.check(
                backend,
                atoms.plain_prose(doc.text),
                doc.language,
                settings.timeout,
                disabled_rules=sorted(disabled),
                disabled_categories=sorted(c for c, s in categories.items() if s == "off"),
            )
        except languagetool.LanguageToolFailed as exc:
            doc.warnings.append(f"{self.id}: {exc}")
            return
        for m in matches:
            level = categories.get(m.category, "warning")
            if level == "off" or m.rule_id in disabled or m.rule_id.startswith(owned) or m.end <= m.start:
                continue
            start, end = doc.span(m.start, m.end)
            suggestions = [r for r in m.replacements if r][:MAX_SUGGESTIONS]
            yield self.finding(
                start,
                end,
                f"{m.message.rstrip()} (LanguageTool {m.rule_id}, {m.category})",
                severity=SEVERITIES[level],
                suggestion=" / ".join(suggestions) or None,
                fix=Fix(start, end, suggestions[0], safe=False) if suggestions else None,
            )

    def environment(self, settings):
        # Whether LanguageTool is on, and how it is set up (not a local server's random port).
        try:
            found = languagetool.resolve(settings.languagetool).url is not None
        except Exception:  # resolving is best effort here; check() reports real failures
            found = False
        return (
            f"languagetool={settings.languagetool!r}\n"
            f"languagetool-url={os.environ.get(languagetool.ENV_URL, '')}\nlanguagetool-found={found}"
        )


RULE = Grammar
