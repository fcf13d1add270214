"""The public side of the OIT workspace: manifest, public page, embed, exports, public files.

Nothing here logs in. The UI is Thai by default, so the tests look at item codes, titles,
URLs, status codes and JSON, never at English wording.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from io import BytesIO, StringIO
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from uuid import uuid4

import docx
import openpyxl
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator, FormatChecker
from pdfminer.high_level import extract_text_to_fp

from openita.disclosure import services
from openita.disclosure.models import CheckOutcome, EvidenceFile, ItemStatus
from openita.disclosure.public import build_report, manifest
from openita.lib.thaitext import normalize_for_match
from tests.support import probe as _probe

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "oit-manifest.schema.json"
PDF_BYTES = b"%PDF-1.4\n% OpenITA test evidence\n"
APPROVED_LINK = "https://example.test/about/structure"
DRAFT_LINK = "https://example.test/news/draft"
POLICY_LINK = "https://example.test/no-gift-policy"
TOPICS_9_1 = ["ข้อมูลพื้นฐาน", "การประชาสัมพันธ์"]


def _responses(rs: Any) -> dict[str, Any]:
    return {r.item.code: r for r in rs.responses.select_related("item", "response_set")}


@pytest.fixture
def published(response_set_a: Any, coordinator: Any) -> Any:
    """O1 approved with a link and a file, O31 approved with a bare link, O7 a draft with a link."""
    rows = _responses(response_set_a)
    services.add_link(
        rows["O1"], by=coordinator, url=APPROVED_LINK, label="แผนผังโครงสร้าง", menu_path="เกี่ยวกับเรา"
    )
    services.add_file(rows["O1"], by=coordinator, name="structure.pdf", content=PDF_BYTES)
    services.change_status(rows["O1"], ItemStatus.APPROVED, by=coordinator)
    services.add_link(rows["O31"], by=coordinator, url=POLICY_LINK)
    services.change_status(rows["O31"], ItemStatus.APPROVED, by=coordinator)
    services.add_link(rows["O7"], by=None, url=DRAFT_LINK, label="ร่างข่าว")
    return response_set_a


def _url(rs: Any, tail: str = "") -> str:
    return f"/public/{rs.agency.uuid}/oit/{rs.framework.fiscal_year}/{tail}"


def _schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _format_checker() -> FormatChecker:
    """jsonschema's checker plus date-time and URI checks, which need no extra package here."""
    checker = FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def _date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        parsed = dt.datetime.fromisoformat(value)
        return "T" in value and parsed.tzinfo is not None

    @checker.checks("uri")
    @checker.checks("iri")
    def _uri(value: object) -> bool:
        if not isinstance(value, str):
            return True
        parts = urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.netloc)

    return checker


def _errors(document: dict[str, Any]) -> list[str]:
    validator = Draft202012Validator(_schema(), format_checker=_format_checker())
    return [error.message for error in validator.iter_errors(document)]


def _item(document: dict[str, Any], code: str) -> dict[str, Any]:
    return next(item for item in document["items"] if item["code"] == code)


# --- manifest ---------------------------------------------------------------------------


def test_it_has_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(_schema())


def test_it_validates_the_manifest_against_its_schema(published: Any) -> None:
    document = manifest(build_report(published))
    assert _errors(document) == []
    assert [item["code"] for item in document["items"]] == ["O1", "O7", "O28", "O31"]


def test_it_validates_the_manifest_of_a_checked_and_submitted_set(
    published: Any, coordinator: Any
) -> None:
    rows = _responses(published)
    link = rows["O1"].links.get()
    services.record_check(link.pk, _probe(link.url, "broken", 404))
    services.add_link(rows["O28"], by=None, url="https://example.test/complaints")
    for code in ("O7", "O28"):
        services.change_status(rows[code], ItemStatus.APPROVED, by=coordinator)
    services.submit(published, by=coordinator)
    published.refresh_from_db()
    document = manifest(build_report(published))
    assert _errors(document) == []
    assert document["submitted_at"] is not None
    assert {item["status"] for item in document["items"]} == {ItemStatus.SUBMITTED}
    assert DRAFT_LINK in [u["url"] for u in _item(document, "O7")["urls"]]
    check = _item(document, "O1")["urls"][0]["last_check"]
    assert check["result"] == "broken"
    assert dt.datetime.fromisoformat(check["checked_at"]).tzinfo is not None


