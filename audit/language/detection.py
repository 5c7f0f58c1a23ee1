"""Is this English? A cheap, offline check, block by block, before the language-bound rules run.

The rules measure English prose: on French or Russian text they would report
nonsense (every word a typo, reading grades from English syllable counts). English
running text is full of a few short function words ("the", "with", "which") that
are rare in other languages, so their share of the words tells English from the
rest in one pass, with no model or download. Words that are also common in other
languages written in the Latin alphabet are left out of the list ("a", "in", "on",
"is", "was", "to", "as", "no", "die", "for", "at", "over"), so French, German or
Spanish text scores near zero while English news scores about 0.28 (0.11 at the
lowest over 2,225 BBC articles, sports tables included).

Few English function words is not enough to call a text foreign: a list of names, a
table of figures or a page of commands has none either. A text is in another
language only on positive evidence: most of its letters outside the Latin alphabet
(Cyrillic, Greek, Arabic, Chinese, Japanese), or a large share of the function words
of another language written in it (`FOREIGN_FUNCTION_WORDS`: "le", "und", "het",
"się"...). Anything else is English, and text too short to tell is undecided.

The engine asks this of each block (paragraph, heading, list item) and of the whole
article (`blocks_to_skip`): a block clearly in another language is skipped by the
language-bound rules; an undecided block (a heading, a short item) goes with the
article.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress, filterfalse
from operator import itemgetter
from typing import NamedTuple

ENGLISH = "en"
NOT_ENGLISH = "not-en"

FUNCTION_WORDS = frozenset(
    """the and that with this from have has had are were been being be by it its they
    them their there these those which who whom whose what when where while would could
    should shall not but than then into about after before because between through
    during without against under upon we you your our his him she he he's it's
    said says also very just only other such some any each every both more most much
    many can cannot can't don't doesn't didn't won't isn't wasn't aren't weren't
    how why if up out off all one two new first last year years""".split()
)
# The commonest short words of the languages written in the Latin alphabet that an
# article in this corpus is likeliest to be in, leaving out every word that is also
# English ("a", "i", "in", "do", "no", "die", "son", "also"), every word of one letter
# (an initial: "W Servat, O Milloud") and every particle of a name ("de", "la", "van",
# "der", "du", "da", "di"): evidence of a language, which a list of names, however
# long, lacks.
FOREIGN_FUNCTION_WORDS = frozenset(
    """les des et est une un au aux ce ces il elle ils nous vous ne pas que qui dans pour
    sur avec par mais où sont été être cette ses leur leurs comme très sans selon das
    und ist nicht mit sich dem ein eine einer einen zu auf auch es im sie ich wir werden
    wird sind zum zur bei nach aus wie noch nur oder aber wenn über für los las en es
    por con para lo su sus como más pero una muy sobre entre también fue ha se che della
    delle dei degli gli non sono nel nella anche più ma questo os das em um uma não na
    mais ao het een dat op te niet zijn voor ook aan wordt worden bij er maar nog om
    naar się że nie jest za przez są być był tylko już jego jej ich może też przed od po
    ze co aż oraz jak ale tak dla och att det som är på med inte av jag ett og er ikke
    je jsou ve bir bu ile için çok ja ei että oli az és hogy egy meg csak yang dan ini
    itu dengan untuk dari dalam tidak akan ke și în cu pe care este din của và là có các
    được trong cho người không một những et ut sed quis eu enim duis""".split()
)
MIN_WORDS = 40  # fewer alphabetic words than this in an article: too short to tell
MIN_LETTERS = 100  # the same for the alphabet test (CJK text has few space-separated words)
BLOCK_MIN_WORDS = 10  # a block: a French quote of two lines is told, a heading is not
BLOCK_MIN_LETTERS = 30
# English news scores 0.11 at the lowest, other languages under 0.02 (tests/test_bad_input.py).
THRESHOLD = 0.06
# Text in those languages scores 0.2 to 0.4; a list of names, a few hundredths (its "de", "van").
FOREIGN_THRESHOLD = 0.12
_LATIN_END = 0x250  # Basic Latin .. Latin Extended-B


class Profile(NamedTuple):
    """What the verdict is drawn from: counts, so that the profiles of a document's
    blocks add up to the document's (`combined`)."""

    hits: int  # alphabetic words that are English function words
    foreign: int  # alphabetic words that are another language's function words
    words: int  # alphabetic words
    letters: int
    latin: int  # of the letters, in the Latin alphabet

    @property
    def share(self) -> float:
        """Of the alphabetic words, English function words."""
        return self.hits / self.words if self.words else 0.0

    @property
    def foreign_share(self) -> float:
        """Of the alphabetic words, another language's function words."""
        return self.foreign / self.words if self.words else 0.0


