"""Periodic jobs: slots in their time zone, due or not, each slot enqueued once."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from openita.checks import check_periodic_jobs
from openita.core.models import PeriodicRun
from openita.core.taskqueue import periodic
from tests.core.conftest import RQ_BACKEND

BANGKOK = ZoneInfo("Asia/Bangkok")
ECHO = "tests.core.sample_tasks.echo"


def at(text: str, zone: ZoneInfo = BANGKOK) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=zone)


def job(cron: str = "0 7 * * *", **entry) -> periodic.PeriodicJob:
    return periodic.parse_entry("echo", {"task": ECHO, "cron": cron, **entry})


@pytest.fixture
def db_backend(settings):
    """Tasks go to the embedded database backend, as under `make run`."""
    settings.TASKS = {**settings.TASKS, "default": settings.TASKS["db"]}


# --- slots ------------------------------------------------------------------------------------


def test_it_reads_cron_times_in_bangkok_and_keeps_slots_in_utc():
    daily = job()
    assert daily.latest_slot(at("2025-03-11 06:59:59")) == at("2025-03-10 07:00")
    slot = daily.latest_slot(at("2025-03-11 07:00:00"))
    assert slot == at("2025-03-11 07:00") and slot.tzinfo == dt.UTC
    assert slot == dt.datetime(2025, 3, 11, 0, 0, tzinfo=dt.UTC)
    assert daily.latest_slot(at("2025-03-11 00:00", dt.UTC)) == at("2025-03-11 07:00")


def test_it_passes_the_local_date_of_the_slot():
    # 01:30 in Bangkok is still the day before in UTC.
    early = job("30 1 * * *", args=["{date}", 7])
    slot = early.latest_slot(at("2025-03-11 02:00"))
    assert slot == dt.datetime(2025, 3, 10, 18, 30, tzinfo=dt.UTC)
    assert early.arguments(slot) == ["2025-03-11", 7]


def test_it_reads_a_job_in_the_time_zone_it_names():
    utc = job("0 7 * * *", timezone="UTC")
    assert utc.latest_slot(at("2025-03-11 14:30")) == dt.datetime(2025, 3, 11, 7, tzinfo=dt.UTC)


def test_it_finds_weekly_and_hourly_slots():
    monday = job("0 2 * * 1")  # 2025-03-10 is a Monday
    assert monday.latest_slot(at("2025-03-16 23:00")) == at("2025-03-10 02:00")
    hourly = job("15 * * * *")
    assert hourly.latest_slot(at("2025-03-11 10:14")) == at("2025-03-11 09:15")


# --- due or not ---------------------------------------------------------------------------------


def test_it_is_due_once_its_time_comes_and_until_it_is_enqueued(db, db_backend):
    daily = job(args=["{date}"])
    assert periodic.due([daily], at("2025-03-11 06:59")) == []  # yesterday's is past its grace
    assert periodic.due([daily], at("2025-03-11 07:00")) == [(daily, at("2025-03-11 07:00"))]
    [run] = periodic.enqueue_due([daily], at("2025-03-11 07:00:20"))
    assert (run.job, run.slot) == ("echo", at("2025-03-11 07:00"))
    queued = DBTaskResult.objects.get()
    assert str(queued.id) == run.result_id == PeriodicRun.objects.get().result_id
    assert queued.args_kwargs == {"args": ["2025-03-11"], "kwargs": {}}
    assert periodic.enqueue_due([daily], at("2025-03-11 07:01")) == []
    assert periodic.enqueue_due([daily], at("2025-03-11 18:59")) == []
    assert len(periodic.enqueue_due([daily], at("2025-03-12 07:00"))) == 1


def test_it_catches_up_a_missed_run_within_its_grace_only(db, db_backend):
    daily = job(grace_minutes=60)
    assert len(periodic.enqueue_due([daily], at("2025-03-11 07:59"))) == 1
    assert periodic.enqueue_due([daily], at("2025-03-12 08:01")) == []  # down 07:00-08:01
    assert DBTaskResult.objects.count() == 1


def test_it_enqueues_each_slot_once_when_two_schedulers_interleave(db, db_backend):
    daily, now = job(), at("2025-03-11 07:00:30")
    seen_by_a, seen_by_b = periodic.due([daily], now), periodic.due([daily], now)
    assert seen_by_a == seen_by_b == [(daily, at("2025-03-11 07:00"))]
    assert periodic.claim_and_enqueue(*seen_by_a[0]) is not None
    assert periodic.claim_and_enqueue(*seen_by_b[0]) is None  # the unique slot says no
    assert DBTaskResult.objects.count() == PeriodicRun.objects.count() == 1


@pytest.mark.skipif(
    "connection.vendor == 'sqlite'",
    reason="the in-memory SQLite test database cannot hold two writers at once; the "
    "interleaving test covers SQLite and this one runs on PostgreSQL",
)
@pytest.mark.django_db(transaction=True)
def test_it_enqueues_each_slot_once_when_schedulers_race(db_backend):
    daily, now = job(), at("2025-03-11 07:00:30")
    start = threading.Barrier(4)
    runs: list[object] = []

    def scheduler() -> None:
        try:
            start.wait()
            runs.extend(periodic.enqueue_due([daily], now))
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(runs) == 1
    assert DBTaskResult.objects.count() == PeriodicRun.objects.count() == 1


def test_it_leaves_the_slot_open_when_the_task_cannot_be_enqueued(db, settings):
    settings.TASKS = {
        **settings.TASKS,
        "default": {"BACKEND": RQ_BACKEND, "OPTIONS": {"REDIS_URL": "redis://127.0.0.1:1/0"}},
    }
    daily = job()
    assert periodic.enqueue_due([daily], at("2025-03-11 07:00")) == []  # Redis is down
    assert not PeriodicRun.objects.exists()
    settings.TASKS = {**settings.TASKS, "default": settings.TASKS["db"]}
    assert len(periodic.enqueue_due([daily], at("2025-03-11 07:01"))) == 1  # Redis is back


def test_it_forgets_old_runs(db):
    PeriodicRun.objects.create(job="echo", slot=at("2025-01-01 07:00"))
    PeriodicRun.objects.create(job="echo", slot=at("2025-03-10 07:00"))
    assert periodic.prune(at("2025-04-05 00:00")) == 1
    assert PeriodicRun.objects.get().slot == at("2025-03-10 07:00")


# --- the command ------------------------------------------------------------------------------


def test_the_command_enqueues_what_is_due_once(db, db_backend, settings):
    settings.OPENITA_PERIODIC = {"echo": {"task": ECHO, "cron": "* * * * *", "args": ["hi"]}}
    out = StringIO()
    call_command("scheduler", "--once", stdout=out)
    assert "enqueued: echo for " in out.getvalue()
    assert DBTaskResult.objects.get().args_kwargs["args"] == ["hi"]
    out = StringIO()
    call_command("scheduler", "--once", stdout=out)
    assert out.getvalue() == "" and DBTaskResult.objects.count() == 1


def test_the_default_schedule_names_real_tasks(settings):
    jobs = {j.name: j for j in periodic.jobs()}
    assert set(jobs) == {"reminders", "stale-links", "site-rechecks"}
    assert jobs["reminders"].latest_slot(at("2025-03-11 08:00")) == at("2025-03-11 07:00")
    assert jobs["reminders"].arguments(at("2025-03-11 07:00")) == ["2025-03-11"]
    assert [j.task.name for j in jobs.values()] == [
        "send_reminders",
        "recheck_stale_links",
        "weekly_recheck",
    ]


# --- start-up checks --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"task": "openita.nowhere.tasks.x", "cron": "0 7 * * *"}, "is not a django.tasks task"),
        ({"task": "openita.settings.TIME_ZONE", "cron": "0 7 * * *"}, "not a django.tasks"),
        ({"task": ECHO, "cron": "61 7 * * *"}, "cron '61 7 * * *' is not"),
        ({"task": ECHO, "cron": "0 0 7 * * *"}, "is not minute hour day month weekday"),
        ({"task": ECHO, "cron": "0 7 * * *", "timezone": "Asia/Bankok"}, "unknown time zone"),
        ({"task": ECHO, "cron": "0 7 * * *", "args": "{date}"}, "args must be a JSON list"),
        ({"task": ECHO, "cron": "0 7 * * *", "grace_minutes": 0}, "grace_minutes"),
        ({"task": ECHO, "cron": "0 7 * * *", "when": "daily"}, "got ['when']"),
        ({"task": ECHO}, "needs task and cron"),
        ("daily at 7", "must be an object"),
    ],
)
def test_it_names_a_bad_schedule_entry_at_start_up(settings, entry, problem):
    settings.OPENITA_PERIODIC = {"bad": entry, "echo": {"task": ECHO, "cron": "0 7 * * *"}}
    [error] = check_periodic_jobs(None)
    assert error.id == "openita.E004"
    assert error.msg.startswith("OPENITA_PERIODIC: bad") and problem in error.msg


def test_it_changes_the_schedule_from_the_environment(tmp_path):
    def check(value: str) -> subprocess.CompletedProcess[str]:
        env = {"OPENITA_DATA_DIR": str(tmp_path), "OPENITA_DEBUG": "1", "OPENITA_PERIODIC": value}
        return subprocess.run(
            [sys.executable, "-m", "openita", "check"],
            capture_output=True,
            text=True,
            env={**env, "PATH": "/usr/bin:/bin"},
            check=False,
        )

    moved = check('{"reminders": {"cron": "30 6 * * *"}, "stale-links": null}')
    assert moved.returncode == 0, moved.stderr
    broken = check('{"reminders": {"cron": "30 25 * * *"}}')
    assert broken.returncode != 0 and "openita.E004" in broken.stderr
    assert "reminders: cron '30 25 * * *'" in broken.stderr
    garbled = check("{reminders: off}")
    assert garbled.returncode != 0 and "openita.E003" in garbled.stderr


def test_the_command_refuses_to_start_with_a_bad_schedule(settings):
    from django.core.management import CommandError

    settings.OPENITA_PERIODIC = {"bad": {"task": ECHO, "cron": "whenever"}}
    with pytest.raises(CommandError, match="OPENITA_PERIODIC: bad: cron"):
        call_command("scheduler", "--once")
