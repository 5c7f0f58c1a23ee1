"""Word lists: one YAML format, one loader, and a rule made from a list file.

A list file is a Vale rule of the kind `existence` (a list of tokens) or `substitution`
(a mapping of matches to replacements), so a team's Vale styles and the built-in
lists are read by this one loader. The built-in rules read their entries and words
their own findings; `rule_from_file` turns any list file into a rule that matches as
Vale does (docs/word-lists.md has the whole page, with examples).

Vale's keys (https://vale.sh/docs/topics/styles/):

    extends       existence | substitution (required)
    message       what a finding says: `%s` is the match (existence); the suggestion,
                  then the match (substitution). Required by Vale and by rule_from_file;
                  the built-in lists leave it out, as their rules word each message.
    description   a longer explanation
    level         suggestion | warning | error (suggestion -> info); default suggestion
    link          a page that explains the rule
    ignorecase    match regardless of case (default false)
    nonword       match anywhere, not only between word boundaries (default false)
    tokens        existence: the entries, regular expressions (Python's `re` syntax)
    swap          substitution: the entries, match -> replacement; "a|b" in a
                  replacement gives alternatives
    exceptions    matches never flagged (regular expressions, case-sensitive)
    action        {name: replace} words the suggestion as Vale does ('a' or 'b')
    capitalize    substitution: a capitalised match gets capitalised suggestions
    raw, append   existence: regular expression text joined before the tokens (after,
                  with append: true)
    scope, limit, vocab, pos, name, matchcase, tests
                  accepted so that Vale files load; not applied

article-audit's keys (Vale rejects unknown keys, so a list that uses them is read by
article-audit only; the rest of such a file is plain Vale):

    id            the rule id for rule_from_file (default: the file name, in kebab case)
    why           why the wording matters (the rule's "Why:" section)
    bad, good     an example to avoid and its better wording (required by rule_from_file)
    fix           safe | unsafe | none (default none): whether findings of a
                  substitution carry a fix, the first replacement (safe fixes are
                  applied by --fix, unsafe ones only with --fix --unsafe)
    fields        the keys an entry may have besides its match: name -> a list of the
                  values allowed (an entry gives one or a list of them), or `text`
                  (a string), `texts` (a list of strings) or `flag` (true or false)

An entry is a string (a token, or a swap's replacement) or, for the data a rule needs
per entry, a mapping: `{token: ..., <fields>}` in `tokens`, `{to: ..., fix: false,
<fields>}` as a swap's value (`fix: false`: no fix for this entry).

A file is parsed once per machine: the checked table is kept in the cache folder, keyed
by the file's content, and read back with marshal (YAML in pure Python is slow).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from audit.engine.rule import Rule
from audit.results.findings import Fix, Severity
from audit.storage.cache import cached_table

FORMAT = "word-list-1"  # bump when the checked form (what the cache holds) changes
KINDS = ("existence", "substitution")
LEVELS = {"suggestion": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}
FIXES = ("safe", "unsafe", "none")
FIELD_TYPES = ("text", "texts", "flag")
_STRING = ("message", "description", "link", "name", "pos", "id", "why", "bad", "good")
_FLAG = ("ignorecase", "nonword", "append", "vocab", "capitalize", "matchcase")
_KEYS = {
    "existence": {"extends", "tokens", "raw", "append", "exceptions", "ignorecase", "nonword", "vocab"},
    "substitution": {"extends", "swap", "exceptions", "ignorecase", "nonword", "vocab", "capitalize", "pos"},
}
_COMMON = {
    "message",
    "description",
    "level",
    "link",
    "scope",
    "limit",
    "action",
    "name",
    "matchcase",
    "tests",
    "id",
    "why",
    "bad",
    "good",
    "fix",
    "fields",
}
_ID = re.compile(r"[a-z]+(?:-[a-z]+)*")


class WordListError(ValueError):
    """A list file that cannot be used: which file, which key (or line), what is wrong."""

    def __init__(self, path: str, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}")
        self.path, self.key, self.problem = path, key, problem


@dataclass(frozen=True)
class Entry:
    """One token or swap: what it matches, its replacement (substitution), its fields."""

    match: str
    replacement: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)

    @property
    def alternatives(self) -> tuple[str, ...]:
        return alternatives(self.replacement or "")

    def get(self, key: str, default: Any = None) -> Any:
        return self.fields.get(key, default)


def alternatives(replacement: str) -> tuple[str, ...]:
    """A swap's alternatives, as Vale splits them: at each "|" ("\\|" is a "|" in one);
    empty ones dropped."""
    parts = replacement.replace(r"\|", "\0").split("|")
    return tuple(p.replace("\0", "|") for p in parts if p)


@dataclass(frozen=True)
class WordList:
    """A loaded list file: its keys (not its entries) and its entries, in file order."""

    path: str
    keys: Mapping[str, Any]
    entries: tuple[Entry, ...]

    @property
    def kind(self) -> str:
        return self.keys["extends"]

    @property
    def severity(self) -> Severity:
        return LEVELS[self.keys.get("level", "suggestion")]

    def get(self, key: str, default: Any = None) -> Any:
        return self.keys.get(key, default)


@lru_cache(maxsize=64)
def load(path: Path) -> WordList:
    """The list file at `path`, checked; parsed once per machine (see the module doc)."""
    raw = _read(path)
    identity = f"{FORMAT}|{hashlib.sha256(raw).hexdigest()}"
    where = hashlib.sha256(str(path).encode()).hexdigest()[:8]
    table = cached_table(f"word-list-{path.stem}-{where}", identity, lambda: _check(raw, str(path)), tuple)
    return _word_list(str(path), table)


def parse(text: str, path: str = "<text>") -> WordList:
    """A list file's text, checked (no cache: for small lists and tests)."""
    return _word_list(path, _check(text.encode("utf-8"), path))


