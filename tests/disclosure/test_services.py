"""The OIT workspace services: refused input loses nothing, roles, files, assignment, carry forward.

Messages are translated at runtime, so refusals are matched by class, by the message constant
they use, or by the data they name (item codes), never by their English wording. Links added
here are never checked: on-commit callbacks do not run in these tests (see test_tasks.py).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from openita.audit.models import AuditEntry
from openita.disclosure import services
from openita.disclosure.assignment_table import TableRow
from openita.disclosure.errors import DisclosureError, EditConflict, NotAllowed, SetLocked
from openita.disclosure.models import (
    EvidenceFile,
    EvidenceLink,
    ItemStatus,
    SetStatus,
)
from openita.disclosure.services.evidence import URL_MESSAGES
from tests.disclosure.helpers import (
    EXE,
    HTML,
    PDF,
    PNG,
    SITE,
    approve,
    approve_all,
    codes_in,
    item,
    saved,
    unit,
)

# --- links refused --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("not a url", "malformed"),
        ("ftp://x", "scheme"),
        ("https://user:pw@host/", "credentials"),
        ("", "malformed"),
        (f"{SITE}/{'x' * 2000}", "too_long"),
    ],
)
def test_it_refuses_a_malformed_link_and_keeps_what_was_saved(filled, coordinator, url, code):
    before = saved(filled)
    with pytest.raises(DisclosureError) as info:
        services.add_link(item(filled, "O1"), by=coordinator, url=url)
    assert info.value.message == URL_MESSAGES[code]
    assert saved(filled) == before


@pytest.mark.parametrize(
    "url", ["http://10.1.2.3/", "http://localhost/", "http://169.254.169.254/", "http://[::1]/"]
)
def test_it_refuses_a_private_network_link_and_keeps_what_was_saved(
    filled, coordinator, settings, url
):
    settings.OPENITA_FETCH_ALLOW_PRIVATE = False
    before = saved(filled)
    with pytest.raises(DisclosureError) as info:
        services.add_link(item(filled, "O1"), by=coordinator, url=url)
    assert info.value.message == URL_MESSAGES["private_address"]
    assert saved(filled) == before


def test_it_refuses_a_link_already_listed_for_the_item(filled, coordinator):
    before = saved(filled)
    with pytest.raises(DisclosureError):
        # The same address once normalised (scheme and host are case-insensitive).
        services.add_link(
            item(filled, "O1"), by=coordinator, url="HTTPS://WWW.Example.go.th/structure"
        )
    assert saved(filled) == before
    # Another item may cite the same page.
    services.add_link(item(filled, "O7"), by=coordinator, url=f"{SITE}/structure")
    assert EvidenceLink.objects.filter(url=f"{SITE}/structure").count() == 2


def test_it_keeps_a_link_normalised_with_its_label_and_logs_it(response_set_a, coordinator):
    o1 = item(response_set_a, "O1")
    link = services.add_link(
        o1, by=coordinator, url="  HTTPS://WWW.Example.go.th:443  ", label=" ผัง ", menu_path="เมนู"
    )
    assert (link.url, link.label, link.menu_path) == (f"{SITE}/", "ผัง", "เมนู")
    assert link.created_by == coordinator
    entry = AuditEntry.objects.get(action="oit.link_added")
    assert entry.after == {"url": f"{SITE}/", "item": "O1"}
    assert (entry.actor, entry.agency) == (coordinator, response_set_a.agency)
    current = item(response_set_a, "O1")
    assert (current.version, current.status) == (o1.version + 1, ItemStatus.IN_PROGRESS)


def test_it_removes_a_link_and_logs_its_address(filled, coordinator):
    link = EvidenceLink.objects.get(url=f"{SITE}/structure")
    services.remove_link(link, by=coordinator)
    assert not EvidenceLink.objects.filter(pk=link.pk).exists()
    entry = AuditEntry.objects.get(action="oit.link_removed")
    assert entry.before == {"url": f"{SITE}/structure"}


# --- files refused --------------------------------------------------------------------


def test_it_refuses_a_file_over_the_size_limit(filled, coordinator, settings):
    settings.OPENITA_MAX_UPLOAD_MB = 1
    before = saved(filled)
    too_big = PDF + b"0" * (int(1.1 * 1024 * 1024) - len(PDF))
    with pytest.raises(DisclosureError):
        services.add_file(item(filled, "O1"), by=coordinator, name="big.pdf", content=too_big)
    assert saved(filled) == before
    at_limit = PDF + b"0" * (1024 * 1024 - len(PDF))
    services.add_file(item(filled, "O1"), by=coordinator, name="limit.pdf", content=at_limit)
    assert EvidenceFile.objects.filter(size=1024 * 1024).count() == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("setup.exe", EXE),
        ("report.pdf", EXE),
        ("report.pdf", HTML),
        ("photo.pdf", PNG),
        ("empty.pdf", b""),
    ],
)
def test_it_refuses_a_file_of_the_wrong_type_and_keeps_what_was_saved(
    filled, coordinator, name, content
):
    before = saved(filled)
    with pytest.raises(DisclosureError):
        services.add_file(item(filled, "O1"), by=coordinator, name=name, content=content)
    assert saved(filled) == before


def test_it_names_the_real_kind_of_a_renamed_file(filled, coordinator):
    with pytest.raises(DisclosureError) as info:
        services.add_file(item(filled, "O1"), by=coordinator, name="photo.pdf", content=PNG)
    assert "PNG" in str(info.value.message)


# --- files kept -----------------------------------------------------------------------


def test_it_keeps_a_file_under_its_hash_with_the_same_bytes(response_set_a, coordinator):
    content = PDF + "รายงานผลการดำเนินงาน".encode()
    digest = hashlib.sha256(content).hexdigest()
    evidence = services.add_file(
        item(response_set_a, "O1"), by=coordinator, name="รายงาน 2566.pdf", content=content
    )
    evidence.refresh_from_db()
    assert evidence.sha256 == digest
    assert (evidence.size, evidence.content_type) == (len(content), "application/pdf")
    assert evidence.original_name == "รายงาน 2566.pdf"
    assert evidence.uploaded_by == coordinator
    # Stored under the hash, never under the uploader's file name.
    assert evidence.file.name == f"evidence/{response_set_a.uuid}/{digest}"
    with evidence.file.open("rb") as stored:
        assert stored.read() == content
    entry = AuditEntry.objects.get(action="oit.file_added")
    assert entry.after == {"name": "รายงาน 2566.pdf", "sha256": digest, "size": len(content)}
    assert entry.object_id == str(evidence.pk)


def test_it_keeps_the_stored_bytes_when_a_file_is_removed(filled, coordinator):
    evidence = EvidenceFile.objects.get()
    path = Path(evidence.file.path)
    services.remove_file(evidence, by=coordinator)
    assert not EvidenceFile.objects.exists()
    assert path.read_bytes() == PDF  # a capture or an audit entry may cite the hash
    entry = AuditEntry.objects.get(action="oit.file_removed")
    assert entry.before == {"name": "structure.pdf", "sha256": hashlib.sha256(PDF).hexdigest()}


# --- submission -----------------------------------------------------------------------


def test_it_submits_a_set_once(filled, coordinator):
    approve_all(filled, coordinator)
    services.submit(filled, by=coordinator)
    before = saved(filled)
    with pytest.raises(SetLocked):
        services.submit(filled, by=coordinator)
    assert saved(filled) == before
    entry = AuditEntry.objects.get(action="oit.submitted")
    assert entry.actor == coordinator
    assert entry.data == {"links": 5}
    filled.refresh_from_db()
    assert (filled.status, filled.submitted_by) == (SetStatus.SUBMITTED, coordinator)
    assert filled.submitted_at is not None
    statuses = set(filled.responses.values_list("status", flat=True))
    assert statuses == {ItemStatus.SUBMITTED}


def test_it_refuses_submission_while_items_are_not_approved(filled, coordinator):
    approve(item(filled, "O1"), coordinator)
    approve(item(filled, "O7"), coordinator)
    services.add_link(item(filled, "O31"), by=coordinator, url=f"{SITE}/no-gift")
    services.change_status(item(filled, "O31"), ItemStatus.READY, by=coordinator)
    before = saved(filled)
    with pytest.raises(DisclosureError) as info:
        services.submit(filled, by=coordinator)
    assert type(info.value) is DisclosureError
    assert codes_in(info.value.message) == ["O28", "O31"]
    assert saved(filled) == before


def test_it_refuses_submission_by_anyone_but_the_coordinator(filled, unit_editor, coordinator):
    approve_all(filled, coordinator)
    before = saved(filled)
    with pytest.raises(NotAllowed):
        services.submit(filled, by=unit_editor)
    assert saved(filled) == before


EDITS_AFTER_SUBMISSION = {
    "add_link": lambda c: services.add_link(c["o1"], by=c["by"], url=f"{SITE}/late"),
    "remove_link": lambda c: services.remove_link(c["link"], by=c["by"]),
    "add_file": lambda c: services.add_file(c["o1"], by=c["by"], name="late.pdf", content=PDF),
    "remove_file": lambda c: services.remove_file(c["file"], by=c["by"]),
    "update_item": lambda c: services.update_item(
        c["o1"], by=c["by"], version=c["o1"].version, explanation="late", element_checks=[]
    ),
    "change_status": lambda c: services.change_status(c["o1"], ItemStatus.IN_PROGRESS, by=c["by"]),
    "assign": lambda c: services.assign(c["o1"], by=c["by"], units=[c["unit"]]),
    "assign_units": lambda c: services.assign_units(c["o1"], [c["unit"]], by=c["by"]),
    "apply_assignment_table": lambda c: services.apply_assignment_table(
        c["o1"].response_set, [TableRow(3, "O1", [str(c["unit"].pk)], "ยศ.")], by=c["by"]
    ),
}


@pytest.mark.parametrize("edit", sorted(EDITS_AFTER_SUBMISSION))
def test_it_refuses_every_edit_after_submission(submitted, coordinator, agency_a, edit):
    context = {
        "o1": item(submitted, "O1"),
        "link": EvidenceLink.objects.filter(url=f"{SITE}/structure").get(),
        "file": EvidenceFile.objects.get(),
        "unit": unit(agency_a, "ยศ."),
        "by": coordinator,
    }
    before = saved(submitted)
    with pytest.raises(SetLocked):
        EDITS_AFTER_SUBMISSION[edit](context)
    assert saved(submitted) == before


def test_it_refuses_an_edit_through_a_copy_loaded_before_submission(filled, coordinator):
    stale = item(filled, "O1")  # loaded while the set was open
    approve_all(filled, coordinator)
    services.submit(filled, by=coordinator)
    with pytest.raises(SetLocked):
        services.add_link(stale, by=coordinator, url=f"{SITE}/late")


# --- editing an item ------------------------------------------------------------------


def test_it_refuses_the_second_of_two_edits_from_one_version(filled, coordinator, unit_editor):
    start = item(filled, "O1")
    services.update_item(
        start, by=coordinator, version=start.version, explanation="ฉบับแรก", element_checks=[0, 1]
    )
    before = saved(filled)
    with pytest.raises(EditConflict):
        services.update_item(
            start, by=unit_editor, version=start.version, explanation="ฉบับที่สอง", element_checks=[]
        )
    assert saved(filled) == before
    current = item(filled, "O1")
    assert (current.explanation, current.element_checks) == ("ฉบับแรก", [0, 1])
    assert current.version == start.version + 1


def test_it_treats_new_evidence_as_an_edit_of_the_item(response_set_a, coordinator, unit_editor):
    opened = item(response_set_a, "O1")
    services.add_link(item(response_set_a, "O1"), by=coordinator, url=f"{SITE}/meanwhile")
    with pytest.raises(EditConflict):
        services.update_item(
            opened, by=unit_editor, version=opened.version, explanation="x", element_checks=[]
        )


def test_it_saves_answers_and_logs_before_and_after(response_set_a, unit_editor):
    o1 = item(response_set_a, "O1")
    saved_item = services.update_item(
        o1, by=unit_editor, version=o1.version, explanation="  ผัง  ", element_checks=[1, 0, 0, 9]
    )
    assert (saved_item.explanation, saved_item.element_checks) == ("ผัง", [0, 1])
    assert (saved_item.status, saved_item.updated_by) == (ItemStatus.IN_PROGRESS, unit_editor)
    entry = AuditEntry.objects.get(action="oit.item_updated")
    assert entry.before["explanation"] == ""
    assert entry.after["explanation"] == "ผัง"
    assert entry.after["element_checks"] == [0, 1]


def test_it_refuses_approval_of_an_item_without_evidence(filled, coordinator):
    before = saved(filled)
    for status in (ItemStatus.APPROVED, ItemStatus.READY):
        with pytest.raises(DisclosureError) as info:
            services.change_status(item(filled, "O28"), status, by=coordinator)
        assert codes_in(info.value.message) == ["O28"]
    assert saved(filled) == before


def test_it_approves_an_item_with_a_file_only(response_set_a, coordinator):
    services.add_file(item(response_set_a, "O28"), by=coordinator, name="ช่องทาง.pdf", content=PDF)
    approved = services.change_status(
        item(response_set_a, "O28"), ItemStatus.APPROVED, by=coordinator
    )
    assert approved.status == ItemStatus.APPROVED
    entry = AuditEntry.objects.get(action="oit.item_status")
    assert (entry.before, entry.after) == ({"status": "in_progress"}, {"status": "approved"})


def test_it_refuses_none_this_period_where_the_item_does_not_allow_it(filled, coordinator):
    o28 = item(filled, "O28")
    assert o28.item.none_allowed is False
    before = saved(filled)
    with pytest.raises(DisclosureError):
        services.update_item(
            o28,
            by=coordinator,
            version=o28.version,
            explanation="",
            element_checks=[],
            none_declared=True,
            none_reason="ไม่มีเรื่องร้องเรียนในปีนี้",
        )
    assert saved(filled) == before


def test_it_wants_a_reason_for_none_this_period(agency_a, next_fw, coordinator):
    rs = services.start_response_set(agency_a, next_fw, by=coordinator, carry_forward=False)
    o3 = item(rs, "O3")
    assert o3.item.none_allowed is True
    before = saved(rs)
    with pytest.raises(DisclosureError):
        services.update_item(
            o3, by=coordinator, version=o3.version, explanation="", element_checks=[],
            none_declared=True, none_reason="   ",
        )  # fmt: skip
    assert saved(rs) == before
    declared = services.update_item(
        o3, by=coordinator, version=o3.version, explanation="", element_checks=[],
        none_declared=True, none_reason="ไม่มีการจัดซื้อจัดจ้างในปีนี้",
    )  # fmt: skip
    assert (declared.none_declared, declared.none_reason) == (True, "ไม่มีการจัดซื้อจัดจ้างในปีนี้")
    # The declaration stands in for evidence.
    approved = services.change_status(item(rs, "O3"), ItemStatus.APPROVED, by=coordinator)
    assert approved.status == ItemStatus.APPROVED
