from openita.agencies import services
from openita.audit.models import AuditEntry
from tests.conftest import login


def test_it_records_who_changed_what_with_before_and_after(agency_a, coordinator):
    services.update_agency(agency_a, by=coordinator, website="https://www.example.go.th/")
    entry = AuditEntry.objects.get(action="agency.updated")
    assert entry.actor == coordinator and entry.agency == agency_a
    assert entry.before["website"] == "" and entry.after["website"] == "https://www.example.go.th/"


def test_it_shows_the_coordinator_the_agencys_log_only(agency_a, agency_b, coordinator):
    services.update_agency(agency_b, by=None, province="น่าน")
    page = login(coordinator).get(f"/agencies/{agency_a.uuid}/audit/").content.decode()
    assert "agency.created" in page and "จังหวัดทดสอบเอ" in page
    assert "น่าน" not in page


def test_it_audits_unit_assignments(response_set_a):
    entry = AuditEntry.objects.filter(action="oit.item_assigned").order_by("id").first()
    assert entry.before["units"] == []
    assert entry.after["units"] == ["กลุ่มงานบริหารทรัพยากรบุคคล"]
    assert entry.agency == response_set_a.agency