def _read(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise WordListError(str(path), "file", error.strerror or str(error)) from None


def _word_list(path: str, table: tuple) -> WordList:
    keys, entries = table
    return WordList(path, keys, tuple(Entry(m, r, f) for m, r, f in entries))


# Parsing and checking --------------------------------------------------------------


@lru_cache(maxsize=1)
def _yaml_loader():
    import yaml  # here: a run that finds every list in the cache never imports PyYAML

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        """Safe loading; a key given twice with two values is an error (PyYAML would
        keep the last). The same entry twice is let be: published Vale styles have some."""

    def mapping(loader, node, deep=False):
        seen: dict = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            value = loader.construct_object(value_node, deep=True)
            try:
                if key in seen and seen[key] != value:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"key {key!r} is given twice, with two values", key_node.start_mark
                    )
                seen[key] = value
            except TypeError:
                pass  # an unhashable key: construct_mapping says so
        return loader.construct_mapping(node, deep=deep)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    return yaml, Loader


def read_yaml(raw: bytes, path: str) -> Any:
    """A YAML file's data, loaded safely (the one YAML reader of list files and Vale
    styles); WordListError names the line of YAML that does not parse."""
    yaml, loader = _yaml_loader()
    try:
        return yaml.load(raw.decode("utf-8"), Loader=loader)
    except UnicodeDecodeError as error:
        raise WordListError(path, "file", f"not UTF-8 ({error.reason} at byte {error.start})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "file"
        raise WordListError(path, where, f"not valid YAML: {getattr(error, 'problem', None) or error}") from None


def check_data(data: Any, path: str) -> WordList:
    """A list file's data (as `read_yaml` gives it), checked: for a reader that has the
    data already (the Vale styles loader)."""
    return _word_list(path, _check_mapping(data, path))


def _check(raw: bytes, path: str) -> tuple:
    """(keys, entries) of a list file: marshal-able, so the cache can hold it."""
    return _check_mapping(read_yaml(raw, path), path)


def _check_mapping(data: Any, path: str) -> tuple:
    if not isinstance(data, dict):
        raise WordListError(path, "file", "a list file is a YAML mapping (extends, message, tokens or swap, ...)")
    kind = data.get("extends")
    if kind is None:
        raise WordListError(path, "extends", "is missing (existence or substitution)")
    if kind not in KINDS:
        raise WordListError(path, "extends", f"is {kind!r}; a word list is existence or substitution")
    for key in data:
        if key not in _KEYS[kind] and key not in _COMMON:
            other = next((k for k in KINDS if key in _KEYS[k]), None)
            raise WordListError(
                path,
                str(key),
                f"belongs to {other} lists, not {kind}"
                if other
                else "unknown key (see docs/word-lists.md for the keys)",
            )
    keys = {k: v for k, v in data.items() if k not in ("tokens", "swap")}
    _check_keys(path, keys)
    fields = keys.get("fields", {})
    if kind == "existence":
        tokens = data.get("tokens", [] if "raw" in data else None)  # Vale: tokens, raw or both
        entries = list(_tokens(path, tokens, fields))
    else:
        entries = list(_swaps(path, data.get("swap"), fields))
    for i, item in enumerate(keys.get("exceptions", ())):
        _regex(path, f"exceptions[{i}]", item)
    return keys, entries


def _check_keys(path: str, keys: dict) -> None:
    for key, value in keys.items():
        if key in _STRING and not isinstance(value, str):
            raise WordListError(path, key, f"must be a string, not {_type(value)}")
        if key in _FLAG and not isinstance(value, bool):
            raise WordListError(path, key, f"must be true or false, not {value!r}")
    if "level" in keys and keys["level"] not in LEVELS:
        raise WordListError(path, "level", f"is {keys['level']!r}; one of: " + ", ".join(LEVELS))
    if "fix" in keys and keys["fix"] not in FIXES:
        raise WordListError(path, "fix", f"is {keys['fix']!r}; one of: " + ", ".join(FIXES))
    for key in ("exceptions", "raw"):
        if key in keys and not _strings(keys[key]):
            raise WordListError(path, key, "must be a list of strings")
    if "action" in keys and not (isinstance(keys["action"], dict) and isinstance(keys["action"].get("name", ""), str)):
        raise WordListError(path, "action", "must be a mapping with a name (e.g. {name: replace})")
    fields = keys.get("fields", {})
    if not isinstance(fields, dict):
        raise WordListError(path, "fields", "must map each field name to its allowed values or type")
    for name, spec in fields.items():
        if name in ("token", "to", "fix") or not isinstance(name, str):
            raise WordListError(path, f"fields.{name}", "is not a name a field can have")
        if not (spec in FIELD_TYPES or _strings(spec) and spec):
            raise WordListError(
                path, f"fields.{name}", "must be a list of the allowed values, or one of: " + ", ".join(FIELD_TYPES)
            )


def _tokens(path: str, tokens: Any, fields: dict) -> Iterator[tuple]:
    if not isinstance(tokens, list):
        raise WordListError(path, "tokens", "must be a list" if tokens is not None else "is missing")
    for i, item in enumerate(tokens):
        where = f"tokens[{i}]"
        if isinstance(item, dict):
            token = item.get("token")
            if not isinstance(token, str):
                raise WordListError(path, where, "an entry given as a mapping needs a string `token`")
            yield token, None, _fields(path, where, {k: v for k, v in item.items() if k != "token"}, fields)
        elif isinstance(item, str):
            if item.strip():  # Vale skips blank tokens
                yield item, None, {}
        else:
            raise WordListError(
                path,
                where,
                f"must be a string or a mapping, not {_type(item)} {item!r} "
                "(quote words YAML reads as other values: 'yes', 'no', 'on', 'null')",
            )


def _swaps(path: str, swap: Any, fields: dict) -> Iterator[tuple]:
    if not isinstance(swap, dict):
        raise WordListError(
            path, "swap", "must be a mapping (match: replacement)" if swap is not None else "is missing"
        )
    for match, value in swap.items():
        where = f"swap[{match!r}]"
        if not isinstance(match, str):
            raise WordListError(path, where, f"a match must be a string, not {_type(match)} (quote it)")
        if isinstance(value, dict):
            to = value.get("to")
            if not isinstance(to, str):
                raise WordListError(path, where, "an entry given as a mapping needs a string `to`")
            rest = {k: v for k, v in value.items() if k != "to"}
            if "fix" in rest and not isinstance(rest["fix"], bool):
                raise WordListError(path, f"{where}.fix", "must be true or false")
            fix = rest.pop("fix", None)
            found = _fields(path, where, rest, fields)
            if fix is not None:
                found["fix"] = fix
            yield match, to, found
        elif isinstance(value, str):
            yield match, value, {}
        else:
            raise WordListError(path, where, f"a replacement must be a string or a mapping, not {_type(value)}")


def _fields(path: str, where: str, given: dict, fields: dict) -> dict:
    for name, value in given.items():
        spec = fields.get(name)
        key = f"{where}.{name}"
        if spec is None:
            raise WordListError(path, key, "not a field of this list (declare it under `fields`)")
        if (
            spec == "text"
            and not isinstance(value, str)
            or spec == "texts"
            and not _strings(value)
            or spec == "flag"
            and not isinstance(value, bool)
        ):
            raise WordListError(
                path,
                key,
                {"text": "must be a string", "texts": "must be a list of strings", "flag": "must be true or false"}[
                    spec
                ],
            )
        if isinstance(spec, list):
            values = value if isinstance(value, list) else [value]
            bad = [v for v in values if v not in spec]
            if bad or not values:
                raise WordListError(path, key, f"{bad[0]!r} is not one of: " + ", ".join(spec) if bad else "is empty")
    return dict(given)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _type(value: Any) -> str:
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a mapping",
        type(None): "empty",
    }.get(type(value), type(value).__name__)


