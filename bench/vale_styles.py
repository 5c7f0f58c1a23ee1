"""Cost per article of Vale styles on top of the built-in rules: the BBC corpus with
write-good, proselint and Readability (../shared/vale-conformance/testdata/styles),
in one process (the built-in audit with --jobs 1), so the two costs compare.

    .venv/bin/python bench/vale_styles.py [N]     # the first N articles (default all)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from audit.vale import ini
from audit.vale.run import lint_paths

ROOT = Path(__file__).resolve().parents[1].parent / "shared"
STYLES = ROOT / "vale-conformance" / "testdata" / "styles"
CORPUS = ROOT / "corpus" / "bbc"


def main() -> int:
    if not STYLES.is_dir() or not CORPUS.is_dir():
        print("needs ../shared/vale-conformance and ../shared/corpus/bbc")
        return 0
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html"))
    if len(sys.argv) > 1:
        files = files[: int(sys.argv[1])]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ".vale.ini"
        path.write_text(f"StylesPath = {STYLES}\n[*]\nBasedOnStyles = write-good, proselint, Readability\n")
        config = ini.read(path)
        began = time.perf_counter()
        reports = lint_paths(config, files)
        vale_seconds = time.perf_counter() - began
    alerts = sum(len(r.alerts) for r in reports)
    from audit.cli.main import main as cli

    began = time.perf_counter()
    cli(
        [
            "check",
            *map(str, files),
            "--format",
            "json",
            "--isolated",
            "--no-cache",
            "--jobs",
            "1",
            "--output",
            "/dev/null",
        ]
    )
    builtin_seconds = time.perf_counter() - began
    n = max(1, len(files))
    print(f"{len(files)} articles, {alerts} Vale alerts")
    print(
        f"Vale styles: {vale_seconds / n * 1000:.1f} ms per article; built-in rules: "
        f"{builtin_seconds / n * 1000:.1f} ms per article; together {(vale_seconds + builtin_seconds) / n * 1000:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
