"""The shape every reminder command shares: `--date`, `--dry-run`, one line per mail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class ReminderCommand(BaseCommand):
    """Subclasses say what they send (`send`), how one mail reads (`describe`) and what
    they call it (`noun`)."""

    noun = "reminder(s)"

    def send(self, day: dt.date, *, dry_run: bool) -> Sequence[Any]:
        raise NotImplementedError

    def describe(self, reminder: Any) -> str:
        raise NotImplementedError

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
        day = parse_date(date) or timezone.localdate()
        sent = self.send(day, dry_run=dry_run)
        verb = "to send (dry run)" if dry_run else "sent"
        if options.get("verbosity", 1) >= 1:
            for reminder in sent:
                self.stdout.write(f"{verb}: {self.describe(reminder)}")
        self.stdout.write(f"{len(sent)} {self.noun} {verb} for {day.isoformat()}")


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date must be YYYY-MM-DD, not {value!r}") from None
