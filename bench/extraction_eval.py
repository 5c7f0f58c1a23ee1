"""Evaluate main-content extraction on real web pages (issue 20's targets).

    .venv/bin/python bench/extraction_eval.py [--corpus PATH] [--show N] [--json OUT]

Each page folder of the corpus holds `source.html` (the page as saved) and
`expected.html` (the article Mozilla's Reader View tests expect an extractor to keep).
For every page it compares what the HTML front end audits of `source.html` with the
words of `expected.html` (read by the same front end, all of its text), and runs the
default rules on `source.html`.

A finding is *outside the article* when the sentence it lies in is not part of the
expected article. Both sides are reduced to lower-case word tokens by the project's
own tokenizer; a sentence is inside when its token sequence occurs in the expected
article's, or, for a sentence split or joined differently, when at least 80% of its
word pairs (its single words, for a one-word sentence) occur there. A finding on an
image or a link (its span is the element's) is inside when `expected.html` holds the
same image (by file name) or link (by target); any other finding whose span holds no
sentence is mapped by the nearest sentence before it. Findings on the headline (the first block, when it is a
heading) are inside: Reader View keeps the headline apart, as the title, not in
`expected.html`. Findings about the whole page are counted apart: a metric (reading
level, average sentence length) and one on the page element (`lang`: any finding that
ends before the first sentence).

Prints one line per page and the totals against the targets: at least 90% of English
article pages within 10% of the expected words, at most 3% of findings outside the
expected article, and no page reported as empty when it has an article.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import re
import sys
from pathlib import Path

from audit.api import check_text
from audit.frontends import parse
from audit.language import detection

DEFAULT_CORPUS = Path(os.environ.get("ARTICLE_AUDIT_WEB_CORPUS", "/work/shared/corpus/web"))
EXIT_NO_CORPUS = 2
TARGET_WITHIN = 90.0
TARGET_OUTSIDE = 3.0
TOLERANCE = 0.10
PAIR_SHARE = 0.8


def tokens(doc) -> list[str]:
    return [w.text.lower() for w in doc.words]


def sentence_tokens(sentence) -> list[str]:
    return [w.text.lower() for w in sentence.words]


class Expected:
    """The expected article as a token string, its word pairs and its words."""

    def __init__(self, words: list[str]) -> None:
        self.joined = " " + " ".join(words) + " "
        self.pairs = set(zip(words, words[1:], strict=False))
        self.words = set(words)

    def holds(self, words: list[str]) -> bool:
        if not words:
            return True
        if " " + " ".join(words) + " " in self.joined:
            return True
        if len(words) == 1:
            return words[0] in self.words
        pairs = list(zip(words, words[1:], strict=False))
        return sum(p in self.pairs for p in pairs) >= PAIR_SHARE * len(pairs)


def finding_sentence(starts: list[int], sentences: list, start: int):
    """The sentence a finding's source span lies in (or the nearest one before it)."""
    # the last sentence starting at or before `start`; a span inside no sentence maps to it
    return sentences[max(bisect.bisect_right(starts, start) - 1, 0)]


def element_at(doc, start: int, end: int):
    """The image or link a finding is about: the one whose span is the finding's."""
    for e in doc.elements:
        if e.kind in ("image", "link") and e.start == start and e.end == end:
            return e
    return None


def element_keys(element) -> set[tuple[str, str]]:
    """An image by the file it shows and its alt text, a link by its target's last part
    and its text (Reader View makes addresses absolute and resolves lazy images)."""
    target = (element.attrs.get("src") or element.attrs.get("href") or "").strip().rstrip("/")
    keys = {(element.kind, target.rsplit("/", 1)[-1]), (element.kind, " ".join(element.text.split()).lower())}
    return {k for k in keys if k[1]}


_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z-]+)", re.I)


def is_english(source: str, expected_doc) -> bool:
    """An English page: the expected article reads as English (the tool's own detection)
    and the page does not declare another language in <html lang> (a Czech page that
    detection takes for English, a French one that declares "en": not English)."""
    declared = _LANG.search(source[:50_000])
    if declared and declared.group(1).lower().split("-")[0] != "en":
        return False
    return detection.detect(expected_doc.texts, expected_doc.lower_words)[0] == detection.ENGLISH


