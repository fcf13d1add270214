"""Assessor pages: verdicts by form, the second opinion, access."""

from decimal import Decimal

from openita.accounts.services import create_user
from openita.agencies.services import add_member
from openita.review import services
from openita.review.models import ItemReview
from tests.conftest import login
from tests.review.test_services import review, submitted  # noqa: F401


def test_it_saves_a_verdict_posted_from_the_review_page(review, assessor):  # noqa: F811
    row = ItemReview.objects.get(review=review, response__item__code="O7")
    url = f"/review/{review.uuid}/items/{row.response.uuid}/"
    client = login(assessor)
    client.post(url, {"version": row.version, "score": "0", "comment": "ไม่พบ"})
    row.refresh_from_db()
    assert (row.score, row.comment, row.is_draft) == (Decimal(0), "ไม่พบ", False)
    assert client.get(f"/review/{review.uuid}/").status_code == 200


def test_it_takes_a_second_opinion_from_the_second_assessor_only(review, assessor, agency_a):  # noqa: F811
    second = create_user("assessor_two", "another-long-password", by=None)
    add_member(agency_a, second, "assessor", by=None)
    services.assign_second_assessor(review, assessor=second, by=None)
    row = ItemReview.objects.get(review=review, response__item__code="O1")
    url = f"/review/{review.uuid}/items/{row.response.uuid}/second/"
    login(assessor).post(url, {"score": "0", "comment": "x"})
    row.refresh_from_db()
    assert row.second_score is None
    page = login(second).get(f"/review/{review.uuid}/")
    assert page.status_code == 200
    login(second).post(url, {"score": "100", "comment": "ครบ"})
    row.refresh_from_db()
    assert (row.second_score, row.second_comment) == (Decimal(100), "ครบ")


def test_it_hides_a_review_from_other_people(review, coordinator, outsider):  # noqa: F811
    for user in (coordinator, outsider):
        assert login(user).get(f"/review/{review.uuid}/").status_code == 404
