"""An article's text as HTML with each finding in place: the highlights of its page.

Each finding is a <mark> over its line/column span of the source (overlaps nest per
segment). A finding over a sentence or more (over LONG_WORDS words) is drawn as an
underline below the line, its style by severity, so that it does not drown the
word-level ones, which keep a background and an underline style per rule. Each place
where findings start gets one marker: the worst severity's icon and name (not colour
alone), the first finding's number and, after +, how many more start there; it links
to the finding. Article-level findings (those with a `metric`) are not drawn: the
summary shows them. Runs of source the audit did not read (the result's `unaudited`
spans) are greyed, labelled and collapsed, unless a finding lies in them.
"""

from __future__ import annotations

import re

from audit.reports.html_page import esc
from audit.results.findings import SEVERITY_NAMES

ICONS = {"error": "✖", "warning": "▲", "info": "ℹ"}
RANK = {name: n for n, name in enumerate(reversed(SEVERITY_NAMES))}  # info 0, warning 1, error 2
LONG_WORDS = 12  # a finding over more words than this is sentence-level: drawn as an underline
_TAGS = re.compile(r"<[^<>]*>")


def line_starts(source: str) -> list[int]:
    """Offsets where lines start; a line ends at LF, CRLF or a lone CR (as the engine counts)."""
    starts = [0]
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\n" or (ch == "\r" and (i + 1 >= n or source[i + 1] != "\n")):
            starts.append(i + 1)
        i += 1
    return starts


def _offsets(source: str):
    starts = line_starts(source)

    def offset(line: int, column: int) -> int:
        line = min(max(line, 1), len(starts))
        return min(max(starts[line - 1] + column - 1, 0), len(source))

    return offset


def spans(source: str, findings: list[dict]) -> list[tuple[int, int, int, dict]]:
    """(start, end, number, finding): source offsets of each finding, clamped to the text."""
    offset = _offsets(source)
    out = []
    for n, f in enumerate(findings, 1):
        start = offset(f["line"], f["column"])
        out.append((start, max(start, offset(f["end_line"], f["end_column"])), n, f))
    return out


def article_level(f: dict) -> bool:
    """A finding about the whole article (a figure of it), anchored on its title."""
    return bool(f.get("metric"))


def tooltip(n: int, f: dict) -> str:
    text = f"#{n} {f['rule']} ({f['severity']}): {f['message']}"
    return text + (f" Suggestion: {f['suggestion']}" if f.get("suggestion") else "")


_FENCES = ("---", "+++")


def _skipped_kind(text: str, before: str) -> str:
    """What a region of unaudited source most likely is, from its first characters; front
    matter is a region in the block fenced by --- (or +++) at the very top of the file."""
    head = text.lstrip()
    if head.startswith(("```", "~~~")):
        return "code"
    top = before.lstrip()
    if (top or head).startswith(_FENCES) and "\n\n" not in top.rstrip("\n"):
        return "front matter"
    if head.startswith("<"):
        return "markup, scripts or page furniture"
    return "code, markup or page furniture"


def _marker(group: list[tuple[int, int, int, dict]], classes: dict[str, str], keys: dict[str, str]) -> str:
    worst = max((it[3]["severity"] for it in group), key=lambda s: RANK.get(s, 0))
    first = group[0][2]
    rules = {it[3]["rule"] for it in group}
    severities = {it[3]["severity"] for it in group}
    # A marker hides with a filter only when every finding it stands for does.
    cls = ["ref", f"sev-{worst}"]
    if len(rules) == 1:
        cls.append(keys[next(iter(rules))])
    if len(severities) == 1:
        cls.append(f"s-{worst}")
    more = len(group) - 1
    extra = f'<span class="more">+{more}</span><span class="sr"> more here</span>' if more else ""
    return (
        f'<a class="{" ".join(cls)}" id="m-{first}" href="#f-{first}">'
        f'<span aria-hidden="true">{ICONS.get(worst, "•")}</span><span class="sr">{worst.capitalize()}, finding </span>'
        f"{first}{extra}</a>"
    )


def _is_long(source: str, start: int, end: int) -> bool:
    return len(source[start:end].split()) > LONG_WORDS


def highlighted(
    source: str,
    findings: list[dict],
    classes: dict[str, str],
    unaudited: list[dict] | tuple = (),
    keys: dict[str, str] | None = None,
) -> tuple[str, dict[int, int]]:
    """The source as escaped HTML, each finding wrapped in <mark>, overlaps nested per
    segment; and finding number -> the number of the marker that leads to it.
    Article-level findings are not drawn (the summary shows them)."""
    keys = keys or {rid: f"k{n}" for n, rid in enumerate(sorted(classes))}
    items = [it for it in spans(source, findings) if not article_level(it[3])]
    offset = _offsets(source)
    regions: list[tuple[int, int]] = []

    def touched(a: int, b: int) -> bool:
        return any(s < b and e > a or a <= s < b for s, e, _, _ in items)

    # A region with a finding in it stays in view; regions with only blank lines or bare
    # tags between them are one region.
    joinable = False
    for u in unaudited:
        a, b = offset(u["line"], u["column"]), offset(u["end_line"], u["end_column"])
        if b <= a or touched(a, b):
            joinable = False
            continue
        gap = (regions[-1][1], a) if regions else (0, 0)
        if joinable and not _TAGS.sub("", source[gap[0] : gap[1]]).strip() and not touched(*gap):
            regions[-1] = (regions[-1][0], b)
        else:
            regions.append((a, b))
        joinable = True
    region_at = dict(regions)
    bounds = sorted(
        {0, len(source)} | {s for s, _, _, _ in items} | {e for _, e, _, _ in items} | {x for r in regions for x in r}
    )
    starting: dict[int, list] = {}
    for item in items:
        starting.setdefault(item[0], []).append(item)
    marker_of: dict[int, int] = {}
    active: list = []
    out = []
    region_end = None
    for a, b in zip(bounds, bounds[1:] + [None]):
        active = [it for it in active if it[1] > a]
        if a == region_end:
            out.append("</span></details>")
            region_end = None
        group = starting.get(a, [])
        if group:
            out.append(_marker(group, classes, keys))
            for it in group:
                marker_of[it[2]] = group[0][2]
                if it[1] > a:
                    active.append(it)
        if b is None:
            break
        if a in region_at:
            region_end = region_at[a]
            first, last = source.count("\n", 0, a) + 1, source.count("\n", 0, region_end - 1) + 1
            lines = f"line {first}" if first == last else f"lines {first}–{last}"
            kind = _skipped_kind(source[a:region_end], source[:a])
            out.append(
                f'<details class="skipped"><summary>Not audited: {esc(kind)}, {lines}</summary>'
                '<span class="skipped-text">'
            )
        text = esc(source[a:b])
        if active:
            nest = sorted(active, key=lambda it: (it[0], -it[1], it[2]))
            longs = [it for it in nest if _is_long(source, it[0], it[1])]
            opening = []
            for it in nest:
                f = it[3]
                cls = [classes[f["rule"]], keys[f["rule"]], f"s-{f['severity']}"]
                if it in longs:
                    cls += ["long", f"d{min(len(longs) - 1 - longs.index(it), 3)}"]
                opening.append(f'<mark class="{" ".join(cls)}" title="{esc(tooltip(it[2], f))}">')
            text = "".join(opening) + text + "</mark>" * len(nest)
        out.append(text)
    if region_end is not None:
        out.append("</span></details>")
    return "".join(out), marker_of
