"""Records of the task machinery shared by every app."""

from __future__ import annotations

from django.db import models


class PeriodicRun(models.Model):
    """One slot of one periodic job, claimed by the scheduler that enqueued it.

    The unique constraint is what lets several schedulers run at once: only one of them can
    insert the row of a slot, and only that one enqueues the task (see taskqueue/periodic.py).
    """

    job = models.CharField(max_length=100)
    slot = models.DateTimeField()
    enqueued_at = models.DateTimeField(auto_now_add=True)
    result_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-slot", "job"]
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="core_periodicrun_once_per_slot")
        ]

    def __str__(self) -> str:
        return f"{self.job} @ {self.slot.isoformat()}"
