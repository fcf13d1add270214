"""`openita measure_reminders`: e-mail the people of measures that end soon without news."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openita.core.reminder_command import ReminderCommand
from openita.improvement import reminders


class Command(ReminderCommand):
    help = (
        "E-mail the people responsible for each integrity measure that ends in 14, 7 or 1 "
        "days without a recent progress update. Safe to run more than once a day."
    )
    noun = "measure reminder(s)"

    def send(self, day: dt.date, *, dry_run: bool) -> list[Any]:
        return reminders.send_measure_reminders(day, dry_run=dry_run)

    def describe(self, r: Any) -> str:
        return (
            f"{r.measure.plan.agency.name} · {r.measure.title} ends "
            f"{r.measure.ends_on} ({r.days_left} d) → {r.user.email}"
        )
