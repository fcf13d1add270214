"""Phases open and close the actions of a fiscal year, on Bangkok calendar days."""

import datetime as dt

import pytest

from openita.audit.models import AuditEntry
from openita.lib.thaidate import format_thai_date
from openita.timeline import services
from openita.timeline.errors import DomainError, InvalidPhase, PhaseClosed
from openita.timeline.models import Phase, PhaseKind

FY = 2566
START, END = dt.date(2023, 3, 1), dt.date(2023, 4, 30)


@pytest.fixture
def oit_phase(db):
    return services.set_phase(FY, PhaseKind.OIT_ANSWERING, START, END, by=None)


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (dt.date(2023, 2, 28), "upcoming"),
        (START, "open"),
        (dt.date(2023, 4, 1), "open"),
        (END, "open"),
        (dt.date(2023, 5, 1), "closed"),
    ],
)
def test_it_reports_the_state_of_a_phase_on_either_side_of_its_inclusive_dates(
    oit_phase, today, state
):
    assert services.phase_state(FY, "oit_answering", today=today) == state
    assert services.is_open(FY, "oit_answering", today=today) is (state == "open")


def test_it_counts_a_phase_that_is_not_set_as_open(db):
    assert services.phase_state(FY, "review", today=START) == "not_set"
    assert services.is_open(FY, "review", today=START)
    services.ensure_open(FY, "review", today=START)


def test_it_keeps_the_phases_of_other_years_apart(oit_phase):
    assert services.phase_state(FY + 1, "oit_answering", today=START) == "not_set"


def test_it_uses_the_bangkok_date_when_no_day_is_given(oit_phase, monkeypatch):
    # 30 April 18:30 UTC is already 1 May in Bangkok: the phase has closed.
    instant = dt.datetime(2023, 4, 30, 18, 30, tzinfo=dt.UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: instant)
    assert services.phase_state(FY, "oit_answering") == "closed"


@pytest.mark.parametrize(
    ("today", "state"), [(dt.date(2023, 2, 28), "upcoming"), (dt.date(2023, 5, 1), "closed")]
)
def test_it_raises_phase_closed_naming_the_phase_dates(oit_phase, today, state):
    with pytest.raises(PhaseClosed) as caught:
        services.ensure_open(FY, "oit_answering", today=today)
    assert isinstance(caught.value, DomainError) and isinstance(caught.value, ValueError)
    assert caught.value.phase == oit_phase and caught.value.state == state
    assert format_thai_date(END, style="long") in str(caught.value.message)


def test_it_lets_an_open_phase_pass(oit_phase):
    services.ensure_open(FY, "oit_answering", today=END)


@pytest.mark.parametrize(
    ("fiscal_year", "kind", "starts_on", "ends_on"),
    [
        (FY, "oit_answering", END, START),  # ends before it starts
        (FY, "coffee_break", START, END),  # not a phase
        (2023, "oit_answering", START, END),  # a Christian-era fiscal year
        (FY, "oit_answering", dt.date(2566, 3, 1), dt.date(2566, 4, 30)),  # B.E. dates
        (FY, "oit_answering", "1 March", END),  # not a date
    ],
)
def test_it_refuses_invalid_phases_and_saves_nothing(db, fiscal_year, kind, starts_on, ends_on):
    with pytest.raises(InvalidPhase) as caught:
        services.set_phase(fiscal_year, kind, starts_on, ends_on, by=None)
    assert isinstance(caught.value, ValueError) and str(caught.value.message)
    assert not Phase.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="timeline.").exists()


def test_it_accepts_a_one_day_phase_and_iso_strings(db):
    phase = services.set_phase(FY, "publication", "2023-08-18", "2023-08-18", by=None)
    assert phase.starts_on == phase.ends_on == dt.date(2023, 8, 18)
    assert services.phase_state(FY, "publication", today=dt.date(2023, 8, 18)) == "open"


def test_it_audits_creation_and_changes_with_before_and_after(oit_phase, coordinator):
    services.set_phase(FY, "oit_answering", START, dt.date(2023, 5, 15), by=coordinator)
    created, changed = AuditEntry.objects.filter(action="timeline.phase_set").order_by("id")
    assert created.before is None and created.after["ends_on"] == "2023-04-30"
    assert changed.actor == coordinator
    assert changed.before["ends_on"] == "2023-04-30" and changed.after["ends_on"] == "2023-05-15"
    assert Phase.objects.get().ends_on == dt.date(2023, 5, 15)


def test_it_writes_nothing_when_the_same_dates_are_set_again(oit_phase):
    services.set_phase(FY, "oit_answering", START, END, by=None)
    assert AuditEntry.objects.filter(action="timeline.phase_set").count() == 1


def test_it_keeps_the_note_unless_a_new_one_is_given(db):
    services.set_phase(FY, "review", "2023-05-01", "2023-05-31", note=" ตามประกาศ ", by=None)
    phase = services.set_phase(FY, "review", "2023-05-01", "2023-06-02", by=None)
    assert phase.note == "ตามประกาศ"


def test_it_audits_removal_and_reopens_the_actions(oit_phase):
    services.remove_phase(oit_phase, by=None)
    assert AuditEntry.objects.filter(action="timeline.phase_removed").count() == 1
    assert services.is_open(FY, "oit_answering", today=dt.date(2023, 6, 1))


def test_it_orders_phases_by_year_and_start(db):
    services.set_phase(FY, "review", "2023-05-01", "2023-05-31", by=None)
    services.set_phase(FY, "registration", "2023-01-01", "2023-02-28", by=None)
    services.set_phase(FY - 1, "publication", "2022-08-26", "2022-08-26", by=None)
    assert [(p.fiscal_year, p.kind) for p in Phase.objects.all()] == [
        (FY - 1, "publication"),
        (FY, "registration"),
        (FY, "review"),
    ]
