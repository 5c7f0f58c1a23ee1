"""The document model: prose blocks, sentences and words with source positions.

A front end (plain text, Markdown, HTML) reads a source file and hands over prose
blocks, each made of pieces of text with the source range they came from. The model
joins them into one prose string (`Document.text`), keeps one map from prose offsets
back to source offsets, and one map from source offsets to 1-based line and column.
Rules see prose; every position they report is mapped here and nowhere else.

Memory is a few times the prose, not hundreds of bytes a word (issue 19): the words are
kept in columns (one shared string per distinct word, offsets in arrays) and handed out
as `Word` tuples made when read (`Words`); a block's text is cut from the prose when
read, and the prose map keeps numbers, not the front end's pieces. docs/numbers.md
("Time and memory on big inputs") has the figures.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain, compress, count, repeat, tee
from operator import attrgetter, itemgetter, not_
from typing import TYPE_CHECKING, Any, NamedTuple, overload

from audit.document.atoms import ATOM
from audit.document.code_text import code_text
from audit.document.segment import WORD, split_sentences, tokenize

if TYPE_CHECKING:
    from audit.document.suppressions import Directive

BLOCK_SEPARATOR = "\n\n"
_new_word = tuple.__new__  # Word(...) without the Python-level __new__ of a named tuple
TEXT = attrgetter("text")  # a word's text, for map(): C speed over the words of an article
_FIRST = itemgetter(0)
_SPAN = re.Match.span


@dataclass(frozen=True, slots=True)
class Piece:
    """Prose text that stands for source[start:end] (equal lengths unless decoded)."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class ProseBlock:
    """What a front end hands over: one block of prose and where it came from."""

    kind: str  # paragraph, heading, list-item, quote, table-cell, caption, title ...
    pieces: list[Piece]
    level: int = 0  # heading level where it applies


@dataclass(frozen=True, slots=True)
class Element:
    """A markup element that accessibility rules inspect (image, link, heading, table)."""

    kind: str
    start: int  # source offsets of the element
    end: int
    attrs: dict[str, Any] = field(default_factory=dict)
    text: str = ""


class Word(NamedTuple):
    """A word token, as `Words` hands it out. A named tuple, not a dataclass: a tuple
    is made several times faster, and a word is made each time one is read."""

    text: str
    start: int  # source offsets
    end: int
    prose_start: int
    prose_end: int


def _offsets(limit: int) -> str:
    """The array type code for offsets up to `limit`: 4 bytes each while they fit."""
    return "i" if limit < 2**31 else "q"


class Words(Sequence[Word]):
    """The words of a document, or of a stretch of them (a sentence's), as a read-only
    sequence of `Word`s, each made when it is read.

    The document keeps its words in columns: each word's text (one string per distinct
    word, `Document.texts`) and four arrays of offsets, some 24 bytes a word where a
    tuple of a string and four integers took 200; a long article's words were most of
    the memory its audit took (issue 19). A `Words` is a range of those columns: it
    indexes, slices (a slice is another range), iterates, compares and has a length as
    the tuple of its words would; `texts` gives the words' texts without making them."""

    __slots__ = ("_columns", "_first", "_stop")

    def __init__(self, columns: list, first: int, stop: int) -> None:
        self._columns = columns  # [texts, starts, ends, prose starts, prose ends], the document's
        self._first = first
        self._stop = stop

    def __len__(self) -> int:
        return self._stop - self._first

    @overload
    def __getitem__(self, index: int) -> Word: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Word]: ...
    def __getitem__(self, index):
        first, stop = self._first, self._stop
        if isinstance(index, slice):
            a, b, step = index.indices(stop - first)
            if step == 1:
                return Words(self._columns, first + a, first + max(a, b))
            return tuple(self)[index]
        i = index + (first if index >= 0 else stop)
        if not first <= i < stop:
            raise IndexError("word index out of range")
        texts, starts, ends, prose_starts, prose_ends = self._columns
        return _new_word(Word, (texts[i], starts[i], ends[i], prose_starts[i], prose_ends[i]))

    def __iter__(self) -> Iterator[Word]:
        a, b = self._first, self._stop
        # Sliced columns zipped and each tuple retyped: the words made at C speed.
        return map(_new_word, repeat(Word), zip(*(column[a:b] for column in self._columns)))

    def __reversed__(self) -> Iterator[Word]:
        return reversed(tuple(self))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Words):
            other = tuple(other)
        return tuple(self) == other if isinstance(other, tuple) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to tuples, so unhashable as a list

    def __repr__(self) -> str:
        return f"Words({list(self)!r})"

    @property
    def texts(self) -> Sequence[str]:
        """The words' texts, in order (a slice of `Document.texts`): no word is made."""
        return self._columns[0][self._first : self._stop]

    @property
    def prose_starts(self) -> Sequence[int]:
        """Where the words start in the prose, in order (an array): no word is made."""
        return self._columns[3][self._first : self._stop]

    @property
    def prose_ends(self) -> Sequence[int]:
        """Where the words end in the prose, in order (an array): no word is made."""
        return self._columns[4][self._first : self._stop]

    @property
    def span(self) -> tuple[int, int]:
        """Where these words are in the document's: `doc.words[a:b]` is them."""
        return self._first, self._stop


