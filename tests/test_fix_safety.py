"""A fix never touches anything but prose (issue 18): on real documentation and web pages,
and on generated Markdown and HTML, the fixes `--fix` applies leave every code span,
link target, image, HTML tag, character reference, URL and MathML element byte for byte
(an image's alt text is prose: a fix may mend it, the rest of the image stays), and
change no byte outside their own spans.

What is protected is found here with plain regular expressions, independently of the
front ends, so a front end that lets a fix reach into markup is caught. The fix path is
the command line's: each file audited as `check` audits it, its findings as the JSON
report holds them, the safe fixes chosen and applied as `--fix` chooses and applies them.
"""

from __future__ import annotations

import re
from multiprocessing import get_context
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.config.loader import Config
from audit.engine.auditor import audit_bytes
from audit.engine.registry import registry
from audit.frontends import InputError, decode
from audit.results.model import finding_dict
from audit.workflow.fixes import apply, select

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
DOCS_K8S = CORPUS / "docs-k8s"
WEB = CORPUS / "web"

_ENTITY = r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
_URL = r"(?:https?|ftp)://[^\s<>\"'`)\]]+"
_TAG = r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"
MARKDOWN_PROTECTED = re.compile(
    "|".join(
        (
            r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)*?(?<!`)\1(?!`)",  # code spans (no blank line inside)
            r"!\[[^\]\n]*\]\([^)\n]*\)",  # images, alt text and all
            r"\]\([^)\n]*\)",  # link destinations and titles
            r"^[ ]{0,3}\[[^\]\n]+\]:[^\n]*",  # link reference definitions
            r"<[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*>",  # autolinks
            _TAG,
            _ENTITY,
            _URL,
        )
    ),
    re.S | re.M,
)
HTML_PROTECTED = re.compile(
    "|".join(
        (
            r"<(code|kbd|samp|var|tt|math|svg|pre|script|style)\b[^>]*>.*?</\1\s*>",  # MathML too
            r"<!--.*?-->",
            r"<[^>]*>",  # every tag, attributes (alt text included) and all
            _ENTITY,
            _URL,
        )
    ),
    re.S | re.I,
)

_SETTINGS: dict[str, object] = {}


def _settings(path: str):
    kind = Path(path).suffix
    if kind not in _SETTINGS:
        _SETTINGS[kind] = Config().settings_for(f"a{kind}", registry())
    return _SETTINGS[kind]


