"""What every machine-readable report says about the tool: its name, version and where
its documentation lives (SARIF's informationUri and each rule's helpUri)."""

from __future__ import annotations

from audit import __version__

NAME = "article-audit"
HOMEPAGE = "https://github.com/article-audit/article-audit"
# The generated rule pages (docs/rules/<id>.md, tools/gen_rule_docs.py) as the repository serves them.
RULE_DOCS = f"{HOMEPAGE}/blob/main/docs/rules/"


def tool_info() -> dict[str, str]:
    return {"name": NAME, "version": __version__, "information_uri": HOMEPAGE}