# Sentences and blocks are read-only by contract, not frozen: a frozen dataclass sets
# each field through object.__setattr__, which made them four times slower to build.
# Compared and hashed by identity: two sentences are the same only if they are one.
@dataclass(slots=True, eq=False)
class Sentence:
    text: str
    start: int  # source offsets
    end: int
    prose_start: int
    prose_end: int
    words: Words
    block: int  # index into Document.blocks


@dataclass(slots=True, eq=False)
class Block:
    kind: str
    prose: str  # the document's prose (`Document.text`), not a copy of the block's
    start: int  # source offsets
    end: int
    prose_start: int
    prose_end: int
    level: int
    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        """The block's prose, cut out when read: few read it, and a copy kept for each
        block was one more copy of the whole article."""
        return self.prose[self.prose_start : self.prose_end]


class LineIndex:
    """Maps source offsets to 1-based (line, column); columns count characters.

    A line ends at "\\n", "\\r\\n" or a lone "\\r".
    """

    __slots__ = ("starts", "length")

    def __init__(self, source: str) -> None:
        starts = [0]
        i = 0
        n = len(source)
        find = source.find
        while True:
            j = find("\n", i)
            k = find("\r", i, j if j != -1 else n)
            if k != -1 and (k + 1 >= n or source[k + 1] != "\n"):
                starts.append(k + 1)  # lone CR
                i = k + 1
                continue
            if j == -1:
                break
            starts.append(j + 1)
            i = j + 1
        self.starts = starts
        self.length = n

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.length))
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end line, end column) of source[start:end], offsets in range:
        `position` of both, in one call (the engine locates every finding so)."""
        starts = self.starts
        line, end_line = bisect_right(starts, start) - 1, bisect_right(starts, end) - 1
        return line + 1, start - starts[line] + 1, end_line + 1, end - starts[end_line] + 1

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1


class ProseMap:
    """Maps offsets in the joined prose text back to source offsets.

    Each piece is kept as four numbers (where it starts in the prose, its length, its
    source span), not as the front end's `Piece`: a piece's text is the prose's own,
    from its prose start, and `pieces` cuts it out again for what wants the pieces."""

    __slots__ = ("_prose_starts", "_lengths", "_starts", "_ends")

    def __init__(self) -> None:
        self._prose_starts, self._lengths, self._starts, self._ends = array("q"), array("q"), array("q"), array("q")

    def add(self, prose_start: int, piece: Piece) -> None:
        self._prose_starts.append(prose_start)
        self._lengths.append(len(piece.text))
        self._starts.append(piece.start)
        self._ends.append(piece.end)

    def pieces(self, prose: str, prose_start: int, prose_end: int) -> list[Piece]:
        """The pieces that start in prose[prose_start:prose_end], in order, `prose` being
        the text they were joined into (`Document.text`)."""
        i, j = bisect_left(self._prose_starts, prose_start), bisect_left(self._prose_starts, prose_end)
        return [
            Piece(prose[at : at + n], start, end)
            for at, n, start, end in zip(
                self._prose_starts[i:j], self._lengths[i:j], self._starts[i:j], self._ends[i:j]
            )
        ]

    def verbatim_runs(self, source: str, prose: str) -> list[tuple[int, int]]:
        """The source spans, in order, of the prose copied verbatim: runs of pieces whose
        text is the source's own and that follow each other both in the source and in
        the prose (no markup, atom, decoded reference or separator between them)."""
        runs: list[tuple[int, int]] = []
        prose_end = -1
        for prose_start, n, start, end in zip(self._prose_starts, self._lengths, self._starts, self._ends):
            if end - start != n or source[start:end] != prose[prose_start : prose_start + n]:
                prose_end = -1  # an atom, a reference, a character the front end put in
                continue
            if runs and prose_start == prose_end and start == runs[-1][1]:
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
            prose_end = prose_start + n
        return sorted(runs)  # alt-text blocks follow the paragraph their image stands in

    def _locate(self, offset: int) -> tuple[int, int, int, int]:
        """(prose start, length, source start, source end) of the piece at a prose offset."""
        i = max(0, bisect_right(self._prose_starts, offset) - 1)
        return self._prose_starts[i], self._lengths[i], self._starts[i], self._ends[i]

    def shift(self, prose_start: int, prose_end: int) -> int | None:
        """source - prose offset for a range inside one piece copied verbatim from the
        source, where every offset maps by that shift; None elsewhere."""
        if not self._prose_starts or prose_end <= prose_start:
            return None
        base, n, start, end = self._locate(prose_start)
        if prose_start < base or prose_end - base > n or n != end - start:
            return None
        return start - base

    def to_source(self, offset: int, *, is_end: bool = False) -> int:
        if not self._prose_starts:
            return 0
        if is_end and offset > 0:
            base, n, start, end = self._locate(offset - 1)
            inner = offset - base
            if inner > n:  # in a separator after the piece
                return end
            if n == end - start:
                return start + inner
            return end
        base, n, start, end = self._locate(offset)
        inner = offset - base
        if inner >= n:
            return end
        if n == end - start:
            return start + inner
        return start


def _tokens_by_sentence(text: str, cuts: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The word spans (offsets in `text`) of each sentence: the block is tokenized in one
    pass, and a sentence that a token runs across is tokenized on its own, as if alone."""
    spans = tokenize(text)
    starts = list(map(_FIRST, spans))
    result = []
    for a, b in cuts:
        i, j = bisect_left(starts, a), bisect_left(starts, b)
        inside = spans[i:j]
        if (inside and inside[-1][1] > b) or (i and spans[i - 1][1] > a):
            inside = [(a + x, a + y) for x, y in tokenize(text[a:b])]
        result.append(inside)
    return result


