"""Assessment: verdicts, release, dispute with submitted links only, decision, confirmation."""

from decimal import Decimal

import pytest

from openita.audit.models import AuditEntry
from openita.disclosure import services as disclosure
from openita.disclosure.errors import EditConflict, NotAllowed
from openita.disclosure.models import ItemStatus
from openita.review import services
from openita.review.models import ItemReview, ReviewStatus
from openita.review.services import ResultLocked, ReviewError

SITE = "https://example.go.th"


@pytest.fixture
def submitted(response_set_a):
    for response in response_set_a.responses.select_related("item"):
        disclosure.add_link(response, by=None, url=f"{SITE}/{response.item.code}")
        disclosure.change_status(response, ItemStatus.APPROVED, by=None)
    return disclosure.submit(response_set_a, by=None)


@pytest.fixture
def review(submitted, assessor):
    return services.start_review(submitted, assessor=assessor, by=None)


def item(review, code):
    return ItemReview.objects.select_related("response__item").get(
        review=review, response__item__code=code
    )


def judge(review, assessor, failed=("O7",)):
    for row in review.items.select_related("response__item"):
        fail = row.response.item.code in failed
        services.record_verdict(
            row, by=assessor, version=row.version, score=Decimal(0 if fail else 100),
            comment="ไม่พบข้อมูลปี 2566" if fail else "",
        )  # fmt: skip


def test_it_assesses_only_submitted_sets_by_an_assessor(response_set_a, assessor, coordinator):
    with pytest.raises(ReviewError):
        services.start_review(response_set_a, assessor=assessor, by=None)


def test_it_wants_the_assessor_role(submitted, coordinator):
    with pytest.raises(ReviewError):
        services.start_review(submitted, assessor=coordinator, by=None)


def test_it_opens_one_verdict_per_item(review):
    assert review.items.count() == 4
    assert set(review.items.values_list("is_draft", flat=True)) == {True}


def test_it_wants_a_comment_on_every_fail_but_not_on_a_draft(review, assessor):
    row = item(review, "O7")
    with pytest.raises(ReviewError):
        services.record_verdict(row, by=assessor, version=row.version, score=Decimal(0))
    saved = services.record_verdict(
        row, by=assessor, version=row.version, score=Decimal(0), draft=True
    )
    assert saved.is_draft and saved.score == 0
    assert item(review, "O7").comment == ""


def test_it_scores_pass_or_fail_only_in_a_binary_framework(review, assessor):
    row = item(review, "O1")
    for bad in (Decimal(50), Decimal(101), Decimal(-1)):
        with pytest.raises(ReviewError):
            services.record_verdict(row, by=assessor, version=row.version, score=bad)
    assert item(review, "O1").score is None


def test_it_refuses_a_verdict_from_another_person_or_an_old_version(review, assessor, coordinator):
    row = item(review, "O1")
    with pytest.raises(NotAllowed):
        services.record_verdict(row, by=coordinator, version=row.version, score=Decimal(100))
    services.record_verdict(row, by=assessor, version=row.version, score=Decimal(100))
    with pytest.raises(EditConflict):
        services.record_verdict(row, by=assessor, version=row.version, score=Decimal(0))


def test_it_releases_only_when_every_item_has_a_final_verdict(review, assessor):
    row = item(review, "O1")
    services.record_verdict(row, by=assessor, version=row.version, score=Decimal(100), draft=True)
    with pytest.raises(ReviewError) as refused:
        services.release(review, by=assessor)
    assert "O1" in str(refused.value.message) and "O28" in str(refused.value.message)
    judge(review, assessor)
    released = services.release(review, by=assessor)
    assert released.status == ReviewStatus.RELEASED
    # OIT from items only (no survey scores yet): 9.1 = (100 + 0) / 2, 10.1 = 100
    assert released.results["complete"] is False
    assert released.results["indicators"] == {"9": 50.0, "10": 100.0}
    assert released.results["instruments"] == {"OIT": 75.0}
    assert services.results.gains(released) == [{"item": "O7", "ita": 100.0, "gain": 25.0}]


@pytest.fixture
def released(review, assessor):
    judge(review, assessor)
    return services.release(review, by=assessor)


def test_it_refuses_verdicts_once_released(released, assessor):
    row = item(released, "O1")
    with pytest.raises(ReviewError):
        services.record_verdict(row, by=assessor, version=row.version, score=Decimal(0),
                                comment="x")  # fmt: skip


def test_it_takes_disputes_citing_submitted_links_only(released, coordinator):
    row = item(released, "O7")
    with pytest.raises(ReviewError) as refused:
        services.dispute(row, by=coordinator, explanation="ดูที่หน้าแรก",
                         urls=["https://example.go.th/new-page"])  # fmt: skip
    assert "https://example.go.th/new-page" in str(refused.value.message)
    with pytest.raises(ReviewError):  # a passed item cannot be disputed
        services.dispute(item(released, "O1"), by=coordinator, explanation="-",
                         urls=[f"{SITE}/O1"])  # fmt: skip
    made = services.dispute(row, by=coordinator, explanation="ข่าวอยู่ที่ลิงก์ของข้อ O1",
                            urls=[f"{SITE}/O1"])  # fmt: skip
    assert [x.url for x in made.links.all()] == [f"{SITE}/O1"]
    with pytest.raises(ReviewError):
        services.dispute(row, by=coordinator, explanation="again", urls=[f"{SITE}/O7"])


