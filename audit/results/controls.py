"""The characters that must never reach a reader raw: they can restyle a terminal, end a
line where none is, or reorder what is shown (a file name `txt.exe\u202e` read backwards).

One set for every writer that shows text to a person (the text report, messages on
standard error, Markdown, JUnit): the C0 controls (ESC, BEL, CR…), DEL, the C1 controls
(U+0080 to U+009F: U+0085 next line, U+009B the one-byte CSI that some terminals obey),
the line and paragraph separators, and the bidirectional formatting characters
(U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069). JSON, SARIF and HTML carry
them escaped by their own syntax.
"""

from __future__ import annotations

import re

_LAYOUT = "\t\n\r"
_CONTROLS = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 but tab, line feed, carriage return; DEL; C1
    "\u2028\u2029"  # line and paragraph separator
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional formatting
)
# Every such character, layout (tab, line feed, carriage return) included: for one line of text.
CONTROLS = re.compile(f"[{_LAYOUT}{_CONTROLS}]")
# The same but layout: for text that keeps its lines (JUnit's system-out).
CONTROLS_BUT_LAYOUT = re.compile(f"[{_CONTROLS}]")
CONTROL_CLASS = _CONTROLS  # for a writer that adds characters of its own to the class


def replace_controls(text: object, by: str = "\ufffd") -> str:
    """`text` on one line, with each control character (see the module) replaced by `by`."""
    return CONTROLS.sub(by, str(text))
