"""JUnit XML: one test case per article, for CI test-report views (GitLab, Jenkins, Azure).

A failed article carries a <failure> listing the findings; one that could not be
audited carries an <error>, and so does one more case when the run stopped early (a
partial report); findings below the gate go to <system-out>. No times or
timestamps, so runs are byte-identical. Characters XML 1.0 cannot hold are replaced.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from audit.reports.summary import DEFAULTS_NAME, configurations, severity_counts
from audit.results.controls import CONTROL_CLASS
from audit.results.findings import SEVERITY_NAMES

# XML 1.0 allows tab, LF, CR and U+0020 upward, less surrogates and U+FFFE/U+FFFF; of what
# it allows, the controls that could restyle a log view or reorder a name are replaced too.
_NOT_XML = re.compile(f"[{CONTROL_CLASS}\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", str(text))


def finding_line(path: str, f: dict) -> str:
    line = f"{path}:{f['line']}:{f['column']}: {f['severity']} {f['rule']} {f['message']}"
    if f.get("suggestion"):
        line += f" (suggestion: {f['suggestion']})"
    return line


def _counts_text(findings) -> str:
    counts = severity_counts(findings)
    return ", ".join(f"{counts[s]} {s}" for s in SEVERITY_NAMES)


def render(report: dict, *, color: bool = False, **options) -> str:
    files = report.get("files", [])
    partial = report.get("complete") is False
    failures = sum(r["status"] == "failed" for r in files)
    errors = sum(r["status"] == "error" for r in files) + partial
    counts = {"tests": str(len(files) + partial), "failures": str(failures), "errors": str(errors), "skipped": "0"}
    root = ET.Element(
        "testsuites",
        {"name": "article-audit", "tests": counts["tests"], "failures": counts["failures"], "errors": counts["errors"]},
    )
    suite = ET.SubElement(root, "testsuite", {"name": "article-audit", **counts})
    props = ET.SubElement(suite, "properties")
    tool = report.get("tool", {})
    version = f"{tool.get('name', '')} {tool.get('version', '')}"
    ET.SubElement(props, "property", {"name": "tool", "value": xml_text(version)})
    for config, _ in configurations(report):
        ET.SubElement(props, "property", {"name": "config", "value": xml_text(config or DEFAULTS_NAME)})
    for result in files:
        path = xml_text(result["path"])
        case = ET.SubElement(suite, "testcase", {"name": path, "classname": "article-audit"})
        findings = result.get("findings") or []
        lines = "\n".join(xml_text(finding_line(result["path"], f)) for f in findings)
        if result["status"] == "error":
            node = ET.SubElement(
                case, "error", {"type": "input-error", "message": xml_text(f"could not audit: {result.get('error')}")}
            )
            node.text = xml_text(f"{result['path']}: could not audit: {result.get('error')}")
        elif result["status"] == "failed":
            node = ET.SubElement(
                case, "failure", {"type": "article-audit", "message": f"article did not pass: {_counts_text(findings)}"}
            )
            node.text = lines
        elif findings:
            ET.SubElement(case, "system-out").text = lines
    if partial:  # the run stopped early: one error case, so no CI view reads the suite as passed
        reason = xml_text(report.get("partial_reason") or "the run stopped")
        case = ET.SubElement(suite, "testcase", {"name": "(partial report)", "classname": "article-audit"})
        node = ET.SubElement(case, "error", {"type": "partial-report", "message": f"partial report: {reason}"})
        node.text = f"Partial report: {reason}; the articles not listed were not audited."
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
