"""What report writers show about the rules of a run (SARIF rule metadata, legends).

Writers never import rules: a run hands them this, built from the rule classes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from audit.engine.rule import Rule
from audit.results.tool import RULE_DOCS

BUILT_IN = "audit.rules."  # the package of the rules that ship with the tool (and have a page)


def rule_metadata(rules: Iterable[type[Rule]]) -> dict[str, dict[str, Any]]:
    """Rule id -> {"summary", "severity", "category", "wcag", "description", "help", "help_uri"},
    in id order; `help` is the rule's documentation (what, why, bad, good) and how to
    configure it; `help_uri` its page (built-in rules; None for a plug-in's)."""
    classes = {cls.id: cls for cls in rules}
    return {rid: _metadata(cls) for rid, cls in sorted(classes.items())}


def _metadata(cls: type[Rule]) -> dict[str, Any]:
    docs = cls.docs()
    help_text = [docs["what"]]
    for head in ("why", "bad", "good"):
        if docs[head]:
            help_text.append(f"{head.capitalize()}:\n{docs[head]}")
    help_text.append(f"Configure: [tool.article-audit.rules.{cls.id}]; details: article-audit explain {cls.id}")
    return {
        "summary": cls.summary,
        "severity": cls.severity.label,
        "category": cls.category,
        "wcag": list(cls.wcag),
        "description": docs["what"],
        "help": "\n\n".join(help_text),
        "help_uri": f"{RULE_DOCS}{cls.id}.md" if cls.__module__.startswith(BUILT_IN) else None,
    }
