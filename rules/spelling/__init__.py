"""spelling: words that are in no English word list and look like slips of a known word."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from itertools import accumulate, compress, count
from operator import not_

from audit.engine.rule import Option, Rule
from audit.language import lexicon, vocabulary, wordfacts
from audit.results.findings import Severity
from audit.rules.spelling.evidence import evidence_of_terms
from audit.storage.cache import WordMemo

# A token touching one of these is part of a URL, an e-mail address, a path, a
# handle or an HTML entity, not prose; U+FFFC stands where the front end left out
# inline code or markup ("the \ufffcs": a word glued to code is code).
_GLUE = frozenset("/\\@#&_=+<>|~^$%*\ufffc")
# A slip is near a common word: an unknown word whose nearest words are all rarer
# than this SCOWL size is more likely a term ("runc" is not a slip of "runic").
# Only short words: a long one near a rare word is a slip of it ("reblaancing"), while
# a short one is near some rare word whatever it is.
SLIP_LEVEL = 50
SHORT = 5
DIALECT = 2  # odd spellings inside one quotation that make it dialect, not slips
DIALOGUE = 3  # odd spellings in all of an article's quotations that make its dialogue dialect
ABBREVIATION = 4  # letters of a word that may be an abbreviation ("thx", "zram")
ABBREVIATING = 3  # short lower-case words in no list that make an article one that abbreviates
VERY_COMMON = 10  # SCOWL's smallest size: the commonest 4,000 words


class Spelling(Rule):
    """Flags words that are in no English word list for any variant and sit one or
    two slips away from a common word (a transposition, a neighbouring key, a letter
    missed, doubled or swapped); the likeliest word is the suggestion.

    The word lists are SCOWL's (en-US, en-GB, en-CA, en-AU); every variant's
    spellings are accepted here, and the `english-variant` rule says when a word
    belongs to another variant than the configured one. To stay quiet on names, it
    skips capitalised words inside a sentence, all-caps acronyms, mixed-case brands
    ("iPod"), words with digits, URLs and e-mail addresses, and a word the article
    uses three times or more (parts of compounds too); a capitalised first word is
    flagged only when it is a clear slip of a common word ("Teh"). It weighs what the
    article shows: a word it also writes in code or a link's target, or in a heading
    and again in the text, is a term; a word whose nearest listed words are all rare
    ("kanban") is no slip; several odd spellings inside one block's quotations are
    dialect ("afther", "goin'"), and so are three or more in all of an article's
    quotations. A lower-case word of two letters ("og", "fs") is an
    abbreviation, and so is one of three or four in an article that writes three or
    more such words in no list ("thx", "ppl", "zram"). In a batch, a word that `run-vocabulary` files or
    more of the run use is a term of the run ("kube", "memcg"), unless a listed word
    one edit away is used in four times as many (then it is a slip: "recieve").
    Code-shaped tokens (snake_case, camelCase, dotted names, paths, versions,
    --flags) and words glued to left-out code are skipped.
    Common technical words (repo, async, backend, kubectl) are known. Suggestions are
    spelt in the configured variant. Project words go in `accept` or the top-level
    `vocabulary` and `vocabulary-file` (words or patterns); `reject` lists words
    always flagged.

    Why:
    A misspelt word tells readers nobody checked the text, and screen readers
    mispronounce it. Plain spell checkers bury the few real slips under alarms on
    every name; this one uses what the article itself shows about its names.

    Bad:
    The minsiter said the goverment would recieve the report tomorow.

    Good:
    The minister said the government would receive the report tomorrow.
    """

    id = "spelling"
    category = "typo"
    summary = "Misspelt word"
    severity = Severity.WARNING
    options = (
        Option("accept", list, (), "project words never flagged (any case; parts of compounds too)"),
        Option("reject", list, (), "words always flagged, even when a word list holds them"),
        Option("repeated", int, 3, "a word used this many times in the article is taken as meant", minimum=2),
        Option(
            "run-vocabulary",
            int,
            3,
            "a word in no list used in this many files of one run is a term of the run (0: off)",
            minimum=0,
        ),
        Option(
            "vocabulary",
            list,
            (),
            "project words or regular expressions (matched in full) never flagged; "
            "set by the top-level `vocabulary` and `vocabulary-file`",
        ),
        Option(
            "vocabulary-reject",
            list,
            (),
            "words or regular expressions always flagged; set by `!` lines of the `vocabulary-file`",
        ),
    )

    def check(self, doc, opts):
        mask = lexicon.variant_mask(doc.language)
        accept = {w.casefold() for w in opts["accept"]}
        reject = {w.casefold() for w in opts["reject"]}
        accepted, rejected = vocabulary.compile(opts["vocabulary"]), vocabulary.compile(opts["vocabulary-reject"])
        texts = doc.texts
        # Only the words that may be flagged are visited: most are fine wherever they
        # stand (memoised: listed, an acronym, a name in mixed case, or too long to judge).
        doubtful = list(compress(count(), map(not_, map(NEVER_FLAGGED.__getitem__, texts))))
        plain = sum(map(str.islower, filter(str.isalpha, texts)))
        unknown = sum(1 for i in doubtful if texts[i].isalpha() and texts[i].islower())
        if unknown >= 20 and unknown > plain / 4:
            return  # a quarter of the words in no list: not English prose, or not prose
        every = reject or rejected.words or rejected.patterns
        # Short words in no list, several of them: an article that abbreviates ("ppl",
        # "thx", "ipc", "fka") or names things tersely ("tmux", "zram"); there a short
        # unknown word is likelier one of those than a slip (news has none or one).
        short = {t for i in doubtful if len(t := texts[i]) <= ABBREVIATION and t.isalpha() and t.islower()}
        abbreviates = sum(1 for t in short if not _fine_as_written(t)) >= ABBREVIATING
        counts = Counter(map(BASES.__getitem__, texts))
        # Uses of a word, the parts of compounds too: "kube" in "kube-proxy", "kube-scheduler".
        uses = counts + Counter(part for t in texts if "-" in t for part in map(_base, t.split("-")) if part)
        text = doc.text
        evidence = evidence_of_terms(doc, uses)
        ends = list(accumulate(len(s.words) for s in doc.sentences))  # past each sentence's last word
        found = []  # (finding, the quotation it is in): slips in dialogue are judged together below
        for position in range(len(texts)) if every else doubtful:
            k = bisect_right(ends, position)
            words = doc.sentences[k].words
            index = position - (ends[k - 1] if k else 0)
            word, base = words[index], BASES[texts[position]]
            refused = base in reject or rejected.match(word.text)
            if uses[base] >= opts["repeated"] and not refused:
                continue  # used throughout: meant, whatever the lists say
            if _glued(text, word.prose_start, word.prose_end) or not word.text[:1].isalpha():
                continue
            if _label(doc, word, k):
                continue
            first = index == 0 or _quote_opens(text[words[index - 1].prose_end : word.prose_start])
            pieces = word.text.split("-")
            if len(pieces) > 1 and any(p[:1].isupper() for p in pieces[0 if not first else 1 :]):
                continue  # a hyphenated name: "Chung Mong-koo", "Dai-ichi", "Hartz-IV"
            before_name = index + 1 < len(words) and words[index + 1].text[:1].isupper()
            for offset, part in lexicon.word_parts(word.text):
                key = part.casefold()
                if key in accept or accepted.match(part) or any(map(str.isdigit, part)):
                    continue
                start = word.prose_start + offset
                if key in reject or rejected.match(part):
                    yield self.finding(
                        *doc.span(start, start + len(part)), f"'{part}' is on the project's reject list."
                    )
                    continue
                if evidence.is_term(key):
                    continue  # in code, a link or a heading of the article: a term it names
                if key in doc.run_vocabulary and not _contraction(part):
                    continue  # used by the run's other articles too ("doesnt" is still "doesn't")
                if part.islower() and len(part) <= (ABBREVIATION if abbreviates else 2) and not _plain_slip(part):
                    continue  # "og", "fs": two letters are an abbreviation, not a slip; see `abbreviates`
                name_slot = not (first and offset == 0) or before_name or counts[key] > 1
                suggestions = _verdict(part, name_slot, mask, len(pieces) > 1)
                if suggestions:
                    message = f"Unknown word '{part}'; did you mean " + " or ".join(f"'{s}'" for s in suggestions) + "?"
                    finding = self.finding(*doc.span(start, start + len(part)), message, suggestion=suggestions[0])
                    found.append((finding, evidence.quoted(start)))
        # Several odd spellings inside one quotation are dialect, eye dialect or a quoted
        # comment written as its writer wrote it ("afther", "goin'"): not slips.
        # Two real slips in one quotation happen in news, so two odd spellings count only
        # beside a dropped letter, and else it takes three.
        # The same across the article's dialogue: a novel's speakers spell their own
        # way ("aint", "sarvant", "luny"), one odd word to a line.
        quoted = Counter(quote for _, quote in found if quote is not None)
        dialogue = sum(quoted.values()) + sum(evidence.elided.values()) >= DIALOGUE
        for finding, quote in found:
            odd = quoted[quote] + evidence.elided[quote] if quote is not None else 0
            if quote is not None and dialogue:
                continue
            if odd < DIALECT or (odd < DIALECT + 1 and not evidence.elided[quote]):
                yield finding


def _never_flagged(token: str) -> bool:
    """A token that is fine wherever it stands (unless the project rejects words). Most
    are; this spares them the checks that depend on the token's place: a number, a
    word in no doubt, or a compound or clitic ("didn't", "well-known") whose every
    checked part is."""
    if token.isalpha():
        return wordfacts.common(token) is not None or _fine_as_written(token)
    # A part in letters is a token too, whose answer is likely in the memo ("well", "known").
    return not token[:1].isalpha() or all(
        NEVER_FLAGGED[part] if part.isalpha() else _fine_as_written(part) or any(map(str.isdigit, part))
        for _, part in lexicon.word_parts(token)
    )


def _fine_as_written(part: str) -> bool:
    """A letter, an acronym, a mixed-case brand or name (iPod, LeClair), or a listed word."""
    return (
        not 2 <= len(part) <= lexicon.MAX_WORD
        or part.isupper()
        or any(map(str.isupper, part[1:]))
        or lexicon.known(part)
    )


def _base(token: str) -> str:
    """The article-wide key of a word: case folded, possessive dropped."""
    key = token.casefold().replace("’", "'")
    return key[:-2] if key.endswith("'s") else key


NEVER_FLAGGED, BASES = WordMemo(_never_flagged), WordMemo(_base)


def _label(doc, word, k: int) -> bool:
    """A word standing alone as a label, not in a sentence: all of a list item ("- klog",
    "- provider-vsphere") or of a pair of brackets ("[sallyom] to follow up", "(rkouj)"):
    a name of a project, a team or a person's handle."""
    sentence = doc.sentences[k]
    if len(sentence.words) == 1 and doc.blocks[sentence.block].kind == "list-item":
        return len(doc.blocks[sentence.block].sentences) == 1
    source = doc.source
    after = source[word.end : word.end + 2]  # "\\]": Markdown's escaped bracket ("\\[akhil\\]")
    return source[word.start - 1 : word.start] in ("[", "(") and (after[:1] in ("]", ")") or after in ("\\]", "\\)"))


