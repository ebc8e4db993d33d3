"""The upload store boundary: where uploaded files live.

Local disk under ``HIREKIT_UPLOAD_DIR`` by default (shared storage when web and
workers run on several machines). Keys are opaque; the original file name is
kept only as sanitised metadata, never used to build a path.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol, cast

from flask import Flask, current_app
from werkzeug.utils import secure_filename

EXTENSION_KEY = "hirekit.files"
CHUNK = 1024 * 1024


class FileTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"larger than {limit // (1024 * 1024)} MB")
        self.limit = limit


@dataclass(frozen=True)
class StoredFile:
    key: str
    name: str  # sanitised original name, for display and downloads
    size: int
    sha256: str


class FileStore(Protocol):
    def save(self, stream: BinaryIO, category: str, filename: str, max_bytes: int) -> StoredFile:
        """Store ``stream``; raise FileTooLarge (keeping nothing) past ``max_bytes``."""

    def path(self, key: str) -> Path:
        """A local path to read the file from (engines take paths)."""

    def delete(self, key: str) -> None:
        """Remove the file; deleting a missing key is not an error."""


def safe_name(filename: str, fallback: str = "upload") -> str:
    name = secure_filename(filename or "")[:120]
    return name or fallback


class LocalFileStore:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).resolve()

    def save(self, stream: BinaryIO, category: str, filename: str, max_bytes: int) -> StoredFile:
        name = safe_name(filename)
        key = f"{safe_name(category)}/{uuid.uuid4().hex}/{name}"
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        try:
            with open(target, "xb") as out:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        raise FileTooLarge(max_bytes)
                    digest.update(chunk)
                    out.write(chunk)
        except BaseException:
            shutil.rmtree(target.parent, ignore_errors=True)
            raise
        os.chmod(target, 0o600)
        return StoredFile(key, name, size, digest.hexdigest())

    def path(self, key: str) -> Path:
        resolved = (self.root / key).resolve()
        # Keys come from our own rows, but a tampered row must not escape the store.
        if not resolved.is_relative_to(self.root):
            raise ValueError(f"file key outside the upload store: {key!r}")
        return resolved

    def delete(self, key: str) -> None:
        folder = self.path(key).parent
        if folder != self.root:
            shutil.rmtree(folder, ignore_errors=True)


def init_storage(app: Flask) -> None:
    """Choose the store; nothing is created on disk until the first upload."""
    app.extensions[EXTENSION_KEY] = LocalFileStore(app.config["UPLOAD_DIR"])


def file_store() -> FileStore:
    return cast(FileStore, current_app.extensions[EXTENSION_KEY])
