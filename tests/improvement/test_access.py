"""Tenant isolation and roles: coordinators see all, unit editors their units, others 404."""

import datetime as dt
import re

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver

from openita.improvement import services
from openita.review.models import ItemReview, Review, ReviewStatus
from tests.conftest import _user, login
from tests.improvement.conftest import PDF, measure_input

UUID_PARAM = re.compile(r"<uuid:(\w+_uuid)>")


def _improvement_routes():
    for top in get_resolver().url_patterns:
        if isinstance(top, URLResolver) and str(top.pattern) == "improvement/":
            for p in top.url_patterns:
                assert isinstance(p, URLPattern)
                yield "improvement/" + str(p.pattern)


@pytest.fixture
def b_plan(agency_b, response_set_b):
    """Agency B's plan with a measure, a progress update and its file."""
    response_set_b.status = "submitted"
    response_set_b.save()
    final = Review.objects.create(
        response_set=response_set_b, status=ReviewStatus.FINAL,
        results={"indicators": {"6": 70.0, "9": 100.0}},
    )  # fmt: skip
    for response in response_set_b.responses.all():
        ItemReview.objects.create(review=final, response=response, score=100, is_draft=False)
    plan = services.generate_draft(response_set_b, by=None)
    data = measure_input(plan, unit=agency_b.units.first())
    measure = services.create_measure(plan, by=None, data=data)
    update = services.add_progress(
        measure, by=None, reported_on=dt.date(2023, 1, 5), outcome="ทำแล้ว",
        files=[services.Upload("b.pdf", PDF)],
    )  # fmt: skip
    return {
        "set_uuid": response_set_b.uuid, "weakness_uuid": plan.weaknesses.first().uuid,
        "measure_uuid": measure.uuid, "update_uuid": update.uuid,
        "file_uuid": update.files.get().uuid,
    }  # fmt: skip


def _fill(route, objects):
    path = UUID_PARAM.sub(lambda m: str(objects[m.group(1)]), route)
    return "/" + path.replace("<str:fmt>", "pdf")


def _request(client, url):
    response = client.get(url)
    return client.post(url) if response.status_code == 405 else response


def test_it_walks_every_route_of_the_app():
    routes = list(_improvement_routes())
    assert len(routes) == 14
    kinds = {m for r in routes for m in UUID_PARAM.findall(r)}
    assert kinds == {"set_uuid", "weakness_uuid", "measure_uuid", "update_uuid", "file_uuid"}


def test_it_gives_404_on_every_route_of_agency_b_to_agency_a(
    b_plan, plan, coordinator, unit_editor
):
    for user in (coordinator, unit_editor):
        client = login(user)
        for route in _improvement_routes():
            url = _fill(route, b_plan)
            assert _request(client, url).status_code == 404, url


def test_it_opens_agency_b_pages_to_agency_bs_coordinator(b_plan, coordinator_b):
    client = login(coordinator_b)
    pages = ("improvement/<uuid:set_uuid>/", "improvement/<uuid:set_uuid>/measures/new/",
             "improvement/<uuid:set_uuid>/measures/<uuid:measure_uuid>/",
             "improvement/<uuid:set_uuid>/measures/<uuid:measure_uuid>/progress/"
             "<uuid:update_uuid>/files/<uuid:file_uuid>/",
             "improvement/<uuid:set_uuid>/measures.<str:fmt>")  # fmt: skip
    for route in pages:
        response = client.get(_fill(route, b_plan).replace(".pdf", ".docx"))
        assert response.status_code == 200, route
        # response.close() closes a download's file but also sends request_finished, whose
        # close_old_connections would drop the test's PostgreSQL connection mid-transaction;
        # the test client itself keeps that receiver off while it handles a request.
        request_finished.disconnect(close_old_connections)
        try:
            response.close()
        finally:
            request_finished.connect(close_old_connections)


def test_it_shows_unit_editors_their_units_measures_only(plan, coordinator, unit_editor):
    mine = services.create_measure(plan, by=coordinator, data=measure_input(plan))
    theirs = services.create_measure(
        plan, by=coordinator,
        data=measure_input(plan, title="มาตรการของกลุ่มงานยุทธศาสตร์",
                           unit=plan.agency.units.get(short_name="ยศ.")),
    )  # fmt: skip
    client = login(unit_editor)
    base = f"/improvement/{plan.response_set.uuid}/"
    page = client.get(base).content.decode()
    assert mine.title in page and theirs.title not in page
    assert 'name="analysis"' not in page  # the analysis is the coordinator's
    assert client.get(f"{base}measures/{mine.uuid}/").status_code == 200
    assert client.get(f"{base}measures/{theirs.uuid}/").status_code == 404
    assert client.get(f"{base}measures/{mine.uuid}/edit/").status_code == 404
    assert client.get(f"{base}measures/new/").status_code == 404
    assert client.post(f"{base}generate/").status_code == 404


def test_it_gives_404_to_every_other_role(plan, agency_a, assessor, outsider):
    executive = _user("exec_a", agency_a, "executive")
    for user in (assessor, outsider, executive):
        assert login(user).get(f"/improvement/{plan.response_set.uuid}/").status_code == 404


def test_it_links_the_results_page_to_the_plan(plan, coordinator, unit_editor, assessor):
    results = f"/review/results/{plan.response_set.uuid}/"
    link = f'href="/improvement/{plan.response_set.uuid}/"'
    assert link in login(coordinator).get(results).content.decode()
    assert link in login(unit_editor).get(results).content.decode()
    assert link not in login(assessor).get(results).content.decode()


def test_it_links_next_years_dashboard_to_the_plan(plan, next_set, coordinator):
    dashboard = login(coordinator).get(f"/oit/{next_set.uuid}/dashboard/").content.decode()
    assert f'href="/improvement/{plan.response_set.uuid}/"' in dashboard


def test_the_coordinator_pages_render(plan, coordinator, measure):
    client = login(coordinator)
    base = f"/improvement/{plan.response_set.uuid}/"
    for url in (base, f"{base}measures/new/", f"{base}measures/{measure.uuid}/",
                f"{base}measures/{measure.uuid}/edit/"):  # fmt: skip
        assert client.get(url).status_code == 200, url
    disclosure_page = client.get(base).content.decode()
    assert "คุณภาพการดำเนินงาน" in disclosure_page


def _plan_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_plan_page_does_not_query_per_measure(plan, coordinator):
    client = login(coordinator)
    url = f"/improvement/{plan.response_set.uuid}/"
    services.create_measure(plan, by=coordinator, data=measure_input(plan))
    one = _plan_queries(client, url)
    for n in range(3):
        services.create_measure(plan, by=coordinator, data=measure_input(plan, title=f"ม.{n}"))
    assert _plan_queries(client, url) == one
