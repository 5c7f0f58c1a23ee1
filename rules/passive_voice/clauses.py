"""Passive-voice detection: find passive clauses (be/get + past participle) in a document.

Used by the `passive-voice` rule; the word lists are data files in `rules/data/`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count, repeat
from operator import contains, or_

from audit.language.capitals import shouted
from audit.rules import DATA

BE = frozenset("am is are was were be been being".split())
GET = frozenset("get gets got gotten getting".split())
# Negations typed without their apostrophe ("isn cancelled", "wasnt approved").
TYPED_NOT = {"isn": "is", "isnt": "is", "aren": "are", "arent": "are", "wasn": "was", "wasnt": "was"}
TYPED_NOT |= {"weren": "were", "werent": "were"}
STARTS = BE | GET | TYPED_NOT.keys()  # the words a passive group starts at (with contractions: "it's been")
HAVE = frozenset("have has had having".split())
MODAL = frozenset("will would can could may might must shall should do does did".split())
WH = frozenset("why how when where what who whom which whether and but so".split())
S_HOSTS = frozenset("it he she that there here what who where how everything everyone nothing something".split())
PEOPLE = frozenset("he she who everyone someone anyone nobody".split())
DETERMINER = frozenset(
    "the a an this that these those his her their its our my your some no every any "
    "all each me him them us it you".split()
)
CLAUSE_END = frozenset(
    "and but or which who whom that when while because after before since as if than "
    "though although unless whether".split()
)
AGENT_END = CLAUSE_END | frozenset(
    "in on at for with to from during over into under until about against through "
    "across between within without among amid despite following via per "
    "he she they we i it".split()
)
FOLLOWS = frozenset(  # words that may follow a participle in a passive
    "by in on at for with to from into onto out off up down over under about after before during since "
    "through across against between within without among around away back again as than of until amid "
    "despite following via per and or".split()
)
AUXILIARY = MODAL | HAVE
BEFORE_BE = AUXILIARY | {"not", "never"}
NOT_SUBJECT = BE | GET | AUXILIARY | CLAUSE_END | {"to"}
PRONOUN_AGENTS = frozenset("me him her them us it you".split())
PLURAL = frozenset("they we you i them us me police people staff children men women".split())
SUBJECT = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "I", "whom": "who"}
CONTRACTED = {"won't": "will", "can't": "can", "shan't": "shall", "ain't": "is", "cannot": "can"}
CLITIC = {"re": "are", "m": "am", "ve": "have", "ll": "will"}
SOLID_PREFIXES = ("re", "over", "under", "mis", "out", "with", "fore", "up", "off")
DOUBLING = frozenset("begin forget forbid upset beset".split())
POINTING = frozenset("a an the this that these those each every".split())  # "by this time"
YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
CVC = re.compile(r"(?:^|[^aeiou]|[qgs]u)[aeiouy][^aeiouwxy]$")


@dataclass(frozen=True, slots=True)
class Clause:
    """One passive verb group: sentence index, source span, its prose text, agent, active wording."""

    sentence: int
    start: int
    end: int
    text: str
    agent: str | None = None
    active: str | None = None


class Lexicon:
    """The rule's word lists (rules/data), loaded once per process."""

    def __init__(self) -> None:
        def rows(name: str):
            for line in (DATA / name).read_text(encoding="utf-8").splitlines():
                if fields := line.split("#", 1)[0].split():
                    yield fields

        self.irregular: dict[str, tuple[str, str]] = {}  # participle -> (base, past)
        for base, past, participles in rows("irregular_participles.txt"):
            for p in participles.split("/"):
                self.irregular.setdefault(p, (base, past.split("/")[0]))
        self.stative = {row[0]: tuple(row[1:]) for row in rows("passive_stative.txt")}
        sets: dict[str, set[str]] = {}
        for row in rows("passive_lexicon.txt"):
            if row[0].startswith("["):
                words = sets.setdefault(row[0].strip("[]"), set())
            else:
                words.update(row)
        for name, words in sets.items():
            setattr(self, name.replace("-", "_"), frozenset(words))

    @lru_cache(maxsize=8192)  # noqa: B019 -- one lexicon per process, alive as long as it
    def participle(self, w: str) -> bool:
        """Is the (lower-case) word a past participle that can make a passive?"""
        if w in self.not_participles:
            return False
        if w in self.irregular or w in self.verb_forms:
            return True
        if "-" in w:
            head, _, tail = w.partition("-")
            return (head in self.verb_prefixes or head in self.hyphen_heads) and self.participle(tail)
        if w.startswith("un") and not w.startswith("under") and self.participle(w[2:]):
            return False  # "unexpected", "unchanged": adjectives
        if any(w.startswith(p) and w[len(p) :] in self.irregular for p in SOLID_PREFIXES if len(w) > len(p) + 2):
            return True  # "rebuilt", "overtaken", "withheld"
        return len(w) > 3 and w.endswith("ed") and w.isalpha()

    @lru_cache(maxsize=4096)  # noqa: B019 -- as above
    def forms(self, p: str) -> tuple[str, str, str]:
        """(base, past, -ing form) of a participle, for the active-voice suggestion."""
        for prefix in ("",) + SOLID_PREFIXES + tuple(v + "-" for v in self.verb_prefixes):
            rest = p[len(prefix) :]
            if p.startswith(prefix) and rest in self.irregular:
                base, past = self.irregular[rest]
                ing = base + base[-1] if base in DOUBLING or (CVC.search(base) and _syllables(base) == 1) else base
                return prefix + base, prefix + past, prefix + _ing(ing)
        if p.endswith("ied"):
            base = p[:-3] + ("ie" if len(p) == 4 else "y")
        elif p.endswith("eed"):
            base = p[:-1]
        else:
            s = p[:-2]
            double = len(s) > 3 and s[-1] == s[-2] and s[-1] not in "aeiouy"
            one_vowel = len(re.findall(r"[aeiouy]", s.replace("qu", "q"))) == 1  # "called", but "fuelled"
            if double and not (s[-1] in "sfz" or s[-1] == "l" and (one_vowel or s in self.base_plain)):
                return s[:-1], p, s + "ing"  # "stopped", "travelled"
            base = s + "e" if s not in self.base_plain and (s in self.base_e or _wants_e(s)) else s
        return base, p, _ing(base)


