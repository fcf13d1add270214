"""Periodic jobs (reminders, link re-checks, site re-checks) enqueued through django.tasks.

The schedule is data: ``settings.OPENITA_PERIODIC`` maps a job name to a task's import path, a
cron expression read in a time zone (Asia/Bangkok unless the entry names another), optional
JSON arguments (``"{date}"`` becomes the run's local date) and a grace in minutes.
``openita scheduler`` calls ``enqueue_due`` every minute:

1. For each job, the slot is its latest cron time at or before now.
2. A slot older than the job's grace is left alone: a scheduler that was down does not replay
   old runs, and yesterday's reminders are not sent today.
3. A slot already recorded in PeriodicRun is done.
4. Otherwise the slot is claimed by inserting PeriodicRun(job, slot) and the task is enqueued
   in the same transaction. The unique constraint on (job, slot) lets several schedulers run
   side by side on several machines: the second insert fails and that scheduler moves on. If
   the enqueue fails (Redis down), the claim is rolled back and the next minute tries again.
   The enqueue is inside the transaction, not after its commit, so that a crash between the
   two cannot lose a run; the tasks are idempotent, so the rare opposite case (enqueued, then
   the commit fails) at worst runs a job twice.

Only ``Task.enqueue`` is called, so this works with any django.tasks backend.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from croniter import croniter
from django.conf import settings
from django.db import IntegrityError, transaction
from django.tasks import Task
from django.utils import timezone
from django.utils.module_loading import import_string

from openita.core.models import PeriodicRun

logger = logging.getLogger(__name__)

DEFAULT_GRACE_MINUTES = 12 * 60
KEEP_RUNS = dt.timedelta(days=90)
KEYS = {"task", "cron", "timezone", "args", "grace_minutes"}
DATE = "{date}"


class ScheduleError(ValueError):
    """An entry of OPENITA_PERIODIC cannot be used."""


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task_path: str
    cron: str
    zone: ZoneInfo
    args: tuple[Any, ...] = ()
    grace: dt.timedelta = dt.timedelta(minutes=DEFAULT_GRACE_MINUTES)

    @property
    def task(self) -> Task:
        task = import_string(self.task_path)
        if not isinstance(task, Task):
            raise ScheduleError(f"{self.task_path} is not a django.tasks task")
        return task

    def latest_slot(self, now: dt.datetime) -> dt.datetime:
        """The latest cron time at or before now, in UTC (cron times are whole minutes)."""
        minute = now.astimezone(self.zone).replace(second=0, microsecond=0)
        slot = croniter(self.cron, minute + dt.timedelta(minutes=1)).get_prev(dt.datetime)
        return slot.astimezone(dt.UTC)

    def arguments(self, slot: dt.datetime) -> list[Any]:
        day = slot.astimezone(self.zone).date().isoformat()
        return [day if arg == DATE else arg for arg in self.args]


def parse_entry(name: Any, entry: Any) -> PeriodicJob:
    """One entry of OPENITA_PERIODIC as a PeriodicJob, or a ScheduleError saying what is wrong."""
    if not isinstance(name, str) or not 0 < len(name) <= 100:
        raise ScheduleError(f"job name {name!r} must be a text of 1 to 100 characters")
    if not isinstance(entry, Mapping):
        raise ScheduleError(f"{name}: the entry must be an object with task and cron")
    unknown = sorted(set(entry) - KEYS)
    if unknown or not {"task", "cron"} <= set(entry):
        raise ScheduleError(f"{name}: needs task and cron, may have {sorted(KEYS)}; got {unknown}")
    job = PeriodicJob(
        name=name,
        task_path=str(entry["task"]),
        cron=_cron(name, entry["cron"]),
        zone=_zone(name, entry.get("timezone", settings.TIME_ZONE)),
        args=_args(name, entry.get("args", [])),
        grace=dt.timedelta(minutes=_grace(name, entry.get("grace_minutes"))),
    )
    try:
        job.task  # noqa: B018  (imports and checks it)
    except (ImportError, ScheduleError) as exc:
        raise ScheduleError(
            f"{name}: {entry['task']!r} is not a django.tasks task ({exc})"
        ) from exc
    return job


def _cron(name: str, value: Any) -> str:
    if not isinstance(value, str) or len(value.split()) != 5 or not croniter.is_valid(value):
        raise ScheduleError(f"{name}: cron {value!r} is not minute hour day month weekday")
    return value


def _zone(name: str, value: Any) -> ZoneInfo:
    try:
        return ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ScheduleError(f"{name}: unknown time zone {value!r}") from exc


def _args(name: str, value: Any) -> tuple[Any, ...]:
    try:
        if not isinstance(value, list):
            raise TypeError("not a list")
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ScheduleError(f"{name}: args must be a JSON list ({exc})") from exc
    return tuple(value)


def _grace(name: str, value: Any) -> int:
    if value is None:
        return DEFAULT_GRACE_MINUTES
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ScheduleError(f"{name}: grace_minutes must be a whole number of minutes above 0")
    return value


def problems(config: Any) -> list[str]:
    """Every problem of a schedule, for the start-up check."""
    if not isinstance(config, Mapping):
        return ["OPENITA_PERIODIC must map job names to entries"]
    found = []
    for name, entry in config.items():
        try:
            parse_entry(name, entry)
        except ScheduleError as exc:
            found.append(str(exc))
    return found


def jobs(config: Any = None) -> list[PeriodicJob]:
    """The configured jobs; a ScheduleError names the first bad entry."""
    config = settings.OPENITA_PERIODIC if config is None else config
    if not isinstance(config, Mapping):
        raise ScheduleError("OPENITA_PERIODIC must map job names to entries")
    return [parse_entry(name, entry) for name, entry in config.items()]


def due(periodic: list[PeriodicJob], now: dt.datetime) -> list[tuple[PeriodicJob, dt.datetime]]:
    """The jobs whose latest slot is within its grace and not yet enqueued, with that slot."""
    slots = [(job, job.latest_slot(now)) for job in periodic]
    slots = [(job, slot) for job, slot in slots if now - slot <= job.grace]
    taken = set(
        PeriodicRun.objects.filter(
            job__in=[job.name for job, _ in slots], slot__in=[slot for _, slot in slots]
        ).values_list("job", "slot")
    )
    return [(job, slot) for job, slot in slots if (job.name, slot) not in taken]


def enqueue_due(periodic: list[PeriodicJob], now: dt.datetime | None = None) -> list[PeriodicRun]:
    """Claim and enqueue every due slot; returns the runs this call enqueued."""
    now = now or timezone.now()
    runs = []
    for job, slot in due(periodic, now):
        run = claim_and_enqueue(job, slot)
        if run is not None:
            runs.append(run)
    return runs


def claim_and_enqueue(job: PeriodicJob, slot: dt.datetime) -> PeriodicRun | None:
    """Enqueue one slot unless another scheduler has claimed it (step 4 above)."""
    try:
        with transaction.atomic():
            run = PeriodicRun.objects.create(job=job.name, slot=slot)
            result = job.task.enqueue(*job.arguments(slot))
            run.result_id = str(result.id)
            PeriodicRun.objects.filter(pk=run.pk).update(result_id=run.result_id)
    except IntegrityError:
        logger.info("periodic job %s at %s: enqueued by another scheduler", job.name, slot)
        return None
    except Exception:
        logger.exception("periodic job %s at %s could not be enqueued", job.name, slot)
        return None
    logger.info("periodic job %s at %s: enqueued as %s", job.name, slot, run.result_id)
    return run


def prune(now: dt.datetime | None = None) -> int:
    """Forget runs older than KEEP_RUNS (they only guard their own slot)."""
    cutoff = (now or timezone.now()) - KEEP_RUNS
    deleted, _ = PeriodicRun.objects.filter(slot__lt=cutoff).delete()
    return deleted
