"""The survey scores page: members read, assessors set; released results follow."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from openita.surveys.models import SurveyScore
from tests.conftest import login
from tests.review.test_services import judge, released, review, submitted  # noqa: F401


def _form(value="90"):
    return {f"indicator_{n}": value for n in range(1, 9)}


def test_it_lets_the_assessor_enter_scores_and_rescoring_follows(released, assessor):  # noqa: F811
    rs = released.response_set
    response = login(assessor).post(f"/surveys/{rs.uuid}/enter/", _form())
    assert response.status_code == 302
    assert SurveyScore.objects.filter(agency=rs.agency).count() == 8
    released.refresh_from_db()
    # 0.6 × 90 + 0.4 × OIT 75 (O7 failed) = 84
    assert released.results["complete"] is True
    assert released.results["ita"] == 84.0


def test_it_shows_but_does_not_let_the_agency_set_its_own_scores(response_set_a, coordinator):
    client = login(coordinator)
    assert client.get(f"/surveys/{response_set_a.uuid}/").status_code == 200
    client.post(f"/surveys/{response_set_a.uuid}/enter/", _form())
    assert not SurveyScore.objects.exists()


def test_it_refuses_bad_scores_and_keeps_the_saved_ones(response_set_a, assessor):
    client = login(assessor)
    client.post(f"/surveys/{response_set_a.uuid}/enter/", _form("80"), follow=True)
    page = client.post(
        f"/surveys/{response_set_a.uuid}/enter/", {**_form("85"), "indicator_3": "150"},
        follow=True,
    )  # fmt: skip
    assert page.status_code == 200
    assert [m.level_tag for m in page.context["messages"]] == ["error"]
    assert set(SurveyScore.objects.values_list("score", flat=True)) == {Decimal("80.000")}


def test_it_imports_a_per_indicator_csv(response_set_a, assessor):
    rows = "ตัวชี้วัด,คะแนน\n" + "".join(f"{n},{90 + n}\n" for n in range(1, 9))
    upload = SimpleUploadedFile("iit-eit.csv", rows.encode("utf-8-sig"), "text/csv")
    login(assessor).post(f"/surveys/{response_set_a.uuid}/import/", {"file": upload})
    saved = dict(SurveyScore.objects.values_list("indicator", "score"))
    assert saved == {n: Decimal(90 + n) for n in range(1, 9)}
