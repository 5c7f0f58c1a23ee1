"""JUnit XML: parses, validates against the common JUnit schema, one test case per article."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from audit.reports import render

DATA = Path(__file__).resolve().parent.parent / "data"

xmlschema = pytest.importorskip("xmlschema", reason="xmlschema is a test extra: pip install -e '.[test]'")


@pytest.fixture(scope="module")
def schema():
    return xmlschema.XMLSchema(str(DATA / "junit-10.xsd"))


def test_synthetic_report(report, schema):
    text = render("junit", report)
    schema.validate(text)
    root = ET.fromstring(text)
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert set(cases) == {"docs/a file, with: odd %chars.md", "ok.txt", "bad\ufffd.txt"}
    failure = cases["docs/a file, with: odd %chars.md"].find("failure")
    assert failure.get("message") == "article did not pass: 1 error, 2 warning, 1 info"
    body = failure.text.splitlines()
    assert body[0] == "docs/a file, with: odd %chars.md:1:1: error reading-level The article reads at grade 14."
    assert 'Bad <b>word</b> & "x"' in failure.text  # escaped in the XML, intact once parsed
    assert cases["ok.txt"].find("failure") is None and cases["ok.txt"].find("error") is None
    assert "not valid UTF-8" in cases["bad\ufffd.txt"].find("error").get("message")


def test_characters_xml_cannot_hold_are_replaced(report, schema):
    report["files"][0]["findings"][0]["message"] = "form\x0cfeed \x00 nul \ufffe"
    text = render("junit", report)
    schema.validate(text)
    assert "form\ufffdfeed \ufffd nul \ufffd" in ET.fromstring(text).find("testsuite/testcase/failure").text


def test_real_run(run_check, articles, schema):
    code, text = run_check(str(articles), "--format", "junit")
    assert code == 1
    schema.validate(text)
    suite = ET.fromstring(text).find("testsuite")
    assert suite.get("tests") == "3" and suite.get("failures") == "1"
    failed = [c for c in suite.findall("testcase") if c.find("failure") is not None]
    assert [c.get("name").endswith("coalition-meeting.txt") for c in failed] == [True]
    assert "sentence-length" in failed[0].find("failure").text


def test_the_suite_names_the_config_that_applied(report, schema):
    report["files"][0]["config"] = "docs/.article-audit.toml"
    text = render("junit", report)
    schema.validate(text)
    properties = ET.fromstring(text).findall("testsuite/properties/property")
    configs = [p.get("value") for p in properties if p.get("name") == "config"]
    assert configs == ["docs/.article-audit.toml", "built-in defaults"]