class Segments(NamedTuple):
    """A block's sentences and words, offsets in the block, in arrays: sentence k runs
    from `starts[k]` to `ends[k]` and holds the words `first_words[k]` to
    `first_words[k + 1]`, word i running from `word_starts[i]` to `word_ends[i]`."""

    starts: array
    ends: array
    first_words: array
    word_starts: array
    word_ends: array

    def plain(self) -> tuple[list[tuple[int, int]], list[list[tuple[int, int]]]]:
        """The sentence spans and each sentence's word spans, as `split_sentences` and
        `_tokens_by_sentence` give them (what tests/test_incremental.py holds it to)."""
        words = list(zip(self.word_starts, self.word_ends))
        bounds = self.first_words
        return list(zip(self.starts, self.ends)), [words[i:j] for i, j in zip(bounds, bounds[1:])]


@lru_cache(maxsize=256)  # a few open documents' paragraphs; a batch never repeats one
def segmented(block: str) -> Segments:
    """A block's sentences and their words (`Segments`): `split_sentences` and
    `_tokens_by_sentence`, in arrays, remembered for the last blocks seen. An editor's
    document (the language server) is audited again at every pause in typing, and its
    paragraphs that did not change are then segmented only once. Arrays, not tuples of
    spans: a block may be a whole long article on one line, and it is remembered."""
    cuts = split_sentences(block)
    code = _offsets(len(block) + 1)
    # The block tokenized in one pass, straight into an array: (start, end, start, end ...).
    flat = array(code, chain.from_iterable(map(_SPAN, WORD.finditer(block))))
    word_starts, word_ends = flat[0::2], flat[1::2]
    del flat
    bounds = [bisect_left(word_starts, a) for a, _ in cuts]
    crossed = any(
        (i and word_ends[i - 1] > a) or (j > i and word_ends[j - 1] > b)
        for i, j, (a, b) in zip(bounds, bounds[1:] + [len(word_starts)], cuts)
    )
    if crossed:  # a token runs across a sentence's end: each sentence as `_tokens_by_sentence` has it
        word_starts, word_ends, bounds = array(code), array(code), []
        for spans in _tokens_by_sentence(block, cuts):
            bounds.append(len(word_starts))
            word_starts.extend(map(_FIRST, spans))
            word_ends.extend(map(itemgetter(1), spans))
    return Segments(
        array(code, map(_FIRST, cuts)),
        array(code, map(itemgetter(1), cuts)),
        array(code, [*bounds, len(word_starts)]),
        word_starts,
        word_ends,
    )


