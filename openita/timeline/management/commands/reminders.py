"""`openita reminders`: e-mail the actors of calendar phases that end in 7, 3 or 1 days."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openita.core.reminder_command import ReminderCommand
from openita.timeline import services


class Command(ReminderCommand):
    help = (
        "E-mail a reminder to the people who act in each calendar phase that ends in "
        "7, 3 or 1 days. Safe to run more than once a day: nobody gets the same mail twice."
    )

    def send(self, day: dt.date, *, dry_run: bool) -> list[Any]:
        return services.send_reminders(day, dry_run=dry_run)

    def describe(self, r: Any) -> str:
        return (
            f"FY{r.phase.fiscal_year} {r.phase.kind} ends {r.phase.ends_on} "
            f"({r.days_left} d) → {r.user.email}"
        )
