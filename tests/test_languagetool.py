"""LanguageTool backend, against a loopback server that speaks LanguageTool's HTTP API.

The fake server answers /v2/languages and /v2/check in the documented JSON format
(software, language, matches[{message, shortMessage, replacements[{value}], offset,
length, context{text, offset, length}, sentence, rule{id, description, issueType,
category{id, name}}}]) with offsets in UTF-16 code units, as the Java server counts.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from audit.cli.main import main
from audit.config.loader import Config, ConfigError
from audit.config.loader import parse as parse_config
from audit.engine.auditor import audit_document
from audit.engine.registry import registry
from audit.frontends import parse
from audit.language import languagetool
from audit.language.languagetool import LanguageToolSettings

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (Canadian)", "code": "en", "longCode": "en-CA"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
]
# (pattern, rule id, category, message, replacements): what the fake server flags.
RULES = [
    (r"\bthere plan\b", "CONFUSION_THERE_THEIR", "CONFUSED_WORDS", "Did you mean \u201ctheir\u201d?", ["their plan"]),
    (r"\bhave agreed\b", "COLLECTIVE_NOUN_VERB_AGREEMENT", "GRAMMAR", "Possible agreement error.", ["has agreed"]),
    (r"\bvery unique\b", "VERY_UNIQUE", "STYLE", "Consider \u201cunique\u201d.", ["unique"]),
    (r"\bteh\b", "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible spelling mistake found.", ["the"]),
    (r"\b(\w+) \1\b", "ENGLISH_WORD_REPEAT_RULE", "MISC", "Possible typo: you repeated a word.", ["\\1"]),
    (r"\U0001F600 ok\b", "EMOJI_OK", "MISC", "A flagged span holding an emoji.", ["fine"]),
]


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeLanguageTool(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        self.behaviour = "ok"  # ok | 500 | slow
        self.delay = 0.0
        self.honour_disabled = True
        self.checks: list[dict[str, str]] = []

    def matches(self, text: str, params: dict[str, str]) -> list[dict]:
        disabled_rules = set(filter(None, params.get("disabledRules", "").split(",")))
        disabled_categories = set(filter(None, params.get("disabledCategories", "").split(",")))
        out = []
        for pattern, rule_id, category, message, replacements in RULES:
            if self.honour_disabled and (rule_id in disabled_rules or category in disabled_categories):
                continue
            for m in re.finditer(pattern, text):
                offset, length = utf16(text[: m.start()]), utf16(m.group())
                start = max(0, m.start() - 20)
                context = text[start : m.end() + 20]
                out.append(
                    {
                        "message": message,
                        "shortMessage": "",
                        "replacements": [{"value": m.expand(r)} for r in replacements],
                        "offset": offset,
                        "length": length,
                        "context": {"text": context, "offset": utf16(text[start : m.start()]), "length": length},
                        "sentence": text,
                        "type": {"typeName": "Other"},
                        "rule": {
                            "id": rule_id,
                            "description": message,
                            "issueType": "grammar",
                            "category": {"id": category, "name": category.title()},
                        },
                        "ignoreForIncompleteSentence": False,
                        "contextForSureMatch": 0,
                    }
                )
        return out


class Handler(BaseHTTPRequestHandler):
    server: FakeLanguageTool

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def _send(self, status: int, body: str, kind: str = "application/json") -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path.startswith("/v2/languages"):
            self._send(200, json.dumps(LANGUAGES))
        else:
            self._send(404, "not found", "text/plain")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        params = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("utf-8")).items()}
        if not self.path.startswith("/v2/check"):
            return self._send(404, "not found", "text/plain")
        self.server.checks.append(params)
        if self.server.behaviour == "slow":
            time.sleep(self.server.delay)
        if self.server.behaviour == "500":
            return self._send(500, "Error: Internal Server Error: java.lang.RuntimeException", "text/plain")
        text = params.get("text", "")
        self._send(
            200,
            json.dumps(
                {
                    "software": {
                        "name": "LanguageTool",
                        "version": "6.6",
                        "buildDate": "2025-03-27",
                        "apiVersion": 1,
                        "premium": False,
                        "status": "",
                    },
                    "warnings": {"incompleteResults": False},
                    "language": {
                        "name": "English",
                        "code": params.get("language", "en"),
                        "detectedLanguage": {"name": "English", "code": "en-US", "confidence": 0.99},
                    },
                    "matches": self.server.matches(text, params),
                }
            ),
        )


@pytest.fixture(autouse=True)
def _fresh_backend(monkeypatch):
    """Each test finds its own backend: no cached resolution, client or earlier failure."""
    monkeypatch.delenv(languagetool.ENV_URL, raising=False)
    languagetool._resolve.cache_clear()
    languagetool._client.cache_clear()
    languagetool._FAILED.clear()
    yield
    languagetool._resolve.cache_clear()
    languagetool._client.cache_clear()
    languagetool._FAILED.clear()


@pytest.fixture
def server():
    fake = FakeLanguageTool()
    thread = threading.Thread(target=fake.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield fake
    fake.shutdown()
    fake.server_close()


def closed_port_url() -> str:
    fake = FakeLanguageTool()
    url = fake.url
    fake.server_close()
    return url


def audit(text: str, lt: LanguageToolSettings, *, language: str = "en", name: str = "a.txt"):
    config = Config(language=language, languagetool=lt)
    settings = config.settings_for(name, registry(), select=("grammar", "sentence-length"))
    doc = parse(name, text)
    return doc, audit_document(doc, settings)


def grammar(result):
    return [f for f in result.findings if f.rule == "grammar"]


# Offsets ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "plain ascii",
        "\u201cCurly\u201d quotes \u2014 and dashes",
        "emoji \U0001f600 then text \U0001f389\U0001f389 end",
        "\U0001f1e8\U0001f1e6 flag first",
        "",
    ],
)
def test_utf16_offsets_round_trip(text):
    index = languagetool.Utf16Index(text)
    for i in range(len(text) + 1):
        units = index.to_units(i)
        assert units == utf16(text[:i])
        assert index.to_index(units) == i


@pytest.mark.parametrize(
    "text, limit",
    [
        ("One. Two. Three.\n\nFour five six.\n\nSeven.", 20),
        ("A sentence here. " * 50, 100),
        ("word " * 300, 64),
        ("x" * 250, 100),  # no place to cut: cut anywhere
        ("\U0001f600" * 30 + " tail", 16),  # emoji count twice against the limit
    ],
)
def test_chunks_cover_the_text_within_the_limit(text, limit):
    pieces = list(languagetool.chunks(text, limit))
    assert "".join(p for _, p in pieces) == text
    assert all(utf16(p) <= limit for _, p in pieces)
    assert [o for o, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]


def test_chunks_cut_between_paragraphs_first():
    text = "First paragraph here.\n\nSecond one. It has two sentences."
    pieces = [p for _, p in languagetool.chunks(text, 40)]
    assert pieces[0] == "First paragraph here.\n\n"


# Findings -----------------------------------------------------------------------


def test_findings_cut_out_exactly_the_flagged_text_after_emoji_and_curly_quotes(server):
    text = (
        "\u201cGreat news \U0001f389\U0001f389,\u201d she said \U0001f600 ok.\n\n"
        "The coalition have agreed to there plan \U0001f680 today.\n"
    )
    doc, result = audit(text, LanguageToolSettings(server=server.url))
    found = {f.finding.message.split(" (LanguageTool")[0]: f for f in grammar(result)}
    assert result.warnings == []
    assert {doc.source[f.finding.start : f.finding.end] for f in found.values()} == {
        "\U0001f600 ok",
        "have agreed",
        "there plan",
    }
    there = found["Did you mean \u201ctheir\u201d?"]
    assert there.excerpt == "there plan"
    assert there.finding.suggestion == "their plan"
    assert "CONFUSION_THERE_THEIR" in there.finding.message and "CONFUSED_WORDS" in there.finding.message
    assert there.finding.fix.replacement == "their plan" and not there.finding.fix.safe
    line = text.splitlines()[there.location.line - 1]
    assert line[there.location.column - 1 : there.location.end_column - 1] == "there plan"


def test_long_articles_go_in_chunks_and_map_back(server, monkeypatch):
    monkeypatch.setattr(languagetool, "CHUNK_CHARS", 300)
    paragraph = "Filler words make this paragraph long enough to need its own request. " * 2
    text = "\n\n".join(f"{paragraph}Part {i}: the coalition have agreed \U0001f600 ok." for i in range(8))
    doc, result = audit(text, LanguageToolSettings(server=server.url))
    assert len(server.checks) > 1
    assert all(utf16(c["text"]) <= 300 for c in server.checks)
    spans = [doc.source[f.finding.start : f.finding.end] for f in grammar(result)]
    assert spans.count("have agreed") == 8 and spans.count("\U0001f600 ok") == 8


@pytest.mark.parametrize("honour_disabled", [True, False])
def test_what_our_own_rules_check_is_left_to_them(server, honour_disabled):
    """Spelling (TYPOS) and doubled words come from spelling/typo, not twice."""
    server.honour_disabled = honour_disabled
    doc, result = audit("We saw teh the the report on there plan.", LanguageToolSettings(server=server.url))
    rules = {f.finding.message.split("LanguageTool ")[1].split(",")[0] for f in grammar(result)}
    assert rules == {"CONFUSION_THERE_THEIR"}
    sent = server.checks[0]
    assert "TYPOS" in sent["disabledCategories"].split(",")
    assert "ENGLISH_WORD_REPEAT_RULE" in sent["disabledRules"].split(",")


@pytest.mark.parametrize(
    "categories, expected",
    [
        ((), {"there plan": "warning", "have agreed": "warning", "very unique": "info"}),
        ((("GRAMMAR", "error"), ("STYLE", "off")), {"there plan": "warning", "have agreed": "error"}),
        (
            (("CONFUSED_WORDS", "info"), ("TYPOS", "warning")),
            {"there plan": "info", "have agreed": "warning", "very unique": "info", "teh": "warning"},
        ),
    ],
)
def test_categories_map_to_severities(server, categories, expected):
    text = "The coalition have agreed to there plan. It is very unique. See teh notes."
    doc, result = audit(text, LanguageToolSettings(server=server.url, categories=categories))
    assert {doc.source[f.finding.start : f.finding.end]: f.severity.label for f in grammar(result)} == expected


def test_disabled_rules_are_not_reported(server):
    lt = LanguageToolSettings(server=server.url, disabled_rules=("COLLECTIVE_NOUN_VERB_AGREEMENT",))
    doc, result = audit("The coalition have agreed to there plan.", lt)
    assert [doc.source[f.finding.start : f.finding.end] for f in grammar(result)] == ["there plan"]


def test_the_variant_is_sent_as_the_language(server):
    audit("The coalition have agreed.", LanguageToolSettings(server=server.url), language="en-CA")
    assert server.checks[0]["language"] == "en-CA"


def test_the_environment_names_the_server(server, monkeypatch):
    monkeypatch.setenv(languagetool.ENV_URL, server.url)
    doc, result = audit("The coalition have agreed.", LanguageToolSettings())
    assert len(grammar(result)) == 1


# Failures -----------------------------------------------------------------------


def test_a_server_error_is_a_warning_and_the_audit_goes_on(server):
    server.behaviour = "500"
    long_sentence = (
        "A title\n\nThe minister said that the coalition would meet again in the spring to review "
        "the progress of the mission and to decide whether the forces that are now in the region "
        "should stay there for another year or come home before the winter."
    )
    doc, result = audit(long_sentence, LanguageToolSettings(server=server.url))
    assert grammar(result) == []
    assert any(f.rule == "sentence-length" for f in result.findings)
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("grammar: the LanguageTool server at " + server.url)
    assert "not checked for grammar" in result.warnings[0]
    assert result.status in ("passed", "failed")


def test_a_timeout_is_a_warning_and_later_articles_are_not_sent(server):
    server.behaviour, server.delay = "slow", 1.0
    lt = LanguageToolSettings(server=server.url, timeout=0.2)
    _, first = audit("The coalition have agreed.", lt)
    sent = len(server.checks)
    started = time.monotonic()
    _, second = audit("The coalition have agreed.", lt, name="b.txt")
    assert "did not answer within 0.2 s" in first.warnings[0]
    assert "failed earlier in this run" in second.warnings[0]
    assert len(server.checks) == sent and time.monotonic() - started < 0.5


def test_off_and_not_found_are_silent(tmp_path, monkeypatch):
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    for lt in (LanguageToolSettings(), LanguageToolSettings(mode="off", server="http://127.0.0.1:9")):
        assert languagetool.preflight([lt]) == []
        _, result = audit("The coalition have agreed.", lt)
        assert grammar(result) == [] and result.warnings == []


@pytest.mark.parametrize(
    "lt, needs",
    [
        (LanguageToolSettings(server="CLOSED"), ["does not answer", "CLOSED", "is it running"]),
        (LanguageToolSettings(mode="server"), ["no server is set", "ARTICLE_AUDIT_LANGUAGETOOL_URL"]),
        (LanguageToolSettings(mode="local"), ["no LanguageTool installation in", "nothing is downloaded", "LTP_PATH"]),
    ],
)
def test_configured_but_unusable_says_what_and_how_to_fix(lt, needs, tmp_path, monkeypatch):
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "empty"))
    url = closed_port_url()
    if lt.server == "CLOSED":
        lt = LanguageToolSettings(server=url)
    notes = languagetool.preflight([lt, lt])  # the same configuration twice: said once
    assert len(notes) == 1
    for needed in needs:
        assert needed.replace("CLOSED", url) in notes[0]
    assert not (tmp_path / "empty").exists()  # nothing created, nothing downloaded


def test_local_installation_without_java(tmp_path, monkeypatch):
    install = tmp_path / "LanguageTool-6.6"
    install.mkdir()
    (install / "languagetool-server.jar").write_bytes(b"")
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert languagetool.find_installation() == install
    backend = languagetool.resolve(LanguageToolSettings())  # auto finds the installation
    assert backend.url is None and backend.requested
    assert "Java is not" in backend.problem and "default-jre" in backend.problem


def test_a_local_installation_that_does_not_start(tmp_path, monkeypatch):
    if shutil.which("java") is None:
        pytest.skip("needs Java on PATH to start the (broken) installation")
    install = tmp_path / "LanguageTool-6.6"
    install.mkdir()
    (install / "languagetool-server.jar").write_bytes(b"not a jar")
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    backend = languagetool.resolve(LanguageToolSettings(mode="local"))
    assert backend.url is None and "did not start" in backend.problem


# Configuration ------------------------------------------------------------------


@pytest.mark.parametrize(
    "table, message",
    [
        ({"mode": "sometimes"}, "allowed: auto, server, local, off"),
        ({"server": 8081}, "expected an http(s) URL"),
        ({"server": "localhost:8081"}, "expected an http(s) URL"),
        ({"timeout": 0}, "number of seconds"),
        ({"timeout": "10"}, "number of seconds"),
        ({"categories": {"GRAMMAR": "fatal"}}, "languagetool.categories.GRAMMAR: got 'fatal'"),
        ({"categories": ["GRAMMAR"]}, "expected a table of LanguageTool category ids"),
        ({"disabled-rules": "EN_QUOTES"}, "expected a list of LanguageTool rule ids"),
        ({"url": "http://x"}, "languagetool.url: unknown setting"),
    ],
)
def test_bad_languagetool_config_is_named(table, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_config(Path(".article-audit.toml"), {"languagetool": table}, registry())


def test_languagetool_config_reaches_the_settings():
    config = parse_config(
        Path(".article-audit.toml"),
        {
            "languagetool": {
                "server": "http://localhost:8081",
                "timeout": 5,
                "categories": {"STYLE": "off"},
                "disabled-rules": ["EN_QUOTES"],
            }
        },
        registry(),
    )
    lt = config.settings_for("a.txt", registry()).languagetool
    assert lt == LanguageToolSettings("auto", "http://localhost:8081", 5.0, (("STYLE", "off"),), ("EN_QUOTES",))


# The command --------------------------------------------------------------------


def write_project(tmp_path, languagetool_table: str) -> Path:
    (tmp_path / ".article-audit.toml").write_text(languagetool_table, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("A title\n\nThe coalition have agreed to there plan.\n", encoding="utf-8")
    return article


def test_cli_reports_grammar_findings_in_json(server, tmp_path, capsys):
    article = write_project(tmp_path, f'[languagetool]\nserver = "{server.url}"\n')
    code = main(["check", str(article), "--format", "json", "--no-cache", "--select", "grammar"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    found = report["files"][0]["findings"]
    assert {f["excerpt"] for f in found} == {"there plan", "have agreed"}
    assert report["files"][0]["warnings"] == [] and "warnings" not in report


def test_sarif_and_html_show_the_exact_text_after_emoji(server, tmp_path, capsys):
    article = write_project(tmp_path, f'[languagetool]\nserver = "{server.url}"\n')
    text = "A title \U0001f389\n\n\u201cWell \U0001f600,\u201d the coalition have agreed to there plan.\n"
    article.write_text(text, encoding="utf-8")
    args = ["check", str(article), "--no-cache", "--select", "grammar"]
    assert main(args + ["--format", "sarif", "--report-dir", str(tmp_path / "out")]) == 0
    sarif = json.loads(capsys.readouterr().out)
    lines = text.splitlines()
    cut = set()
    for result in sarif["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] == region["endLine"]
        cut.add(lines[region["startLine"] - 1][region["startColumn"] - 1 : region["endColumn"] - 1])
    assert cut == {"have agreed", "there plan"}
    html = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*.html"))
    assert re.search(r"<mark [^>]*>there plan</mark>", html)


@pytest.mark.parametrize("require, code", [(False, 0), (True, 2)])
def test_cli_configured_but_absent(tmp_path, capsys, require, code):
    article = write_project(tmp_path, f'[languagetool]\nserver = "{closed_port_url()}"\n')
    other = article.with_name("other" + article.suffix)  # a file named twice is audited once (issue 19)
    other.write_bytes(article.read_bytes())
    args = ["check", str(article), str(other), "--format", "json", "--no-cache", "--select", "grammar"]
    assert main(args + (["--require-grammar"] if require else [])) == code
    out, err = capsys.readouterr()
    assert err.count("LanguageTool is configured but cannot be used") == 1
    assert "Traceback" not in err
    report = json.loads(out)
    assert len(report["warnings"]) == 1 and report["summary"]["passed"] == 2


def test_cli_require_grammar_when_not_configured(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "none"))
    article = write_project(tmp_path, 'language = "en"\n')
    assert main(["check", str(article), "--no-cache", "--select", "grammar"]) == 0
    assert "LanguageTool" not in capsys.readouterr().err  # not configured: nothing to say
    assert main(["check", str(article), "--no-cache", "--select", "grammar", "--require-grammar"]) == 2
    assert "LanguageTool is not configured" in capsys.readouterr().err


def test_cli_names_the_article_a_server_failed_on(server, tmp_path, capsys):
    server.behaviour = "500"
    article = write_project(tmp_path, f'[languagetool]\nserver = "{server.url}"\n')
    assert main(["check", str(article), "--no-cache", "--select", "grammar", "--format", "json"]) == 0
    err = capsys.readouterr().err
    assert f"warning: {article}: grammar: the LanguageTool server" in err
    assert main(["check", str(article), "--no-cache", "--select", "grammar", "--require-grammar"]) == 2


# A real LanguageTool ------------------------------------------------------------


def _real_backend() -> tuple[str | None, str]:
    import os

    if os.environ.get(languagetool.ENV_URL):
        return os.environ[languagetool.ENV_URL], ""
    if languagetool.find_installation() is None:
        return None, (
            f"no LanguageTool: set {languagetool.ENV_URL} to a server, or unzip LanguageTool "
            "into LTP_PATH (or ~/.cache/language_tool_python) with Java installed"
        )
    if shutil.which("java") is None:
        return None, "a LanguageTool installation was found but Java is not installed"
    return "local", ""


def test_against_a_real_languagetool():
    where, reason = _real_backend()
    if where is None:
        pytest.skip(reason)
    lt = LanguageToolSettings(mode="local") if where == "local" else LanguageToolSettings(server=where)
    text = "\u201cIt\u2019s here \U0001f389,\u201d she said. He go to school every days.\n"
    doc, result = audit(text, lt)
    assert result.warnings == []
    found = grammar(result)
    assert found, "LanguageTool found nothing in a sentence with two grammar errors"
    for f in found:
        assert 0 <= f.finding.start < f.finding.end <= len(doc.source)
        assert doc.source[f.finding.start : f.finding.end].strip()
