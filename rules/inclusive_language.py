"""inclusive-language: wording that excludes or stereotypes, with neutral alternatives."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, lru_cache

from audit.engine.rule import Option, Rule
from audit.engine.word_lists import load
from audit.results.findings import Fix, Severity
from audit.rules import DATA

CATEGORIES = ("gendered", "disability", "age", "suicide", "race", "lgbtq")
# A quotation: “…” (one left open runs to the next opening mark or the block's end), "…", ‘…’.
# No pattern can scan past the next opening mark, which keeps the search linear.
_QUOTED = re.compile(r"“[^”“]*(?:”|(?=“)|$)|\"[^\"\n]*\"|‘[^’‘]*’(?!\w)")


@lru_cache(maxsize=1)
def entries() -> tuple[dict[str, str], ...]:
    """The entries of rules/data/inclusive_language.yml as rows of strings; `fix` is
    "yes" when the first alternative can replace the match as it stands."""
    words = load(DATA / "inclusive_language.yml")
    fixes = words.get("fix", "none") != "none"
    return tuple(
        {
            "pattern": e.match,
            "alternatives": e.replacement,
            "category": e.get("category"),
            "source": ",".join(_listed(e.get("source"))),
            "fix": "yes" if fixes and e.get("fix", True) else "no",
        }
        for e in words.entries
    )


def _listed(value) -> list[str]:
    return [value] if isinstance(value, str) else value


@lru_cache(maxsize=1)
def _safe_fixes() -> bool:
    return load(DATA / "inclusive_language.yml").get("fix") == "safe"


def _regex(pattern: str) -> str:
    return pattern.replace(" ?", r"[\s\-]*").replace(" ", r"[\s\-]+")


@lru_cache(maxsize=8)
def matcher(categories: tuple[str, ...], allow: tuple[str, ...]):
    """(for each enabled entry the words it cannot match without one of, all those words,
    the entries), longest entry first."""
    allowed = {a.lower() for a in allow}
    rows = tuple(
        sorted(
            (r for r in entries() if r["category"] in categories and r["pattern"] not in allowed),
            key=lambda r: -len(r["pattern"]),
        )
    )
    required = tuple(_required_words(r["pattern"]) for r in rows)
    return required, frozenset().union(*required), rows


@cache
def _entry_regex(pattern: str) -> re.Pattern[str]:
    """One entry's regex, compiled once per process (the list is fixed and small)."""
    return re.compile(rf"(?<![\w\-’'])(?:{_regex(pattern)})(?![\w\-])", re.I)


# The look-behind that opens each entry's regex makes the regex engine try it at every
# character of a block, and re.I rules out its fast scan for a first letter. Where it
# changes nothing, the entries are searched in the lower-cased block, case-sensitively,
# and the word boundary before a match is checked apart: the same matches, found faster.
_MATCHES_ASCII_LETTER = re.compile(r"[a-z]", re.I)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _plain_case(char: str) -> bool:
    """A character that no ASCII letter matches with re.I and whose lower case holds no
    ASCII letter (’, “, é; not the Kelvin sign, long s or dotted capital I)."""
    return not _MATCHES_ASCII_LETTER.match(char) and not any(map(str.isascii, char.lower()))


def _plainly_lowered(text: str, patterns: list[str]) -> str | None:
    """The text in lower case if matching the patterns in it case-sensitively finds what
    re.I finds in the text (patterns in lower case, and no letter that folds oddly)."""
    if not text.isascii() and not all(map(_plain_case, set(_NON_ASCII.findall(text)))):
        return None
    if any(p != p.lower() for p in patterns):
        return None
    low = text.lower()
    return low if len(low) == len(text) else None


@cache
def _lower_case_regex(pattern: str) -> re.Pattern[str]:
    """`_entry_regex` for lower-cased text, without re.I and the look-behind."""
    return re.compile(rf"(?:{_regex(pattern)})(?![\w\-])")


def _after_boundary(text: str, start: int) -> bool:
    """What `_entry_regex`'s look-behind asks: no word character, hyphen or apostrophe before."""
    if not start:
        return True
    before = text[start - 1]
    return not (before.isalnum() or before in "_-’'")


def _searches(text: str, patterns: list[str]):
    """For each pattern, search(pos) -> the (start, end) of its next match at or after pos."""
    low = _plainly_lowered(text, patterns)
    if low is None:

        def plain(regex):
            def search(pos):
                m = regex.search(text, pos)
                return None if m is None else m.span()

            return search

        return [plain(_entry_regex(p)) for p in patterns]

    def fast(regex):
        def search(pos):
            m = regex.search(low, pos)
            while m is not None and not _after_boundary(low, m.start()):
                m = regex.search(low, m.start() + 1)
            return None if m is None else m.span()

        return search

    return [fast(_lower_case_regex(p)) for p in patterns]


def _scan(text: str, patterns: list[str]):
    """(k, start, end) for what one alternation of the entries' regexes, in order, would
    find: at the leftmost place any matches, the first that matches there. Searching each
    on its own spares compiling an alternation for every set of entries a block needs."""
    searches = _searches(text, patterns)
    found = [search(0) for search in searches]
    pos = 0
    while True:
        best = None
        for k, span in enumerate(found):
            if span is not None and span[0] < pos:
                span = found[k] = searches[k](pos)
            if span is not None and (best is None or span[0] < found[best][0]):
                best = k
        if best is None:
            return
        start, end = found[best]
        yield best, start, end
        pos = max(end, start + 1)


