"""Time the code review against the floor of reading and parsing the same files.

Prints, for the largest corpus tree and for a synthesised 1,000-file tree
(corpus files copied under distinct folders): review seconds, read+parse
seconds (the floor), their ratio in wall and in CPU time, and peak RSS of this
process and its workers.
Floor and review are timed alternately ``--repeat`` times and the best of each
is kept, so a burst of load from other processes on the machine does not
decide the ratio.

    python bench/review.py [--cache DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import ast
import resource
import shutil
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import contextlib

from fetch_flask_corpus import DEFAULT_CACHE, fetch

from hirekit.engines.codereview import review
from hirekit.engines.codereview.limits import Deadline, Limits
from hirekit.engines.codereview.sources import collect

#: Review time at most this many times the read+parse floor, in one process.
TARGET = 1.5


def floor_seconds(root: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds to read and parse every Python file, and their count."""
    files = collect(root, Limits(), Deadline(600)).python
    start, cpu = time.perf_counter(), time.process_time()
    for f in files:
        with contextlib.suppress(SyntaxError, ValueError):
            ast.parse(f.path.read_bytes())
    return time.perf_counter() - start, time.process_time() - cpu, len(files)


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def measure(label: str, root: Path, repeat: int) -> None:
    floors: list[float] = []
    reviews: list[float] = []
    floor_cpus: list[float] = []
    review_cpus: list[float] = []
    for _ in range(repeat):
        floor, floor_cpu, count = floor_seconds(root)
        floors.append(floor)
        floor_cpus.append(floor_cpu)
        start, cpu = time.perf_counter(), time.process_time()
        report = review(root)
        reviews.append(time.perf_counter() - start)
        review_cpus.append(time.process_time() - cpu)
    floor, seconds = min(floors), min(reviews)
    # CPU time too: on a shared, loaded machine wall time mostly measures the others.
    cpu_ratio = min(review_cpus) / min(floor_cpus)
    print(
        f"{label}: {count} files, {report.stats.lines} lines | review {seconds:.2f} s | "
        f"read+parse floor {floor:.2f} s | ratio {seconds / floor:.2f} | "
        f"cpu ratio {cpu_ratio:.2f} (target <= {TARGET}) | peak RSS {peak_mb():.0f} MB"
    )


def synthesise(source_roots: list[Path], dest: Path, target: int = 1000) -> Path:
    pool = [p for root in source_roots for p in sorted(root.rglob("*.py"))]
    for i in range(target):
        src = pool[i % len(pool)]
        out = dest / f"c{i // len(pool)}" / f"f{i}_{src.name}"
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, out)
    return dest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--repeat", type=int, default=3, help="timings per tree, best kept")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-review-"))
    try:
        roots = []
        for archive in fetch(args.cache):
            with tarfile.open(archive) as tf:
                tf.extractall(work / "src", filter="data")
        roots = sorted((work / "src").iterdir())
        largest = max(roots, key=lambda r: sum(1 for _ in r.rglob("*.py")))
        measure(f"largest corpus tree ({largest.name})", largest, args.repeat)
        synth = synthesise(roots, work / "synth")
        measure("synthesised 1,000-file tree", synth, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
