"""Writes of the site pre-check: ask for a check, run it, and read the latest results.

A check moves queued → running → done (with its report) or failed (with the reason). Each
move writes an audit entry (``sitecheck.*``). The crawl itself is ``run.check_site``; this
module gives it a database store and a progress callback and keeps what it returns.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from openita.agencies import access
from openita.audit.services import log_action
from openita.disclosure.models import EvidenceLink
from openita.frameworks.services import document_of
from openita.sitecheck.crawl.settings import CrawlSettings
from openita.sitecheck.errors import AlreadyRunning, NotAllowed, NoWebsite
from openita.sitecheck.models import ACTIVE_STATUSES, CheckStatus, SiteCheck, Trigger
from openita.sitecheck.pages import DatabaseStore, clean
from openita.sitecheck.report import ItemResult, SiteReport, from_json, to_json

logger = logging.getLogger(__name__)

# A check queued or running for this long was left behind by a worker that stopped; it is
# marked failed so that it no longer blocks new checks of the same site.
STALE_AFTER = dt.timedelta(hours=6)
# Progress is written at most this often: a fast crawl must not become a stream of UPDATEs.
PROGRESS_EVERY_S = 1.0
ERROR_LIMIT = 2000
EXTRA_URL_LIMIT = 300  # evidence links handed to the crawler besides the site's own pages


def crawl_settings(page_limit: int | None = None) -> CrawlSettings:
    """The crawler's settings for this deployment (SSRF guard, time-out, page limit)."""
    limit = page_limit or settings.OPENITA_SITECHECK_MAX_PAGES
    return replace(
        CrawlSettings(),
        max_pages=max(1, limit),
        allow_private=settings.OPENITA_FETCH_ALLOW_PRIVATE,
        timeout_s=float(settings.OPENITA_FETCH_TIMEOUT),
    )


def check_site(url: str, framework: Any, **options: Any) -> SiteReport:
    """The crawler's entry point, imported when first used (tests replace this function)."""
    from openita.sitecheck.run import check_site as crawl_and_judge

    return crawl_and_judge(url, framework, **options)


def _ensure_coordinator(by: Any, agency: Any) -> None:
    if by is None:  # system callers: the weekly monitor, commands
        return
    if not access.is_coordinator(by, agency):
        raise NotAllowed()


def _active(agency: Any, framework: Any) -> Any:
    return SiteCheck.objects.filter(agency=agency, framework=framework, status__in=ACTIVE_STATUSES)


def request_check(
    agency: Any, framework: Any, *, by: Any, trigger: str = Trigger.MANUAL
) -> SiteCheck:
    """Queue a pre-check of the agency's website against a framework.

    1. Refuse a user who is not the agency's coordinator (system callers pass ``by=None``)
       and an agency without a website address.
    2. Mark as failed any check of the same site left queued or running for STALE_AFTER.
    3. Refuse while another check of the agency and framework is queued or running; the
       partial unique constraint settles two simultaneous requests.
    4. Create the check, audit ``sitecheck.requested`` and enqueue the task on commit.
    """
    _ensure_coordinator(by, agency)
    website = (agency.website or "").strip()
    if not website:
        raise NoWebsite()
    try:
        with transaction.atomic():
            _expire_stale(agency, framework)
            if _active(agency, framework).exists():
                raise AlreadyRunning()
            check = SiteCheck.objects.create(
                agency=agency,
                framework=framework,
                start_url=website[:2000],
                trigger=trigger,
                page_limit=crawl_settings().max_pages,
                requested_by=by if getattr(by, "pk", None) else None,
            )
            log_action(
                check,
                "sitecheck.requested",
                user=by,
                after={"url": website, "framework": framework.code, "trigger": trigger},
            )
            transaction.on_commit(lambda: _enqueue_run(check.pk))
    except IntegrityError as exc:
        raise AlreadyRunning() from exc
    return check


def _enqueue_run(check_id: int) -> None:
    from openita.sitecheck.tasks import run_sitecheck

    run_sitecheck.enqueue(check_id)


def _expire_stale(agency: Any, framework: Any) -> None:
    cutoff = timezone.now() - STALE_AFTER
    for check in _active(agency, framework).filter(created_at__lt=cutoff).select_for_update():
        _set_failed(check, "The check was interrupted (no result after several hours).")


