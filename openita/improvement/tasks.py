"""Background tasks of the improvement cycle: thin, take plain values, call one service."""

from __future__ import annotations

import datetime as dt

from django.tasks import task


@task()
def send_measure_reminders(date_iso: str) -> int:
    """Send the measure reminders due on one day (``YYYY-MM-DD``); returns the mails sent.

    Running it twice on the same day sends nothing the second time (see MeasureReminder).
    """
    from openita.improvement import reminders

    return len(reminders.send_measure_reminders(dt.date.fromisoformat(date_iso)))