@dataclass(slots=True)
class DocumentCache:
    """What a module above the document works out once per document and hands on to
    the next reader (`doc.cache`): each slot is None until its function first fills it.
    Typed slots, not a dict of names: one attribute load on the hot path, and this is
    the one list of what is kept.

    Slot             Filled by (and read again by)
    suppressions     `audit.document.suppressions.of`: the file's directives, parsed once
                     for the engine (`_apply_suppressions`) and the `suppression` rule.
    sentence_tallies `audit.language.readability.sentence_tallies`: each sentence's sums
                     of its words' counts (five arrays), for the article's grades and
                     each sentence's.
    sentence_grades  `audit.language.readability.sentence_grades`: each sentence's
                     Flesch-Kincaid grade (`reading-level` flags the hard ones).
    readability      `audit.language.readability.measure(doc)`: the article's metrics;
                     `reading-level` reads them in `measure` and in `check`.
    passive          `audit.rules.passive_voice.clauses.clauses`: the passive clauses
                     (`Clause`s), counted in `measure` and flagged in `check`.
    """

    suppressions: list[Directive] | None = None
    sentence_tallies: tuple[array, array, array, array, array] | None = None
    sentence_grades: tuple[float | None, ...] | None = None
    readability: dict[str, float | int] | None = None
    # The rule's own type: the document layer does not import the rules above it.
    passive: tuple[Any, ...] | None = None


