"""GitLab Code Quality: a JSON array of issues (the Code Climate subset GitLab reads).

Each issue has description, check_name, fingerprint, severity and location (path,
lines.begin); the path is relative to the project's root (`project_root`: the CLI passes
CI_PROJECT_DIR or the repository's root), as GitLab requires. Severities: error -> major, warning -> minor, info -> info; an input
that could not be audited -> critical.
"""

from __future__ import annotations

import json

from audit.reports.fingerprint import fingerprints
from audit.reports.project_paths import project_path

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
INPUT_ERROR = "input-error"


def render(
    report: dict, *, color: bool = False, project_root: str | None = None, cwd: str | None = None, **options
) -> str:
    issues = []
    for result in report.get("files", []):
        path = project_path(result["path"], project_root, cwd)
        if result["status"] == "error":
            issues.append(
                {
                    "type": "issue",
                    "description": f"Could not audit this file: {result.get('error')}",
                    "check_name": INPUT_ERROR,
                    "fingerprint": fingerprints(path, [{"rule": INPUT_ERROR, "excerpt": ""}])[0],
                    "severity": "critical",
                    "categories": ["Bug Risk"],
                    "location": {"path": path, "lines": {"begin": 1, "end": 1}},
                }
            )
            continue
        findings = result.get("findings") or []
        for f, print_ in zip(findings, fingerprints(path, findings)):
            description = f["message"]
            if f.get("suggestion"):
                description += f" Suggestion: {f['suggestion']}"
            issues.append(
                {
                    "type": "issue",
                    "description": description,
                    "check_name": f["rule"],
                    "fingerprint": print_,
                    "severity": SEVERITY.get(f["severity"], "info"),
                    "categories": ["Clarity"],
                    "location": {"path": path, "lines": {"begin": f["line"], "end": f["end_line"]}},
                }
            )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