# An image's alt text is prose (audited, and a fix may mend a slip in it): the rest of
# the image is protected, on either side of it.
_ALT = re.compile(r"""!\[([^\]\n]*)\]\(|<img\b[^>]*?\salt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def protected_spans(path: str, source: str) -> list[tuple[int, int]]:
    pattern = HTML_PROTECTED if path.endswith((".html", ".htm")) else MARKDOWN_PROTECTED
    spans = []
    for m in pattern.finditer(source):
        alt = _ALT.match(source, m.start())
        group = next((g for g in (1, 2, 3) if alt and alt.group(g)), None)
        if group is None or alt.end(group) > m.end():
            spans.append(m.span())
        else:
            spans += [(m.start(), alt.start(group)), (alt.end(group), m.end())]
    return spans


def damage(path: str, source: str) -> list[str]:
    """What `--fix` would do to `source` that it must not: each problem as a sentence."""
    result = audit_bytes(path, source.encode("utf-8"), _settings(path))
    if result.status == "error":
        return []
    chosen, _ = select([finding_dict(f) for f in result.findings])
    if not chosen:
        return []
    problems = []
    for a, b in protected_spans(path, source):
        for fx in chosen:
            if fx["start"] < b and fx["end"] > a or a < fx["start"] < b:
                problems.append(f"{path}: fix {fx} reaches into {source[a:b][:80]!r}")
    after = apply(source, chosen)
    # Every byte outside the applied fix spans is where it was, shifted by the fixes before it.
    shift, cursor = 0, 0
    for fx in chosen:
        kept = source[cursor : fx["start"]]
        if after[cursor + shift : fx["start"] + shift] != kept:
            problems.append(f"{path}: text before offset {fx['start']} changed")
        shift += len(fx["replacement"]) - (fx["end"] - fx["start"])
        cursor = fx["end"]
    if after[cursor + shift :] != source[cursor:]:
        problems.append(f"{path}: the text after the last fix changed")
    return problems


def _damage_of_file(path: str) -> list[str]:
    try:
        source = decode(Path(path).read_bytes())
    except InputError:
        return []  # not audited, so never fixed (a file in Latin-1)
    return damage(path, source)


def _corpus_damage(paths: list[Path]) -> list[str]:
    with get_context("fork").Pool(2) as pool:  # two cores on CI; fork: the test module is not importable by name
        found = pool.map(_damage_of_file, map(str, paths), chunksize=8)
    return [problem for problems in found for problem in problems]


@pytest.mark.skipif(not DOCS_K8S.is_dir(), reason="the docs-k8s corpus is in ../shared/corpus (absent here)")
def test_fix_leaves_code_links_images_and_tags_of_the_kubernetes_docs_alone():
    paths = sorted(DOCS_K8S.rglob("*.md"))
    assert len(paths) > 900
    assert _corpus_damage(paths) == []


@pytest.mark.skipif(not WEB.is_dir(), reason="the web corpus is in ../shared/corpus (absent here)")
def test_fix_leaves_the_markup_and_mathml_of_web_pages_alone():
    paths = sorted(WEB.glob("*/source.html"))
    assert paths
    assert _corpus_damage(paths) == []


def test_the_protected_patterns_find_what_they_protect():
    # The checker itself: a fix into any of these must be caught.
    md = "Run `cargo build`. See [docs](http://x.org/a) and ![a cat](c.png) &amp; <kbd>C</kbd>."
    found = [md[a:b] for a, b in protected_spans("a.md", md)]
    assert found == ["`cargo build`", "](http://x.org/a)", "![", "](c.png)", "&amp;", "<kbd>", "</kbd>"]
    page = "<p>Let <math><mi>x</mi></math> be &lt; 2 and <code>a  .</code></p>"
    found = [page[a:b] for a, b in protected_spans("a.html", page)]
    assert found == ["<p>", "<math><mi>x</mi></math>", "&lt;", "<code>a  .</code>", "</p>"]


def test_a_fix_into_a_code_span_would_be_caught():
    source = "Run `the the` now."
    assert damage("a.md", source) == []  # the front end keeps the code out of reach
    assert any("reaches into" in p for p in _problems_of("a.md", source, {"start": 5, "end": 9, "replacement": ""}))


def _problems_of(path: str, source: str, fx: dict) -> list[str]:
    return [
        f"fix {fx} reaches into {source[a:b]!r}"
        for a, b in protected_spans(path, source)
        if fx["start"] < b and fx["end"] > a or a < fx["start"] < b
    ]


# Generated articles: prose with slips the rules fix (doubled words, a space before a full
# stop, "!!"), around code, emphasis, links, references, inline tags and formulas.
_PROSE = ["the", "the the", "to", "word", "Then", "run", "it", " .", " ,", "!!", "is is", "recieve", ".", ", ", " "]
_MARKDOWN_BITS = _PROSE + [
    "`cargo build`",
    "`to`",
    "`the the`",
    "`x .`",
    "*em*",
    "**strong**",
    "[the the](http://x.org/a)",
    "![the the](a.png)",
    "&amp;",
    "&#8217;",
    "<kbd>Ctrl</kbd>",
    "<span>to to</span>",
    "<https://x.org/the the>",
    "http://y.org/a .",
    "\n",
    "\n\n",
    "\\*",
]
_HTML_BITS = _PROSE + [
    "<code>the the .</code>",
    "<kbd>to</kbd>",
    "<em>the the</em>",
    "<a href='x .'>to to</a>",
    "<img src='a .png' alt='the the'>",
    "<math><mi>x</mi><mo>.</mo></math>",
    "<svg><text>the the</text></svg>",
    "&amp;",
    "&nbsp;",
    "<br>",
    "<span>it</span>",
    "<!-- the the -->",
    "</p><p>",
    "\n",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_MARKDOWN_BITS), min_size=1, max_size=40).map(" ".join))
def test_fixes_on_generated_markdown_touch_only_prose(body):
    assert damage("a.md", body) == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_HTML_BITS), min_size=1, max_size=40).map(" ".join))
def test_fixes_on_generated_html_touch_only_prose(body):
    assert damage("a.html", f"<html lang=en><body><p>{body}</p></body></html>") == []
