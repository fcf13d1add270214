"""A django.tasks backend on RQ (Redis Queue), for task workers on several machines.

Why hand-written: django-tasks-rq (0.12.0, the newest) is built on the ``django_tasks`` backport
package and its ``BaseTaskBackend``, not on the ``django.tasks`` built into Django 6 that
OpenITA's tasks use (django-tasks-db supports the built-in one, RQ has no such adapter). This
module is that adapter, on the well-kept ``rq`` library:

1. ``enqueue`` validates the task and its arguments (JSON values only, as django.tasks
   requires) and puts one RQ job on the RQ queue named like the task's queue. The job calls
   ``run_task`` with the task's import path and arguments; the backend alias, priority, queue
   and ``run_after`` travel in the job's meta. A task whose ``run_after`` lies in the future
   goes to RQ's scheduled registry; a worker started with its scheduler (``openita rq_worker``
   always is) moves it to the queue when it is due.
2. ``run_task`` runs in the worker: it imports the task, runs it, sends django.tasks' started
   and finished signals and returns the JSON return value. On an exception it keeps the
   exception's class path in the job's meta and re-raises, so that RQ records the failure and
   its traceback.
3. ``get_result`` reads the job back from Redis and maps it to a ``TaskResult``: RQ's queued,
   scheduled and deferred jobs are READY, started is RUNNING, finished is SUCCESSFUL, failed,
   stopped and canceled are FAILED. Results are kept ``RESULT_TTL`` seconds (a week).

Priority is coarse: an RQ queue has one order, so a priority above 0 puts the job at the front
of its queue and any other priority at the back.

Jobs are stored as JSON (RQ's JSONSerializer), never pickled, so Redis holds readable data. A
worker still runs whatever function a job names: Redis must be private to OpenITA's machines.

OPTIONS: ``REDIS_URL`` (default ``OPENITA_REDIS_URL``), ``RESULT_TTL`` (seconds, default a
week), ``JOB_TIMEOUT`` (seconds a task may run, default 6 hours: a large site pre-check),
``QUEUE_PREFIX`` (put before each RQ queue's name, so that two installations, or two test
runs, can share one Redis database without working each other's tasks).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from collections.abc import Sequence
from traceback import format_exception
from typing import Any
from urllib.parse import urlsplit

import redis
from django.conf import settings
from django.core import checks
from django.db import connections
from django.tasks import TaskContext, TaskResult, TaskResultStatus, task_backends
from django.tasks.backends.base import BaseTaskBackend
from django.tasks.base import DEFAULT_TASK_PRIORITY, Task, TaskError
from django.tasks.exceptions import TaskResultDoesNotExist
from django.tasks.signals import task_enqueued, task_finished, task_started
from django.utils import timezone
from django.utils.json import normalize_json
from django.utils.module_loading import import_string
from rq import Queue
from rq.exceptions import DeserializationError, NoSuchJobError
from rq.job import Job, JobStatus, get_current_job
from rq.results import Result
from rq.serializers import JSONSerializer

RUN_TASK = "openita.core.taskqueue.rq_backend.run_task"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
DEFAULT_RESULT_TTL = 7 * 24 * 3600
DEFAULT_JOB_TIMEOUT = 6 * 3600

STATUSES = {
    JobStatus.CREATED: TaskResultStatus.READY,
    JobStatus.QUEUED: TaskResultStatus.READY,
    JobStatus.SCHEDULED: TaskResultStatus.READY,
    JobStatus.DEFERRED: TaskResultStatus.READY,
    JobStatus.STARTED: TaskResultStatus.RUNNING,
    JobStatus.FINISHED: TaskResultStatus.SUCCESSFUL,
    JobStatus.FAILED: TaskResultStatus.FAILED,
    JobStatus.STOPPED: TaskResultStatus.FAILED,
    JobStatus.CANCELED: TaskResultStatus.FAILED,
}


class RQBackend(BaseTaskBackend):
    supports_defer = True  # needs a worker with its scheduler: `openita rq_worker`
    supports_async_task = True  # run_task drives a coroutine to its end
    supports_get_result = True
    supports_priority = True  # coarse: above 0 goes to the front of the queue

    def __init__(self, alias: str, params: dict[str, Any]) -> None:
        super().__init__(alias, params)
        self.redis_url = str(
            self.options.get("REDIS_URL")
            or getattr(settings, "OPENITA_REDIS_URL", DEFAULT_REDIS_URL)
        )
        self.result_ttl = int(self.options.get("RESULT_TTL", DEFAULT_RESULT_TTL))
        self.job_timeout = int(self.options.get("JOB_TIMEOUT", DEFAULT_JOB_TIMEOUT))
        self.queue_prefix = str(self.options.get("QUEUE_PREFIX", ""))
        self._connection: redis.Redis | None = None

    @property
    def connection(self) -> redis.Redis:
        if self._connection is None:
            self._connection = redis.Redis.from_url(
                self.redis_url, socket_connect_timeout=5, health_check_interval=30
            )
        return self._connection

    def queue(self, name: str) -> Queue:
        """The RQ queue of a django.tasks queue name."""
        return Queue(
            self.queue_prefix + name,
            connection=self.connection,
            serializer=JSONSerializer,
            default_timeout=self.job_timeout,
        )

    def enqueue(self, task: Task, args: Sequence[Any], kwargs: dict[str, Any]) -> TaskResult:
        self.validate_task(task)
        json_args, json_kwargs = json_arguments(args, kwargs)
        options = {
            "args": [task.module_path, json_args, json_kwargs],
            "job_id": uuid.uuid4().hex,
            "meta": {
                "backend": self.alias,
                "priority": task.priority,
                "queue_name": task.queue_name,
                "run_after": task.run_after.isoformat() if task.run_after else None,
            },
            "description": describe(task.module_path, json_args, json_kwargs),
            "result_ttl": self.result_ttl,
            "failure_ttl": self.result_ttl,
            "at_front": task.priority > DEFAULT_TASK_PRIORITY,
        }
        queue = self.queue(task.queue_name)
        if task.run_after is not None and task.run_after > timezone.now():
            job = queue.enqueue_at(task.run_after, RUN_TASK, **options)
        else:
            job = queue.enqueue(RUN_TASK, **options)
        result = self.result_of(job)
        task_enqueued.send(type(self), task_result=result)
        return result

    def get_result(self, result_id: str) -> TaskResult:
        try:
            job = Job.fetch(str(result_id), connection=self.connection, serializer=JSONSerializer)
            ours = job.func_name == RUN_TASK and job.meta.get("backend") == self.alias
        except (NoSuchJobError, DeserializationError, ValueError) as exc:  # not a job of ours
            raise TaskResultDoesNotExist(result_id) from exc
        if not ours:
            raise TaskResultDoesNotExist(result_id)
        return self.result_of(job)

    def result_of(self, job: Job) -> TaskResult:
        """The django.tasks view of an RQ job of this backend."""
        task_path, args, kwargs = job.args
        status = STATUSES[job.get_status(refresh=False)]
        latest = job.latest_result() if status in _FINISHED else None
        result = TaskResult(
            task=self._task(task_path, job.meta),
            id=job.id,
            status=status,
            enqueued_at=job.created_at,
            started_at=job.started_at,
            finished_at=(job.ended_at or latest.created_at) if latest else None,
            last_attempted_at=job.started_at,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=_errors(job, latest),
            worker_ids=[job.worker_name] if job.worker_name else [],
        )
        if status == TaskResultStatus.SUCCESSFUL and latest is not None:
            object.__setattr__(result, "_return_value", latest.return_value)
        return result

    def _task(self, path: str, meta: dict[str, Any]) -> Task:
        try:
            task = import_string(path)
        except ImportError as exc:
            raise TaskResultDoesNotExist(f"{path} is not a task any more") from exc
        if not isinstance(task, Task):
            raise TaskResultDoesNotExist(f"{path} is not a task any more")
        run_after = meta.get("run_after")
        return task.using(
            priority=meta.get("priority"),
            queue_name=meta.get("queue_name"),
            run_after=dt.datetime.fromisoformat(run_after) if run_after else None,
            backend=self.alias,
        )

    def check(self, **kwargs: Any) -> list[checks.CheckMessage]:
        return [*super().check(**kwargs), *self._check_redis()]

    def _check_redis(self) -> list[checks.CheckMessage]:
        where = safe_url(self.redis_url)
        try:
            client = redis.Redis.from_url(
                self.redis_url, socket_connect_timeout=2, socket_timeout=2
            )
        except ValueError as exc:
            return [
                checks.Error(
                    f"The Redis URL of the task backend {self.alias!r} cannot be used: {exc}",
                    hint="Set OPENITA_REDIS_URL, e.g. redis://127.0.0.1:6379/0.",
                    id="openita.E005",
                )
            ]
        try:
            client.ping()
        except redis.RedisError as exc:
            return [
                checks.Warning(
                    f"The task backend {self.alias!r} cannot reach Redis at {where}: {exc}",
                    hint="Start Redis or set OPENITA_REDIS_URL: until Redis answers, nothing "
                    "can be queued (link checks, captures, site pre-checks, reminders).",
                    id="openita.W002",
                )
            ]
        finally:
            client.close()
        return []


_FINISHED = {TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED}


def json_arguments(args: Sequence[Any], kwargs: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """The arguments as JSON values; a TypeError names anything else (dates, models, NaN…)."""
    try:
        normal = normalize_json({"args": list(args), "kwargs": dict(kwargs)})
        json.dumps(normal, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise TypeError(
            "Task arguments must be JSON values (strings, numbers, booleans, None, and lists "
            f"and dicts of them); pass ids and ISO dates instead: {exc}"
        ) from exc
    return normal["args"], normal["kwargs"]


def describe(path: str, args: list[Any], kwargs: dict[str, Any]) -> str:
    """The call as RQ's dashboards and logs show it: ``path(1, "x", key=2)``."""
    shown = [json.dumps(a, ensure_ascii=False) for a in args]
    shown += [f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in kwargs.items()]
    return f"{path}({', '.join(shown)})"


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


