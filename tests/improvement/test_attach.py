"""Generated documents attached as evidence to the matching item of next year's set."""

import hashlib

import pytest

from openita.audit.models import AuditEntry
from openita.disclosure.models import EvidenceFile
from openita.frameworks import schema
from openita.frameworks.services import LIBRARY_DIR
from openita.improvement import services
from openita.improvement.errors import ImprovementError, NotAllowed
from openita.improvement.matching import item_text, matching_item
from openita.improvement.models import AttachedDocument
from openita.lib.itemcodes import item_number
from tests.conftest import login


def _items(name):
    doc = schema.dump(schema.load_yaml(LIBRARY_DIR / f"{name}.yaml"))
    return [item_text(i["code"], item_number(i["code"]), i) for i in doc["items"]]


@pytest.mark.parametrize(
    ("plan_framework", "next_framework", "expected"),
    [
        ("ita-2565", "ita-2566", ("O42", "O43")),
        ("ita-2566", "ita-2567", (None, None)),  # the FY2567 list is known only in part
        ("ita-2566", "ita-2568", ("O27", "O28")),
        ("ita-2567", "ita-2568", ("O27", "O28")),
        ("ita-2568", "ita-2569", ("O25", "O26")),  # O25's title changed: found by `continues`
    ],
)
def test_it_finds_the_measures_items_of_every_shipped_framework(
    plan_framework, next_framework, expected
):
    mine, theirs = _items(plan_framework), _items(next_framework)
    found = tuple(
        (hit.code if (hit := matching_item(kind, theirs, mine)) else None)
        for kind in ("measures", "report")
    )
    assert found == expected


def test_it_attaches_the_document_to_next_years_matching_item(measure, next_set, coordinator):
    record = services.attach_document(measure.plan, "measures", by=coordinator, fmt="docx")
    evidence = EvidenceFile.objects.get()
    assert evidence.response.response_set == next_set
    assert evidence.response.item.code == "O40"  # the measures item, by its title
    with evidence.file.open("rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == evidence.sha256
    assert evidence.original_name == "integrity-measures-2567.docx"
    assert (record.item_code, record.fiscal_year, record.sha256) == ("O40", 2567, evidence.sha256)
    assert AuditEntry.objects.filter(action="oit.file_added").exists()
    entry = AuditEntry.objects.get(action="improvement.document_attached")
    assert entry.after["item"] == "O40" and entry.after["sha256"] == evidence.sha256
    report = services.attach_document(measure.plan, "report", by=coordinator, fmt="docx")
    assert report.item_code == "O41"
    # The file is on the item in next year's workspace.
    page = login(coordinator).get(f"/oit/{next_set.uuid}/items/{evidence.response.uuid}/")
    shown = page.content.decode()
    assert "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2567" in shown
    assert evidence.sha256[:16] in shown


def test_it_says_why_there_is_nowhere_to_attach(plan, coordinator, unit_editor):
    target = services.find_target(plan, "measures")
    assert target.response is None and "2567" in target.problem
    with pytest.raises(ImprovementError):
        services.attach_document(plan, "measures", by=coordinator, fmt="docx")
    with pytest.raises(NotAllowed):
        services.attach_document(plan, "measures", by=unit_editor, fmt="docx")
    assert not AttachedDocument.objects.exists()


def test_it_refuses_a_submitted_next_set(plan, next_set, coordinator):
    next_set.status = "submitted"
    next_set.save()
    with pytest.raises(ImprovementError):
        services.attach_document(plan, "report", by=coordinator, fmt="docx")
    assert not EvidenceFile.objects.exists() and not AttachedDocument.objects.exists()


def test_the_plan_page_offers_the_attachment_by_item_code(plan, next_set, coordinator):
    client = login(coordinator)
    base = f"/improvement/{plan.response_set.uuid}/"
    page = client.get(base).content.decode()
    assert "O40" in page and "O41" in page
    assert client.post(base + "measures/attach/", {"format": "docx"}).status_code == 302
    assert AttachedDocument.objects.get().item_code == "O40"
