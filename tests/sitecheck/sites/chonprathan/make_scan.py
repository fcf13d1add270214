"""Build the scanned No Gift announcement of ``chonprathan`` (a JPEG page, no text).

The office printed, signed and scanned its announcement; the PDF holds one JPEG (grey tones)
per page and no text layer. The text is written below as docs.yaml-style blocks, printed
with the shared builder's Chromium, rasterised with poppler's ``pdftoppm -gray -jpeg`` and
wrapped in a minimal PDF. The result is committed under ``static/`` and served as a file.

    .venv/bin/python -m tests.sitecheck.sites.chonprathan.make_scan
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from tests.sitecheck.sites.builder import render_pdf
from tests.sitecheck.sites.documents import to_html
from tests.sitecheck.sites.manifest import DocSpec

HERE = Path(__file__).resolve().parent
TARGET = HERE / "static" / "images" / "files" / "2568" / "scan-nogift-68.pdf"
DPI = 110
QUALITY = 30
A4_PT = (595, 842)

ANNOUNCEMENT = DocSpec(
    id="o21-nogift-scan",
    kind="pdf",
    title="ประกาศเจตนารมณ์ No Gift Policy 2568",
    blocks=[
        {"h1": "ประกาศโครงการชลประทานนครธารา"},
        {"center": "เรื่อง ประกาศเจตนารมณ์การไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่"},
        {"center": "(No Gift Policy) ประจำปีงบประมาณ พ.ศ. 2568"},
        {
            "p": "เพื่อให้การปฏิบัติหน้าที่ของเจ้าหน้าที่โครงการชลประทานนครธาราเป็นไปด้วยความซื่อสัตย์ "
            "สุจริต โปร่งใส และตรวจสอบได้ ข้าพเจ้า นายสมพงษ์ ทองธารา ผู้อำนวยการโครงการชลประทาน"
            "นครธารา ขอประกาศเจตนารมณ์ว่า ข้าพเจ้าและเจ้าหน้าที่ของรัฐทุกคนในสังกัดโครงการ"
            "ชลประทานนครธารา จะไม่รับของขวัญและของกำนัลทุกชนิดจากผู้ใด ทั้งในขณะ ก่อน และหลัง"
            "การปฏิบัติหน้าที่ ที่อาจส่งผลให้เกิดการทุจริตและประพฤติมิชอบ"
        },
        {"p": "ทั้งนี้ ให้ผู้บังคับบัญชาทุกระดับเป็นแบบอย่างที่ดีและกำกับดูแลให้เจ้าหน้าที่ปฏิบัติตามประกาศนี้อย่างเคร่งครัด"},
        {
            "sign": [
                "ประกาศ ณ วันที่ 1 ตุลาคม พ.ศ. 2567",
                "",
                "(ลงชื่อ) สมพงษ์ ทองธารา",
                "(นายสมพงษ์ ทองธารา)",
                "ผู้อำนวยการโครงการชลประทานนครธารา",
            ]
        },
    ],
)


def jpeg_pages(pdf: bytes, workdir: Path) -> list[tuple[int, int, bytes]]:
    source = workdir / "text.pdf"
    source.write_bytes(pdf)
    command = ["pdftoppm", "-r", str(DPI), "-gray", "-jpeg", "-jpegopt", f"quality={QUALITY}",
               str(source), str(workdir / "page")]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=120)  # noqa: S603
    pages = []
    for path in sorted(workdir.glob("page*.jpg")):
        data = path.read_bytes()
        at = 2
        while True:  # find the SOF0/SOF2 marker for the size
            marker, length = data[at + 1], int.from_bytes(data[at + 2 : at + 4], "big")
            if marker in (0xC0, 0xC2):
                height = int.from_bytes(data[at + 5 : at + 7], "big")
                width = int.from_bytes(data[at + 7 : at + 9], "big")
                break
            at += 2 + length
        pages.append((width, height, data))
    return pages


def image_only_pdf(pages: list[tuple[int, int, bytes]]) -> bytes:
    objects: list[bytes] = []
    kids = []
    for index, (width, height, jpeg) in enumerate(pages):
        image_no = 3 + index * 3
        objects.append(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
            b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
            % (width, height, len(jpeg))
            + jpeg
            + b"\nendstream"
        )
        draw = b"q %d 0 0 %d 0 0 cm /Scan Do Q" % A4_PT
        objects.append(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /XObject << /Scan %d 0 R >> >> >>" % (*A4_PT, image_no + 1, image_no)
        )
        kids.append(b"%d 0 R" % (image_no + 2))
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
        len(offsets) + 1, xref)  # fmt: skip
    return bytes(out)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="chonprathan-scan-") as tmp:
        pdf = render_pdf(to_html(ANNOUNCEMENT), Path(tmp))
        data = image_only_pdf(jpeg_pages(pdf, Path(tmp)))
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(data)
    print(f"{TARGET.relative_to(HERE)}  {len(data) / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
