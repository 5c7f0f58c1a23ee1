"""html-lang: a web page that does not declare its language (WCAG 3.1.1), HTML only."""

from __future__ import annotations

import re

from audit.engine.rule import Rule
from audit.results.findings import Severity

# A BCP 47 language tag, loosely: a 2-3 letter language, then subtags ("en", "en-GB", "zh-Hant-TW").
_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


class HtmlLang(Rule):
    """Flags an HTML page whose `<html>` element has no `lang` attribute, an empty
    one, or one that is not a language tag.

    A fragment (no `<html>`, `<head>` or `<body>`, no doctype) is part of a page that
    declares its language elsewhere and is not flagged.

    Why:
    WCAG 2.2 success criterion 3.1.1 (Language of Page, level A). Screen readers pick
    their pronunciation rules and voice from the page language; without it an English
    article may be read with the rules of the listener's default language. Browsers
    also use it for hyphenation, spell checking and translation.

    Bad:
    <html>

    Good:
    <html lang="en-GB">
    """

    id = "html-lang"
    category = "accessibility"
    summary = "Page does not declare its language (WCAG 3.1.1)"
    severity = Severity.ERROR
    wcag = ("3.1.1",)
    language_bound = False

    def check(self, doc, opts):
        if doc.format != "html":
            return
        for page in doc.elements:
            if page.kind != "page":
                continue
            lang = (page.attrs.get("lang") or page.attrs.get("xml:lang") or "").strip()
            start, end = (page.start, page.end) if page.end > page.start else doc.title_span
            if not lang:
                yield self.finding(
                    start,
                    end,
                    'The page does not declare its language; add it to the html element, e.g. <html lang="en">.',
                )
            elif not _TAG.fullmatch(lang):
                yield self.finding(start, end, f'lang="{lang}" is not a language tag; use one such as "en" or "en-GB".')
            return


RULE = HtmlLang
