"""Rebuild english_variants.tsv from SCOWL's final word lists (see english_variants.md).

Usage: python build_english_variants.py SCOWL/final > english_variants.tsv

SCOWL (from Debian: `apt-get source scowl`, or wordlist.aspell.net) sorts every word
into lists by spelling variant: english (all), american, british (-ise), british_z
(-ize, Oxford), canadian and australian, plus lists of acceptable variants. This
script pairs each variant-specific word with its counterparts through the regular
spelling correspondences (-our/-or, -re/-er, -ise/-ize, -ence/-ense, -ll-/-l-, ae/e...)
and a few irregular pairs, keeping a pair only when SCOWL lists both words.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

MAX_LEVEL = 70  # SCOWL "large"; above it the lists are full of archaic forms
LISTS = {
    "english": "ABZCD",
    "american": "A",
    "british": "B",
    "british_z": "Z",
    "canadian": "C",
    "australian": "D",
    "variant_1": "a",
    "british_variant_1": "b",
    "canadian_variant_1": "c",
    "australian_variant_1": "d",
}
# Distinct words that the correspondences would wrongly pair.
UNRELATED = {
    frozenset(p)
    for p in (
        ("forb", "fourb"),
        ("prise", "prize"),
        ("prises", "prizes"),
        ("teaseler", "teaseller"),
        ("amorist", "amourist"),
        ("amorists", "amourists"),
        ("mauger", "maugre"),
        ("venter", "ventre"),
        ("venters", "ventres"),
        ("borg", "bourg"),
        ("dora", "doura"),
    )
}
# Heads of institution names (Lincoln Center, Barbican Centre, Ann Arbor): capitalised
# inside a sentence they are names, like the words SCOWL lists as names.
NAME_HEADS = {
    "center",
    "centre",
    "centers",
    "centres",
    "theater",
    "theatre",
    "theaters",
    "theatres",
    "harbor",
    "harbour",
    "harbors",
    "harbours",
    "arbor",
    "arbour",
}
WORD = re.compile(r"^[a-z]+$")
# (non-American pattern, American replacement), tried at every position, both ways for plain strings.
RULES = [
    ("our", "or"),
    ("([bcdgtv])re$", r"\1er"),
    ("([bcdgtv])res$", r"\1ers"),
    ("([bcdgtv])red$", r"\1ered"),
    ("([bcdgtv])ring$", r"\1ering"),
    ("is(e|ed|es|ing|ation|ations|er|ers|able|ational)$", r"iz\1"),
    ("ys(e|ed|es|ing|er|ers)$", r"yz\1"),
    ("ence(s|d)?$", r"ense\1"),
    ("ogue(s)?$", r"og\1"),
    ("ll(ed|ing|er|ers|or|ors|ery|ment|ments)$", r"l\1"),
    ("([aio])l(s|ment|ments)?$", r"\1ll\2"),
    ("lful", "llful"),
    ("(?<=..)ae(?=...)", "e"),
    ("(?<=..)oe(?=...)", "e"),
    ("^ae(?=....)", "e"),
    ("^oe(?=....)", "e"),
    ("amme(s)?$", r"am\1"),
    ("practis", "practic"),
    ("tyre", "tire"),
    ("kerb", "curb"),
    ("storey", "story"),
    ("cheque", "check"),
    ("grey", "gray"),
    ("plough", "plow"),
    ("sceptic", "skeptic"),
    ("aluminium", "aluminum"),
    ("pyjama", "pajama"),
    ("moustache", "mustache"),
    ("draught", "draft"),
    ("cosy", "cozy"),
    ("cosi", "cozi"),
    ("dgement", "dgment"),
    ("jewellery", "jewelry"),
    ("ageing", "aging"),
    ("yoghurt", "yogurt"),
    ("mollusc", "mollusk"),
    ("sulph", "sulf"),
    ("artefact", "artifact"),
    ("mould", "mold"),
    ("smould", "smold"),
    ("moult", "molt"),
    ("manoeuvr", "maneuver"),
    ("vre(s)?$", r"ver\1"),
]


def load(final: Path) -> dict[str, set[str]]:
    tags: dict[str, set[str]] = defaultdict(set)
    for path in sorted(final.iterdir()):
        m = re.fullmatch(r"(.+)-words\.(\d+)", path.name)
        if m and m.group(1) in LISTS and int(m.group(2)) <= MAX_LEVEL:
            for word in path.read_text(encoding="latin-1").split():
                if WORD.match(word):
                    tags[word].update(LISTS[m.group(1)])
    return tags


def names(final: Path) -> set[str]:
    """Capitalised words SCOWL lists as names (Gray, Grey, Honor, Labor)."""
    found = set()
    for path in final.iterdir():
        if re.fullmatch(
            r"(english|american|british|british_z|canadian|australian)-(proper-names|upper)\.\d+", path.name
        ):
            found.update(path.read_text(encoding="latin-1").split())
    return found


def candidates(word: str) -> set[str]:
    out = set()
    for pattern, us in RULES:
        for m in re.finditer(pattern, word):
            out.add(word[: m.start()] + m.expand(us) + word[m.end() :])
        if "(" not in pattern and "\\" not in us:
            for m in re.finditer(re.escape(us), word):
                out.add(word[: m.start()] + pattern + word[m.end() :])
    out.discard(word)
    return out


def groups(tags: dict[str, set[str]]) -> list[list[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for word in (w for w, t in tags.items() if t != set("ABZCD")):
        for c in candidates(word):
            found = [c] if c in tags else [d for d in candidates(c) if d in tags and d != word]
            for d in found:
                if frozenset((word, d)) not in UNRELATED:
                    edges[word].add(d)
                    edges[d].add(word)
    seen: set[str] = set()
    result = []
    for word in sorted(edges):
        if word in seen:
            continue
        stack, comp = [word], set()
        while stack:
            x = stack.pop()
            if x not in comp:
                comp.add(x)
                stack.extend(edges[x] - comp)
        seen |= comp
        result.append(sorted(comp))
    return result


def families(rows: list[list[str]], tags) -> list[str]:
    """A key shared by a word's inflections (defence, defences), for counting mixes."""
    us = [next((w for w in row if "A" in tags[w]), row[0]) for row in rows]
    family = {u: u for u in us}
    for u in sorted(us, key=len):
        for suffix, add in (
            ("s", ""),
            ("es", ""),
            ("d", ""),
            ("ed", ""),
            ("ed", "e"),
            ("ing", ""),
            ("ing", "e"),
            ("ly", ""),
            ("al", ""),
        ):
            base = u[: -len(suffix)] + add if u.endswith(suffix) else None
            if base and base in family and len(base) >= 3:
                family[u] = family[base]
                break
    return [family[u] for u in us]


def main() -> None:
    tags = load(Path(sys.argv[1]))
    rows = groups(tags)
    proper = names(Path(sys.argv[1]))
    for word in {w for row in rows for w in row}:
        if word.capitalize() in proper or word in NAME_HEADS:
            tags[word].add("N")
    print("# English spelling variants, derived from SCOWL 2020.12.07 (see english_variants.md).")
    print("# family<TAB>word TAGS...  TAGS: A en-US, B en-GB (-ise), Z en-GB (-ize), C en-CA,")
    print("# D en-AU; lower case a b c d: an accepted but less common variant there;")
    print("# N: capitalised, also a name (Gray, Honor), so not flagged capitalised mid-sentence.")
    for family, row in zip(families(rows, tags), rows):
        print(family + "\t" + "\t".join(f"{w} {''.join(sorted(tags[w], key='ABZCDabcdN'.index))}" for w in row))


if __name__ == "__main__":
    main()
