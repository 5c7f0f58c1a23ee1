"""Does the work grow with the input, not with its square? Time and peak memory of the
command line at four sizes of each kind of input that was once quadratic (issue 19).

    .venv/bin/python bench/scaling.py                    # every kind; the files up to 100,000
    .venv/bin/python bench/scaling.py --files-max 20000  # fewer small files (minutes, not many)
    .venv/bin/python bench/scaling.py --kinds prose,line --scale 0.5

Each kind doubles three times from its first size:

    acronyms    one article of sentences, each with an acronym used for the first time
    near-names  one article of made-up names, each also written once one letter off
    prose       one article of ordinary prose (paragraphs of sentences)
    line        the same prose on one line
    no-stop     the same prose as one sentence: no full stop, no paragraph break
    files       a folder of small articles, audited with --report-dir and --format json

Each size is one run of `article-audit check ... --format json --no-cache --isolated`
in a fresh process (the median of `--repeats` runs where one takes under 5 s): its
wall time, CPU time (user + system, workers included) and peak RSS (the largest
process, from `getrusage(RUSAGE_CHILDREN)` of a process that runs nothing else). The
exponent is the slope of a least-squares fit of log(cost) on log(size), on what each
run costs above the same command on a one-line article (start-up, tables), so the
fixed cost does not flatten the curve. CPU time is fitted, not wall time: other work on
a shared machine slows the wall clock far more than it adds CPU time. The script exits
1 if an exponent, of time or of memory, is above 1.15 (linear, with room for noise),
and 2 if a run fails. It prints the machine's load average: say so when it was busy.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import resource
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LIMIT = 1.15
SIZES = 4
CHEAP = 5.0  # seconds: runs under this are repeated and the median kept
VOCABULARY = (
    "the council voted on Tuesday night to approve a new plan for the city's buses and trains while the "
    "mayor said that work would start in spring and should take about two years people who live in the "
    "north will be able to catch a bus every ten minutes and cycle lanes will be extended all the way to "
    "the station the opposition said the budget was too high and asked for a public meeting before the "
    "end of the year residents welcomed the decision although critics warned that costs could rise"
).split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(8, 24))]
    return " ".join(words).capitalize() + "."


def prose(size: int, rng: random.Random) -> str:
    """About `size` characters of paragraphs of three to six sentences."""
    paragraphs, length = [], 0
    while length < size:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "A plan for the buses\n\n" + "\n\n".join(paragraphs) + "\n"


def acronyms(size: int, rng: random.Random) -> str:
    seen: set[str] = set()
    sentences, length = [], 0
    while length < size:
        acronym = "".join(rng.choice(string.ascii_uppercase) for _ in range(5))
        if acronym in seen:
            continue
        seen.add(acronym)
        sentences.append(f"The {acronym} said on Monday that the plan would go ahead.")
        length += len(sentences[-1]) + 1
    return "Acronyms\n\n" + "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)) + "\n"


def near_names(size: int, rng: random.Random) -> str:
    seen: set[str] = set()
    paragraphs, length = [], 0
    while length < size:
        # Six syllables: among so many made-up names, shorter ones would often be one
        # edit apart by chance, and the true pairs to report would grow as the square.
        name = "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(6)).capitalize()
        if name in seen:
            continue
        seen.add(name)
        i = rng.randrange(1, len(name) - 1)
        other = name[: i + 1] + name[i] + name[i + 1 :]  # a letter doubled
        paragraphs.append(f"Yesterday the visitor {name} spoke to us. Later {name} left. A friend of {other} stayed.")
        length += len(paragraphs[-1]) + 2
    return "Visitors\n\n" + "\n\n".join(paragraphs) + "\n"


def one_line(size: int, rng: random.Random) -> str:
    return prose(size, rng).replace("\n\n", " ")


def no_stop(size: int, rng: random.Random) -> str:
    return prose(size, rng).replace(".", ",").replace("\n\n", " ")


ARTICLES = {
    "acronyms": (acronyms, 250_000),
    "near-names": (near_names, 250_000),
    "prose": (prose, 1_000_000),
    "line": (one_line, 1_000_000),
    "no-stop": (no_stop, 1_000_000),
}
SMALL_ARTICLE = 600  # characters of each small file


def measure_child(command: list[str]) -> None:
    """Run `command` (this process runs nothing else) and print wall s, CPU s, peak KB."""
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr.decode("utf-8", "replace")[-2000:])
        sys.exit(2)
    print(f"{wall} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss}")


def run(command: list[str]) -> tuple[float, float, float]:
    """(wall s, CPU s, peak MB) of `command`, measured in a fresh process."""
    done = subprocess.run(
        [sys.executable, __file__, "--measure", "--", *command], capture_output=True, text=True, check=False
    )
    if done.returncode:
        sys.exit(f"a run failed: {' '.join(command)}\n{done.stderr}")
    wall, cpu, peak_kb = map(float, done.stdout.split())
    return wall, cpu, peak_kb / 1024


def measured(command: list[str], repeats: int) -> tuple[float, float, float]:
    """The median of `repeats` runs when one is cheap, else the first run."""
    first = run(command)
    if first[0] >= CHEAP or repeats <= 1:
        return first
    runs = [first] + [run(command) for _ in range(repeats - 1)]
    return tuple(statistics.median(r[i] for r in runs) for i in range(3))  # type: ignore[return-value]


def exponent(sizes: list[float], costs: list[float]) -> float:
    """The least-squares slope of log(cost) on log(size)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(max(c, 1e-6)) for c in costs]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def check_command(tool: list[str], *paths: str) -> list[str]:
    return [*tool, "check", *paths, "--format", "json", "--no-cache", "--isolated"]


