"""Per-file analysis: read, parse once, scan, run the per-file rules, fingerprint.

Trees over ``POOL_THRESHOLD`` Python files are analysed by a process pool; each
worker returns plain ``FileFacts`` so no syntax tree ever crosses a process.
From ``SPLIT_THRESHOLD`` files, where fork is available, one forked helper
takes the first half of the files while this process analyses the rest: a
single fork and half the results to unpickle cost less than a pool, and below
``POOL_THRESHOLD`` that overhead is what decides whether the second core pays.
"""

from __future__ import annotations

import ast
import multiprocessing
import os
import sys
import warnings
from collections.abc import Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ProcessPoolExecutor, wait
from pathlib import Path

from hirekit.engines.codereview.extract import Extractor
from hirekit.engines.codereview.facts import FileFacts, Finding
from hirekit.engines.codereview.gcpause import collector_paused
from hirekit.engines.codereview.limits import ArchiveRefused, Deadline
from hirekit.engines.codereview.rules import file_findings
from hirekit.engines.codereview.sources import SourceFile, module_name
from hirekit.engines.codereview.winnow import winnow

POOL_THRESHOLD = 200
#: Around 1 ms of work per file against a few ms to fork and return the facts.
SPLIT_THRESHOLD = 64
#: The helper's share of the bytes: over half, as this process also runs the pool's threads
#: and unpickles the helper's facts (measured on a 126-file tree).
HELPER_SHARE = 0.55
#: Split only while the 1-minute load average per core is below this: on a busy
#: machine the helper waits for a core and its start-up cost makes the review slower.
SPLIT_MAX_LOAD = 1.0
FORK_SAFE = sys.version_info[:2] < (3, 12)
SYNTAX_WHY = "Code that does not parse cannot run; the rest of the project was still reviewed."


def _broken(facts: FileFacts, line: int, message: str) -> FileFacts:
    facts.parse_error = message
    facts.findings.append(Finding("syntax-error", "medium", facts.rel, line, message, SYNTAX_WHY))
    return facts


def analyse_file(path: str, rel: str, is_test: bool) -> FileFacts:
    """Analyse one Python file; problems reading or parsing it become a finding."""
    facts = FileFacts(rel, module_name(rel), is_test)
    try:
        data = Path(path).read_bytes()
    except OSError:
        return _broken(facts, 1, "file could not be read")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return _broken(facts, line, "file is not valid UTF-8")
    facts.lines = text.count("\n") + (1 if text and not text.endswith("\n") else 0)
    try:
        # Candidate code may hold invalid escapes ("\d" in a plain string): Python warns,
        # and a caller that turns warnings into errors must not make that a parse error.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(text, filename=rel)
    except SyntaxError as exc:
        return _broken(facts, exc.lineno or 1, f"file does not parse: {exc.msg}")
    except (ValueError, RecursionError, MemoryError):
        return _broken(facts, 1, "file does not parse")
    try:
        extractor = Extractor(facts, rel.endswith("__init__.py"))
        extractor.visit(tree)
        scan = extractor.finish()
        facts.findings.extend(file_findings(scan))
    except RecursionError:
        return _broken(
            FileFacts(rel, facts.module, is_test, facts.lines), 1, "nested too deeply to analyse"
        )
    if not is_test:
        facts.fingerprint = winnow(scan.tokens)
    return facts


def _analyse_chunk(chunk: Sequence[tuple[str, str, bool]]) -> list[FileFacts]:
    with collector_paused():
        return [analyse_file(*item) for item in chunk]


def _pool_context() -> multiprocessing.context.BaseContext:
    # fork is cheapest, but from 3.12 it warns when the parent has threads.
    if sys.platform == "linux" and FORK_SAFE:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _serial(items: Sequence[tuple[str, str, bool]], deadline: Deadline) -> list[FileFacts]:
    results = []
    with collector_paused():
        for item in items:
            deadline.check()
            results.append(analyse_file(*item))
    return results


def _timed_out(
    pool: ProcessPoolExecutor, pending: set[Future[list[FileFacts]]], seconds: float
) -> ArchiveRefused:
    for future in pending:
        future.cancel()
    pool.shutdown(wait=False, cancel_futures=True)
    return ArchiveRefused(f"review took longer than the {seconds:g} s limit")


def _helper_count(items: Sequence[tuple[str, str, bool]]) -> int:
    """How many leading files make up ``HELPER_SHARE`` of the bytes."""
    sizes = []
    for path, _rel, _is_test in items:
        try:
            sizes.append(os.stat(path).st_size)
        except OSError:
            sizes.append(0)
    budget, taken = sum(sizes) * HELPER_SHARE, 0
    for count, size in enumerate(sizes):
        taken += size
        if taken > budget:
            return max(1, count)
    return len(items) - 1


def _cores_free(workers: int) -> bool:
    try:
        return os.getloadavg()[0] < SPLIT_MAX_LOAD * workers
    except OSError:
        return False


def _split(items: Sequence[tuple[str, str, bool]], deadline: Deadline) -> list[FileFacts]:
    """The leading files in one forked helper, the rest here, at the same time."""
    half = _helper_count(items)
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        helper = pool.submit(_analyse_chunk, items[:half])
        try:
            mine = _serial(items[half:], deadline)
        except ArchiveRefused:
            raise _timed_out(pool, {helper}, deadline.seconds) from None
        _done, pending = wait([helper], timeout=deadline.remaining())
        if pending:
            raise _timed_out(pool, pending, deadline.seconds)
        return helper.result() + mine


def analyse_all(files: Sequence[SourceFile], deadline: Deadline) -> list[FileFacts]:
    """Facts for every file, in the order given."""
    items = [(str(f.path), f.rel, f.is_test) for f in files]
    workers = min(2, os.cpu_count() or 1)
    if len(items) < SPLIT_THRESHOLD or workers < 2:
        return _serial(items, deadline)
    if len(items) <= POOL_THRESHOLD:
        if sys.platform == "linux" and FORK_SAFE and _cores_free(workers):
            return _split(items, deadline)
        return _serial(items, deadline)
    size = max(8, len(items) // (workers * 8))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context()) as pool:
        futures = [pool.submit(_analyse_chunk, chunk) for chunk in chunks]
        _done, pending = wait(futures, timeout=deadline.remaining(), return_when=FIRST_EXCEPTION)
        if pending:
            raise _timed_out(pool, pending, deadline.seconds)
        return [facts for future in futures for facts in future.result()]
