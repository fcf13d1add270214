"""The RQ backend of django.tasks against the real local Redis, with in-process burst workers."""

from __future__ import annotations

import datetime as dt
import time
from http.server import BaseHTTPRequestHandler
from io import StringIO
from typing import Any

import pytest
import rq.scheduler
from django.core.management import CommandError, call_command
from django.tasks import TaskResultStatus, task_backends
from django.tasks.exceptions import InvalidTask, TaskResultDoesNotExist
from django.tasks.signals import task_finished, task_started
from django.utils import timezone
from rq.registry import ScheduledJobRegistry

from openita.core.taskqueue.rq_backend import RQBackend
from openita.disclosure import services
from openita.disclosure.models import EvidenceLink
from openita.disclosure.tasks import check_link
from tests.core import sample_tasks
from tests.core.conftest import REDIS_URL, RQ_BACKEND, work
from tests.support import local_server

# The worker tidies database connections around each job, as a request would.
pytestmark = [pytest.mark.usefixtures("worker_signals"), pytest.mark.django_db]


def test_it_runs_a_task_through_redis_and_reports_its_result(rq_backend):
    seen = []

    def record(sender, task_result, **kwargs):
        seen.append((sender, task_result.status))

    task_started.connect(record)
    task_finished.connect(record)
    try:
        result = sample_tasks.add.using(backend="rq").enqueue(2, 3)
        assert (result.status, result.backend, result.args) == ("READY", "rq", [2, 3])
        assert result.enqueued_at is not None and result.started_at is None
        assert rq_backend.queue("default").job_ids == [result.id]
        assert work(rq_backend) is True
    finally:
        task_started.disconnect(record)
        task_finished.disconnect(record)
    done = rq_backend.get_result(result.id)
    assert (done.status, done.return_value) == (TaskResultStatus.SUCCESSFUL, 5)
    assert done.enqueued_at <= done.started_at <= done.finished_at
    assert done.attempts == 1 and done.errors == []
    assert done.task.func is sample_tasks.add.func and done.task.backend == "rq"
    assert seen == [(RQBackend, "RUNNING"), (RQBackend, "SUCCESSFUL")]
    result.refresh()
    assert (result.status, result.return_value) == ("SUCCESSFUL", 5)
    assert sample_tasks.add.using(backend="rq").get_result(result.id).id == result.id


def test_it_records_a_failure_with_its_exception_and_traceback(rq_backend):
    result = sample_tasks.fail.using(backend="rq").enqueue("the site is down")
    work(rq_backend)
    failed = rq_backend.get_result(result.id)
    assert failed.status == TaskResultStatus.FAILED and failed.finished_at is not None
    [error] = failed.errors
    assert error.exception_class is ValueError
    assert "the site is down" in error.traceback and "sample_tasks.py" in error.traceback
    with pytest.raises(ValueError, match="Task failed"):
        _ = failed.return_value


def test_it_checks_a_real_link_queued_on_commit_through_rq(
    rq_options, settings, response_set_a, coordinator, django_capture_on_commit_callbacks
):
    settings.TASKS = {
        **settings.TASKS,
        "default": {
            "BACKEND": RQ_BACKEND,
            "QUEUES": ["default"],
            "OPTIONS": rq_options,
        },
    }
    backend = task_backends["default"]
    item = response_set_a.responses.get(item__code="O1")
    queue = backend.queue("default")
    with local_server(_Pages) as server:
        with django_capture_on_commit_callbacks(execute=True):
            link = services.add_link(item, by=coordinator, url=f"{server}/structure")
            assert queue.count == 0  # nothing is queued before the change commits
        [job_id] = queue.job_ids
        assert EvidenceLink.objects.get(pk=link.pk).checked_at is None
        work(backend)
    done = check_link.get_result(job_id)
    assert (done.status, done.return_value, done.args) == ("SUCCESSFUL", "ok", [link.pk])
    checked = EvidenceLink.objects.get(pk=link.pk)
    assert (checked.check_outcome, checked.check_status) == ("ok", 200)


