"""`openita rq_worker`: work the RQ queues of the django.tasks RQ backend.

Run one (or more) per worker machine. Each worker also runs RQ's scheduler, which moves tasks
enqueued with ``run_after`` to their queue when they are due (RQ lets one scheduler per queue
do this at a time, whichever worker holds its lock).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django.tasks.exceptions import InvalidTaskBackend
from rq import SimpleWorker, Worker
from rq.serializers import JSONSerializer

from openita.core.taskqueue.rq_backend import RQBackend, release_connections, safe_url

LOG_LEVELS = {0: "WARNING", 1: "INFO"}


class Command(BaseCommand):
    help = (
        "Run an RQ worker for the django.tasks RQ backend (OPENITA_TASKS_BACKEND="
        "openita.core.taskqueue.rq_backend.RQBackend), with RQ's scheduler for deferred tasks."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--queues", nargs="+", metavar="QUEUE", help="queues to work (default: all of them)"
        )
        parser.add_argument(
            "--backend", default=DEFAULT_TASK_BACKEND_ALIAS, help="task backend alias in TASKS"
        )
        parser.add_argument(
            "--burst",
            action="store_true",
            help="run the queued tasks (and the deferred ones now due), then stop",
        )
        parser.add_argument(
            "--simple",
            action="store_true",
            help="run each task in this process instead of a forked one (debugging)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        backend = _rq_backend(options["backend"])
        names = options["queues"] or sorted(backend.queues) or ["default"]
        unknown = sorted(set(names) - backend.queues) if backend.queues else []
        if unknown:
            raise CommandError(
                f"Unknown queue(s) {unknown}; the backend has {sorted(backend.queues)}"
            )
        worker_class = SimpleWorker if options["simple"] else Worker
        # A forked job must not share the parent's database connections: keep none open.
        release_connections(obsolete_only=False)
        worker = worker_class(
            [backend.queue(name) for name in names],
            connection=backend.connection,
            serializer=JSONSerializer,
        )
        if options["verbosity"] >= 1:
            self.stdout.write(f"RQ worker on {safe_url(backend.redis_url)}, queues {names}")
        worker.work(
            burst=options["burst"],
            with_scheduler=True,
            logging_level=LOG_LEVELS.get(options["verbosity"], "DEBUG"),
        )


def _rq_backend(alias: str) -> RQBackend:
    try:
        backend = task_backends[alias]
    except InvalidTaskBackend as exc:
        raise CommandError(str(exc)) from exc
    if not isinstance(backend, RQBackend):
        raise CommandError(
            f"The task backend {alias!r} is {type(backend).__module__}.{type(backend).__name__}, "
            "not the RQ backend: set OPENITA_TASKS_BACKEND="
            "openita.core.taskqueue.rq_backend.RQBackend (or use `openita db_worker`)."
        )
    return backend
