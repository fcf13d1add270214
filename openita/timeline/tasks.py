"""Background tasks of the calendar: thin, take plain values, call one service, safe to rerun."""

from __future__ import annotations

import datetime as dt

from django.tasks import task


@task()
def send_reminders(date_iso: str) -> int:
    """Send the reminders due on one day (``YYYY-MM-DD``); returns the number of mails sent.

    Running it twice on the same day sends nothing the second time (see ReminderSent).
    """
    from openita.timeline import services

    return len(services.send_reminders(dt.date.fromisoformat(date_iso)))
