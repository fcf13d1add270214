"""Weekly re-checks of agencies' websites, and a mail when an item falls off a site.

``openita sitecheck_monitor`` calls ``weekly_recheck`` and is meant to run once a week (cron,
or the task worker's scheduler). When a weekly check finishes, ``services.run_check`` queues
``notify_regressions`` for it (task ``tasks.notify_regressions``).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from openita.agencies.models import Membership, Role
from openita.audit.services import log_action
from openita.core.mail import send_once
from openita.disclosure.models import ItemResponse, ResponseSet, SetStatus
from openita.lib.thaidate import format_thai_date, local_date
from openita.sitecheck import services
from openita.sitecheck.errors import SiteCheckError
from openita.sitecheck.labels import GOOD, REGRESSED, verdict_label
from openita.sitecheck.models import CheckStatus, RegressionNotice, SiteCheck, Trigger

logger = logging.getLogger(__name__)

RECHECK_AFTER = dt.timedelta(days=7)


def due_rechecks(now: dt.datetime | None = None) -> list[ResponseSet]:
    """Open response sets of agencies with a website, unchecked for RECHECK_AFTER or never."""
    cutoff = (now or timezone.now()) - RECHECK_AFTER
    newest = (
        SiteCheck.objects.filter(agency=OuterRef("agency"), framework=OuterRef("framework"))
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    return list(
        ResponseSet.objects.filter(status=SetStatus.OPEN)
        .exclude(agency__website="")
        .select_related("agency", "framework")
        .annotate(last_check=Subquery(newest))
        .filter(Q(last_check__isnull=True) | Q(last_check__lte=cutoff))
        .order_by("agency__name", "framework__code")
    )


def weekly_recheck(now: dt.datetime | None = None) -> list[SiteCheck]:
    """Queue a weekly check for every set in ``due_rechecks``; returns the queued checks."""
    queued = []
    for rs in due_rechecks(now):
        try:
            queued.append(
                services.request_check(rs.agency, rs.framework, by=None, trigger=Trigger.WEEKLY)
            )
        except SiteCheckError as exc:  # one in flight already: it will do
            logger.info("weekly pre-check of %s skipped: %s", rs.agency, exc)
    return queued


@dataclass(frozen=True)
class Regression:
    """An item that a check found (or partly found) and the next one no longer does."""

    code: str
    title: str
    before: str
    after: str
    url: str  # the item's page in the workspace, "" without a response set


@dataclass(frozen=True)
class Notice:
    """One mail: to one person, about every regressed item they answer for."""

    user: Any
    regressions: tuple[Regression, ...]


def regressions(check: SiteCheck) -> list[Regression]:
    """Items that went from found/partial in the previous finished check to a bad verdict."""
    previous = services.latest_done(check.agency, check.framework, before=check)
    old = services.findings_by_item(services.report_of(previous))
    new = services.findings_by_item(services.report_of(check))
    rs = ResponseSet.objects.filter(agency=check.agency, framework=check.framework).first()
    pages = {}
    if rs is not None:
        for code, pk in rs.responses.values_list("item__code", "uuid"):
            pages[code] = settings.SITE_URL + reverse("disclosure:item", args=[rs.uuid, pk])
    return [
        Regression(code, result.title, old[code].verdict, result.verdict, pages.get(code, ""))
        for code, result in new.items()
        if code in old and old[code].verdict in GOOD and result.verdict in REGRESSED
    ]


def _people_of_items(check: SiteCheck, codes: list[str]) -> dict[str, list[Any]]:
    """For each item code: its responsible person and its units' editors, else coordinators."""
    responses = ItemResponse.objects.filter(
        response_set__agency=check.agency,
        response_set__framework=check.framework,
        item__code__in=codes,
    ).values_list("item__code", "responsible", "units")
    editors = Membership.objects.filter(agency=check.agency, role=Role.UNIT_EDITOR).values_list(
        "units", "user"
    )
    by_unit: dict[int, set[int]] = {}
    for unit_id, user_id in editors:
        if unit_id is not None:
            by_unit.setdefault(unit_id, set()).add(user_id)
    people: dict[str, set[int]] = {code: set() for code in codes}
    for code, responsible_id, unit_id in responses:
        if responsible_id:
            people[code].add(responsible_id)
        people[code] |= by_unit.get(unit_id, set())
    coordinators = set(
        Membership.objects.filter(agency=check.agency, role=Role.COORDINATOR).values_list(
            "user", flat=True
        )
    )
    users = _mailable_users({pk for ids in people.values() for pk in ids} | coordinators)
    fallback = [users[pk] for pk in sorted(coordinators) if pk in users]
    return {
        code: [users[pk] for pk in sorted(ids) if pk in users] or fallback
        for code, ids in people.items()
    }


