"""Documents of the fixture sites, written once as block lists and rendered three ways.

A document of ``docs.yaml`` is a list of one-key blocks:

- ``h1`` / ``h2`` / ``h3`` / ``p`` / ``center`` / ``right``: a line of text;
- ``ul`` / ``ol``: a list of lines;
- ``table``: rows, the first one the header;
- ``chart``: an organisation chart, ``{name, children: [...]}`` nested;
- ``sign``: the signature block of an announcement, one line each;
- ``sheet``: (XLSX) start a new worksheet with this name; a heading elsewhere;
- ``pagebreak``.

``to_html`` feeds Chromium (PDFs are rendered by ``builder.py`` and committed), ``to_docx``
and ``to_xlsx`` build Office files when the server first needs them.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import io
import zipfile
from typing import Any

from .manifest import DocSpec

_CSS = """
@page { size: A4 %(orientation)s; margin: 16mm 16mm 18mm 18mm; }
body { font-family: Laksaman, "TH Sarabun New", sans-serif; font-size: 14pt; line-height: 1.35; }
h1, h2, h3, th, b { font-weight: normal; }
h1 { font-size: 19pt; text-align: center; margin: 0 0 6pt; }
h2 { font-size: 16pt; margin: 10pt 0 4pt; }
h3 { font-size: 14.5pt; margin: 8pt 0 3pt; }
p { margin: 3pt 0; text-indent: 1.2cm; }
p.center { text-align: center; text-indent: 0; }
p.right { text-align: right; }
table { border-collapse: collapse; width: 100%%; margin: 4pt 0; font-size: 12.5pt; }
th, td { border: 0.6pt solid #333; padding: 2pt 4pt; vertical-align: top; }
th { background: #e8e8e8; }
.sign { margin: 14pt 0 0 55%%; text-align: center; }
.chart { text-align: center; }
.chart .box { display: inline-block; border: 1pt solid #333; padding: 3pt 8pt; margin: 3pt; }
.chart .row { margin: 4pt 0; }
.pb { page-break-after: always; }
"""
_FIXED_DATE = dt.datetime(2025, 1, 15, 9, 0, 0)


def _chart_html(node: dict[str, Any]) -> str:
    rows: list[list[str]] = []

    def walk(item: dict[str, Any], level: int) -> None:
        while len(rows) <= level:
            rows.append([])
        rows[level].append(item["name"])
        for child in item.get("children", []):
            walk(child, level + 1)

    walk(node, 0)
    out = ['<div class="chart">']
    for row in rows:
        boxes = "".join(f'<span class="box">{html.escape(name)}</span>' for name in row)
        out.append(f'<div class="row">{boxes}</div>')
    out.append("</div>")
    return "\n".join(out)


def _table_html(rows: list[list[Any]]) -> str:
    head, *body = rows
    out = ["<table><thead><tr>"]
    out += [f"<th>{html.escape(str(cell))}</th>" for cell in head]
    out.append("</tr></thead><tbody>")
    for row in body:
        cells = "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row)
        out.append(f"<tr>{cells}</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _block_html(kind: str, value: Any) -> str:
    esc = html.escape
    simple = {"h1": "h1", "h2": "h2", "h3": "h3", "sheet": "h2"}
    if kind in simple:
        return f"<{simple[kind]}>{esc(str(value))}</{simple[kind]}>"
    if kind == "p":
        return f"<p>{esc(str(value))}</p>"
    if kind in ("center", "right"):
        return f'<p class="{kind}">{esc(str(value))}</p>'
    if kind in ("ul", "ol"):
        items = "".join(f"<li>{esc(str(line))}</li>" for line in value)
        return f"<{kind}>{items}</{kind}>"
    if kind == "table":
        return _table_html(value)
    if kind == "chart":
        return _chart_html(value)
    if kind == "sign":
        return '<div class="sign">' + "<br>".join(esc(str(line)) for line in value) + "</div>"
    if kind == "pagebreak":
        return '<div class="pb"></div>'
    raise ValueError(f"unknown block {kind!r}")


def blocks_of(doc: DocSpec) -> list[tuple[str, Any]]:
    out = []
    for block in doc.blocks:
        if len(block) != 1:
            raise ValueError(f"{doc.id}: a block has exactly one key, got {sorted(block)}")
        ((kind, value),) = block.items()
        out.append((kind, value))
    return out


def to_html(doc: DocSpec) -> str:
    """The document as a print-ready HTML page (Laksaman, A4)."""
    css = _CSS % {"orientation": "landscape" if doc.landscape else "portrait"}
    body = "\n".join(_block_html(kind, value) for kind, value in blocks_of(doc))
    return (
        f'<!DOCTYPE html>\n<html lang="th"><head><meta charset="utf-8">'
        f"<title>{html.escape(doc.title)}</title><style>{css}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )


def _chart_lines(node: dict[str, Any], level: int = 0) -> list[str]:
    lines = ["    " * level + ("• " if level else "") + node["name"]]
    for child in node.get("children", []):
        lines += _chart_lines(child, level + 1)
    return lines


def _docx_block(document: Any, kind: str, value: Any) -> None:
    if kind in ("h1", "h2", "h3", "sheet"):
        document.add_heading(str(value), level={"h1": 1, "h2": 2, "h3": 3, "sheet": 2}[kind])
    elif kind in ("p", "center", "right"):
        paragraph = document.add_paragraph(str(value))
        if kind != "p":
            paragraph.alignment = 1 if kind == "center" else 2
    elif kind in ("ul", "ol"):
        style = "List Bullet" if kind == "ul" else "List Number"
        for line in value:
            document.add_paragraph(str(line), style=style)
    elif kind == "table":
        table = document.add_table(rows=0, cols=len(value[0]))
        table.style = "Table Grid"
        for row in value:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = str(text)
    elif kind == "chart":
        for line in _chart_lines(value):
            document.add_paragraph(line)
    elif kind == "sign":
        for line in value:
            document.add_paragraph(str(line)).alignment = 2
    elif kind == "pagebreak":
        document.add_page_break()


@functools.cache
def to_docx(doc: DocSpec) -> bytes:
    """The document as a Word file (python-docx), cached for the process."""
    import docx

    document = docx.Document()
    document.core_properties.title = doc.title
    document.core_properties.created = _FIXED_DATE
    document.core_properties.modified = _FIXED_DATE
    document.styles["Normal"].font.name = "TH SarabunPSK"
    for kind, value in blocks_of(doc):
        _docx_block(document, kind, value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@functools.cache
def to_xlsx(doc: DocSpec) -> bytes:
    """The document as a workbook (openpyxl): text lines and tables as rows."""
    import openpyxl

    book = openpyxl.Workbook()
    book.properties.title = doc.title
    book.properties.created = _FIXED_DATE
    sheet = book.active
    sheet.title = "Sheet1"
    first = True
    for kind, value in blocks_of(doc):
        if kind == "sheet":
            sheet = sheet if first else book.create_sheet()
            sheet.title = str(value)[:31]
        elif kind == "table":
            for row in value:
                sheet.append(list(row))
        elif kind in ("ul", "ol", "sign"):
            for line in value:
                sheet.append([str(line)])
        elif kind == "chart":
            for line in _chart_lines(value):
                sheet.append([line])
        elif kind != "pagebreak":
            sheet.append([str(value)])
        first = False
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_BOMB_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>"
)
_BOMB_TAIL = b"</w:t></w:r></w:p></w:body></w:document>"
_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


@functools.cache
def zip_bomb_docx(expanded_mb: int = 256) -> bytes:
    """A well-formed DOCX whose document.xml expands to ``expanded_mb`` MB of spaces.

    About 0.25 MB on the wire for 256 MB expanded (deflate's ~1000:1 on a run of spaces).
    """
    out = io.BytesIO()
    chunk = b" " * (1 << 20)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        info = zipfile.ZipInfo("word/document.xml", date_time=(2025, 2, 1, 10, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as part:
            part.write(_BOMB_HEAD + "สรุปผลการจัดซื้อจัดจ้าง".encode())
            for _ in range(expanded_mb):
                part.write(chunk)
            part.write(_BOMB_TAIL)
    return out.getvalue()


def doc_bytes(site_folder: Any, doc: DocSpec) -> bytes:
    """The bytes served for a document: the committed PDF, or a freshly built Office file."""
    if doc.kind == "pdf":
        return (site_folder / "static" / doc.static_path).read_bytes()
    if doc.kind == "docx":
        return to_docx(doc)
    if doc.kind == "xlsx":
        return to_xlsx(doc)
    raise ValueError(f"{doc.id}: unknown kind {doc.kind!r}")
