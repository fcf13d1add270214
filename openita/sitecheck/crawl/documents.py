"""Document readers of the site pre-check: PDF, DOCX, XLSX and images, to plain Thai text.

Agencies publish their ITA evidence mostly as PDFs, many of them scans or with a broken text
layer, and some as Word and Excel files. ``read_document`` takes the fetched bytes and:

1. tells the kind by magic bytes first (servers often send the wrong content type), then by
   content type, then by the URL's extension (``detect_kind``);
2. reads the text within ``DocumentLimits`` (pages, characters, unzipped bytes, OCR pages
   and time), because the files come from strangers and may be huge or hostile;
3. repairs Thai extraction defects (``thaitext.normalize``, ``thaitext.repair_sara_am``);
4. never raises: every failure is a ``Document`` with ok=False and an English note.

PDF text is read with pdfminer.six *without* its layout analysis: that step groups
characters by their boxes and scatters Thai marks stacked above and below the line. A small
line finder of our own (``_page_text``) only breaks lines where the baseline moves. pdfminer
also inflates streams without a bound; it gets bounded decoders (see ``_BoundedInflater``).
Scans and images go to tesseract through ``ocr``.
"""

from __future__ import annotations

import io
import re
import time
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import openpyxl
import pdfminer.pdftypes
from docx import Document as open_docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException
from pdfminer.utils import decode_text

from openita.lib import thaitext
from openita.sitecheck.crawl import doclinks, ocr
from openita.sitecheck.crawl.types import DocLink, Document


@dataclass(frozen=True)
class DocumentLimits:
    max_pages: int = 60  # PDF pages read for text
    max_chars: int = 300_000  # text kept per document
    max_unzipped_bytes: int = 60 * 1024 * 1024  # DOCX/XLSX: declared size of all members
    max_zip_ratio: int = 200  # DOCX/XLSX: uncompressed/compressed size of any member
    max_zip_members: int = 2000
    ocr: bool = True
    ocr_max_pages: int = 4
    ocr_timeout_s: float = 60  # for all the OCR of one document
    ocr_max_pixels: int = 40_000_000  # see ocr.image_pixels; A4 at 300 dpi has 8.7 million


DEFAULT_LIMITS = DocumentLimits()
# Fewer printable characters than this per page means the text layer is (nearly) empty: a
# scan, perhaps with a page number or a stamp typed on it.
SCAN_CHARS_PER_PAGE = 16
# No honest content stream or font comes near; a deflate bomb does.
MAX_PDF_STREAM_BYTES = 64 * 2**20

_OFFICE_MEMBERS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx"}
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\0", b"MM\0*")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)", re.I | re.S)
_OFFICE_TYPE = "application/vnd.openxmlformats-officedocument."
_CONTENT_TYPES = {
    **{"application/pdf": "pdf", "application/x-pdf": "pdf", "text/plain": "text"},
    **{"text/html": "html", "application/xhtml+xml": "html", "text/csv": "text"},
    **{_OFFICE_TYPE + "wordprocessingml.document": "docx"},
    **{_OFFICE_TYPE + "spreadsheetml.sheet": "xlsx"},
}
_EXTENSIONS = {
    **{"pdf": "pdf", "docx": "docx", "xlsx": "xlsx", "txt": "text", "csv": "text"},
    **dict.fromkeys(["png", "jpg", "jpeg", "gif", "webp", "tif", "tiff"], "image"),
    **dict.fromkeys(["html", "htm", "xhtml", "php", "asp", "aspx", "jsp"], "html"),
}


def detect_kind(body: bytes, content_type: str = "", url: str = "") -> str:
    """One of "pdf", "docx", "xlsx", "image", "html", "text" and "other"."""
    head = body[:1024]
    if b"%PDF-" in head:  # the header may follow some junk (allowed in its first 1024 bytes)
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        kind = _office_kind(body)
        if kind:
            return kind
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if _HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"  # an error or login page served for a .pdf link
    mime = content_type.split(";")[0].strip().lower()
    if mime in _CONTENT_TYPES:
        return _CONTENT_TYPES[mime]
    if mime.startswith("image/"):
        return "image"
    path = url.split("#")[0].split("?")[0].rsplit("/", 1)[-1]
    extension = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return _EXTENSIONS.get(extension, "other")


def _office_kind(body: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):  # a truncated or damaged archive
        return ""
    return next((kind for member, kind in _OFFICE_MEMBERS.items() if member in names), "")


