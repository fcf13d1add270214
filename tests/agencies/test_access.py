"""Tenant isolation: nobody reaches another agency's data, by page or by API."""

import re
import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from openita.accounts.services import create_token, create_user
from openita.agencies.models import Role
from openita.agencies.services import add_member
from openita.disclosure.services import add_file, add_link, submit
from openita.review.services import start_review
from openita.surveys.services.runs import create_survey
from tests.conftest import login
from tests.sitecheck.app_helpers import finished_check, site_report

UUID_PARAM = re.compile(r"<(?:uuid:)?(\w+_uuid)>")


def _routes(patterns=None, prefix=""):
    """Every URL pattern of the project, as a route string with converters left in."""
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            yield from _routes(p.url_patterns, route)
        elif isinstance(p, URLPattern):
            yield route


def tenant_routes():
    # Public pages are meant for everyone: tests/disclosure/test_public.py covers them, and
    # the survey answer pages at s/ are reached by their link token (tests/surveys/views/).
    public = ("admin/", "public/", "s/")
    return sorted({r for r in _routes() if UUID_PARAM.search(r) and not r.startswith(public)})


@pytest.fixture
def b_objects(agency_b, coordinator_b, response_set_b, monkeypatch):
    token, _raw = create_token(coordinator_b, "b", by=None)
    response = response_set_b.responses.first()
    link = add_link(response, by=None, url="https://example.go.th/b")
    evidence = add_file(response, by=None, name="b.pdf", content=b"%PDF-1.4 b")
    # B's set submitted and under review by B's own assessor, so review pages exist too.
    for other in response_set_b.responses.exclude(pk=response.pk):
        add_link(other, by=None, url=f"https://example.go.th/b/{other.pk}")
    response_set_b.responses.update(status="approved")
    submitted = submit(response_set_b, by=None)
    assessor_b = create_user("assessor_b", "x-long-password-1", by=None)
    add_member(agency_b, assessor_b, Role.ASSESSOR, by=None)
    review = start_review(submitted, assessor=assessor_b, by=None)
    check = finished_check(
        monkeypatch, agency_b, response_set_b.framework, site_report({"O1": "found"})
    )
    survey = create_survey(agency_b, response_set_b.framework, "IIT", by=None)
    return {
        "review_uuid": review.uuid, "check_uuid": check.uuid, "survey_uuid": survey.uuid,
        "agency_uuid": agency_b.uuid, "set_uuid": response_set_b.uuid, "token_uuid": token.uuid,
        "item_uuid": response.uuid, "link_uuid": link.uuid, "file_uuid": evidence.uuid,
        # B's set has no final results yet, so it has no improvement plan: random ids behind
        # B's set still prove the set check comes first (tests/improvement/test_access.py
        # walks the same routes with B's real plan, measures and updates).
        "weakness_uuid": uuid.uuid4(), "measure_uuid": uuid.uuid4(), "update_uuid": uuid.uuid4(),
    }  # fmt: skip


def _fill(route, objects):
    path = UUID_PARAM.sub(lambda m: str(objects[m.group(1)]), route)
    path = path.replace("<str:fmt>", "xlsx")
    return "/" + path.replace("^", "").replace("$", "")


def _request(client, url):
    """GET, or POST where the route only takes POST (a 405 would say nothing about access)."""
    response = client.get(url)
    return client.post(url) if response.status_code == 405 else response


def test_it_knows_the_tenant_routes_it_checks():
    routes = tenant_routes()
    assert len(routes) >= 8, routes
    assert any(r.startswith("api/") for r in routes)
    assert sum(r.startswith("sitecheck/") for r in routes) == 4
    assert sum("<uuid:survey_uuid>" in r for r in routes) == 6
    assert {m for r in routes for m in UUID_PARAM.findall(r)} <= {
        "agency_uuid",
        "set_uuid",
        "token_uuid",
        "item_uuid",
        "link_uuid",
        "file_uuid",
        "review_uuid",
        "check_uuid",
        "survey_uuid",
        "weakness_uuid",
        "measure_uuid",
        "update_uuid",
    }


def test_it_gives_404_on_every_agency_b_page_and_api_route_to_agency_a(
    b_objects, coordinator, response_set_a
):
    client = login(coordinator)
    for route in tenant_routes():
        url = _fill(route, b_objects)
        assert _request(client, url).status_code == 404, url


def test_it_gives_404_on_agency_b_api_routes_to_an_agency_a_token(b_objects, coordinator):
    _token, raw = create_token(coordinator, "a", by=None)
    from django.test import Client

    client = Client(headers={"authorization": f"Bearer {raw}"})
    api_routes = [r for r in tenant_routes() if r.startswith("api/")]
    for route in api_routes:
        assert client.get(_fill(route, b_objects)).status_code == 404, route
    own = client.get("/api/agencies")
    assert own.status_code == 200 and [a["name"] for a in own.json()] == ["จังหวัดทดสอบเอ"]


def test_it_lets_members_open_their_own_agency(agency_a, coordinator, response_set_a):
    client = login(coordinator)
    assert client.get(f"/agencies/{agency_a.uuid}/").status_code == 200
    assert client.get(f"/oit/{response_set_a.uuid}/").status_code == 200
    assert client.get(f"/api/agencies/{agency_a.uuid}/audit").status_code == 200


def test_it_shows_unit_editors_only_their_units_items(unit_editor, response_set_a):
    client = login(unit_editor)
    items = client.get(f"/api/response-sets/{response_set_a.uuid}").json()["items"]
    assert [i["code"] for i in items] == ["O1"]
    page = client.get(f"/oit/{response_set_a.uuid}/").content.decode()
    assert "โครงสร้าง" in page and "ข่าวประชาสัมพันธ์" not in page


def test_it_shows_the_assessor_every_item(assessor, response_set_a):
    items = login(assessor).get(f"/api/response-sets/{response_set_a.uuid}").json()["items"]
    assert len(items) == 4


def test_it_hides_the_audit_log_from_everyone_but_coordinators(agency_a, unit_editor, assessor):
    for user in (unit_editor, assessor):
        client = login(user)
        assert client.get(f"/agencies/{agency_a.uuid}/audit/").status_code == 404
        assert client.get(f"/api/agencies/{agency_a.uuid}/audit").status_code == 404


def test_it_shows_an_outsider_no_agency(outsider, agency_a):
    client = login(outsider)
    assert client.get("/api/agencies").json() == []
    assert client.get(f"/agencies/{agency_a.uuid}/").status_code == 404


def test_it_refuses_the_api_without_credentials(agency_a):
    from django.test import Client

    assert Client().get("/api/agencies").status_code == 401
    bad = Client(headers={"authorization": "Bearer oita_forged"})
    assert bad.get(f"/api/agencies/{agency_a.uuid}").status_code == 401