# Vale's matching -------------------------------------------------------------------

_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")
_CAPTURE = re.compile(r"(?<!\\)\((?!\?)")  # a capture group's opening


def _scoped(token: str) -> str:
    """A token's leading inline flags made local ("(?i)x" -> "(?i:x)"): Vale allows them
    anywhere, Python only at the start of the whole expression."""
    m = _FLAGS.match(token)
    return f"(?{m[1]}:{token[m.end() :]})" if m else token


def _regex(path: str, where: str, text: str) -> re.Pattern[str]:
    try:
        return re.compile(_scoped(text))
    except re.error as error:
        raise WordListError(path, where, f"not a valid regular expression: {error}") from None


def _vale_pattern(words: WordList) -> re.Pattern[str]:
    """The one expression Vale builds from a list's entries (one group per swap)."""
    flags = re.M | (re.I if words.get("ignorecase") else 0)
    if words.kind == "existence":
        for i, entry in enumerate(words.entries):
            _regex(words.path, f"tokens[{i}]", entry.match)
        body = "|".join(_scoped(e.match) for e in words.entries)
        word = not words.get("nonword") and bool(words.entries)
        core = rf"\b(?:{body})\b" if word else f"(?:{body})"
        raw = "".join(words.get("raw", ()))
        text = core + raw if words.get("append") else raw + core
    else:
        for entry in words.entries:
            _regex(words.path, f"swap[{entry.match!r}]", entry.match)
        # As Vale: the longest match first; groups of the user's made non-capturing,
        # each entry's own group names it.
        order = sorted(range(len(words.entries)), key=lambda i: -len(words.entries[i].match))
        body = "|".join(f"(?P<_{i}>{_CAPTURE.sub('(?:', _scoped(words.entries[i].match))})" for i in order)
        text = body if words.get("nonword") else rf"\b(?:{body})\b"
    try:
        return re.compile(text, flags)
    except re.error as error:
        raise WordListError(
            words.path,
            "tokens" if words.kind == "existence" else "swap",
            f"the entries together are not a valid regular expression: {error}",
        ) from None


