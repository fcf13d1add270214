"""Writes to whole response sets: start (with carry forward), EIT link, submission."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openita.agencies.models import Agency
from openita.audit.services import log_action
from openita.disclosure.errors import DisclosureError, SetLocked
from openita.disclosure.models import (
    EvidenceLink,
    ItemResponse,
    ItemStatus,
    ResponseSet,
    SetStatus,
)
from openita.disclosure.services.common import ensure_coordinator, ensure_phase
from openita.frameworks.models import Framework


@transaction.atomic
def start_response_set(
    agency: Agency, framework: Framework, *, by: Any, carry_forward: bool = True
) -> ResponseSet:
    """Create an agency's response set with one row per item of the framework.

    With ``carry_forward``, assignments and links of the agency's set for the framework's
    ``previous`` are copied through each item's ``continues`` crosswalk; copied links are
    marked to be re-checked.
    """
    response_set, created = ResponseSet.objects.get_or_create(agency=agency, framework=framework)
    if not created:
        return response_set
    ItemResponse.objects.bulk_create(
        ItemResponse(response_set=response_set, item=item) for item in framework.items.all()
    )
    previous = _previous_set(agency, framework)
    copied = _carry_forward(response_set, previous) if carry_forward and previous else 0
    if previous is not None and carry_forward:
        response_set.carried_from = previous
        response_set.eit_survey_url = ""  # survey links change every year
        response_set.save()
    log_action(
        response_set,
        "oit.response_set_started",
        user=by,
        after={
            "framework": framework.code,
            "items": framework.items.count(),
            "carried_from": previous.framework.code if previous else None,
            "items_carried": copied,
        },
    )
    return response_set


def _previous_set(agency: Agency, framework: Framework) -> ResponseSet | None:
    if not framework.previous_code:
        return None
    return ResponseSet.objects.filter(
        agency=agency, framework__code=framework.previous_code
    ).first()


def _carry_forward(target: ResponseSet, source: ResponseSet) -> int:
    """Copy units, person, and links item by item through the crosswalk; returns items copied."""
    old = {
        r.item.code: r
        for r in source.responses.select_related("item").prefetch_related("units", "links")
    }
    members = set(target.agency.memberships.values_list("user_id", flat=True))
    copied = 0
    for response in target.responses.select_related("item"):
        sources = [old[code] for code in response.item.continues if code in old]
        if not sources:
            continue
        response.units.set({u for s in sources for u in s.units.all()})
        # Only someone still at the agency carries over as the responsible person.
        response.responsible = next(
            (s.responsible for s in sources if s.responsible_id in members), None
        )
        response.save()
        # Items merged into one may list the same URL; an item lists each URL once.
        links: dict[str, EvidenceLink] = {}
        for link in (link for s in sources for link in s.links.all()):
            links.setdefault(link.url, link)
        EvidenceLink.objects.bulk_create(
            EvidenceLink(
                response=response,
                url=link.url,
                label=link.label,
                menu_path=link.menu_path,
                needs_recheck=True,
                carried_from=link,
            )
            for link in links.values()
        )
        copied += 1
    return copied


@transaction.atomic
def set_eit_survey_url(response_set: ResponseSet, url: str, *, by: Any) -> ResponseSet:
    from openita.disclosure.services.evidence import clean_url

    ensure_coordinator(by, response_set)
    cleaned = clean_url(url) if url.strip() else ""
    before = response_set.eit_survey_url
    response_set.eit_survey_url = cleaned
    response_set.save()
    log_action(
        response_set, "oit.eit_link_set", user=by, before={"url": before}, after={"url": cleaned}
    )
    return response_set


@transaction.atomic
def submit(response_set: ResponseSet, *, by: Any) -> ResponseSet:
    """Submit the set: lock it and capture every evidence URL in the background.

    1. Lock the row so that two submissions cannot both pass the checks.
    2. Refuse if already submitted, or if any item is not approved by the coordinator.
    3. Mark every item submitted, the set submitted, and log it.
    4. After commit, queue one capture per link (content, SHA-256, status, headers).
    """
    ensure_coordinator(by, response_set)
    ensure_phase(response_set.framework.fiscal_year, "oit_answering")
    locked = ResponseSet.objects.select_for_update().get(pk=response_set.pk)
    if locked.status == SetStatus.SUBMITTED:
        raise SetLocked(_("This response set was already submitted."))
    pending = list(
        locked.responses.exclude(status=ItemStatus.APPROVED)
        .order_by("item__number")
        .values_list("item__code", flat=True)
    )
    empty = list(
        locked.responses.filter(none_declared=False, links=None, files=None)
        .order_by("item__number").values_list("item__code", flat=True)
    )  # fmt: skip
    if pending:
        raise DisclosureError(
            _("Every item must be approved before submission. Not approved yet: %(codes)s")
            % {"codes": ", ".join(pending)}
        )
    if empty:  # approved, then emptied by the coordinator
        raise DisclosureError(
            _("These items have no evidence and no 'none this period' declaration: %(codes)s")
            % {"codes": ", ".join(empty)}
        )
    locked.responses.update(status=ItemStatus.SUBMITTED)
    locked.status = SetStatus.SUBMITTED
    locked.submitted_at = timezone.now()
    locked.submitted_by = by if getattr(by, "pk", None) else None
    locked.save()
    links = list(
        EvidenceLink.objects.filter(response__response_set=locked).values_list("pk", flat=True)
    )
    log_action(locked, "oit.submitted", user=by, data={"links": len(links)})
    from openita.disclosure.tasks import capture_link_task

    for pk in links:
        transaction.on_commit(lambda pk=pk: capture_link_task.enqueue(pk, locked.pk))
    return locked
