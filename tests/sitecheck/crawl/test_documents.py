import io
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
from docx import Document as DocxDocument

from openita.sitecheck.crawl import documents, ocr
from openita.sitecheck.crawl.documents import DocumentLimits, detect_kind, read_document

FIXTURES = Path(__file__).parent / "fixtures"
needs_ocr = pytest.mark.skipif(
    not ocr.pdf_available(), reason="tesseract-ocr-tha or poppler-utils missing"
)
NO_OCR = DocumentLimits(ocr=False)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture
def ocr_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)


# --- Kinds ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("plan.pdf", "pdf"),
        ("manual.docx", "docx"),
        ("budget.xlsx", "xlsx"),
        ("scan.png", "image"),
    ],
)
def test_it_tells_the_kind_by_bytes_whatever_the_server_says(name: str, kind: str) -> None:
    assert detect_kind(fixture(name), "text/html; charset=utf-8", "https://a.go.th/x.txt") == kind


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\xff\xd8\xff\xe0\0\x10JFIF", "image"),
        (b"GIF89a\x01\0\x01\0", "image"),
        (b"RIFF\0\0\0\0WEBPVP8 ", "image"),
        (b"II*\0\x08\0\0\0", "image"),
        (b"\r\n%PDF-1.7\n", "pdf"),  # junk before the header
    ],
)
def test_it_knows_other_magic_bytes(head: str, kind: str) -> None:
    assert detect_kind(head + b"\0" * 64, "application/octet-stream") == kind


def test_it_takes_an_html_page_served_for_a_pdf_for_html() -> None:
    body = b"\xef\xbb\xbf\n<!DOCTYPE html><html><body>Please log in</body></html>"
    assert detect_kind(body, "application/pdf", "https://a.go.th/plan.pdf") == "html"


@pytest.mark.parametrize(
    ("content_type", "url", "kind"),
    [
        ("application/pdf", "", "pdf"),
        ("Application/PDF; name=x", "", "pdf"),
        ("image/jpeg", "", "image"),
        ("text/plain; charset=tis-620", "", "text"),
        ("application/octet-stream", "https://a.go.th/f/Plan%202568.PDF?dl=1#p2", "pdf"),
        ("", "https://a.go.th/report.docx", "docx"),
        ("", "https://a.go.th/budget.xlsx", "xlsx"),
        ("", "https://a.go.th/index.php?id=3", "html"),
        ("", "https://a.go.th/download", "other"),
        ("application/zip", "https://a.go.th/a.zip", "other"),
    ],
)
def test_it_falls_back_on_content_type_then_extension(
    content_type: str, url: str, kind: str
) -> None:
    assert detect_kind(b"\x00\x01 no magic here", content_type, url) == kind


def test_it_does_not_take_a_plain_zip_for_an_office_file() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert detect_kind(buffer.getvalue(), "", "https://a.go.th/files.zip") == "other"


# --- PDF ------------------------------------------------------------------------------------


def test_it_reads_a_thai_pdf() -> None:
    doc = read_document(fixture("plan.pdf"), content_type="application/pdf")
    assert doc.kind == "pdf"
    assert doc.ok
    assert doc.pages == 3
    assert not doc.ocr
    assert doc.title == "แผนปฏิบัติราชการ 2568"
    assert "แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2568" in doc.text
    assert "สำนักงานเทศบาลตำบลตัวอย่าง" in doc.text  # PUA tone mark mapped back
    assert "ความโปร่งใสภายในหน่วยงาน" in doc.text  # the last page
    assert "\uf70a" not in doc.text
    # Lines stay apart although no layout analysis runs.
    assert "พ.ศ. 2568\nสำนักงาน" in doc.text