class Document:
    """One article: its source, its prose, and the structure rules work on.

    Built by a front end: `source`, `text` (the prose), `blocks`, `sentences`, `words`
    (a `Words`: a sequence of `Word`s, each made when read; a sentence's `words` is its
    stretch of them), `elements`, `metadata`, `lines` (source offset -> line and column)
    and `span` (prose offsets -> source offsets).

    Set by the engine for each run (`audit.engine.auditor.audit_document`):
    `language`      the configured English variant ("en", "en-GB" ...).
    `languagetool`  the run's `[languagetool]` settings (a `LanguageToolSettings`, typed
                    loosely here: `audit.language` sits above this layer); None outside
                    an audit, which the `grammar` rule reads as the defaults.
    `warnings`      sentences about this article that the result carries: a rule whose
                    backend failed on it, rules skipped on a text not in English.
    `run_vocabulary` words in no word list that other articles of the batch use too
                    (`audit.batch.run_vocabulary`): the `spelling` rule takes them as terms.

    Views of the words and the prose, each worked out once (when first read, but for
    `texts`) and shared by the rules; a view with a fast path has its plain form beside
    it, which tests/test_fast_paths.py holds it to:
    `texts`                 each word's text (made with the words: most rules want them).
    `lower_words`           each word's text in lower case.
    `folded_words`          each word's case fold (`folded_words_plain` beside it).
    `distinct_lower_words`  the set of `lower_words`, for look-ups.
    `code_text`             the source's code and link targets in lower case (terms it names).
    `distinct_lower_lines`  the same, one per line: one string to search.
    `word_ends`             where each word ends in the prose (bisect it for "the words
                            before offset N"): the words' own array, not a copy.
    `lower_text`            the prose in lower case, offset for offset with `text`;
    `lower_text_is_lower`   and whether that is the plain `text.lower()`.
    `title`, `title_span`   where article-level findings point.
    `prose_only(start, end)` whether a source span is prose as the rules saw it, the
                            test a fix must pass to be applied (`_verbatim_runs`).
    (`_sentence_starts` and `_lowered` are the private steps of `sentence_at` and
    `lower_text`.)

    What modules above this layer work out once per document sits in `cache`
    (`DocumentCache`, whose docstring lists its slots).
    """

    def __init__(
        self,
        path: str,
        source: str,
        blocks: Iterable[ProseBlock],
        *,
        fmt: str = "text",
        elements: Iterable[Element] = (),
        metadata: dict[str, Any] | None = None,
    ) -> None:
        self.path = path
        self.source = source
        self.format = fmt
        self.language = "en"  # set by the engine, as the next two (see the class docstring)
        self.languagetool: Any = None
        self.rule_ids: frozenset[str] = frozenset()  # the ids the run's rules report under (set by the engine)
        self.run_vocabulary: frozenset[str] = frozenset()  # words the run's other articles use (set by the engine)
        self.warnings: list[str] = []
        self.elements = tuple(elements)
        self.metadata = dict(metadata or {})
        self.cache = DocumentCache()
        self.lines = LineIndex(source)
        self._map = ProseMap()
        self.blocks = self._build(blocks)
        self.sentences = tuple(chain.from_iterable(b.sentences for b in self.blocks))

    def _build(self, prose_blocks: Iterable[ProseBlock]) -> tuple[Block, ...]:
        parts: list[str] = []
        offset = 0
        spans: list[tuple[ProseBlock, int, int]] = []
        for pb in prose_blocks:
            pieces = [p for p in pb.pieces if p.text]
            if not pieces or not "".join(p.text for p in pieces).replace(ATOM, "").strip():
                continue  # no prose: empty, or only atoms (an image on its own line)
            if parts:
                parts.append(BLOCK_SEPARATOR)
                offset += len(BLOCK_SEPARATOR)
            block_start = offset
            for piece in pieces:
                self._map.add(offset, piece)
                parts.append(piece.text)
                offset += len(piece.text)
            spans.append((pb, block_start, offset))
        self.text = "".join(parts)
        # The words in columns (`Words`): their texts, and their source and prose offsets.
        texts: list[str] = []
        code = _offsets(max(len(self.source), len(self.text)) + 1)
        starts, ends, prose_starts, prose_ends = array(code), array(code), array(code), array(code)
        columns: list = [texts, starts, ends, prose_starts, prose_ends]
        blocks = []
        # One string per distinct word, shared by its uses: an article repeats its words,
        # and a string each was a fifth of the memory a long article takes.
        one = {}.setdefault
        verbatim = True  # every block's source offsets are its prose offsets (plain text, most often)
        for index, (pb, ps, pe) in enumerate(spans):
            text = self.text[ps:pe]
            cuts = segmented(text)
            xs, ys, bounds = cuts.word_starts, cuts.word_ends, cuts.first_words
            first = len(texts)
            # Each word cut out and shared at once (tee holds one at a time): a list of
            # them all first was a string per word of a one-line article.
            texts += map(one, *tee(map(text.__getitem__, map(slice, xs, ys))))
            prose_starts.extend(map(ps.__add__, xs))
            prose_ends.extend(map(ps.__add__, ys))
            # A block copied verbatim from one piece of the source (nearly all of them)
            # maps every offset by one shift, and its words are mapped in whole columns
            # (this is most of the parsing time); else each sentence is mapped on its own.
            block_shift = self._map.shift(ps, pe)
            if verbatim and block_shift != 0:  # the source columns, made only now they differ
                verbatim = False
                starts.extend(prose_starts[:first])
                ends.extend(prose_ends[:first])
            if not verbatim and block_shift is not None:
                starts.extend(map((ps + block_shift).__add__, xs))
                ends.extend(map((ps + block_shift).__add__, ys))
            sentences = []
            stop = first + bounds[0]
            for k, s_start, s_end in zip(count(1), cuts.starts, cuts.ends):
                a, b = ps + s_start, ps + s_end
                # One integer object for an offset two things share: a sentence's last
                # word index and the next one's first, a source and a prose offset.
                begin, stop = stop, first + bounds[k]
                if block_shift == 0:
                    start, end = a, b
                elif block_shift is not None:
                    start, end = a + block_shift, b + block_shift
                else:
                    start, end = self._map_sentence(
                        a, b, ps, xs[begin - first : stop - first], ys[begin - first : stop - first], starts, ends
                    )
                sentences.append(Sentence(self.text[a:b], start, end, a, b, Words(columns, begin, stop), index))
            blocks.append(Block(pb.kind, self.text, *self.span(ps, pe), ps, pe, pb.level, tuple(sentences)))
        # The words' texts kept once, as the tuple rules read (`texts`), in the columns
        # the sentences' words already hold; source offsets that are the prose offsets,
        # one array for both.
        columns[0] = self.texts = tuple(texts)
        if verbatim:
            columns[1], columns[2] = prose_starts, prose_ends
        self.words = Words(columns, 0, len(texts))
        return tuple(blocks)

    def _map_sentence(
        self, a: int, b: int, ps: int, xs: array, ys: array, starts: array, ends: array
    ) -> tuple[int, int]:
        """The source span of the sentence at prose [a, b) in a block at prose `ps`, its
        words' source offsets (`xs`, `ys`: offsets in the block) appended to `starts`
        and `ends`: by one shift where the sentence has one, else word by word."""
        shift = self._map.shift(a, b)
        if shift is None:
            for x, y in zip(xs, ys):
                start, end = self.span(ps + x, ps + y)
                starts.append(start)
                ends.append(end)
            return self.span(a, b)
        starts.extend(map((ps + shift).__add__, xs))
        ends.extend(map((ps + shift).__add__, ys))
        return a + shift, b + shift

    def only_blocks(self, indices: Iterable[int]) -> Document:
        """A document of these blocks alone, built from the same pieces: the same
        source, elements, metadata and warnings (one list), so its findings have the
        same source offsets. What the language-bound rules audit when the other blocks
        are in another language."""
        kept = []
        for block in map(self.blocks.__getitem__, indices):
            kept.append(
                ProseBlock(block.kind, self._map.pieces(self.text, block.prose_start, block.prose_end), block.level)
            )
        part = Document(self.path, self.source, kept, fmt=self.format, elements=self.elements, metadata=self.metadata)
        part.language, part.languagetool, part.warnings = self.language, self.languagetool, self.warnings
        part.rule_ids, part.run_vocabulary = self.rule_ids, self.run_vocabulary
        return part

    def block_words(self) -> list[tuple[Sequence[str], Sequence[str]]]:
        """Each block's (word texts, the words in lower case), in order: slices of
        `texts` and `lower_words`."""
        result, at = [], 0
        texts, lowered = self.texts, self.lower_words
        for block in self.blocks:
            end = at + sum(len(s.words) for s in block.sentences)
            result.append((texts[at:end], lowered[at:end]))
            at = end
        return result

    def span(self, prose_start: int, prose_end: int) -> tuple[int, int]:
        """Source (start, end) of the prose range [prose_start, prose_end)."""
        start = self._map.to_source(prose_start)
        end = self._map.to_source(prose_end, is_end=True)
        return start, max(start, end)

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)

    def prose_only(self, start: int, end: int) -> bool:
        """Is source[start:end] prose, character for character as the rules saw it? True
        when the span lies in one run of source text copied verbatim into the prose; an
        empty span (an insertion) may also touch either end of a run. The one test of
        whether a fix may be applied (`audit.engine.auditor.only_prose_fixes`)."""
        runs = self._verbatim_runs
        i = bisect_right(runs, (start, len(self.source) + 1)) - 1
        return i >= 0 and runs[i][0] <= start and end <= runs[i][1]

    @cached_property
    def _verbatim_runs(self) -> list[tuple[int, int]]:
        return self._map.verbatim_runs(self.source, self.text)

    def sentences_with(self, pattern: re.Pattern[str], *, lowercase: bool = False) -> list[Sentence]:
        """The sentences, in order, in which `pattern` matches the prose.

        A prefilter for rules whose checks need some word or mark that most sentences
        lack: one scan of the whole prose replaces a scan of every sentence. With
        `lowercase`, the pattern runs on the lowercased prose (a case-sensitive
        pattern on it is much faster than an IGNORECASE one)."""
        text = self.lower_text if lowercase else self.text
        hits: list[Sentence] = []
        for m in pattern.finditer(text):
            if hits and m.start() < hits[-1].prose_end:
                continue  # in the sentence found last
            sentence = self.sentence_at(m.start())
            if sentence is not None:
                hits.append(sentence)
        return hits

    @cached_property
    def lower_words(self) -> list[str]:
        """Each word's text in lower case, in order (shared by the rules that want them)."""
        # Lowered once per distinct word, and a word already in lower case is its own
        # lower case: one string per distinct word again, not one per use.
        lowered = {word: word if low == word else low for word in set(self.texts) for low in (word.lower(),)}
        return list(map(lowered.__getitem__, self.texts))

    @cached_property
    def folded_words(self) -> list[str]:
        """Each word's case fold (`str.casefold`), in order. casefold has no fast path
        for ASCII: a word in ASCII is folded by lowering it, which is the same and far faster."""
        if self.text.isascii():
            return self.lower_words
        folded = list(self.lower_words)
        for i in compress(count(), map(not_, map(str.isascii, self.texts))):
            folded[i] = self.texts[i].casefold()
        return folded

    def folded_words_plain(self) -> list[str]:
        """The plain form of `folded_words`, which tests/test_fast_paths.py holds it to."""
        return [word.casefold() for word in self.texts]

    @cached_property
    def code_text(self) -> str:
        """The source's code and link targets in lower case (`audit.document.code_text`),
        read once for the rules that take a word written there as a term."""
        return code_text(self.format, self.source)

    @cached_property
    def distinct_lower_words(self) -> frozenset[str]:
        """The distinct words in lower case, shared by the rules that look words up."""
        return frozenset(self.lower_words)

    @cached_property
    def distinct_lower_lines(self) -> str:
        """The distinct words in lower case, one per line: one string to search, for the
        rules that look for what words hold ("well-known", "don't")."""
        return "\n".join(self.distinct_lower_words)

    @property
    def word_ends(self) -> Sequence[int]:
        """Where each word ends in the prose, in order (words do not overlap): bisected,
        it tells how many words stand before an offset. The words' own column (an array),
        not a copy: read-only by contract."""
        return self.words._columns[4]

    @property
    def lower_text(self) -> str:
        """The prose in lower case, offset for offset with `text`: a character whose
        lower case is longer ("İ" -> "i̇") stays as it is."""
        return self._lowered[0]

    @property
    def lower_text_is_lower(self) -> bool:
        """`lower_text` is the prose's plain `lower()`, so it agrees with `lower_words`
        (false when the prose holds a letter longer in lower case, which it keeps)."""
        return self._lowered[1]

    @cached_property
    def _lowered(self) -> tuple[str, bool]:
        lower = self.text.lower()
        if len(lower) == len(self.text):  # lower case never shortens: equal length, aligned
            return lower, True
        parts, start = [], 0
        for i, c in enumerate(self.text):
            if len(c.lower()) != 1:  # lower the stretches between such characters as a whole
                parts += [self.text[start:i].lower(), c]  # (a final sigma stays final)
                start = i + 1
        return "".join(parts) + self.text[start:].lower(), False

    def sentence_at(self, prose_offset: int) -> Sentence | None:
        """The sentence holding a prose offset; None between sentences."""
        i = bisect_right(self._sentence_starts, prose_offset) - 1
        if i >= 0 and prose_offset < self.sentences[i].prose_end:
            return self.sentences[i]
        return None

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.prose_start for s in self.sentences]

    @cached_property
    def title_span(self) -> tuple[int, int]:
        """Where article-level findings point: the title, else the first block."""
        for block in self.blocks:
            if block.kind in ("title", "heading"):
                return block.start, block.end
            break
        if self.blocks:
            first = self.blocks[0]
            line_end = self.source.find("\n", first.start)
            end = first.end if line_end == -1 else min(first.end, line_end)
            while end > first.start and self.source[end - 1].isspace():
                end -= 1
            return first.start, end
        return 0, 0

    @cached_property
    def title(self) -> str:
        start, end = self.title_span
        return self.source[start:end].strip()
