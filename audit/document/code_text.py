"""The code and link targets of a source: where an article names things rather than
writing prose about them. A word that stands there is a term of the article (the
`spelling` rule's evidence), and of a run when articles share it (`audit.batch.run_vocabulary`).

Read from the source with one pattern per format, not from the front end's tree: the
rule and the batch both need it, and the batch reads files before any is parsed. A
script or the page's metadata, which may repeat the article and its slips, is neither.
"""

from __future__ import annotations

import re

_MARKDOWN = re.compile(
    r"^[ \t]*(```|~~~)[^\n]*\n.*?^[ \t]*\1|`[^`\n]+`|\]\([^)\s]*|<https?://[^>\s]*|^[ \t]*\[[^\]]+\]:[ \t]*\S+",
    re.MULTILINE | re.DOTALL,
)
_HTML = re.compile(r"<(code|pre|kbd|samp|tt)\b[^>]*>.*?</\1>|\b(?:href|src)=[\"'][^\"']*", re.IGNORECASE | re.DOTALL)
PATTERNS = {"markdown": _MARKDOWN, "html": _HTML}


def code_text(fmt: str, source: str) -> str:
    """The source's code blocks, inline code and link targets, in lower case, one string
    (a line between pieces); empty for plain text."""
    pattern = PATTERNS.get(fmt)
    if pattern is None:
        return ""
    return "\n".join(m.group(0) for m in pattern.finditer(source)).lower()
