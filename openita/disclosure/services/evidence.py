"""Evidence of an item: links (checked in the background) and uploaded files."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openita.audit.services import log_action
from openita.disclosure import filetypes
from openita.disclosure.errors import DisclosureError
from openita.disclosure.models import (
    CheckOutcome,
    EvidenceCapture,
    EvidenceFile,
    EvidenceLink,
    ItemResponse,
    SetStatus,
)
from openita.disclosure.services.common import ensure_can_edit, ensure_open
from openita.disclosure.services.items import touch
from openita.lib import safehttp

URL_MESSAGES = {
    "malformed": _("This is not a web address. Copy the whole link, starting with https://."),
    "scheme": _("Only http:// and https:// links can be given as evidence."),
    "credentials": _("Remove the user name and password from the link."),
    "too_long": _("This link is too long (more than 2,000 characters)."),
    "private_address": _(
        "This link points to a private or internal network address that assessors cannot "
        "open. Give the public address of the page."
    ),
    "unresolvable": _("The web address's host name does not exist."),
}


def clean_url(url: str) -> str:
    """The normalised URL, or a DisclosureError with a message people understand."""
    try:
        cleaned = safehttp.validate_url(url)
    except safehttp.UnsafeURL as exc:
        if exc.code == "private_address" and settings.OPENITA_FETCH_ALLOW_PRIVATE:
            return url.strip()
        raise DisclosureError(URL_MESSAGES.get(exc.code, URL_MESSAGES["malformed"])) from exc
    return cleaned


@transaction.atomic
def add_link(
    response: ItemResponse, *, by: Any, url: str, label: str = "", menu_path: str = ""
) -> EvidenceLink:
    """Add a link to an item and queue its check."""
    ensure_open(response.response_set)
    ensure_can_edit(by, response)
    cleaned = clean_url(url)
    if response.links.filter(url=cleaned).exists():
        raise DisclosureError(_("This link is already listed for the item."))
    link = EvidenceLink.objects.create(
        response=response,
        url=cleaned,
        label=label.strip()[:300],
        menu_path=menu_path.strip()[:500],
        created_by=by if getattr(by, "pk", None) else None,
    )
    touch(response, by)
    log_action(link, "oit.link_added", user=by, after={"url": cleaned, "item": response.item.code})
    request_checks([link])
    return link


@transaction.atomic
def remove_link(link: EvidenceLink, *, by: Any) -> None:
    ensure_open(link.response.response_set)
    ensure_can_edit(by, link.response)
    log_action(link, "oit.link_removed", user=by, before={"url": link.url})
    touch(link.response, by)
    link.delete()


def request_checks(links: Iterable[EvidenceLink]) -> int:
    """Queue a background check for each link once the current transaction commits."""
    from openita.disclosure.tasks import check_link

    ids = [link.pk for link in links]
    for pk in ids:
        transaction.on_commit(lambda pk=pk: check_link.enqueue(pk))
    return len(ids)


def stale_q(now: dt.datetime) -> Q:
    """Links never checked, carried from last year, or checked OPENITA_LINK_STALE_DAYS ago."""
    limit = now - dt.timedelta(days=settings.OPENITA_LINK_STALE_DAYS)
    return Q(needs_recheck=True) | Q(checked_at__isnull=True) | Q(checked_at__lt=limit)


def recheck_stale_links(now: dt.datetime | None = None) -> int:
    """Queue a check of every stale link of an open response set (a daily periodic job).

    Submitted sets are left alone: their evidence was captured at submission.
    """
    links = EvidenceLink.objects.filter(
        stale_q(now or timezone.now()), response__response_set__status=SetStatus.OPEN
    ).only("pk")
    return request_checks(links)


@transaction.atomic
def record_check(link_id: int, probe: safehttp.LinkProbe) -> EvidenceLink | None:
    """Store a link check's result (an audit entry only when the outcome changes)."""
    link = EvidenceLink.objects.select_for_update().filter(pk=link_id).first()
    if link is None:  # removed while the check ran
        return None
    before = link.check_outcome
    link.check_outcome = probe.outcome
    link.check_status = probe.status
    link.check_final_url = probe.final_url[:2000]
    link.check_content_type = probe.content_type[:200]
    link.check_content_length = probe.content_length
    link.check_redirects = probe.redirects
    link.check_detail = probe.detail[:500]
    link.checked_at = timezone.now()
    link.needs_recheck = False
    link.save()
    if before != probe.outcome:
        log_action(
            link,
            "oit.link_checked",
            user=None,
            before={"outcome": before},
            after={"outcome": probe.outcome, "status": probe.status},
        )
    return link


