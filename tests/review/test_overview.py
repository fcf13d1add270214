"""The overseer dashboard: who sees it, filters, figures, agencies behind schedule, exports."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from openita.accounts.services import create_user
from openita.agencies import services as agencies
from openita.agencies.models import Role
from openita.disclosure import services as disclosure
from openita.disclosure.models import ItemStatus, ResponseSet, SetStatus
from openita.frameworks import schema
from openita.frameworks import services as frameworks
from openita.review import services
from openita.review.models import ItemReview, Review, ReviewStatus
from openita.review.overview import Stage
from openita.surveys.services import enter_scores
from openita.timeline.services import set_phase
from tests.conftest import FIXTURES, PASSWORD, login

URL = reverse("review:overview")
SITE = "https://example.go.th"
BEST, GOOD, PASS, IMPROVE = "ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง"


def _agency(name, kind="municipality", province="ปทุมธานี", parent_body=""):
    return agencies.create_agency(
        by=None, name=name, kind=kind, province=province, parent_body=parent_body
    )


def _overseer(name, *covered):
    user = create_user(name, PASSWORD, by=None)
    for agency in covered:
        agencies.add_member(agency, user, Role.OVERSEER, by=None)
    return user


@pytest.fixture
def admin(db):
    return create_user("root", PASSWORD, is_superuser=True, by=None)


def _results(ita, rating, *, indicators=None):
    return {
        "complete": True,
        "instruments": {"IIT": ita, "EIT": ita, "OIT": ita},
        "indicators": {str(n): 100.0 for n in range(1, 11)} | (indicators or {}),
        "sub_indicators": {},
        "ita": ita,
        "rating": rating,
        "passed": ita >= 85,
        "what_if": [],
    }


def _assessed(agency, framework, results, failed=()):
    """A released assessment with these published figures, written through the ORM.

    The whole path (answers, submission, verdicts, surveys, release) runs through the services
    for agency A in ``released_a``; the dashboard only reads the stored figures and verdicts,
    and walking every extra agency through the services would make these tests slow, no truer.
    """
    rs = disclosure.start_response_set(agency, framework, by=None)
    ResponseSet.objects.filter(pk=rs.pk).update(
        status=SetStatus.SUBMITTED, submitted_at=timezone.now()
    )
    review = Review.objects.create(response_set=rs, status=ReviewStatus.RELEASED, results=results)
    ItemReview.objects.bulk_create(
        ItemReview(review=review, response=r, is_draft=False,
                   score=Decimal(0 if r.item.code in failed else 100))
        for r in rs.responses.select_related("item")
    )  # fmt: skip
    return review


@pytest.fixture
def released_a(response_set_a, assessor, mini):
    """Agency A through the services: every item answered, O7 failed, surveys at 100."""
    for response in response_set_a.responses.select_related("item"):
        disclosure.add_link(response, by=None, url=f"{SITE}/{response.item.code}")
        disclosure.change_status(response, ItemStatus.APPROVED, by=None)
    submitted = disclosure.submit(response_set_a, by=None)
    review = services.start_review(submitted, assessor=assessor, by=None)
    for row in review.items.select_related("response__item"):
        fail = row.response.item.code == "O7"
        score, comment = (Decimal(0), "ไม่พบ") if fail else (Decimal(100), "")
        services.record_verdict(row, by=assessor, version=row.version, score=score, comment=comment)
    enter_scores(response_set_a.agency, mini, dict.fromkeys(range(1, 9), Decimal(100)), by=None)
    return services.release(review, by=assessor)


@pytest.fixture
def assessed(released_a, mini, agency_b):
    """A (90, pass, via the services), B (96, best) and C (70, to improve); D has no set."""
    _assessed(agency_b, mini, _results(96.0, BEST, indicators={"9": 80.0}), failed=("O7", "O28"))
    agency_c = _agency("เทศบาลเมืองซี", parent_body="กระทรวงมหาดไทย")
    _assessed(agency_c, mini, _results(70.0, IMPROVE, indicators={"9": 20.0, "3": 40.0}))
    _agency("เทศบาลตำบลดี")
    return released_a


def _names(rows):
    return [row.name for row in rows]


def _stages(overview):
    return {row.name: row.stage for row in overview.agencies}


def test_it_shows_an_overseer_only_the_agencies_they_oversee(agency_a, agency_b):
    agency_c = _agency("เทศบาลเมืองซี")
    response = login(_overseer("governor", agency_a, agency_c)).get(URL)
    assert response.status_code == 200
    assert set(_names(response.context["o"].agencies)) == {"จังหวัดทดสอบเอ", "เทศบาลเมืองซี"}
    assert agency_b.name not in response.text
    assert agency_c.name in response.text


def test_it_shows_a_site_admin_every_agency(admin, agency_a, agency_b):
    response = login(admin).get(URL)
    assert set(_names(response.context["o"].agencies)) == {agency_a.name, agency_b.name}


def test_it_is_not_there_for_anyone_but_overseers(outsider, coordinator, assessor):
    for user in (outsider, coordinator, assessor):
        client = login(user)
        assert client.get(URL).status_code == 404
        assert client.get(reverse("review:overview_export", args=["csv"])).status_code == 404


def test_it_filters_by_province_ministry_and_type(agency_a, agency_b):
    moi = _agency("เทศบาลเมืองซี", province="พะเยา", parent_body="กระทรวงมหาดไทย")
    client = login(_overseer("region", agency_a, agency_b, moi))
    o = client.get(URL).context["o"]
    assert o.choices.provinces == ["ปทุมธานี", "พะเยา"]
    assert o.choices.parent_bodies == ["กระทรวงมหาดไทย"]
    assert [code for code, _ in o.choices.kinds] == ["province", "pao", "municipality"]
    for query, expected in (
        ({"province": "พะเยา"}, [agency_b.name, moi.name]),
        ({"parent_body": "กระทรวงมหาดไทย"}, [moi.name]),
        ({"kind": "pao"}, [agency_b.name]),
        ({"province": "พะเยา", "kind": "province"}, []),
    ):
        assert sorted(_names(client.get(URL, query).context["o"].agencies)) == sorted(expected)


def test_it_defaults_to_the_latest_year_and_switches_years(response_set_a, agency_b, mini):
    fw_2567, _ = frameworks.install(
        schema.load_yaml(FIXTURES / "mini-2567.yaml"), source="mini", by=None
    )
    disclosure.start_response_set(agency_b, fw_2567, by=None)
    client = login(_overseer("governor", response_set_a.agency, agency_b))
    o = client.get(URL).context["o"]
    assert (o.fiscal_year, o.choices.years) == (2567, [2567, 2566])
    assert _stages(o) == {"จังหวัดทดสอบเอ": Stage.NOT_STARTED, agency_b.name: Stage.ANSWERING}
    o = client.get(URL, {"fiscal_year": "2566"}).context["o"]
    assert _stages(o) == {"จังหวัดทดสอบเอ": Stage.ANSWERING, agency_b.name: Stage.NOT_STARTED}


def test_it_reads_results_released_through_the_services(released_a):
    o = login(_overseer("governor", released_a.agency)).get(URL).context["o"]
    [row] = o.agencies
    # OIT: indicator 9 = (100 + 0) / 2, indicator 10 = 100 → 75; ITA = .3·100 + .3·100 + .4·75
    assert (row.stage, row.ita, row.rating, row.passed) == (Stage.RELEASED, 90.0, PASS, True)
    assert dict(zip(o.instruments, row.scores, strict=True)) == {
        "IIT": 100.0, "EIT": 100.0, "OIT": 75.0,
    }  # fmt: skip


def test_it_hides_the_figures_of_an_assessment_in_progress(released_a):
    Review.objects.filter(pk=released_a.pk).update(status=ReviewStatus.IN_REVIEW)
    o = login(_overseer("governor", released_a.agency)).get(URL).context["o"]
    assert (o.agencies[0].stage, o.agencies[0].ita, o.rated, o.weakest_items) == (
        Stage.IN_REVIEW, None, 0, [],
    )  # fmt: skip


def test_it_computes_the_distribution_pass_rate_and_ranking(assessed, admin, mini):
    tied = _agency("กรมทดสอบ", kind="central")
    _assessed(tied, mini, _results(90.0, PASS))
    o = login(admin).get(URL).context["o"]
    assert [(bar.label, bar.count, bar.width) for bar in o.distribution] == [
        (BEST, 1, 50), (GOOD, 0, 0), (PASS, 2, 100), (IMPROVE, 1, 50), ("ต้องปรับปรุงโดยด่วน", 0, 0),
    ]  # fmt: skip
    assert (o.rated, o.passed, o.pass_rate) == (4, 3, 75.0)
    assert o.mean_ita == round((96 + 90 + 90 + 70) / 4, 2)
    assert [(rank, row.name) for rank, row in o.ranking] == [
        (1, "องค์การบริหารส่วนจังหวัดบี"), (2, "กรมทดสอบ"), (2, "จังหวัดทดสอบเอ"), (4, "เทศบาลเมืองซี"),
    ]  # fmt: skip


def test_it_finds_the_weakest_indicators_and_items(assessed, admin):
    o = login(admin).get(URL).context["o"]
    weakest = [(m.number, m.name, m.mean, m.agencies) for m in o.weakest_indicators[:3]]
    assert weakest == [(9, "การเปิดเผยข้อมูล", 50.0, 3), (3, "การใช้อำนาจ", 80.0, 3),
                       (1, "การปฏิบัติหน้าที่", 100.0, 3)]  # fmt: skip
    assert len(o.weakest_indicators) == 10
    # O7 failed by A and B, O28 by B only; C passed everything, D was not assessed.
    items = [(i.code, i.assessed, i.failed, i.pass_share) for i in o.weakest_items]
    assert items == [("O7", 3, 2, 33.33), ("O28", 3, 1, 66.67)]


def test_it_lists_agencies_behind_schedule(agency_a, response_set_b, mini):
    overdue, on_time = response_set_b.responses.all()[:2]
    disclosure.assign(overdue, by=None, units=[], due_date=dt.date(2020, 1, 1))
    disclosure.assign(on_time, by=None, units=[], due_date=dt.date(2999, 1, 1))
    disclosure.change_status(on_time, ItemStatus.IN_PROGRESS, by=None)
    on_track = _agency("เทศบาลเมืองซี")
    disclosure.start_response_set(on_track, mini, by=None)
    client = login(_overseer("governor", agency_a, response_set_b.agency, on_track))
    behind = client.get(URL, {"fiscal_year": "2566"}).context["o"].behind
    reasons = {b.agency.name: len(b.reasons) for b in behind}
    assert reasons == {agency_a.name: 1, response_set_b.agency.name: 1}
    assert [b.agency.overdue for b in behind if b.agency.name == response_set_b.agency.name] == [1]
    set_phase(2566, "oit_answering", dt.date(2022, 10, 1), dt.date(2022, 10, 31), by=None)
    behind = client.get(URL, {"fiscal_year": "2566"}).context["o"].behind
    reasons = {b.agency.name: len(b.reasons) for b in behind}
    assert reasons == {agency_a.name: 1, response_set_b.agency.name: 2, on_track.name: 1}


def _export(client, fmt, query=None):
    response = client.get(reverse("review:overview_export", args=[fmt]), query or {})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return response.content


def test_it_exports_csv_in_utf8_with_a_byte_order_mark(assessed, admin):
    content = _export(login(admin), "csv", {"province": "ปทุมธานี"})
    assert content.startswith(b"\xef\xbb\xbf")
    header, *rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert len(header) == 10
    by_name = {row[0]: row for row in rows}
    assert set(by_name) == {"จังหวัดทดสอบเอ", "เทศบาลเมืองซี", "เทศบาลตำบลดี"}  # B is in พะเยา
    a = by_name["จังหวัดทดสอบเอ"]
    assert a[1] == "ปทุมธานี" and [float(v) for v in a[5:9]] == [100.0, 100.0, 75.0, 90.0]
    assert a[9] == PASS
    assert by_name["เทศบาลตำบลดี"][5:] == ["", "", "", "", ""]


def test_it_exports_excel(assessed, admin):
    book = load_workbook(io.BytesIO(_export(login(admin), "xlsx")))
    header, *rows = list(book.active.iter_rows(values_only=True))
    assert len(header) == 10
    by_name = {row[0]: row for row in rows}
    assert set(by_name) == {
        "จังหวัดทดสอบเอ", "เทศบาลตำบลดี", "เทศบาลเมืองซี", "องค์การบริหารส่วนจังหวัดบี",
    }  # fmt: skip
    assert by_name["จังหวัดทดสอบเอ"][5:] == (100, 100, 75, 90, PASS)
    assert by_name["องค์การบริหารส่วนจังหวัดบี"][8:] == (96, BEST)
    assert by_name["เทศบาลตำบลดี"][5:] == (None, None, None, None, None)


def test_it_keeps_formula_like_names_as_text(admin):
    _agency("=HYPERLINK(1)")
    client = login(admin)
    rows = list(csv.reader(io.StringIO(_export(client, "csv").decode("utf-8-sig"))))
    assert rows[1][0] == "'=HYPERLINK(1)"
    sheet = load_workbook(io.BytesIO(_export(client, "xlsx"))).active
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == "=HYPERLINK(1)"


def test_it_knows_only_csv_and_excel(admin):
    client = login(admin)
    for fmt in ("pdf", "xls", "json"):
        response = client.get(reverse("review:overview_export", args=[fmt]))
        assert response.status_code == 404


def _agencies_in_every_state(count, framework, start):
    """``count`` agencies cycling through assessed, answering with an overdue item, no set."""
    made = []
    for n in range(start, start + count):
        agency = _agency(f"เทศบาลทดสอบ {n:02d}")
        if n % 3 == 0:
            _assessed(agency, framework, _results(80.0 + n, PASS), failed=("O7",))
        elif n % 3 == 1:
            rs = disclosure.start_response_set(agency, framework, by=None)
            first = rs.responses.first()
            disclosure.assign(first, by=None, units=[], due_date=dt.date(2020, 1, 1))
        made.append(agency)
    return made


def _dashboard_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return len(queries), response.context["o"]


def test_it_builds_the_dashboard_in_a_fixed_number_of_queries(mini):
    overseer = _overseer("governor")
    client = login(overseer)
    for agency in _agencies_in_every_state(2, mini, 0):
        agencies.add_member(agency, overseer, Role.OVERSEER, by=None)
    few, o = _dashboard_queries(client)
    assert len(o.agencies) == 2
    for agency in _agencies_in_every_state(4, mini, 2):
        agencies.add_member(agency, overseer, Role.OVERSEER, by=None)
    many, o = _dashboard_queries(client)
    assert (len(o.agencies), o.rated, len(o.behind)) == (6, 2, 4)
    assert many == few


def test_it_filters_by_nacc_region(agency_a, agency_b):
    from openita.agencies.services import update_agency

    update_agency(agency_b, by=None, region="ป.ป.ช. ภาค 5")
    client = login(_overseer("regional", agency_a, agency_b))
    o = client.get(URL).context["o"]
    assert o.choices.regions == ["ป.ป.ช. ภาค 5"]
    narrowed = client.get(URL, {"region": "ป.ป.ช. ภาค 5"}).context["o"]
    assert _names(narrowed.agencies) == [agency_b.name]
