"""Link checks and submission captures, run as tasks against a local server only.

The default task backend in the test settings runs a task at once, and the services enqueue
tasks on commit, so each test wraps its change in ``django_capture_on_commit_callbacks``.
One test runs the embedded database backend with its worker command instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import signal
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from openita.audit.models import AuditEntry
from openita.disclosure import services
from openita.disclosure.models import (
    EvidenceCapture,
    EvidenceLink,
    ItemResponse,
    ItemStatus,
    ResponseSet,
    SetStatus,
)
from openita.disclosure.tasks import capture_link_task, check_link, recheck_stale_links
from tests.support import local_server

OK_HTML = "<!doctype html><html><body><h1>โครงสร้างหน่วยงาน</h1></body></html>".encode()
NEWS_HTML = "<!doctype html><html><body><h1>ข่าวประชาสัมพันธ์</h1></body></html>".encode()
LOGIN_HTML = (
    b"<!doctype html><html><body><form method=post><input name=user>"
    b"<input type='password' name=pw></form></body></html>"
)
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
PAGES = {
    "/ok": (200, "text/html; charset=utf-8", OK_HTML),
    "/news": (200, "text/html; charset=utf-8", NEWS_HTML),
    "/doc.pdf": (200, "application/pdf", PDF),
    "/login": (200, "text/html; charset=utf-8", LOGIN_HTML),
    "/members": (200, "text/html; charset=utf-8", LOGIN_HTML),  # a password form, any path
    "/gone": (404, "text/html", b"<html><body>not found</body></html>"),
}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep the test output clean

    def do_GET(self) -> None:
        status, content_type, body = PAGES.get(self.path, PAGES["/gone"])
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server(_Handler) as url:
        yield url


def item(response_set: ResponseSet, code: str) -> ItemResponse:
    return response_set.responses.select_related("item", "response_set__agency").get(
        item__code=code
    )


def sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


# --- link checks ----------------------------------------------------------------------


def test_it_checks_each_new_link_once_the_change_commits(
    response_set_a, coordinator, server, django_capture_on_commit_callbacks
):
    expected = {
        "/ok": ("ok", 200),
        "/gone": ("broken", 404),
        "/login": ("login_required", 200),
        "/members": ("login_required", 200),
        "/doc.pdf": ("ok", 200),
    }
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        links = {
            path: services.add_link(item(response_set_a, "O1"), by=coordinator, url=server + path)
            for path in expected
        }
        # Nothing is fetched before the change commits.
        assert not EvidenceLink.objects.filter(checked_at__isnull=False).exists()
    assert len(callbacks) == len(expected)
    for path, (outcome, status) in expected.items():
        link = EvidenceLink.objects.get(pk=links[path].pk)
        assert (link.check_outcome, link.check_status) == (outcome, status), path
        assert link.checked_at is not None
        assert link.check_final_url == server + path
        assert link.check_content_type == PAGES[path][1]
    assert EvidenceLink.objects.get(pk=links["/doc.pdf"].pk).check_content_length == len(PDF)


def test_it_audits_a_recheck_only_when_the_outcome_changes(
    response_set_a, coordinator, server, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        link = services.add_link(item(response_set_a, "O1"), by=coordinator, url=f"{server}/ok")
    first = EvidenceLink.objects.get(pk=link.pk).checked_at
    with django_capture_on_commit_callbacks(execute=True):
        assert services.request_checks([link]) == 1
    again = EvidenceLink.objects.get(pk=link.pk)
    assert again.check_outcome == "ok"
    assert again.checked_at >= first
    entries = AuditEntry.objects.filter(action="oit.link_checked", object_id=str(link.pk))
    assert [(e.before, e.after) for e in entries.all()] == [
        ({"outcome": ""}, {"outcome": "ok", "status": 200})
    ]
    # The SSRF guard also holds at check time: a stored local link is no longer fetched.
    settings.OPENITA_FETCH_ALLOW_PRIVATE = False
    with django_capture_on_commit_callbacks(execute=True):
        services.request_checks([link])
    blocked = EvidenceLink.objects.get(pk=link.pk)
    assert (blocked.check_outcome, blocked.check_status) == ("blocked", None)
    assert [(e.before, e.after) for e in entries.order_by("pk")][1:] == [
        ({"outcome": "ok"}, {"outcome": "blocked", "status": None})
    ]


def test_it_clears_needs_recheck_once_a_carried_link_is_checked(
    response_set_a, agency_a, coordinator, server, django_capture_on_commit_callbacks
):
    from openita.frameworks import schema
    from openita.frameworks import services as frameworks
    from tests.conftest import FIXTURES

    services.add_link(item(response_set_a, "O1"), by=coordinator, url=f"{server}/ok")
    next_fw, _ = frameworks.install(
        schema.load_yaml(FIXTURES / "mini-2567.yaml"), source="mini", by=None
    )
    rs = services.start_response_set(agency_a, next_fw, by=coordinator)
    carried = EvidenceLink.objects.get(response__response_set=rs)
    assert carried.needs_recheck is True
    with django_capture_on_commit_callbacks(execute=True):
        services.request_checks(EvidenceLink.objects.filter(response__response_set=rs))
    carried.refresh_from_db()
    assert (carried.needs_recheck, carried.check_outcome) == (False, "ok")


def test_it_gives_up_quietly_on_a_link_removed_before_its_check(
    response_set_a, coordinator, server
):
    link = services.add_link(item(response_set_a, "O1"), by=coordinator, url=f"{server}/ok")
    services.remove_link(link, by=coordinator)
    assert check_link.enqueue(link.pk).return_value == "gone"
    assert capture_link_task.enqueue(link.pk, response_set_a.pk).return_value == "gone"
    assert not AuditEntry.objects.filter(action="oit.link_checked").exists()


def test_it_rechecks_the_stale_links_of_open_sets_only(
    response_set_a, response_set_b, server, settings, django_capture_on_commit_callbacks
):
    settings.OPENITA_LINK_STALE_DAYS = 7
    now = timezone.now()

    def link(rs, path, **fields):
        return EvidenceLink.objects.create(response=item(rs, "O1"), url=server + path, **fields)

    fresh = link(response_set_a, "/ok", checked_at=now - dt.timedelta(days=6), check_outcome="ok")
    stale = {
        link(response_set_a, "/news", checked_at=now - dt.timedelta(days=8)).pk,
        link(response_set_a, "/doc.pdf").pk,  # never checked
        link(response_set_a, "/login", checked_at=now, needs_recheck=True).pk,
    }
    submitted = link(response_set_b, "/gone", checked_at=now - dt.timedelta(days=30))
    ResponseSet.objects.filter(pk=response_set_b.pk).update(status=SetStatus.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert recheck_stale_links.enqueue().return_value == 3
    assert len(callbacks) == 3
    checked = EvidenceLink.objects.filter(checked_at__gte=now)
    assert set(checked.values_list("pk", flat=True)) == stale
    assert not checked.filter(needs_recheck=True).exists()
    assert EvidenceLink.objects.get(pk=fresh.pk).checked_at == fresh.checked_at
    assert EvidenceLink.objects.get(pk=submitted.pk).check_outcome == ""


# --- the embedded database backend ----------------------------------------------------


@pytest.fixture
def worker_signals() -> Iterator[None]:
    """The worker command installs its own signal handlers; give pytest its own back."""
    names = ["SIGINT", "SIGTERM", "SIGQUIT"]
    saved = {
        name: signal.getsignal(getattr(signal, name)) for name in names if hasattr(signal, name)
    }
    yield
    for name, handler in saved.items():
        signal.signal(getattr(signal, name), handler)


def run_worker() -> None:
    call_command(
        "db_worker", "--batch", "--backend", "db", "--no-startup-delay", "--no-reload",
        "--verbosity", "0",
    )  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_it_checks_a_link_through_the_database_worker(
    response_set_a, coordinator, server, worker_signals
):
    from django_tasks_db.models import DBTaskResult

    # Created directly so that no check runs before the worker's.
    link = EvidenceLink.objects.create(response=item(response_set_a, "O1"), url=f"{server}/gone")
    result = check_link.using(backend="db").enqueue(link.pk)
    assert DBTaskResult.objects.get(id=result.id).status == "READY"
    assert EvidenceLink.objects.get(pk=link.pk).checked_at is None
    run_worker()
    done = DBTaskResult.objects.get(id=result.id)
    assert (done.status, done.return_value) == ("SUCCESSFUL", "broken")
    checked = EvidenceLink.objects.get(pk=link.pk)
    assert (checked.check_outcome, checked.check_status) == ("broken", 404)
    assert checked.checked_at is not None


@pytest.mark.django_db(transaction=True)
def test_it_queues_checks_in_the_database_when_that_is_the_default_backend(
    response_set_a, coordinator, server, settings, worker_signals
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
        "db": settings.TASKS["db"],
    }
    link = services.add_link(item(response_set_a, "O1"), by=coordinator, url=f"{server}/ok")
    # Committed at once here (no test transaction), so the task row is already queued.
    [queued] = DBTaskResult.objects.all()
    assert (queued.status, queued.args_kwargs["args"]) == ("READY", [link.pk])
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--verbosity", "0")
    assert EvidenceLink.objects.get(pk=link.pk).check_outcome == "ok"
    assert DBTaskResult.objects.get(pk=queued.pk).status == "SUCCESSFUL"


# --- captures at submission -----------------------------------------------------------


def test_it_captures_every_link_at_submission(
    response_set_a, coordinator, server, django_capture_on_commit_callbacks
):
    paths = {"O1": ["/ok", "/doc.pdf"], "O7": ["/news"], "O28": ["/ok"], "O31": ["/news"]}
    for code, item_paths in paths.items():
        for path in item_paths:
            services.add_link(item(response_set_a, code), by=coordinator, url=server + path)
        services.change_status(item(response_set_a, code), ItemStatus.APPROVED, by=coordinator)
    links = EvidenceLink.objects.filter(response__response_set=response_set_a)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.submit(response_set_a, by=coordinator)
        assert not EvidenceCapture.objects.exists()  # only once the submission commits
    assert len(callbacks) == links.count() == 5
    captures = EvidenceCapture.objects.filter(response_set=response_set_a)
    assert sorted(c.link_id for c in captures) == sorted(link.pk for link in links)
    for capture in captures.select_related("link"):
        status, content_type, body = PAGES[capture.link.url.removeprefix(server)]
        assert (capture.outcome, capture.status) == ("ok", status)
        assert capture.url == capture.final_url == capture.link.url
        assert capture.sha256 == sha256(body)
        assert (capture.size, capture.truncated) == (len(body), False)
        assert capture.headers["content-type"] == content_type
        with capture.content.open("rb") as stored:
            assert stored.read() == body
        assert capture.fetched_at is not None
    response_set_a.refresh_from_db()
    assert response_set_a.status == SetStatus.SUBMITTED
    assert set(response_set_a.responses.values_list("status", flat=True)) == {"submitted"}
    logged = AuditEntry.objects.filter(action="oit.link_captured")
    assert logged.count() == 5
    assert {e.after["sha256"] for e in logged} == {sha256(OK_HTML), sha256(PDF), sha256(NEWS_HTML)}
    assert {e.agency_id for e in logged} == {response_set_a.agency_id}


def test_it_captures_a_link_once_however_often_it_runs(response_set_a, coordinator, server):
    link = services.add_link(item(response_set_a, "O1"), by=coordinator, url=f"{server}/ok")
    first = services.capture_link(link.pk, response_set_a.pk)
    assert services.capture_link(link.pk, response_set_a.pk) == first
    assert capture_link_task.enqueue(link.pk, response_set_a.pk).return_value == "ok"
    assert EvidenceCapture.objects.count() == 1
    assert AuditEntry.objects.filter(action="oit.link_captured").count() == 1


def test_it_captures_a_broken_link_as_it_was(response_set_a, coordinator, server):
    link = services.add_link(item(response_set_a, "O1"), by=coordinator, url=f"{server}/gone")
    capture = services.capture_link(link.pk, response_set_a.pk)
    assert (capture.outcome, capture.status) == ("broken", 404)
    assert capture.sha256 == sha256(PAGES["/gone"][2])
    with capture.content.open("rb") as stored:
        assert stored.read() == PAGES["/gone"][2]
