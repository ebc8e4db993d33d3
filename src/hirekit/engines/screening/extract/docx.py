"""DOCX through python-docx: headers, body in document order (tables and text
boxes included), footers."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from hirekit.engines.screening.extract.archive import bounded_copy
from hirekit.engines.screening.extract.text import ReadResult
from hirekit.engines.screening.failures import ExtractionFailed
from hirekit.engines.screening.limits import Deadline, Limits

_P = qn("w:p")
_T = qn("w:t")
_TAB = qn("w:tab")
_BREAKS = (qn("w:br"), qn("w:cr"))
# Word stores each text box twice: DrawingML in mc:Choice and VML in
# mc:Fallback. Reading only the Choice branch avoids doubled text.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HEADER = "/header"
_FOOTER = "/footer"


def read(data: bytes, limits: Limits, deadline: Deadline) -> ReadResult:
    data = bounded_copy(data, limits, deadline)
    try:
        document = docx.Document(io.BytesIO(data))
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        OSError,
        NotImplementedError,
    ) as exc:
        raise ExtractionFailed("unreadable", str(exc)) from exc
    except Exception as exc:
        # lxml raises XMLSyntaxError (no stubs here) for damaged parts.
        raise ExtractionFailed("unreadable", type(exc).__name__) from exc
    headers = _related_texts(document, _HEADER, deadline)
    body = paragraphs_text(document.element.body, deadline)
    footers = _related_texts(document, _FOOTER, deadline)
    return ReadResult("\n".join(t for t in (*headers, body, *footers) if t.strip()))


def paragraphs_text(root: Any, deadline: Deadline) -> str:
    """Text of every ``w:p`` under ``root`` in document order, one line each."""
    lines: list[str] = []
    for count, paragraph in enumerate(root.iter(_P)):
        if count % 200 == 0:
            deadline.check()
        if _inside_fallback(paragraph):
            continue
        lines.append(_own_text(paragraph))
    return "\n".join(lines)


def _own_text(paragraph: Any) -> str:
    """Runs of this paragraph only; nested text-box paragraphs get their own line."""
    pieces: list[str] = []
    for node in paragraph.iter(_T, _TAB, *_BREAKS):
        if _nearest_paragraph(node) is not paragraph:
            continue
        if node.tag == _T:
            pieces.append(node.text or "")
        elif node.tag == _TAB:
            pieces.append("\t")
        else:
            pieces.append("\n")
    return "".join(pieces)


def _nearest_paragraph(node: Any) -> Any:
    parent = node.getparent()
    while parent is not None and parent.tag != _P:
        parent = parent.getparent()
    return parent


def _inside_fallback(node: Any) -> bool:
    parent = node.getparent()
    while parent is not None:
        if parent.tag == _FALLBACK:
            return True
        parent = parent.getparent()
    return False


def _related_texts(document: Any, suffix: str, deadline: Deadline) -> list[str]:
    seen: list[str] = []
    for rel in document.part.rels.values():
        if not rel.reltype.endswith(suffix) or rel.is_external:
            continue
        element = getattr(rel.target_part, "element", None)
        if element is None:
            continue
        text = paragraphs_text(element, deadline).strip()
        if text and text not in seen:
            seen.append(text)
    return seen
