"""Background tasks of the workspace: thin, take ids, call one service, safe to run twice."""

from __future__ import annotations

from django.conf import settings
from django.tasks import task

from openita.lib import safehttp


@task()
def check_link(link_id: int) -> str:
    """Check one evidence link and store the result."""
    from openita.disclosure.models import EvidenceLink
    from openita.disclosure.services import record_check

    url = EvidenceLink.objects.filter(pk=link_id).values_list("url", flat=True).first()
    if url is None:
        return "gone"
    probe = safehttp.probe(
        url,
        allow_private=settings.OPENITA_FETCH_ALLOW_PRIVATE,
        timeout=settings.OPENITA_FETCH_TIMEOUT,
    )
    record_check(link_id, probe)
    return probe.outcome


@task()
def capture_link_task(link_id: int, response_set_id: int) -> str:
    """Capture one submitted link (what it returns at submission time)."""
    from openita.disclosure.services import capture_link

    capture = capture_link(link_id, response_set_id)
    return capture.outcome if capture is not None else "gone"


@task()
def recheck_stale_links() -> int:
    """Queue a check of every stale link of an open response set; returns how many."""
    from openita.disclosure.services import recheck_stale_links as recheck

    return recheck()
