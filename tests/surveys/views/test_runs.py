"""The coordinator's survey page: prepare, open, link and QR, codes and slips, populations."""

import io
import re

import segno

from openita.surveys.codes import survey_url
from openita.surveys.models import AccessCode, Population, Survey, SurveyAnswer, SurveyScore
from openita.surveys.services import runs
from tests.conftest import login
from tests.surveys.native import eit, iit, submit, survey_set, surveyed  # noqa: F401

FULL = {"i1.a": 3, "i1.b": 2, "i2": 1, "i7": 0, "i16": 3, "i19": 1, "i26": 0}


def url(rs, survey=None, action=""):
    base = f"/surveys/{rs.uuid}/run/"
    return base + (f"{survey.uuid}/{action}" if survey else action)


def test_the_coordinator_prepares_and_opens_a_survey(survey_set, coordinator):  # noqa: F811
    client = login(coordinator)
    page = client.get(url(survey_set)).content.decode()
    assert page.count('name="instrument"') == 2
    client.post(url(survey_set, action="create/"), {"instrument": "EIT"})
    survey = Survey.objects.get()
    assert (survey.instrument, survey.status) == ("EIT", "draft")
    client.post(url(survey_set, survey, "status/"), {"action": "open"})
    survey.refresh_from_db()
    assert survey.status == "open"
    page = client.get(url(survey_set)).content.decode()
    assert f"/s/{survey.token}/" in page and "qr.svg" in page
    client.post(url(survey_set, survey, "status/"), {"action": "close"})
    survey.refresh_from_db()
    assert survey.status == "closed"


def test_it_serves_the_qr_code_of_the_link(survey_set, coordinator, eit):  # noqa: F811
    client = login(coordinator)
    svg = client.get(url(survey_set, eit, "qr.svg"))
    assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"
    expected = io.BytesIO()  # the QR code holds exactly the survey's link
    segno.make_qr(survey_url(eit.token), error="m").save(expected, kind="svg", scale=10, border=4)
    assert svg.content == expected.getvalue()
    png = client.get(url(survey_set, eit, "qr.png"))
    assert png.content.startswith(b"\x89PNG")
    assert client.get(url(survey_set, eit, "qr.gif")).status_code == 404


def test_it_prints_codes_once_and_keeps_only_their_hashes(survey_set, coordinator, iit, agency_a):  # noqa: F811
    hr = agency_a.units.first()
    response = login(coordinator).post(
        url(survey_set, iit, "codes/"), {"count": "6", "unit": str(hr.uuid)}
    )
    page = response.content.decode()
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    printed = re.findall(r'<p class="code">([A-Z0-9]{4}-[A-Z0-9]{4})</p>', page)
    assert len(printed) == 6 and page.count("<svg") == 6
    assert "@page" in page and "A4" in page and hr.name in page
    stored = list(AccessCode.objects.values_list("code_hash", flat=True))
    assert len(stored) == 6 and not any(c.replace("-", "") in h for c in printed for h in stored)
    code = printed[0].replace("-", "")
    submit(iit, FULL, code=code)
    assert SurveyAnswer.objects.count() == 1


def test_it_refuses_odd_code_requests_with_a_message(survey_set, coordinator, iit):  # noqa: F811
    client = login(coordinator)
    response = client.post(url(survey_set, iit, "codes/"), {"count": "0"}, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert not AccessCode.objects.exists()


def test_it_saves_populations_and_shows_progress(survey_set, coordinator, iit, agency_a):  # noqa: F811
    hr, strategy = agency_a.units.order_by("name")
    client = login(coordinator)
    client.post(
        url(survey_set, iit, "population/"),
        {"agency": "", f"unit_{hr.uuid}": "1,200", f"unit_{strategy.uuid}": "30"},
    )
    assert dict(Population.objects.values_list("unit_id", "count")) == {
        hr.pk: 1200,
        strategy.pk: 30,
    }
    for code in runs.generate_codes(iit, 5, unit=strategy, by=None)[:3]:
        submit(iit, FULL, code=code)
    page = client.get(url(survey_set)).content.decode()
    assert "ยังไม่ใช่เกณฑ์ของ ป.ป.ช." in page
    assert "น้อยกว่า 5" in page  # three answers of one unit: hidden
    assert "Scores are shown from 5 answers on" not in page


def test_only_coordinators_reach_the_page(survey_set, unit_editor, assessor, iit):  # noqa: F811
    for user in (unit_editor, assessor):
        client = login(user)
        assert client.get(url(survey_set)).status_code == 404
        assert client.post(url(survey_set, iit, "status/"), {"action": "close"}).status_code == 404
    iit.refresh_from_db()
    assert iit.status == "open"


def test_another_agencys_survey_is_a_404(survey_set, coordinator, agency_b, surveyed):  # noqa: F811
    theirs = runs.create_survey(agency_b, surveyed, "IIT", by=None)
    client = login(coordinator)
    for action in ("status/", "codes/", "population/", "refresh/", "code-rule/"):
        assert client.post(url(survey_set, theirs, action), {"action": "open"}).status_code == 404
    assert client.get(url(survey_set, theirs, "qr.svg")).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "draft" and not AccessCode.objects.exists()


def test_the_scores_page_links_the_coordinator_to_the_surveys(survey_set, coordinator):  # noqa: F811
    page = login(coordinator).get(f"/surveys/{survey_set.uuid}/").content.decode()
    assert f"/surveys/{survey_set.uuid}/run/" in page


def test_it_recomputes_on_request_and_shows_the_scores(
    survey_set,  # noqa: F811
    coordinator,
    iit,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    client = login(coordinator)
    for level in (0, 1, 2, 3, 3):
        submit(iit, dict.fromkeys(FULL, min(level, 1)) | {"i1.a": level, "i2": level})
    assert "จะแสดงคะแนนเมื่อมีผู้ตอบตั้งแต่ 5 คนขึ้นไป" in client.get(url(survey_set)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(survey_set, iit, "refresh/"))
    page = client.get(url(survey_set)).content.decode()
    assert "คะแนนรายข้อ" in page and "<td>i1.a</td>" in page
    assert SurveyScore.objects.filter(source="native").count() == 5