def _exceptions(words: WordList) -> re.Pattern[str] | None:
    items = sorted(words.get("exceptions", ()), key=len, reverse=True)  # longest first, as Vale
    return re.compile(r"\b(?:" + "|".join(map(_scoped, items)) + r")\b", re.M) if items else None


def vale_message(message: str, *subs: str) -> str:
    """Vale's message formatting: each `%s` takes the next of `subs`, trimmed (none
    left: "")."""
    subs_left = iter(s.strip() for s in subs)
    return re.sub(r"%[%s]", lambda m: "%" if m[0] == "%%" else next(subs_left, ""), message)


def to_sentence(words: list[str]) -> str:
    """'a' or 'b'; 'a', 'b', or 'c': the options of a substitution, as Vale words them."""
    quoted = [f"'{w}'" for w in words]
    if len(quoted) <= 2:
        return " or ".join(quoted)
    return ", ".join(quoted[:-1] + ["or " + quoted[-1]])


def is_phrase(text: str) -> bool:
    """Letters, digits, spaces and hyphens only: a literal phrase, not a pattern."""
    return all(c.isalpha() or c.isdigit() or c in " -" for c in text)


def _already_right(expected: str, observed: str) -> bool:
    """Vale's test that the match already is the replacement (then nothing is flagged)."""
    if is_phrase(expected):
        return expected == observed
    try:
        return re.fullmatch(_scoped(expected), observed) is not None
    except re.error:
        return expected == observed


def cap_first(text: str) -> str:
    return text[:1].upper() + text[1:]


# The rule a list file makes -------------------------------------------------------


