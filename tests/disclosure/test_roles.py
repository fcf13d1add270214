"""Who may change what in the workspace; the assignment table; the EIT survey link."""

from __future__ import annotations

import pytest

from openita.audit.models import AuditEntry
from openita.disclosure import services
from openita.disclosure.assignment_table import TableRow
from openita.disclosure.errors import DisclosureError, NotAllowed
from openita.disclosure.models import (
    ItemStatus,
)
from tests.disclosure.helpers import (
    PDF,
    SITE,
    approve,
    item,
    saved,
    unit,
)

# --- roles ----------------------------------------------------------------------------


def test_it_lets_a_unit_editor_add_links_to_their_units_items_only(response_set_a, unit_editor):
    # O1 belongs to บค. (the editor's unit), O7 to ยศ., O28 to nobody.
    link = services.add_link(item(response_set_a, "O1"), by=unit_editor, url=f"{SITE}/structure")
    assert link.created_by == unit_editor
    before = saved(response_set_a)
    for code in ("O7", "O28"):
        with pytest.raises(NotAllowed):
            services.add_link(item(response_set_a, code), by=unit_editor, url=f"{SITE}/{code}")
        with pytest.raises(NotAllowed):
            services.add_file(item(response_set_a, code), by=unit_editor, name="a.pdf", content=PDF)
    assert saved(response_set_a) == before


@pytest.mark.parametrize("who", ["outsider", "coordinator_b", "assessor"])
def test_it_refuses_edits_by_people_without_a_writing_role(request, response_set_a, who):
    user = request.getfixturevalue(who)
    o1 = item(response_set_a, "O1")
    before = saved(response_set_a)
    with pytest.raises(NotAllowed):
        services.add_link(o1, by=user, url=f"{SITE}/x")
    with pytest.raises(NotAllowed):
        services.update_item(o1, by=user, version=o1.version, explanation="x", element_checks=[])
    with pytest.raises(NotAllowed):
        services.change_status(o1, ItemStatus.IN_PROGRESS, by=user)
    with pytest.raises(NotAllowed):
        services.submit(response_set_a, by=user)
    assert saved(response_set_a) == before


def test_it_lets_a_unit_editor_mark_ready_but_not_approve(response_set_a, unit_editor):
    services.add_link(item(response_set_a, "O1"), by=unit_editor, url=f"{SITE}/structure")
    ready = services.change_status(item(response_set_a, "O1"), ItemStatus.READY, by=unit_editor)
    assert ready.status == ItemStatus.READY
    before = saved(response_set_a)
    with pytest.raises(NotAllowed):
        services.change_status(item(response_set_a, "O1"), ItemStatus.APPROVED, by=unit_editor)
    assert saved(response_set_a) == before


def test_it_keeps_an_approved_item_from_being_moved_back_by_a_unit_editor(
    response_set_a, coordinator, unit_editor
):
    approve(item(response_set_a, "O1"), coordinator)
    before = saved(response_set_a)
    for status in (ItemStatus.IN_PROGRESS, ItemStatus.READY, ItemStatus.NOT_STARTED):
        with pytest.raises(NotAllowed):
            services.change_status(item(response_set_a, "O1"), status, by=unit_editor)
    assert saved(response_set_a) == before
    back = services.change_status(
        item(response_set_a, "O1"), ItemStatus.IN_PROGRESS, by=coordinator
    )
    assert back.status == ItemStatus.IN_PROGRESS


def test_it_lets_only_the_coordinator_assign(response_set_a, agency_a, coordinator, unit_editor):
    hr, strategy = unit(agency_a, "บค."), unit(agency_a, "ยศ.")
    before = saved(response_set_a)
    with pytest.raises(NotAllowed):
        services.assign(item(response_set_a, "O28"), by=unit_editor, units=[hr])
    with pytest.raises(NotAllowed):
        services.apply_assignment_table(
            response_set_a, [TableRow(3, "O28", [str(hr.pk)], "บค.")], by=unit_editor
        )
    assert saved(response_set_a) == before
    assigned = services.assign(
        item(response_set_a, "O28"), by=coordinator, units=[hr, strategy], responsible=unit_editor
    )
    assert set(assigned.units.all()) == {hr, strategy}
    assert assigned.responsible == unit_editor
    entry = AuditEntry.objects.filter(action="oit.item_assigned").latest("pk")
    assert entry.after["units"] == sorted([hr.name, strategy.name])
    assert entry.after["responsible"] == str(unit_editor.pk)


