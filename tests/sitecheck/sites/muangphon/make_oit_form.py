"""Build the OIT form of ``muangphon``: the PDF with clickable URLs and its Word copy.

The municipality filled in NACC's form "แบบรายงานการเปิดเผยข้อมูลสาธารณะ (OIT)" in Word
(ข้อ | ข้อมูล | รายละเอียด | URL), exported it to PDF and uploaded both. The URL column shows
each address as typed: long raw URLs of www.muangphon.go.th (some percent-encoded as copied
from the browser's address bar), short links /s/oNN of the municipality's redirector, one
typo (บุคล for บุคคล, a 404) and "-" where nothing was published.

The PDF is printed by the shared builder's Chromium from the HTML below, with
``<base href="https://www.muangphon.go.th/">`` so every link annotation is absolute; then,
because the fixture server runs on 127.0.0.1:PORT and a committed file cannot know the
port, each annotation's /URI is rewritten to the site-relative path (``/s/o12``,
``/uploads/…``) in place (objects shifted, the xref table written again), so that
a reader resolving the links against the PDF's own URL reaches the served site. The visible
text keeps the full https://www.muangphon.go.th/… addresses. The DOCX carries the same
table with the same relative hyperlinks.

    .venv/bin/python -m tests.sitecheck.sites.muangphon.make_oit_form
"""

from __future__ import annotations

import html
import io
import re
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote, unquote

from tests.sitecheck.sites.builder import CHROMIUM

HERE = Path(__file__).resolve().parent
NAME = "แบบรายงานการเปิดเผยข้อมูลสาธารณะ-OIT-2569"
TARGET = HERE / "static" / "uploads" / "files" / "2569" / "ita"
HOST = "https://www.muangphon.go.th"

_THAI_UP = "/uploads/files/"


def _raw(path: str) -> str:
    """A long raw URL as copied from the address bar: Thai percent-encoded."""
    return quote(path)