def _quote_opens(gap: str) -> bool:
    """A quotation opens between two words: 'said: "Teh...', 'said, “The...' (not
    '..., installed," Authenti-corp')."""
    quote, before = gap[-1:], gap[:-1]
    opens = quote in "“‘" or (quote in "\"'" and before[-1:].isspace())
    return opens and before.rstrip()[-1:] in (":", ",")


def _glued(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before in _GLUE or after in _GLUE or before == ".":
        return True
    if before == "-" and (start < 2 or text[start - 2] in "- \t\n(\"'"):
        return True  # a command-line flag: "--verbose", "-rf"
    word = text[start:end]
    if after in "'’" and (word.endswith("in") or len(word) <= 2):
        return True  # "lovin'", "goin'", "an'": a letter dropped on purpose
    if before in "'’" and (start < 2 or not text[start - 2].isalnum()):
        if len(word) <= 3 or lexicon.known("h" + word):
            return True  # "'tis", "'em", "'orrible": a letter dropped on purpose
    return after == "." and end + 1 < len(text) and text[end + 1].isalnum()


def _verdict(part: str, name_slot: bool, mask: int, in_compound: bool) -> tuple[str, ...]:
    """The suggestions for a word that looks misspelt; empty when it is fine or may
    be a name or a deliberate coinage."""
    if _fine_as_written(part):
        return ()
    if part[0].isupper():
        # Capitalised inside a sentence, before another capitalised word or used
        # again, it is a name; a capitalised first word must be a plain slip.
        return () if name_slot else lexicon.slips(part, lexicon.COMMON_LEVEL, missed=len(part) >= 5)[:3]
    if len(part) > (2 if in_compound else 4) and part[-1] == "s" != part[-2] and lexicon.level_of(part[:-1].lower()):
        return ()  # a plural of a listed word ("schoolfriends", "add-ons"), not "thes" or "passs"
    # One edit first: whether it is a compound never depends on words two edits away,
    # and the costly two-edit search is left to the words that need suggestions.
    distance, near = lexicon.nearest(part, mask, max_distance=1)
    slip_of_common = distance == 1 and (lexicon.level_of(near[0].lower()) or 99) <= lexicon.COMMON_LEVEL
    if not slip_of_common and (lexicon.is_compound(part, strict=distance == 1) or lexicon.is_derived(part)):
        return ()  # "bandmates", "unpatched", "monthish": words run together or made on purpose
    contraction = _contraction(part)
    if contraction:
        return (contraction,)  # "doesnt", "youre": an apostrophe left out
    found = lexicon.suggestions(part, mask)
    near = lexicon.nearest(part, mask)[1]
    if found and len(part) <= SHORT and all((lexicon.level_of(w.lower()) or 99) > SLIP_LEVEL for w in near):
        return ()  # short and near only rare words: likelier a term than a slip ("runc", "klog")
    return found


def _plain_slip(part: str) -> bool:
    """A short word that is a slip whoever writes it: a contraction without its
    apostrophe ("dont"), or keys swapped, doubled or hit beside in one of the
    commonest words ("teh", "wiht", "foor"), which no abbreviation looks like."""
    return bool(_contraction(part) or (len(part) > 2 and lexicon.slips(part, VERY_COMMON, missed=False)))


def _contraction(part: str) -> str | None:
    """The contraction a word is with its apostrophe left out ("isnt", "youre"), if any."""
    low = part.lower()
    for cut in (len(low) - 1, len(low) - 2):
        if cut > 1:
            form = part[:cut] + "'" + part[cut:]
            if low[cut:] in ("t", "re", "ve", "ll", "d", "m") and lexicon.known(form) and "'" in form:
                return form
    return None


RULE = Spelling