def _mailable_users(ids: set[int]) -> dict[int, Any]:
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(pk__in=ids, is_active=True).exclude(email="")
    return {user.pk: user for user in users}


def planned_notices(check: SiteCheck) -> list[Notice]:
    """One notice per person not yet mailed about this check, listing all their items."""
    found = regressions(check)
    people = _people_of_items(check, [r.code for r in found])
    already = set(RegressionNotice.objects.filter(site_check=check).values_list("user", flat=True))
    users: dict[int, Any] = {}
    items: dict[int, list[Regression]] = {}
    for regression in found:
        for user in people.get(regression.code, []):
            if user.pk not in already:
                users[user.pk] = user
                items.setdefault(user.pk, []).append(regression)
    return [Notice(users[pk], tuple(rows)) for pk, rows in items.items()]


def notify_regressions(check_id: int) -> list[Notice]:
    """Mail the people of each item a finished weekly check no longer finds; returns those sent.

    1. Only a finished weekly check is compared, with the newest check finished before it.
    2. An item regresses when it went from found/partial to broken, outdated or missing.
    3. Each person responsible for a regressed item (the item's responsible person and its
       units' editors, else the agency's coordinators) gets one mail listing all of theirs.
    4. Each mail is claimed in RegressionNotice before it is sent, so reruns send nothing
       again; a failed mail releases its claim. The mails of a check are audited once.
    """
    check = (
        SiteCheck.objects.select_related("agency", "framework")
        .filter(pk=check_id, status=CheckStatus.DONE, trigger=Trigger.WEEKLY)
        .first()
    )
    if check is None:
        return []
    sent = [notice for notice in planned_notices(check) if _deliver(check, notice)]
    if sent:
        log_action(
            check,
            "sitecheck.regressions_notified",
            user=None,
            data={
                "recipients": [n.user.get_username() for n in sent],
                "items": sorted({r.code for n in sent for r in n.regressions}),
            },
        )
    return sent


def _deliver(check: SiteCheck, notice: Notice) -> bool:
    subject, body = regression_message(check, notice)
    return send_once(
        RegressionNotice, {"site_check": check, "user": notice.user}, to=notice.user.email,
        subject=subject, body=body, extra={"items": [r.code for r in notice.regressions]},
    )  # fmt: skip


def _long(moment: dt.datetime | None) -> str:
    return format_thai_date(local_date(moment), style="long") if moment else "–"


def regression_message(check: SiteCheck, notice: Notice) -> tuple[str, str]:
    """Subject and body in Thai, the language of every ITA participant."""
    previous = services.latest_done(check.agency, check.framework, before=check)
    with translation.override("th"):
        lines = [
            f"  • {r.code} {r.title}: {verdict_label(r.before)} → {verdict_label(r.after)}"
            + (f"\n    {r.url}" if r.url else "")
            for r in notice.regressions
        ]
        values = {
            "n": len(notice.regressions),
            "name": str(notice.user),
            "agency": check.agency.name,
            "site": check.start_url,
            "date": _long(check.finished_at),
            "previous": _long(previous.finished_at if previous else None),
            "items": "\n".join(lines),
            "url": f"{settings.SITE_URL}/",
        }
        subject = ngettext(
            "OpenITA: %(n)s OIT item needs attention on %(site)s",
            "OpenITA: %(n)s OIT items need attention on %(site)s",
            values["n"],
        )
        body = _(
            "Dear %(name)s,\n\nThe weekly pre-check of the website of %(agency)s (%(site)s) "
            "on %(date)s no longer finds these OIT items as the check of %(previous)s did:\n\n"
            "%(items)s\n\nThis is an automatic pre-check that helps keep the site up to date; "
            "it is not a score. Please open each item and look at its page on the website and "
            "at its evidence links.\n\nOpenITA: %(url)s\n"
        )
        return subject % values, body % values
