"""Where the audit's time goes: per rule, and per function with pyinstrument.

    .venv/bin/python bench/profile.py [--corpus PATH] [--articles 300] [--functions 25]

Audits the articles in this process as `check --jobs 1 --no-cache` does (default
settings, JSON model), timing parsing, each rule's `measure` and `check`, and the
engine's own work per article. Times are CPU times of this process, which other
work on a busy machine disturbs far less than wall-clock times. With pyinstrument installed (`pip install
pyinstrument` into the venv; it is not a project dependency) it also profiles the
same loop and lists the functions with the most time of their own. Last, it lists
the imports that cost a one-article run the most (`python -X importtime`).
"""

from __future__ import annotations

import argparse
import functools
import random
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from tabulate import tabulate

from audit.batch.tasks import load_shared_tables
from audit.config.loader import Config
from audit.engine import auditor as engine
from audit.engine.registry import registry

DEFAULT_CORPUS = Path("/work/shared/corpus/bbc")
spent: dict[str, float] = defaultdict(float)


def _timed(label: str, fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start

    return wrapper


def _timed_iter(label: str, fn):
    """A generator method: its time is spent while it is iterated, not when it is called."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        items = fn(*args, **kwargs)
        while True:
            start = time.process_time()
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                spent[label] += time.process_time() - start
            yield item

    return wrapper


def instrument() -> list[tuple[object, str, object]]:
    """Put timers around parsing and every rule; returns what `restore` puts back."""
    saved = [(engine, "parse", engine.parse)]
    engine.parse = _timed("(parse: front end + document model)", engine.parse)
    for rid, cls in registry().items():
        saved += [(cls, "measure", cls.measure), (cls, "check", cls.check)]
        cls.measure = _timed(rid, cls.measure)
        cls.check = _timed_iter(rid, cls.check)
    return saved


def restore(saved: list[tuple[object, str, object]]) -> None:
    for owner, name, original in saved:
        setattr(owner, name, original)


def print_spent(title: str, n: int, total: float) -> None:
    rows = sorted(spent.items(), key=lambda kv: -kv[1]) + [
        ("(engine, reading the file, settings)", total - sum(spent.values()))
    ]
    print(f"\n{title}; {1000 * total / n:.2f} ms/article in all:")
    print(
        tabulate(
            [[label, f"{1000 * s / n:.3f}", f"{100 * s / total:.1f}%"] for label, s in rows],
            headers=["rule / stage", "ms/article", "share"],
        )
    )


def audit_all(paths: list[Path]) -> float:
    rules = registry()
    start = time.process_time()
    for path in paths:
        settings = Config().settings_for(str(path), rules)
        engine.audit_bytes(str(path), path.read_bytes(), settings).to_dict()
    return time.process_time() - start


def print_functions(paths: list[Path], unprofiled: float, count: int) -> None:
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("\n(pyinstrument not installed: no per-function profile)")
        return
    profiler = Profiler()
    profiler.start()
    audit_all(paths)
    profiler.stop()
    own: dict[str, float] = defaultdict(float)
    stack = [profiler.last_session.root_frame()]
    while stack:
        frame = stack.pop()
        stack.extend(frame.children)
        if frame.is_synthetic:  # [self] and [await]: counted in their parent's own time
            continue
        name = f"{frame.class_name}.{frame.function}" if frame.class_name else frame.function
        own[f"{name}  {frame.file_path_short}:{frame.line_no}"] += frame.total_self_time
    wall = profiler.last_session.duration
    n = len(paths)
    print(f"\nfunctions by own time (pyinstrument; ms/article scaled to the unprofiled run), top {count}:")
    top = sorted(own.items(), key=lambda kv: -kv[1])[:count]
    print(
        tabulate(
            [[where, f"{1000 * unprofiled * t / wall / n:.3f}", f"{100 * t / wall:.1f}%"] for where, t in top],
            headers=["function", "ms/article", "share"],
        )
    )


def print_imports(article: Path, count: int) -> None:
    """The modules whose import (with what they import) costs a one-article run the most."""
    cmd = [sys.executable, "-X", "importtime", "-m", "audit", "check", str(article), "--no-cache"]
    err = subprocess.run(cmd, capture_output=True, text=True).stderr
    rows = []
    for line in err.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            rows.append((int(m.group(2)), int(m.group(1)), len(m.group(3)) // 2, m.group(4)))
    total = sum(cumulative for cumulative, _, depth, _ in rows if depth == 0)
    print(
        f"\nimports of a one-article run: {total / 1000:.0f} ms in all; the costliest "
        f"(cumulative, with what they import; depth 0 = imported first by the program):"
    )
    top = sorted(rows, reverse=True)[:count]
    print(
        tabulate(
            [[name, depth, f"{cum / 1000:.1f}", f"{own / 1000:.1f}"] for cum, own, depth, name in top],
            headers=["module", "depth", "ms", "own ms"],
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--functions", type=int, default=25, help="functions to list (0: no pyinstrument run)")
    parser.add_argument("--imports", type=int, default=20, help="imports to list (0: none)")
    args = parser.parse_args(argv)
    paths = sorted(args.corpus.glob("*.txt")) if args.corpus.is_dir() else []
    if not paths:
        print(f"profile: no .txt articles at {args.corpus}; pass --corpus PATH", file=sys.stderr)
        return 2
    random.Random(0).shuffle(paths)
    paths = paths[: args.articles]
    n = len(paths)

    # The first article of a process also loads each rule's word lists: what a
    # one-article run pays on top of imports. (A batch loads its shared tables first.)
    saved = instrument()
    first = audit_all(paths[:1])
    print_spent("first article of the process (word lists and tables loaded on first use)", 1, first)
    restore(saved)

    load_shared_tables()  # as a batch does before its first article
    audit_all(paths[:20])
    total = audit_all(paths)
    print(
        f"\n{n} articles in {total:.2f} CPU s: {1000 * total / n:.2f} ms/article, {n / total:.0f} articles/s "
        "(one process, word lists already loaded)"
    )
    if args.functions:  # before the per-rule timers, which would show up in it
        print_functions(paths, total, args.functions)
    instrument()
    spent.clear()
    print_spent("time per rule and stage (a third run, word caches warm, timed around each rule)", n, audit_all(paths))
    if args.imports:
        print_imports(paths[0], args.imports)
    return 0


if __name__ == "__main__":
    sys.exit(main())
