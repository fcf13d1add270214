"""Reminders before a measure ends without recent progress: once per person, measure and day.

Django 6.1's test environment replaces every MAILERS alias with the locmem backend, so
``mailoutbox`` receives what ``send_mail`` sends.
"""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from openita.audit.models import AuditEntry
from openita.improvement import reminders, services
from openita.improvement.models import MeasureReminder
from openita.improvement.tasks import send_measure_reminders as task
from tests.improvement.conftest import measure_input

END = dt.date(2023, 9, 30)  # the measure fixture's last day


def _day(days_before):
    return END - dt.timedelta(days=days_before)


def _to(outbox):
    return sorted(address for mail in outbox for address in mail.to)


@pytest.mark.parametrize(("days_before", "due"), [(15, False), (14, True), (7, True),
                                                  (3, False), (1, True), (0, False)])  # fmt: skip
def test_it_reminds_fourteen_seven_and_one_days_before_the_end(measure, days_before, due):
    assert reminders.due_measures(_day(days_before)) == ([(measure, days_before)] if due else [])


def test_it_mails_the_units_editors_and_the_responsible_person_once_a_day(
    measure, unit_editor, coordinator, mailoutbox
):
    measure.responsible = coordinator
    measure.save()
    sent = reminders.send_measure_reminders(_day(7))
    assert _to(mailoutbox) == ["coord_a@example.test", "editor_a@example.test"]
    assert {r.days_left for r in sent} == {7}
    mail = mailoutbox[0]
    assert measure.title in mail.subject and "30 กันยายน 2566" in mail.subject
    assert f"/improvement/{measure.plan.response_set.uuid}/measures/{measure.uuid}/" in mail.body
    assert reminders.send_measure_reminders(_day(7)) == []  # the same day again: nothing
    assert task.enqueue(_day(7).isoformat()).return_value == 0
    assert len(mailoutbox) == 2
    assert MeasureReminder.objects.count() == 2
    entry = AuditEntry.objects.get(action="improvement.reminders_sent")
    assert entry.data["recipients"] == ["coord_a", "editor_a"]


def test_a_recent_progress_update_silences_it(measure, coordinator, mailoutbox, settings):
    services.add_progress(measure, by=coordinator, reported_on=_day(40), outcome="เริ่มแล้ว")
    assert reminders.due_measures(_day(7)) == [(measure, 7)]  # 33 days ago: too old
    services.add_progress(measure, by=coordinator, reported_on=_day(20), outcome="คืบหน้า")
    assert reminders.due_measures(_day(7)) == []
    settings.OPENITA_MEASURE_QUIET_DAYS = 10
    assert reminders.due_measures(_day(7)) == [(measure, 7)]


def test_it_falls_back_to_the_coordinators(plan, coordinator, mailoutbox):
    services.create_measure(plan, by=coordinator, data=measure_input(plan, unit=None))
    reminders.send_measure_reminders(_day(1))
    assert _to(mailoutbox) == ["coord_a@example.test"]


def test_the_command_lists_and_sends(measure, unit_editor, mailoutbox):
    out = StringIO()
    call_command("measure_reminders", "--date", _day(14).isoformat(), "--dry-run", stdout=out)
    assert "1 measure reminder(s) to send (dry run)" in out.getvalue() and not mailoutbox
    call_command("measure_reminders", "--date", _day(14).isoformat(), stdout=StringIO())
    assert _to(mailoutbox) == ["editor_a@example.test"]
    with pytest.raises(CommandError):
        call_command("measure_reminders", "--date", "30/09/2566")
