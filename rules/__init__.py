"""The rule registry: one module per rule; word lists live in `data/`.

Installed as `audit.rules`. To add a rule, write its module and list it here.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from audit.engine.rule import Rule

# The word lists: a folder inside the installed package (a path, not importlib.resources,
# whose first use costs a one-article run some 40 ms).
DATA = Path(__file__).resolve().parent / "data"

RULE_MODULES = (
    "reading_level",
    "sentence_length",
    "suppression",
    "english_variant",
    "grammar",
    "image_alt",
    "link_text",
    "heading_structure",
    "sensory_language",
    "all_caps",
    "inclusive_language",
    "paragraph_length",
    "table_header",
    "html_lang",
    "passive_voice",
    "jargon",
    "abbreviation",
    "spelling",
    "typo",
)


def registry() -> dict[str, type[Rule]]:
    """Rule id -> rule class, in id order."""
    found: dict[str, type[Rule]] = {}
    for name in RULE_MODULES:
        module = import_module(f"{__name__}.{name}")
        found[module.RULE.id] = module.RULE
    return dict(sorted(found.items()))
