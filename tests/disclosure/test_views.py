"""The logged-in pages of the OIT workspace: coordinator tools and the item page.

The UI is Thai by default, so the tests look at item codes, titles, URLs, status codes and
the data in the database, never at English wording.
"""

from __future__ import annotations

import datetime as dt
import re
import struct
from io import BytesIO, StringIO
from typing import Any

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pdfminer.high_level import extract_text_to_fp

from openita.audit.models import AuditEntry
from openita.disclosure import services
from openita.disclosure.assignment_table import HEADERS, UnitRef, read_assignment_table
from openita.disclosure.models import EvidenceLink, ItemStatus, SetStatus
from openita.lib.thaitext import normalize_for_match
from tests.conftest import login
from tests.disclosure.view_helpers import (
    EIT_LINK,
    PDF_BYTES,
    TITLES,
    _approve_all,
    _item_url,
    _oit,
    _page,
    _responses,
)
from tests.support import probe as _probe

# --- EIT survey link and QR code -----------------------------------------------------------


def test_it_makes_svg_and_png_qr_codes_of_the_eit_link(
    response_set_a: Any, coordinator: Any
) -> None:
    client = login(coordinator)
    saved = client.post(_oit(response_set_a, "eit-link/"), {"url": EIT_LINK})
    assert saved.status_code == 302
    response_set_a.refresh_from_db()
    assert response_set_a.eit_survey_url == EIT_LINK
    svg = client.get(_oit(response_set_a, "eit-qr.svg"))
    assert svg.status_code == 200
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg.content.lstrip().startswith((b"<?xml", b"<svg"))
    png = client.get(_oit(response_set_a, "eit-qr.png"))
    assert png.status_code == 200
    assert png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert client.get(_oit(response_set_a, "eit-qr.gif")).status_code == 404


def test_it_makes_a_full_qr_code_even_for_a_short_link(
    response_set_a: Any, coordinator: Any
) -> None:
    # Phone cameras do not read Micro QR codes, which a short link would otherwise get.
    client = login(coordinator)
    client.post(_oit(response_set_a, "eit-link/"), {"url": "https://a.th/"})
    png = client.get(_oit(response_set_a, "eit-qr.png")).content
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    assert width == height >= (21 + 2 * 4) * 10  # version 1 is 21 modules, plus the border


def test_it_has_no_qr_code_without_an_eit_link(response_set_a: Any, coordinator: Any) -> None:
    client = login(coordinator)
    assert client.get(_oit(response_set_a, "eit-qr.svg")).status_code == 404
    assert client.get(_oit(response_set_a, "eit-qr.png")).status_code == 404


