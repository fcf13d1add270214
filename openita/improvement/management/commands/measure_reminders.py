"""`openita measure_reminders`: e-mail the people of measures that end soon without news."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from openita.improvement import reminders


class Command(BaseCommand):
    help = (
        "E-mail the people responsible for each integrity measure that ends in 14, 7 or 1 "
        "days without a recent progress update. Safe to run more than once a day."
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
        sent = reminders.send_measure_reminders(day, dry_run=dry_run)
        verb = "to send (dry run)" if dry_run else "sent"
        if options.get("verbosity", 1) >= 1:
            for r in sent:
                self.stdout.write(
                    f"{verb}: {r.measure.plan.agency.name} · {r.measure.title} ends "
                    f"{r.measure.ends_on} ({r.days_left} d) → {r.user.email}"
                )
        self.stdout.write(f"{len(sent)} measure reminder(s) {verb} for {day.isoformat()}")


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date must be YYYY-MM-DD, not {value!r}") from None
