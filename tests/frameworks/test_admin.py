"""The site administrator edits an item; the whole framework is validated first."""

import json

from openita.accounts.services import create_user
from openita.audit.models import AuditEntry
from tests.conftest import login


def _form(item, **changes):
    data = {
        "title": item.title,
        "topic": item.topic,
        "coverage": item.coverage,
        "none_allowed": "on" if item.none_allowed else "",
        "elements": json.dumps(item.elements, ensure_ascii=False),
        "hints": json.dumps(item.hints, ensure_ascii=False),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_it_saves_a_valid_edit_through_the_service(mini):
    admin = create_user("root", "pw-not-used-123", is_superuser=True, by=None)
    item = mini.items.get(code="O1")
    url = f"/admin/frameworks/item/{item.pk}/change/"
    response = login(admin).post(url, _form(item, title="โครงสร้างองค์กร"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "โครงสร้างองค์กร"
    assert mini.__class__.objects.get(pk=mini.pk).document["items"][0]["title"] == "โครงสร้างองค์กร"
    assert AuditEntry.objects.filter(action="framework.item_updated", actor=admin).exists()


def test_it_shows_the_error_and_keeps_the_item_when_an_edit_breaks_the_framework(mini):
    admin = create_user("root", "pw-not-used-123", is_superuser=True, by=None)
    item = mini.items.get(code="O7")
    url = f"/admin/frameworks/item/{item.pk}/change/"
    response = login(admin).post(url, _form(item, topic="หัวข้อที่ไม่มี"))
    assert response.status_code == 200
    assert "is not a topic of 9.1" in response.content.decode()
    item.refresh_from_db()
    assert item.topic == "การประชาสัมพันธ์"
