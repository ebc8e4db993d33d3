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


def expand(filename: str, data: bytes, max_bytes: int) -> list[ResumeFile | Refusal]:
    """One uploaded file as resume files: itself, or each member of a .zip of resumes."""
    if not is_zip_archive(filename, data):
        return [judge(filename, data)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return [Refusal(filename, "unreadable", "The .zip archive is damaged.")]
    with archive:
        members = [m for m in archive.infolist() if _is_resume_member(m)]
        if len(members) > MAX_ZIP_MEMBERS:
            return [Refusal(filename, "too-many-files", f"At most {MAX_ZIP_MEMBERS} files a .zip.")]
        return [_member(archive, m, max_bytes) for m in members]


def _is_resume_member(member: zipfile.ZipInfo) -> bool:
    path = PurePosixPath(member.filename)
    hidden = any(part.startswith(".") or part == "__MACOSX" for part in path.parts)
    return not member.is_dir() and not hidden


def _member(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, max_bytes: int
) -> ResumeFile | Refusal:
    name = PurePosixPath(member.filename).name
    # The declared size can lie, so the read itself is bounded too.
    if member.file_size > max_bytes:
        return too_large(name, max_bytes)
    try:
        with archive.open(member) as fh:
            data = read_limited(fh, max_bytes)  # type: ignore[arg-type]
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError):
        return Refusal(name, "unreadable", "This file in the .zip could not be unpacked.")
    if data is None:
        return too_large(name, max_bytes)
    return judge(name, data)