def read_document(
    body: bytes,
    *,
    content_type: str = "",
    url: str = "",
    limits: DocumentLimits | None = None,
) -> Document:
    """The text of a fetched document; never raises (see the module docstring)."""
    limits = limits or DEFAULT_LIMITS
    kind = detect_kind(body, content_type, url)
    reader = _READERS.get(kind)
    if reader is None:
        return Document(kind=kind, ok=False, note="Unsupported document type")
    try:
        return reader(body, limits)
    except Exception as exc:
        # The specific errors of each format are handled in its reader. Parsers fed hostile
        # or damaged files also raise whatever their internals meet (KeyError, struct.error,
        # RecursionError…), and one bad file must not stop a crawl of hundreds.
        return Document(kind=kind, ok=False, note=f"Unreadable {kind}: {type(exc).__name__}")


def _finish(doc: Document, limits: DocumentLimits) -> Document:
    """Repair the Thai text, cut it to the character limit and set ok."""
    text = thaitext.repair_sara_am(thaitext.normalize(doc.text)).strip()
    if len(text) > limits.max_chars:
        text = text[: limits.max_chars]
        doc.note = _join_notes(doc.note, f"text cut at {limits.max_chars} characters")
    doc.text = text
    doc.title = thaitext.normalize_for_match(doc.title)
    doc.links = [
        DocLink(link.url, thaitext.normalize(link.text), thaitext.normalize(link.row))
        for link in doc.links
    ]
    doc.ok = doc.ok and bool(text)
    if not text and not doc.note:
        doc.note = "No text found"
    return doc


def _join_notes(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def _read_text(body: bytes, limits: DocumentLimits) -> Document:
    text = body[: limits.max_chars * 4].decode("utf-8", errors="replace")
    return _finish(Document(kind="text", text=text), limits)


# --- PDF ----------------------------------------------------------------------------------


class _PdfStreamTooLarge(Exception):
    pass


_STREAM_TOO_LARGE = f"PDF stream over {MAX_PDF_STREAM_BYTES // 2**20} MB unpacked (a bomb?)"


class _BoundedInflater:
    """zlib's decompress object, stopped past MAX_PDF_STREAM_BYTES of output."""

    def __init__(self) -> None:
        self._inflate = zlib.decompressobj()
        self._left = MAX_PDF_STREAM_BYTES

    def decompress(self, data: bytes) -> bytes:
        out = self._inflate.decompress(data, self._left + 1)
        self._left -= len(out)
        if self._left < 0:
            raise _PdfStreamTooLarge
        return out


def _inflate(data: bytes) -> bytes:
    inflater = _BoundedInflater()
    out = inflater.decompress(data)
    if not inflater._inflate.eof:  # what zlib.decompress says, and pdfminer expects
        raise zlib.error("incomplete or truncated stream")
    return out


def _lzw(data: bytes) -> bytes:
    chunks, size = [], 0
    for chunk in LZWDecoder(io.BytesIO(data)).run():
        size += len(chunk)
        if size > MAX_PDF_STREAM_BYTES:
            raise _PdfStreamTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


# pdfminer inflates each stream whole, without a bound: a 1 MB deflate bomb becomes 1 GB.
# Its stream decoder gets bounded stand-ins for zlib and LZW, once for the process (other
# users of pdfminer only gain the bound, which no honest content stream nears).
pdfminer.pdftypes.zlib = SimpleNamespace(  # type: ignore[attr-defined,assignment]
    decompress=_inflate, decompressobj=_BoundedInflater, error=zlib.error
)
pdfminer.pdftypes.lzwdecode = _lzw  # type: ignore[attr-defined]


def _read_pdf(body: bytes, limits: DocumentLimits) -> Document:
    try:
        pdf = _pdf_text(body, limits)
    except PDFPasswordIncorrect:
        return Document(kind="pdf", ok=False, note="PDF is password-protected")
    except PDFEncryptionError:
        return Document(kind="pdf", ok=False, note="PDF uses an unsupported encryption")
    except _PdfStreamTooLarge:
        return Document(kind="pdf", ok=False, note=_STREAM_TOO_LARGE)
    except PSException as exc:  # PDFSyntaxError, PSEOF…: truncated or not a PDF at all
        return Document(kind="pdf", ok=False, note=f"Corrupt PDF ({type(exc).__name__})")
    if pdf.pages == 0:
        return Document(kind="pdf", ok=False, note="Corrupt PDF (no pages)")
    doc = Document(kind="pdf", text=pdf.text, title=pdf.title, pages=pdf.pages, note=pdf.note,
                   links=pdf.links)  # fmt: skip
    printable = len("".join(pdf.text.split()))
    if printable < SCAN_CHARS_PER_PAGE * pdf.pages_read:
        _ocr_scan(doc, body, pdf, limits)
    return _finish(doc, limits)


@dataclass
class _PdfText:
    text: str = ""
    title: str = ""
    pages: int = 0  # in the document
    pages_read: int = 0
    max_side_pt: float = 0.0  # longest page side met, for the OCR resolution
    note: str = ""
    links: list[DocLink] = field(default_factory=list)


def _pdf_text(body: bytes, limits: DocumentLimits) -> _PdfText:
    document = PDFDocument(PDFParser(io.BytesIO(body)))
    result = _PdfText(title=_pdf_title(document), pages=_pdf_page_count(document))
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=None)  # no layout analysis: see above
    interpreter = PDFPageInterpreter(manager, device)
    parts: list[str] = []
    size = 0
    for page in PDFPage.create_pages(document):
        if result.pages_read >= limits.max_pages or size > limits.max_chars:
            break
        interpreter.process_page(page)
        layout = device.get_result()
        parts.append(_page_text(layout))
        if len(result.links) < doclinks.MAX_LINKS:
            form = any(link.url for link in result.links)
            result.links += doclinks.pdf_page_links(page, layout, _page_text, form=form)
        size += len(parts[-1])
        result.pages_read += 1
        result.max_side_pt = max(result.max_side_pt, *_page_size(page))
    result.pages = max(result.pages, result.pages_read)
    result.text = "\n\n".join(parts)
    if result.pages_read < result.pages:
        result.note = f"read the first {result.pages_read} of {result.pages} pages"
    return result


