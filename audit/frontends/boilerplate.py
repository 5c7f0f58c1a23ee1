"""Main-content extraction for web pages: what is the article, what is page furniture.

A small, explainable heuristic in the spirit of jusText and Readability, on the tree
that `audit.frontends.html` builds (which keeps source positions; the extraction
libraries do not):

- the main content is the largest top-level `<article>` (with the page's `<h1>` when
  the headline sits just outside it), else `<main>` / `[role=main]`, else `<body>`;
- inside it, navigation, asides, forms, page headers and footers, and parts whose
  class or id names comments, sharing, sidebars, related links, author bios and the
  like are left out — unless that part holds most of the content's text, so that
  `<div class="content has-sidebar">` or a page-wide `<form>` never empties the page;
- stock lines ("Share", "Show More", "Leave a Reply") and short blocks made mostly
  of link text are dropped.
"""

from __future__ import annotations

import re

from audit.document.model import ProseBlock
from audit.frontends.html_tree import Node

FURNITURE_TAGS = frozenset({"nav", "aside", "form", "dialog", "menu"})
PAGE_TAGS = frozenset({"header", "footer"})  # furniture outside an article
FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog"})
_FURNITURE_NAME = re.compile(
    r"(?:^|[\s_-])(?:comments?|commentlist|respond|reply|share|sharing|sharer|social|sidebar|"
    r"footer|nav|navbar|navigation|menu|breadcrumbs?|related|author|bio|byline|newsletter|"
    r"subscribe|subscription|promo|advert|advertisement|ads?|sponsored|cookies?|popup|modal|"
    r"widget|masthead|pagination|pager|tags|sr-only|visually-hidden|screen-reader-text)(?:$|[\s_-])",
    re.I,
)
_STOCK = re.compile(
    r"(?:share|share this(?: article| story| post| page)?|share on \w+|tweet|email|print|"
    r"show more|show less|read more|load more|see more|view more|more|"
    r"leave a (?:reply|comment)|post a comment|add a comment|cancel reply|\d* ?comments?|"
    r"related(?: articles| posts| stories| content)?|you may also like|more on this story|"
    r"advertisement|subscribe|sign up|sign in|log in|skip to (?:main )?content|back to top|"
    r"menu|search|follow us|top stories|most read|most popular|previous post|next post|"
    r"(?:filed under|tags?|posted in|categories)(?: .*)?|"
    r"your email address will not be published.*|you must be logged in to post a comment.*|"
    r"required fields are marked.*|"
    r"(?:(?:share (?:on|via) )?(?:facebook|twitter|x|linkedin|whatsapp|e ?mail|pinterest|reddit|messenger|"
    r"copy link|print|flipboard|telegram) ?)+)",
    re.I,
)
_PUNCT = re.compile(r"[^\w\s']+")
MAX_STOCK_WORDS = 15
MAX_LINK_BLOCK_WORDS = 12
LINK_DENSITY = 0.6
MIN_ARTICLE_SHARE = 0.25  # an <article> with less of the page's text is a teaser card
MAJORITY = 0.5


def _ancestors(node: Node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def main_content(root: Node, source: str) -> Node:
    """The node holding the article: the largest top-level article, main, or body."""
    body = next((n for n in root.iter() if n.tag == "body"), root)
    total = body.text_size(source)
    articles = [n for n in body.iter() if n.tag == "article" and not any(a.tag == "article" for a in _ancestors(n))]
    if articles:
        best = max(articles, key=lambda n: n.text_size(source))
        if best.text_size(source) >= MIN_ARTICLE_SHARE * total:
            return _with_headline(best, body, source)
    for node in body.iter():
        if node.tag == "main" or node.get("role").lower() == "main":
            return node
    return body


def _with_headline(article: Node, body: Node, source: str) -> Node:
    """The article, or its nearest ancestor that also holds the page's single h1."""
    if any(n.tag == "h1" for n in article.iter()):
        return article
    h1s = [n for n in body.iter() if n.tag == "h1"]
    if len(h1s) != 1 or h1s[0].start > article.start:
        return article
    ancestors = set(map(id, _ancestors(h1s[0])))
    for node in _ancestors(article):
        if id(node) in ancestors:
            extra = node.text_size(source) - article.text_size(source)
            return node if extra <= h1s[0].text_size(source) + 200 else article
    return article


class Furniture:
    """Decides which parts of the main content are page furniture."""

    def __init__(self, content: Node, source: str) -> None:
        self.source = source
        self.size = content.text_size(source)
        self.content = content
        # Inside a marked-up article a short all-link paragraph is content; in a guessed one, a menu.
        self.drop_link_blocks = not (content.tag in ("article", "main") or content.get("role").lower() == "main")

    def __call__(self, node: Node, in_article: bool) -> bool:
        if node is self.content:
            return False
        tag = node.tag
        named = (
            tag in FURNITURE_TAGS
            or (tag in PAGE_TAGS and not in_article)
            or node.get("role").lower() in FURNITURE_ROLES
            or bool(_FURNITURE_NAME.search(node.get("class")))
            or bool(_FURNITURE_NAME.search(node.get("id")))
        )
        return named and node.text_size(self.source) < MAJORITY * max(self.size, 1)


def is_boilerplate_block(block: ProseBlock, link_chars: int, link_blocks: bool = True) -> bool:
    """A stock line, or (when `link_blocks`) a short block that is mostly link text."""
    text = " ".join("".join(p.text for p in block.pieces).split())
    plain = " ".join(_PUNCT.sub(" ", text).split())
    words = len(plain.split())
    if words <= MAX_STOCK_WORDS and _STOCK.fullmatch(plain):
        return True
    if not link_blocks or block.kind == "heading" or words > MAX_LINK_BLOCK_WORDS:
        return False
    letters = sum(1 for ch in text if not ch.isspace())
    return letters > 0 and link_chars >= LINK_DENSITY * letters
