"""The OIT workspace services: refused input loses nothing, roles, files, assignment, carry forward.

Messages are translated at runtime, so refusals are matched by class, by the message constant
they use, or by the data they name (item codes), never by their English wording. Links added
here are never checked: on-commit callbacks do not run in these tests (see test_tasks.py).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from openita.audit.models import AuditEntry
from openita.disclosure import services
from openita.disclosure.assignment_table import TableRow
from openita.disclosure.errors import DisclosureError, EditConflict, NotAllowed, SetLocked
from openita.disclosure.models import (
    EvidenceFile,
    EvidenceLink,
    ItemResponse,
    ItemStatus,
    ResponseSet,
    SetStatus,
)
from openita.disclosure.services.evidence import URL_MESSAGES
from openita.frameworks import schema
from openita.frameworks import services as frameworks
from tests.conftest import FIXTURES
from tests.support import probe as _probe

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 17
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
HTML = b"<!doctype html><html><body><h1>structure</h1></body></html>"
SITE = "https://www.example.go.th"


def item(response_set: ResponseSet, code: str) -> ItemResponse:
    """A fresh copy of one item, as a view would load it."""
    return response_set.responses.select_related("item", "response_set__agency").get(
        item__code=code
    )


def unit(agency: Any, short_name: str) -> Any:
    return agency.units.get(short_name=short_name)


def saved(response_set: ResponseSet) -> dict[str, Any]:
    """What a set holds, its stored files and the audit log, to compare around a refusal."""
    rows = response_set.responses.order_by("pk").values(
        "pk", "status", "version", "explanation", "element_checks", "none_declared",
        "none_reason", "responsible", "due_date", "updated_by",
    )  # fmt: skip
    root = Path(settings.MEDIA_ROOT)
    return {
        "set": list(
            ResponseSet.objects.filter(pk=response_set.pk).values(
                "status", "submitted_at", "submitted_by", "eit_survey_url"
            )
        ),
        "responses": [
            {**row, "units": sorted(ItemResponse.objects.get(pk=row["pk"]).units.values_list("pk"))}
            for row in rows
        ],
        "links": list(
            EvidenceLink.objects.filter(response__response_set=response_set)
            .order_by("pk")
            .values("pk", "response", "url", "label", "menu_path", "check_outcome")
        ),
        "files": list(
            EvidenceFile.objects.filter(response__response_set=response_set)
            .order_by("pk")
            .values("pk", "response", "file", "sha256", "size", "original_name")
        ),
        "stored": sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()),
        "audit": list(AuditEntry.objects.order_by("pk").values_list("pk", "action")),
    }


def codes_in(message: object) -> list[str]:
    return re.findall(r"\bO\d+\b", str(message))


def approve(response: ItemResponse, by: Any) -> None:
    services.add_link(response, by=by, url=f"{SITE}/{response.item.code}")
    services.change_status(response, ItemStatus.APPROVED, by=by)


def approve_all(response_set: ResponseSet, by: Any) -> None:
    for response in response_set.responses.select_related("item"):
        approve(response, by)


@pytest.fixture
def filled(response_set_a: ResponseSet, coordinator: Any) -> ResponseSet:
    """Agency A's set with an answer, a link and a file on O1: what a refusal must not lose."""
    o1 = item(response_set_a, "O1")
    services.update_item(
        o1, by=coordinator, version=o1.version, explanation="แผนผังโครงสร้าง", element_checks=[0]
    )
    services.add_link(item(response_set_a, "O1"), by=coordinator, url=f"{SITE}/structure")
    services.add_file(item(response_set_a, "O1"), by=coordinator, name="structure.pdf", content=PDF)
    return response_set_a


@pytest.fixture
def submitted(filled: ResponseSet, coordinator: Any) -> ResponseSet:
    approve_all(filled, coordinator)
    services.submit(filled, by=coordinator)
    return filled


@pytest.fixture
def next_fw(mini: Any) -> Any:
    """mini-2567: O1 continues 01, O2 merges O7 and O31, O3 is new, O4 continues O28."""
    fw, _ = frameworks.install(
        schema.load_yaml(FIXTURES / "mini-2567.yaml"), source="mini", by=None
    )
    return fw


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
