"""Build the "scanned" PDFs of ``lamnamsai`` (image-only pages, as a photocopier makes them).

The documents are written as blocks in ``scans.yaml`` (the format of ``docs.yaml``), printed
with the shared builder's Chromium, rasterised to one bit per pixel with poppler's
``pdftoppm -mono`` and wrapped, page by page, in a PDF that holds nothing but the pictures.
They are kept out of ``docs.yaml`` so that the shared builder never rebuilds them with a
text layer; the results are committed under ``static/`` and served as plain files.

    .venv/bin/python -m tests.sitecheck.sites.lamnamsai.make_scans
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import yaml

from tests.sitecheck.sites.builder import render_pdf
from tests.sitecheck.sites.documents import to_html
from tests.sitecheck.sites.manifest import DocSpec

HERE = Path(__file__).resolve().parent
DPI = 150
A4_PT = (595, 842)


def _pbm_pages(pdf: bytes, workdir: Path) -> list[tuple[int, int, bytes]]:
    """(width, height, packed 1-bit rows) of every page, black = 1 as in PBM."""
    source = workdir / "text.pdf"
    source.write_bytes(pdf)
    prefix = workdir / "page"
    subprocess.run(  # noqa: S603 - fixed arguments
        ["pdftoppm", "-r", str(DPI), "-mono", str(source), str(prefix)],  # noqa: S607
        check=True,
        capture_output=True,
        timeout=120,
    )
    pages = []
    for path in sorted(workdir.glob("page*.pbm")):
        data = path.read_bytes()
        fields: list[bytes] = []
        at = 0
        while len(fields) < 3:  # magic, width, height (no comments from pdftoppm)
            while data[at : at + 1].isspace():
                at += 1
            end = at
            while not data[end : end + 1].isspace():
                end += 1
            fields.append(data[at:end])
            at = end
        assert fields[0] == b"P4", fields[0]
        width, height = int(fields[1]), int(fields[2])
        pages.append((width, height, data[at + 1 :]))
    return pages


def image_pdf(pages: list[tuple[int, int, bytes]]) -> bytes:
    """A PDF whose every page is one 1-bit picture filling an A4 sheet."""
    objects: list[bytes] = []
    kids = []
    for index, (width, height, bits) in enumerate(pages):
        image_no = 3 + index * 3
        content_no, page_no = image_no + 1, image_no + 2
        stream = zlib.compress(bits, 9)
        objects.append(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
            b"/BitsPerComponent 1 /Decode [1 0] /Filter /FlateDecode /Length %d >>\nstream\n"
            % (width, height, len(stream))
            + stream
            + b"\nendstream"
        )
        draw = b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % A4_PT
        objects.append(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /XObject << /Im0 %d 0 R >> >> >>" % (*A4_PT, content_no, image_no)
        )
        kids.append(b"%d 0 R" % page_no)
    head = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids)),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(head + objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1,
        xref,
    )
    return bytes(out)


def build(entry: dict) -> tuple[str, int]:
    doc = DocSpec(**entry)
    with tempfile.TemporaryDirectory(prefix="lamnamsai-scan-") as tmp:
        pdf = render_pdf(to_html(doc), Path(tmp))
        data = image_pdf(_pbm_pages(pdf, Path(tmp)))
    out = HERE / "static" / doc.static_path
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return doc.url, len(data)


def main() -> int:
    entries = yaml.safe_load((HERE / "scans.yaml").read_text(encoding="utf-8"))
    for entry in entries:
        url, size = build(entry)
        print(f"{url}  {size / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
