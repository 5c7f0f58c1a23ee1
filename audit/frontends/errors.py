"""The error a front end raises for an input it cannot audit."""

from __future__ import annotations


class InputError(Exception):
    """An input that cannot be audited; the message names the problem, not the file."""
