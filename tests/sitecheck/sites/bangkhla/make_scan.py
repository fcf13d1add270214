"""Build the scanned No Gift announcement of ``bangkhla``: an image-only PDF, no text layer.

The municipality printed the announcement, had the mayor sign it, and put it through the
office copier's "scan to PDF" (file name ``doc02145620241015.pdf``). Here the printed page is an
HTML page (slightly tilted, greyish paper, a signature and a stamp), photographed with
Chromium's ``--screenshot``, made black-and-white (1 bit per pixel, as the copier's B/W mode
does) and wrapped in a one-page PDF written by hand (an image XObject, no font, no text). Run
once; the result is committed under ``static/``:

    .venv/bin/python -m tests.sitecheck.sites.bangkhla.make_scan
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "static" / "wp-content" / "uploads" / "2024" / "10" / "doc02145620241015.pdf"
CHROMIUM = "/usr/bin/chromium"
WIDTH, HEIGHT = 940, 1330  # about 113 dpi on A4
A4_PT = (595, 842)

PAGE = """<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>
html, body { margin: 0; background: #e9e7e1; }
.paper { width: 820px; margin: 38px 0 0 62px; transform: rotate(-0.7deg); color: #1d1d1d;
  font-family: Laksaman, "TH Sarabun New", sans-serif; font-size: 27px; line-height: 1.5; }
h1 { font-size: 33px; text-align: center; margin: 0 0 8px; font-weight: bold; }
.c { text-align: center; margin: 0; }
p { text-indent: 60px; margin: 10px 0; text-align: justify; }
.sign { margin: 26px 0 0 380px; text-align: center; }
.sig { font-family: cursive; font-size: 34px; color: #1f3f8f; }
.stamp { position: absolute; left: 170px; top: 1000px; width: 150px; height: 150px;
  border: 5px solid rgba(170, 20, 20, .55); border-radius: 50%; color: rgba(170, 20, 20, .55);
  font-size: 17px; text-align: center; line-height: 1.3; padding-top: 42px;
  box-sizing: border-box; }
.garuda { width: 90px; height: 90px; margin: 0 auto 6px; border-radius: 45px; background: #bbb; }
</style></head><body><div class="paper">
<div class="garuda"></div>
<h1>ประกาศเทศบาลตำบลบางคล้า</h1>
<p class="c">เรื่อง ประกาศเจตนารมณ์การไม่รับของขวัญและของกำนัลทุกชนิด</p>
<p class="c">จากการปฏิบัติหน้าที่ (No Gift Policy)</p>
<p class="c">ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</p>
<p class="c">-------------------------------</p>
<p>เพื่อให้การบริหารงานของเทศบาลตำบลบางคล้าเป็นไปด้วยความซื่อสัตย์ สุจริต โปร่งใส
และตรวจสอบได้ ข้าพเจ้า นายประเสริฐ วงศ์คล้า นายกเทศมนตรีตำบลบางคล้า ขอประกาศเจตนารมณ์ว่า
ข้าพเจ้า คณะผู้บริหาร พนักงานเทศบาล ลูกจ้างประจำ และพนักงานจ้างทุกคน จะไม่รับของขวัญ
และของกำนัลทุกชนิด ทั้งก่อน ขณะ และหลังการปฏิบัติหน้าที่ ที่อาจส่งผลให้เกิดการทุจริต
และประพฤติมิชอบ</p>
<p>และขอความร่วมมือจากประชาชนและผู้มาติดต่อ งดการให้ของขวัญหรือของกำนัลแก่เจ้าหน้าที่
ทุกโอกาส หากพบเห็นการเรียกรับ โปรดแจ้งศูนย์ปฏิบัติการต่อต้านการทุจริตเทศบาลตำบลบางคล้า</p>
<p class="c" style="margin-top:22px">ประกาศ ณ วันที่ ๑๕ ตุลาคม พ.ศ. ๒๕๖๗</p>
<div class="sign"><div class="sig">Prasert W.</div>
(นายประเสริฐ วงศ์คล้า)<br>นายกเทศมนตรีตำบลบางคล้า</div>
<div class="stamp">เทศบาลตำบล<br>บางคล้า</div>
</div></body></html>
"""


def screenshot(workdir: Path) -> Path:
    source = workdir / "page.html"
    source.write_text(PAGE, encoding="utf-8")
    target = workdir / "page.png"
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               f"--user-data-dir={workdir / 'profile'}", f"--window-size={WIDTH},{HEIGHT}",
               f"--screenshot={target}", source.as_uri()]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=120)  # noqa: S603
    return target


def png_rows(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and unfiltered RGB rows of Chromium's screenshot (8-bit RGB, no interlace)."""
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    if png[24:29] != bytes([8, 2, 0, 0, 0]):
        raise ValueError("expected an 8-bit RGB PNG without interlace")
    data, at = b"", 8
    while at < len(png):
        length = int.from_bytes(png[at : at + 4], "big")
        if png[at + 4 : at + 8] == b"IDAT":
            data += png[at + 8 : at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(data)
    stride, rows, prev = width * 3, [], bytearray(width * 3)
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for i in range(stride):
            a = line[i - 3] if i >= 3 else 0
            b = prev[i]
            c = prev[i - 3] if i >= 3 else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, rows


def bilevel(width: int, rows: list[bytes]) -> bytes:
    """The copier's black-and-white mode: 1 bit per pixel, 1 = white, rows padded to bytes."""
    out = bytearray()
    for row in rows:
        bits = 0
        count = 0
        for x in range(width):
            r, g, b = row[3 * x], row[3 * x + 1], row[3 * x + 2]
            bits = (bits << 1) | (1 if (r * 299 + g * 587 + b * 114) // 1000 > 150 else 0)
            count += 1
            if count == 8:
                out.append(bits)
                bits = count = 0
        if count:
            out.append(bits << (8 - count))
    return zlib.compress(bytes(out), 9)


def image_pdf(image: bytes, width: int, height: int) -> bytes:
    """One A4 page showing the 1-bit image (FlateDecode, DeviceGray); no fonts, no text."""
    draw = b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % A4_PT
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
        b"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>" % A4_PT,
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 1 /Filter /FlateDecode /Length %d >>\nstream\n"
        % (width, height, len(image))
        + image
        + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream",
        b"<< /Producer (KONICA MINOLTA bizhub C258) /Creator (Scan to PDF) "
        b"/CreationDate (D:20241015103212+07'00') >>",
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
    with tempfile.TemporaryDirectory(prefix="bangkhla-scan-") as tmp:
        width, height, rows = png_rows(screenshot(Path(tmp)).read_bytes())
    data = image_pdf(bilevel(width, rows), width, height)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(data)
    print(f"{TARGET.relative_to(HERE)}  {len(data) / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
