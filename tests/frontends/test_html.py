"""HTML front end: the article's text, found in a full page, at exact source positions."""

from __future__ import annotations

import html
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.config.loader import Config
from audit.document.model import LineIndex
from audit.engine.auditor import audit_document
from audit.engine.registry import registry
from audit.frontends import front_end_for, parse
from audit.frontends import html as html_front_end

MARKUP_RULES = {"image-alt", "link-text", "heading-structure", "table-header", "html-lang"}


def sample_text() -> str:
    return resources.files("audit.samples").joinpath("coalition-meeting.txt").read_text(encoding="utf-8")


def page_of(text: str, *, article_tag: bool) -> str:
    """The sample article as a blog page: nav bar, article, author bio, comment form, footer."""
    title, *paragraphs = text.split("\n\n")
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    open_tag, close_tag = ('<article class="post">', "</article>") if article_tag else ('<div id="content">', "</div>")
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Coalition news | Defence blog</title>
<style>p {{ color: teh; }}</style><script>var recieve = "teh";</script></head>
<body>
<header class="site-header"><nav class="main-nav"><ul>
  <li><a href="/">Home</a></li><li><a href="/news">NEWS AND VIEWS FROM THE FRONT</a></li>
  <li><a href="/about">About us</a></li></ul></nav></header>
{open_tag}
<h1>{html.escape(title, quote=False)}</h1>
{body}
<div class="share-buttons"><a href="#">Share</a> <a href="#">Tweet</a></div>
{close_tag}
<div class="author-bio"><img src="author.jpg"><p>Jane Doe writes about defence. She has covered
the Coalition since 2014 and the wheelchair-bound veterans of its campaigns.</p>
<a href="/authors/jane">Read more</a></div>
<div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3>
<form action="/comment" method="post"><p>Your email address will not be published.</p>
<p><label>Comment</label><textarea name="comment"></textarea></p>
<p><input type="submit" value="Post Comment"></p></form></div>
<p><a href="#">Show More</a></p>
<footer><p>Copyright 2024 Defence blog. ALL RIGHTS ARE RESERVED HERE.</p></footer>
</body>
</html>
"""


def findings_of(path: str, source: str):
    doc = parse(path, source)
    reg = {rid: cls for rid, cls in registry().items() if rid != "grammar"}  # LanguageTool has its own tests
    return doc, audit_document(doc, Config().settings_for(path, reg)).findings


def test_html_is_its_own_front_end():
    assert front_end_for("a.html") is html_front_end and front_end_for("b.HTM") is html_front_end


@pytest.mark.parametrize("article_tag", [True, False])
def test_page_is_audited_on_the_article_only_with_the_text_findings(article_tag):
    text = sample_text()
    page = page_of(text, article_tag=article_tag)
    _, text_findings = findings_of("a.txt", text)
    doc, page_findings = findings_of("a.html", page)

    def prose(findings):
        return sorted((f.rule, f.excerpt) for f in findings if f.rule not in MARKUP_RULES)

    assert prose(page_findings) == prose(text_findings)
    assert prose(page_findings)  # the sample article has findings to compare
    prose_text = doc.text
    for boilerplate in (
        "Home",
        "Jane Doe",
        "Leave a Reply",
        "Share",
        "Show More",
        "Copyright",
        "email",
        "teh",
        "recieve",
    ):
        assert boilerplate not in prose_text
    lines = LineIndex(page)
    article = page.index("<h1>"), page.index('<div class="share-buttons">')
    for f in page_findings:
        start = lines.offset(f.location.line, f.location.column)
        end = lines.offset(f.location.end_line, f.location.end_column)
        assert " ".join(page[start:end].split()) == f.excerpt
        assert article[0] <= start and end <= article[1], f"{f.rule} finding outside the article"


def test_no_extract_audits_all_the_text():
    page = page_of(sample_text(), article_tag=True)
    doc = parse("a.html", page, extract=False)
    for text in ("Home", "Jane Doe", "Leave a Reply", "Copyright"):
        assert text in doc.text
    assert "teh" not in doc.text and "recieve" not in doc.text  # script and style are never prose


@pytest.mark.parametrize(
    "source, expected",
    [
        ("<p>Fish &amp; chips&nbsp;&#8217;s <b>bold</b>ly</p>", [("paragraph", "Fish & chips\xa0’s boldly")]),
        ("<p>One<br>two</p>", [("paragraph", "One\ntwo")]),
        (
            "<p>Unclosed<p>Second<div>Third</div>",
            [("paragraph", "Unclosed"), ("paragraph", "Second"), ("paragraph", "Third")],
        ),
        ("<ul><li>One<li>Two</ul>", [("list-item", "One"), ("list-item", "Two")]),
        ("<h2>Sub <em>head</em></h2>", [("heading", "Sub head")]),
        ("<blockquote><p>Quoted</p></blockquote>", [("quote", "Quoted")]),
        ("<table><tr><th>A</th><td>B</td></tr></table>", [("table-cell", "A"), ("table-cell", "B")]),
        ("<p>Run <code>rm teh</code> now</p><pre>teh\ncode</pre>", [("paragraph", "Run \ufffc now")]),
        (
            "<p hidden>Hidden</p><p style='display:none'>Gone</p><p aria-hidden=true>No</p><p>Shown</p>",
            [("paragraph", "Shown")],
        ),
        ("<p>See https://example.org/teh now</p>", [("paragraph", "See \ufffc now")]),
        ("<p>AT&T and a < b</p>", [("paragraph", "AT&T and a < b")]),
        ("<img alt='A red &amp; blue kite' src=k.png>", [("alt-text", "A red & blue kite")]),
        ("<!-- <p>comment</p> --><template><p>tpl</p></template><noscript>ns</noscript>", []),
    ],
)
def test_blocks(source, expected):
    doc = parse("a.html", source, extract=False)
    assert [(b.kind, b.text) for b in doc.blocks] == expected


def test_positions_are_exact_through_entities_and_tags():
    source = "<html>\n<body>\n  <p>The caf&eacute; <a href='/x'>opened</a>\n  on Monday.</p>\n</body></html>"
    doc = parse("a.html", source)
    sentence = doc.sentences[0]
    assert source[sentence.start : sentence.end] == "The caf&eacute; <a href='/x'>opened</a>\n  on Monday."
    word = next(w for w in doc.words if w.text == "café")
    assert source[word.start : word.end] == "caf&eacute;"
    monday = next(w for w in doc.words if w.text == "Monday")
    assert doc.position(monday.start) == (4, 6)


def test_main_content_choice():
    main = "<body><nav><p>Menu items here</p></nav><main><p>The story itself is here.</p></main></body>"
    assert [b.text for b in parse("a.html", main).blocks] == ["The story itself is here."]
    teaser = "<body><div><p>" + "Long body text. " * 30 + "</p></div><article><p>Tiny teaser.</p></article></body>"
    assert "Long body text." in parse("a.html", teaser).text
    headline = "<body><h1>Headline</h1><article><p>Body of the story.</p></article></body>"
    assert [b.text for b in parse("a.html", headline).blocks] == ["Headline", "Body of the story."]
    links = "<body><p><a href='/a'>Home</a> <a href='/b'>Sport</a></p><p>The story, at last.</p></body>"
    assert parse("a.html", links).text == "The story, at last."  # a guessed article drops link lists
    in_article = "<article><p><a href='/r'>The full report</a></p><p>Story.</p></article>"
    assert parse("a.html", in_article).text == "The full report\n\nStory."
    sidebar_class = '<body><div class="content has-sidebar"><p>All of the article.</p></div></body>'
    assert parse("a.html", sidebar_class).text == "All of the article."


def test_elements_for_accessibility_rules():
    source = (
        '<html lang="en-GB"><body><main><h1>Title</h1><p><a href="/a">click here</a>'
        '<a href="/b"><img src="logo.png" alt=""></a><img src="c.png"></p>'
        '<table role="presentation"><tr><td>x</td></tr></table></main></body></html>'
    )
    doc = parse("a.html", source)
    kinds = [(e.kind, e.text) for e in doc.elements]
    assert kinds == [
        ("page", ""),
        ("heading", "Title"),
        ("link", "click here"),
        ("link", ""),
        ("image", ""),
        ("image", ""),
        ("table", ""),
    ]
    page, _, _, _, linked_image, bare_image, table = doc.elements
    assert page.attrs["lang"] == "en-GB"
    assert linked_image.attrs["alt"] == "" and linked_image.attrs["in_link"]
    assert bare_image.attrs["alt"] is None
    assert table.attrs["role"] == "presentation"
    for element in doc.elements[1:]:
        assert source[element.start] == "<"


TAGS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<li>",
        "<ul>",
        "</ul>",
        "<a href='x'>",
        "</a>",
        "<b>",
        "</b>",
        "<br>",
        "<img alt='pic'>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<h2>",
        "</h2>",
        "<td>",
        "<tr>",
        "<table>",
        "</table>",
        "word",
        "Word",
        " ",
        "\n",
        "&amp;",
        "&#8217;",
        "&bogus;",
        "<",
        ">",
        '"',
        "é",
        "\r\n",
        "<article>",
        "</article>",
        "<nav>",
        "</nav>",
        "<pre>",
        "</pre>",
        "<p class='share'>",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(TAGS, max_size=40).map("".join), st.booleans())
def test_any_html_parses_and_words_map_exactly(source, extract):
    doc = parse("a.html", source, extract=extract)
    for word in doc.words:
        assert 0 <= word.start <= word.end <= len(source)
        raw = source[word.start : word.end]
        if len(raw) == len(word.text) and "&" not in raw:
            assert raw == word.text


@pytest.mark.parametrize(
    "source, expected",
    [
        # Browsers end a comment at "--!>" too: what follows is prose, the comment is not.
        ("<p>One <!-- note --!> two</p><p>three</p>", ["One  two", "three"]),
        ("<p>One <!-- a --!> two --> three</p>", ["One  two --> three"]),
        ("<p>One <!--> two <!---> three</p>", ["One  two  three"]),
        # A comment never closed runs to the end of the page (it is not prose).
        ("<p>One <!-- never closed</p><p>hidden</p>", ["One "]),
    ],
)
def test_comments_end_where_browsers_end_them(source, expected):
    doc = parse("a.html", source, extract=False)
    assert [b.text for b in doc.blocks] == expected