def _required_words(pattern: str) -> tuple[str, ...]:
    """Words one of which every match contains: the longest required run of letters
    or, when all of them are longer, the alternatives of a group every match passes
    through ("(?:afflicted|stricken) (?:with|by)": afflicted or stricken)."""
    best = (_required_word(pattern),)
    for group in _required_groups(pattern):
        alternatives = tuple(_required_word(a) for a in _split_alternatives(group))
        if min(map(len, alternatives)) > min(map(len, best)):
            best = alternatives
    return best


def _required_groups(pattern: str) -> list[str]:
    """The contents of the top-level groups that are neither optional nor look-arounds."""
    groups, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
            if depth == 1:
                start = i + 1
        elif ch == ")" and depth and pattern[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                inner, after = pattern[start:i], pattern[i + 1 : i + 2]
                if after not in ("?", "*", "{") and not inner.startswith(("?=", "?!", "?<")):
                    groups.append(inner[2:] if inner.startswith("?:") else inner)
    return groups


def _split_alternatives(group: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(group):
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            parts.append(group[start:i])
            start = i + 1
    return parts + [group[start:]]


def _required_word(pattern: str) -> str:
    """The longest run of letters every match contains (outside groups and optional
    letters); a block without it cannot match the entry, so its regex is not tried."""
    depth, flat = 0, []
    for ch in pattern:
        depth += ch == "("
        flat.append(ch if depth == 0 else " ")
        depth -= ch == ")" and depth > 0
    flat_text = "".join(flat)
    runs, run = [], ""
    for i, ch in enumerate(flat_text):
        optional = i + 1 < len(flat_text) and flat_text[i + 1] == "?"
        if ch.isalpha() and not optional:
            run += ch.lower()
        else:
            runs.append(run)
            run = ""
    runs.append(run)
    return max(runs, key=len)


def present_words(doc, words: frozenset[str]) -> set[str]:
    """The runs of letters among `words` that the lower-cased prose holds. A run of
    letters never spans two words: the distinct words, joined, hold the same ones, in
    a fraction of the prose's length."""
    haystack = doc.distinct_lower_lines if doc.lower_text_is_lower else doc.lower_text
    return {w for w in words if w in haystack}


def _match_case(found: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if found[:1].isupper() else replacement


class InclusiveLanguage(Rule):
    """Flags wording that excludes or stereotypes people — gendered generics
    ("mankind", "manpower"), disability ("wheelchair-bound", "the disabled",
    "suffers from polio"), age ("the elderly"), suicide ("committed suicide"), race
    and LGBTQ terms — and names a neutral alternative.

    The list is compiled from public inclusive-language guides (alex, GOV.UK's
    disability guide, Samaritans' and GLAAD's media guides; sources in
    rules/data/INCLUSIVE-LANGUAGE-SOURCES.md) and keeps only wordings with a clear
    alternative that rarely mean something harmless in news. Words inside quotation
    marks are left alone by default: a reporter cannot change a quote.

    Why:
    Readers notice words that define people by a condition, leave out half the
    population or echo stigma. Suicide-reporting guidelines ask for "died by suicide"
    because "committed" recalls a crime. Neutral wording is also more precise.

    Bad:
    The wheelchair-bound pensioner said the scheme had failed the disabled.

    Good:
    The pensioner, who uses a wheelchair, said the scheme had failed disabled people.
    """

    id = "inclusive-language"
    category = "inclusive-language"
    summary = "Wording that excludes or stereotypes; a neutral alternative exists"
    severity = Severity.WARNING
    options = (
        Option("categories", list, list(CATEGORIES), "which groups of terms to check: " + ", ".join(CATEGORIES)),
        Option("allow", list, [], "patterns from the list never to flag (as written in the data file)"),
        Option("skip-quotes", bool, True, "leave words inside quotation marks alone"),
    )

    def check(self, doc, opts):
        required, words, rows = matcher(tuple(opts["categories"]), tuple(opts["allow"]))
        patterns = tuple(r["pattern"] for r in rows)
        # Most articles and blocks hold none of an entry's required words: a substring test
        # per entry is far cheaper than trying its regex at every word.
        present = present_words(doc, words)
        candidates = [i for i, needed in enumerate(required) if not present.isdisjoint(needed)]
        if not candidates:
            return
        for block in doc.blocks:
            text = block.text
            low = doc.lower_text[block.prose_start : block.prose_end]
            chosen = tuple(i for i in candidates if any(w in low for w in required[i]))
            if not chosen:
                continue
            quoted = [m.span() for m in _QUOTED.finditer(text)] if opts["skip-quotes"] else []
            quote_starts = [a for a, _ in quoted]  # quotes do not overlap: bisect finds the one before
            for k, at, to in _scan(text, [patterns[i] for i in chosen]):
                i = bisect_right(quote_starts, at) - 1
                if i >= 0 and at < quoted[i][1]:
                    continue
                row = rows[chosen[k]]
                start, end = doc.span(block.prose_start + at, block.prose_start + to)
                found = " ".join(text[at:to].split())
                options = [_match_case(found, a) for a in row["alternatives"].split("|")]
                fix = None
                if row["fix"] == "yes" and doc.source[start:end] == text[at:to]:
                    fix = Fix(start, end, options[0], safe=_safe_fixes())
                yield self.finding(
                    start,
                    end,
                    f'"{found}" can exclude or stereotype ({row["category"]}); '
                    "consider " + " or ".join(f'"{o}"' for o in options) + ".",
                    suggestion=options[0],
                    fix=fix,
                )


RULE = InclusiveLanguage