def _pdf_title(document: Any) -> str:
    for info in document.info:
        title = resolve1(info.get("Title"))
        if isinstance(title, bytes | str):
            return (decode_text(title) if isinstance(title, bytes) else title).strip()
    return ""


def _pdf_page_count(document: Any) -> int:
    try:
        count = resolve1(resolve1(document.catalog["Pages"]).get("Count"))
    except (KeyError, AttributeError, TypeError):  # a damaged page tree; pages are counted
        return 0
    return count if isinstance(count, int) and count > 0 else 0


def _page_size(page: Any) -> tuple[float, float]:
    x0, y0, x1, y1 = page.mediabox
    return abs(x1 - x0), abs(y1 - y0)


# Thai marks above and below the line, and the PUA variants of them: they never start a line
# or end a word, and their boxes say nothing about where the line is.
_MARKS = frozenset(
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
) | frozenset(map(chr, range(0xF700, 0xF71B)))
_SPACE_GAP = 0.3  # a gap wider than this many font sizes between glyphs is a space
_LINE_SHIFT = 0.5  # a baseline that moves more than this many font sizes starts a line


def _chars(items: Any) -> Iterator[Any]:
    for item in items:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTContainer):  # figures (Form XObjects) hold text too
            yield from _chars(item)


def _page_text(page: Any) -> str:
    """The characters of one page in content-stream order, with line breaks and spaces where
    glyphs jump; see the module docstring for why pdfminer's layout analysis is not used."""
    out: list[str] = []
    last: Any = None
    for char in _chars(page):
        text = char.get_text()
        if text in _MARKS or last is None:
            out.append(text)
            last = last if text in _MARKS else char
            continue
        size = max(char.size, last.size, 1.0)
        spaced = text.isspace() or last.get_text().isspace()
        if abs(char.y0 - last.y0) > _LINE_SHIFT * size:
            out.append("\n")
        elif char.x0 - last.x1 > _SPACE_GAP * size and not spaced:
            out.append(" ")
        out.append(text)
        last = char
    return "".join(out)


# --- OCR (see ocr.py) -------------------------------------------------------------------


def _ocr_scan(doc: Document, body: bytes, pdf: _PdfText, limits: DocumentLimits) -> None:
    """Replace the (nearly empty) text of a scanned PDF with OCR of its first pages."""
    if not (limits.ocr and ocr.pdf_available()):
        doc.note = _join_notes(doc.note, ocr.NOT_INSTALLED)
        return
    pages = min(limits.ocr_max_pages, pdf.pages)
    deadline = time.monotonic() + limits.ocr_timeout_s
    text, notes = ocr.read_pdf(
        body,
        pages=pages,
        max_side_pt=pdf.max_side_pt,
        deadline=deadline,
        max_chars=limits.max_chars,
    )
    if text:  # else keep what little the text layer had
        doc.text, doc.ocr = text, True
    if pages < pdf.pages:
        notes.insert(0, f"OCR read the first {pages} of {pdf.pages} pages")
    doc.note = _join_notes(doc.note, *notes)


