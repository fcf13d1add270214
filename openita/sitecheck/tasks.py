"""Background tasks of the pre-check: thin, take ids, call one service, safe to run twice."""

from __future__ import annotations

from django.tasks import task


@task()
def run_sitecheck(check_id: int) -> str:
    """Crawl and judge one queued check; a check already claimed or finished is skipped."""
    from openita.sitecheck import services

    check = services.run_check(check_id)
    return check.status if check is not None else "skipped"


@task()
def notify_regressions(check_id: int) -> int:
    """Mail the people of the items a weekly check no longer finds; nobody gets it twice."""
    from openita.sitecheck import monitor

    return len(monitor.notify_regressions(check_id))


@task()
def weekly_recheck() -> int:
    """Queue a pre-check of each site whose last check is 7 days old; returns how many."""
    from openita.sitecheck import monitor

    return len(monitor.weekly_recheck())
