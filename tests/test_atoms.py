"""Atoms (issue 18): code, formulas, images, URLs and other non-prose inline content
stand in their sentence as one opaque word, mapped to the construct's whole source;
no rule flags them, they join nothing to their neighbours, and a fix never touches them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from audit.api import check_text
from audit.document import atoms
from audit.document.atoms import ATOM
from audit.document.model import Document, Piece, ProseBlock
from audit.engine.auditor import only_prose_fixes
from audit.frontends import parse
from audit.language import readability
from audit.lsp import diagnostics as shapes
from audit.lsp.positions import Positions
from audit.results.findings import Finding, Fix, Severity

DOCS = Path(__file__).resolve().parents[1] / "docs" / "markup.md"


def _atom_sources(doc: Document) -> list[str]:
    """The source each atom of the prose stands for."""
    return [doc.source.__getitem__(slice(*doc.span(i, i + 1))) for i, c in enumerate(doc.text) if c == ATOM]


# Each construct in a sentence: the prose the rules see, and the source of each atom.
MARKDOWN_CASES = [
    ("Run `cargo build` now.", "Run ￼ now.", ["`cargo build`"]),
    ("Run ``a ` b`` now.", "Run ￼ now.", ["``a ` b``"]),
    ("See ![a chart](c.png) here.", "See ￼ here.", ["![a chart](c.png)"]),
    ("Mail <me@example.org> or <https://x.org/a>.", "Mail ￼ or ￼.", ["<me@example.org>", "<https://x.org/a>"]),
    ("Visit https://x.org/a today.", "Visit ￼ today.", ["https://x.org/a"]),
    ("Press <kbd>Ctrl</kbd>+<kbd>C</kbd> now.", "Press ￼+￼ now.", ["<kbd>Ctrl</kbd>", "<kbd>C</kbd>"]),
    ("Call <code>f(<b>x</b>)</code> once.", "Call ￼ once.", ["<code>f(<b>x</b>)</code>"]),
    ("Let <math><mi>x</mi></math> be one.", "Let ￼ be one.", ["<math><mi>x</mi></math>"]),
    ("An <img src=a.png alt=cat> here.", "An ￼ here.", ["<img src=a.png alt=cat>"]),
    ("Use <var>n</var> and <samp>ok</samp>.", "Use ￼ and ￼.", ["<var>n</var>", "<samp>ok</samp>"]),
    # Prose, not atoms: emphasis, link text, references, escapes, other inline tags.
    ("A *big* [link](u) &amp; \\*stars\\* <em>too</em>.", "A big link & *stars* too.", []),
    ("Line<br>break.", "Line\nbreak.", []),
    ("A <!-- note --> comment.", "A  comment.", []),
]
HTML_CASES = [
    ("<p>Run <code>make</code> now.</p>", "Run ￼ now.", ["<code>make</code>"]),
    ("<p>Press <kbd>Esc</kbd>, then <samp>ok</samp>.</p>", "Press ￼, then ￼.", ["<kbd>Esc</kbd>", "<samp>ok</samp>"]),
    ("<p>Set <var>n</var> to <tt>1</tt>.</p>", "Set ￼ to ￼.", ["<var>n</var>", "<tt>1</tt>"]),
    (
        "<p>Let <math><mi>x</mi><mo>=</mo><mn>2</mn></math> hold.</p>",
        "Let ￼ hold.",
        ["<math><mi>x</mi><mo>=</mo><mn>2</mn></math>"],
    ),
    ("<p>A <svg><text>t</text></svg> icon.</p>", "A ￼ icon.", ["<svg><text>t</text></svg>"]),
    ("<p>A <img src=a.png alt='a cat'> here.</p>", "A ￼ here.", ["<img src=a.png alt='a cat'>"]),
    ("<p>Press <button>OK</button> to go.</p>", "Press ￼ to go.", ["<button>OK</button>"]),
    ("<p>See https://x.org/a now.</p>", "See ￼ now.", ["https://x.org/a"]),
    # Prose, not atoms: inline elements, references; skipped: scripts, hidden parts, comments.
    ("<p>A <em>big</em> <a href=u>link</a> &amp; more.</p>", "A big link & more.", []),
    ("<p>One<script>x()</script> <span hidden>no</span>two<!-- c -->.</p>", "One two.", []),
    ("<p>Line<br>break.</p>", "Line\nbreak.", []),
]


@pytest.mark.parametrize("source, prose, atom_sources", MARKDOWN_CASES)
def test_markdown_constructs(source, prose, atom_sources):
    doc = parse("a.md", source)
    assert doc.blocks[0].text == prose
    assert _atom_sources(doc) == atom_sources


@pytest.mark.parametrize("source, prose, atom_sources", HTML_CASES)
def test_html_constructs(source, prose, atom_sources):
    doc = parse("a.html", source, extract=False)
    assert doc.blocks[0].text == prose
    assert _atom_sources(doc) == atom_sources


@pytest.mark.parametrize("source", ["Run `cargo build`.", "Run <code>cargo build</code>."])
def test_an_atom_is_one_word(source):
    doc = parse("a.md" if "`" in source else "a.html", source)
    assert doc.texts == ("Run", ATOM)


def test_a_block_of_atoms_only_holds_no_prose():
    doc = parse("a.md", "![a chart](c.png)\n\n- `--force`\n\nWords here.\n")
    assert [(b.kind, b.text) for b in doc.blocks] == [("alt-text", "a chart"), ("paragraph", "Words here.")]


def test_a_sentence_may_start_with_an_atom():
    doc = parse("a.md", "It is done. `kubectl` prints the rest.")
    assert [s.text for s in doc.sentences] == ["It is done.", "￼ prints the rest."]


def _rules_found(text: str, fmt: str = "markdown") -> list[tuple[str, str]]:
    return [(f.rule, f.excerpt) for f in check_text(text, format=fmt).findings]


@pytest.mark.parametrize(
    "text",
    [
        "Then run `cargo build`. It takes a minute or two on most of the machines we use.",
        "Pass the buffer to `read_line` to read the next line of text from the terminal.",
        "Set the value to <kbd>x</kbd> , to <code>y</code>. Then it is ready to go again now.",
        "See https://example.org/path . It tells the whole story of the project so far.",
        "Press <kbd>Ctrl</kbd> <kbd>Ctrl</kbd> twice, then `recieve` the `THE` `teh` value.",
    ],
)
def test_no_rule_flags_an_atom_or_reads_a_gap_for_it(text):
    page = re.sub(r"`([^`]*)`", r"<code>\1</code>", text)
    found = _rules_found(text) + _rules_found(f"<p>{page}</p>", "html")
    assert not [f for f in found if f[0] in ("typo", "spelling", "all-caps", "jargon")], found


def test_an_atom_counts_as_one_short_familiar_word():
    assert readability._tally(ATOM) == (atoms.SYLLABLES, atoms.LETTERS, False, False, False)
    with_code = check_text("The tool `kubectl` runs the job.", format="markdown").metrics
    with_word = check_text("The tool thing runs the job.", format="markdown").metrics
    assert with_code["words"] == with_word["words"] == 6
    assert with_code["syllables"] == with_word["syllables"]


def test_plain_prose_keeps_every_offset():
    assert atoms.plain_prose("Run ￼ now.") == "Run X now."
    assert len(atoms.plain_prose("a￼￼b")) == 4


def _doc(source: str, pieces: list[Piece]) -> Document:
    return Document("a.md", source, [ProseBlock("paragraph", pieces)], fmt="markdown")


def test_a_fix_is_kept_only_on_verbatim_prose():
    source = "the the `x` &amp; *a* b"
    doc = _doc(
        source,
        [
            Piece("the the ", 0, 8),
            Piece(ATOM, 8, 11),
            Piece(" ", 11, 12),
            Piece("&", 12, 17),
            Piece(" ", 17, 18),
            Piece("a", 19, 20),  # the emphasis markers are not prose
            Piece(" b", 21, 23),
        ],
    )
    assert doc.prose_only(0, 4) and doc.prose_only(3, 8) and doc.prose_only(8, 8)
    assert not doc.prose_only(7, 9)  # into the code span
    assert not doc.prose_only(12, 17)  # the reference
    assert not doc.prose_only(19, 23)  # over the "*" between "a" and " b"
    assert doc.prose_only(21, 23)

    def finding(start, end, replacement):
        return Finding("typo", Severity.WARNING, "m", start, end, fix=Fix(start, end, replacement))

    kept, downgraded = only_prose_fixes(doc, [finding(3, 7, ""), finding(7, 12, "")])
    assert kept.fix == Fix(3, 7, "")
    assert (downgraded.fix, downgraded.suggestion) == (None, None)  # an empty replacement suggests nothing
    [renamed] = only_prose_fixes(doc, [finding(12, 17, "and")])
    assert (renamed.fix, renamed.suggestion) == (None, "and")


def test_a_fix_into_markup_is_a_suggestion_the_editor_does_not_apply():
    # "to *to*" is "to to" to the rules: the doubled word's fix (delete " *to") would take
    # the opening marker with it, so it is reported with no fix.
    text = "We went to *to* the shop and then we went back home again for a rest."
    result = check_text(text, format="markdown")
    [double] = [f for f in result.findings if f.rule == "typo"]
    assert double.finding.fix is None and double.finding.suggestion == "to"
    assert shapes.safe_fix_edits(result, Positions(text)) == []
    plain = check_text("We went to to the shop and then we went back home again for a rest.", format="markdown")
    assert len(shapes.safe_fix_edits(plain, Positions(text))) == 1


def test_docs_give_the_atom_table():
    page = DOCS.read_text(encoding="utf-8")
    for table in (atoms.MARKDOWN, atoms.HTML):
        for construct, reading in table.items():
            assert f"| {construct} | {reading} |" in page


# Rules whose findings are about a sentence, a paragraph or the article, which may hold atoms.
_WHOLE_SPANS = {"sentence-length", "reading-level", "paragraph-length", "passive-voice"}
ATOMS_EVERYWHERE = """# `Build` the `cargo` tool

`Kubectl` runs first. Then run `cargo build`. Pass it to `read_line` to read the line ,
then `THE` `teh` value, and see https://example.org/a . Use `utilize` and `whilst` for
`e.g.` the value `!!` . It is `is` done. The `fetch()` call was `made` by the server `API`.
Press <kbd>Ctrl</kbd>+<kbd>C</kbd> <kbd>Ctrl</kbd> to stop. An ![old chart](c.png) image.
"""


def test_no_rule_finds_anything_in_an_atom():
    result = check_text(ATOMS_EVERYWHERE, format="markdown", select=("all",))
    doc = parse("a.md", ATOMS_EVERYWHERE)
    atom_spans = [doc.span(i, i + 1) for i, c in enumerate(doc.text) if c == ATOM]
    assert len(atom_spans) == 20
    inside = [
        (f.rule, f.excerpt)
        for f in result.findings
        if f.rule not in _WHOLE_SPANS and any(a < f.finding.end and f.finding.start < b for a, b in atom_spans)
    ]
    assert inside == []
    assert {f.rule for f in result.findings} & {"typo"}  # the rules ran: "line ," is a slip
