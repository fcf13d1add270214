"""Evidence files are judged by their bytes: real documents pass, renamed or foreign ones do not.

Messages are translated at runtime, so refusals are matched by class and by the kind they
name (PDF, PNG…), never by their English wording.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import docx
import pytest
from openpyxl import Workbook

from openita.disclosure import filetypes
from openita.disclosure.errors import DisclosureError


def _png() -> bytes:
    """A valid 1×1 PNG, built by hand so the test needs no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("แผนผังโครงสร้างหน่วยงาน")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx() -> bytes:
    book = Workbook()
    book.active.append(["ข้อ", "หน่วยงานรับผิดชอบ"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _zip(names: list[str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name in names:
            package.writestr(name, "x")
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = _png()
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
WEBP = b"RIFF\x1a\x00\x00\x00WEBPVP8 \x0e\x00\x00\x00" + b"\x00" * 14
DOCX = _docx()
XLSX = _xlsx()
HTML = b"<!doctype html><html><body>%PDF-1.4 is not at the start</body></html>"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("รายงานประจำปี.pdf", PDF, filetypes.PDF),
        ("REPORT.PDF", PDF, filetypes.PDF),
        ("screen.png", PNG, filetypes.PNG),
        ("photo.jpg", JPEG, filetypes.JPEG),
        ("photo.jpeg", JPEG, filetypes.JPEG),
        ("banner.webp", WEBP, filetypes.WEBP),
        ("คำสั่ง.docx", DOCX, filetypes.DOCX),
        ("budget.xlsx", XLSX, filetypes.XLSX),
    ],
)
def test_it_accepts_real_documents_and_images(name, content, kind):
    assert filetypes.sniff(name, content) == kind


@pytest.mark.parametrize(
    ("name", "content", "actual"),
    [
        ("photo.pdf", PNG, "PNG"),
        ("scan.png", JPEG, "JPEG"),
        ("report.docx", PDF, "PDF"),
        ("table.xlsx", DOCX, "DOCX"),
        ("letter.docx", XLSX, "XLSX"),
        ("no-extension", PDF, "PDF"),
    ],
)
def test_it_refuses_a_name_that_does_not_match_the_bytes(name, content, actual):
    with pytest.raises(DisclosureError) as info:
        filetypes.sniff(name, content)
    assert actual in str(info.value.message)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("setup.exe", EXE),
        ("report.pdf", EXE),
        ("report.pdf", HTML),
        ("page.html", HTML),
        ("archive.docx", _zip(["readme.txt"])),
        ("broken.docx", b"PK\x03\x04 not really a zip"),
        ("notes.txt", "ข้อความธรรมดา".encode()),
    ],
)
def test_it_refuses_kinds_it_does_not_accept(name, content):
    with pytest.raises(DisclosureError) as info:
        filetypes.sniff(name, content)
    # The "not accepted" refusal, not the "name does not match" one.
    assert str(info.value.message) == _refusal("unknown.bin", b"\x00\x01\x02")
    assert str(info.value.message) != _refusal("photo.pdf", PNG)


def _refusal(name: str, content: bytes) -> str:
    with pytest.raises(DisclosureError) as info:
        filetypes.sniff(name, content)
    return str(info.value.message)


def test_it_refuses_an_empty_file():
    with pytest.raises(DisclosureError):
        filetypes.sniff("empty.pdf", b"")


def test_it_offers_every_accepted_extension_to_the_file_picker():
    offered = filetypes.ACCEPT_ATTR.split(",")
    assert offered == [ext for kind in filetypes.ACCEPTED for ext in kind.extensions]
    assert {".pdf", ".docx", ".xlsx", ".png", ".jpg", ".jpeg", ".webp"} == set(offered)
