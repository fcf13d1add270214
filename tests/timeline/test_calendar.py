"""A year's calendar is loaded as a whole: every phase, or none."""

import datetime as dt

import pytest

from openita.audit.models import AuditEntry
from openita.timeline import services
from openita.timeline.errors import CalendarInvalid, DomainError
from openita.timeline.models import Phase

FY = 2565
# FY2565 as NACC ran it (methodology §6.1–6.2).
CALENDAR = [
    {"kind": "registration", "starts_on": "2022-01-01", "ends_on": "2022-02-28"},
    {"kind": "surveys", "starts_on": "2022-03-01", "ends_on": "2022-05-31"},
    {"kind": "oit_answering", "starts_on": "2022-03-01", "ends_on": "2022-04-30"},
    {"kind": "review", "starts_on": dt.date(2022, 5, 1), "ends_on": dt.date(2022, 5, 31)},
    {"kind": "clarification", "starts_on": "2022-06-01", "ends_on": "2022-06-15"},
    {"kind": "confirmation", "starts_on": "2022-06-16", "ends_on": "2022-06-30"},
    {"kind": "publication", "starts_on": "2022-08-01", "ends_on": "2022-08-01", "note": "ITA Day"},
]


def test_it_loads_a_whole_calendar_with_one_audit_entry_per_phase(db, coordinator):
    phases = services.load_calendar(FY, CALENDAR, by=coordinator)
    assert len(phases) == Phase.objects.filter(fiscal_year=FY).count() == 7
    assert Phase.objects.get(kind="publication").note == "ITA Day"
    entries = AuditEntry.objects.filter(action="timeline.phase_set", actor=coordinator)
    assert entries.count() == 7
    assert services.phase_state(FY, "clarification", today=dt.date(2022, 6, 15)) == "open"


def test_it_saves_nothing_and_lists_every_bad_row(db):
    services.set_phase(FY, "review", "2022-05-01", "2022-05-31", by=None)
    rows = [dict(row) for row in CALENDAR]
    rows[1]["ends_on"] = "2022-02-01"  # before its start
    rows[3]["ends_on"] = "31/05/2022"  # not ISO: would otherwise change review
    rows[5]["kind"] = "appeal"
    with pytest.raises(CalendarInvalid) as caught:
        services.load_calendar(FY, rows, by=None)
    assert isinstance(caught.value, DomainError)
    assert len(caught.value.errors) == 3
    assert [p.kind for p in Phase.objects.all()] == ["review"]
    assert Phase.objects.get().ends_on == dt.date(2022, 5, 31)


def test_it_refuses_a_phase_given_twice(db):
    with pytest.raises(CalendarInvalid) as caught:
        services.load_calendar(FY, [*CALENDAR, CALENDAR[0]], by=None)
    assert len(caught.value.errors) == 1
    assert not Phase.objects.exists()


@pytest.mark.parametrize("rows", [[], ["registration 2022-01-01 2022-02-28"]])
def test_it_refuses_empty_or_malformed_calendars(db, rows):
    with pytest.raises(CalendarInvalid):
        services.load_calendar(FY, rows, by=None)
    assert not Phase.objects.exists()


def test_it_rolls_back_the_phases_already_written_when_a_write_fails(db, monkeypatch):
    calls = []
    real_log_action = services.log_action

    def failing_log_action(*args, **kwargs):
        calls.append(args)
        if len(calls) == 4:
            raise RuntimeError("database went away")
        return real_log_action(*args, **kwargs)

    monkeypatch.setattr(services, "log_action", failing_log_action)
    with pytest.raises(RuntimeError):
        services.load_calendar(FY, CALENDAR, by=None)
    assert not Phase.objects.exists()
    assert not AuditEntry.objects.filter(action="timeline.phase_set").exists()
