"""`check --add-words FILE`: the run's unknown words appended to a vocabulary file."""

from __future__ import annotations

from pathlib import Path

from audit.cli.output import Stop, plain, say
from audit.language import vocabulary
from audit.results.exit_codes import ExitCode


def unknown_words(results) -> set[str]:
    """The words of the results' `spelling` findings, but those on a reject list."""
    words = set()
    for result in results:
        for finding in result.get("findings") or ():
            get = finding.get if isinstance(finding, dict) else lambda k, f=finding: getattr(f, k, None)
            if get("rule") == "spelling" and "reject list" not in (get("message") or ""):
                words.add(get("excerpt"))
    return {w for w in words if w}


def add_words(path: Path, results) -> None:
    try:
        added = vocabulary.add_words(path, unknown_words(results))
    except (OSError, UnicodeDecodeError) as exc:
        problem = getattr(exc, "strerror", None) or exc
        raise Stop(ExitCode.ERROR, f"--add-words: cannot update {plain(path)}: {problem}") from None
    say(f"added {added} word(s) to {plain(path)}")
