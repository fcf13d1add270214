"""The site administrator keeps the calendar in the admin, through the audited service."""

from openita.accounts.services import create_user
from openita.audit.models import AuditEntry
from openita.timeline import services
from openita.timeline.models import Phase
from tests.conftest import login


def _admin():
    return create_user("root", "pw-not-used-123", is_superuser=True, by=None)


def test_it_adds_a_phase_through_the_service(db):
    admin = _admin()
    form = {"fiscal_year": 2568, "kind": "oit_answering", "starts_on": "2025-03-01",
            "ends_on": "2025-04-30", "note": ""}  # fmt: skip
    response = login(admin).post("/admin/timeline/phase/add/", form)
    assert response.status_code == 302
    assert Phase.objects.get().fiscal_year == 2568
    assert AuditEntry.objects.filter(action="timeline.phase_set", actor=admin).count() == 1


def test_it_shows_an_error_and_keeps_the_phase_when_dates_are_reversed(db):
    admin = _admin()
    phase = services.set_phase(2568, "review", "2025-05-01", "2025-05-31", by=None)
    form = {"starts_on": "2025-05-31", "ends_on": "2025-05-01", "note": ""}
    response = login(admin).post(f"/admin/timeline/phase/{phase.pk}/change/", form)
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    phase.refresh_from_db()
    assert phase.starts_on.day == 1
    assert not AuditEntry.objects.filter(actor=admin).exists()


def test_it_audits_a_deletion(db):
    admin = _admin()
    phase = services.set_phase(2568, "review", "2025-05-01", "2025-05-31", by=None)
    response = login(admin).post(f"/admin/timeline/phase/{phase.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Phase.objects.exists()
    assert AuditEntry.objects.filter(action="timeline.phase_removed", actor=admin).count() == 1
