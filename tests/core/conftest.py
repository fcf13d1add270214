"""The real local Redis for the RQ tests, in a database of their own.

Each test gets RQ queues of its own (the backend's QUEUE_PREFIX) and deletes its keys after
itself, so that two test runs at once (SQLite and PostgreSQL, two people) do not work or wipe
each other's tasks. A test that needs Redis is skipped when it is not running, unless
OPENITA_REQUIRE_REDIS=1 (as in CI: .ci/run), which turns the skip into a failure.
"""

from __future__ import annotations

import os
import signal
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from django.tasks import task_backends
from django.tasks.signals import task_enqueued
from rq import SimpleWorker
from rq.serializers import JSONSerializer

REDIS_URL = os.environ.get("OPENITA_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
RQ_BACKEND = "openita.core.taskqueue.rq_backend.RQBackend"


@pytest.fixture
def redis_db() -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as exc:
        client.close()
        reason = f"Redis is not reachable at {REDIS_URL} ({exc})"
        if os.environ.get("OPENITA_REQUIRE_REDIS") == "1":
            pytest.fail(f"{reason}, and OPENITA_REQUIRE_REDIS=1 requires it")
        pytest.skip(reason)
    yield client
    client.close()


@pytest.fixture
def rq_options(redis_db: redis.Redis) -> Iterator[dict[str, str]]:
    """OPTIONS of an RQ backend whose queues and jobs are this test's alone."""
    prefix = f"test-{uuid.uuid4().hex[:12]}-"
    job_ids: list[str] = []

    def remember(sender: Any, task_result: Any, **kwargs: Any) -> None:
        job_ids.append(task_result.id)

    task_enqueued.connect(remember)
    yield {"REDIS_URL": REDIS_URL, "QUEUE_PREFIX": prefix}
    task_enqueued.disconnect(remember)
    marks = [prefix, *job_ids]
    keys = [key for key in redis_db.scan_iter("rq:*") if any(m in key.decode() for m in marks)]
    if keys:
        redis_db.delete(*keys)
    queues = [q for q in redis_db.smembers("rq:queues") if prefix in q.decode()]
    if queues:
        redis_db.srem("rq:queues", *queues)


@pytest.fixture
def rq_backend(settings: Any, rq_options: dict[str, str]) -> Any:
    """The RQ backend under the alias "rq", beside the test settings' backends."""
    settings.TASKS = {
        **settings.TASKS,
        "rq": {"BACKEND": RQ_BACKEND, "QUEUES": ["default", "slow"], "OPTIONS": rq_options},
    }
    return task_backends["rq"]


@pytest.fixture
def worker_signals() -> Iterator[None]:
    """RQ's worker installs its own signal handlers; give pytest its own back."""
    names = ["SIGINT", "SIGTERM", "SIGALRM"]
    saved = {name: signal.getsignal(getattr(signal, name)) for name in names}
    yield
    for name, handler in saved.items():
        signal.signal(getattr(signal, name), handler)


def work(backend: Any, *queues: str) -> bool:
    """Run an in-process burst worker (with RQ's scheduler) on the queues; True if it worked."""
    worker = SimpleWorker(
        [backend.queue(name) for name in queues or ["default"]],
        connection=backend.connection,
        serializer=JSONSerializer,
    )
    return worker.work(burst=True, with_scheduler=True, logging_level="WARNING")
