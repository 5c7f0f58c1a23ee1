"""Atoms: non-prose inline content that stands in a sentence as one opaque placeholder.

A code span, a formula, an image, an autolink or a bare URL is not prose, but it stands
in a sentence where a reader reads a word: "run `cargo build`." Left out, the sentence
would read "run ." (a space before a full stop), "to `read_line` to" a doubled "to".
So each becomes one character, U+FFFC OBJECT REPLACEMENT CHARACTER, in the prose the
rules see, mapped to the construct's whole source span. The tokenizer makes it one word
(`WORD` in `audit.document.segment`); no rule flags it (it holds no letter, so no word
list, capital or syllable test matches it); it joins nothing to its neighbours; a fix
never touches it (`Document.prose_only`).

`MARKDOWN` and `HTML` are the per-construct table that docs/markup.md prints: how each
construct is read (prose, atom, skipped, line break). The front ends read their sets
from here (`HTML_ATOM_TAGS`, `MARKDOWN_ATOM_TAGS`).
"""

from __future__ import annotations

ATOM = "\ufffc"  # OBJECT REPLACEMENT CHARACTER: "an object stands here"

# What an atom counts for in the readability formulas: one short, familiar word (one
# syllable, five letters, on the Dale-Chall list): it neither raises nor lowers a grade
# much, where "`kubectl`" read letter by letter or skipped would.
SYLLABLES = 1
LETTERS = 5

PROSE, ATOMIC, SKIPPED, BREAK = "prose", "atom", "skipped", "line break"

MARKDOWN = {
    "text, emphasis, strong, strikethrough": PROSE,
    "link text (`[text](url)`); the destination and title are skipped": PROSE,
    "character references (`&amp;`), backslash escapes (`\\*`)": PROSE,
    "code span (`` `code` ``)": ATOMIC,
    "image (`![alt](src)`); its alt text is audited as a block of its own": ATOMIC,
    "autolink (`<https://…>`), bare URL and e-mail address": ATOMIC,
    "inline HTML `<code>`, `<kbd>`, `<samp>`, `<var>`, `<tt>`, `<math>`, `<svg>`, `<img>` (the whole element)": ATOMIC,
    "other inline HTML tags (`<em>`, `<span>`, `<sup>` …): the tags": SKIPPED,
    "inline HTML comment": SKIPPED,
    "`<br>`": BREAK,
    "code blocks, HTML blocks": SKIPPED,
}

# Elements whose whole content is one atom when they stand inside prose.
HTML_ATOM_TAGS = frozenset(
    "code kbd samp var tt math svg img button select textarea iframe object embed canvas audio video".split()
)
MARKDOWN_ATOM_TAGS = frozenset("code kbd samp var tt math svg img".split())

HTML = {
    "text in block elements (p, li, h1-h6, td, th, blockquote, dd, dt, caption …)": PROSE,
    "inline elements (a, em, strong, span, sup, sub, abbr, q …): the tags skipped, the text prose": PROSE,
    "character references (`&amp;`, `&#8217;`)": PROSE,
    "`<code>`, `<kbd>`, `<samp>`, `<var>`, `<tt>`": ATOMIC,
    "`<math>` (MathML), `<svg>`": ATOMIC,
    "`<img>` (its alt text is audited as a block of its own)": ATOMIC,
    "`<button>`, `<select>`, `<textarea>`, `<iframe>`, `<object>`, `<embed>`, `<canvas>`, `<audio>`, `<video>`": ATOMIC,
    "bare URL and e-mail address in text": ATOMIC,
    "`<br>`": BREAK,
    "`<wbr>`, comments, `<script>`, `<style>`, `<template>`, `<noscript>`, `<head>`, hidden elements": SKIPPED,
    "`<pre>` (a block of code), page furniture (navigation, asides, footers …)": SKIPPED,
}


def is_atom(token: str) -> bool:
    return token == ATOM


STAND_IN = "X"  # one letter: offsets in the plain prose are those of the prose


def plain_prose(text: str) -> str:
    """The prose with each atom written as a one-letter word, offset for offset, for a
    reader outside the document model that knows nothing of atoms (LanguageTool)."""
    return text.replace(ATOM, STAND_IN) if ATOM in text else text
