"""Text extraction: bytes of any supported resume format in, plain text out."""

from hirekit.engines.screening.extract.extraction import Extraction, extract_text

__all__ = ["Extraction", "extract_text"]
