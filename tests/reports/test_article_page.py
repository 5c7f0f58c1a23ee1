"""The article page an editor works from: the verdict and what decides it, must fix and
advice, highlights that keep word-level findings visible, filters, text not audited."""

from __future__ import annotations

import copy
import re

from audit.reports import html_article, markdown_article
from audit.reports.html_article import verdict


def _coalition(cli_report) -> tuple[dict, str]:
    model, out = cli_report
    result = next(r for r in model["files"] if r["path"].endswith("coalition-meeting.txt"))
    return result, (out / "news__coalition-meeting.txt.html").read_text(encoding="utf-8")


def _section(html: str, key: str) -> str:
    start = html.index(f'<section aria-labelledby="h-{key}">')
    return html[start : html.index("</section>", start)]


def test_verdict_says_why_and_links_the_findings_that_decide_the_gate(cli_report):
    result, html = _coalition(cli_report)
    errors = [n for n, f in enumerate(result["findings"], 1) if f["severity"] == "error"]
    summary = _section(html, "summary")
    sentence = re.search(r'<p class="verdict">(.*?)</p>', summary).group(1)
    assert f"Fails: {len(errors)} finding{'s' if len(errors) != 1 else ''} at the fail-on level (errors)" in sentence
    assert re.findall(r'href="#f-(\d+)"', sentence) == [str(n) for n in errors]


def test_findings_are_grouped_must_fix_and_advice(cli_report):
    result, html = _coalition(cli_report)
    in_text = [(n, f) for n, f in enumerate(result["findings"], 1) if not f.get("metric")]
    must = re.findall(r'<li id="f-(\d+)"', _section(html, "must"))
    advice = re.findall(r'<li id="f-(\d+)"', _section(html, "advice"))
    assert must == [str(n) for n, f in in_text if f["severity"] == "error"]
    assert advice == [str(n) for n, f in in_text if f["severity"] != "error"]


def test_fail_on_decides_what_must_be_fixed(report):
    result = copy.deepcopy(report["files"][0])
    numbered = list(enumerate(result["findings"], 1))
    result["fail_on"] = "warning"
    assert "Fails: 3 findings at the fail-on level (warnings or errors)" in verdict(result, numbered)
    result["fail_on"] = "never"
    assert verdict(result, numbered).startswith("Passes: the gate is off")
    passed = {**report["files"][1], "fail_on": "error"}
    assert verdict(passed, []) == "Passes: no finding at the fail-on level (errors); no advice."


def test_article_level_findings_are_in_the_summary_not_on_the_headline(cli_report):
    result, html = _coalition(cli_report)
    overall = [n for n, f in enumerate(result["findings"], 1) if f.get("metric")]
    assert overall  # the sample's grade and long-sentence share
    summary, text = _section(html, "summary"), _section(html, "text")
    for n in overall:
        assert f'<li id="f-{n}"' in summary and f'title="#{n} ' not in text
    first_line = result["source"].splitlines()[0] if "source" in result else None
    assert first_line is None  # the JSON model leaves the text out
    headline = text[text.index('<div class="article"') : text.index("\n", text.index('<div class="article"'))]
    assert "<mark" not in headline


def test_sentence_level_findings_are_underlines_and_severity_shows_in_the_text(cli_report):
    result, html = _coalition(cli_report)
    text = _section(html, "text")
    marks = re.findall(r'<mark class="([^"]+)" title="#\d+ ([\w-]+) \((\w+)\)', text)
    sentence_length = {cls for cls, rule, _ in marks if rule == "sentence-length"}
    assert sentence_length and all("long" in cls.split() for cls in sentence_length)
    assert all("long" not in cls.split() for cls, rule, _ in marks if rule in ("typo", "jargon"))
    # Each long sentence's severity is in its mark (an error and a warning differ by more than colour).
    severities = {f["severity"] for f in result["findings"] if f["rule"] == "sentence-length" and not f.get("metric")}
    assert severities and all(any(f"s-{s}" in c.split() for c in sentence_length) for s in severities)
    css = html[html.index("<style>") : html.index("</style>")]
    assert "mark.long.s-warning { border-bottom-style: dashed; }" in css
    markers = re.findall(r'<a class="ref ([^"]*)" id="m-(\d+)"[^>]*>(.*?)</a>', text)
    assert any("✖" in inner and "Error, finding" in inner for _, _, inner in markers)


