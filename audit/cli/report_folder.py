"""The folder of `--report-dir`, written page by page as results arrive and swapped in whole.

Each article's pages go into a hidden temporary folder beside the target
(`.NAME.PID.RANDOM.tmp`) as its result arrives, so neither the pages nor the article
text are held for the whole batch; the index keeps each article's figures only
(`report_dir.index_entry`). When the run finishes, the index is written and the
temporary folder takes the target's place: the folder holds exactly the pages its
index lists, never pages of an earlier run. A run that stops early (Ctrl-C, an error)
removes its temporary folder and leaves the earlier report as it was; the temporary
folders of a run that was killed outright are removed by the next run.

An existing target is replaced only if it is empty or an earlier report folder (an
`index.html` written by article-audit, and pages): a folder with anything else in it is
refused rather than deleted.
"""

from __future__ import annotations

import atexit
import os
import re
from pathlib import Path
from typing import Any

from audit.results.model import without_page_keys
from audit.results.tool import tool_info

_PAGE_SUFFIXES = (".html", ".md", ".json")
_GENERATOR = b'<meta name="generator" content="article-audit">'


class ReportFolderError(Exception):
    """The report folder cannot be written (the message says which folder and why)."""


class ReportFolder:
    def __init__(self, target: Path, paths: list[str], rules: dict[str, Any]) -> None:
        # Here, not at the top: only a run with a report folder needs the page writers.
        import tempfile

        from audit.reports import report_dir

        self.render = report_dir
        self.shown = target
        self.target = Path(os.path.realpath(target))  # a link to a folder: the folder is replaced
        self.names = report_dir.page_names(paths)
        self.rules = rules
        self.tool = tool_info()
        self.entries: list[dict[str, Any]] = []
        self.pages: dict[str, str] = {}
        self.failed: OSError | None = None
        self.tmp: Path | None = None
        self._refuse_foreign()
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            _sweep(self.target.parent, self.target.name)
            self.tmp = Path(
                tempfile.mkdtemp(dir=self.target.parent, prefix=f".{self.target.name}.{os.getpid()}.", suffix=".tmp")
            )
            os.chmod(self.tmp, 0o777 & ~_umask())  # mkdtemp makes 0700; a report is an ordinary folder
        except OSError as exc:
            raise ReportFolderError(self._cannot(exc)) from None
        atexit.register(self.discard)  # whatever ends the run, no temporary folder is left behind

    def add(self, result: dict[str, Any]) -> dict[str, Any]:
        """Write one article's pages; returns the result without its text (the caller
        keeps that, and the text is dropped as soon as the pages are written)."""
        base = self.names[result["path"]]
        if self.tmp is not None and result["path"] not in self.pages:  # a file given twice has one page
            try:
                for name, content in self.render.page_files(result, base, rules=self.rules, tool=self.tool).items():
                    with open(self.tmp / name, "w", encoding="utf-8") as handle:
                        handle.write(content)
            except OSError as exc:  # a full disk: the batch goes on, and `finish` says why there is no folder
                self.failed = exc
                self.discard()
            self.pages[result["path"]] = f"{base}.html"
        self.entries.append(self.render.index_entry(result))
        return without_page_keys(result)

    def finish(self, report: dict[str, Any]) -> None:
        """Write the index and put the folder in the target's place (ReportFolderError if not)."""
        if self.failed is not None:
            raise ReportFolderError(self._cannot(self.failed))
        try:
            index = self.render.index({**report, "files": self.entries}, self.pages)
            with open(self.tmp / "index.html", "w", encoding="utf-8") as handle:
                handle.write(index)
            self._swap()
        except OSError as exc:
            self.discard()
            raise ReportFolderError(self._cannot(exc)) from None

    def discard(self) -> None:
        if self.tmp is not None:
            _remove(self.tmp)
            self.tmp = None
        atexit.unregister(self.discard)

    def _swap(self) -> None:
        self._refuse_foreign()  # again: the folder may have changed while the batch ran
        if not self.target.exists():
            os.rename(self.tmp, self.target)
        else:
            old = self.target.with_name(f".{self.target.name}.{os.getpid()}.{os.urandom(4).hex()}.old")
            os.rename(self.target, old)
            try:
                os.rename(self.tmp, self.target)
            except OSError:
                os.rename(old, self.target)
                raise
            _remove(old)
        self.tmp = None
        atexit.unregister(self.discard)

    def _refuse_foreign(self) -> None:
        if self.target.exists() and not self.target.is_dir():
            raise ReportFolderError(f"could not write the report folder {self.shown}: it is a file, not a folder")
        if self.target.exists() and not _replaceable(self.target):
            raise ReportFolderError(
                f"the report folder {self.shown} holds files that are not an article-audit report; it is "
                "replaced only when it is empty or holds an earlier report: choose another folder"
            )

    def _cannot(self, exc: OSError) -> str:
        return f"could not write the report folder {self.shown}: {exc.strerror or exc}"


def _replaceable(folder: Path) -> bool:
    """Empty, or what an earlier run wrote: index.html by article-audit and page files."""
    if not folder.is_dir():
        return False
    try:
        names = os.listdir(folder)
        if not names:
            return True
        if "index.html" not in names or not all(
            name.endswith(_PAGE_SUFFIXES) and (folder / name).is_file() and not (folder / name).is_symlink()
            for name in names
        ):
            return False
        with open(folder / "index.html", "rb") as handle:
            return _GENERATOR in handle.read(4096)
    except OSError:
        return False


def _sweep(parent: Path, name: str) -> None:
    """Remove the temporary folders that runs killed outright left beside `name`."""
    pattern = re.compile(re.escape(f".{name}.") + r"(\d+)\.[^.]+\.(?:tmp|old)")
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return
    for entry in entries:
        found = pattern.fullmatch(entry.name)
        if found and entry.is_dir(follow_symlinks=False) and not _running(int(found.group(1))):
            _remove(entry.path)


def _remove(folder) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True  # this process: a folder of this run (tests run several in one process)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, another user's
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