def combined(profiles: Iterable[Profile]) -> Profile:
    """The profile of the words of all these profiles together."""
    profiles = list(profiles)
    return Profile(*map(sum, zip(*profiles, strict=True))) if profiles else Profile(0, 0, 0, 0, 0)


def profile(words: Iterable[str], lowered_words: Iterable[str] | None = None) -> Profile:
    """The profile of some words; `lowered_words`: the words in lower case, if the
    caller has them."""
    words = list(words)
    starts_alphabetic = list(map(str.isalpha, map(itemgetter(0), words)))  # a token is never empty
    alphabetic = list(compress(words, starts_alphabetic))
    lowered = list(
        compress(lowered_words, starts_alphabetic) if lowered_words is not None else map(str.lower, alphabetic)
    )
    hits = sum(map(FUNCTION_WORDS.__contains__, lowered))
    # An acronym is no function word: "IST", "ET" and "EU" are times and places.
    foreign = sum(
        not (len(word) > 1 and word.isupper())
        for word, low in zip(alphabetic, lowered)
        if low in FOREIGN_FUNCTION_WORDS
    )
    other = list(filterfalse(str.isascii, alphabetic))  # few: "don’t", "café", or a text in Greek
    if other:
        hits += sum(w.replace("\u2019", "'") in FUNCTION_WORDS for w in map(str.lower, other) if "\u2019" in w)
    total, letters = len(alphabetic), sum(map(len, alphabetic))
    # Letters outside the Latin alphabet are in words that are not ASCII.
    latin = letters - sum(ord(c) >= _LATIN_END for w in other for c in w)
    return Profile(hits, foreign, total, letters, latin)


def profile_plain(words: Iterable[str]) -> Profile:
    """The plain form of `profile` (the reference of tests/test_fast_paths.py): every word
    lowered, straightened and looked up, every letter tested. The fast form takes the
    words the document has lowered, works at C speed (map, compress) and straightens and
    tests letters only in words not in ASCII: those hold no curly apostrophe and only
    Latin letters."""
    alphabetic = [word for word in words if word[0].isalpha()]
    hits = sum(word.lower().replace("\u2019", "'") in FUNCTION_WORDS for word in alphabetic)
    foreign = sum(
        word.lower() in FOREIGN_FUNCTION_WORDS and not (len(word) > 1 and word.isupper()) for word in alphabetic
    )
    total, letters = len(alphabetic), sum(map(len, alphabetic))
    latin = sum(ord(c) < _LATIN_END for word in alphabetic for c in word)
    return Profile(hits, foreign, total, letters, latin)


def verdict(p: Profile, min_words: int = MIN_WORDS, min_letters: int = MIN_LETTERS) -> str | None:
    """NOT_ENGLISH on evidence of another language, ENGLISH on evidence of English (enough
    of its function words), None without either: too short, or a list of names."""
    if p.letters >= min_letters and p.latin * 2 < p.letters:
        return NOT_ENGLISH
    if p.words < min_words:
        return None
    if p.share >= THRESHOLD:
        return ENGLISH
    return NOT_ENGLISH if p.foreign_share >= FOREIGN_THRESHOLD else None


def detect(words: Iterable[str], lowered_words: Iterable[str] | None = None) -> tuple[str, float]:
    """(ENGLISH or NOT_ENGLISH, the share of English function words among the words) of
    a whole text; a text too short to tell is English."""
    p = profile(words, lowered_words)
    return (NOT_ENGLISH if verdict(p) == NOT_ENGLISH else ENGLISH), p.share


def blocks_to_skip(article: Profile, blocks: Iterable[Profile]) -> list[int]:
    """The indices of the blocks (their profiles) that the language-bound rules skip:
    those clearly in another language, and the undecided ones of an article that is."""
    article_foreign = verdict(article) == NOT_ENGLISH
    skipped = []
    for i, block in enumerate(blocks):
        said = verdict(block, BLOCK_MIN_WORDS, BLOCK_MIN_LETTERS)
        if said == NOT_ENGLISH or (said is None and article_foreign):
            skipped.append(i)
    return skipped
