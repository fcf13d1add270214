"""`openita reminders`: e-mail the actors of calendar phases that end in 7, 3 or 1 days."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from openita.timeline import services


class Command(BaseCommand):
    help = (
        "E-mail a reminder to the people who act in each calendar phase that ends in "
        "7, 3 or 1 days. Safe to run more than once a day: nobody gets the same mail twice."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--date",
            help="act as on this day, YYYY-MM-DD in the Christian era (default: today in Bangkok)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="list the mails without sending them"
        )

    def handle(
        self, *args: Any, date: str | None = None, dry_run: bool = False, **options: Any
    ) -> None:
        day = _parse_date(date) or timezone.localdate()
        reminders = services.send_reminders(day, dry_run=dry_run)
        verb = "to send (dry run)" if dry_run else "sent"
        if options.get("verbosity", 1) >= 1:
            for r in reminders:
                self.stdout.write(
                    f"{verb}: FY{r.phase.fiscal_year} {r.phase.kind} ends {r.phase.ends_on} "
                    f"({r.days_left} d) → {r.user.email}"
                )
        self.stdout.write(f"{len(reminders)} reminder(s) {verb} for {day.isoformat()}")


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date must be YYYY-MM-DD, not {value!r}") from None
