"""Main-content extraction for web pages: what is the article, what is page furniture.

A small, explainable heuristic in the spirit of jusText and Readability, on the tree
that `audit.frontends.html` builds (which keeps source positions; the extraction
libraries do not):

- the main content is the largest top-level `<article>` (with the page's `<h1>` when
  the headline sits just outside it), else `<main>` / `[role=main]`, else `<body>`;
- inside it, a part is furniture by what it is, judged on several signals:
  navigation, asides, forms, page headers and footers and their ARIA roles (strong);
  class or id words naming comments, sharing, sidebars, related links and the like
  (weak: an `id` built from the heading the part opens with, as Sphinx and similar
  generators build them, says nothing); and link density: a list made almost only of links
  ("you may like", tag clouds, lists of user names) is furniture whatever its name;
- a part that holds headings and most of the content's prose paragraphs is never
  furniture (`<div class="content has-sidebar">`, an article in a modal container,
  a page-wide `<form>`), so a name alone never loses the article;
- stock lines ("Share", "Show More", "Leave a Reply") and short blocks made mostly
  of link text are dropped.

`html.parse` counts the words left out and falls back to the whole page, with a
warning, when what is kept is too little to be the article.
"""

from __future__ import annotations

import re
from html import unescape

from audit.document.model import ProseBlock
from audit.frontends.html_tree import HEADINGS, SKIPPED, WORD, Node, hidden

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
_GALLERY_NAME = re.compile(r"(?:^|[\s_-])(?:gallery|slideshow|carousel|slider|slides)(?:$|[\s_-])", re.I)
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
NEARLY_ALL = 0.9
# A link list: this share of its text is link text, and it has this much text.
LIST_LINK_DENSITY = 0.8
MIN_LIST_CHARS = 80
# A list of names: this many links, this share of its text.
MIN_NAMES = 8
NAMES_LINK_DENSITY = 0.6
LIST_TAGS = frozenset({"ul", "ol", "dl", "div", "section", "table", "tbody", "p"})
# A list of cards: this many items, this share of them with a heading, unless it holds
# this share of the content's prose.
MIN_CARDS = 4
CARD_SHARE = 0.75
LISTICLE_SHARE = 0.9
# A prose paragraph: this much text, little of it link text.
PROSE_CHARS = 60
PROSE_LINK_DENSITY = 0.3
MIN_SLUGGED = 3  # sections with ids made from their headings that show a generator's habit
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def _ancestors(node: Node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def main_content(root: Node, source: str) -> Node:
    """The node holding the article: the largest top-level article, main, or body."""
    body = next((n for n in root.iter() if n.tag == "body"), root)
    total = body.text_size(source)
    articles = [
        n
        for n in body.iter()
        if n.tag == "article" and not hidden(n) and not any(a.tag == "article" or hidden(a) for a in _ancestors(n))
    ]
    if articles:
        best = max(articles, key=lambda n: n.text_size(source))
        if best.text_size(source) >= MIN_ARTICLE_SHARE * total:
            return _with_headline(best, body, source)
    for node in body.iter():
        if (node.tag == "main" or node.get("role").lower() == "main") and not hidden(node):
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
        self.prose = prose_size(content, source)
        self.slugged_ids = ids_from_headings(content, source)
        # Inside a marked-up article a short all-link paragraph is content; in a guessed one, a menu.
        self.drop_link_blocks = not (content.tag in ("article", "main") or content.get("role").lower() == "main")

    def __call__(self, node: Node, in_article: bool) -> bool:
        if node is self.content:
            return False
        tag = node.tag
        structural = (
            tag in FURNITURE_TAGS
            or (tag in PAGE_TAGS and not in_article)
            or node.get("role").lower() in FURNITURE_ROLES
        )
        named = bool(_FURNITURE_NAME.search(node.get("class"))) or (
            bool(_FURNITURE_NAME.search(node.get("id")))
            and not id_from_heading(node, self.source, one_word=self.slugged_ids)
        )
        if structural and named:  # two signals: only a part that is nearly the whole content stays
            return node.text_size(self.source) < NEARLY_ALL * max(self.size, 1)
        if structural or named:
            return not self.holds_article(node)
        return self.link_list(node) or self.card_list(node)

    def holds_article(self, node: Node) -> bool:
        """Most of the page's text, or headings and most of its prose paragraphs."""
        if node.text_size(self.source) >= MAJORITY * max(self.size, 1):
            return True
        if not self.prose or not any(n.tag in HEADINGS for n in shown(node)):
            return False
        return prose_size(node, self.source) >= MAJORITY * self.prose

    def link_list(self, node: Node) -> bool:
        """A block made almost only of links (or of many links: a list of names, "user1,
        user2, … left kudos"), with no paragraph of prose in it."""
        if node.tag not in LIST_TAGS:
            return False
        size = node.text_size(self.source)
        links = node.link_size(self.source)
        if size < MIN_LIST_CHARS or links < NAMES_LINK_DENSITY * size:
            return False
        if links < LIST_LINK_DENSITY * size and sum(n.tag == "a" for n in shown(node)) < MIN_NAMES:
            return False
        return prose_size(node, self.source) == 0

    def card_list(self, node: Node) -> bool:
        """A list of cards: a list whose items each have a heading of their own, and
        either each heading is a link (teasers of other stories) or the list is a
        gallery's (its slides) — unless it is nearly all of the prose (a listicle)."""
        if node.tag not in ("ul", "ol"):
            return False
        items = [c for c in node.children if isinstance(c, Node) and c.tag == "li" and not hidden(c)]
        if len(items) < MIN_CARDS:
            return False
        headings = [next((n for n in shown(item) if n.tag in HEADINGS), None) for item in items]
        if sum(h is not None for h in headings) < CARD_SHARE * len(items):
            return False
        linked = sum(h is not None and _linked(h) for h in headings)
        if linked < CARD_SHARE * len(items) and not self.in_gallery(node):
            return False
        return prose_size(node, self.source) < LISTICLE_SHARE * max(self.prose, 1)

    def in_gallery(self, node: Node) -> bool:
        for n in (node, *_ancestors(node)):
            if _GALLERY_NAME.search(n.get("class")) or _GALLERY_NAME.search(n.get("id")):
                return True
            if n is self.content:
                return False
        return False


def _linked(heading: Node) -> bool:
    """The heading is a link, or sits in one."""
    return any(n.tag == "a" for n in heading.iter()) or any(a.tag == "a" for a in _ancestors(heading))


def own_heading(node: Node) -> Node | None:
    """The heading a section opens with: its first child element, when that is a heading."""
    first = next((c for c in node.children if isinstance(c, Node) and not hidden(c)), None)
    return first if first is not None and first.tag in HEADINGS else None


def id_from_heading(node: Node, source: str, *, one_word: bool = False) -> bool:
    """The element's id is the slug of the heading it opens with, as Sphinx and similar
    generators make them ("related-work" for "Related work"). A one-word heading counts
    only on a page that names its sections so (`one_word`): elsewhere
    `<div id="comments"><h3>Comments</h3>` is the furniture it names."""
    heading = own_heading(node)
    if heading is None or not node.get("id"):
        return False
    text = " ".join(unescape(source[a:b]) for a, b in text_spans(heading))
    if len(WORD.findall(text)) < (1 if one_word else 2):
        return False
    slug = _SLUG_JUNK.sub("", node.get("id").lower())
    return bool(slug) and slug.startswith(_SLUG_JUNK.sub("", text.lower()))


def ids_from_headings(content: Node, source: str) -> bool:
    """Most sections of the page that open with a heading have an id made from it."""
    sections = [n for n in shown(content) if n.get("id") and own_heading(n) is not None]
    slugged = sum(id_from_heading(n, source, one_word=True) for n in sections)
    return len(sections) >= MIN_SLUGGED and slugged >= MAJORITY * len(sections)


def text_spans(node: Node):
    """The source spans of the shown prose text below `node`, in order."""
    stack: list[Node | tuple[int, int]] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, Node):
            if item is node or (item.tag not in SKIPPED and not hidden(item)):
                stack.extend(reversed(item.children))
        else:
            yield item


def count_words(node: Node, source: str) -> int:
    """Words of the shown prose below `node` (as a reader would count them)."""
    return node.word_count(source)


def shown(node: Node):
    """`node` and the elements below it that a reader sees, in document order."""
    stack = [node]
    while stack:
        item = stack.pop()
        yield item
        stack.extend(
            c for c in reversed(item.children) if isinstance(c, Node) and c.tag not in SKIPPED and not hidden(c)
        )


def prose_size(node: Node, source: str) -> int:
    """Characters in the paragraphs of prose below `node`: long ones, mostly not links."""
    total = 0
    for n in shown(node):
        if n.tag == "p":
            size = n.text_size(source)
            if size >= PROSE_CHARS and n.link_size(source) < PROSE_LINK_DENSITY * size:
                total += size
    return total


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
