"""link-text: links whose text does not say where they go (WCAG 2.4.4)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from audit.engine.rule import Option, Rule
from audit.results.findings import Severity

VAGUE = frozenset(
    v.strip()
    for v in """click here|here|click|tap here|press here|read more|more|
    learn more|find out more|see more|show more|view more|more info|more information|info|information|
    details|more details|this link|link|this|this page|this article|this website|this site|website|
    web site|page|article|go|go here|continue|continue reading|read on|click this link|click this|
    see here|check it out|here's how|full story|the full story|read the full story""".split("|")
)
_URL = re.compile(r"(?:https?://|www\.)\S+$", re.I)
_PUNCT = re.compile(r"[^\w\s']+")


def _plain(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.lower().replace("’", "'")).split())


def _destination(href: str) -> str:
    """A link target compared loosely: no scheme, "www.", fragment or trailing slash."""
    parts = urlsplit(href.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}?{parts.query}"


class LinkText(Rule):
    """Flags links whose text says nothing out of context ("click here", "read more",
    "this link", a bare URL), links with no text at all, and links that share their
    text with another link going somewhere else.

    Why:
    WCAG 2.2 success criterion 2.4.4 (Link Purpose (In Context), level A). Screen-reader
    users often jump from link to link or list all the links on a page: "here, here,
    read more" tells them nothing, a URL is read out character by character, and two
    links called "the report" that go to different places cannot be told apart.

    Bad:
    To read the minister's statement, [click here](https://example.gov/statement).

    Good:
    Read [the minister's statement on the coalition meeting](https://example.gov/statement).
    """

    id = "link-text"
    category = "accessibility"
    summary = "Link text does not say where the link goes (WCAG 2.4.4)"
    severity = Severity.WARNING
    wcag = ("2.4.4",)
    options = (
        Option("vague", list, [], 'more link texts to flag, besides the built-in ones (e.g. "here")'),
        Option("allow", list, [], "link texts never to flag as vague"),
        Option("flag-urls", bool, True, "flag links whose text is a bare web address"),
    )

    def check(self, doc, opts):
        vague = (VAGUE | {_plain(v) for v in opts["vague"]}) - {_plain(a) for a in opts["allow"]}
        seen: dict[str, tuple[str, object]] = {}
        for link in doc.elements:
            if link.kind != "link" or link.attrs.get("href") is None:
                continue  # an anchor without href is not a link
            text = " ".join(link.text.split())
            plain = _plain(text)
            href = link.attrs.get("href") or ""
            if not plain:
                yield self.finding(
                    link.start,
                    link.end,
                    "Link has no text, so screen readers announce "
                    "only its address; give it text that says where it goes.",
                    severity=Severity.ERROR,
                )
            elif plain in vague:
                yield self.finding(
                    link.start,
                    link.end,
                    f'Link text "{text}" does not say where the link goes; use words that describe its destination.',
                )
            elif _URL.fullmatch(text):
                if opts["flag-urls"]:
                    yield self.finding(
                        link.start,
                        link.end,
                        "Link text is a web address, which screen readers spell out; name the page instead.",
                        severity=Severity.INFO,
                    )
            elif href and not href.startswith(("#", "javascript:")):
                target = _destination(href)
                first = seen.setdefault(plain, (target, link))
                if first[0] != target:
                    line = doc.position(first[1].start)[0]
                    yield self.finding(
                        link.start,
                        link.end,
                        f'Another link with the text "{text}" (line '
                        f"{line}) goes somewhere else; give each link distinct text.",
                    )


RULE = LinkText
