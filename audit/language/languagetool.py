"""LanguageTool, the optional grammar backend of the `grammar` rule.

Three ways, chosen by `[languagetool]` in config or by the environment: a LanguageTool
server (`server = "http://localhost:8081"` or ARTICLE_AUDIT_LANGUAGETOOL_URL), a local
installation started here (Java plus a LanguageTool folder under LTP_PATH or
language-tool-python's cache folder), or off. `mode = "auto"` (the default) takes a
server if one is set, else a local installation if one is found, else stays off
without a word. Nothing is ever downloaded: language-tool-python downloads
LanguageTool when it finds none, so a local installation is looked for first and the
library is only started on one it will find.

One backend per process and configuration (`resolve`, cached): a batch reuses one
server, and worker processes forked after `preflight` reuse the local server the
parent started. LanguageTool counts offsets in UTF-16 code units (Java strings);
`check` returns them as Python string offsets.
"""

from __future__ import annotations

import os
import re
import time
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

ENV_URL = "ARTICLE_AUDIT_LANGUAGETOOL_URL"
CHUNK_CHARS = 20_000  # the public server's limit per request; local servers accept more
STARTUP_SECONDS = 60
FIX_HINT = (
    "start a LanguageTool server and set [tool.article-audit.languagetool] server = "
    '"http://localhost:8081" (or ARTICLE_AUDIT_LANGUAGETOOL_URL), or set mode = "off"'
)


@dataclass(frozen=True)
class LanguageToolSettings:
    """`[languagetool]`: where the `grammar` rule finds LanguageTool (see below)."""

    mode: str = "auto"  # auto: a server if one is set, else a local installation if found, else off
    server: str | None = None
    timeout: float = 30.0  # seconds per request (language-tool-python tries a request twice)
    categories: tuple[tuple[str, str], ...] = ()  # LanguageTool category id -> severity or "off"
    disabled_rules: tuple[str, ...] = ()


class LanguageToolFailed(Exception):
    """A request failed (timeout, server error); the message says what and how to fix it."""


@dataclass(frozen=True)
class Backend:
    url: str | None  # the server's base URL; None when LanguageTool is off
    problem: str | None = None  # why it is off although it was asked for
    requested: bool = False  # configured (mode, server or environment), not just looked for


@dataclass(frozen=True)
class Match:
    start: int  # offsets in the text sent, as Python string offsets
    end: int
    message: str
    rule_id: str
    category: str
    replacements: tuple[str, ...]


# Finding the backend -------------------------------------------------------------


def _install_folder() -> Path:
    # language-tool-python's own rule, without its side effect of creating the folder.
    return Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")


def find_installation() -> Path | None:
    """The newest LanguageTool folder holding a server jar, or None."""
    folder = _install_folder()
    if not folder.is_dir():
        return None
    found = [p for p in folder.glob("LanguageTool-*") if (p / "languagetool-server.jar").is_file()]
    return max(found, key=lambda p: [int(n) for n in re.findall(r"\d+", p.name)], default=None)


def resolve(settings: LanguageToolSettings) -> Backend:
    """Where LanguageTool is for these settings; starts a local server at most once."""
    return _resolve(settings, os.environ.get(ENV_URL, "").strip(), os.environ.get("LTP_PATH", ""))


@cache
def _resolve(settings: LanguageToolSettings, env_url: str, ltp_path: str) -> Backend:
    url = env_url or settings.server  # the environment wins, so CI can point at its own server
    mode = settings.mode
    if mode == "off":
        return Backend(None)
    if mode == "server" or (mode == "auto" and url):
        if not url:
            return Backend(None, 'languagetool.mode is "server" but no server is set; ' + FIX_HINT, True)
        return _probe(url.rstrip("/"), settings.timeout)
    install = find_installation()
    if mode == "auto" and install is None:
        return Backend(None)
    return _start_local(install, settings.timeout)


def _probe(url: str, timeout: float) -> Backend:
    try:
        _client(url, "en", timeout)
    except Exception as exc:  # the library raises several kinds; any of them means "not answering"
        return Backend(
            None,
            f"the LanguageTool server at {url} does not answer ({_reason(exc)}); is it "
            f"running? Start it, or fix languagetool.server / {ENV_URL}",
            True,
        )
    return Backend(url, None, True)


def _start_local(install: Path | None, timeout: float) -> Backend:
    # Imported here: most runs never start a LanguageTool server, and every run imports this module.
    import atexit
    import shutil
    import socket
    import subprocess
    import tempfile

    if install is None:
        return Backend(
            None,
            f"no LanguageTool installation in {_install_folder()} (nothing is downloaded): "
            "unzip LanguageTool there or set LTP_PATH to its folder, or " + FIX_HINT,
            True,
        )
    java = shutil.which("java")
    if java is None:
        return Backend(
            None,
            f"LanguageTool is installed in {install} but Java is not (no 'java' on PATH): "
            "install a Java 17+ runtime (e.g. apt-get install default-jre), or " + FIX_HINT,
            True,
        )
    # Started here rather than by language-tool-python, whose starter downloads LanguageTool
    # when its version is missing and retries port after port when the JVM exits.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        java,
        "-cp",
        str(install / "languagetool-server.jar"),
        "org.languagetool.server.HTTPServer",
        "--port",
        str(port),
    ]
    log = tempfile.TemporaryFile()  # a file, not a pipe: a full pipe would stall the JVM
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log)
    atexit.register(_stop, process, os.getpid())
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + max(STARTUP_SECONDS, timeout)
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            error = log.read().decode("utf-8", "replace").strip().splitlines()
            return Backend(
                None,
                f"LanguageTool in {install} did not start (Java said: "
                f"{error[-1][:200] if error else f'exit code {process.returncode}'}); " + FIX_HINT,
                True,
            )
        backend = _probe(url, timeout)
        if backend.url:
            return backend
        time.sleep(0.25)
    _stop(process, os.getpid())
    return Backend(
        None, f"LanguageTool in {install} did not answer within {STARTUP_SECONDS} s of starting; " + FIX_HINT, True
    )


