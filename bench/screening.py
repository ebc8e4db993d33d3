"""Throughput of resume screening on the real PDF corpus, against bare extraction.

Prints figures only: the corpus holds real people's CVs, so no content is shown.
Usage: .venv/bin/python bench/screening.py [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pypdfium2 as pdfium

from hirekit.engines.screening import Limits, screen

CORPUS = Path("/work/shared/corpus/resumes/pdf")


def bare_extract(path: Path) -> float:
    """The floor: pypdfium2 text of every page, nothing else."""
    started = time.perf_counter()
    try:
        document = pdfium.PdfDocument(path.read_bytes())
    except pdfium.PdfiumError:
        return time.perf_counter() - started
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        document.close()
    return time.perf_counter() - started


def full_screen(path: Path) -> float:
    started = time.perf_counter()
    screen(path, limits=Limits())
    return time.perf_counter() - started


def warm() -> None:
    # Imports, the guide and the taxonomy load once per worker, outside the timing.
    screen(b"Python developer", limits=Limits())


def run(label: str, work: object, files: list[Path], jobs: int) -> tuple[float, list[float]]:
    with ProcessPoolExecutor(max_workers=jobs, initializer=warm) as pool:
        list(pool.map(warm_noop, range(jobs)))
        started = time.perf_counter()
        latencies = list(pool.map(work, files, chunksize=4))  # type: ignore[arg-type]
        wall = time.perf_counter() - started
    rate = len(files) / wall
    p95 = statistics.quantiles(latencies, n=20)[18] * 1000
    print(f"{label:<22} {rate:8.1f} resumes/s   p95 {p95:7.1f} ms   wall {wall:6.2f} s")
    return rate, latencies


def warm_noop(_: int) -> None:
    time.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.pdf"))
    print(f"{len(files)} PDF resumes, {args.jobs} worker processes, best of {args.rounds}")
    bare = max(
        run("bare pypdfium2 text", bare_extract, files, args.jobs)[0] for _ in range(args.rounds)
    )
    full = max(run("full screening", full_screen, files, args.jobs)[0] for _ in range(args.rounds))
    print(f"best bare extraction   {bare:8.1f} resumes/s")
    print(f"best full screening    {full:8.1f} resumes/s")
    print(f"time ratio full/bare   {bare / full:8.2f}x   (target <= 1.25x)")


if __name__ == "__main__":
    main()
