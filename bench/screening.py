"""Throughput of resume screening on the real PDF corpus, against bare extraction.

Both sides do the same work per file up to the text: read the bytes from disk, open
the PDF with pypdfium2, and extract every page's text. Full screening then adds
layout checks, normalisation and the analysis. Both are measured the same way:
in one process, and in a pool of ``--jobs`` worker processes; each best of
``--rounds``, bare and full rounds interleaved so load from other programs on the
machine hits both alike, after a warm-up pass (imports, page cache).

Prints figures only: the corpus holds real people's CVs, so no content is shown.
Usage: .venv/bin/python bench/screening.py [--jobs N] [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from hirekit.engines.screening import Limits, screen

CORPUS = Path("/work/shared/corpus/resumes/pdf")
CHUNK = 4

Work = Callable[[Path], tuple[float, float]]


def bare_extract(path: Path) -> tuple[float, float]:
    """The floor: pypdfium2 text of every page, nothing else. (wall s, cpu s)."""
    started, cpu = time.perf_counter(), time.process_time()
    try:
        document = pdfium.PdfDocument(path.read_bytes())
    except pdfium.PdfiumError:
        return time.perf_counter() - started, time.process_time() - cpu
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        document.close()
    return time.perf_counter() - started, time.process_time() - cpu


def full_screen(path: Path) -> tuple[float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    screen(path, limits=Limits())
    return time.perf_counter() - started, time.process_time() - cpu


def warm() -> None:
    # Imports, the guide and the taxonomy load once per process, outside the timing.
    screen(b"Python developer", limits=Limits())


def _noop(_: int) -> None:
    time.sleep(0.05)


@dataclass
class Run:
    rate: float  # resumes per second of wall time
    p95_ms: float  # per-resume latency
    cpu_ms: float  # CPU time per resume, summed over processes


def measure(work: Work, files: list[Path], pool: ProcessPoolExecutor | None) -> Run:
    started = time.perf_counter()
    if pool is None:
        timings = [work(f) for f in files]
    else:
        timings = list(pool.map(work, files, chunksize=CHUNK))
    wall = time.perf_counter() - started
    latencies = [t[0] for t in timings]
    return Run(
        rate=len(files) / wall,
        p95_ms=statistics.quantiles(latencies, n=20)[18] * 1000,
        cpu_ms=sum(t[1] for t in timings) / len(files) * 1000,
    )


def compare(label: str, files: list[Path], rounds: int, pool: ProcessPoolExecutor | None) -> None:
    for work in (bare_extract, full_screen):  # warm-up pass: page cache, lazy imports
        measure(work, files[:40], pool)
    bare: list[Run] = []
    full: list[Run] = []
    for _ in range(rounds):
        bare.append(measure(bare_extract, files, pool))
        full.append(measure(full_screen, files, pool))
    for name, runs in (("bare pypdfium2 text", bare), ("full screening", full)):
        best = max(runs, key=lambda r: r.rate)
        print(
            f"{label:<10} {name:<20} {best.rate:7.1f} resumes/s   p95 {best.p95_ms:6.1f} ms"
            f"   cpu {min(r.cpu_ms for r in runs):5.2f} ms/resume"
        )
    rate_ratio = max(r.rate for r in bare) / max(r.rate for r in full)
    cpu_ratio = min(r.cpu_ms for r in full) / min(r.cpu_ms for r in bare)
    print(
        f"{label:<10} time ratio full/bare {rate_ratio:5.2f}x   cpu ratio {cpu_ratio:5.2f}x"
        "   (target <= 1.25x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.pdf"))
    print(f"{len(files)} PDF resumes, best of {args.rounds} rounds, bare and full interleaved")
    warm()
    compare("1 process", files, args.rounds, None)
    with ProcessPoolExecutor(max_workers=args.jobs, initializer=warm) as pool:
        list(pool.map(_noop, range(args.jobs * 2)))
        compare(f"{args.jobs} procs", files, args.rounds, pool)


if __name__ == "__main__":
    main()
