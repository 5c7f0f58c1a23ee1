"""jargon: officialese, buzzwords, wordy phrases and clichés, with plainer wording."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import compress, count
from typing import Any

from audit.engine.rule import Option, Rule
from audit.engine.word_lists import load
from audit.results.findings import Fix, Severity
from audit.rules import DATA

SOURCES = (
    "plainlanguage",
    "govuk",
    "vale-microsoft",
    "vale-google",
    "vale-write-good",
    "vale-gds",
    "vale-proselint",
    "project",
)
HEADINGS = ("title", "heading")
KINDS = ("jargon", "wordy", "buzzword", "cliche")
WHY = {
    "jargon": "formal wording",
    "wordy": "wordy",
    "buzzword": "a buzzword",
    "cliche": "a cliché",
    "house": "on the house-style list",
}
IRREGULAR = {  # base: (3rd person, past, past participle, -ing)
    "make": ("makes", "made", "made", "making"),
    "take": ("takes", "took", "taken", "taking"),
    "give": ("gives", "gave", "given", "giving"),
    "come": ("comes", "came", "come", "coming"),
    "hold": ("holds", "held", "held", "holding"),
    "put": ("puts", "put", "put", "putting"),
    "do": ("does", "did", "done", "doing"),
    "have": ("has", "had", "had", "having"),
    "hit": ("hits", "hit", "hit", "hitting"),
    "think": ("thinks", "thought", "thought", "thinking"),
    "set": ("sets", "set", "set", "setting"),
    "meet": ("meets", "met", "met", "meeting"),
    "pay": ("pays", "paid", "paid", "paying"),
    "find": ("finds", "found", "found", "finding"),
    "leave": ("leaves", "left", "left", "leaving"),
    "spend": ("spends", "spent", "spent", "spending"),
    "go": ("goes", "went", "gone", "going"),
    "bite": ("bites", "bit", "bitten", "biting"),
    "beat": ("beats", "beat", "beaten", "beating"),
    "fall": ("falls", "fell", "fallen", "falling"),
    "keep": ("keeps", "kept", "kept", "keeping"),
    "cut": ("cuts", "cut", "cut", "cutting"),
    "get": ("gets", "got", "got", "getting"),
    "undertake": ("undertakes", "undertook", "undertaken", "undertaking"),
    "stop": ("stops", "stopped", "stopped", "stopping"),
    "refer": ("refers", "referred", "referred", "referring"),
    "flog": ("flogs", "flogged", "flogged", "flogging"),
    "plan": ("plans", "planned", "planned", "planning"),
}
AMBIGUOUS_BASE = {"put", "hit", "set", "cut", "beat"}  # base form = past tense: tense unknown
PERFECT_OR_PASSIVE = {
    "has",
    "have",
    "had",
    "having",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "get",
    "gets",
    "got",
    "getting",
    "'s",
    "’s",
}
TAGS = ("s", "past", "pp", "ing")
DETERMINERS = {
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "my",
    "your",
    "his",
    "her",
    "its",
    "our",
    "their",
    "any",
    "some",
    "no",
    "every",
    "each",
    "of",
}


def inflect_verb(word: str, tag: str) -> str:
    if tag == "base":
        return word
    if word in IRREGULAR:
        return IRREGULAR[word][TAGS.index(tag)]
    if tag == "s":
        return (
            word[:-1] + "ies"
            if word[-1] == "y" and word[-2] not in "aeiou"
            else word + "es"
            if word.endswith(("s", "x", "z", "ch", "sh", "o"))
            else word + "s"
        )
    if tag == "ing":
        return word[:-1] + "ing" if word.endswith("e") and not word.endswith("ee") else word + "ing"
    return (
        word[:-1] + "ied"
        if word[-1] == "y" and word[-2] not in "aeiou"
        else word + "d"
        if word.endswith("e")
        else word + "ed"
    )


def plural(word: str) -> str:
    if word[-1] == "y" and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "es" if word.endswith(("s", "x", "z", "ch", "sh")) else word + "s"


def words_of(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().replace("’", "'").replace("-", " ").split())


_ISE = re.compile(r"(?<=[a-z]{3})i([sz])(e|es|ed|ing|ation|ations)$")


def spellings(words: tuple[str, ...]):
    """The phrase in both -ise and -ize spelling (utilise, utilize)."""
    yield words
    swapped = tuple(_ISE.sub(lambda m: "i" + "zs"[m[1] == "z"] + m[2], w) for w in words)
    if swapped != words:
        yield swapped


def forms(words: tuple[str, ...], inflect: str):
    """(words, tag) for each inflected form of a phrase; "ed" = past or participle."""
    yield words, "base"
    if inflect == "v":
        head = words[0]
        past, pp = inflect_verb(head, "past"), inflect_verb(head, "pp")
        for tag in ("s", "ing") + (("past", "pp") if past != pp else ("ed",)):
            yield (inflect_verb(head, "past" if tag == "ed" else tag),) + words[1:], tag
    elif inflect == "n":
        yield words[:-1] + (plural(words[-1]),), "plural"


def inflect_replacement(text: str, inflect: str, tag: str, prev: str) -> str:
    """The replacement in the form of the matched text ("leveraged" -> "used");
    an "-ed" form is a participle after have/be ("has made a decision" -> "decided")."""
    words = text.split(" ")
    if inflect == "n" and tag == "plural":
        return " ".join(words[:-1] + [plural(words[-1])])
    if inflect != "v" or tag == "base":
        return text
    if tag == "ed":
        tag = "pp" if prev in PERFECT_OR_PASSIVE else "past"
    return " ".join([inflect_verb(words[0], tag)] + words[1:])


@lru_cache(maxsize=1)
def builtin() -> tuple[dict, ...]:
    """The entries of rules/data/jargon.yml as rows of strings (the form house-style
    entries from `extra` take too): lists joined by "," (source) and ";" (unless)."""
    return tuple(
        {
            "phrase": e.match,
            "replacement": e.replacement,
            "kind": e.get("kind"),
            "inflect": e.get("inflect", ""),
            "source": ",".join(e.get("source")),
            "unless": ";".join(e.get("unless", ())),
            "context": e.get("context", ""),
        }
        for e in load(DATA / "jargon.yml").entries
    )


@lru_cache(maxsize=16)
def lexicon(sources: tuple, kinds: tuple, allow: tuple, extra: tuple):
    """(entries, trie) for one configuration; built once per process and configuration."""
    allowed = {words_of(a) for a in allow}
    rows = [r for r in builtin() if r["kind"] in kinds and set(r["source"].split(",")) & set(sources)]
    for item in extra:
        phrase, _, repl = item.partition("=>")
        rows.append(
            {
                "phrase": phrase.strip(),
                "replacement": repl.strip(),
                "kind": "house",
                "inflect": "",
                "unless": "",
                "context": "",
            }
        )
    entries, trie = [], {}
    for row in rows:
        variants = [s for v in row["phrase"].split("|") for s in spellings(words_of(v))]
        if allowed & set(variants):
            continue
        index = len(entries)
        entries.append(row)
        for variant in variants:
            for words, tag in forms(variant, row["inflect"]):
                node = trie
                for word in words:
                    node = node.setdefault(word, {})
                node["$"] = (index, tag)  # a later entry (house style) wins
        heads = {v[0] for v in variants}
        for mask in filter(None, row["unless"].split(";")):
            mask = words_of(mask)  # inflected like the entry when it starts with its verb
            for words, _ in forms(mask, row["inflect"] if mask[0] in heads else ""):
                _add_mask(trie, words, index)
    for words in allowed:
        _add_mask(trie, words, None)
    return entries, trie


def _entry_problem(item: str) -> str | None:
    """Why an `extra` entry ("phrase => replacement", "a|b" alternatives) cannot be used:
    it has no phrase, or one of the phrase's alternatives has no words."""
    phrase = item.partition("=>")[0]
    if not words_of(phrase):
        return 'no phrase (expected "phrase => replacement", e.g. "utilise => use")'
    if not all(words_of(v) for v in phrase.split("|")):
        return 'an empty alternative (expected "a|b => replacement", each with words)'
    return None


