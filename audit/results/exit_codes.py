"""The exit codes: the contract CI reads (README, "Exit codes"); one definition."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # every article passed the gate
    FAILED = 1  # an article failed the gate
    ERROR = 2  # a usage or configuration error, or an input that could not be audited
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT
