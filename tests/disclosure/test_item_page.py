"""The item page: refused links, edit conflicts, uploads, query counts."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openita.disclosure import services
from openita.disclosure.errors import NotAllowed
from openita.disclosure.models import EvidenceFile, EvidenceLink, ItemStatus
from tests.conftest import login
from tests.disclosure.view_helpers import (
    PDF_BYTES,
    _item_url,
    _oit,
    _page,
    _responses,
)

# --- the item page ----------------------------------------------------------------------------


def test_it_refuses_a_malformed_link_with_400(response_set_a: Any, unit_editor: Any) -> None:
    o1 = _responses(response_set_a)["O1"]
    response = login(unit_editor).post(
        _item_url(response_set_a, o1, "links/"), {"url": "javascript:alert(1)", "label": "x"}
    )
    assert response.status_code == 400
    assert response.context["link_form"].errors["url"]
    assert "javascript:alert(1)" in _page(response)  # kept in the form to correct
    assert not EvidenceLink.objects.exists()


def test_it_adds_a_link_from_the_item_page(
    response_set_a: Any, unit_editor: Any, django_capture_on_commit_callbacks: Any
) -> None:
    o1 = _responses(response_set_a)["O1"]
    with django_capture_on_commit_callbacks() as checks:
        response = login(unit_editor).post(
            _item_url(response_set_a, o1, "links/"),
            {"url": "https://example.test/structure", "label": "ผัง", "menu_path": "เกี่ยวกับเรา"},
        )
    assert response.status_code == 302
    assert list(o1.links.values_list("url", "label", "menu_path")) == [
        ("https://example.test/structure", "ผัง", "เกี่ยวกับเรา")
    ]
    assert len(checks) == 1


def test_it_keeps_my_text_when_someone_saved_the_item_first(
    response_set_a: Any, coordinator: Any, unit_editor: Any
) -> None:
    o1 = _responses(response_set_a)["O1"]
    client = login(unit_editor)
    opened = client.get(_item_url(response_set_a, o1))
    version = opened.context["form"]["version"].value()
    services.update_item(
        o1, by=coordinator, version=version, explanation="ข้อความของผู้ประสานงาน", element_checks=[]
    )
    response = client.post(
        _item_url(response_set_a, o1),
        {"version": version, "explanation": "ข้อความของฉัน", "element_checks": ["0"]},
    )
    assert response.status_code == 409
    html = _page(response)
    assert "ข้อความของฉัน" in html
    assert "ข้อความของผู้ประสานงาน" in html  # shown for comparison
    o1.refresh_from_db()
    assert o1.explanation == "ข้อความของผู้ประสานงาน"
    # The form now carries the current version, so saving again means "mine wins".
    assert int(response.context["form"]["version"].value()) == o1.version
    again = client.post(
        _item_url(response_set_a, o1),
        {"version": o1.version, "explanation": "ข้อความของฉัน", "element_checks": ["0"]},
    )
    assert again.status_code == 302
    o1.refresh_from_db()
    assert (o1.explanation, o1.element_checks) == ("ข้อความของฉัน", [0])


def test_it_refuses_a_file_over_the_size_limit(
    response_set_a: Any, unit_editor: Any, settings: Any
) -> None:
    settings.OPENITA_MAX_UPLOAD_MB = 1
    o1 = _responses(response_set_a)["O1"]
    version = o1.version
    big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * (1024 * 1024))
    response = login(unit_editor).post(_item_url(response_set_a, o1, "files/"), {"file": big})
    assert response.status_code == 400
    assert response.context["file_form"].errors["file"]
    assert not EvidenceFile.objects.exists()
    o1.refresh_from_db()
    assert o1.version == version


def test_it_refuses_a_file_whose_content_is_not_accepted(
    response_set_a: Any, unit_editor: Any
) -> None:
    o1 = _responses(response_set_a)["O1"]
    fake = SimpleUploadedFile("report.pdf", b"<html><script>alert(1)</script></html>")
    response = login(unit_editor).post(_item_url(response_set_a, o1, "files/"), {"file": fake})
    assert response.status_code == 400
    assert not EvidenceFile.objects.exists()


def test_it_uploads_and_serves_a_file_to_members(
    response_set_a: Any, unit_editor: Any, assessor: Any
) -> None:
    o1 = _responses(response_set_a)["O1"]
    upload = SimpleUploadedFile("โครงสร้าง.pdf", PDF_BYTES)
    response = login(unit_editor).post(
        _item_url(response_set_a, o1, "files/"), {"file": upload, "label": "แผนผัง"}
    )
    assert response.status_code == 302
    evidence = EvidenceFile.objects.get()
    assert (evidence.original_name, evidence.label) == ("โครงสร้าง.pdf", "แผนผัง")
    served = login(assessor).get(_item_url(response_set_a, o1, f"files/{evidence.uuid}/"))
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == PDF_BYTES


def test_it_answers_503_with_a_message_when_the_pdf_cannot_be_made(
    response_set_a: Any, coordinator: Any, monkeypatch: Any
) -> None:
    from openita.reports import render

    def broken(report: Any) -> bytes:
        raise render.PdfRenderError("chromium missing")  # as when Chromium is absent

    monkeypatch.setitem(render.FORMATS, "pdf", (broken, "application/pdf", "pdf"))
    response = login(coordinator).get(f"/oit/{response_set_a.uuid}/export.pdf")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/plain")


def test_it_keeps_an_editor_off_an_approved_item(
    response_set_a: Any, coordinator: Any, unit_editor: Any
) -> None:
    response = response_set_a.responses.get(units__short_name="บค.")
    services.add_link(response, by=unit_editor, url="https://example.go.th/a")
    services.change_status(response, ItemStatus.APPROVED, by=coordinator)
    with pytest.raises(NotAllowed):
        services.add_link(response, by=unit_editor, url="https://example.go.th/b")
    assert list(response.links.values_list("url", flat=True)) == ["https://example.go.th/a"]
    services.add_link(response, by=coordinator, url="https://example.go.th/c")
    assert response.links.count() == 2


def _page_queries(client: Any, url: str) -> int:
    client.get(url)  # warm the session and the content types
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_it_lists_items_in_a_fixed_number_of_queries(response_set_a: Any, coordinator: Any) -> None:
    client = login(coordinator)
    url = _oit(response_set_a, "")
    few = _page_queries(client, url)
    for n, response in enumerate(response_set_a.responses.all()):
        for k in range(3):
            services.add_link(response, by=coordinator, url=f"https://example.go.th/{n}/{k}")
        services.add_file(
            response, by=coordinator, name=f"{n}.pdf", content=b"%PDF-1.4 " + bytes([n])
        )
    assert _page_queries(client, url) == few