def test_it_refuses_a_manifest_with_a_bad_item_code(published: Any) -> None:
    document = manifest(build_report(published))
    document["items"][0]["code"] = "01"
    assert _errors(document)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("items", 0, "status"), "done"),
        (("items", 0, "urls", 1, "sha256"), "not-a-hash"),
        (("items", 0, "urls", 0, "last_check", "result"), "fine"),
        (("items", 0, "urls", 0, "last_check", "checked_at"), "yesterday"),
        (("generated_at",), "2566-01-01"),
        (("items", 0, "extra"), True),
    ],
)
def test_it_refuses_manifests_that_break_the_schema(
    published: Any, path: tuple[Any, ...], value: Any
) -> None:
    document = manifest(build_report(published))
    target: Any = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert _errors(document)


def test_it_lists_the_model_values_in_the_schema_enums() -> None:
    defs = _schema()["$defs"]
    assert defs["item"]["properties"]["status"]["enum"] == list(ItemStatus.values)
    results = defs["check"]["properties"]["result"]["enum"]
    assert results == ["unchecked", *[v for v in CheckOutcome.values if v]]


def test_it_shows_urls_of_approved_items_only(published: Any) -> None:
    document = manifest(build_report(published))
    o1, o7 = _item(document, "O1"), _item(document, "O7")
    assert o7["status"] == ItemStatus.IN_PROGRESS
    assert o7["urls"] == []
    assert [u["kind"] for u in o1["urls"]] == ["link", "file"]
    link, file = o1["urls"]
    assert link["url"] == APPROVED_LINK
    assert link["menu_path"] == "เกี่ยวกับเรา"
    assert link["last_check"] == {"result": "unchecked", "checked_at": None}
    assert "sha256" not in link
    assert "last_check" not in file


def test_it_gives_files_their_sha256_and_public_url(published: Any) -> None:
    evidence = EvidenceFile.objects.get(response__response_set=published)
    file = _item(manifest(build_report(published)), "O1")["urls"][1]
    assert file["sha256"] == evidence.sha256
    assert re.fullmatch(r"[0-9a-f]{64}", file["sha256"])
    assert file["label"] == "structure.pdf"
    assert file["url"].endswith(_url(published, f"files/{evidence.uuid}/"))


def test_it_labels_a_bare_link_with_its_url_and_leaves_out_the_menu_path(published: Any) -> None:
    (link,) = _item(manifest(build_report(published)), "O31")["urls"]
    assert link["url"] == link["label"] == POLICY_LINK
    assert "menu_path" not in link
    assert _item(manifest(build_report(published)), "O31")["none_declared"] is False


