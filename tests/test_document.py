"""The document model: offsets, line/column mapping, prose map."""

from __future__ import annotations

import pytest

from audit.document.model import Document, LineIndex, Piece, ProseBlock
from audit.frontends import InputError, decode, parse


@pytest.mark.parametrize(
    "source, offset, expected",
    [
        ("abc", 0, (1, 1)),
        ("abc", 3, (1, 4)),
        ("a\nb", 2, (2, 1)),
        ("a\r\nb", 3, (2, 1)),  # CRLF is one line break
        ("a\r\nb", 1, (1, 2)),  # the CR belongs to line 1
        ("a\rb", 2, (2, 1)),  # lone CR
        ("é€\n😀x", 4, (2, 2)),  # columns count characters, not bytes
        ("\tx", 1, (1, 2)),  # a tab is one character
    ],
)
def test_line_index_positions(source, offset, expected):
    assert LineIndex(source).position(offset) == expected


def test_line_index_span_is_the_position_of_both_ends():
    source = "one\r\ntwo 😀\n\tthree\rfour\n"
    index = LineIndex(source)
    for start in range(len(source) + 1):
        for end in range(start, len(source) + 1):
            assert index.span(start, end) == (*index.position(start), *index.position(end))


def test_line_index_round_trip():
    source = "one\r\ntwo 😀\n\tthree\rfour\n"
    index = LineIndex(source)
    for offset in range(len(source) + 1):
        line, col = index.position(offset)
        assert index.offset(line, col) == offset


def test_words_and_sentences_cut_out_their_source_text():
    source = "\ufeffTitle line\r\n\r\nFirst “sentence” here. Second one’s café.\r\n\r\n😀 Emoji\tand tabs."
    doc = parse("x.txt", decode(source.encode("utf-8")))
    assert doc.source.startswith("Title")  # BOM dropped by decoding
    for w in doc.words:
        assert doc.source[w.start : w.end] == w.text
    for s in doc.sentences:
        assert doc.source[s.start : s.end] == s.text
    assert [w.text for w in doc.sentences[2].words] == ["Second", "one’s", "café"]
    last = doc.sentences[-1]
    assert doc.position(last.start) == (5, 1)
    assert last.words[0].text == "Emoji" and doc.position(last.words[0].start) == (5, 3)
    assert doc.position(last.words[1].start) == (5, 9)  # after a tab


def test_the_words_behave_as_the_tuple_of_their_words():
    """`Words` makes each word when it is read: indexing, slicing, iterating, length
    and equality are those of the tuple of the same words, for a document's words and
    a sentence's, in a block mapped by one shift and in one mapped piece by piece."""
    plain = parse("a.txt", "A headline here\n\nThe council met. It agreed, at last, to meet again.\n")
    html = parse("a.html", "<p>Tom &amp; Jerry <b>ran</b> home.</p><p>Then they slept.</p>")
    for words in [plain.words, html.words, *(s.words for d in (plain, html) for s in d.sentences)]:
        listed = tuple(words)
        assert len(words) == len(listed) and bool(words) == bool(listed)
        assert words == listed and words == words[:] and list(reversed(words)) == list(reversed(listed))
        for i in range(-len(listed), len(listed)):
            assert words[i] == listed[i] and words[i].text == listed[i].text
        for a in range(-len(listed) - 1, len(listed) + 2):
            for b in (None, a + 1, a + 2, -1, len(listed) + 3):
                assert tuple(words[a:b]) == listed[a:b] and words[a:b] == listed[a:b]
            assert words[a::2] == listed[a::2]
        with pytest.raises(IndexError):
            words[len(listed)]
        with pytest.raises(IndexError):
            words[-len(listed) - 1]
        assert tuple(words.texts) == tuple(w.text for w in listed)
    for doc in (plain, html):
        assert tuple(doc.words) == tuple(w for s in doc.sentences for w in s.words)
        for s in doc.sentences:
            a, b = s.words.span
            assert doc.words[a:b] == s.words
    assert [(w.text, html.source[w.start : w.end]) for w in html.words[:4]] == [
        ("Tom", "Tom"),
        ("Jerry", "Jerry"),
        ("ran", "ran"),
        ("home", "home"),
    ]


def test_prose_map_through_decoded_pieces():
    source = "<p>Tom &amp; Jerry ran.</p>"
    blocks = [ProseBlock("paragraph", [Piece("Tom ", 3, 7), Piece("&", 7, 12), Piece(" Jerry ran.", 12, 23)])]
    doc = Document("x.html", source, blocks, fmt="html")
    assert doc.text == "Tom & Jerry ran."
    jerry = doc.words[1]
    assert doc.source[jerry.start : jerry.end] == "Jerry"
    assert doc.span(4, 5) == (7, 12)  # "&" covers the whole entity
    assert doc.source[slice(*doc.span(0, len(doc.text)))] == "Tom &amp; Jerry ran."


def test_blocks_are_separated_and_title_found(sample_text):
    doc = parse("a.txt", sample_text)
    assert doc.blocks[0].kind == "title"
    assert doc.title == "Major force contributors to the Global Coalition to defeat ISIS meet"
    assert len(doc.words) == 641


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"\xff\xfeh\x00i\x00", None),  # UTF-16 LE with BOM
        (b"caf\xe9", "not valid UTF-8"),
        (b"\x00\x01\x02binary", "binary"),
    ],
)
def test_decode(data, problem):
    if problem is None:
        assert decode(data) == "hi"
    else:
        with pytest.raises(InputError, match=problem):
            decode(data)


@pytest.mark.parametrize("text", ["Colour me IMPRESSED.", "İstanbul: ΣΟΦΟΣ saw the colour.", "straße ǅ"])
def test_lower_text_is_aligned_with_the_prose(text):
    doc = parse("a.txt", text + "\n")
    assert len(doc.lower_text) == len(doc.text)
    for word in doc.words:
        low = doc.lower_text[word.prose_start : word.prose_end]
        assert low == word.text.lower() or len(word.text.lower()) != len(word.text)


def test_sentences_with_finds_each_sentence_once_in_order():
    import re

    doc = parse("a.txt", "İstanbul is big. Nothing here. Click the box, then click it again. Click.\n")
    found = doc.sentences_with(re.compile(r"click"), lowercase=True)
    assert [s.text for s in found] == ["Click the box, then click it again.", "Click."]
    assert doc.sentences_with(re.compile(r"click")) == [doc.sentences[2]]
