"""Guards for zip-based formats (DOCX, ODT) before any part is decompressed."""

from __future__ import annotations

import io
import zipfile

from hirekit.engines.screening.failures import ExtractionFailed
from hirekit.engines.screening.limits import Limits

# Real office documents compress text about 5-20x; 200x means a crafted bomb.
_MAX_RATIO = 200


def check_archive(data: bytes, limits: Limits) -> None:
    """Reject archives whose declared unpacked size or ratio is past the limits.

    ``zipfile`` never inflates a member past its declared ``file_size`` (it
    raises on mismatch), so the declared sizes are a sound bound.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ExtractionFailed("unreadable", str(exc)) from exc
    if len(members) > 5000:
        raise ExtractionFailed("too-large", "too many archive members")
    total = sum(m.file_size for m in members)
    if total > limits.max_unzipped_bytes:
        raise ExtractionFailed("too-large", "unpacked size past the limit")
    for member in members:
        if member.file_size > 1_000_000 and member.file_size > _MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise ExtractionFailed("too-large", "compression ratio of a zip bomb")