class _Pages(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        body = "<html><body><h1>โครงสร้างหน่วยงาน</h1></body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_it_holds_a_deferred_task_until_its_time(rq_backend, monkeypatch):
    later = timezone.now() + dt.timedelta(hours=1)
    result = sample_tasks.add.using(backend="rq", run_after=later).enqueue(1, 1)
    registry = ScheduledJobRegistry(queue=rq_backend.queue("default"))
    assert result.status == "READY" and registry.get_job_ids() == [result.id]
    assert result.task.run_after == later
    work(rq_backend)
    assert rq_backend.get_result(result.id).status == "READY"  # not due yet
    in_an_hour = int(time.time()) + 3601
    monkeypatch.setattr(rq.scheduler, "current_timestamp", lambda: in_an_hour)
    work(rq_backend)
    done = rq_backend.get_result(result.id)
    assert (done.status, done.return_value) == ("SUCCESSFUL", 2)
    assert done.task.run_after == later and registry.get_job_ids() == []


def test_it_runs_a_task_whose_time_has_passed_at_once(rq_backend):
    earlier = timezone.now() - dt.timedelta(minutes=5)
    result = sample_tasks.add.using(backend="rq", run_after=earlier).enqueue(4, 4)
    assert rq_backend.queue("default").job_ids == [result.id]


def test_it_puts_a_high_priority_task_at_the_front_of_its_queue(rq_backend):
    add = sample_tasks.add.using(backend="rq")
    normal = add.enqueue(1, 1)
    low = add.using(priority=-20).enqueue(2, 2)
    urgent = add.using(priority=50).enqueue(3, 3)
    queue = rq_backend.queue("default")
    assert queue.job_ids == [urgent.id, normal.id, low.id]
    assert rq_backend.get_result(urgent.id).task.priority == 50


def test_it_refuses_arguments_that_are_not_json(rq_backend):
    add = sample_tasks.echo.using(backend="rq")
    with pytest.raises(TypeError, match="JSON values"):
        add.enqueue(dt.date(2025, 1, 1))
    with pytest.raises(TypeError, match="JSON values"):
        add.enqueue(when=timezone.now())
    with pytest.raises(TypeError, match="JSON values"):
        add.enqueue(float("nan"))
    assert rq_backend.queue("default").count == 0
    result = add.enqueue((1, "สอง"), flags={"a": [True, None]})  # a tuple becomes a list
    work(rq_backend)
    assert rq_backend.get_result(result.id).return_value == {
        "args": [[1, "สอง"]],
        "kwargs": {"flags": {"a": [True, None]}},
    }


def test_it_runs_async_tasks_and_passes_the_context(rq_backend):
    doubled = sample_tasks.double.using(backend="rq").enqueue(21)
    counted = sample_tasks.attempt.using(backend="rq").enqueue("x")
    work(rq_backend)
    assert rq_backend.get_result(doubled.id).return_value == 42
    assert rq_backend.get_result(counted.id).return_value == {
        "label": "x",
        "attempt": 1,
        "id": counted.id,
    }


def test_it_keeps_one_rq_queue_per_task_queue(rq_backend, rq_options):
    slow = sample_tasks.add.using(backend="rq", queue_name="slow").enqueue(5, 5)
    assert rq_backend.queue("slow").name == f"{rq_options['QUEUE_PREFIX']}slow"
    assert rq_backend.queue("slow").job_ids == [slow.id]
    work(rq_backend, "default")
    assert rq_backend.get_result(slow.id).status == "READY"
    work(rq_backend, "slow")
    assert rq_backend.get_result(slow.id).return_value == 10
    with pytest.raises(InvalidTask, match="Queue 'other' is not valid"):
        sample_tasks.add.using(backend="rq", queue_name="other")


def test_it_knows_only_its_own_results(rq_backend, rq_options, settings):
    with pytest.raises(TaskResultDoesNotExist):
        rq_backend.get_result("no-such-job")
    foreign = f"{rq_options['QUEUE_PREFIX']}foreign"  # a job of another program, pickled
    rq_backend.connection.hset(
        f"rq:job:{foreign}", mapping={"data": b"\x80pickled", "status": "queued"}
    )
    with pytest.raises(TaskResultDoesNotExist):
        rq_backend.get_result(foreign)
    settings.TASKS = {**settings.TASKS, "rq2": {**settings.TASKS["rq"]}}
    result = sample_tasks.add.using(backend="rq").enqueue(1, 2)
    with pytest.raises(TaskResultDoesNotExist):
        task_backends["rq2"].get_result(result.id)  # same Redis, another backend's job


def test_the_worker_command_runs_the_queued_tasks(rq_backend):
    result = sample_tasks.add.using(backend="rq").enqueue(20, 22)
    out = StringIO()
    call_command("rq_worker", "--backend", "rq", "--burst", "--simple", stdout=out)
    assert f"RQ worker on {REDIS_URL}, queues ['default', 'slow']" in out.getvalue()
    assert rq_backend.get_result(result.id).return_value == 42


def test_the_worker_command_refuses_another_backend_or_an_unknown_queue(rq_backend):
    with pytest.raises(CommandError, match="not the RQ backend"):
        call_command("rq_worker", "--burst")  # the test settings' default is the immediate one
    with pytest.raises(CommandError, match="Unknown queue"):
        call_command("rq_worker", "--backend", "rq", "--queues", "nope", "--burst")


@pytest.mark.parametrize(
    ("url", "expected"),
    [("redis://127.0.0.1:1/0", "openita.W002"), ("http://127.0.0.1/", "openita.E005")],
)
def test_it_warns_at_start_up_when_redis_cannot_be_used(settings, url, expected):
    settings.TASKS = {
        **settings.TASKS,
        "rq": {"BACKEND": RQ_BACKEND, "OPTIONS": {"REDIS_URL": url}},
    }
    messages = task_backends["rq"].check()
    assert [m.id for m in messages] == [expected]
    assert "rq" in messages[0].msg


def test_it_hides_the_redis_password_in_messages(settings):
    settings.TASKS = {
        **settings.TASKS,
        "rq": {"BACKEND": RQ_BACKEND, "OPTIONS": {"REDIS_URL": "redis://:s3cret@127.0.0.1:1/0"}},
    }
    [message] = task_backends["rq"].check()
    assert "s3cret" not in message.msg and ":***@127.0.0.1:1" in message.msg
