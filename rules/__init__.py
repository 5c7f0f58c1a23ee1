"""The built-in rules: one module per rule; their word lists live in `data/`.

Installed as `audit.rules`. Each rule is declared once, as an entry point of the group
`article_audit.rules` in pyproject.toml, and found by `audit.engine.registry`; to add a
rule, write its module and its case file and declare it there (docs/writing-a-rule.md).
"""

from __future__ import annotations

from pathlib import Path

# The word lists: a folder inside the installed package (a path, not importlib.resources,
# whose first use costs a one-article run some 40 ms).
DATA = Path(__file__).resolve().parent / "data"
