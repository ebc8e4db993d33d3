"""Build small resume documents of every supported format inside the tests."""

from __future__ import annotations

import io
import zipfile

import docx
import pypdfium2 as pdfium
from docx.oxml import parse_xml
from odf.opendocument import OpenDocumentText
from odf.text import H, P


def text_pdf(lines: list[tuple[float, float, str]], size: tuple[int, int] = (612, 792)) -> bytes:
    """A PDF with Helvetica text drawn at (x, y), in the order given."""
    ops = "".join(
        f"BT /F1 10 Tf {x:.1f} {y:.1f} Td ({_escape(text)}) Tj ET\n" for x, y, text in lines
    ).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>" % size,
        b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return _assemble(objects, b"")


def two_column_lines() -> list[tuple[float, float, str]]:
    """A header line, then a CV's two columns drawn row by row (woven in stream order)."""
    lines = [(50.0, 760.0, "Jane Doe - Backend Engineer")]
    left = [
        "Experience",
        "Acme 2019 - Present",
        "Designed the Flask API",
        "for billing.",
        "Wrote",
        "tests",
    ]
    right = ["Skills", "Python", "PostgreSQL", "Docker", "Languages", "English"]
    for row, (a, b) in enumerate(zip(left, right, strict=True)):
        lines += [(50.0, 720.0 - 14 * row, a), (400.0, 720.0 - 14 * row, b)]
    return lines


def encrypted_pdf() -> bytes:
    """A PDF whose standard security handler rejects the empty password."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32
        + b"> /P -44 >>",
    ]  # fmt: skip
    return _assemble(objects, b" /Encrypt 4 0 R /ID [<0123456789abcdef> <0123456789abcdef>]")


def image_only_pdf() -> bytes:
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(300, 300)
    bitmap = pdfium.PdfBitmap.new_native(50, 50, pdfium.raw.FPDFBitmap_BGR)
    bitmap.fill_rect((10, 200, 10, 255), 0, 0, 50, 50)
    image = pdfium.PdfImage.new(pdf)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(200, 200))
    page.insert_obj(image)
    page.gen_content()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _assemble(objects: list[bytes], trailer_extra: bytes) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R" % (len(objects) + 1) + trailer_extra + b" >>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


_TEXTBOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
    "<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
)


def resume_docx(header: str, body: list[str], textbox: str, footer: str, table: str) -> bytes:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = header
    document.sections[0].footer.paragraphs[0].text = footer
    for line in body:
        document.add_paragraph(line)
    holder = document.add_paragraph("Sidebar:")
    holder._p.append(parse_xml(_TEXTBOX.format(text=textbox)))
    document.add_table(rows=1, cols=1).cell(0, 0).text = table
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def resume_odt(heading: str, lines: list[str]) -> bytes:
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=heading))
    for line in lines:
        document.text.addElement(P(text=line))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def zip_bomb_docx() -> bytes:
    """A DOCX-shaped archive whose document part inflates to 60 MB of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * 60_000_000)
    return out.getvalue()