def test_one_marker_per_place_with_a_count(cli_report):
    result, html = _coalition(cli_report)
    text = _section(html, "text")
    starts: dict[tuple[int, int], list[int]] = {}
    for n, f in enumerate(result["findings"], 1):
        if not f.get("metric"):
            starts.setdefault((f["line"], f["column"]), []).append(n)
    crowded = [ns for ns in starts.values() if len(ns) > 1]
    assert crowded  # the sample has three findings starting on one word
    for ns in crowded:
        marker = re.search(rf'<a class="ref [^"]*" id="m-{ns[0]}"[^>]*>(.*?)</a>', text).group(1)
        assert f'<span class="more">+{len(ns) - 1}</span>' in marker
        for n in ns[1:]:
            assert f'id="m-{n}"' not in text


def test_hardest_sentences_in_rank_order(report):
    result = copy.deepcopy(report["files"][0])
    second = dict(result["findings"][3], message="Hardest sentence #2: grade 18.", line=3, column=1)
    result["findings"].insert(1, second)  # #2 before #1 in the text
    html = html_article.render(result)
    ranks = re.findall(r"Hardest sentence #(\d)", _section(html, "hard"))
    assert ranks == ["1", "2"]
    md = markdown_article.render(result)
    assert re.findall(r"^(\d)\. Line \d+: .* Hardest sentence \\?#(\d)", md, re.M) == [("1", "1"), ("2", "2")]


def test_filters_for_each_rule_and_severity_work_without_script(cli_report):
    result, html = _coalition(cli_report)
    rules = sorted({f["rule"] for f in result["findings"]})
    filters = _section(html, "filters")
    boxes = re.findall(r'<input type="checkbox" id="show-([\w-]+)" checked>', filters)
    assert boxes == [f"k{n}" for n in range(len(rules))] + ["s-error", "s-warning", "s-info"]
    css = html[html.index("<style>") : html.index("</style>")]
    for key in boxes:
        assert f"body:has(#show-{key}:not(:checked)) .ref.{key}, body:has(#show-{key}:not(:checked)) li.{key}" in css
    assert "<script" not in html  # the page is complete without script


def test_text_not_audited_is_greyed_labelled_and_collapsed(articles, run_check, tmp_path):
    (articles / "guide.md").write_text(
        "---\ntitle: Guide\nauthor: Desk\n---\n\n# Guide\n\nRun the tool on your drafts before you publish them.\n\n"
        "```text\narticle-audit check drafts/\n```\n\n![](photo.jpg)\n\nThat is all.\n",
        encoding="utf-8",
    )
    out = tmp_path / "pages"
    run_check(str(articles / "guide.md"), "--report-dir", str(out))
    html = (out / "guide.md.html").read_text(encoding="utf-8")
    skipped = re.findall(
        r'<details class="skipped"><summary>(.*?)</summary><span class="skipped-text">(.*?)</span>', html, re.S
    )
    assert skipped == [
        ("Not audited: front matter, lines 3–4", "author: Desk\n---\n"),
        ("Not audited: code, lines 10–12", "```text\narticle-audit check drafts/\n```\n"),
    ]
    assert "![](photo.jpg)" in html and "image-alt" in html  # a line with a finding stays in view


def test_page_furniture_is_labelled_and_bare_markup_is_not(run_check, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html lang='en'><body>\n<nav>\n<a href='/'>Home</a> | <a href='/news'>News</a>\n</nav>\n<main>\n"
        "<h1>Council opens a library</h1>\n<p>The council opened a new library on Monday.</p>\n"
        "<div class='quote'>\n<p>We are proud of it, the mayor said.</p>\n</div>\n</main>\n</body></html>\n",
        encoding="utf-8",
    )
    out = tmp_path / "pages"
    run_check(str(page), "--report-dir", str(out))
    html = (out / "page.html.html").read_text(encoding="utf-8")
    labels = re.findall(r"<summary>(Not audited[^<]*)</summary>", html)
    assert labels == ["Not audited: markup, scripts or page furniture, lines 1–5"]  # the menu; not the <div> line
