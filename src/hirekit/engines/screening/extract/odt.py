"""ODT through odfpy: headings and paragraphs in document order."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from odf import teletype
from odf.namespaces import TEXTNS
from odf.opendocument import load

from hirekit.engines.screening.extract.archive import bounded_copy
from hirekit.engines.screening.extract.text import ReadResult
from hirekit.engines.screening.failures import ExtractionFailed
from hirekit.engines.screening.limits import Deadline, Limits

_BLOCKS = {(TEXTNS, "p"), (TEXTNS, "h")}


def read(data: bytes, limits: Limits, deadline: Deadline) -> ReadResult:
    data = bounded_copy(data, limits, deadline)
    try:
        document = load(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ExtractionFailed("unreadable", str(exc)) from exc
    except Exception as exc:
        # odfpy surfaces parser errors (xml.sax) of damaged content as various types.
        raise ExtractionFailed("unreadable", type(exc).__name__) from exc
    lines: list[str] = []
    _walk(document.text, lines, deadline)
    return ReadResult("\n".join(lines))


def _walk(node: Any, lines: list[str], deadline: Deadline) -> None:
    stack = [node]
    while stack:
        current = stack.pop()
        if getattr(current, "qname", None) in _BLOCKS:
            if len(lines) % 200 == 0:
                deadline.check()
            lines.append(teletype.extractText(current))
            continue
        stack.extend(reversed(getattr(current, "childNodes", [])))