def _stop(process, owner: int) -> None:
    import subprocess

    if os.getpid() == owner and process.poll() is None:  # never from a forked worker
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()


def _reason(exc: BaseException) -> str:
    """A short cause: "connection refused", "no answer in time", or the error's first line."""
    import requests

    for cause in (exc, exc.__cause__, exc.__context__):
        if isinstance(cause, requests.Timeout):
            return "no answer in time"
        if isinstance(cause, requests.ConnectionError):
            found = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", str(cause))
            return found.group(1).strip().lower() if found else "cannot connect"
    cause = exc.__cause__ or exc
    lines = str(cause).strip().splitlines()
    return (lines[0] if lines else type(cause).__name__)[:200]


@lru_cache(maxsize=16)
def _client(url: str, language: str, timeout: float):
    """A language-tool-python client for a running server (it asks for /v2/languages)."""
    from language_tool_python import LanguageTool

    class Client(LanguageTool):
        def __init__(self) -> None:
            self._TIMEOUT = timeout  # the library's per-request timeout, a class default of 300 s
            super().__init__(language, remote_server=url)

    return Client()


def preflight(settings: Iterable[LanguageToolSettings], *, required: bool = False) -> list[str]:
    """Resolve each configuration once, before a batch; one sentence per problem."""
    notes = []
    for item in dict.fromkeys(settings):
        backend = resolve(item)
        if backend.problem:
            notes.append(
                f"grammar: LanguageTool is configured but cannot be used: {backend.problem}. Grammar was not checked."
            )
        elif required and backend.url is None:
            notes.append("grammar: LanguageTool is not configured, so grammar was not checked; " + FIX_HINT)
    return notes


# Checking text -------------------------------------------------------------------


def chunks(text: str, limit: int | None = None) -> Iterator[tuple[int, str]]:
    """(offset, piece) of `text` in pieces of at most `limit` UTF-16 units (CHUNK_CHARS),
    cut between paragraphs, else between sentences, else at a space, else anywhere."""
    limit = limit or CHUNK_CHARS
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        while end > start + 1 and _utf16_len(text[start:end]) > limit:
            end -= max(1, (_utf16_len(text[start:end]) - limit) // 2)
        if end < len(text):
            window = text[start:end]
            for pattern in (r"\n\s*\n", r"[.!?][\"”’')\]]*\s+", r"\s+"):
                cuts = [m.end() for m in re.finditer(pattern, window)]
                if cuts:
                    end = start + cuts[-1]
                    break
        yield start, text[start:end]
        start = end


def _utf16_len(text: str) -> int:
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class Utf16Index:
    """Converts between Python string offsets and UTF-16 code units (LanguageTool's)."""

    def __init__(self, text: str) -> None:
        # Each character outside the BMP is two UTF-16 units (a surrogate pair).
        self._chars = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]
        self._units = [i + n for n, i in enumerate(self._chars)]

    def to_units(self, index: int) -> int:
        return index + bisect_left(self._chars, index)

    def to_index(self, units: int) -> int:
        return units - bisect_left(self._units, units)


_FAILED: dict[str, str] = {}  # server URL -> why it stopped answering in this process


def check(
    backend: Backend,
    text: str,
    language: str,
    timeout: float,
    disabled_rules: Iterable[str] = (),
    disabled_categories: Iterable[str] = (),
) -> list[Match]:
    """Every LanguageTool match in `text`, with offsets in `text`; LanguageToolFailed if a
    request fails (after a timeout or refused connection, later articles are not sent)."""
    url = backend.url
    if url is None:
        return []
    if url in _FAILED:
        raise LanguageToolFailed(
            f"not checked: the LanguageTool server at {url} failed earlier in this run ({_FAILED[url]})"
        )
    try:
        client = _client(url, language, timeout)
    except Exception as exc:
        raise _failure(url, exc, timeout) from None
    client.disabled_rules = set(disabled_rules)
    client.disabled_categories = set(disabled_categories)
    found = []
    for offset, piece in chunks(text):
        try:
            matches = client.check(piece)
        except Exception as exc:
            raise _failure(url, exc, timeout) from None
        index = Utf16Index(piece)
        for m in matches:
            # language-tool-python moves `offset` to Python offsets but leaves the length in
            # UTF-16 units, so the end is found through UTF-16.
            end = index.to_index(index.to_units(m.offset) + m.error_length)
            found.append(
                Match(offset + m.offset, offset + end, m.message, m.rule_id, m.category, tuple(m.replacements))
            )
    return found


def _failure(url: str, exc: BaseException, timeout: float) -> LanguageToolFailed:
    import requests

    cause = exc.__cause__ or exc
    if isinstance(cause, requests.Timeout):
        _FAILED[url] = f"no answer within {timeout:g} s"
        return LanguageToolFailed(
            f"the LanguageTool server at {url} did not answer within {timeout:g} s; "
            "not checked for grammar (raise languagetool.timeout if it is busy)"
        )
    if isinstance(cause, requests.ConnectionError):
        _FAILED[url] = "connection failed"
        return LanguageToolFailed(
            f"cannot reach the LanguageTool server at {url} ({_reason(exc)}); not checked for grammar"
        )
    return LanguageToolFailed(
        f"the LanguageTool server at {url} failed on this article ({_reason(exc)}); not checked for grammar"
    )
