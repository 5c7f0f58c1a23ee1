"""The run's vocabulary: words in no English word list that several articles of one run
use, which the `spelling` rule takes as terms of the run, not slips (issue 20).

A word a writer slipped on once is rare; a term of a project ("kube", "kops", "memcg")
turns up in article after article. So a word in no list that the run's articles use in
`run-vocabulary` files or more (an option of `spelling`, 3 by default; 0 turns it off)
is vocabulary, unless a listed word one edit away is used in SLIP_RATIO times as many
of them: then it is likelier a common slip of that word ("recieve" in 3 files beside
"receive" in 300; "dicuss" beside "discuss"). Even so, a word that two or more of the
articles also write in code or a link's target is a term they name ("runc", "gcloud",
beside "run" and "cloud").

Worked out before the batch, from every input's text (markup and code included: a word
a page writes in its code is a term it names), in one pass that keeps, per input, only
its words in no list. Each task then carries the run's words it uses (`Task.vocabulary`,
part of its cache key), so a worker needs nothing else and a result is cached under
exactly the evidence that shaped it. A single input, standard input and the language
server have no run to learn from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from audit.batch.inputs import read_input
from audit.batch.tasks import Task
from audit.document.code_text import code_text
from audit.frontends import InputError, decode, format_of
from audit.language import lexicon, wordfacts

RULE, OPTION = "spelling", "run-vocabulary"
# A listed word one edit away used in this many times as many files makes the word its slip.
SLIP_RATIO = 4
IN_CODE = 2  # inputs that write a word in code that make it a term, slip-like or not
_LETTERS = re.compile(r"[^\W\d_]+")


def with_run_vocabulary(tasks: list[Task], corpus: list[Task] | None = None) -> list[Task]:
    """The tasks, each with the run's vocabulary words it uses (see the module docstring),
    learned from the files of `corpus` (the tasks themselves by default): a run narrowed
    to the articles changed since a commit learns from all the articles it was given, so
    that a term of the project is not a slip in a pull request that touches one file."""
    corpus = tasks if corpus is None else corpus
    wanted = [_min_files(task) for task in corpus]
    learning = [n for n in wanted if n]
    if not learning or len(learning) < min(learning):
        return tasks  # fewer inputs than the fewest files a word must be in: nothing to learn
    common = wordfacts.common_words()  # listed for sure: a set difference drops them at C speed
    files: Counter[str] = Counter()  # in how many inputs each word stands (listed ones too)
    in_code: Counter[str] = Counter()  # in how many inputs it stands in code or a link's target
    odd: list[frozenset[str]] = []  # each input's words that are not common
    for task, n in zip(corpus, wanted):
        words, code = _words_of(task) if n else (set(), set())
        files.update(words)
        odd.append(frozenset(words - common))
        in_code.update(code - common)
    if corpus is not tasks:
        wanted = [_min_files(task) for task in tasks]
        odd = [frozenset(_words_of(task)[0] - common) if n else frozenset() for task, n in zip(tasks, wanted)]
    terms: dict[str, bool] = {}  # a word of several files: is it a term of the run?
    result = []
    for task, n, words in zip(tasks, wanted, odd):
        kept = []
        for word in words:
            if n and files[word] >= n:
                if word not in terms:
                    terms[word] = not lexicon.known(word) and (in_code[word] >= IN_CODE or not _slip(word, files))
                if terms[word]:
                    kept.append(word)
        result.append(replace(task, vocabulary=tuple(sorted(kept))) if kept else task)
    return result


def _min_files(task: Task) -> int:
    """The files a word must be in for this task's spelling rule; 0 when it does not run."""
    if task.settings is None or task.problem is not None or task.data is not None:
        return 0  # not audited, or standard input (no file of a run)
    for rs in task.settings.rules:
        if rs.rule.id == RULE:
            return int(rs.options.get(OPTION, 0) or 0)
    return 0


def _words_of(task: Task) -> tuple[set[str], set[str]]:
    """The input's distinct words, and those of its code and link targets, in lower case;
    none when it cannot be read or decoded (its own audit reports why)."""
    try:
        text = decode(read_input(task.source, max_bytes=task.max_bytes))
    except InputError:
        return set(), set()
    return _words(text.lower()), _words(code_text(format_of(task.path), text))


def _words(text: str) -> set[str]:
    """Three letters or more, and no longer than a word can be (lexicon.MAX_WORD)."""
    return {w for w in set(_LETTERS.findall(text)) if 2 < len(w) <= lexicon.MAX_WORD}


def _slip(word: str, files: Counter[str]) -> bool:
    """A listed word one edit away is used in SLIP_RATIO times as many of the run's files
    (looked up in the run's counts first: most of the edits are in no file)."""
    most = SLIP_RATIO * files[word]
    return any(files.get(near, 0) >= most and lexicon.known(near) for near in lexicon.one_edit(word))
