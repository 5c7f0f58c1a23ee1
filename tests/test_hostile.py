"""Hostile content (issue 10): article text, file names and config values are data.

- User-supplied patterns (word-list options in config) are literal phrases, never
  regular expressions, so a ReDoS "pattern" cannot hang the audit.
- Config files are read with tomllib; nothing in them is executed.
- Every report format escapes article text and file names: written generically over
  `audit.reports.FORMATS`, so a new format is covered as soon as it is listed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from audit.cli.main import main
from audit.engine.registry import registry
from audit.reports import FORMATS

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
GITHUB = "::error::injected"
ENCODED = "%0A::warning::x"
HOSTILE = (SCRIPT, IMG, GITHUB, ENCODED, "]]>", "&", "\x1b[31m")

TEXT_ARTICLE = f"""Title {SCRIPT} {IMG} {GITHUB}

The the {SCRIPT} and {IMG} and {GITHUB} and {ENCODED} and ]]> and & and \x1b[31m red and CDATA with
more words so that this sentence keeps on going and going
::error::injected on a line of its own
well past the limit of words that the sentence length rule allows for one sentence.

The plan was approved by {SCRIPT} {GITHUB} and the the board.
"""
MARKDOWN_ARTICLE = f"""# Title {SCRIPT} {IMG} {GITHUB}

![image of {SCRIPT} {GITHUB} {ENCODED} ]]> &]](photo.png)