def test_it_repairs_a_pdf_that_lost_its_nikhahits() -> None:
    doc = read_document(fixture("broken.pdf"))
    assert doc.ok
    for word in ["การดำเนินงาน", "ประจำปี 2567", "สำนักงานเขต", "กำหนดการ", "จำนวนผู้เข้าร่วม"]:
        assert word in doc.text
    assert "ดาเนิน" not in doc.text
    assert "สานัก" not in doc.text


def test_it_reads_only_the_first_pages_of_a_long_pdf() -> None:
    doc = read_document(fixture("plan.pdf"), limits=DocumentLimits(max_pages=1))
    assert doc.ok
    assert doc.pages == 3
    assert "แผนปฏิบัติราชการ" in doc.text
    assert "รายงานการกำกับติดตาม" not in doc.text  # page 2
    assert doc.note == "read the first 1 of 3 pages"


def test_it_cuts_long_text() -> None:
    doc = read_document(fixture("plan.pdf"), limits=DocumentLimits(max_chars=40))
    assert doc.ok
    assert len(doc.text) == 40
    assert doc.text.startswith("แผนปฏิบัติราชการ")
    assert "text cut at 40 characters" in doc.note


@pytest.mark.parametrize(
    "body",
    [
        fixture("corrupt.pdf"),  # the first third of plan.pdf
        b"%PDF-1.7\n" + bytes(range(256)) * 8,
        b"%PDF-",
    ],
)
def test_it_reports_a_corrupt_pdf(body: bytes) -> None:
    doc = read_document(body)
    assert doc.kind == "pdf"
    assert not doc.ok
    assert doc.note.startswith("Corrupt PDF")
    assert doc.text == ""