@pytest.mark.parametrize("bad", ["not a link", "javascript:alert(1)", "ftp://example.test/eit"])
def test_it_refuses_a_malformed_eit_link_and_keeps_the_old_one(
    response_set_a: Any, coordinator: Any, bad: str
) -> None:
    client = login(coordinator)
    client.post(_oit(response_set_a, "eit-link/"), {"url": EIT_LINK}, follow=True)
    response = client.post(_oit(response_set_a, "eit-link/"), {"url": bad}, follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    response_set_a.refresh_from_db()
    assert response_set_a.eit_survey_url == EIT_LINK
    assert client.get(_oit(response_set_a, "eit-qr.svg")).status_code == 200


def test_it_lets_only_the_coordinator_set_the_eit_link(
    response_set_a: Any, unit_editor: Any, assessor: Any
) -> None:
    for user in (unit_editor, assessor):
        response = login(user).post(_oit(response_set_a, "eit-link/"), {"url": EIT_LINK})
        assert response.status_code == 404
    response_set_a.refresh_from_db()
    assert response_set_a.eit_survey_url == ""


# --- dashboard -------------------------------------------------------------------------------


def test_it_shows_the_dashboard_to_the_coordinator_only(
    response_set_a: Any, coordinator: Any, unit_editor: Any, assessor: Any, outsider: Any
) -> None:
    assert login(coordinator).get(_oit(response_set_a, "dashboard/")).status_code == 200
    for user in (unit_editor, assessor, outsider):
        assert login(user).get(_oit(response_set_a, "dashboard/")).status_code == 404


def test_it_asks_for_a_login_before_the_dashboard(response_set_a: Any, client: Any) -> None:
    response = client.get(_oit(response_set_a, "dashboard/"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_it_shows_overdue_items_on_the_dashboard(response_set_a: Any, coordinator: Any) -> None:
    rows = _responses(response_set_a)
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    unit = response_set_a.agency.units.get(short_name="ยศ.")
    services.assign(rows["O28"], by=coordinator, units=[unit], due_date=yesterday)
    services.assign(rows["O31"], by=coordinator, units=[unit], due_date=yesterday + dt.timedelta(5))
    response = login(coordinator).get(_oit(response_set_a, "dashboard/"))
    assert [r.item.code for r in response.context["d"].overdue] == ["O28"]
    assert _item_url(response_set_a, rows["O28"]) in _page(response)
    assert _item_url(response_set_a, rows["O31"]) not in _page(response)


def test_it_no_longer_counts_an_approved_item_as_overdue(
    response_set_a: Any, coordinator: Any
) -> None:
    o28 = _responses(response_set_a)["O28"]
    services.assign(o28, by=coordinator, units=[], due_date=dt.date(2023, 1, 31))
    services.add_link(o28, by=coordinator, url="https://example.test/complaints")
    services.change_status(o28, ItemStatus.APPROVED, by=coordinator)
    response = login(coordinator).get(_oit(response_set_a, "dashboard/"))
    assert response.context["d"].overdue == []


def test_it_shows_broken_and_stale_links_on_the_dashboard(
    response_set_a: Any, coordinator: Any
) -> None:
    rows = _responses(response_set_a)
    broken = services.add_link(rows["O1"], by=None, url="https://example.test/gone")
    fine = services.add_link(rows["O7"], by=None, url="https://example.test/news")
    old = services.add_link(rows["O28"], by=None, url="https://example.test/old-check")
    never = services.add_link(rows["O31"], by=None, url="https://example.test/never")
    services.record_check(broken.pk, _probe(broken.url, "broken", 404))
    services.record_check(fine.pk, _probe(fine.url, "ok", 200))
    services.record_check(old.pk, _probe(old.url, "ok", 200))
    # Test set-up: a check made a month ago.
    EvidenceLink.objects.filter(pk=old.pk).update(checked_at=timezone.now() - dt.timedelta(days=30))
    response = login(coordinator).get(_oit(response_set_a, "dashboard/"))
    d = response.context["d"]
    assert [link.url for link in d.bad_links] == [broken.url]
    assert {link.url for link in d.stale_links} == {old.url, never.url}
    html = _page(response)
    bad_list = html[html.index('class="bad-links"') :]
    assert broken.url in bad_list[: bad_list.index("</ul>")]
    assert re.search(r'id="bad-count">\s*1\s*<', html)


def _dashboard_state(rs: Any, coordinator: Any, n_links: int, prefix: str) -> None:
    """Spread n links over the items, half of them broken, with units and past due dates."""
    rows = list(_responses(rs).values())
    units = list(rs.agency.units.all())
    past = timezone.localdate() - dt.timedelta(days=3)
    for index in range(n_links):
        response = rows[index % len(rows)]
        link = services.add_link(
            response, by=coordinator, url=f"https://example.test/{prefix}{index}"
        )
        if index % 2 == 0:
            services.record_check(link.pk, _probe(link.url, "broken", 404))
    for response in rows[: min(n_links, len(rows))]:
        services.assign(response, by=coordinator, units=units, due_date=past)


def _dashboard_queries(rs: Any, coordinator: Any) -> int:
    client = login(coordinator)
    client.get(_oit(rs, "dashboard/"))  # warm the session and the content types
    with CaptureQueriesContext(connection) as queries:
        response = client.get(_oit(rs, "dashboard/"))
    assert response.status_code == 200
    return len(queries)


def test_it_builds_the_dashboard_in_a_fixed_number_of_queries(
    response_set_a: Any, coordinator: Any
) -> None:
    _dashboard_state(response_set_a, coordinator, 1, "a")
    few = _dashboard_queries(response_set_a, coordinator)
    _dashboard_state(response_set_a, coordinator, 8, "b")
    response = login(coordinator).get(_oit(response_set_a, "dashboard/"))
    assert len(response.context["d"].bad_links) == 1 + 4
    assert len(response.context["d"].overdue) == 4
    assert _dashboard_queries(response_set_a, coordinator) == few


# --- assignment table ------------------------------------------------------------------------


def _units(rs: Any) -> list[UnitRef]:
    return [UnitRef(str(u.pk), u.name, u.short_name) for u in rs.agency.units.all()]


def _seed_002_table(rows: list[list[Any]]) -> bytes:
    """A table shaped like the agencies' own (seed 002): title, header, section rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["การมอบหมายผู้รับผิดชอบการเปิดเผยข้อมูล ITA ประจำปีงบประมาณ พ.ศ. 2566"])
    sheet.append(list(HEADERS))
    sheet.append(["ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน"])
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _assigned(rs: Any) -> dict[str, set[str]]:
    return {code: {u.short_name for u in r.units.all()} for code, r in _responses(rs).items()}


def _upload(client: Any, rs: Any, data: bytes, name: str = "table.xlsx") -> Any:
    table = SimpleUploadedFile(name, data)
    return client.post(_oit(rs, "assignments/upload/"), {"table": table}, follow=True)


def test_it_exports_an_assignment_table_that_reads_back(
    response_set_a: Any, coordinator: Any
) -> None:
    response = login(coordinator).get(_oit(response_set_a, "assignments.xlsx"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    rows = read_assignment_table(
        response.content, item_codes=["O1", "O7", "O28", "O31"], units=_units(response_set_a)
    )
    keys = {u.key: u.short_name for u in _units(response_set_a)}
    read = {row.code: {keys[k] for k in row.unit_keys} for row in rows}
    assert read == _assigned(response_set_a)
    assert read["O1"] == {"บค."}


def test_it_refuses_the_assignment_table_to_others(
    response_set_a: Any, unit_editor: Any, assessor: Any
) -> None:
    for user in (unit_editor, assessor):
        assert login(user).get(_oit(response_set_a, "assignments.xlsx")).status_code == 404
        table = SimpleUploadedFile("t.xlsx", _seed_002_table([["O1", "", "", "ยศ."]]))
        upload = login(user).post(_oit(response_set_a, "assignments/upload/"), {"table": table})
        assert upload.status_code == 404
    assert _assigned(response_set_a)["O1"] == {"บค."}


def test_it_assigns_units_from_an_uploaded_table(response_set_a: Any, coordinator: Any) -> None:
    data = _seed_002_table(
        [
            ["01", "โครงสร้าง", "- แสดงแผนผัง", "ยศ."],
            ["O7", "ข่าวประชาสัมพันธ์", None, "บค./ยศ."],
            ["ตัวชี้วัดย่อยที่ 10.1 การดำเนินการเพื่อป้องกันการทุจริต"],
            ["O28", "ช่องทางแจ้งเรื่องร้องเรียน", None, "กลุ่มงานบริหารทรัพยากรบุคคล"],
            ["O31", "No Gift Policy", None, None],
        ]
    )
    response = _upload(login(coordinator), response_set_a, data)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    assert _assigned(response_set_a) == {
        "O1": {"ยศ."},
        "O7": {"บค.", "ยศ."},
        "O28": {"บค."},
        "O31": set(),
    }
    assert AuditEntry.objects.filter(action="oit.assignment_table_applied").count() == 1


def test_it_changes_nothing_when_a_row_names_an_unknown_unit(
    response_set_a: Any, coordinator: Any
) -> None:
    before = _assigned(response_set_a)
    data = _seed_002_table([["O1", "", "", "ยศ."], ["O7", "", "", "กองช่างโยธา"]])
    response = _upload(login(coordinator), response_set_a, data)
    assert _assigned(response_set_a) == before
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert errors
    assert any("กองช่างโยธา" in e and "5" in e for e in errors)  # the token and its row
    assert "กองช่างโยธา" in _page(response)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("table.xlsx", b"this is not a workbook"),
        ("table.csv", "ข้อ,หน่วยงานรับผิดชอบ\nO1,ยศ.\n".encode()),
        ("table.pdf", PDF_BYTES),
    ],
)
def test_it_changes_nothing_for_a_file_that_is_not_xlsx(
    response_set_a: Any, coordinator: Any, name: str, data: bytes
) -> None:
    before = _assigned(response_set_a)
    response = _upload(login(coordinator), response_set_a, data, name)
    assert _assigned(response_set_a) == before
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


def test_it_asks_for_a_file_when_none_is_uploaded(response_set_a: Any, coordinator: Any) -> None:
    response = login(coordinator).post(_oit(response_set_a, "assignments/upload/"), follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


# --- link checks and submission ---------------------------------------------------------------


def test_it_queues_a_check_of_every_link(
    response_set_a: Any, coordinator: Any, django_capture_on_commit_callbacks: Any
) -> None:
    rows = _responses(response_set_a)
    for code in ("O1", "O7"):
        services.add_link(rows[code], by=None, url=f"https://example.test/{code}")
    with django_capture_on_commit_callbacks() as callbacks:
        response = login(coordinator).post(_oit(response_set_a, "check-links/"))
    assert response.status_code == 302
    assert len(callbacks) == 2


def test_it_refuses_to_submit_while_items_are_not_approved(
    response_set_a: Any, coordinator: Any
) -> None:
    o1 = _responses(response_set_a)["O1"]
    services.add_link(o1, by=coordinator, url="https://example.test/structure")
    services.change_status(o1, ItemStatus.APPROVED, by=coordinator)
    response = login(coordinator).post(_oit(response_set_a, "submit/"), follow=True)
    response_set_a.refresh_from_db()
    assert response_set_a.status == SetStatus.OPEN
    assert response_set_a.submitted_at is None
    (message,) = [str(m) for m in response.context["messages"]]
    assert "O7" in message and "O28" in message and "O31" in message
    assert "O1," not in message
    assert not AuditEntry.objects.filter(action="oit.submitted").exists()


def test_it_submits_once(
    response_set_a: Any, coordinator: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _approve_all(response_set_a, coordinator)
    client = login(coordinator)
    with django_capture_on_commit_callbacks() as captures:
        first = client.post(_oit(response_set_a, "submit/"), follow=True)
    assert [m.level_tag for m in first.context["messages"]] == ["success"]
    assert len(captures) == 4  # one capture per link, after commit
    response_set_a.refresh_from_db()
    assert response_set_a.status == SetStatus.SUBMITTED
    assert response_set_a.submitted_by == coordinator
    assert set(response_set_a.responses.values_list("status", flat=True)) == {ItemStatus.SUBMITTED}
    second = client.post(_oit(response_set_a, "submit/"), follow=True)
    assert [m.level_tag for m in second.context["messages"]] == ["error"]
    assert AuditEntry.objects.filter(action="oit.submitted").count() == 1


def test_it_lets_only_the_coordinator_submit(
    response_set_a: Any, coordinator: Any, unit_editor: Any, assessor: Any
) -> None:
    _approve_all(response_set_a, coordinator)
    for user in (unit_editor, assessor):
        assert login(user).post(_oit(response_set_a, "submit/")).status_code == 404
    response_set_a.refresh_from_db()
    assert response_set_a.status == SetStatus.OPEN


# --- exports of the logged-in workspace ------------------------------------------------------


def _pdf_text(data: bytes) -> str:
    # Without layout analysis pdfminer keeps Chromium's stream order of stacked Thai marks.
    out = StringIO()
    extract_text_to_fp(BytesIO(data), out, laparams=None)
    return re.sub(r"\s+", "", normalize_for_match(out.getvalue()))


def test_it_exports_word_excel_and_pdf_to_members(response_set_a: Any, assessor: Any) -> None:
    client = login(assessor)
    word = client.get(_oit(response_set_a, "export.docx"))
    assert word.status_code == 200
    cells = "\n".join(
        cell.text
        for table in docx.Document(BytesIO(word.content)).tables
        for row in table.rows
        for cell in row.cells
    )
    assert all(title in cells for title in TITLES)
    excel = client.get(_oit(response_set_a, "export.xlsx"))
    book = openpyxl.load_workbook(BytesIO(excel.content))
    values = {str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row}
    assert {"O1", "O7", "O28", "O31"} <= values
    pdf = client.get(_oit(response_set_a, "export.pdf"))
    assert pdf.content.startswith(b"%PDF")
    text = _pdf_text(pdf.content)
    for title in TITLES:
        assert re.sub(r"\s+", "", normalize_for_match(title)) in text


def test_it_refuses_unknown_formats_and_outsiders(
    response_set_a: Any, outsider: Any, coordinator: Any
) -> None:
    assert login(coordinator).get(_oit(response_set_a, "export.odt")).status_code == 404
    assert login(outsider).get(_oit(response_set_a, "export.xlsx")).status_code == 404
