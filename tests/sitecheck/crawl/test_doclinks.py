"""An OIT index published as a PDF or Word form: its links, paired with their table rows."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from openita.sitecheck.crawl.doclinks import index_of_links
from openita.sitecheck.crawl.documents import read_document

FORMS = Path("tests/sitecheck/sites/muangphon/static/uploads/files/2569/ita")
BASE = "https://www.muangphon.go.th/uploads/files/2569/ita/form.pdf"


def _index(body: bytes) -> dict[str, list[str]]:
    document = read_document(body)
    assert document.ok
    entries = index_of_links(document.links, BASE, numbered=True)
    return {entry.code: [link.url for link in entry.links] for entry in entries}


def test_the_links_of_a_pdf_form_go_to_the_items_of_their_rows() -> None:
    (pdf,) = FORMS.glob("*.pdf")
    index = _index(pdf.read_bytes())
    assert set(index) == {f"O{n}" for n in range(1, 27)}
    assert index["O1"] == ["https://www.muangphon.go.th/about/structure"]
    # Two links in one cell (the second one on its own line) and a URL wrapped over lines.
    assert index["O3"] == [
        "https://www.muangphon.go.th/contact",
        "https://www.muangphon.go.th/webboard",
    ]
    assert len(index["O13"]) == 1
    # "-" in the URL column: the item is named and links nothing.
    assert index["O21"] == [] and index["O26"] == []


def test_the_hyperlinks_of_a_word_form_go_to_the_items_of_their_rows() -> None:
    (form,) = FORMS.glob("*.docx")
    index = _index(form.read_bytes())
    assert set(index) == {f"O{n}" for n in range(1, 27)}
    assert len(index["O3"]) == 2 and index["O26"] == []


def _hyperlink(paragraph: object, url: str, text: str) -> None:
    part = paragraph.part  # type: ignore[attr-defined]
    rel = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    node = OxmlElement("w:t")
    node.text = text
    run.append(node)
    link.append(run)
    paragraph._p.append(link)  # type: ignore[attr-defined]


def test_a_word_file_that_is_no_index_gives_none() -> None:
    document = docx.Document()
    for n in range(1, 8):
        _hyperlink(document.add_paragraph(f"ข่าวที่ {n} "), f"https://a.go.th/news/{n}", "อ่าน")
    buffer = io.BytesIO()
    document.save(buffer)
    read = read_document(buffer.getvalue())
    assert [link.url for link in read.links][:2] == [
        "https://a.go.th/news/1",
        "https://a.go.th/news/2",
    ]
    assert index_of_links(read.links, "https://a.go.th/f.docx", numbered=False) == []
