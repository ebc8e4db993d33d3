"""``hirekit screen`` as a plain function: paths in, a report on stdout, an exit code."""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from hirekit.engines.screening.batch import Item, screen_many
from hirekit.engines.screening.limits import Limits
from hirekit.engines.screening.result import Result
from hirekit.engines.screening.sniff import sniff
from hirekit.engines.zipstream import Budget, InflateRefused, member_chunks

#: Past this many files a progress bar is drawn on stderr.
PROGRESS_FROM = 20
#: A .zip of resumes inflates to at most this many times the per-file limit.
MAX_MEMBERS_READ = 50
#: Stands in for a member refused while inflating (a bomb, damage): a broken
#: zip, which the reader reports as unreadable.
_REFUSED_MEMBER = b"PK\x03\x04 refused while unpacking"
_CSV_FIELDS = ("file", "error", "name", "email", "score", "fit", "green_flags", "yellow_flags")


def run_cli(
    paths: Iterable[str],
    use_case: str = "rest-api",
    fmt: str = "table",
    jobs: int | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Screen files, folders (recursively) and ``.zip`` archives of resumes.

    Returns 0 when at least one file was read (failed files carry their error in
    the report), 2 when nothing could be read or nothing was found.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    if fmt not in ("json", "csv", "table"):
        raise ValueError(f"unknown format {fmt!r}")
    items = list(collect(paths, Limits()))
    if not items:
        print("No resume files found.", file=err)
        return 2
    progress = _bar(err) if len(items) > PROGRESS_FROM else None
    results = list(screen_many(items, use_case=use_case, jobs=jobs, progress=progress))
    if progress is not None:
        print(file=err)
    {"json": _json, "csv": _csv, "table": _table}[fmt](results, out)
    return 0 if any(r.error is None for r in results) else 2


def collect(paths: Iterable[str], limits: Limits) -> Iterator[Item]:
    """Expand folders and zip archives into screenable items, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield from _file(child, limits)
        else:
            yield from _file(path, limits)


def _file(path: Path, limits: Limits) -> Iterator[Item]:
    if path.suffix.lower() == ".zip" and path.is_file():
        head = path.read_bytes() if path.stat().st_size <= limits.max_bytes * 10 else b""
        if head and sniff(head) is None:
            yield from _zip_members(path, head, limits)
            return
    yield str(path)


def _zip_members(path: Path, data: bytes, limits: Limits) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        yield str(path)
        return
    budget = Budget(limits.max_bytes * MAX_MEMBERS_READ, limits.max_unzipped_ratio)
    with archive:
        for member in archive.infolist():
            if member.is_dir() or member.filename.startswith(("__MACOSX/", ".")):
                continue
            name = f"{path}!{member.filename}"
            try:
                content = _bounded_member(archive, member, limits.max_bytes, budget)
            except InflateRefused:
                # A bomb or a damaged member: the reader reports it as unreadable.
                yield (name, _REFUSED_MEMBER)
                continue
            if content is None:
                # Too big to read: pass a marker the reader rejects as too large.
                yield (name, b"\0" * (limits.max_bytes + 1))
                continue
            yield (name, content)


def _bounded_member(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, max_bytes: int, budget: Budget
) -> bytes | None:
    """The member's bytes, or None once they pass ``max_bytes`` (counted, not declared)."""
    if member.file_size > max_bytes:
        return None
    pieces: list[bytes] = []
    size = 0
    for chunk in member_chunks(archive, member, budget):
        size += len(chunk)
        if size > max_bytes:
            return None
        pieces.append(chunk)
    return b"".join(pieces)


def _bar(err: TextIO) -> Callable[[int, int], None]:
    def draw(done: int, total: int) -> None:
        filled = int(30 * done / total)
        err.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
        err.flush()

    return draw


def _json(results: list[Result], out: TextIO) -> None:
    json.dump([r.to_dict() for r in results], out, indent=2, ensure_ascii=False)
    out.write("\n")


def _csv(results: list[Result], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(_CSV_FIELDS)
    for r in results:
        writer.writerow(
            [
                r.file,
                r.error.code if r.error else "",
                r.candidate.name or "",
                r.candidate.email or "",
                r.score,
                r.fit,
                " ".join(f.flag for f in r.green_flags),
                " ".join(f.flag for f in r.yellow_flags),
            ]
        )


def _table(results: list[Result], out: TextIO) -> None:
    width = max(len(r.file) for r in results)
    width = min(max(width, 4), 60)
    out.write(f"{'FILE':<{width}}  SCORE  FIT       FLAGS\n")
    for r in results:
        if r.error:
            flags = f"error: {r.error.code}"
        else:
            greens = [f"+{f.flag}" for f in r.green_flags]
            flags = " ".join(greens + [f"-{f.flag}" for f in r.yellow_flags])
        out.write(f"{r.file[-width:]:<{width}}  {r.score:>5}  {r.fit:<8}  {flags}\n")
