"""Starting a set, carrying it forward through the crosswalk, and recording link checks."""

from __future__ import annotations

import pytest

from openita.audit.models import AuditEntry
from openita.disclosure import services
from openita.disclosure.errors import DisclosureError
from openita.disclosure.models import (
    EvidenceLink,
    ItemResponse,
    ItemStatus,
    ResponseSet,
)
from tests.disclosure.helpers import (
    SITE,
    approve_all,
    codes_in,
    item,
    unit,
)
from tests.support import probe as _probe

# --- starting a set and carrying forward ----------------------------------------------


@pytest.fixture
def last_year(response_set_a, agency_a, coordinator):
    """Agency A's mini-2566 set with units, a person and links on O1, O7 and O31."""
    hr = unit(agency_a, "บค.")
    services.assign(item(response_set_a, "O1"), by=coordinator, units=[hr], responsible=coordinator)
    services.assign_units(item(response_set_a, "O31"), [hr], by=coordinator)
    services.add_link(
        item(response_set_a, "O1"), by=coordinator, url=f"{SITE}/structure", label="ผัง"
    )
    services.add_link(item(response_set_a, "O7"), by=coordinator, url=f"{SITE}/news")
    services.add_link(item(response_set_a, "O31"), by=coordinator, url=f"{SITE}/no-gift")
    services.add_link(item(response_set_a, "O31"), by=coordinator, url=f"{SITE}/news")
    services.set_eit_survey_url(response_set_a, f"{SITE}/eit-2566", by=coordinator)
    old = EvidenceLink.objects.get(url=f"{SITE}/structure")
    services.record_check(old.pk, _probe(old.url, "ok", 200))
    return response_set_a


def _links(response_set: ResponseSet, code: str) -> list[EvidenceLink]:
    return list(item(response_set, code).links.order_by("pk"))


def test_it_starts_a_set_with_one_row_per_item(agency_b, mini, coordinator_b):
    rs = services.start_response_set(agency_b, mini, by=coordinator_b)
    codes = list(rs.responses.values_list("item__code", flat=True))
    assert codes == ["O1", "O7", "O28", "O31"]
    assert set(rs.responses.values_list("status", flat=True)) == {ItemStatus.NOT_STARTED}
    assert rs.carried_from is None
    entry = AuditEntry.objects.get(action="oit.response_set_started", object_id=str(rs.pk))
    assert entry.after == {
        "framework": "mini-2566", "items": 4, "carried_from": None, "items_carried": 0,
    }  # fmt: skip
    # Starting again gives the same set, untouched.
    assert services.start_response_set(agency_b, mini, by=coordinator_b) == rs
    assert ResponseSet.objects.filter(agency=agency_b).count() == 1


def test_it_carries_units_and_links_forward_through_the_crosswalk(
    last_year, next_fw, agency_a, coordinator
):
    hr, strategy = unit(agency_a, "บค."), unit(agency_a, "ยศ.")
    rs = services.start_response_set(agency_a, next_fw, by=coordinator)
    assert rs.carried_from == last_year
    assert rs.eit_survey_url == ""  # survey links change every year
    o1 = item(rs, "O1")
    assert (set(o1.units.all()), o1.responsible) == ({hr}, coordinator)
    [link] = _links(rs, "O1")
    old = EvidenceLink.objects.get(url=f"{SITE}/structure", response__response_set=last_year)
    assert (link.url, link.label, link.carried_from) == (old.url, "ผัง", old)
    assert link.needs_recheck is True
    # Last year's check result is not carried: the link is checked again.
    assert (link.check_outcome, link.checked_at) == ("", None)
    # O2 merges O7 (ยศ.) and O31 (บค.); both cited /news, which O2 lists once.
    o2 = item(rs, "O2")
    assert set(o2.units.all()) == {hr, strategy}
    assert [x.url for x in _links(rs, "O2")] == [f"{SITE}/news", f"{SITE}/no-gift"]
    assert all(x.needs_recheck and x.carried_from for x in _links(rs, "O2"))
    # O3 is new and O4 continues O28, which had nothing.
    for code in ("O3", "O4"):
        assert not item(rs, code).units.exists()
        assert _links(rs, code) == []
    assert set(rs.responses.values_list("status", flat=True)) == {ItemStatus.NOT_STARTED}
    entry = AuditEntry.objects.get(action="oit.response_set_started", object_id=str(rs.pk))
    assert entry.after["carried_from"] == "mini-2566"
    assert entry.after["items_carried"] == 3
    # Last year's set is untouched.
    assert EvidenceLink.objects.filter(response__response_set=last_year).count() == 4


def test_it_carries_no_person_who_has_left_the_agency(last_year, next_fw, agency_a, coordinator):
    from openita.agencies.services import remove_member

    membership = agency_a.memberships.get(user=coordinator)
    remove_member(membership, by=None)
    rs = services.start_response_set(agency_a, next_fw, by=None)
    assert item(rs, "O1").responsible is None
    assert set(item(rs, "O1").units.all()) == {unit(agency_a, "บค.")}


def test_it_refuses_to_submit_an_approved_item_emptied_afterwards(filled, coordinator):
    approve_all(filled, coordinator)
    o7 = item(filled, "O7")
    for link in o7.links.all():
        services.remove_link(link, by=coordinator)
    with pytest.raises(DisclosureError) as refused:
        services.submit(filled, by=coordinator)
    assert codes_in(refused.value.message) == ["O7"]
    assert ResponseSet.objects.get(pk=filled.pk).status == "open"


def test_it_starts_empty_without_carry_forward(last_year, next_fw, agency_a, coordinator):
    rs = services.start_response_set(agency_a, next_fw, by=coordinator, carry_forward=False)
    assert rs.carried_from is None
    assert not EvidenceLink.objects.filter(response__response_set=rs).exists()
    assert not ItemResponse.units.through.objects.filter(itemresponse__response_set=rs).exists()
    assert set(rs.responses.values_list("responsible", flat=True)) == {None}
    entry = AuditEntry.objects.get(action="oit.response_set_started", object_id=str(rs.pk))
    assert entry.after["items_carried"] == 0


def test_it_carries_nothing_from_another_agency(last_year, next_fw, agency_b, coordinator_b):
    rs = services.start_response_set(agency_b, next_fw, by=coordinator_b)
    assert rs.carried_from is None
    assert not EvidenceLink.objects.filter(response__response_set=rs).exists()


# --- link check results ---------------------------------------------------------------


def test_it_records_a_check_and_audits_only_changes_of_outcome(filled):
    link = EvidenceLink.objects.get(url=f"{SITE}/structure")
    services.record_check(link.pk, _probe(link.url, "ok", 200))
    services.record_check(link.pk, _probe(link.url, "ok", 200))
    services.record_check(link.pk, _probe(link.url, "broken", 404))
    link.refresh_from_db()
    assert (link.check_outcome, link.check_status, link.check_detail) == ("broken", 404, "HTTP 404")
    assert link.checked_at is not None and link.is_bad
    entries = AuditEntry.objects.filter(action="oit.link_checked").order_by("pk")
    assert [(e.before, e.after) for e in entries] == [
        ({"outcome": ""}, {"outcome": "ok", "status": 200}),
        ({"outcome": "ok"}, {"outcome": "broken", "status": 404}),
    ]


def test_it_ignores_a_check_of_a_removed_link(filled, coordinator):
    link = EvidenceLink.objects.get(url=f"{SITE}/structure")
    services.remove_link(link, by=coordinator)
    assert services.record_check(link.pk, _probe(link.url, "ok", 200)) is None