def test_it_refuses_to_assign_another_agencys_unit_or_person(
    response_set_a, agency_b, coordinator, coordinator_b
):
    before = saved(response_set_a)
    with pytest.raises(DisclosureError):
        services.assign(
            item(response_set_a, "O28"), by=coordinator, units=[unit(agency_b, "กองคลัง")]
        )
    with pytest.raises(DisclosureError):
        services.assign(
            item(response_set_a, "O28"), by=coordinator, units=[], responsible=coordinator_b
        )
    assert saved(response_set_a) == before


# --- assignment table -----------------------------------------------------------------


def test_it_applies_an_assignment_table(response_set_a, agency_a, coordinator):
    hr, strategy = unit(agency_a, "บค."), unit(agency_a, "ยศ.")
    rows = [
        TableRow(3, "O1", [str(strategy.pk)], "ยศ."),  # was บค.
        TableRow(4, "O7", [str(strategy.pk)], "ยศ."),  # unchanged
        TableRow(5, "O28", [str(hr.pk), str(strategy.pk)], "บค./ยศ."),  # was nobody
    ]
    assert services.apply_assignment_table(response_set_a, rows, by=coordinator) == 2
    units = {code: set(item(response_set_a, code).units.all()) for code in ("O1", "O7", "O28")}
    assert units == {"O1": {strategy}, "O7": {strategy}, "O28": {hr, strategy}}
    entry = AuditEntry.objects.get(action="oit.assignment_table_applied")
    assert (entry.actor, entry.data) == (coordinator, {"rows": 3, "changed": 2})
    assert AuditEntry.objects.filter(action="oit.item_assigned", actor=coordinator).count() == 2


def test_it_reads_an_empty_units_cell_as_nobody_assigned(response_set_a, coordinator):
    services.apply_assignment_table(response_set_a, [TableRow(3, "O1", [], "")], by=coordinator)
    assert not item(response_set_a, "O1").units.exists()


def test_it_applies_an_assignment_table_all_or_nothing(
    response_set_a, agency_a, agency_b, coordinator
):
    strategy, foreign = unit(agency_a, "ยศ."), unit(agency_b, "กองคลัง")
    before = saved(response_set_a)
    for rows in (
        [TableRow(3, "O1", [str(strategy.pk)], "ยศ."), TableRow(4, "O7", [str(foreign.pk)], "?")],
        [TableRow(3, "O1", [str(strategy.pk)], "ยศ."), TableRow(4, "O99", [], "")],
    ):
        with pytest.raises(DisclosureError):
            services.apply_assignment_table(response_set_a, rows, by=coordinator)
        assert saved(response_set_a) == before


# --- the EIT survey link --------------------------------------------------------------


def test_it_keeps_the_eit_survey_link_for_the_coordinator_only(
    response_set_a, coordinator, unit_editor, settings
):
    services.set_eit_survey_url(response_set_a, f"{SITE}/eit", by=coordinator)
    response_set_a.refresh_from_db()
    assert response_set_a.eit_survey_url == f"{SITE}/eit"
    settings.OPENITA_FETCH_ALLOW_PRIVATE = False
    before = saved(response_set_a)
    with pytest.raises(NotAllowed):
        services.set_eit_survey_url(response_set_a, f"{SITE}/other", by=unit_editor)
    for bad in ("not a url", "http://10.0.0.1/eit"):
        with pytest.raises(DisclosureError):
            services.set_eit_survey_url(response_set_a, bad, by=coordinator)
    response_set_a.refresh_from_db()
    assert saved(response_set_a) == before
    services.set_eit_survey_url(response_set_a, "  ", by=coordinator)
    response_set_a.refresh_from_db()
    assert response_set_a.eit_survey_url == ""
    assert AuditEntry.objects.filter(action="oit.eit_link_set").count() == 2
