"""Error codes for files that cannot be screened, each with a one-line message."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "no-text-layer": "The file has no text layer (a scan or image); run OCR or ask for a text PDF.",
    "encrypted": "The file is password-protected; ask the candidate for an unprotected copy.",
    "unreadable": "The file is damaged or not what its format claims; it could not be read.",
    "too-large": "The file is past the size or page limit for screening.",
    "timeout": "Reading the file took longer than the time limit.",
    "unsupported-type": "This file type is not supported; use PDF, DOCX, ODT, RTF, TXT or JSON.",
}


class ExtractionFailed(Exception):
    """Raised inside the readers; always turned into an error result, never escapes."""

    def __init__(self, code: str, detail: str = "") -> None:
        if code not in MESSAGES:
            raise ValueError(f"unknown error code {code!r}")
        super().__init__(code)
        self.code = code
        self.detail = detail

    @property
    def message(self) -> str:
        return MESSAGES[self.code]
