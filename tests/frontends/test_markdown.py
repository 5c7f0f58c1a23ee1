"""Markdown front end: prose only, at exact source positions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.config.loader import Config
from audit.document.model import LineIndex
from audit.engine.auditor import audit_document
from audit.engine.registry import registry
from audit.frontends import front_end_for, markdown, parse

ARTICLE = """---
title: "Councl approves the new bridge"
description: 'A short summary of the plan'
tags: [roads, teh, recieve]
---

# Council approves the new bridge

The council voted on Tuesday to build a new bridge over the river, a plan that
was first proposed ten years ago and which residents have asked for ever since
the old crossing closed.

Read the [full planning report](https://example.org/recieve/teh-report "teh report") or
see <https://example.org/definately> and https://example.org/seperate/page for more.
Work is due to start in the spring and should take about two years to complete.

```python
def recieve(teh_value):
    return definately_seperate(teh_value)  # occured
```

    indented code: wierd acheive accomodate

Inline `recieve()` code and <!-- teh comment --> are skipped too.

| Stage | Cost |
|-------|------|
| Design | £2m |
"""

CODE_WORDS = ("recieve", "teh", "definately", "seperate", "occured", "wierd", "acheive", "accomodate")


def located_findings(source: str, path: str = "article.md"):
    doc = parse(path, source)
    reg = {rid: cls for rid, cls in registry().items() if rid != "grammar"}  # LanguageTool has its own tests
    settings = Config().settings_for(path, reg)
    return doc, audit_document(doc, settings).findings


def test_markdown_is_its_own_front_end():
    assert front_end_for("a.md") is markdown and front_end_for("b.markdown") is markdown
    assert parse("a.md", "Hello there.").format == "markdown"


def test_no_finding_inside_code_urls_or_front_matter_and_exact_positions():
    doc, findings = located_findings(ARTICLE)
    lines = LineIndex(ARTICLE)
    skipped = [
        (ARTICLE.index("```python"), ARTICLE.index("```\n\n    indented") + 3),
        (ARTICLE.index("    indented"), ARTICLE.index("accomodate") + len("accomodate")),
        (ARTICLE.index("`recieve()`"), ARTICLE.index("`recieve()`") + 11),
        (ARTICLE.index("<!--"), ARTICLE.index("-->") + 3),
        (ARTICLE.index("(https://example.org/recieve"), ARTICLE.index('report")') + 8),
        (ARTICLE.index("<https://"), ARTICLE.index("definately>") + 11),
        (ARTICLE.index("https://example.org/seperate"), ARTICLE.index("/page") + 5),
        (ARTICLE.index("tags:"), ARTICLE.index("recieve]") + 8),
    ]
    for f in findings:
        start = lines.offset(f.location.line, f.location.column)
        end = lines.offset(f.location.end_line, f.location.end_column)
        assert (start, end) == (f.finding.start, f.finding.end)
        assert " ".join(ARTICLE[start:end].split()) == f.excerpt
        if f.rule == "link-text" and f.excerpt.startswith("<https://"):
            continue  # a bare URL as link text is itself the accessibility finding
        for a, b in skipped:
            assert not (start < b and a < end), f"{f.rule} finding inside skipped markup: {f.excerpt!r}"
    for word in doc.words:
        assert word.text.lower() not in CODE_WORDS


def test_prose_misspelling_is_still_found_when_a_spelling_rule_exists():
    if not {"spelling", "typo"} & set(registry()):
        pytest.skip("no spelling rule registered")
    _, findings = located_findings(ARTICLE)
    assert any(f.excerpt == "Councl" for f in findings)  # in the front-matter title


def test_a_sentence_over_three_wrapped_lines_is_one_sentence():
    doc = parse("a.md", ARTICLE)
    sentence = next(s for s in doc.sentences if s.text.startswith("The council voted"))
    assert sentence.text.count("\n") == 2
    assert ARTICLE[sentence.start : sentence.end] == sentence.text
    assert ARTICLE[sentence.end - len("closed.") : sentence.end] == "closed."


def test_front_matter_title_and_description_are_blocks_at_the_value():
    doc = parse("a.md", ARTICLE)
    title, description = doc.blocks[0], doc.blocks[1]
    assert (title.kind, title.text) == ("title", "Councl approves the new bridge")
    assert ARTICLE[title.start : title.end] == title.text
    assert (description.kind, description.text) == ("description", "A short summary of the plan")
    assert doc.title_span == (title.start, title.end)


@pytest.mark.parametrize(
    "source, kind, text, source_text",
    [
        (
            "Some *emphasis* and __strong__ text.",
            "paragraph",
            "Some emphasis and strong text.",
            "Some *emphasis* and __strong__ text.",
        ),
        (
            "A [link *here*](http://x.org 'a title') ends.",
            "paragraph",
            "A link here ends.",
            "A [link *here*](http://x.org 'a title') ends.",
        ),
        ("Fish &amp; chips &copy; 2024.", "paragraph", "Fish & chips © 2024.", "Fish &amp; chips &copy; 2024."),
        ("Not \\*emphasis\\* here.", "paragraph", "Not *emphasis* here.", "Not \\*emphasis\\* here."),
        (
            "Hard  \nbreak and\\\nback slash.",
            "paragraph",
            "Hard\nbreak and\nback slash.",
            "Hard  \nbreak and\\\nback slash.",
        ),
        ("## Section *two* ##", "heading", "Section two", "Section *two"),  # markers are not prose
        ("Setext title\n============", "heading", "Setext title", "Setext title"),
        ("> Quoted line\n> goes on.", "quote", "Quoted line\ngoes on.", "Quoted line\n> goes on."),
        ("- First item\n  wraps here", "list-item", "First item\nwraps here", "First item\n  wraps here"),
        ("1. Numbered\n2. Second", "list-item", "Numbered", "Numbered"),
        ("| a \\| b | c |\n|---|---|\n| d | e |", "table-cell", "a | b", "a \\| b"),
        ("Ref [text][r] here.\n\n[r]: http://x.org", "paragraph", "Ref text here.", "Ref [text][r] here."),
        ("See ![a chart](c.png) now.", "paragraph", "See \ufffc now.", "See ![a chart](c.png) now."),
        ("Line with `code` inside.", "paragraph", "Line with \ufffc inside.", "Line with `code` inside."),
        ("Visit www.example.org today.", "paragraph", "Visit \ufffc today.", "Visit www.example.org today."),
        ("Crlf line\r\nwraps.", "paragraph", "Crlf line\r\nwraps.", "Crlf line\r\nwraps."),
    ],
)
def test_blocks_map_back_to_the_source(source, kind, text, source_text):
    doc = parse("a.md", source)
    block = doc.blocks[0]
    assert (block.kind, block.text) == (kind, text)
    assert source[block.start : block.end] == source_text


@pytest.mark.parametrize(
    "source, expected",
    [
        ("```\nteh code\n```\n", []),
        ("    indented code\n", []),
        ("<div>\nHTML block\n</div>\n", []),
        ("<!-- a comment -->\n", []),
        (
            '+++\ntitle = "TOML title"\ndraft = true\n+++\nBody text.',
            [("title", "TOML title"), ("paragraph", "Body text.")],
        ),
        ("---\nno closing fence\n\nBody.", [("paragraph", "no closing fence"), ("paragraph", "Body.")]),
        ("![Alt *text* here](x.png)", [("alt-text", "Alt text here")]),
    ],
)
def test_what_is_audited(source, expected):
    doc = parse("a.md", source)
    assert [(b.kind, b.text) for b in doc.blocks] == expected


def test_elements_for_accessibility_rules():
    source = "# Top\n\n[click here](http://a.org) and ![](pic.png) and [![Logo](l.png)](/home) <http://b.org>\n"
    doc = parse("a.md", source)
    kinds = [(e.kind, e.text) for e in doc.elements]
    assert kinds == [
        ("heading", "Top"),
        ("link", "click here"),
        ("image", ""),
        ("image", "Logo"),
        ("link", "Logo"),
        ("link", "http://b.org"),
    ]
    for element in doc.elements:
        assert source[element.start] in "#[!<"
    link = doc.elements[1]
    assert source[link.start : link.end] == "[click here](http://a.org)"
    assert link.attrs["href"] == "http://a.org"
    image = doc.elements[2]
    assert source[image.start : image.end] == "![](pic.png)" and image.attrs["alt"] == ""


FRAGMENTS = st.sampled_from(
    [
        "word",
        "Another",
        " ",
        "\n",
        "\n\n",
        "*",
        "**",
        "_",
        "`",
        "[",
        "]",
        "(",
        ")",
        "<",
        ">",
        "!",
        "&amp;",
        "&#8217;",
        "\\",
        "\\*",
        "# ",
        "- ",
        "> ",
        "1. ",
        "|",
        "---",
        "```",
        "    ",
        "http://x.org/a",
        "<b>",
        "</b>",
        "<!--",
        "-->",
        '"',
        "é",
        "😀",
        "\r\n",
        "\t",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40).map("".join))
def test_any_markdown_parses_and_words_map_exactly(source):
    doc = parse("a.md", source)
    for word in doc.words:
        assert 0 <= word.start <= word.end <= len(source)
        raw = source[word.start : word.end]
        if len(raw) == len(word.text) and "&" not in raw and "\\" not in raw:
            assert raw == word.text