Click [here]({IMG}) or [here <b>x</b>](http://example.com) now.

{TEXT_ARTICLE.split(chr(10), 2)[2]}
### {GITHUB} {SCRIPT}

The plan was approved by {SCRIPT} {GITHUB} {ENCODED}.
"""
HTML_ARTICLE = """<html lang="en"><head><title>t</title></head><body><article>
<h1>Title &lt;script&gt;alert(1)&lt;/script&gt; ::error::injected</h1>
<img src="a.png" alt="image of &lt;script&gt;alert(1)&lt;/script&gt; ::error::injected %0A::warning::x ]]&gt; &amp;">
<p>Click <a href="http://x">here</a> now.</p>
<p>The the &lt;script&gt;alert(1)&lt;/script&gt; and "&gt;&lt;img src=x onerror=alert(1)&gt; and ::error::injected and
%0A::warning::x and ]]&gt; and &amp; plus more words so that this sentence keeps on going and going well past
the limit of words that the sentence length rule allows.</p>
<h4>::error::skipped</h4>
<p>The plan was approved by &lt;script&gt;alert(1)&lt;/script&gt; ::error::injected.</p>
</article></body></html>
"""
# File names can hold all of this but "/": a newline, "::", quotes and angle brackets.
HOSTILE_NAME = 'evil\n::error::injected %0A "><img src=x onerror=alert(1)> <script>.md'


@pytest.fixture
def hostile(tmp_path) -> list[str]:
    folder = tmp_path / "articles"
    folder.mkdir()
    files = {
        "article.txt": TEXT_ARTICLE,
        "article.md": MARKDOWN_ARTICLE,
        "page.html": HTML_ARTICLE,
        HOSTILE_NAME: MARKDOWN_ARTICLE,
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in files]


def run(capsys, fmt: str, paths: list[str], *extra: str) -> str:
    code = main(["check", "--format", fmt, "--no-cache", "--jobs", "1", *extra, *paths])
    assert code == 1  # every article fails; none is an error
    return capsys.readouterr().out


def json_report(capsys, paths) -> dict:
    return json.loads(run(capsys, "json", paths))


def test_the_hostile_text_reaches_the_report(capsys, hostile):
    """Otherwise the escaping tests below would prove nothing."""
    report = json_report(capsys, hostile)
    assert [r["path"] for r in report["files"]] == hostile  # names round-trip exactly
    texts = json.dumps(report, ensure_ascii=False)
    for s in (SCRIPT, IMG, GITHUB, ENCODED, "]]>"):
        assert s in texts


def hostile_messages(report: dict) -> dict:
    """The report with hostile text in every message, suggestion and error, as a rule
    quoting article text could produce, plus an input that could not be audited."""
    bad = " ".join(HOSTILE) + "\n::error::injected\r\n::notice::x\r"
    files = [
        {
            **r,
            "title": r["title"] + bad,
            "findings": [{**f, "message": f["message"] + bad, "suggestion": bad} for f in r["findings"]],
        }
        for r in report["files"]
    ]
    files.append(
        {
            "path": HOSTILE_NAME,
            "status": "error",
            "error": bad,
            "title": "",
            "metrics": {},
            "findings": [],
            "warnings": [bad],
        }
    )
    summary = {**report["summary"], "files": len(files), "errors": 1}
    return {**report, "summary": summary, "files": files}


# One check per format; a format without a check here fails, so none is missed.


def check_text(out: str, report: dict) -> None:
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f]", out), "a control character reached the terminal"
    assert "evil\ufffd::error::injected" in out  # the newline in the file name is shown, not obeyed
    assert not re.search(r"^::(error|warning)::", out, re.M)


def check_json(out: str, report: dict) -> None:
    assert json.loads(out) == json.loads(json.dumps(report))


def check_sarif(out: str, report: dict) -> None:
    sarif = json.loads(out)
    results = [r for run in sarif["runs"] for r in run["results"]]
    assert len(results) == sum(len(r["findings"]) for r in report["files"])  # none injected


def check_gitlab(out: str, report: dict) -> None:
    issues = json.loads(out)
    errors = sum(r["status"] == "error" for r in report["files"])
    assert len(issues) == sum(len(r["findings"]) for r in report["files"]) + errors  # none injected


JUNIT_TAGS = {
    "testsuites",
    "testsuite",
    "testcase",
    "failure",
    "error",
    "skipped",
    "properties",
    "property",
    "system-out",
    "system-err",
}


def check_junit(out: str, report: dict) -> None:
    root = ET.fromstring(out.encode("utf-8"))
    assert {el.tag for el in root.iter()} <= JUNIT_TAGS  # no element came from article text
    assert len(list(root.iter("testcase"))) == len(report["files"])
    assert "]]>" in "".join(root.itertext())  # the text survived, escaped


_COMMAND = re.compile(
    r"(error|warning|notice)( (file|line|col|endLine|endColumn|title)=[^,:\r\n]*"
    r"(,(file|line|col|endLine|endColumn|title)=[^,:\r\n]*)*)?"
)


def check_github(out: str, report: dict) -> None:
    lines = out.split("\n")
    commands = [line for line in lines if line.startswith("::")]
    assert commands
    for line in commands:
        head, _, message = line[2:].partition("::")
        assert _COMMAND.fullmatch(head), f"a command was injected or mangled: {line[:120]!r}"
        shown = message.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")  # as the runner does
        assert "\n::warning::x" not in shown  # the article's "%0A" is shown as written, not as a line break
    for line in lines:
        assert not line.startswith(("::error::injected", "::warning::x")) and "\r" not in line
    others = [line for line in lines if line and not line.startswith("::")]
    assert all(line.startswith("article-audit: ") for line in others), others


class _Tags(HTMLParser):
    """Start tags, and the text inside each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def assert_no_injected_html(html: str) -> None:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.tags:
        assert not any(name.startswith("on") for name in attrs), f"an event handler: <{tag} {attrs}>"
        assert not (tag == "img" and attrs.get("src") == "x"), "an image from the article"
    assert not any("alert(1)" in script for script in parser.scripts), "a script from the article"


def check_markdown(out: str, report: dict) -> None:
    from markdown_it import MarkdownIt

    assert_no_injected_html(MarkdownIt("commonmark").render(out))  # raw HTML enabled, as on most renderers


CHECKS = {
    "text": check_text,
    "json": check_json,
    "sarif": check_sarif,
    "gitlab": check_gitlab,
    "junit": check_junit,
    "github": check_github,
    "markdown": check_markdown,
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_escapes_article_text_and_file_names(capsys, hostile, fmt):
    assert fmt in CHECKS, f"no escaping check for the new format {fmt!r}: add one to CHECKS"
    report = json_report(capsys, hostile)
    out = run(capsys, fmt, hostile)
    CHECKS[fmt](out, report)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_escapes_hostile_messages(capsys, hostile, fmt):
    from audit.reports import render

    report = hostile_messages(json_report(capsys, hostile))
    CHECKS[fmt](render(fmt, report), report)


def test_report_folder_pages_escape_article_text(capsys, hostile, tmp_path):
    pages = tmp_path / "pages"
    run(capsys, "json", hostile, "--report-dir", str(pages))
    written = sorted(pages.iterdir())
    assert any(p.suffix == ".html" for p in written)
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "a.md").write_text("# Plain\n\nThe the plan was approved by the board.\n", encoding="utf-8")
    run(capsys, "json", [str(clean / "a.md")], "--report-dir", str(tmp_path / "clean-pages"))
    scripts_in_clean = max(
        p.read_text(encoding="utf-8").count("<script") for p in (tmp_path / "clean-pages").glob("*.html")
    )
    for page in written:
        assert not page.name.startswith(".") and "\n" not in page.name
        content = page.read_text(encoding="utf-8")
        if page.suffix == ".html":
            assert content.count("<script") <= scripts_in_clean, page.name
            assert_no_injected_html(content)
        elif page.suffix == ".md":
            from markdown_it import MarkdownIt

            assert_no_injected_html(MarkdownIt("commonmark").render(content))
        elif page.suffix == ".json":
            json.loads(content)


