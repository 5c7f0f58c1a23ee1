"""Every line ending is read alike (issue 18, part 2): LF, CRLF, a lone CR, a mix of them,
and U+2028/U+2029. Paragraphs are separated by blank lines whatever the endings; a line
that wraps is never a paragraph break. The same text saved each way gives the same
metrics and the same findings, at the same lines and columns of each file's own lines.
"""

from __future__ import annotations

import re

import pytest

from audit.api import check_text

# A chapter written for this test: wrapped lines, a long sentence over four lines, slips
# the rules find (a doubled word, a space before a comma), a short headline line.
CHAPTER = """The Lighthouse Keeper

Morning came slowly over the harbour, and the keeper climbed the stairs
to put out the lamp that had burned all night above the grey water.
He counted the steps as he always did, one hundred and twelve of them,
and at the top he stopped to look at the the boats coming home.

Nobody in the village could remember a time when the light had failed ,
although the old fishermen liked to tell stories about a winter long ago
when the storm broke every window in the tower and the keeper of those
days carried a lantern up and down the stairs through the whole of the
night so that the ships out on the black sea would still see a light and
know where the rocks were waiting for them beneath the waves.

Short lines
make short sentences. They do.
"""
LF = CHAPTER
ENDINGS = {
    "lf": LF,
    "crlf": LF.replace("\n", "\r\n"),
    "cr": LF.replace("\n", "\r"),
    "mixed": "",
}


def _mixed(text: str) -> str:
    """Each line its own ending, in turn LF, CRLF, CR; but a CR before an empty line
    is followed by a CR, since CR then LF is one CRLF."""
    out, previous = [], ""
    for i, line in enumerate(text.split("\n")[:-1]):
        ending = ("\n", "\r\n", "\r")[i % 3]
        if previous == "\r" and not line and ending == "\n":
            ending = "\r"
        out.append(line + ending)
        previous = ending
    return "".join(out)


ENDINGS["mixed"] = _mixed(LF)


def _audit(text: str, fmt: str = "text"):
    result = check_text(text, format=fmt)
    assert result.status != "error", result.error
    return result


def _findings(result):
    return [
        (f.rule, f.finding.message, f.location.line, f.location.column, f.location.end_line) for f in result.findings
    ]


@pytest.mark.parametrize("name", ["crlf", "cr", "mixed"])
def test_plain_text_reads_the_same_with_every_line_ending(name):
    base, other = _audit(ENDINGS["lf"]), _audit(ENDINGS[name])
    assert other.metrics == base.metrics
    assert _findings(other) == _findings(base)


def test_the_chapter_has_its_paragraphs_and_a_long_sentence_over_wrapped_lines():
    # What the comparison above compares: three paragraphs and a title, not one per line.
    for text in ENDINGS.values():
        result = _audit(text)
        assert result.metrics["paragraphs"] == 3
        assert result.metrics["sentences"] == 6
        assert result.metrics["max_sentence_length"] > 60
        rules = {f.rule for f in result.findings}
        assert {"typo", "sentence-length"} <= rules


def test_unicode_line_and_paragraph_separators():
    # U+2028 ends a line (a blank line is two of them); U+2029 ends a paragraph by itself.
    # Lines in reports are the editor's (LF, CRLF, CR): compare what was found, not where.
    base = _audit(LF)
    for text in (LF.replace("\n", "\u2028"), LF.replace("\n\n", "\u2029").replace("\n", "\u2028")):
        other = _audit(text)
        assert other.metrics == base.metrics
        assert [(f.rule, f.finding.message, f.excerpt.replace("\u2028", " ")) for f in other.findings] == [
            (f.rule, f.finding.message, f.excerpt) for f in base.findings
        ]


MARKDOWN = """# The harbour

Morning came slowly over the harbour, and the keeper climbed the stairs
to look at the the boats. Run `make light` , then rest.

- A list item that wraps
  over two lines.
"""
HTML = """<html lang="en"><body><article>
<h1>The harbour</h1>
<p>Morning came slowly over the harbour, and the keeper climbed the stairs
to look at the the boats. Run <code>make light</code> , then rest.</p>
<p>A second paragraph
that wraps.</p>
</article></body></html>
"""


@pytest.mark.parametrize("fmt, text", [("markdown", MARKDOWN), ("html", HTML)])
@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_markdown_and_html_read_crlf_and_cr_as_lf(fmt, text, ending):
    base, other = _audit(text, fmt), _audit(text.replace("\n", ending), fmt)
    assert other.metrics == base.metrics
    assert _findings(other) == _findings(base)
    assert base.findings


def test_positions_are_in_the_file_s_own_lines():
    # The doubled "the" is on line 6, column 38, whatever ends the lines.
    for text in ENDINGS.values():
        [double] = [f for f in _audit(text).findings if re.match(r"'the' is doubled", f.finding.message)]
        assert (double.location.line, double.location.column) == (6, 38)