class WordListRule(Rule):
    """Base of the rules `rule_from_file` makes; `word_list` is the list they check."""

    word_list: WordList
    _pattern: re.Pattern[str]
    _except: re.Pattern[str] | None

    def __reduce__(self):
        # Its class is made at run time, so a worker process makes it again from the file.
        return _rule_instance, (self.word_list.path,)

    def check(self, doc, opts):
        existence = self.word_list.kind == "existence"
        for block in doc.blocks:
            for m in self._pattern.finditer(block.text):
                found = m.group(0)
                observed = found.strip()
                if not observed or self._except is not None and self._except.search(observed):
                    continue
                at = block.prose_start + m.start() + len(found) - len(found.lstrip())
                start, end = doc.span(at, at + len(observed))
                if existence:
                    yield self.finding(start, end, vale_message(self.word_list.get("message"), found))
                else:
                    finding = self._swap(doc, self.word_list.entries[int(m.lastgroup[1:])], found, start, end)
                    if finding is not None:
                        yield finding

    def _swap(self, doc, entry: Entry, found: str, start: int, end: int):
        """Vale's substitution: nothing if the match is one of the replacements already."""
        words, message = self.word_list, self.word_list.get("message")
        capitalize = words.get("capitalize") and found == cap_first(found)
        expected = cap_first(entry.replacement) if capitalize else entry.replacement
        if re.search(r"\$\d", expected):  # "$1": the entry's groups, as Vale fills them
            flags = re.I if words.get("ignorecase") else 0
            template = re.sub(r"\$(\d+)", r"\\g<\1>", expected.replace("\\", "\\\\"))
            expected = re.sub(_scoped(entry.match), template, found, flags=flags)
        options = list(alternatives(expected))
        replace = words.get("action", {}).get("name") == "replace"
        if found in options if replace else _already_right(expected, found):
            return None
        if capitalize:
            options = [cap_first(o) for o in options]
        if replace and not words.get("action", {}).get("params"):
            expected = to_sentence(options)
            for spec in ("'%s'", '"%s"'):  # the suggestion comes quoted: not twice
                if message.count(spec) == 2:
                    message = message.replace(spec, "%s", 1)
        fix = None
        if (
            words.get("fix", "none") != "none"
            and entry.get("fix", True)
            and options
            and doc.source[start:end] == found.strip()
        ):
            fix = Fix(start, end, options[0], safe=words.get("fix") == "safe")
        return self.finding(
            start, end, vale_message(message, expected, found), suggestion=" / ".join(options) or None, fix=fix
        )


def rule_id(path: Path) -> str:
    """A file name as a rule id: "house_words" and "HouseWords" -> "house-words"."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", path.stem).replace("_", "-").lower()


def rule_from_file(path: Path | str) -> type[Rule]:
    """A Rule subclass that checks the list file at `path` as Vale would; one class per
    file and process."""
    return _rule_class(Path(path))


def _rule_instance(path: str) -> Rule:
    return _rule_class(Path(path))()


@lru_cache(maxsize=64)
def _rule_class(path: Path) -> type[Rule]:
    words = load(path)
    for key in ("message", "bad", "good"):
        if not words.get(key, "").strip():
            raise WordListError(str(path), key, "is required for a rule made from a list file")
    ident = words.get("id") or rule_id(path)
    if not _ID.fullmatch(ident):
        raise WordListError(str(path), "id", f"{ident!r} is not a rule id (lower-case words joined by '-')")
    placeholder = vale_message(words.get("message"), "…", "…")
    summary = (words.get("description") or placeholder).strip().splitlines()[0]
    shown = ", ".join(f"'{e.match}'" for e in words.entries[:5]) + (", …" if len(words.entries) > 5 else "")
    what = (
        f"{words.get('description') or placeholder}\n\nFlags {shown} ({len(words.entries)} entries, "
        f"from the list file {path.name})."
    )
    why = words.get("why") or f"The list {path.name} names wording to avoid here: {placeholder}"
    if words.get("link"):
        why += f"\nSee {words.get('link')}."
    doc = f"{what}\n\nWhy:\n{why}\n\nBad:\n{words.get('bad').strip()}\n\nGood:\n{words.get('good').strip()}\n"
    name = "".join(part.title() for part in ident.split("-")) + "WordList"
    return type(
        name,
        (WordListRule,),
        {
            "__doc__": doc,
            "__module__": __name__,
            "id": ident,
            "summary": summary,
            "severity": words.severity,
            "word_list": words,
            "_pattern": _vale_pattern(words),
            "_except": _exceptions(words),
        },
    )
