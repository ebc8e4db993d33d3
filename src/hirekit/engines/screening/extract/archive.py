"""DOCX and ODT are zips: their parts are inflated here, under a bound, before any
library reads them.

python-docx and odfpy inflate parts with ``zipfile``, which trusts a member's
compression method to stop at a sane size; a bzip2 part that claims a few bytes
can inflate to gigabytes inside one call. So every part is inflated once by
:mod:`hirekit.engines.zipstream`, counting the bytes really produced against
``Limits.max_unzipped_bytes`` and the compression ratio, and the libraries are
handed a copy of the document whose parts are stored uncompressed: what they read
is exactly what was counted.
"""

from __future__ import annotations

import io
import zipfile

from hirekit.engines.screening.failures import ExtractionFailed
from hirekit.engines.screening.limits import Deadline, Limits
from hirekit.engines.zipstream import Budget, InflateRefused, member_chunks, open_archive

#: Real office documents hold a few dozen parts.
MAX_PARTS = 5000


def bounded_copy(data: bytes, limits: Limits, deadline: Deadline | None = None) -> bytes:
    """``data`` rebuilt with every part inflated within the limits and stored plainly.

    Raises ``ExtractionFailed`` (``too-large`` for a bomb or a part past the
    limits, ``unreadable`` for damage or an unsupported method).
    """
    budget = Budget(limits.max_unzipped_bytes, limits.max_unzipped_ratio)
    out = io.BytesIO()
    try:
        with open_archive(data) as archive:
            members = archive.infolist()
            if len(members) > MAX_PARTS:
                raise ExtractionFailed("too-large", "too many archive members")
            with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
                for info in members:
                    if info.is_dir():
                        continue
                    with copy.open(_stored(info), "w") as part:
                        for chunk in member_chunks(archive, info, budget):
                            part.write(chunk)
                            if deadline is not None:
                                deadline.check()
    except InflateRefused as exc:
        code = "too-large" if exc.code in ("too-large", "bomb") else "unreadable"
        raise ExtractionFailed(code, exc.message) from exc
    return out.getvalue()


def _stored(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy.compress_type = zipfile.ZIP_STORED
    return copy