def report(kind: str, unit: str, rows: list[tuple[int, int, tuple[float, float, float]]], base) -> list[float]:
    """Print one kind's table and exponents; returns the exponents of time and memory."""
    print(f"\n{kind}")
    print(f"  {unit:>12} {'bytes':>12} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'MB/MB':>6}")
    for size, nbytes, (wall, cpu, peak) in rows:
        extra = (peak - base[2]) / (nbytes / 1e6)
        print(f"  {size:>12,} {nbytes:>12,} {wall:8.2f} {cpu:8.2f} {peak:8.1f} {extra:6.0f}")
    sizes = [nbytes for _, nbytes, _ in rows]
    time_k = exponent(sizes, [cpu - base[1] for _, _, (_, cpu, _) in rows])
    memory_k = exponent(sizes, [peak - base[2] for _, _, (_, _, peak) in rows])
    flag = "  ABOVE 1.15" if max(time_k, memory_k) > LIMIT else ""
    print(f"  exponent: time {time_k:.2f}, memory {memory_k:.2f}{flag}")
    return [time_k, memory_k]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kinds", default=",".join([*ARTICLES, "files"]), help="comma separated (default: all)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the articles' sizes (default 1)")
    parser.add_argument("--files-max", type=int, default=100_000, help="most small files (default 100,000)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per size when cheap (default 3)")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("command", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        measure_child(args.command)
        return 0
    tool = [str(Path(sys.executable).with_name("article-audit"))]
    if not Path(tool[0]).exists():
        tool = [sys.executable, "-m", "audit"]
    kinds = args.kinds.split(",")
    load = os.getloadavg()
    print(f"host: {os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the start")
    exponents: list[float] = []
    with tempfile.TemporaryDirectory(prefix="article-audit-scaling-") as tmp:
        folder = Path(tmp)
        tiny = folder / "tiny.txt"
        tiny.write_text("A note\n\nWe meet at noon.\n", encoding="utf-8")
        run(check_command(tool, str(tiny)))  # a first run warms the disk cache (and builds the tables if need be)
        base = measured(check_command(tool, str(tiny)), max(3, args.repeats))
        print(f"one-line article: wall {base[0]:.2f} s, CPU {base[1]:.2f} s, peak {base[2]:.1f} MB (subtracted)")
        for kind in kinds:
            if kind == "files":
                continue
            make, first = ARTICLES[kind]
            rows = []
            for step in range(SIZES):
                size = int(first * args.scale) << step
                path = folder / f"{kind}.txt"
                path.write_text(make(size, random.Random(step)), encoding="utf-8")
                nbytes = path.stat().st_size
                rows.append((size, nbytes, measured(check_command(tool, str(path)), args.repeats)))
                path.unlink()
            exponents += report(kind, "characters", rows, base)
        if "files" in kinds:
            rows = []
            counts = [max(1, args.files_max >> (SIZES - 1 - step)) for step in range(SIZES)]
            for count in counts:
                corpus, pages = folder / "files", folder / "pages"
                corpus.mkdir()
                rng = random.Random(count)
                for i in range(count):
                    (corpus / f"{i:06d}.txt").write_text(prose(SMALL_ARTICLE, rng), encoding="utf-8")
                nbytes = sum(p.stat().st_size for p in corpus.iterdir())
                command = check_command(tool, str(corpus)) + ["--report-dir", str(pages)]
                rows.append((count, nbytes, measured(command, args.repeats)))
                shutil.rmtree(corpus)
                shutil.rmtree(pages, ignore_errors=True)
            exponents += report("files (--report-dir, --format json)", "files", rows, base)
    load = os.getloadavg()
    print(f"\nload average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the end")
    worst = max(exponents, default=0.0)
    print(f"largest exponent {worst:.2f}: {'linear' if worst <= LIMIT else 'NOT linear'} (limit {LIMIT})")
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
