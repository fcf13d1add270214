"""Build the scanned No Gift announcement of ``kromprachakorn``: one grey JPEG page, no text.

The department signed its announcement on paper and uploaded the copier's scan: the PDF holds
a single grey-toned JPEG and no font or text layer. The text below is printed with the shared
builder's Chromium, rasterised with poppler's ``pdftoppm -gray -jpeg`` and wrapped in a
minimal PDF whose producer is the copier. The result is committed under ``static/``.

    .venv/bin/python -m tests.sitecheck.sites.kromprachakorn.make_scan
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
TARGET = HERE / "static" / "uploads" / "integrity" / "2568" / "scan-nogift-2568.pdf"
DPI = 100
QUALITY = 25
A4_PT = (595, 842)

ANNOUNCEMENT = DocSpec(
    id="nogift-scan-2568",
    kind="pdf",
    title="ประกาศเจตนารมณ์ No Gift Policy 2568",
    blocks=[
        {"h1": "ประกาศกรมส่งเสริมประชากรศึกษา"},
        {"center": "เรื่อง ประกาศเจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่"},
        {"center": "(No Gift Policy) ประจำปีงบประมาณ พ.ศ. 2568"},
        {
            "p": "ข้าพเจ้า นายธีรวัฒน์ ศรีประชา อธิบดีกรมส่งเสริมประชากรศึกษา ขอประกาศเจตนารมณ์ว่า "
            "ข้าพเจ้าและเจ้าหน้าที่ของรัฐทุกคนในกรมส่งเสริมประชากรศึกษา จะไม่รับของขวัญและของกำนัล"
            "ทุกชนิดจากผู้ใด ทั้งในขณะ ก่อน และหลังการปฏิบัติหน้าที่ ที่อาจส่งผลให้เกิดการทุจริต"
            "และประพฤติมิชอบ"
        },
        {"p": "ขอให้ผู้บังคับบัญชาทุกระดับเป็นแบบอย่างที่ดีและกำกับดูแลให้บุคลากรปฏิบัติตามอย่างเคร่งครัด"},
        {
            "sign": [
                "ประกาศ ณ วันที่ 7 ตุลาคม พ.ศ. 2567",
                "(ลงชื่อ) ธีรวัฒน์ ศรีประชา",
                "(นายธีรวัฒน์ ศรีประชา)",
                "อธิบดีกรมส่งเสริมประชากรศึกษา",
            ]
        },
    ],
)


def _jpeg_frame(data: bytes) -> tuple[int, int, int]:
    """Width, height and colour components of a JPEG (poppler's "-gray" JPEGs keep three)."""
    at = 2
    while True:
        marker, length = data[at + 1], int.from_bytes(data[at + 2 : at + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            height = int.from_bytes(data[at + 5 : at + 7], "big")
            return int.from_bytes(data[at + 7 : at + 9], "big"), height, data[at + 9]
        at += 2 + length


def scan_page(pdf: bytes, workdir: Path) -> bytes:
    source = workdir / "print.pdf"
    source.write_bytes(pdf)
    command = ["pdftoppm", "-r", str(DPI), "-gray", "-singlefile", "-f", "1", "-l", "1", "-jpeg"]
    command += ["-jpegopt", f"quality={QUALITY}", str(source), str(workdir / "scan")]
    subprocess.run(command, check=True, capture_output=True, timeout=120)  # noqa: S603
    return (workdir / "scan.jpg").read_bytes()


def wrap_pdf(jpeg: bytes) -> bytes:
    width, height, components = _jpeg_frame(jpeg)
    space = b"/DeviceGray" if components == 1 else b"/DeviceRGB"
    draw = b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % A4_PT
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
        b"/Resources << /XObject << /Im0 5 0 R >> >> >>" % A4_PT,
        b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
        b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
        % (width, height, space, len(jpeg))
        + jpeg
        + b"\nendstream",
        b"<< /Producer (Canon iR-ADV C3530 PDF) /CreationDate (D:20241007143512+07'00') >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)  # fmt: skip
    return bytes(out)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="kromprachakorn-scan-") as tmp:
        html = to_html(ANNOUNCEMENT).replace("font-size: 14pt", "font-size: 17pt")
        data = wrap_pdf(scan_page(render_pdf(html, Path(tmp)), Path(tmp)))
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(data)
    print(f"{TARGET.relative_to(HERE)}  {len(data) / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