def test_it_serves_the_manifest_with_cors_and_unescaped_thai(published: Any) -> None:
    response = Client().get(_url(published, "manifest.json"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "โครงสร้าง".encode() in response.content
    assert b"\\u0e" not in response.content
    document = response.json()
    assert _errors(document) == []
    assert document["page"].endswith(_url(published))
    assert _item(document, "O7")["urls"] == []


def _queries(url: str) -> int:
    client = Client()
    client.get(url)  # warm the content types
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_it_builds_public_pages_in_a_fixed_number_of_queries(
    published: Any, coordinator: Any
) -> None:
    pages = [_url(published), _url(published, "embed/"), _url(published, "manifest.json")]
    few = [_queries(url) for url in pages]
    for code, response in _responses(published).items():
        for n in range(3):
            services.add_link(response, by=None, url=f"https://example.test/{code}/{n}")
        services.add_file(response, by=None, name=f"{code}.pdf", content=PDF_BYTES + code.encode())
        services.change_status(response, ItemStatus.APPROVED, by=coordinator)
    document = Client().get(_url(published, "manifest.json")).json()
    assert sum(len(item["urls"]) for item in document["items"]) > 12
    assert [_queries(url) for url in pages] == few


# --- the public page and the embed -------------------------------------------------------


def test_it_shows_the_public_page_without_login(published: Any) -> None:
    response = Client().get(_url(published))
    assert response.status_code == 200
    html = response.content.decode()
    assert published.agency.name in html
    assert APPROVED_LINK in html
    assert DRAFT_LINK not in html
    for title in ("โครงสร้าง", "ข่าวประชาสัมพันธ์", "ช่องทางแจ้งเรื่องร้องเรียน"):
        assert title in html


def test_it_groups_items_by_indicator_sub_indicator_and_topic(published: Any) -> None:
    response = Client().get(_url(published))
    report = response.context["report"]
    assert [(i.number, [s.code for s in i.sub_indicators]) for i in report.indicators] == [
        (9, ["9.1"]),
        (10, ["10.1"]),
    ]
    sub_9_1 = report.indicators[0].sub_indicators[0]
    assert [(t.name, [e.code for e in t.items]) for t in sub_9_1.topics] == [
        ("ข้อมูลพื้นฐาน", ["O1"]),
        ("การประชาสัมพันธ์", ["O7"]),
    ]
    sub_10_1 = report.indicators[1].sub_indicators[0]
    assert [(t.name, [e.code for e in t.items]) for t in sub_10_1.topics] == [("", ["O28", "O31"])]
    html = response.content.decode()
    order = [
        html.index("การเปิดเผยข้อมูล"),
        html.index(TOPICS_9_1[0]),
        html.index('id="item-O1"'),
        html.index(TOPICS_9_1[1]),
        html.index('id="item-O7"'),
        html.index("การป้องกันการทุจริต"),
        html.index('id="item-O28"'),
        html.index('id="item-O31"'),
    ]
    assert order == sorted(order)


def test_it_offers_the_iframe_and_the_snippet(published: Any) -> None:
    response = Client().get(_url(published))
    html = response.content.decode()
    embed_url = response.context["embed_url"]
    assert embed_url.endswith(_url(published, "embed/"))
    assert f'&lt;iframe src="{embed_url}"' in html
    snippet = response.context["snippet"]
    assert APPROVED_LINK in snippet
    assert DRAFT_LINK not in snippet
    assert "O1 โครงสร้าง" in snippet
    # The snippet is shown as text to copy, never as live markup of the page.
    assert "&lt;div class=&quot;openita-oit&quot;" in html


def test_it_lets_other_sites_frame_the_embed_only(published: Any) -> None:
    client = Client()
    embed = client.get(_url(published, "embed/"))
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed.headers
    html = embed.content.decode()
    assert APPROVED_LINK in html
    assert DRAFT_LINK not in html
    assert client.get(_url(published))["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("tail", ["", "embed/", "manifest.json", "export.xlsx"])
def test_it_answers_404_for_an_unknown_agency_or_year(published: Any, tail: str) -> None:
    client = Client()
    year = published.framework.fiscal_year
    assert client.get(f"/public/{uuid4()}/oit/{year}/{tail}").status_code == 404
    assert client.get(f"/public/{published.agency.uuid}/oit/{year + 1}/{tail}").status_code == 404


# --- public files -------------------------------------------------------------------------


def test_it_serves_files_of_approved_items(published: Any) -> None:
    evidence = EvidenceFile.objects.get(response__response_set=published)
    response = Client().get(_url(published, f"files/{evidence.uuid}/"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "structure.pdf" in response["Content-Disposition"]


def test_it_hides_files_of_draft_items(published: Any) -> None:
    draft = _responses(published)["O7"]
    evidence = services.add_file(draft, by=None, name="draft.pdf", content=PDF_BYTES + b"draft")
    assert Client().get(_url(published, f"files/{evidence.uuid}/")).status_code == 404


def test_it_hides_files_of_another_agency(published: Any, response_set_b: Any) -> None:
    evidence = EvidenceFile.objects.get(response__response_set=published)
    wrong = f"/public/{response_set_b.agency.uuid}/oit/2566/files/{evidence.uuid}/"
    assert Client().get(wrong).status_code == 404


# --- exports --------------------------------------------------------------------------------

TITLES = ["โครงสร้าง", "ข่าวประชาสัมพันธ์", "ประกาศเจตนารมณ์นโยบาย No Gift Policy"]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", normalize_for_match(text))


def _pdf_text(data: bytes) -> str:
    # Without layout analysis pdfminer keeps Chromium's stream order of stacked Thai marks.
    out = StringIO()
    extract_text_to_fp(BytesIO(data), out, laparams=None)
    return out.getvalue()


def test_it_exports_the_public_page_as_word(published: Any) -> None:
    response = Client().get(_url(published, "export.docx"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = docx.Document(BytesIO(response.content))
    text = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    for title in TITLES:
        assert title in text
    assert APPROVED_LINK in text or "แผนผังโครงสร้าง" in text
    assert DRAFT_LINK not in text


def test_it_exports_the_public_page_as_excel(published: Any) -> None:
    response = Client().get(_url(published, "export.xlsx"))
    assert response.status_code == 200
    book = openpyxl.load_workbook(BytesIO(response.content))
    values = [str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row]
    for code in ("O1", "O7", "O28", "O31"):
        assert code in values
    assert APPROVED_LINK in values
    assert DRAFT_LINK not in values


def test_it_exports_the_public_page_as_pdf(published: Any) -> None:
    response = Client().get(_url(published, "export.pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = _squash(_pdf_text(response.content))
    for title in TITLES:
        assert _squash(title) in text


@pytest.mark.parametrize("fmt", ["html", "csv", "DOCX", "pdf.exe"])
def test_it_answers_404_for_an_unknown_export_format(published: Any, fmt: str) -> None:
    assert Client().get(_url(published, f"export.{fmt}")).status_code == 404