# (code, ข้อมูล, รายละเอียด, URLs as written: (shown text, link path) or "-")
ROWS: list[tuple[str, str, str, list[tuple[str, str]] | str]] = [
    (
        "O1",
        "โครงสร้าง",
        "แผนผังโครงสร้างส่วนราชการ ฝ่ายการเมืองและฝ่ายประจำ และอำนาจหน้าที่ของเทศบาล",
        [("/about/structure", "/about/structure")],
    ),
    ("O2", "ข้อมูลผู้บริหาร", "คณะผู้บริหาร ชื่อ ตำแหน่ง รูปถ่าย และช่องทางการติดต่อ", [("/s/o2", "/s/o2")]),
    (
        "O3",
        "ข้อมูลการติดต่อและช่องทางการสอบถาม",
        "ที่อยู่ โทรศัพท์ E-mail แผนที่ตั้ง และกระดานถาม-ตอบ (Web board)",
        [("/contact", "/contact"), ("/webboard", "/webboard")],
    ),
    ("O4", "ข่าวประชาสัมพันธ์", "ข่าวประชาสัมพันธ์ของเทศบาล ปีงบประมาณ พ.ศ. 2569", [("/news", "/news")]),
    (
        "O5",
        "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
        "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)",
        [(_raw(_THAI_UP + "2565/แผนพัฒนาท้องถิ่น-พ.ศ.2566-2570.pdf"),) * 2],
    ),
    (
        "O6",
        "แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี",
        "แผนดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569",
        [("/s/o6", "/s/o6")],
    ),
    (
        "O7",
        "รายงานผลการดำเนินงานประจำปี",
        "รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568",
        [(_THAI_UP + "2568/รายงานผลการดำเนินงาน-ประจำปี-2568.pdf",) * 2],
    ),
    (
        "O8",
        "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่",
        "คู่มือการปฏิบัติงาน งานจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง",
        [(_THAI_UP + "2569/คู่มือการปฏิบัติงาน-งานจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง.pdf",) * 2],
    ),
    (
        "O9",
        "คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ",
        "คู่มือสำหรับประชาชน การขออนุญาตก่อสร้างอาคาร",
        [("/s/o9", "/s/o9")],
    ),
    (
        "O10",
        "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-SERVICE)",
        "E-Service ยื่นคำร้องออนไลน์ และสถิติการใช้บริการ",
        [("/eservice", "/eservice")],
    ),
    (
        "O11",
        "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
        "สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.1)",
        [("/procurement/monthly", "/procurement/monthly")],
    ),
    (
        "O12",
        "รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุของหน่วยงาน",
        "รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568",
        [("/s/o12", "/s/o12")],
    ),
    (
        "O13",
        "หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล",
        "แผนพัฒนาบุคลากร พ.ศ. 2567 - 2569 และหลักเกณฑ์การบริหารงานบุคคล",
        [(_raw(_THAI_UP + "2567/แผนพัฒนาบุคลากร-2567-2569.pdf"),) * 2],
    ),
    (
        "O14",
        "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล",
        "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปี 2568",
        [(_THAI_UP + "2569/รายงานผลการบริหารและพัฒนาทรัพยากรบุคล-ประจำปี-2568.pdf",) * 2],
    ),
    (
        "O15",
        "ประมวลจริยธรรมการขับเคลื่อนจริยธรรม",
        "ประมวลจริยธรรมพนักงานเทศบาลและการขับเคลื่อนจริยธรรม ปี 2569",
        [(_THAI_UP + "2569/ประมวลจริยธรรม-และการขับเคลื่อนจริยธรรม-2569.pdf",) * 2],
    ),
    (
        "O16",
        "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        "คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        [("/s/o16", "/s/o16")],
    ),
    (
        "O17",
        "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        "แบบฟอร์มแจ้งเรื่องร้องเรียนการทุจริต (แยกจากเรื่องร้องเรียนทั่วไป)",
        [("/complaint/corruption", "/complaint/corruption")],
    ),
    (
        "O18",
        "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        "สถิติเรื่องร้องเรียนการทุจริต ปีงบประมาณ พ.ศ. 2568",
        [(_THAI_UP + "2568/สถิติเรื่องร้องเรียนการทุจริต-ปีงบประมาณ-2568.pdf",) * 2],
    ),
    (
        "O19",
        "ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน",
        "รายงานผลการประชุมประชาคมเมือง ครั้งที่ 2/2569",
        [(_THAI_UP + "2569/รายงานผลการมีส่วนร่วม-ประชาคมเมือง-2569.pdf",) * 2],
    ),
    (
        "O20",
        "การขับเคลื่อนนโยบาย No Gift Policy และการเสริมสร้างความรู้เกี่ยวกับ"
        "หลักเกณฑ์การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา",
        "ประกาศเจตนารมณ์ No Gift Policy ปี 2569 และกิจกรรมให้ความรู้",
        [("/s/o20", "/s/o20")],
    ),
    ("O21", "การประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ", "อยู่ระหว่างดำเนินการ", "-"),
    (
        "O22",
        "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริต",
        "รายงานผลการบริหารจัดการความเสี่ยงการทุจริต ปี 2568",
        [("/s/o22", "/s/o22")],
    ),
    (
        "O23",
        "แผนปฏิบัติการป้องกันการทุจริต",
        "แผนปฏิบัติการป้องกันการทุจริต 4 ปี",
        [(_THAI_UP + "2565/แผนปฏิบัติการป้องกันการทุจริต-4-ปี-2565-2568.pdf",) * 2],
    ),
    (
        "O24",
        "รายงานผลการดำเนินการป้องกันการทุจริต",
        "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ปี 2568",
        [(_THAI_UP + "2568/รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต-2568.pdf",) * 2],
    ),
    (
        "O25",
        "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
        "ผลการวิเคราะห์ ITA ปี 2568 และมาตรการส่งเสริมคุณธรรมและความโปร่งใส ปี 2569",
        [("/s/o25", "/s/o25")],
    ),
    ("O26", "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "-", "-"),
]

CSS = """
@page { size: A4 landscape; margin: 12mm 12mm 14mm 12mm; }
body { font-family: Laksaman, sans-serif; font-size: 11pt; line-height: 1.3; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 2pt; font-weight: normal; }
p.c { text-align: center; margin: 0 0 6pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.6pt solid #333; padding: 2pt 4pt; vertical-align: top; font-weight: normal; }
th { background: #e8e8e8; }
td.u { width: 38%; word-break: break-all; font-size: 10pt; }
td.k { width: 5%; text-align: center; }
a { color: #1a4fb0; }
"""


def link_path(shown_or_link: str) -> str:
    """The site-relative target of a written URL (percent-encoded, as a URI must be)."""
    return quote(unquote(shown_or_link), safe="/?=&")


def form_html() -> str:
    rows = []
    for code, topic, detail, urls in ROWS:
        if urls == "-":
            cell = "-"
        else:
            cell = "<br>".join(
                f'<a href="{html.escape(link_path(link))}">{html.escape(HOST + shown)}</a>'
                for shown, link in urls
            )
        rows.append(
            f'<tr><td class="k">{code}</td><td>{html.escape(topic)}</td>'
            f'<td>{html.escape(detail)}</td><td class="u">{cell}</td></tr>'
        )
    return (
        '<!DOCTYPE html><html lang="th"><head><meta charset="utf-8">'
        f'<base href="{HOST}/"><title>แบบรายงานการเปิดเผยข้อมูลสาธารณะ (OIT) ปี 2569</title>'
        f"<style>{CSS}</style></head><body>"
        "<h1>แบบรายงานการเปิดเผยข้อมูลสาธารณะ (OIT) ปี 2569</h1>"
        '<p class="c">การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ '
        "ประจำปีงบประมาณ พ.ศ. 2569 "
        "หน่วยงาน เทศบาลเมืองพลนคร อำเภอเมืองพลนคร จังหวัดพลบุรี</p>"
        "<table><thead><tr><th>ข้อ</th><th>ข้อมูล</th><th>รายละเอียด</th><th>URL</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        '<p style="margin-top:8pt">ผู้รับผิดชอบข้อมูล: นางสาวกมลชนก แสงทอง นักวิเคราะห์นโยบายและแผนชำนาญการ '
        "โทร. 0 4451 2300 ต่อ 161 | ผู้อนุมัติ: นายธนพล วงศ์สวัสดิ์ ปลัดเทศบาลเมืองพลนคร | "
        "ข้อมูล ณ วันที่ 31 มีนาคม 2569</p>"
        "</body></html>"
    )


def relative_links(data: bytes) -> bytes:
    """Rewrite each link annotation's absolute /URI to the site-relative path, in place.

    Chromium writes a classic xref table: the objects are shifted by the bytes removed
    before them, and the table and ``startxref`` are written again.
    """
    prefix = b"/URI (" + HOST.encode()
    table_at = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    head, tail = data[:table_at], data[table_at:]
    match = re.match(rb"xref\n0 (\d+)\n", tail)
    if match is None:
        raise ValueError("no classic xref table")
    count = int(match.group(1))
    entries = tail[match.end() : match.end() + 20 * count]
    offsets = [int(entries[20 * i : 20 * i + 10]) for i in range(count)]
    cuts = [m.start() for m in re.finditer(re.escape(prefix), head)]
    if not cuts:
        raise ValueError("no link annotation found")
    removed = len(HOST)

    def moved(offset: int) -> int:
        return offset - removed * sum(1 for cut in cuts if cut < offset)

    new_head = head.replace(prefix, b"/URI (")
    lines = [b"0000000000 65535 f \n"]
    lines += [b"%010d 00000 n \n" % moved(offset) for offset in offsets[1:]]
    rest = tail[match.end() + 20 * count :]
    rest = re.sub(rb"startxref\s+\d+", b"startxref\n%d" % len(new_head), rest)
    return new_head + match.group(0) + b"".join(lines) + rest


def _hyperlink(paragraph, url: str, text: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    node = OxmlElement("w:t")
    node.text = text
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


def form_docx() -> bytes:
    import datetime as dt

    import docx

    document = docx.Document()
    document.core_properties.title = "แบบรายงานการเปิดเผยข้อมูลสาธารณะ (OIT) ปี 2569"
    document.core_properties.author = "กองยุทธศาสตร์และงบประมาณ เทศบาลเมืองพลนคร"
    document.core_properties.created = dt.datetime(2026, 3, 31, 10, 0, 0)
    document.core_properties.modified = dt.datetime(2026, 3, 31, 10, 0, 0)
    document.styles["Normal"].font.name = "TH SarabunPSK"
    document.add_heading("แบบรายงานการเปิดเผยข้อมูลสาธารณะ (OIT) ปี 2569", level=1)
    document.add_paragraph("หน่วยงาน เทศบาลเมืองพลนคร อำเภอเมืองพลนคร จังหวัดพลบุรี")
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["ข้อ", "ข้อมูล", "รายละเอียด", "URL"], strict=True):
        cell.text = text
    for code, topic, detail, urls in ROWS:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = code, topic, detail
        if urls == "-":
            cells[3].text = "-"
            continue
        paragraph = cells[3].paragraphs[0]
        for index, (shown, link) in enumerate(urls):
            if index:
                paragraph = cells[3].add_paragraph()
            _hyperlink(paragraph, link_path(link), HOST + shown)
    document.add_paragraph("ข้อมูล ณ วันที่ 31 มีนาคม 2569")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_pdf(page: str, workdir: Path) -> bytes:
    """Print the form with the builder's Chromium, without the tagged-PDF structure tree."""
    source, target = workdir / "form.html", workdir / "form.pdf"
    source.write_text(page, encoding="utf-8")
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-dev-shm-usage", f"--user-data-dir={workdir / 'profile'}",
        "--no-pdf-header-footer", "--disable-pdf-tagging", f"--print-to-pdf={target}",
        source.as_uri(),
    ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=120)  # noqa: S603
    return target.read_bytes()


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sitegen-") as tmp:
        data = render_pdf(form_html(), Path(tmp))
    pdf = relative_links(data)
    (TARGET / f"{NAME}.pdf").write_bytes(pdf)
    (TARGET / f"{NAME}.docx").write_bytes(form_docx())
    print(f"{NAME}.pdf {len(pdf) / 1024:.1f} KB")


if __name__ == "__main__":
    main()
