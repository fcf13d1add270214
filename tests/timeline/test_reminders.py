"""Reminders 7, 3 and 1 days before a phase ends, to the people who act in it.

Django 6.1's test environment replaces every MAILERS alias with the locmem backend, so
``mailoutbox`` receives what ``send_mail`` sends without any settings override.
"""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from openita.agencies import services as agencies
from openita.agencies.models import Role
from openita.audit.models import AuditEntry
from openita.core import mail as core_mail
from openita.lib.thaidate import format_thai_date
from openita.timeline import services
from openita.timeline.models import PhaseKind, ReminderSent
from openita.timeline.tasks import send_reminders as send_reminders_task

FY = 2566  # the year of the `mini` framework
END = dt.date(2023, 4, 30)


def _phase(kind, ends_on=END, fiscal_year=FY):
    return services.set_phase(fiscal_year, kind, ends_on - dt.timedelta(days=30), ends_on, by=None)


def _recipients(outbox):
    return sorted(address for mail in outbox for address in mail.to)


@pytest.fixture
def cast(
    response_set_a, response_set_b, coordinator, coordinator_b, unit_editor, assessor, outsider
):
    """Both agencies take part in FY2566 and every role is filled."""


@pytest.mark.parametrize(("days_before", "due"), [(8, False), (7, True), (5, False), (3, True),
                                                  (2, False), (1, True), (0, False)])  # fmt: skip
def test_it_finds_phases_ending_in_exactly_seven_three_or_one_days(db, days_before, due):
    phase = _phase("oit_answering")
    found = services.due_reminders(END - dt.timedelta(days=days_before))
    assert found == ([(phase, days_before)] if due else [])


def test_it_takes_the_reminder_days_from_settings(db, settings):
    settings.OPENITA_REMINDER_DAYS = (14,)
    phase = _phase("review")
    assert services.due_reminders(END - dt.timedelta(days=14)) == [(phase, 14)]
    assert services.due_reminders(END - dt.timedelta(days=7)) == []


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (PhaseKind.OIT_ANSWERING, ["coord_a@example.test", "coord_b@example.test"]),
        (PhaseKind.CLARIFICATION, ["coord_a@example.test", "coord_b@example.test"]),
        (PhaseKind.REVIEW, ["assessor_a@example.test"]),
        (PhaseKind.PUBLICATION, []),
    ],
)
def test_it_mails_only_the_roles_that_act_in_the_phase(cast, mailoutbox, kind, expected):
    _phase(kind)
    sent = services.send_reminders(END - dt.timedelta(days=3))
    assert len(sent) == len(mailoutbox) == len(expected)
    assert _recipients(mailoutbox) == expected
    assert all(len(mail.to) == 1 for mail in mailoutbox)


def test_it_skips_agencies_not_taking_part_in_that_year(
    response_set_a, coordinator, coordinator_b, mailoutbox
):
    _phase("oit_answering")
    services.send_reminders(END - dt.timedelta(days=1))
    assert _recipients(mailoutbox) == ["coord_a@example.test"]


def test_it_skips_inactive_users_and_users_without_an_address(
    cast, coordinator, coordinator_b, mailoutbox
):
    coordinator_b.is_active = False
    coordinator_b.save(update_fields=["is_active"])
    coordinator.email = ""
    coordinator.save(update_fields=["email"])
    _phase("oit_answering")
    assert services.send_reminders(END - dt.timedelta(days=7)) == []
    assert mailoutbox == []


def test_it_sends_one_mail_to_a_user_with_several_roles_and_agencies(
    cast, agency_a, agency_b, coordinator, mailoutbox
):
    agencies.add_member(agency_b, coordinator, Role.COORDINATOR, by=None)
    agencies.add_member(agency_a, coordinator, Role.ASSESSOR, by=None)
    _phase("confirmation")
    sent = services.send_reminders(END - dt.timedelta(days=1))
    assert _recipients(mailoutbox) == ["coord_a@example.test", "coord_b@example.test"]
    mine = next(r for r in sent if r.user == coordinator)
    assert set(mine.agencies) == {agency_a.name, agency_b.name}
    body = next(m.body for m in mailoutbox if m.to == ["coord_a@example.test"])
    assert agency_a.name in body and agency_b.name in body


def test_it_writes_the_phase_end_date_the_thai_way(cast, mailoutbox):
    _phase("oit_answering")
    services.send_reminders(END - dt.timedelta(days=7))
    thai_end = format_thai_date(END, style="long")
    assert all(thai_end in mail.subject and thai_end in mail.body for mail in mailoutbox)


def test_it_sends_nothing_on_a_dry_run(cast, mailoutbox):
    _phase("oit_answering")
    planned = services.send_reminders(END - dt.timedelta(days=3), dry_run=True)
    assert len(planned) == 2
    assert mailoutbox == []
    assert not ReminderSent.objects.exists()
    assert not AuditEntry.objects.filter(action="timeline.reminders_sent").exists()


def test_it_does_not_mail_twice_on_the_same_day_but_again_on_the_next_due_day(cast, mailoutbox):
    _phase("oit_answering")
    seven_days_before = END - dt.timedelta(days=7)
    assert len(services.send_reminders(seven_days_before)) == 2
    assert services.send_reminders(seven_days_before) == []
    assert len(mailoutbox) == 2
    assert len(services.send_reminders(END - dt.timedelta(days=3))) == 2
    assert len(mailoutbox) == 4
    entry = AuditEntry.objects.filter(action="timeline.reminders_sent").first()
    assert entry.data["days_left"] == 3 and len(entry.data["recipients"]) == 2


def test_it_tries_again_later_when_a_mail_fails(cast, mailoutbox, monkeypatch):
    def broken_send_mail(*args, **kwargs):
        raise ConnectionRefusedError("no SMTP server")

    _phase("oit_answering")
    day = END - dt.timedelta(days=1)
    monkeypatch.setattr(core_mail, "send_mail", broken_send_mail)
    assert services.send_reminders(day) == []
    assert not ReminderSent.objects.exists()
    monkeypatch.undo()
    assert len(services.send_reminders(day)) == 2
    assert len(mailoutbox) == 2


def test_it_runs_as_a_command_for_a_given_date(cast, mailoutbox):
    _phase("oit_answering")
    out = StringIO()
    call_command("reminders", "--date", "2023-04-27", stdout=out)
    assert len(mailoutbox) == 2
    assert out.getvalue().strip().splitlines()[-1].startswith("2 ")
    call_command("reminders", "--date", "2023-04-28", stdout=StringIO())
    assert len(mailoutbox) == 2  # 2 days before: nothing due


def test_it_lists_without_sending_as_a_dry_run_command(cast, mailoutbox):
    _phase("oit_answering")
    out = StringIO()
    call_command("reminders", "--date", "2023-04-29", "--dry-run", stdout=out)
    assert mailoutbox == []
    assert "coord_a@example.test" in out.getvalue()


def test_it_refuses_a_date_that_is_not_iso(db):
    with pytest.raises(CommandError):
        call_command("reminders", "--date", "29/04/2566", stdout=StringIO())


def test_it_runs_as_a_task(cast, mailoutbox):
    _phase("review")
    result = send_reminders_task.enqueue("2023-04-23")
    assert result.return_value == 1
    assert _recipients(mailoutbox) == ["assessor_a@example.test"]