def _syllables(s: str) -> int:
    return len(re.findall(r"[aeiouy]+", s))


def _ing(base: str) -> str:
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    return base + "ing"


def _wants_e(s: str) -> bool:
    """Does the stem of a regular participle take back a final "e" ("approv" -> "approve")?"""
    if s[-1] in "vcu" or s[-1] == "z" and not s.endswith(("tz", "zz")) or s.endswith(("iat", "uat")):
        return True
    if s[-1] == "s":
        return not s.endswith("ss")
    if s[-1] == "g":
        return not s.endswith("ng") or len(s) > 4 and s[-3] in "aeu"  # "change", "plunge"; "hang"
    if s[-1] in "lr" and s[-2] not in "aeiourlw" or s.endswith("th") and s[-3] in "aeio":
        return True  # "handle", "centre", "breathe"
    if not CVC.search(s):
        return False  # "want", "treat", "show"
    if _syllables(s) == 1:
        return True  # a short vowel would have doubled: "hoped", "fined"
    return s[-2:] not in ("it", "et", "en", "an", "al", "el", "om", "em", "ip", "op", "up", "ep", "er", "or")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()


def clauses(doc) -> tuple[Clause, ...]:
    """The document's passive clauses, computed once and kept in `doc.cache.passive`."""
    cache = doc.cache
    if cache.passive is None:
        lex = lexicon()
        low = doc.lower_words
        if "\u2019" in doc.text:  # curly apostrophes straightened
            low = [w.replace("\u2019", "'") for w in low]
        found, start = [], 0
        for n, sentence in enumerate(doc.sentences):
            end = start + len(sentence.words)
            words = low[start:end]
            start = end
            # Most sentences hold no form of "be" or "get" and no contraction: no passive.
            if not STARTS.isdisjoint(words) or "'" in "\n".join(words):
                found += _Scan(doc, n, sentence, lex, words).clauses()
        cache.passive = tuple(found)
    return cache.passive


