"""Guards shared by the workspace services."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from openita.agencies import access
from openita.disclosure.errors import DisclosureError, NotAllowed, SetLocked
from openita.disclosure.models import ItemResponse, ResponseSet


def ensure_open(response_set: ResponseSet) -> None:
    """Refuse any change to a submitted set (re-read from the database, not the caller's copy)."""
    status = ResponseSet.objects.values_list("status", flat=True).get(pk=response_set.pk)
    if status != "open":
        raise SetLocked()
    ensure_phase(response_set.framework.fiscal_year, "oit_answering")


def ensure_phase(fiscal_year: int, kind: str) -> None:
    """Refuse a change outside its phase of the calendar (a phase not set stays open)."""
    from openita.timeline import services as timeline

    try:
        timeline.ensure_open(fiscal_year, kind)
    except timeline.PhaseClosed as exc:
        raise DisclosureError(exc.message) from exc


def ensure_coordinator(user: Any, response_set: ResponseSet) -> None:
    if user is None:  # system actions (demo, commands)
        return
    if not access.is_coordinator(user, response_set.agency):
        raise NotAllowed()


def ensure_can_edit(user: Any, response: ItemResponse) -> None:
    """Editors change their units' items until the coordinator approves them."""
    if user is None:
        return
    if not access.can_edit_response(user, response):
        raise NotAllowed()
    approved = ItemResponse.objects.filter(pk=response.pk, status="approved").exists()
    if approved and not access.is_coordinator(user, response.response_set.agency):
        raise NotAllowed(_("An approved item is changed by the coordinator only."))