def _read_image(body: bytes, limits: DocumentLimits) -> Document:
    if not (limits.ocr and ocr.available()):
        return Document(kind="image", ok=False, note=ocr.NOT_INSTALLED)
    pixels = ocr.image_pixels(body)
    if pixels > limits.ocr_max_pixels:
        return Document(kind="image", ok=False, note=f"Image too large to OCR ({pixels} pixels)")
    deadline = time.monotonic() + limits.ocr_timeout_s
    text, note = ocr.read_image(body, deadline=deadline, max_chars=limits.max_chars)
    return _finish(Document(kind="image", text=text, pages=1, note=note, ocr=True), limits)


# --- DOCX and XLSX -------------------------------------------------------------------------


def _zip_problem(body: bytes, limits: DocumentLimits) -> str:
    """Why an Office file must not be opened (zip bomb, damaged archive), or "".

    Sizes are the ones the archive declares; Python's zipfile never inflates a member past
    its declared size, so a lying archive cannot make the readers go beyond these limits.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return "Corrupt archive"
    if len(members) > limits.max_zip_members:
        return f"Zip bomb suspected: {len(members)} members"
    total = sum(m.file_size for m in members)
    if total > limits.max_unzipped_bytes:
        return f"Zip bomb suspected: {total // 2**20} MB uncompressed"
    for m in members:
        ratio = m.file_size // max(m.compress_size, 1)
        if ratio > limits.max_zip_ratio:
            return f"Zip bomb suspected: {m.filename} compressed {ratio}:1"
    return ""


def _read_docx(body: bytes, limits: DocumentLimits) -> Document:
    problem = _zip_problem(body, limits)
    if problem:
        return Document(kind="docx", ok=False, note=problem)
    try:
        docx = open_docx(io.BytesIO(body))
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError) as exc:
        # Missing parts, bad XML (lxml's XMLSyntaxError is a SyntaxError).
        return Document(kind="docx", ok=False, note=f"Corrupt DOCX ({type(exc).__name__})")
    lines: list[str] = []
    size = 0
    for block in docx.iter_inner_content():
        if size > limits.max_chars:
            break
        if isinstance(block, Table):
            lines += [_cells_text(row.cells) for row in block.rows]
        else:
            lines.append(block.text)
        size += len(lines[-1]) if lines else 0
    text = "\n".join(line for line in lines if line.strip())
    title = docx.core_properties.title or ""
    document = Document(kind="docx", text=text, title=title, links=doclinks.docx_links(docx))
    return _finish(document, limits)


def _cells_text(cells: Any) -> str:
    # A merged cell comes back once per grid column it spans; keyed by its XML element.
    return "\t".join({id(cell._tc): cell.text.strip() for cell in cells}.values())


def _read_xlsx(body: bytes, limits: DocumentLimits) -> Document:
    problem = _zip_problem(body, limits)
    if problem:
        return Document(kind="xlsx", ok=False, note=problem)
    # openpyxl warns about every feature it drops (data validation, conditional formats…);
    # agencies' workbooks are full of them and they do not matter to the text.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(io.BytesIO(body), read_only=True, data_only=True)
        except (KeyError, ValueError, TypeError, SyntaxError, zipfile.BadZipFile) as exc:
            return Document(kind="xlsx", ok=False, note=f"Corrupt XLSX ({type(exc).__name__})")
        try:
            doc = Document(kind="xlsx", text=_sheets_text(book, limits), pages=len(book.sheetnames))
            doc.title = book.properties.title or ""
        finally:
            book.close()
    return _finish(doc, limits)


def _sheets_text(book: Any, limits: DocumentLimits) -> str:
    lines: list[str] = []
    size = 0
    for sheet in book.worksheets:
        lines.append(f"# {sheet.title}")
        for row in sheet.iter_rows(values_only=True):
            line = "\t".join(_cell_text(v) for v in row if v is not None)
            if line.strip():
                lines.append(line)
                size += len(line)
            if size > limits.max_chars:
                return "\n".join(lines)
    return "\n".join(lines)


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_READERS: dict[str, Callable[[bytes, DocumentLimits], Document]] = {
    "pdf": _read_pdf,
    "docx": _read_docx,
    "xlsx": _read_xlsx,
    "image": _read_image,
    "html": lambda body, limits: Document(kind="html"),  # the crawler parses HTML itself
    "text": _read_text,
}
