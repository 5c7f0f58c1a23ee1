"""SARIF 2.1.0: valid against the schema, rule metadata, exact regions, fingerprints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.reports import render

DATA = Path(__file__).resolve().parent.parent / "data"

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test extra: pip install -e '.[test]'")

SCHEMAS = ("sarif-2.1.0.json", "sarif-2.1.0-rtm.5.json")


@pytest.fixture(scope="module", params=SCHEMAS)
def validator(request):
    schema = json.loads((DATA / request.param).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def errors(validator, log) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


def test_synthetic_report_is_valid_sarif(report, validator):
    log = json.loads(render("sarif", report))
    assert errors(validator, log) == []
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "article-audit" and driver["version"] == "9.9.9"
    rules = {r["id"]: r for r in driver["rules"]}
    assert rules["reading-level"]["shortDescription"]["text"].startswith("Article reads above")
    assert rules["reading-level"]["help"]["text"] == "Flags hard."
    assert "WCAG 3.1.5" in rules["reading-level"]["properties"]["tags"]
    assert rules["reading-level"]["defaultConfiguration"]["level"] == "error"
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert [r["level"] for r in run["results"]] == ["error", "warning", "warning", "note"]
    note = run["invocations"][0]["toolExecutionNotifications"][0]
    assert note["level"] == "error" and "not valid UTF-8" in note["message"]["text"]


def test_regions_locations_and_fixes(report):
    run = json.loads(render("sarif", report))["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    typo = run["results"][2]
    loc = typo["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {
        "uri": "docs/a%20file%2C%20with%3A%20odd%20%25chars.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert loc["region"] == {
        "startLine": 3,
        "startColumn": 5,
        "endLine": 3,
        "endColumn": 13,
        "snippet": {"text": "<script>"},
    }
    replacement = typo["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement == {"deletedRegion": {"charOffset": 16, "charLength": 8}, "insertedContent": {"text": "script"}}
    source = report["files"][0]["source"]
    assert source[16:24] == "<script>"
    prints = [r["partialFingerprints"]["articleAuditFinding/v1"] for r in run["results"]]
    assert len(set(prints)) == len(prints)


@pytest.mark.parametrize(
    "path, uri",
    [
        ("a.md", {"uri": "a.md", "uriBaseId": "%SRCROOT%"}),
        ("./docs/ü x.md", {"uri": "docs/%C3%BC%20x.md", "uriBaseId": "%SRCROOT%"}),
        ("/tmp/a b.md", {"uri": "file:///tmp/a%20b.md"}),
        ("C:\\docs\\a.md", {"uri": "file:///C:/docs/a.md"}),
        ("docs/#1?.md", {"uri": "docs/%231%3F.md", "uriBaseId": "%SRCROOT%"}),
    ],
)
def test_artifact_uris(path, uri):
    from audit.reports.sarif_report import artifact_location

    assert artifact_location(path) == uri


def test_real_run_is_valid_sarif_with_exact_regions(cli_report, run_check, articles, validator):
    model, _ = cli_report
    code, text = run_check(str(articles), "--format", "sarif")
    assert code == 1
    log = json.loads(text)
    assert errors(validator, log) == []
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) >= {"reading-level", "sentence-length"}
    assert set(rules) == set(model["rules"])  # the rules of the run, from the model's rules section
    help_text = rules["reading-level"]["help"]["text"]
    assert "Why:" in help_text and "Bad:" in help_text and "3.1.5" in help_text
    assert model["rules"]["reading-level"]["wcag"] == ["3.1.5"]
    by_path = {f["path"]: f for f in model["files"]}
    results = run["results"]
    assert len(results) == sum(len(f["findings"]) for f in model["files"])
    for result in results:
        region = result["locations"][0]["physicalLocation"]["region"]
        if region["startLine"] != region["endLine"]:
            continue
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        path = next(
            p
            for p in by_path
            if uri.endswith(p.rsplit("/", 1)[-1].replace(" ", "%20").replace("<", "%3C").replace(">", "%3E"))
        )
        lines = (articles / path[len(str(articles)) + 1 :]).read_text(encoding="utf-8").splitlines()
        line = lines[region["startLine"] - 1]
        assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == region["snippet"]["text"]


def test_the_invocation_names_the_config_that_applied(report, validator):
    report["files"][0]["config"] = "docs/.article-audit.toml"
    report["files"][1]["config"] = None
    log = json.loads(render("sarif", report))
    assert errors(validator, log) == []
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["properties"]["configurations"] == [
        {"path": "docs/.article-audit.toml", "articles": 1},
        {"path": None, "articles": 1},
    ]


def test_a_real_run_names_its_config_in_sarif(articles, run_check, validator, monkeypatch):
    (articles / ".git").mkdir()
    (articles / ".article-audit.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    monkeypatch.chdir(articles)
    code, text = run_check(".", "--format", "sarif")
    log = json.loads(text)
    assert code == 0 and errors(validator, log) == []
    assert log["runs"][0]["invocations"][0]["properties"]["configurations"] == [
        {"path": ".article-audit.toml", "articles": 3}
    ]
