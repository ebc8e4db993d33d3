"""Per-file analysis: read, parse once, scan, run the per-file rules, fingerprint.

A review runs in the calling process: the queue's workers are hirekit's
parallelism. A caller that reviews one large tree on its own may ask for
``jobs`` worker processes (spawned, so safe in a threaded process); each worker
returns plain ``FileFacts`` so no syntax tree ever crosses a process.
"""

from __future__ import annotations

import ast
import multiprocessing
import warnings
from collections.abc import Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ProcessPoolExecutor, wait
from pathlib import Path

from hirekit.engines.codereview.extract import Extractor
from hirekit.engines.codereview.facts import FileFacts, Finding
from hirekit.engines.codereview.limits import ArchiveRefused, Deadline
from hirekit.engines.codereview.rules import file_findings
from hirekit.engines.codereview.sources import SourceFile, module_name
from hirekit.engines.codereview.winnow import winnow

#: Below this many files a pool's start-up costs more than the second core saves.
POOL_THRESHOLD = 200
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
    return [analyse_file(*item) for item in chunk]


def _serial(items: Sequence[tuple[str, str, bool]], deadline: Deadline) -> list[FileFacts]:
    results = []
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


def analyse_all(files: Sequence[SourceFile], deadline: Deadline, jobs: int = 1) -> list[FileFacts]:
    """Facts for every file, in the order given; ``jobs`` > 1 spreads large trees
    over that many spawned processes."""
    items = [(str(f.path), f.rel, f.is_test) for f in files]
    if jobs < 2 or len(items) < POOL_THRESHOLD:
        return _serial(items, deadline)
    size = max(8, len(items) // (jobs * 8))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = [pool.submit(_analyse_chunk, chunk) for chunk in chunks]
        _done, pending = wait(futures, timeout=deadline.remaining(), return_when=FIRST_EXCEPTION)
        if pending:
            raise _timed_out(pool, pending, deadline.seconds)
        return [facts for future in futures for facts in future.result()]
