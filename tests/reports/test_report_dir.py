"""--report-dir: per-article HTML, Markdown and JSON, an index, safe names, inert article markup."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from audit.reports import report_dir
from audit.reports.html_highlight import highlighted, line_starts


class Page(HTMLParser):
    """Elements, scripts, ids, links, and the text under each finding's highlights."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.marked: dict[int, str] = {}
        self.text: list[str] = []
        self.article = ""  # the article text as shown: the div.article less its finding numbers
        self._marks: list[int | None] = []
        self._in_script = False
        self._depth = 0  # element depth inside div.article, 0 outside
        self._in_ref = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        if self._depth or (tag == "div" and attrs.get("class") == "article"):
            self._depth += 1
        if tag == "a" and attrs.get("class", "").split()[:1] == ["ref"]:
            self._in_ref = True
        if tag == "mark":
            m = re.match(r"#(\d+) ", attrs.get("title", ""))
            self._marks.append(int(m.group(1)) if m else None)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        if self._depth:
            self._depth -= 1
        if tag == "a":
            self._in_ref = False
        if tag == "mark":
            self._marks.pop()

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
            return
        self.text.append(data)
        if self._depth and not self._in_ref:
            self.article += data
        for n in self._marks:
            if n is not None:
                self.marked[n] = self.marked.get(n, "") + data

    def all(self, tag: str) -> list[dict]:
        return [a for t, a in self.tags if t == tag]

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if "id" in a}


def test_folder_has_three_files_per_article_and_an_index(cli_report):
    model, out = cli_report
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        ["index.html"]
        + [
            f"{base}{ext}"
            for base in ("hostile-x-.md", "news__coalition-meeting.txt", "note.txt")
            for ext in (".html", ".md", ".json")
        ]
    )
    index = Page((out / "index.html").read_text(encoding="utf-8"))
    links = {a["href"] for a in index.all("a") if a.get("href", "").endswith(".html")}
    assert links == {"hostile-x-.md.html", "news__coalition-meeting.txt.html", "note.txt.html"}
    for result in model["files"]:
        assert "source" not in result  # the text is kept for the pages only, not the JSON on stdout
    page_json = json.loads((out / "news__coalition-meeting.txt.json").read_text(encoding="utf-8"))
    assert page_json == next(r for r in model["files"] if r["path"].endswith("coalition-meeting.txt"))
    assert "target_grade" in page_json["metrics"]


def test_article_page_highlights_every_finding_in_place(cli_report, sample_text):
    model, out = cli_report
    result = next(r for r in model["files"] if r["path"].endswith("coalition-meeting.txt"))
    page = Page((out / "news__coalition-meeting.txt.html").read_text(encoding="utf-8"))
    assert "".join(page.text).count("Grade 13 — hard for most adults; your target is 9.") == 1
    ids = page.ids()
    hrefs = {a.get("href") for a in page.all("a")}
    markers = {a["id"] for a in page.all("a") if a.get("class", "").startswith("ref")}
    for n, f in enumerate(result["findings"], 1):
        assert f"f-{n}" in ids
        if f.get("metric"):  # article-level: in the summary, not drawn on the headline
            assert n not in page.marked
            continue
        assert " ".join(page.marked[n].split()) == f["excerpt"]
    # One marker per place where findings start, linking to the first of them; each finding links back.
    starts = {(f["line"], f["column"]) for f in result["findings"] if not f.get("metric")}
    assert len(markers) == len(starts)
    assert {m.replace("m-", "#f-") for m in markers} <= hrefs
    assert {f"#{m}" for m in markers} <= hrefs
    hardest = [f for f in result["findings"] if f["rule"] == "reading-level" and f["severity"] == "info"]
    assert hardest and all(f["excerpt"] in " ".join("".join(page.text).split()) for f in hardest)
    assert page.article == sample_text  # the whole article, exactly


