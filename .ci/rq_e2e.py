"""CI, end to end: OpenITA's tasks on RQ and PostgreSQL, worked by `openita rq_worker --burst`.

1. Create a scratch PostgreSQL database, empty a Redis database of its own, migrate, load the
   shipped frameworks, and serve one page on 127.0.0.1.
2. Add an evidence link through the service: on commit, the RQ backend queues its check.
3. `openita scheduler --once` enqueues the periodic jobs due now (the hourly site re-check at
   least) through the same backend.
4. `openita rq_worker --burst` (the forking worker of production, in its own process) runs it
   all; the link must be checked and every task's result read back as successful.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

POSTGRES = os.environ.get("OPENITA_CI_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "openita_ci_rq"
REDIS_URL = os.environ.get("OPENITA_CI_REDIS_URL", "redis://127.0.0.1:6379/13")

os.environ.update(
    DJANGO_SETTINGS_MODULE="openita.settings",
    DATABASE_URL=f"{POSTGRES}/{DATABASE}",
    OPENITA_TASKS_BACKEND="openita.core.taskqueue.rq_backend.RQBackend",
    OPENITA_REDIS_URL=REDIS_URL,
    OPENITA_DEBUG="1",
    OPENITA_FETCH_ALLOW_PRIVATE="1",
    OPENITA_DATA_DIR=tempfile.mkdtemp(prefix="openita-ci-rq-"),
)


class Page(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = "<html><body><h1>โครงสร้างหน่วยงาน</h1></body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def scratch_database(action: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        if action == "create":
            conn.execute(f"CREATE DATABASE {DATABASE}")


def add_link(url: str) -> str:
    """Step 2; returns the id of the queued check."""
    from django.db import transaction
    from django.tasks import task_backends

    from openita.agencies import services as agencies
    from openita.disclosure import services
    from openita.frameworks.models import Framework

    agency = agencies.create_agency(by=None, name="หน่วยงานทดสอบ CI", kind="province")
    response_set = services.start_response_set(agency, Framework.objects.first(), by=None)
    with transaction.atomic():
        services.add_link(response_set.responses.first(), by=None, url=url)
    [job_id] = task_backends["default"].queue("default").job_ids
    return str(job_id)


def main() -> None:
    import django
    import redis

    scratch_database("create")
    redis.Redis.from_url(REDIS_URL).flushdb()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("frameworks", "load", verbosity=0)
        check_id = add_link(f"http://127.0.0.1:{server.server_address[1]}/structure")
        subprocess.run([sys.executable, "-m", "openita", "scheduler", "--once"], check=True)
        subprocess.run([sys.executable, "-m", "openita", "rq_worker", "--burst"], check=True)
        verify(check_id)
    finally:
        server.shutdown()
        from django.db import connections

        connections.close_all()
        scratch_database("drop")
        redis.Redis.from_url(REDIS_URL).flushdb()


def verify(check_id: str) -> None:
    from openita.core.models import PeriodicRun
    from openita.disclosure.models import EvidenceLink
    from openita.disclosure.tasks import check_link

    check = check_link.get_result(check_id)
    link = EvidenceLink.objects.get()
    runs = list(PeriodicRun.objects.all())
    results = {run.job: check_link.get_backend().get_result(run.result_id) for run in runs}
    print(f"RQ end to end: link check {check.status} {check.return_value!r}")
    for job, result in results.items():
        print(f"RQ end to end: periodic job {job} {result.status} {result.errors or ''}")
    if (check.status, check.return_value, link.check_outcome) != ("SUCCESSFUL", "ok", "ok"):
        sys.exit(f"the link check did not succeed: {check.status} {check.errors}")
    if "site-rechecks" not in results or any(r.status != "SUCCESSFUL" for r in results.values()):
        sys.exit(f"the periodic jobs did not all run: {results}")


if __name__ == "__main__":
    main()