def _pdf(stream: bytes, filter_name: str) -> bytes:
    """A one-page PDF whose content stream is stream, encoded with filter_name."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /%s >>\nstream\n" % (len(stream), filter_name.encode())
        + stream
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for num, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_it_refuses_a_pdf_deflate_bomb() -> None:
    packer = zlib.compressobj(9)
    chunk = b" " * 2**20
    stream = b"".join(packer.compress(chunk) for _ in range(70)) + packer.flush()
    assert len(stream) < 100_000  # 70 MB of spaces
    doc = read_document(_pdf(stream, "FlateDecode"))
    assert not doc.ok
    assert doc.note == "PDF stream over 64 MB unpacked (a bomb?)"


def test_it_still_reads_a_deflated_content_stream() -> None:
    stream = zlib.compress(b"BT /F1 12 Tf 72 700 Td (Deflated text, long enough) Tj ET")
    doc = read_document(_pdf(stream, "FlateDecode"), limits=NO_OCR)
    assert doc.ok
    assert doc.text == "Deflated text, long enough"


def test_it_bounds_lzw_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    # Clear-table, "A", "B", end-of-data as 9-bit codes.
    codes = "".join(format(code, "09b") for code in (256, 65, 66, 257))
    data = int(codes.ljust(40, "0"), 2).to_bytes(5, "big")
    assert documents._lzw(data) == b"AB"
    monkeypatch.setattr(documents, "MAX_PDF_STREAM_BYTES", 1)
    with pytest.raises(documents._PdfStreamTooLarge):
        documents._lzw(data)


def test_it_reports_a_password_protected_pdf() -> None:
    doc = read_document(fixture("locked.pdf"))
    assert not doc.ok
    assert doc.note == "PDF is password-protected"


def test_it_reads_a_pdf_that_is_only_protected_against_copying() -> None:
    # RC4-encrypted with an empty user password, as agencies' "protected" PDFs often are.
    doc = read_document(fixture("protected.pdf"))
    assert doc.ok
    assert doc.text == "Annual report 2025"
    assert doc.title == "Annual report 2025"


def test_it_skips_a_scan_when_ocr_is_not_installed(ocr_missing: None) -> None:
    doc = read_document(fixture("scanned.pdf"))
    assert doc.kind == "pdf"
    assert not doc.ok
    assert doc.pages == 1
    assert not doc.ocr
    assert doc.note == ocr.NOT_INSTALLED


def test_it_skips_ocr_when_the_limits_say_so() -> None:
    doc = read_document(fixture("scanned.pdf"), limits=NO_OCR)
    assert not doc.ok
    assert doc.note == ocr.NOT_INSTALLED


@needs_ocr
def test_it_reads_a_scanned_pdf_with_ocr() -> None:
    # Measured: tesseract 5 (tha+eng) reads all three lines of the fixture exactly, in
    # 0.3 s with pdftoppm; the margins sometimes yield a little noise ("aA VA").
    doc = read_document(fixture("scanned.pdf"))
    assert doc.ok
    assert doc.ocr
    assert "แผนปฏิบัติราชการ" in doc.text
    assert "2568" in doc.text
    assert "ITA" in doc.text


# --- Images ---------------------------------------------------------------------------------


@needs_ocr
def test_it_reads_an_image_with_ocr() -> None:
    doc = read_document(fixture("scan.png"), content_type="image/png")
    assert doc.kind == "image"
    assert doc.ok
    assert doc.ocr
    assert "แผนปฏิบัติราชการ" in doc.text
    assert "ประจำปี 2568" in doc.text  # tesseract writes ํา; normalisation composes ำ


def test_it_skips_an_image_when_ocr_is_not_installed(ocr_missing: None) -> None:
    doc = read_document(fixture("scan.png"))
    assert doc.kind == "image"
    assert not doc.ok
    assert doc.note == ocr.NOT_INSTALLED


def test_it_refuses_to_ocr_a_huge_image(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: True)
    header = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + (100_000).to_bytes(4, "big") * 2
    doc = read_document(header + b"\0" * 32)
    assert not doc.ok
    assert doc.note == "Image too large to OCR (10000000000 pixels)"


def test_it_reads_jpeg_dimensions() -> None:
    jpeg = b"\xff\xd8" + b"\xff\xe0\0\x04\0\0" + b"\xff\xc0\0\x11\x08" + (3000).to_bytes(2, "big")
    jpeg += (4000).to_bytes(2, "big") + b"\0" * 16
    assert ocr.image_pixels(jpeg) == 12_000_000


def test_it_gives_up_ocr_when_time_is_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: True)
    doc = read_document(fixture("scan.png"), limits=DocumentLimits(ocr_timeout_s=0))
    assert not doc.ok
    assert doc.note == "OCR timed out"


@needs_ocr
def test_it_reports_an_image_tesseract_cannot_read() -> None:
    doc = read_document(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    assert not doc.ok
    assert doc.note.startswith("OCR failed (tesseract exit")


# --- DOCX and XLSX --------------------------------------------------------------------------


def test_it_reads_a_docx() -> None:
    doc = read_document(fixture("manual.docx"))
    assert doc.kind == "docx"
    assert doc.ok
    assert doc.title == "คู่มือการปฏิบัติงาน"
    assert "คู่มือการปฏิบัติงานด้านการรับเรื่องร้องเรียน" in doc.text
    assert "ขั้นตอน\tระยะเวลา" in doc.text  # table cells, row by row
    assert "1 วันทำการ" in doc.text


def test_it_reads_a_merged_table_cell_once(tmp_path: Path) -> None:
    docx = DocxDocument()
    table = docx.add_table(rows=1, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "ผลการดำเนินงาน"
    table.cell(0, 2).text = "ร้อยละ 80"
    docx.save(str(tmp_path / "merged.docx"))
    doc = read_document((tmp_path / "merged.docx").read_bytes())
    assert doc.text == "ผลการดำเนินงาน\tร้อยละ 80"


def _with_member(base: bytes, name: str, size: int) -> bytes:
    """base (an Office file) plus a member of size zero bytes, streamed in 1 MB chunks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(buffer, "w") as out:
        for item in src.infolist():
            out.writestr(item, src.read(item))
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with out.open(info, "w", force_zip64=True) as member:
            for _ in range(size // 2**20):
                member.write(bytes(2**20))
    return buffer.getvalue()


def test_it_refuses_a_zip_bomb(tmp_path: Path) -> None:
    bomb = _with_member(fixture("manual.docx"), "word/media/image1.png", 8 * 2**20)
    assert len(bomb) < 100_000  # 8 MB of zeros deflate to a few kB
    doc = read_document(bomb)
    assert doc.kind == "docx"
    assert not doc.ok
    assert doc.note.startswith("Zip bomb suspected: word/media/image1.png compressed")


def test_it_refuses_an_office_file_too_large_unzipped() -> None:
    doc = read_document(fixture("budget.xlsx"), limits=DocumentLimits(max_unzipped_bytes=1000))
    assert not doc.ok
    assert doc.note.startswith("Zip bomb suspected:")
    assert doc.note.endswith("MB uncompressed")


def test_it_refuses_an_office_file_with_too_many_members() -> None:
    doc = read_document(fixture("manual.docx"), limits=DocumentLimits(max_zip_members=5))
    assert not doc.ok
    assert doc.note.startswith("Zip bomb suspected:")
    assert doc.note.endswith("members")


@pytest.mark.parametrize(
    ("member", "kind"), [("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx")]
)
def test_it_reports_a_corrupt_office_file(member: str, kind: str) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types")
        zf.writestr(member, "<not xml")
    doc = read_document(buffer.getvalue())
    assert doc.kind == kind
    assert not doc.ok
    assert doc.note.startswith(("Corrupt", "Unreadable"))


def test_it_reads_an_xlsx() -> None:
    doc = read_document(fixture("budget.xlsx"))
    assert doc.kind == "xlsx"
    assert doc.ok
    assert doc.pages == 1  # sheets
    assert doc.title == "แผนการใช้จ่ายงบประมาณ"
    assert "# งบประมาณ" in doc.text
    assert "ส่งเสริมคุณธรรมและความโปร่งใส\t150000\t2568" in doc.text
    assert "98000.5" in doc.text


def test_it_stops_reading_a_large_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for i in range(2000):
        sheet.append([f"โครงการที่ {i}", i * 1000])
    book.save(tmp_path / "big.xlsx")
    doc = read_document((tmp_path / "big.xlsx").read_bytes(), limits=DocumentLimits(max_chars=500))
    assert doc.ok
    assert len(doc.text) == 500
    assert "โครงการที่ 0\t0" in doc.text
    assert "โครงการที่ 1999" not in doc.text


# --- Others ---------------------------------------------------------------------------------


def test_it_leaves_html_to_the_crawler() -> None:
    doc = read_document("<html><body>สวัสดี</body></html>".encode(), content_type="text/html")
    assert doc.kind == "html"
    assert doc.ok
    assert doc.text == ""


def test_it_decodes_plain_text() -> None:
    doc = read_document("ประกาศ ๒๕๖๘".encode() + b"\xff", content_type="text/plain")
    assert doc.kind == "text"
    assert doc.ok
    assert doc.text == "ประกาศ ๒๕๖๘\ufffd"


def test_it_does_not_read_unknown_files() -> None:
    doc = read_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", url="https://a.go.th/old.doc")
    assert doc.kind == "other"
    assert not doc.ok
    assert doc.note == "Unsupported document type"


@pytest.mark.parametrize("name", ["plan.pdf", "broken.pdf", "manual.docx", "budget.xlsx"])
def test_it_never_raises_on_damaged_files(name: str) -> None:
    body = fixture(name)
    for cut in range(0, len(body), max(1, len(body) // 23)):
        damaged = body[:cut] + bytes(reversed(body[cut : cut + 64])) + body[cut + 64 :]
        for sample in (body[:cut], damaged):
            doc = read_document(sample, url=f"https://a.go.th/{name}", limits=NO_OCR)
            assert isinstance(doc.ok, bool)
            assert doc.ok or doc.note
