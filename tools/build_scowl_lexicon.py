"""Rebuild scowl-en.tsv.gz from SCOWL's word lists (see scowl-en.md).

Usage: python build_scowl_lexicon.py SCOWL_LISTS_DIR [MAX_SIZE] > /dev/null

SCOWL_LISTS_DIR holds SCOWL's `final/` lists (`english-words.35`, `british-upper.50`,
...): Debian's `scowl` package installs them in /usr/share/dict/scowl. MAX_SIZE is
the largest SCOWL size kept (default 70; size 80 brings in UKACD, whose licence asks
for its own notice). Writes rules/data/scowl-en.tsv.gz, byte for byte the
same for the same input (no timestamp in the gzip header).
"""

from __future__ import annotations

import gzip
import re
import sys
import unicodedata
from pathlib import Path

# SCOWL spelling category -> variants accepting its words (U en-US, G en-GB, C en-CA,
# A en-AU). "variant_1/2" are the American variants; variant_3 (rare forms) is left out.
SPELLINGS = {
    "english": "UGCA",
    "special": "UGCA",
    "american": "U",
    "variant_1": "U",
    "variant_2": "U",
    "british": "G",
    "british_z": "G",
    "british_variant_1": "G",
    "british_variant_2": "G",
    "canadian": "C",
    "canadian_variant_1": "C",
    "canadian_variant_2": "C",
    "australian": "A",
    "australian_variant_1": "A",
    "australian_variant_2": "A",
}
LIST_NAME = re.compile(r"(.+)-(words|upper|proper-names|abbreviations|contractions|hacker|roman-numerals)\.(\d+)$")


def build(lists: Path, max_size: int) -> list[str]:
    entries: dict[str, tuple[int, str]] = {}
    for path in sorted(lists.iterdir()):
        m = LIST_NAME.match(path.name)
        if not m or m.group(1) not in SPELLINGS or int(m.group(3)) > max_size:
            continue
        size, variants = int(m.group(3)), SPELLINGS[m.group(1)]
        for word in path.read_text(encoding="utf-8").split("\n"):
            if word:
                old_size, old_variants = entries.get(word, (99, ""))
                merged = "".join(v for v in "UGCA" if v in old_variants + variants)
                entries[word] = (min(old_size, size), merged)
    # Writers often drop accents ("cafe", "protege"): list the plain form too.
    for word, value in list(entries.items()):
        plain = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
        entries.setdefault(plain, value)
    # The checker strips possessives, so "X's" is dropped where X is listed.
    return [
        f"{word}\t{size}\t{'*' if variants == 'UGCA' else variants}"
        for word, (size, variants) in sorted(entries.items())
        if not (word.endswith("'s") and word[:-2] in entries)
    ]


def main() -> None:
    lists = Path(sys.argv[1])
    max_size = int(sys.argv[2]) if len(sys.argv) > 2 else 70
    lines = build(lists, max_size)
    out = Path(__file__).resolve().parents[1] / "rules" / "data" / "scowl-en.tsv.gz"
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(lines)} words -> {out} ({out.stat().st_size:,} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