def test_it_lets_only_the_coordinator_dispute(released, unit_editor, assessor):
    with pytest.raises(NotAllowed):
        services.dispute(item(released, "O7"), by=unit_editor, explanation="x",
                         urls=[f"{SITE}/O7"])  # fmt: skip


def test_it_decides_a_dispute_and_rescores(released, coordinator, assessor):
    made = services.dispute(item(released, "O7"), by=coordinator, explanation="ดูอีกครั้ง",
                            urls=[f"{SITE}/O7"])  # fmt: skip
    with pytest.raises(ReviewError):  # confirming waits for the decision
        services.confirm(released, by=coordinator)
    with pytest.raises(ReviewError):  # a rejection needs a reason
        services.decide(made, by=assessor, accept=False)
    services.decide(made, by=assessor, accept=True, comment="พบข้อมูลแล้ว")
    released.refresh_from_db()
    assert item(released, "O7").score == 100
    assert released.results["instruments"] == {"OIT": 100.0}
    final = services.confirm(released, by=coordinator)
    assert final.status == ReviewStatus.FINAL
    actions = list(
        AuditEntry.objects.filter(action__startswith="review.").values_list("action", flat=True)
    )
    for step in ("review.started", "review.verdict", "review.released", "review.disputed",
                 "review.dispute_decided", "review.final"):  # fmt: skip
        assert step in actions


def test_it_locks_final_results(released, coordinator, assessor):
    final = services.confirm(released, by=coordinator)
    row = item(final, "O7")
    with pytest.raises(ResultLocked):
        services.record_verdict(row, by=assessor, version=row.version, score=Decimal(100))
    with pytest.raises(ReviewError):
        services.dispute(row, by=coordinator, explanation="x", urls=[f"{SITE}/O7"])
    with pytest.raises(ReviewError):
        services.confirm(final, by=coordinator)
    assert item(final, "O7").score == 0


def test_it_closes_the_window_without_the_agency(released):
    assert services.confirm(released, by=None).status == ReviewStatus.FINAL


def test_it_follows_the_calendar(review, assessor, coordinator):
    from datetime import date

    from openita.disclosure.errors import DisclosureError
    from openita.timeline.services import set_phase

    set_phase(2566, "review", date(2022, 10, 1), date(2022, 10, 31), by=None)  # long closed
    row = item(review, "O1")
    with pytest.raises(DisclosureError):
        services.record_verdict(row, by=assessor, version=row.version, score=Decimal(100))
    assert item(review, "O1").score is None


def test_it_closes_oit_answering_with_its_phase(response_set_a, coordinator):
    from datetime import date

    from openita.disclosure.errors import DisclosureError
    from openita.timeline.services import set_phase

    set_phase(2566, "oit_answering", date(2022, 10, 1), date(2022, 10, 31), by=None)
    with pytest.raises(DisclosureError):
        disclosure.add_link(response_set_a.responses.first(), by=coordinator, url=f"{SITE}/x")


def test_it_keeps_a_second_opinion_beside_the_first(review, assessor, agency_a):
    from openita.accounts.services import create_user
    from openita.agencies.services import add_member

    second = create_user("assessor_two", "another-long-password", by=None)
    with pytest.raises(ReviewError):  # not an assessor of the agency yet
        services.assign_second_assessor(review, assessor=second, by=None)
    add_member(agency_a, second, "assessor", by=None)
    services.assign_second_assessor(review, assessor=second, by=None)
    row = item(review, "O7")
    with pytest.raises(NotAllowed):
        services.record_second_opinion(row, by=assessor, score=Decimal(0), comment="x")
    services.record_second_opinion(row, by=second, score=Decimal(0), comment="ไม่พบข่าว")
    row = item(review, "O7")
    assert (row.score, row.second_score, row.second_comment) == (None, 0, "ไม่พบข่าว")


def test_it_recomputes_every_open_review_of_a_framework_at_once(released, agency_a, mini):
    from openita.review.results import recompute_all
    from openita.surveys.models import SurveyScore

    SurveyScore.objects.bulk_create(
        SurveyScore(agency=agency_a, framework=mini, instrument="IIT" if n < 6 else "EIT",
                    indicator=n, score=Decimal(80), source="entered")
        for n in range(1, 9)
    )  # fmt: skip
    assert recompute_all(mini) == 1
    released.refresh_from_db()
    # 0.6 × 80 + 0.4 × 75 = 78
    assert (released.results["ita"], released.results["complete"]) == (78.0, True)
    assert released.results == services.results.compute(released)
