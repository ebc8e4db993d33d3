"""Throughput of resume screening on the real PDF corpus, against bare extraction.

Both sides do the same work per file up to the text: read the bytes from disk, open
the PDF with pypdfium2, and extract every page's text. Full screening then adds
layout checks, normalisation and the analysis. Full screening is measured two ways:
``screen_batch`` over batches of ``BATCH`` files, which is what ``screen_many`` (and
so ``hirekit screen``) runs in each worker, and ``screen()`` one file at a time, as
a web upload's background job does. Every side gets the same batches of files, in
one process and in a pool of ``--jobs`` worker processes; each best of ``--rounds``,
the sides interleaved so load from other programs hits all alike, after a warm-up
pass (imports, page cache). The p95 latency is per resume, so it is shown for the
sides that handle one resume at a time.

Both sides read PDFs through pypdfium2's public API (``PdfDocument``, ``PdfPage``,
``PdfTextPage``), so the ratio is the screening's own cost. The target (full
screening at most 1.3x the bare extraction) is for one process; ``--jobs N`` > 1
also measures a pool of N worker processes.

The corpus is read from ``$HIREKIT_CORPUS_DIR/pdf``; without it, the shipped sample in
tests/fixtures/resume_sample (12 PDFs: figures then say little). Prints figures only: the
corpus holds real people's CVs, so no content is shown.
Usage: HIREKIT_CORPUS_DIR=... .venv/bin/python bench/screening.py [--jobs N] [--rounds N]
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

from hirekit.engines.screening import Limits, screen, screen_batch
from hirekit.engines.screening.batch import BATCH

SAMPLE = Path(__file__).resolve().parent.parent / "tests/fixtures/resume_sample"
CORPUS = Path(os.environ.get("HIREKIT_CORPUS_DIR") or SAMPLE) / "pdf"
TARGET = 1.3

# Per batch of files: per-file wall times when files are handled one at a time
# (else empty), and the batch's CPU time.
Timing = tuple[list[float], float]
Work = Callable[[list[Path]], Timing]


def bare_extract(path: Path) -> None:
    """The floor: pypdfium2's public-API text of every page, nothing else."""
    try:
        document = pdfium.PdfDocument(path.read_bytes())
    except pdfium.PdfiumError:
        return
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        document.close()


def _one_at_a_time(handle: Callable[[Path], object], paths: list[Path]) -> Timing:
    cpu = time.process_time()
    walls = []
    for path in paths:
        started = time.perf_counter()
        handle(path)
        walls.append(time.perf_counter() - started)
    return walls, time.process_time() - cpu


def bare(paths: list[Path]) -> Timing:
    return _one_at_a_time(bare_extract, paths)


def single(paths: list[Path]) -> Timing:
    return _one_at_a_time(lambda path: screen(path, limits=Limits()), paths)


def batched(paths: list[Path]) -> Timing:
    cpu = time.process_time()
    screen_batch(paths, limits=Limits())
    return [], time.process_time() - cpu


def warm() -> None:
    # Imports, the guide and the taxonomy load once per process, outside the timing.
    screen(b"Python developer", limits=Limits())


def _noop(_: int) -> None:
    time.sleep(0.05)


@dataclass
class Run:
    rate: float  # resumes per second of wall time
    p95_ms: float | None  # per-resume latency, when resumes are handled one at a time
    cpu_ms: float  # CPU time per resume, summed over processes


def measure(work: Work, batches: list[list[Path]], pool: ProcessPoolExecutor | None) -> Run:
    count = sum(len(b) for b in batches)
    started = time.perf_counter()
    timings = [work(b) for b in batches] if pool is None else list(pool.map(work, batches))
    wall = time.perf_counter() - started
    latencies = [w for walls, _ in timings for w in walls]
    return Run(
        rate=count / wall,
        p95_ms=statistics.quantiles(latencies, n=20)[18] * 1000 if latencies else None,
        cpu_ms=sum(cpu for _, cpu in timings) / count * 1000,
    )


SIDES: dict[str, Work] = {
    "bare pypdfium2 text": bare,
    "full, in batches": batched,
    "full, one at a time": single,
}


def compare(label: str, files: list[Path], rounds: int, pool: ProcessPoolExecutor | None) -> None:
    batches = [files[at : at + BATCH] for at in range(0, len(files), BATCH)]
    for work in SIDES.values():  # warm-up pass: page cache, lazy imports
        measure(work, batches[:5], pool)
    runs: dict[str, list[Run]] = {name: [] for name in SIDES}
    for _ in range(rounds):
        for name, work in SIDES.items():
            runs[name].append(measure(work, batches, pool))
    for name, done in runs.items():
        best = max(done, key=lambda r: r.rate)
        p95 = f"{best.p95_ms:6.1f} ms" if best.p95_ms is not None else "     -   "
        print(
            f"{label:<10} {name:<20} {best.rate:7.1f} resumes/s   p95 {p95}"
            f"   cpu {min(r.cpu_ms for r in done):5.2f} ms/resume"
        )
    floor = runs["bare pypdfium2 text"]
    for name in ("full, in batches", "full, one at a time"):
        rate_ratio = max(r.rate for r in floor) / max(r.rate for r in runs[name])
        cpu_ratio = min(r.cpu_ms for r in runs[name]) / min(r.cpu_ms for r in floor)
        print(
            f"{label:<10} {name + ' / bare':<31} time ratio {rate_ratio:5.2f}x"
            f"   cpu ratio {cpu_ratio:5.2f}x   (target <= {TARGET}x)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=1, help="also measure N worker processes")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.pdf"))
    if not os.environ.get("HIREKIT_CORPUS_DIR"):
        print("(HIREKIT_CORPUS_DIR unset: measuring the 12-file shipped sample)")
    print(
        f"{len(files)} PDF resumes in batches of {BATCH}, best of {args.rounds} rounds,"
        " the sides interleaved"
    )
    warm()
    compare("1 process", files, args.rounds, None)
    if args.jobs < 2:
        return
    with ProcessPoolExecutor(max_workers=args.jobs, initializer=warm) as pool:
        list(pool.map(_noop, range(args.jobs * 2)))
        compare(f"{args.jobs} procs", files, args.rounds, pool)


if __name__ == "__main__":
    main()