def _errors(job: Job, latest: Result | None) -> list[TaskError]:
    if latest is None or latest.type != Result.Type.FAILED:
        return []
    traceback = latest.exc_string or ""
    path = job.meta.get("exception_class_path") or _class_in(traceback)
    return [TaskError(exception_class_path=path, traceback=traceback)]


def _class_in(traceback: str) -> str:
    """The exception class named by a traceback's last line (a job killed outside run_task)."""
    lines = [line for line in traceback.strip().splitlines() if line.strip()]
    name = lines[-1].split(":", 1)[0].strip() if lines else ""
    if not name.replace(".", "").replace("_", "").isalnum():
        return "builtins.Exception"
    return name if "." in name else f"builtins.{name}"


def run_task(task_path: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """Run one django.tasks task inside an RQ worker (the function every job of ours calls)."""
    job = get_current_job()
    if job is None:
        raise RuntimeError("run_task runs inside an RQ worker only")
    backend = task_backends[job.meta["backend"]]
    if not isinstance(backend, RQBackend):
        raise RuntimeError(f"Task backend {job.meta['backend']!r} is not an RQBackend")
    running = backend.result_of(job)
    sender = type(backend)
    release_connections(obsolete_only=True)
    task_started.send(sender=sender, task_result=running)
    try:
        context = [TaskContext(task_result=running)] if running.task.takes_context else []
        value = normalize_json(running.task.call(*context, *args, **kwargs))
    except Exception as exc:
        job.meta["exception_class_path"] = f"{type(exc).__module__}.{type(exc).__qualname__}"
        job.save_meta()
        error = TaskError(
            exception_class_path=job.meta["exception_class_path"],
            traceback="".join(format_exception(exc)),
        )
        failed = _finished(running, TaskResultStatus.FAILED, errors=[error])
        task_finished.send(sender=sender, task_result=failed)
        raise
    finally:
        release_connections(obsolete_only=False)
    done = _finished(running, TaskResultStatus.SUCCESSFUL, errors=[])
    object.__setattr__(done, "_return_value", value)
    task_finished.send(sender=sender, task_result=done)
    return value


def _finished(result: TaskResult, status: TaskResultStatus, errors: list[TaskError]) -> TaskResult:
    return dataclasses.replace(result, status=status, finished_at=timezone.now(), errors=errors)


def release_connections(*, obsolete_only: bool) -> None:
    """Close database connections around a job, like a request: a forked worker process
    would otherwise leave them open until it exits, a long-lived one let them go stale.
    A connection inside a transaction (a caller's, a test's) is left alone."""
    for connection in connections.all(initialized_only=True):
        if connection.in_atomic_block:
            continue
        if obsolete_only:
            connection.close_if_unusable_or_obsolete()
        else:
            connection.close()
