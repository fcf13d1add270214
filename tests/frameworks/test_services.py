import pytest

from openita.audit.models import AuditEntry
from openita.frameworks import schema, services
from openita.frameworks.models import Framework


def test_it_installs_items_as_rows_with_the_years_filled_in(mini):
    item = mini.items.get(code="O7")
    assert item.indicator == 9 and item.coverage == "fy_data"
    assert item.element_texts()[-1] == "เป็นข้อมูลข่าวสารที่เกิดขึ้นในปี พ.ศ. 2566"
    assert AuditEntry.objects.filter(action="framework.installed").count() == 1


def test_it_changes_nothing_when_the_same_document_is_installed_again(mini):
    fw = schema.validate_document(mini.document, source="again")
    _framework, changed = services.install(fw, source="again", by=None)
    assert changed is False
    assert AuditEntry.objects.filter(action__startswith="framework.").count() == 1


def test_it_keeps_item_rows_when_a_framework_is_updated(mini):
    before = mini.items.get(code="O1").pk
    doc = dict(mini.document, name="ชื่อใหม่")
    services.install(schema.validate_document(doc, source="v2"), source="v2", by=None)
    assert mini.items.get(code="O1").pk == before
    assert Framework.objects.get(code="mini-2566").name == "ชื่อใหม่"


def test_it_refuses_to_drop_items_that_responses_use(response_set_a, mini):
    doc = dict(mini.document, items=mini.document["items"][1:])
    with pytest.raises(services.FrameworkError, match=r"mini-2566 .*: O1 "):
        services.install(schema.validate_document(doc, source="v2"), source="v2", by=None)
    assert mini.items.count() == 4


def test_it_updates_one_item_after_validating_the_whole_framework(mini, coordinator):
    item = mini.items.get(code="O1")
    services.update_item(item, {"title": "โครงสร้างองค์กร"}, by=coordinator)
    assert mini.items.get(code="O1").title == "โครงสร้างองค์กร"
    entry = AuditEntry.objects.get(action="framework.item_updated")
    assert entry.before == {"title": "โครงสร้าง"} and entry.actor == coordinator
    with pytest.raises(schema.FrameworkFileError):
        services.update_item(item, {"coverage": "sometimes"}, by=coordinator)
    assert mini.items.get(code="O1").coverage == "in_force"


def test_it_loads_the_whole_library(db):
    results = services.install_library(by=None)
    assert len(results) == len(services.library_files())
    assert Framework.objects.get(code="ita-2566").items.count() == 43
