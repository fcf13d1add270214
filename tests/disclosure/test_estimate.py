"""The self-check estimate: the agency's ticks scored before submission."""

from decimal import Decimal

from openita.disclosure import services
from openita.disclosure.estimate import estimate
from openita.surveys.services import enter_scores
from tests.conftest import login


def _tick_all(response_set, *codes):
    for response in response_set.responses.select_related("item").filter(item__code__in=codes):
        services.update_item(
            response, by=None, version=response.version, explanation="",
            element_checks=range(len(response.item.elements)),
        )  # fmt: skip


def test_it_scores_the_ticks_and_ranks_the_fixes(response_set_a):
    _tick_all(response_set_a, "O1", "O28", "O31")
    got = estimate(response_set_a)
    # 9.1 = (O1 100 + O7 0) / 2; 10.1 = 100 → OIT 75; no surveys yet, so no ITA.
    assert (got.oit, got.ita, got.passing, got.total_items) == (Decimal("75.00"), None, 3, 4)
    assert [(g.item, g.gain) for g in got.gains] == [("O7", Decimal("25.00"))]


def test_it_gives_the_ita_once_survey_scores_are_in(response_set_a, agency_a, mini):
    _tick_all(response_set_a, "O1", "O7", "O28", "O31")
    enter_scores(agency_a, mini, {n: Decimal(90) for n in range(1, 9)}, by=None)
    got = estimate(response_set_a)
    assert (got.ita, got.rating, got.gains) == (Decimal("94.00"), "ผ่านดี", [])


def test_it_shows_the_estimate_on_the_dashboard(response_set_a, coordinator):
    page = login(coordinator).get(f"/oit/{response_set_a.uuid}/dashboard/")
    assert "OIT 0.00" in page.content.decode()