def _allow_problem(phrase: str) -> str | None:
    """Why an `allow` phrase cannot be matched: it has no words."""
    return None if words_of(phrase) else 'no phrase (expected words, e.g. "leverage")'


def _add_mask(trie: dict, words: tuple[str, ...], index: int | None) -> None:
    node = trie
    for word in words:
        node = node.setdefault(word, {})
    node.setdefault("!", set()).add(index)  # None: masks every entry


def tokens(sentence):
    """(word, prose_start, prose_end, first_part, last_part, joined): hyphenated words
    are split; `joined` is false after punctuation, which no phrase crosses."""
    end = None
    for w in sentence.words:
        parts = w.text.lower().replace("’", "'").split("-")
        gap = sentence.text[end - sentence.prose_start : w.prose_start - sentence.prose_start] if end else ""
        joined = not gap.strip()
        pos = w.prose_start
        for i, part in enumerate(parts):
            yield part, pos, pos + len(part), i == 0, i == len(parts) - 1, joined or i > 0
            pos += len(part) + 1
        end = w.prose_end


def matches(trie: dict, toks: list):
    """(start, end, value) of the longest matches and masks starting at each token."""
    for i, tok in enumerate(toks):
        if not tok[3]:
            continue
        node, j = trie, i
        while j < len(toks) and toks[j][0] in node and (j == i or toks[j][5]):
            node = node[toks[j][0]]
            j += 1
            if toks[j - 1][4]:
                for key in ("!", "$"):
                    if key in node:
                        yield i, j, key, node[key]