class _Scan:
    """Finds the passive verb groups of one sentence in its word tokens."""

    def __init__(self, doc, index, sentence, lex: Lexicon, low: list[str]) -> None:
        self.doc, self.index, self.lex = doc, index, lex
        # The words' texts and prose offsets as columns, read by index at C speed; a
        # `Word` is made only for a clause found (a sentence may be a whole article).
        self.words = sentence.words
        self.texts = sentence.words.texts
        self.starts, self.ends = sentence.words.prose_starts, sentence.words.prose_ends
        self.low = low  # the words in lower case, curly apostrophes straightened
        self.question = sentence.text.rstrip("\"'”’) ").endswith("?")
        # "THE BILL WAS PASSED": case tells nothing (more than 3 letters, 80% capitals)
        self.shout = shouted(sentence.text, 0.8) and sum(map(str.isalpha, sentence.text)) > 3

    def lower(self, k: int) -> bool:
        """Is word k written in lower case (any word, in a sentence in capitals)?"""
        return self.shout or self.texts[k][:1].islower()

    def joined(self, a: int) -> bool:
        """Words a and a+1 are one phrase: only spaces between them (or a comma by an adverb)."""
        gap = self.gap(a)
        return not gap or gap == "," and (self.adverb(a) or self.adverb(a + 1))

    def adverb(self, i: int) -> bool:
        w = self.low[i]
        return self.lower(i) and (
            w in self.lex.adverbs or w.endswith("ly") and len(w) > 4 and w not in self.lex.not_adverbs
        )

    def aux(self, i: int) -> tuple[tuple[str, ...], int]:
        """Auxiliary words a token stands for ("wasn't" -> was not) and where they start in it."""
        t, nxt = self.low[i], self.low[i + 1] if i + 1 < len(self.low) else ""
        if t in TYPED_NOT:
            return (TYPED_NOT[t], "not"), 0
        if t in CONTRACTED or t.endswith("n't"):
            return (CONTRACTED.get(t, t[:-3]), "not"), 0
        host, apostrophe, clitic = t.rpartition("'")
        if not apostrophe:
            return (t,), 0
        if clitic == "s" and (host in S_HOSTS or nxt in ("been", "being")):
            return ("has" if nxt in ("been", "got") else "is",), len(host)
        if clitic == "nt" and host in BE:
            return (host, "not"), 0  # "is'nt", "was'nt": the apostrophe typed a letter early
        if clitic == "d":
            return ("had" if nxt == "been" else "would",), len(host)
        return ((CLITIC[clitic],), len(host)) if clitic in CLITIC and host else ((), 0)

    def clauses(self):
        low, n, i = self.low, len(self.low), 0
        # The words a group can start at, found at C speed; `i` is where the scan may resume.
        starts = compress(count(), map(or_, map(STARTS.__contains__, low), map(contains, low, repeat("'"))))
        for at in starts:
            if at < i:
                continue
            i = at
            words, _ = self.aux(i)
            kind = "be" if words[:1] and words[0] in BE else "get" if low[i] in GET else None
            if kind == "get" and i and self.aux(i - 1)[0][:1] in (("has",), ("have",), ("had",)):
                kind = None  # "has got": possession
            j = i + 1
            while j < n and kind and self.joined(j - 1):
                if low[j] in ("been", "being", "getting"):
                    kind = "get" if low[j] == "getting" else kind
                elif low[j] == "no" and j + 1 < n and low[j + 1] == "longer":
                    j += 1
                elif not self.adverb(j):
                    break
                j += 1
            p = (
                j
                if kind
                and j < n
                and self.joined(j - 1)
                and (self.is_participle(j, i) or kind == "get" and self.lex_get(j))
                else None
            )
            if p is None and kind == "be" and self.question and words[0] in ("is", "are", "am", "was", "were"):
                p = self.inverted(i)
            if p is None:
                i = max(i + 1, j)  # words up to j cannot start a passive either: stays linear
                continue
            if self.adjectival(i, p, kind, words):
                i = p + 1
                continue
            yield self.clause(i, p, kind)
            i = self.last + 1

    def is_participle(self, j: int, i: int) -> bool:
        """A participle in lower case, or in a title-case headline ("Man Was Arrested")."""
        text, aux = self.texts[j], self.texts[i]
        return self.lex.participle(self.low[j]) and (self.lower(j) or i > 0 and text.istitle() and aux.istitle())

    def lex_get(self, j: int) -> bool:
        """A colloquial participle after "get" ("got beat"), in lower case."""
        return self.low[j] in self.lex.get_participles and self.lower(j)

    def inverted(self, i: int) -> int | None:
        """ "Was the bill passed?": a participle after a short subject, in a question."""
        if i and self.low[i - 1] not in WH or i + 1 < len(self.low) and self.low[i + 1] == "there":
            return None
        for k in range(i + 1, min(len(self.low), i + 6)):
            if not self.joined(k - 1) or self.low[k] in NOT_SUBJECT:
                return None
            if self.low[k - 1] in ("a", "an", "the"):
                continue  # "Is this a planned purchase?": an adjective before a noun
            if k > i + 1 and self.lower(k) and self.lex.participle(self.low[k]):
                return k
        return None

    def after(self, p: int) -> str:
        return self.low[p + 1] if p + 1 < len(self.low) and self.joined(p) else ""

    def adjectival(self, i: int, p: int, kind: str, words: tuple[str, ...]) -> bool:
        """Does the sentence show the participle is an adjective ("is interested in")?"""
        lex, low, w, nxt = self.lex, self.low, self.low[p], self.after(p)
        if nxt == "by":
            return False
        k = i - 1
        while k >= 0 and low[k] in BEFORE_BE:
            k -= 1
        if k >= 0 and low[k] in ("there", "there's") and nxt and nxt not in FOLLOWS and not self.adverb(p + 1):
            return True  # "there will be continued demand": the participle describes a noun
        if nxt == "than" or p - 1 > i and low[p - 1] in lex.degree:
            return True  # "more complicated than", "very worried"
        if kind == "get" and w in lex.get_not_passive:
            return True  # "got married"
        if "-" in w and w.partition("-")[0] in lex.hyphen_heads and words[0] in ("is", "are", "am"):
            return "being" not in low[i + 1 : p]  # "is well-placed", "are highly-rated": a state
        if low[i].endswith("'s") and words == ("is",) and "being" not in low[i + 1 : p] and w not in lex.naming:
            return self.perfect(i, p)
        if w not in lex.stative:
            return False
        conditions = lex.stative[w]
        if not conditions:
            return True
        if all(c.startswith("!") for c in conditions):
            return nxt not in {c[1:] for c in conditions}
        for c in conditions:
            first, plus, then = c.partition("+")
            if c == "present":
                if words[0] in ("is", "are", "am") and not any(x in low[i + 1 : p] for x in ("being", "been")):
                    return True
            elif nxt == first and (not plus or self.complement(p + 2, then)):
                return True
        return False

    def perfect(self, i: int, p: int) -> bool:
        """Is "'s" + participle "has" ("she's joined the board") rather than "is"?"""
        host, w = self.low[i][:-2], self.low[p]
        nxt = self.low[p + 1] if p + 1 < len(self.low) else ""
        if host in PEOPLE:  # "he's won": a perfect, unless a passive shows ("he's expected to")
            return self.after(p) not in ("by", "to", "as")
        if host == "it" and w in self.lex.reporting:
            return False  # "it's understood the talks have stalled"
        return (
            host in ("there", "here")
            or w in self.lex.has_after_s
            or "ever" in self.low[i + 1 : p]
            or (
                nxt in DETERMINER
                or nxt in self.lex.quantities
                or nxt[:1].isdigit()
                or nxt
                and self.texts[p + 1][:1].isupper()
                and nxt not in ("i",)
            )
        )

    def complement(self, k: int, kind: str) -> bool:
        """After "set to"/"used to": does word k start a verb ("rise") or a noun phrase?"""
        w = self.low[k] if k < len(self.low) else ""
        if kind not in ("verb", "noun"):
            return w == kind
        if not w:
            return True  # "the noise we're used to.", "once you're logged in.": nothing follows
        nominal = bool(w) and (w in DETERMINER or w.endswith("ing") or w[:1].isdigit() or self.texts[k][:1].isupper())
        return nominal == (kind == "noun")

    def clause(self, i: int, p: int, kind: str) -> Clause:
        low, n = self.low, len(self.low)
        last, verbs = p, [low[p]]
        while last + 1 < n:  # "were arrested and charged", "was arrested, charged and jailed"
            k, listed = last + 1, self.gap(last) == ","
            conjoined = low[k] in ("and", "or") and (listed or self.joined(last))  # "shared, referenced, and reused"
            if conjoined:
                k += 1
            elif not listed:
                break
            while k < n and self.joined(k - 1) and self.adverb(k):
                k += 1
            if not (k < n and (k == last + 1 or self.joined(k - 1)) and self.is_participle(k, i)):
                break
            nxt = self.after(k)
            if self.adjectival(i, k, kind, ("",)) or nxt and not (nxt in FOLLOWS or self.adverb(k + 1)):
                break  # "was injured and missed the game": an active verb and its object
            if listed and not conjoined and nxt not in ("and", "or") and self.gap(k) != ",":
                break
            last = k
            verbs.append(low[k])
        self.last = last
        start = i
        while start > 0 and self.joined(start - 1):
            before = self.aux(start - 1)[0][:1]
            if not (self.lower(start - 1) or start == 1):
                break  # "in early May were sent": a name, not a modal
            if before and (before[0] in AUXILIARY or before[0] in ("to", "not", "never") and low[i] != "being"):
                start -= 1
            elif (
                start > 1
                and self.adverb(start - 1)
                and self.joined(start - 2)
                and (self.aux(start - 2)[0][:1] and self.aux(start - 2)[0][0] in AUXILIARY)
            ):
                start -= 1  # "will probably be sold"
            else:
                break
        chain = [a for k in range(start, i + 1) for a in self.aux(k)[0]]
        chain += [w for w in low[i + 1 : p] if w in ("been", "being", "getting", "not", "never")]
        found = self.agent(last)
        agent = active = None
        if found:
            a, b = found
            text = " ".join(self.doc.text[self.starts[a] : self.ends[b]].split())
            agent = SUBJECT.get(low[a], text) if a == b and chain[0] != "to" else text
            plural = (
                low[b] in PLURAL
                or "and" in low[a:b]
                or (low[b].endswith("s") and not low[b].endswith(("ss", "us", "is", "'s")) and self.texts[b].islower())
            )
            if not any("-" in v and v.partition("-")[0] in self.lex.hyphen_heads for v in verbs):
                active = " and ".join(self.active(chain, v, plural) for v in verbs)  # none for "well-received"
        first, offset = self.words[start], self.aux(start)[1]  # "it’s been": the group starts at "’s"
        begin = self.doc.span(first.prose_start + offset, first.prose_end)[0] if offset else first.start
        group = " ".join(self.doc.text[first.prose_start + offset : self.words[last].prose_end].split())
        return Clause(self.index, begin, self.words[last].end, group, agent, active)

    def gap(self, k: int) -> str:
        """The punctuation between word k and the next."""
        if k + 1 >= len(self.texts):
            return ""
        return self.doc.text[self.ends[k] : self.starts[k + 1]].strip()

    def agent(self, last: int) -> tuple[int, int] | None:
        """Word span of the doer in "by the committee", if the clause names one."""
        low, n, lex = self.low, len(self.low), self.lex
        m = last + 1
        while m < n and m - last <= 5 and self.joined(m - 1) and low[m] != "by" and low[m] not in CLAUSE_END:
            if low[m] in BE or low[m] in GET or low[m] == "to" or self.lex.participle(low[m]):
                return None  # "by" would belong to another verb
            m += 1
        if not (m + 1 < n and low[m] == "by" and self.joined(m - 1) and self.joined(m)):
            return None
        a = b = m + 1
        first = low[a]
        if first.endswith("ing") or first in lex.not_agent:
            return None
        if first[:1].isdigit() or first in lex.numbers or first in POINTING:
            head = low[a + 1 : a + 3] if a + 1 < n and self.joined(a) else ["-"]
            if not head[0].isalpha() or head[0] in AGENT_END or lex.not_agent_noun.intersection(head):
                return None  # "by 5%", "by two goals", "by a wide margin"; not "by 100 MPs"
            if first[:1].isdigit() and (YEAR.fullmatch(first) or head[0] in DETERMINER or head[0].endswith("ing")):
                return None  # "by 2025 the ministry", "by 13 Going On 30"; not "by 100 MPs"
        while b + 1 < n and b - a < 6 and not self.gap(b) and (low[b + 1] == "and" or low[b + 1] not in AGENT_END):
            if low[b + 1].endswith("ing") and len(low[b + 1]) > 5:
                break  # "by drivers circling the block"
            named = b + 2 < n and (low[b + 2] in DETERMINER or self.texts[b + 2].istitle())
            if low[b + 1] == "and" and not named:
                break  # "by police and charged": the agent ends
            b += 1
        while b > a and (low[b] in DETERMINER or low[b] in ("and", "of")):
            b -= 1
        return None if low[b] in DETERMINER and low[b] not in PRONOUN_AGENTS else (a, b)

    def active(self, chain: list[str], participle: str, plural: bool) -> str:
        """The active verb for the agent: "was approved" -> "approved", "will be" -> "will approve"."""
        base, past, ing = self.lex.forms(participle)
        neg = " never" if "never" in chain else " not" if "not" in chain else ""
        head = chain[0] if chain else "was"
        if head in MODAL:
            if head in ("do", "does"):
                head = "do" if plural else "does"
            return f"{head}{neg} have {participle}" if "have" in chain[1:] else f"{head}{neg} {base}"
        if head == "to":
            return f"to have {participle}" if "have" in chain else f"to {base}"
        if head in HAVE:
            return f"{head if head not in ('has', 'have') else 'have' if plural else 'has'}{neg} {participle}"
        present = head in ("is", "are", "am", "gets", "get")
        if "being" in chain[1:] or "getting" in chain:
            be = ("are" if plural else "is") if present else ("were" if plural else "was")
            return f"{be}{neg} {ing}"
        if neg == " not":
            return f"{'do' if plural else 'does'} not {base}" if present else f"did not {base}"
        return neg.lstrip() + " " * bool(neg) + (_present(base, plural) if present else past)


def _present(base: str, plural: bool) -> str:
    if plural:
        return base
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        return base + "es"
    return base[:-1] + "ies" if base.endswith("y") and base[-2:-1] not in "aeiou" else base + "s"