def test_hostile_article_is_shown_as_text_and_never_runs(cli_report):
    _, out = cli_report
    for name in ("hostile-x-.md.html", "index.html"):
        html = (out / name).read_text(encoding="utf-8")
        page = Page(html)
        assert page.all("img") == [] and not any(a.get("onerror") for _, a in page.tags)
        own = [s for s in page.scripts if s]
        assert len(page.all("script")) == (1 if name == "index.html" else 0) and "alert" not in "".join(own)
        assert "Content-Security-Policy" in html and "script-src 'none'" in html or name == "index.html"
    page = Page((out / "hostile-x-.md.html").read_text(encoding="utf-8"))
    text = "".join(page.text)
    assert "<script>alert(1)</script>" in text and '"><img src=x onerror=alert(1)>' in text
    assert any("<script>alert(1)</script>" in v for v in page.marked.values())  # inside a highlight too
    md = (out / "hostile-x-.md.md").read_text(encoding="utf-8")
    assert "\\<script\\>" in md and "\\<img" in md and not re.search(r"(?<!\\)<", md)  # every < escaped


def test_overlapping_and_empty_spans_nest_properly():
    source = "abcdefghij"
    findings = [
        {"rule": "a", "severity": "warning", "message": "m", "line": 1, "column": 1, "end_line": 1, "end_column": 6},
        {"rule": "b", "severity": "info", "message": "m", "line": 1, "column": 4, "end_line": 1, "end_column": 9},
        {"rule": "c", "severity": "info", "message": "m", "line": 1, "column": 10, "end_line": 1, "end_column": 10},
    ]
    html, marker_of = highlighted(source, findings, {"a": "r0", "b": "r1", "c": "r2"})
    assert marker_of == {1: 1, 2: 2, 3: 3}
    page = Page(f'<div class="article">{html}</div>')
    assert page.marked == {1: "abcde", 2: "defgh"}
    assert page.article == source  # the text, less the markers
    assert html.count("<mark") == html.count("</mark>")


@pytest.mark.parametrize(
    "source, starts",
    [
        ("a\nb", [0, 2]),
        ("a\r\nb", [0, 3]),
        ("a\rb\r", [0, 2, 4]),
        ("", [0]),
        ("\n\n", [0, 1, 2]),
    ],
)
def test_line_starts_match_the_engine(source, starts):
    from audit.document.model import LineIndex

    assert line_starts(source) == starts == LineIndex(source).starts


@pytest.mark.parametrize(
    "paths, names",
    [  # "#" stands for a hash of the path
        (["docs/a.md", "docs/b.md"], ["a.md", "b.md"]),
        (["docs/x/a.md", "docs/y/a.md"], ["x__a.md", "y__a.md"]),
        (["../../etc/passwd.txt"], ["passwd.txt"]),
        (["a b.md", "a-b.md"], ["a-b.md-#", "a-b.md-#"]),
        (["A.md", "a.md"], ["A.md-#", "a.md-#"]),  # would clash on case-insensitive file systems
        (["/tmp/.hidden.md", "/tmp/x/index"], ["hidden.md", "x__index"]),
        (["/srv/index", "/srv/a.md"], ["index-#", "a.md"]),
        (["-"], ["stdin"]),
        (["C:\\docs\\a.md", "C:\\docs\\b.md"], ["a.md", "b.md"]),
        (["ü/ñ.md", "x/<y>.md"], ["u__n.md", "x__y-.md"]),
        (["文/章.md", "x.md"], ["__md", "x.md"]),
        (["a/" + "long" * 40 + ".md"], [("long" * 40)[-97:] + ".md"]),
    ],
)
def test_page_names_are_safe_unique_and_deterministic(paths, names):
    got = report_dir.page_names(paths)
    assert got == report_dir.page_names(list(reversed(paths)))
    assert len({v.lower() for v in got.values()}) == len(paths)
    for path, expected in zip(paths, names):
        name = got[path]
        assert re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9._-]*", name) and len(name) <= 100, name
        if expected.endswith("#"):
            assert re.fullmatch(re.escape(expected[:-1]) + "[0-9a-f]{8}", name), name
        else:
            assert name == expected


def test_error_files_get_pages_too(report):
    files = report_dir.build(report)
    error_page = next(v for k, v in files.items() if k.startswith("bad") and k.endswith(".html"))
    assert "Could not audit this file" in error_page and "not valid UTF-8" in error_page
    assert "\x07" not in error_page
