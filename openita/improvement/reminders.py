"""Remind the people responsible for a measure before its period ends without news of it.

A measure is due for a reminder on a day when
1. its period has started and its last day is exactly one of ``REMINDER_DAYS`` away, and
2. no progress update reports on any of the last ``QUIET_DAYS`` days.
The mail goes to the measure's responsible person and the editors of its unit (active, with an
e-mail address); when there is nobody, to the agency's coordinators. Everyone gets at most one
mail per measure per day, whatever the number of runs (``MeasureReminder``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from openita.accounts.models import User
from openita.agencies.models import Role
from openita.audit.services import log_action
from openita.core.mail import send_once
from openita.improvement.models import Measure, MeasureReminder, ProgressUpdate
from openita.lib.thaidate import format_thai_date

# Days before a measure's last day on which its people are reminded; a deployment may set
# OPENITA_MEASURE_REMINDER_DAYS to another tuple.
REMINDER_DAYS: tuple[int, ...] = (14, 7, 1)
# A progress update reporting on one of the last QUIET_DAYS days silences the reminder
# (OPENITA_MEASURE_QUIET_DAYS).
QUIET_DAYS = 30


@dataclass(frozen=True)
class Reminder:
    measure: Measure
    user: Any
    days_left: int


def _today(today: dt.date | None) -> dt.date:
    return today if today is not None else timezone.localdate()


def due_measures(today: dt.date | None = None) -> list[tuple[Measure, int]]:
    """Measures due for a reminder today, with the days left (see the module docstring)."""
    day = _today(today)
    days = tuple(getattr(settings, "OPENITA_MEASURE_REMINDER_DAYS", REMINDER_DAYS))
    quiet = int(getattr(settings, "OPENITA_MEASURE_QUIET_DAYS", QUIET_DAYS))
    ends = {day + dt.timedelta(days=n): n for n in days}
    recent = ProgressUpdate.objects.filter(
        measure=OuterRef("pk"), reported_on__gt=day - dt.timedelta(days=quiet)
    )
    measures = (
        Measure.objects.filter(ends_on__in=list(ends), starts_on__lte=day)
        .exclude(Exists(recent))
        .select_related("plan__response_set__agency", "unit", "responsible")
        .order_by("ends_on", "pk")
    )
    return [(measure, ends[measure.ends_on]) for measure in measures]


def recipients(measure: Measure) -> list[Any]:
    """The responsible person and the unit's editors; else the coordinators."""
    agency = measure.plan.agency
    people = User.objects.filter(is_active=True).exclude(email="")
    ids = set()
    if measure.responsible_id is not None:
        ids.add(measure.responsible_id)
    if measure.unit_id is not None:
        ids |= set(
            people.filter(
                memberships__agency=agency,
                memberships__role=Role.UNIT_EDITOR,
                memberships__units=measure.unit_id,
            ).values_list("pk", flat=True)
        )
    chosen = people.filter(pk__in=ids)
    if not chosen.exists():
        chosen = people.filter(memberships__agency=agency, memberships__role=Role.COORDINATOR)
    return list(chosen.distinct().order_by("username"))


def planned_reminders(today: dt.date | None = None) -> list[Reminder]:
    day = _today(today)
    plan = []
    for measure, days_left in due_measures(day):
        sent = set(
            MeasureReminder.objects.filter(measure=measure, sent_on=day).values_list(
                "user_id", flat=True
            )
        )
        plan += [
            Reminder(measure, user, days_left)
            for user in recipients(measure)
            if user.pk not in sent
        ]
    return plan


def send_measure_reminders(
    today: dt.date | None = None, *, dry_run: bool = False
) -> list[Reminder]:
    """Mail the reminders due today; returns those sent (with ``dry_run``, those planned).

    Each mail is claimed in MeasureReminder before it is sent, and the claim is released if
    sending fails, so reruns and parallel runs send nothing twice. Audited per measure.
    """
    day = _today(today)
    planned = planned_reminders(day)
    if dry_run:
        return planned
    sent = [reminder for reminder in planned if _deliver(reminder, day)]
    _audit(sent, day)
    return sent


def _audit(sent: Iterable[Reminder], day: dt.date) -> None:
    by_measure: dict[int, list[Reminder]] = {}
    for reminder in sent:
        by_measure.setdefault(reminder.measure.pk, []).append(reminder)
    for reminders in by_measure.values():
        log_action(
            reminders[0].measure,
            "improvement.reminders_sent",
            user=None,
            data={
                "date": day,
                "days_left": reminders[0].days_left,
                "recipients": [r.user.get_username() for r in reminders],
            },
        )


def _deliver(reminder: Reminder, day: dt.date) -> bool:
    claim = {"measure": reminder.measure, "user": reminder.user, "sent_on": day}
    subject, body = reminder_message(reminder)
    return send_once(
        MeasureReminder, claim, to=reminder.user.email, subject=subject, body=body,
        extra={"days_left": reminder.days_left},
    )  # fmt: skip


def reminder_message(reminder: Reminder) -> tuple[str, str]:
    """Subject and body in Thai, the language of every ITA participant."""
    measure = reminder.measure
    path = reverse("improvement:measure", args=[measure.plan.response_set.uuid, measure.uuid])
    with translation.override("th"):
        values = {
            "name": str(reminder.user),
            "measure": measure.title,
            "agency": measure.plan.agency.name,
            "end": format_thai_date(measure.ends_on, style="long"),
            "days": reminder.days_left,
            "url": f"{settings.SITE_URL}{path}",
        }
        subject = ngettext(
            "OpenITA: the measure “%(measure)s” ends in %(days)s day (%(end)s)",
            "OpenITA: the measure “%(measure)s” ends in %(days)s days (%(end)s)",
            reminder.days_left,
        )
        body = _(
            "Dear %(name)s,\n\nThe integrity measure “%(measure)s” of %(agency)s ends on "
            "%(end)s and has no recent progress update. Please report what was done, with "
            "its evidence:\n\n%(url)s\n"
        )
        return subject % values, body % values