class ProgressRecorder:
    """The crawler's progress callback: stores ``pages_done`` at most once per ``every`` s."""

    def __init__(
        self,
        check_id: int,
        *,
        every: float = PROGRESS_EVERY_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.check_id = check_id
        self.every = every
        self.clock = clock
        self.last: float | None = None

    def __call__(self, pages_done: int, page_limit: int) -> None:
        now = self.clock()
        if self.last is not None and now - self.last < self.every:
            return
        self.last = now
        SiteCheck.objects.filter(pk=self.check_id, status=CheckStatus.RUNNING).update(
            pages_done=max(pages_done, 0), page_limit=max(page_limit, 1)
        )


def run_check(check_id: int) -> SiteCheck | None:
    """Run a queued check; None when it is not queued (already run, running or gone).

    1. Claim the check (queued → running) in one UPDATE, so a repeated task does nothing.
    2. Crawl and judge with a DatabaseStore (pages) and a ProgressRecorder (progress bar);
       the agency's evidence links are read too, wherever they are hosted.
    3. Keep the report and its counts (done), or the reason it stopped (failed); audit it.
    4. After a weekly check, queue the regression mails (``monitor.notify_regressions``).
    """
    check = _claim(check_id)
    if check is None:
        return None
    store = DatabaseStore(check.pk)
    try:
        report = check_site(
            check.start_url,
            document_of(check.framework),
            settings=crawl_settings(check.page_limit),
            store=store,
            progress=ProgressRecorder(check.pk),
            extra_urls=_evidence_urls(check),
        )
        store.flush()
        data, counts = clean(to_json(report)), report.counts()
    except Exception as exc:  # any crawler failure ends the check, never the worker
        logger.exception("site pre-check %s failed", check.pk)
        return _fail_after_crash(check, store, exc)
    return _finish(check, report, data, counts)


def _evidence_urls(check: SiteCheck) -> list[str]:
    """The agency's own evidence links for the framework: read even when no page links them."""
    urls = EvidenceLink.objects.filter(
        response__response_set__agency=check.agency,
        response__response_set__framework=check.framework,
    ).values_list("url", flat=True)
    return list(dict.fromkeys(urls.order_by("pk")))[:EXTRA_URL_LIMIT]


def _claim(check_id: int) -> SiteCheck | None:
    with transaction.atomic():
        claimed = SiteCheck.objects.filter(pk=check_id, status=CheckStatus.QUEUED).update(
            status=CheckStatus.RUNNING, started_at=timezone.now()
        )
        if not claimed:
            return None
        check = SiteCheck.objects.select_related("agency", "framework").get(pk=check_id)
        log_action(
            check,
            "sitecheck.started",
            user=None,
            before={"status": CheckStatus.QUEUED},
            after={"status": CheckStatus.RUNNING},
        )
    return check


@transaction.atomic
def _finish(
    check: SiteCheck, report: SiteReport, data: dict[str, Any], counts: dict[str, int]
) -> SiteCheck | None:
    updated = SiteCheck.objects.filter(pk=check.pk).update(
        status=CheckStatus.DONE,
        finished_at=timezone.now(),
        report=data,
        counts=counts,
        pages_done=report.pages_fetched,
        error="",
    )
    if not updated:  # the agency was removed while its site was crawled
        return None
    check.refresh_from_db()
    log_action(
        check,
        "sitecheck.done",
        user=None,
        before={"status": CheckStatus.RUNNING},
        after={"status": CheckStatus.DONE, "counts": counts, "pages": report.pages_fetched},
    )
    if check.trigger == Trigger.WEEKLY:
        transaction.on_commit(lambda: _enqueue_notify(check.pk))
    return check


def _enqueue_notify(check_id: int) -> None:
    from openita.sitecheck.tasks import notify_regressions

    notify_regressions.enqueue(check_id)


def _fail_after_crash(check: SiteCheck, store: DatabaseStore, exc: Exception) -> SiteCheck | None:
    try:
        store.flush()  # the pages fetched before the failure still show what was reached
    except Exception:
        logger.exception("pages of site pre-check %s could not be stored", check.pk)
    message = str(exc).strip() or type(exc).__name__
    with transaction.atomic():
        row = SiteCheck.objects.select_for_update().filter(pk=check.pk).first()
        if row is None:
            return None
        return _set_failed(row, message)


def _set_failed(check: SiteCheck, message: str) -> SiteCheck:
    """Mark a check failed and audit it; call inside a transaction holding the row."""
    before = check.status
    message = clean(message)[:ERROR_LIMIT]
    SiteCheck.objects.filter(pk=check.pk).update(
        status=CheckStatus.FAILED, finished_at=timezone.now(), error=message
    )
    check.refresh_from_db()
    log_action(
        check,
        "sitecheck.failed",
        user=None,
        before={"status": before},
        after={"status": CheckStatus.FAILED},
        data={"error": message},
    )
    return check


# --- reading the results ----------------------------------------------------------------


def latest_check(agency: Any, framework: Any) -> SiteCheck | None:
    """The newest check of any status (for progress), without its report."""
    return (
        SiteCheck.objects.filter(agency=agency, framework=framework)
        .defer("report")
        .order_by("-created_at", "-pk")
        .first()
    )


def latest_done(agency: Any, framework: Any, *, before: SiteCheck | None = None) -> Any:
    """The newest finished check, or the newest one finished before ``before``."""
    checks = SiteCheck.objects.filter(agency=agency, framework=framework, status=CheckStatus.DONE)
    if before is not None:
        at = before.created_at
        checks = checks.filter(Q(created_at__lt=at) | Q(created_at=at, pk__lt=before.pk))
    return checks.order_by("-created_at", "-pk").first()


def report_of(check: SiteCheck | None) -> SiteReport | None:
    """The stored report as a SiteReport; None when there is none or it cannot be read."""
    if check is None or not check.report:
        return None
    try:
        return from_json(check.report)
    except (TypeError, KeyError, AttributeError):
        logger.warning("site pre-check %s holds an unreadable report", check.pk)
        return None


def latest_report(agency: Any, framework: Any) -> SiteReport | None:
    """The report of the newest finished check of the agency's site for a framework."""
    return report_of(latest_done(agency, framework))


def findings_by_item(report: SiteReport | None) -> dict[str, ItemResult]:
    """Each item's result by item code (the framework's normalised codes, ``O1``…)."""
    if report is None:
        return {}
    return {item.code: item for item in report.items}
