"""Turning uploaded files (and .zip archives of resumes) into resume files or per-file refusals.

Nothing here touches the database or the store: it only decides, file by file,
what may be kept. A bad file is reported and the others go on.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import BinaryIO

from hirekit.engines.screening.sniff import sniff
from hirekit.engines.zipstream import Budget, InflateRefused, member_chunks

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "rtf": "application/rtf",
    "jsonresume": "application/json",
    "text": "text/plain",
}
#: Most members a bulk .zip may hold; a real batch of CVs is far below this.
MAX_ZIP_MEMBERS = 500
MB = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    """Bounds for one bulk .zip, counted on the bytes really inflated (headers lie).

    PDF and DOCX files are compressed already: a member that inflates more than
    ``max_ratio`` times its stored size is a bomb, and so is the whole archive.
    """

    max_unpacked_bytes: int = 200 * MB
    max_ratio: float = 200.0


@dataclass(frozen=True)
class ResumeFile:
    filename: str
    data: bytes
    content_type: str


@dataclass(frozen=True)
class Refusal:
    filename: str
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"file": self.filename, "code": self.code, "message": self.message}


def read_limited(stream: BinaryIO, max_bytes: int) -> bytes | None:
    """The stream's bytes, or None once it passes ``max_bytes`` (never reads much past it)."""
    data = stream.read(max_bytes + 1)
    return None if len(data) > max_bytes else data


def too_large(filename: str, max_bytes: int) -> Refusal:
    mb = round(max_bytes / (1024 * 1024), 2)
    return Refusal(filename, "too-large", f"The file is larger than the {mb:g} MB limit.")


def judge(filename: str, data: bytes) -> ResumeFile | Refusal:
    """Keep ``data`` when its bytes look like a resume format the screening engine reads."""
    if not data:
        return Refusal(filename, "empty", "The file is empty.")
    kind = sniff(data)
    if kind is None:
        return Refusal(
            filename,
            "unsupported-type",
            "This file type is not supported; use PDF, DOCX, ODT, RTF, TXT or JSON.",
        )
    return ResumeFile(filename, data, CONTENT_TYPES[kind])


def is_zip_archive(filename: str, data: bytes) -> bool:
    """A .zip of resumes, as opposed to a DOCX or ODT (which are zips too)."""
    if data[:4] != b"PK\x03\x04":
        return False
    if sniff(data) is None:
        return True
    # A damaged archive sniffs as DOCX; by its name it was meant as a .zip of resumes.
    return filename.lower().endswith(".zip") and not zipfile.is_zipfile(io.BytesIO(data))


def expand(
    filename: str, data: bytes, max_bytes: int, limits: ZipLimits | None = None
) -> list[ResumeFile | Refusal]:
    """One uploaded file as resume files: itself, or each member of a .zip of resumes.

    A .zip past its limits (a bomb) is refused whole; a member past ``max_bytes``
    is refused alone, found out by counting its bytes while it inflates.
    """
    if not is_zip_archive(filename, data):
        return [judge(filename, data)]
    limits = limits or ZipLimits()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return [Refusal(filename, "unreadable", "The .zip archive is damaged.")]
    budget = Budget(limits.max_unpacked_bytes, limits.max_ratio)
    with archive:
        members = [m for m in archive.infolist() if _is_resume_member(m)]
        if len(members) > MAX_ZIP_MEMBERS:
            return [Refusal(filename, "too-many-files", f"At most {MAX_ZIP_MEMBERS} files a .zip.")]
        try:
            return [_member(archive, m, max_bytes, budget) for m in members]
        except InflateRefused as exc:
            return [_refused_archive(filename, exc, limits)]


def _refused_archive(filename: str, exc: InflateRefused, limits: ZipLimits) -> Refusal:
    if exc.code == "too-large":
        mb = round(limits.max_unpacked_bytes / MB, 2)
        return Refusal(
            filename, "too-large", f"The .zip archive unpacks to more than {mb:g} MB; split it."
        )
    return Refusal(
        filename,
        "zip-bomb",
        "The .zip archive was refused: a file in it expands far more than real resumes"
        f" do (over {limits.max_ratio:g}:1) or more than its header says.",
    )


def _is_resume_member(member: zipfile.ZipInfo) -> bool:
    path = PurePosixPath(member.filename)
    hidden = any(part.startswith(".") or part == "__MACOSX" for part in path.parts)
    return not member.is_dir() and not hidden


def _member(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, max_bytes: int, budget: Budget
) -> ResumeFile | Refusal:
    """One member, read until it passes ``max_bytes`` (its declared size is not trusted).

    Raises ``InflateRefused`` for what condemns the whole archive (a bomb, the
    archive's total); a damaged or unsupported member is refused alone.
    """
    name = PurePosixPath(member.filename).name
    if member.file_size > max_bytes:
        return too_large(name, max_bytes)
    pieces: list[bytes] = []
    size = 0
    try:
        for chunk in member_chunks(archive, member, budget):
            size += len(chunk)
            if size > max_bytes:
                return too_large(name, max_bytes)
            pieces.append(chunk)
    except InflateRefused as exc:
        if exc.code in ("damaged", "unsupported"):
            return Refusal(name, "unreadable", "This file in the .zip could not be unpacked.")
        raise
    return judge(name, b"".join(pieces))
