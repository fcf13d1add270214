"""`openita scheduler`: enqueue the periodic jobs of OPENITA_PERIODIC when they are due.

Wakes at the start of every minute. Any number may run, on any machines: each run of a job is
enqueued once (PeriodicRun). The tasks go to the configured django.tasks backend, so a worker
(`openita db_worker` or `openita rq_worker`) must run too.
"""

from __future__ import annotations

import signal
import threading
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.utils import timezone

from openita.core.taskqueue import periodic


class Command(BaseCommand):
    help = (
        "Enqueue the periodic jobs (reminders, link re-checks, site re-checks) when due, every "
        "minute. Safe to run on several machines: each run is enqueued once."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="enqueue what is due now, stop")

    def handle(self, *args: Any, once: bool = False, **options: Any) -> None:
        try:
            jobs = periodic.jobs()
        except periodic.ScheduleError as exc:
            raise CommandError(f"OPENITA_PERIODIC: {exc}") from None
        self.verbosity = options.get("verbosity", 1)
        if once:
            self.tick(jobs)
            return
        stop = threading.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stop.set())
        self.say(f"scheduler: {len(jobs)} periodic job(s): {', '.join(j.name for j in jobs)}")
        while not stop.is_set():
            close_old_connections()
            self.tick(jobs)
            stop.wait(60 - time.time() % 60 + 0.5)  # just after the next minute starts

    def tick(self, jobs: list[periodic.PeriodicJob]) -> None:
        now = timezone.now()
        for run in periodic.enqueue_due(jobs, now):
            self.say(f"enqueued: {run.job} for {timezone.localtime(run.slot):%Y-%m-%d %H:%M}")
        periodic.prune(now)

    def say(self, line: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(line)
