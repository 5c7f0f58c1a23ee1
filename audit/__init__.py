"""article-audit: readability and accessibility audit for written articles.

The Python API (docs/api.md): `check_text`, `check_paths` and the result types, loaded
on first use so that `import audit` stays cheap for the command line (`__init__.pyi`
gives their types to type checkers)."""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

__all__ = ["ConfigError", "FileResult", "LocatedFinding", "check_paths", "check_text"]


def __getattr__(name: str) -> Any:
    # Imported by name, not by an import statement: every layer imports `audit` for its
    # version, and the API (a composition root) must not be a dependency of theirs.
    if name in __all__:
        return getattr(import_module("audit.api"), name)
    raise AttributeError(f"module 'audit' has no attribute {name!r}")