def evaluate(folder: Path) -> dict:
    source = (folder / "source.html").read_text(encoding="utf-8", errors="replace")
    expected_source = (folder / "expected.html").read_text(encoding="utf-8", errors="replace")
    expected_doc = parse("expected.html", expected_source, extract=False)
    doc = parse("source.html", source)
    expected_words = tokens(expected_doc)
    english = is_english(source, expected_doc)
    result = check_text(source, format="html", path=None)
    sentences = [s for b in doc.blocks for s in b.sentences]
    starts = [s.start for s in sentences]
    expected = Expected(expected_words)
    expected_elements = set().union(*(element_keys(e) for e in expected_doc.elements if e.kind in ("image", "link")))
    first = doc.blocks[0] if doc.blocks else None
    headline = (first.start, first.end) if first is not None and first.kind == "heading" else (0, 0)
    inside = outside = page_wide = 0
    outside_samples = []
    for located in result.findings:
        f = located.finding
        if f.metric or not sentences or f.end <= sentences[0].start:
            page_wide += 1
            continue
        if headline[0] <= f.start < headline[1]:
            inside += 1
            continue
        element = element_at(doc, f.start, f.end)
        if element is not None:
            if element_keys(element) & expected_elements:
                inside += 1
            else:
                outside += 1
                outside_samples.append((located.rule, f"<{element.kind}> {sorted(element_keys(element))}"[:100]))
            continue
        sentence = finding_sentence(starts, sentences, f.start)
        if expected.holds(sentence_tokens(sentence)):
            inside += 1
        else:
            outside += 1
            outside_samples.append((located.rule, " ".join(sentence.text.split())[:90]))
    audited = len(doc.words)
    want = len(expected_words)
    return {
        "page": folder.name,
        "english": english,
        "expected_words": want,
        "audited_words": audited,
        "ratio": audited / want if want else 0.0,
        "within": want > 0 and abs(audited - want) <= TOLERANCE * want,
        # Empty: nothing audited for want of prose (a page refused as not English is not empty).
        "empty": result.status == "error" and (result.error or "").startswith("no prose"),
        "status": result.status,
        "error": result.error,
        "warnings": result.warnings,
        "words_left_out": result.metrics.get("words_left_out"),
        "findings_inside": inside,
        "findings_outside": outside,
        "findings_page": page_wide,
        "outside_samples": outside_samples,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", type=int, default=0, help="print up to N findings outside the article per page")
    parser.add_argument("--json", type=Path, help="write the per-page results here")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return EXIT_NO_CORPUS
    folders = sorted(p for p in args.corpus.iterdir() if (p / "expected.html").is_file())
    rows = [evaluate(folder) for folder in folders]
    for r in rows:
        flag = "ok " if r["within"] else "BAD"
        note = f"  [{r['error']}]" if r["empty"] else ""
        note += "".join(f"  <{w[:70]}>" for w in r["warnings"] if w.startswith("extraction"))
        print(
            f"{flag} {'en' if r['english'] else '--'} {r['page']:<42} {r['audited_words']:>6} / "
            f"{r['expected_words']:<6} ({r['ratio']:5.2f})  outside {r['findings_outside']:>3} of "
            f"{r['findings_inside'] + r['findings_outside']:<4}{note}"
        )
        for rule, text in r["outside_samples"][: args.show]:
            print(f"        {rule}: {text}")
    english = [r for r in rows if r["english"] and r["expected_words"]]
    within = sum(r["within"] for r in english)
    inside = sum(r["findings_inside"] for r in rows)
    outside = sum(r["findings_outside"] for r in rows)
    empty = [r["page"] for r in rows if r["empty"] and r["expected_words"]]
    share_within = 100 * within / max(len(english), 1)
    share_outside = 100 * outside / max(inside + outside, 1)
    print()
    print(f"English article pages within 10% of the expected words: {within} of {len(english)} = {share_within:.1f}%")
    print(f"  (target >= {TARGET_WITHIN:.0f}%; all pages: {sum(r['within'] for r in rows)} of {len(rows)})")
    print(f"findings outside the expected article: {outside} of {inside + outside} = {share_outside:.1f}%")
    print(
        f"  (target <= {TARGET_OUTSIDE:.0f}%; page-wide findings not counted: {sum(r['findings_page'] for r in rows)})"
    )
    print(f"pages reported empty that have an article: {len(empty)} {empty if empty else ''}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
