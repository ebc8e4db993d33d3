"""The screening's own PDF page reading gives exactly what pypdfium2's helpers give.

``PageText`` skips pypdfium2's page objects and calls pdfium through cffi, reading
every run's box in bulk; it must agree with ``PdfPage``/``PdfTextPage`` on real files,
page by page, on the shipped sample always and on the full corpus
(``HIREKIT_CORPUS_DIR``) when it is there. Assertions name files and pages only,
never their contents.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from tests.engines.screening.screening_documents import text_pdf
from tests.resume_corpus import SAMPLE, full_corpus

from hirekit.engines.screening.extract.pdf_page import PageText, PdfFile

pytestmark = pytest.mark.corpus


def _sample_pdfs() -> list[Path]:
    return sorted((SAMPLE / "pdf").glob("*.pdf"))


def _corpus_pdfs() -> list[Path]:
    # Every seventh file: about sixty real PDFs from many different producers.
    return sorted((full_corpus() / "pdf").glob("*.pdf"))[::7]


def _all_corpus_pdfs() -> list[Path]:
    return sorted((full_corpus() / "pdf").glob("*.pdf"))


# (files, fewest files, fewest pages read): the sample always, the corpus when set.
PAGE_SETS = [
    pytest.param(_sample_pdfs, 12, 12, id="sample"),
    pytest.param(_corpus_pdfs, 55, 100, id="corpus", marks=pytest.mark.corpus("resumes")),
]
REFUSAL_SETS = [
    pytest.param(_sample_pdfs, id="sample"),
    pytest.param(_all_corpus_pdfs, id="corpus", marks=pytest.mark.corpus("resumes")),
]


def _open(path: Path) -> pdfium.PdfDocument | None:
    try:
        return pdfium.PdfDocument(path.read_bytes())
    except pdfium.PdfiumError:
        return None  # encrypted or broken: the reader's error path, tested elsewhere


@pytest.mark.parametrize(("files", "min_files", "min_pages"), PAGE_SETS)
def test_page_text_matches_pypdfium2_on_real_files(
    files: Callable[[], list[Path]], min_files: int, min_pages: int
) -> None:
    chosen = files()
    assert len(chosen) >= min_files, "the resume files are missing"
    pages_seen = 0
    for path in chosen:
        document = _open(path)
        if document is None:
            continue
        ours_file = PdfFile(path.read_bytes())
        try:
            assert ours_file.pages == len(document), path.name
            for index in range(len(document)):
                page = document[index]
                helper = page.get_textpage()
                with PageText(ours_file, index) as ours:
                    where = f"{path.name} page {index}"
                    assert ours.get_text_range() == helper.get_text_range(), where
                    assert (ours.width, ours.height) == (page.get_width(), page.get_height())
                    count = ours.count_rects()
                    assert count == helper.count_rects(), where
                    boxes = ours.run_boxes(count)
                    expected = _helper_boxes(helper, count)
                    assert boxes == expected, where
                    half = ours.width / 2
                    assert ours.get_text_bounded(0, 0, half, ours.height) == (
                        helper.get_text_bounded(0, 0, half, ours.height)
                    ), where
                pages_seen += 1
                helper.close()
                page.close()
        finally:
            ours_file.close()
            document.close()
    assert pages_seen >= min_pages


@pytest.mark.parametrize("files", REFUSAL_SETS)
def test_documents_pypdfium2_refuses_are_refused_with_its_error_code(
    files: Callable[[], list[Path]],
) -> None:
    refused = 0
    for path in files():
        data = path.read_bytes()
        try:
            pdfium.PdfDocument(data).close()
        except pdfium.PdfiumError as expected:
            refused += 1
            with pytest.raises(pdfium.PdfiumError) as ours:
                PdfFile(data)
            assert ours.value.err_code == expected.err_code, path.name
        else:
            with PdfFile(data) as document:
                assert document.pages >= 1
    with pytest.raises(pdfium.PdfiumError) as broken:
        PdfFile(b"%PDF-1.4\n garbage")
    assert broken.value.err_code == pdfium_c.FPDF_ERR_FORMAT
    assert refused >= 1  # the corpus holds Word files named .pdf


def _helper_boxes(textpage: pdfium.PdfTextPage, count: int) -> list[float]:
    """pypdfium2's boxes flattened as run_boxes gives them (get_rect: left, bottom, right, top)."""
    return [v for i in range(count) for v in textpage.get_rect(i)]


def test_boxes_survive_later_reads_and_the_buffer_grows() -> None:
    """A result is the caller's own list, and a page with more runs than the first
    buffer holds (256) is read whole."""
    many = [(50.0 + 120 * (n % 4), 780.0 - 2.5 * (n // 4), f"run {n}") for n in range(1200)]
    small = PdfFile(text_pdf([(50.0, 700.0, "one run")]))
    large = PdfFile(text_pdf(many))
    reference = pdfium.PdfDocument(text_pdf(many))
    try:
        with PageText(small, 0) as page:
            first = page.run_boxes(page.count_rects())
        kept = list(first)
        with PageText(large, 0) as page:
            count = page.count_rects()
            boxes = page.run_boxes(count)
        helper = reference[0].get_textpage()
        assert helper.count_rects() == count  # pdfium computes the runs here
        expected = _helper_boxes(helper, count)
        helper.close()
        assert count > 256 and boxes == expected
        assert first == kept and len(first) == 4
    finally:
        small.close()
        large.close()
        reference.close()