@transaction.atomic
def add_file(
    response: ItemResponse, *, by: Any, name: str, content: bytes, label: str = ""
) -> EvidenceFile:
    """Keep an uploaded document after checking its size and real type."""
    ensure_open(response.response_set)
    ensure_can_edit(by, response)
    limit = settings.OPENITA_MAX_UPLOAD_MB * 1024 * 1024
    if len(content) > limit:
        raise DisclosureError(
            _("The file is larger than %(mb)s MB. Make it smaller or publish it as a link.")
            % {"mb": settings.OPENITA_MAX_UPLOAD_MB}
        )
    kind = filetypes.sniff(name, content)  # raises DisclosureError with the reason
    digest = hashlib.sha256(content).hexdigest()
    evidence = EvidenceFile(
        response=response,
        original_name=name[-255:],
        label=label.strip()[:300],
        content_type=kind.mime,
        size=len(content),
        sha256=digest,
        uploaded_by=by if getattr(by, "pk", None) else None,
    )
    evidence.file.save(digest, ContentFile(content), save=False)
    evidence.save()
    touch(response, by)
    log_action(
        evidence,
        "oit.file_added",
        user=by,
        after={"name": evidence.original_name, "sha256": digest, "size": len(content)},
    )
    return evidence


@transaction.atomic
def remove_file(evidence: EvidenceFile, *, by: Any) -> None:
    ensure_open(evidence.response.response_set)
    ensure_can_edit(by, evidence.response)
    log_action(
        evidence,
        "oit.file_removed",
        user=by,
        before={"name": evidence.original_name, "sha256": evidence.sha256},
    )
    touch(evidence.response, by)
    evidence.delete()  # the stored bytes stay: a capture or an audit entry may cite the hash


def capture_link(link_id: int, response_set_id: int) -> EvidenceCapture | None:
    """Fetch and keep what a submitted link returns now (idempotent per set and link)."""
    link = EvidenceLink.objects.filter(pk=link_id).first()
    if link is None:
        return None
    done = EvidenceCapture.objects.filter(response_set_id=response_set_id, link=link).first()
    if done is not None:
        return done
    result = safehttp.capture(
        link.url,
        allow_private=settings.OPENITA_FETCH_ALLOW_PRIVATE,
        timeout=settings.OPENITA_FETCH_TIMEOUT,
        max_bytes=settings.OPENITA_CAPTURE_MAX_MB * 1024 * 1024,
    )
    return _store_capture(link, response_set_id, result)


@transaction.atomic
def _store_capture(
    link: EvidenceLink, response_set_id: int, result: safehttp.Capture
) -> EvidenceCapture:
    capture = EvidenceCapture(
        response_set_id=response_set_id,
        link=link,
        url=result.url,
        final_url=result.final_url[:2000],
        outcome=result.outcome,
        status=result.status,
        headers=result.headers,
        redirects=result.redirects,
        sha256=result.sha256,
        size=result.size,
        truncated=result.truncated,
        detail=result.detail[:500],
        fetched_at=result.fetched_at,
    )
    if result.content:
        capture.content.save(result.sha256, ContentFile(result.content), save=False)
    try:
        with transaction.atomic():
            capture.save()
    except IntegrityError:  # the same link captured by a parallel run: keep the first
        return EvidenceCapture.objects.get(response_set_id=response_set_id, link=link)
    log_action(
        capture,
        "oit.link_captured",
        user=None,
        agency=link.agency,
        after={
            "url": result.url,
            "sha256": result.sha256,
            "status": result.status,
            "outcome": result.outcome,
        },
    )
    return capture


def bad_outcomes() -> list[str]:
    return [c for c in CheckOutcome.values if c not in (CheckOutcome.OK, CheckOutcome.PENDING)]