# User patterns are literal phrases -----------------------------------------------------

REDOS = ["(a+)+$", "(a|a)*b", "([a-zA-Z]+)*$", "(.*a){25}", "^(([a-z])+.)+[A-Z]([a-z])+$", "\\", "[", "(?P<x"]


def list_options() -> list[tuple[str, str]]:
    """(rule id, option name) for every option that takes a list of user strings."""
    found = []
    for rid, cls in registry().items():
        for option in cls.options:
            if option.type is list:
                found.append((rid, option.name))
    return found


def test_redos_patterns_in_every_list_option_are_literal_and_fast(tmp_path):
    tables: dict[str, list[str]] = {}
    for rid, name in list_options():
        if name in ("sources", "kinds", "categories"):  # choices from a fixed set, validated
            continue
        values = REDOS if name != "extra" else [f"{p} => plain" for p in REDOS]
        tables.setdefault(rid, []).append(f"{name} = {json.dumps(values)}")
    config = "".join(f"[rules.{rid}]\n" + "\n".join(lines) + "\n" for rid, lines in tables.items())
    (tmp_path / ".article-audit.toml").write_text(config, encoding="utf-8")
    victim = "a" * 40 + "!"  # each pattern above backtracks for ages on this as a regex
    article = tmp_path / "article.txt"
    article.write_text(
        f"Test\n\n{victim} The {victim} plan is {'a' * 30}X here. ([a-z]) (a+)+$ is text.\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "audit", "check", "--no-cache", "--format", "json", str(article)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr


def test_a_jargon_phrase_with_regex_characters_matches_only_itself(tmp_path, capsys):
    (tmp_path / ".article-audit.toml").write_text(
        '[rules.jargon]\nextra = ["a.c => x", "(a+)+$ => y"]\n', encoding="utf-8"
    )
    article = tmp_path / "article.txt"
    article.write_text("Test\n\nThe abc team met the aaaa group today.\n", encoding="utf-8")
    main(["check", "--no-cache", "--format", "json", "--select", "jargon", str(article)])
    report = json.loads(capsys.readouterr().out)
    assert report["files"][0]["findings"] == []  # "." is not a wildcard, "+" not a repeat


# Config files are data -----------------------------------------------------------------


def test_python_in_config_strings_is_never_run(tmp_path, capsys):
    canary = tmp_path / "PWNED"
    payload = f"__import__('pathlib').Path({str(canary)!r}).touch()"
    (tmp_path / ".article-audit.toml").write_text(
        f'language = "en"\n[rules.jargon]\nextra = [{json.dumps(payload + " => x")}]\n'
        f"allow = [{json.dumps(payload)}]\n",
        encoding="utf-8",
    )
    article = tmp_path / "article.txt"
    article.write_text("Test\n\nWe meet at noon. Bring a pen.\n", encoding="utf-8")
    assert main(["check", "--no-cache", str(article)]) in (0, 1)
    (tmp_path / ".article-audit.toml").write_text(f"select = [{json.dumps(payload)}]\n", encoding="utf-8")
    assert main(["check", "--no-cache", str(article)]) == 2  # an unknown rule: a config error
    (tmp_path / ".article-audit.toml").write_text(f"plugins = [{json.dumps(payload)}]\n", encoding="utf-8")
    assert main(["check", "--no-cache", str(article)]) == 2  # an unknown key, not a plugin loader
    assert "plugins" in capsys.readouterr().err
    assert not canary.exists()


def test_config_module_reads_toml_only():
    import audit.config

    folder = Path(audit.config.__file__).parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.py")))
    assert "tomllib" in source
    for call in ("eval(", "exec(", "pickle", "yaml", "import_module", "__import__", "entry_points"):
        assert call not in source, call