def _parts(texts) -> set[str]:
    """The words (their texts) as `tokens` spells them, hyphenated ones split."""
    return set(" ".join(texts).lower().replace("’", "'").replace("-", " ").split())


def sentences_with_keys(doc, keys) -> list[tuple[Any, list[str]]]:
    """The sentences, in order, in which some of `keys` is a word (a part of one, as
    `tokens` splits them), each with those keys: an entry can match only in a sentence
    that holds its key word. Found from the words, in one pass over the article, so the
    work does not grow with the number of entries the article might hold."""
    holding: dict[str, tuple[str, ...]] = {}  # each distinct word that holds keys -> them
    for word in doc.distinct_lower_words:
        if "-" in word or "’" in word:
            found = tuple(part for part in word.replace("’", "'").split("-") if part in keys)
            if found:
                holding[word] = found
        elif word in keys:
            holding[word] = (word,)
    by_sentence: dict[int, tuple[Any, list[str]]] = {}
    words = doc.words
    for i in compress(count(), map(holding.__contains__, doc.lower_words)):
        sentence = doc.sentence_at(words[i].prose_start)
        if sentence is not None:
            by_sentence.setdefault(sentence.prose_start, (sentence, []))[1].extend(holding[doc.lower_words[i]])
    return [by_sentence[start] for start in sorted(by_sentence)]


@lru_cache(maxsize=16)
def _entry_words(sources: tuple, kinds: tuple, allow: tuple, extra: tuple) -> dict[str, tuple]:
    """The words of each entry in `lexicon`'s trie (each form of it), indexed by its
    longest word, as (the set of them, those in ASCII longest first). An entry can match
    only where all of its words are: most articles hold a few such entries, and most
    sentences none, which set and substring tests tell far faster than `matches`."""
    _, trie = lexicon(sources, kinds, allow, extra)
    index: dict[str, set[frozenset[str]]] = {}
    stack = [(trie, ())]
    while stack:
        node, path = stack.pop()
        if "$" in node:
            words = frozenset(path)
            index.setdefault(max(words, key=lambda w: (len(w), w)), set()).add(words)
        stack += [(child, (*path, word)) for word, child in node.items() if word not in ("$", "!")]
    return {
        key: tuple((words, tuple(sorted(filter(str.isascii, words), key=lambda w: (-len(w), w)))) for words in sets)
        for key, sets in index.items()
    }


