"""The report folder (`--report-dir`): per article an HTML, a Markdown and a JSON file,
plus `index.html`. `build` returns file name -> content; the caller writes them. A
caller that writes pages as results arrive uses `page_names` once, `page_files` per
article, keeps `index_entry` of each, and renders `index` at the end.

File names come from the article paths: relative to the folder all articles share,
path separators become "__", accents are dropped, anything but ASCII letters, digits,
".", "_" and "-" becomes "-", and no name starts with a dot, so no name can leave the
folder or hide. Names that would clash (also case-insensitively, or with "index") get
a short hash of the full path.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import PurePath, PurePosixPath, PureWindowsPath

from audit.reports import html_article, html_index, markdown_article
from audit.reports.summary import row_metrics
from audit.results.model import without_page_keys

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_NAME = 100
RESERVED = {"index"}


def _parts(path: str) -> tuple[str, ...]:
    """The path's names, without roots, drives, "." and ".."."""
    pure: PurePath = PureWindowsPath(path) if "\\" in path else PurePosixPath(path)
    return tuple(p for p in pure.parts if p not in (".", "..") and p != pure.anchor)


def _safe(part: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode("ascii")
    return _UNSAFE.sub("-", ascii_text).strip("-._") or "-"


def _slug(parts: tuple[str, ...]) -> str:
    name = "__".join(_safe(p) for p in parts)
    if len(name) > MAX_NAME:
        name = name[-MAX_NAME:]
    return name.lstrip("-.") or "article"  # never an option-like or hidden name


def _short_hash(path: str) -> str:
    return hashlib.sha256(path.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def page_names(paths: list[str]) -> dict[str, str]:
    """path -> base name (no extension) for each distinct path; deterministic and unique."""
    distinct = sorted(set(paths))
    split = {p: ("stdin",) if p == "-" else _parts(p) for p in distinct}
    folders = [s[:-1] for s in split.values() if s]
    common = os.path.commonprefix(folders) if folders and len(distinct) > 1 else ()
    if len(distinct) == 1:
        common = split[distinct[0]][:-1]
    names = {p: _slug(split[p][len(common) :] or split[p] or ("article",)) for p in distinct}
    clashes: dict[str, list[str]] = {}
    for p, name in names.items():
        clashes.setdefault(name.lower(), []).append(p)
    for key, group in clashes.items():
        if len(group) > 1 or key in RESERVED:
            for p in group:
                names[p] = f"{names[p][: MAX_NAME - 9]}-{_short_hash(p)}"
    return names


def page_files(result: dict, base: str, *, rules: dict, tool: dict) -> dict[str, str]:
    """One article's files (file name -> content), named `base` + extension."""
    model = without_page_keys(result)
    return {
        f"{base}.html": html_article.render(result, rules=rules, tool=tool),
        f"{base}.md": markdown_article.render(result, rules=rules),
        f"{base}.json": json.dumps(model, ensure_ascii=False, indent=2) + "\n",
    }


def index_entry(result: dict) -> dict:
    """What the index shows of an article: its figures, not its text or its messages."""
    return {
        "path": result["path"],
        "status": result["status"],
        "error": result.get("error"),
        "title": result.get("title") or "",
        "metrics": row_metrics(result.get("metrics") or {}),
        "findings": [_kind(f["rule"], f["severity"]) for f in result.get("findings") or ()],
    }


@lru_cache(maxsize=4096)
def _kind(rule: str, severity: str) -> dict:
    """One shared, read-only {"rule", "severity"} per kind of finding: an index of
    100,000 articles keeps references, not a dictionary per finding."""
    return {"rule": rule, "severity": severity}


def index(report: dict, pages: dict[str, str]) -> str:
    """index.html; `pages` maps an article's path to its page's file name."""
    return html_index.render(report, pages)


def build(report: dict) -> dict[str, str]:
    files = report.get("files", [])
    rules = report.get("rules") or {}
    tool = report.get("tool") or {}
    names = page_names([r["path"] for r in files])
    out: dict[str, str] = {}
    pages: dict[str, str] = {}
    for result in files:
        base = names[result["path"]]
        if f"{base}.html" in out:
            continue  # the same file given twice
        out.update(page_files(result, base, rules=rules, tool=tool))
        pages[result["path"]] = f"{base}.html"
    out["index.html"] = index(report, pages)
    return out