class Jargon(Rule):
    """Flags jargon, buzzwords, wordy phrases and clichés ("leverage", "moving
    forward", "in order to", "at this point in time") and names a plainer wording.

    The built-in lists are compiled from plainlanguage.gov, the GOV.UK style guide and
    Vale styles (sources and licences in rules/data/JARGON-SOURCES.md); inflected forms
    match too (leverage, leveraged, leveraging). Add house-style entries with `extra`
    ("phrase => replacement") and exempt phrases with `allow`. In documentation a
    heading or a link's text names its subject ("Best Practices"): `headings-and-links`
    reports terms there at info, or skips them (the `docs` profile does).

    Why:
    Plain words are read faster and understood by more people, including readers
    with cognitive disabilities and those reading in a second language. Officialese
    and buzzwords make a reader work to find out what actually happened.

    Bad:
    Moving forward, we will leverage our capabilities in order to facilitate growth.

    Good:
    From now on, we will use our strengths to help the economy grow.
    """

    id = "jargon"
    category = "jargon"
    summary = "Jargon, buzzword or wordy phrase with a plainer alternative"
    severity = Severity.WARNING
    options = (
        Option(
            "extra",
            list,
            (),
            'house-style entries, each "phrase => replacement" ("a|b" for alternatives; no replacement = rephrase)',
            check_entry=_entry_problem,
        ),
        Option("allow", list, (), "phrases never flagged", check_entry=_allow_problem),
        Option("sources", list, SOURCES, "built-in lists to use: " + ", ".join(SOURCES)),
        Option("kinds", list, KINDS, "kinds of entry to flag: " + ", ".join(KINDS)),
        Option(
            "headings-and-links",
            str,
            "flag",
            "a term in a heading or a link's text: flag it as elsewhere, report it at info, or skip it "
            '(in documentation a section or page title names its subject: "Best Practices")',
            choices=("flag", "info", "skip"),
        ),
    )

    def check(self, doc, opts):
        config = tuple(opts["sources"]), tuple(opts["kinds"]), tuple(opts["allow"]), tuple(opts["extra"])
        entries, trie = lexicon(*config)
        # Each distinct word once (a set of the shared strings): the parts of every use
        # of them, one string per word of a long article, were most of its audit's peak.
        parts, by_word = _parts(set(doc.texts)), _entry_words(*config)
        # The entries whose words the article holds, by their key word (the longest).
        phrases = {word: [p for p in by_word[word] if p[0] <= parts] for word in parts.intersection(by_word)}
        phrases = {word: listed for word, listed in phrases.items() if listed}
        if not phrases:
            return
        titles = opts["headings-and-links"]
        links = sorted((e.start, e.end) for e in doc.elements if e.kind == "link") if titles != "flag" else []
        for sentence, keys in sentences_with_keys(doc, phrases):
            in_heading = titles != "flag" and doc.blocks[sentence.block].kind in HEADINGS
            if in_heading and titles == "skip":
                continue
            parts = _parts(set(sentence.words.texts))
            if not any(words <= parts for key in keys for words, _ in phrases[key]):
                continue
            toks = list(tokens(sentence))
            masked, longest = [], {}
            for i, j, key, value in matches(trie, toks):
                if key == "!":
                    masked.append((i, j, value))
                else:
                    longest[i] = (j, value)  # matches come shortest first
            after = 0
            for i in sorted(longest):
                j, (index, tag) = longest[i]
                if i < after:
                    continue
                if any(a <= i and j <= b and (None in owners or index in owners) for a, b, owners in masked):
                    continue
                after = j
                entry = entries[index]
                if entry["context"] == "edge" and not _at_edge(sentence, toks[i][1], toks[j - 1][2]):
                    continue
                if entry["context"] == "verb" and i and toks[i - 1][0] in DETERMINERS:
                    continue
                found = self._finding(doc, entry, tag, toks, i, j)
                if in_heading or links and _in_link(links, found.start, found.end):
                    if titles == "skip":
                        continue
                    found = found._replace(severity=Severity.INFO, fix=None)  # names the subject
                yield found

    def _finding(self, doc, entry, tag, toks, i, j):
        start, end = doc.span(toks[i][1], toks[j - 1][2])
        text = doc.text[toks[i][1] : toks[j - 1][2]]
        prev = toks[i - 1][0] if i else ""
        head = words_of(text)[0]
        alts = [a for a in entry["replacement"].split("|") if a]
        alts = [
            a[1:] if a[0] == "=" else a if a == "(omit)" else inflect_replacement(a, entry["inflect"], tag, prev)
            for a in alts
        ]
        alts = [_match_case(a, text) for a in alts if a]
        why = f"'{text}' is {WHY[entry['kind']]}"
        if not alts:
            return self.finding(start, end, f"{why}: rephrase it in plain words.")
        if alts == ["(omit)"]:
            return self.finding(start, end, f"{why}: you can usually leave it out.", suggestion="(omit)")
        said = " or ".join("leaving it out" if a == "(omit)" else f"'{a}'" for a in alts)
        fix = None
        if len(alts) == 1 and alts[0] != "(omit)" and not (tag == "base" and head in AMBIGUOUS_BASE):
            fix = Fix(start, end, alts[0], safe=False)
        return self.finding(start, end, f"{why}: try {said}.", suggestion=" / ".join(alts), fix=fix)


def _in_link(links: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does the source span [start, end) lie inside one of the (sorted) link spans?"""
    k = bisect_right(links, (start, float("inf"))) - 1
    return k >= 0 and links[k][0] <= start and end <= links[k][1]


def _at_edge(sentence, prose_start: int, prose_end: int) -> bool:
    """At a sentence (or quotation) start, or just before punctuation."""
    before = sentence.text[: prose_start - sentence.prose_start].strip(" \t\n\"'“‘(—–-")
    after = sentence.text[prose_end - sentence.prose_start :].lstrip()
    return not before or before[-1] in ":;" or not after or after[0] in ',.;:!?)"”’—–-'


def _match_case(replacement: str, matched: str) -> str:
    if replacement == "(omit)" or not matched[:1].isupper():
        return replacement
    if matched.isupper() and len(matched) > 1:
        return replacement.upper()
    return replacement[:1].upper() + replacement[1:]


RULE = Jargon
