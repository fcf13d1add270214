"""Writes to one item of a response set: assignment, answers, status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from openita.agencies import access
from openita.agencies.models import Unit
from openita.audit.services import log_action, snapshot
from openita.disclosure.assignment_table import TableRow
from openita.disclosure.errors import DisclosureError, EditConflict, NotAllowed
from openita.disclosure.models import ItemResponse, ItemStatus, ResponseSet
from openita.disclosure.services.common import ensure_can_edit, ensure_coordinator, ensure_open

ANSWER_FIELDS = ["explanation", "element_checks", "none_declared", "none_reason"]
# Who may move an item to which status: editors work, coordinators approve.
EDITOR_STATUSES = {ItemStatus.NOT_STARTED, ItemStatus.IN_PROGRESS, ItemStatus.READY}
COORDINATOR_STATUSES = EDITOR_STATUSES | {ItemStatus.APPROVED}


def _lock(response: ItemResponse) -> ItemResponse:
    return ItemResponse.objects.select_for_update().select_related("item").get(pk=response.pk)


@transaction.atomic
def update_item(
    response: ItemResponse,
    *,
    by: Any,
    version: int,
    explanation: str,
    element_checks: Sequence[int],
    none_declared: bool = False,
    none_reason: str = "",
) -> ItemResponse:
    """Save an item's answers, refusing an edit made from an outdated ``version``."""
    ensure_open(response.response_set)
    ensure_can_edit(by, response)
    current = _lock(response)
    if current.version != version:
        raise EditConflict()
    n_elements = len(current.item.elements)
    checks = sorted({int(i) for i in element_checks if 0 <= int(i) < n_elements})
    if none_declared and not current.item.none_allowed:
        raise DisclosureError(_("This item does not accept a 'none this period' declaration."))
    if none_declared and not none_reason.strip():
        raise DisclosureError(_("Say why there is nothing to publish this period."))
    before = snapshot(current, ANSWER_FIELDS)
    current.explanation = explanation.strip()
    current.element_checks = checks
    current.none_declared = none_declared
    current.none_reason = none_reason.strip() if none_declared else ""
    _touch(current, by)
    log_action(
        current, "oit.item_updated", user=by, before=before, after=snapshot(current, ANSWER_FIELDS)
    )
    return current


def _touch(response: ItemResponse, by: Any) -> None:
    """Record an edit: bump the version and start the item if it had not been."""
    response.version += 1
    response.updated_by = by if getattr(by, "pk", None) else None
    if response.status == ItemStatus.NOT_STARTED:
        response.status = ItemStatus.IN_PROGRESS
    response.save()


def touch(response: ItemResponse, by: Any) -> None:
    """An edit to the item's evidence: same bookkeeping as an edit of its answers."""
    _touch(_lock(response), by)


@transaction.atomic
def change_status(response: ItemResponse, status: str, *, by: Any) -> ItemResponse:
    """Move an item along not started → in progress → ready → approved."""
    ensure_open(response.response_set)
    ensure_can_edit(by, response)
    coordinator = by is None or access.is_coordinator(by, response.response_set.agency)
    allowed = COORDINATOR_STATUSES if coordinator else EDITOR_STATUSES
    if status not in allowed:
        raise NotAllowed(_("Only the coordinator approves items."))
    current = _lock(response)
    if current.status == ItemStatus.APPROVED and not coordinator:
        raise NotAllowed(_("An approved item is changed by the coordinator only."))
    if status in (ItemStatus.READY, ItemStatus.APPROVED):
        _ensure_answered(current)
    before = current.status
    current.status = status
    current.version += 1
    current.save()
    log_action(
        current, "oit.item_status", user=by, before={"status": before}, after={"status": status}
    )
    return current


def _ensure_answered(response: ItemResponse) -> None:
    if response.none_declared or response.links.exists() or response.files.exists():
        return
    raise DisclosureError(
        _("Item %(code)s has no link, no file and no 'none this period' declaration yet.")
        % {"code": response.item.code}
    )


@transaction.atomic
def assign(
    response: ItemResponse,
    *,
    by: Any,
    units: list[Unit],
    responsible: Any = None,
    due_date: dt.date | None = None,
) -> ItemResponse:
    """Set who answers an item and by when (coordinator only)."""
    ensure_open(response.response_set)
    ensure_coordinator(by, response.response_set)
    agency = response.response_set.agency
    if any(u.agency_id != agency.pk for u in units):
        raise DisclosureError(_("A unit of another agency cannot be assigned."))
    if responsible is not None and not agency.memberships.filter(user=responsible).exists():
        raise DisclosureError(_("The responsible person must be a member of the agency."))
    current = _lock(response)
    before = {
        **snapshot(current, ["responsible", "due_date"]),
        "units": sorted(u.name for u in current.units.all()),
    }
    current.responsible = responsible
    current.due_date = due_date
    current.version += 1
    current.save()
    current.units.set(units)
    after = {
        **snapshot(current, ["responsible", "due_date"]),
        "units": sorted(u.name for u in units),
    }
    log_action(current, "oit.item_assigned", user=by, before=before, after=after)
    return current


def assign_units(response: ItemResponse, units: list[Unit], *, by: Any) -> ItemResponse:
    """Make these units responsible for the item, keeping person and due date."""
    return assign(
        response, by=by, units=units, responsible=response.responsible, due_date=response.due_date
    )


@transaction.atomic
def apply_assignment_table(response_set: ResponseSet, rows: Sequence[TableRow], *, by: Any) -> int:
    """Apply a read assignment table: every row or none. Returns the number of items changed."""
    ensure_open(response_set)
    ensure_coordinator(by, response_set)
    units = {str(u.pk): u for u in response_set.agency.units.all()}
    responses = {r.item.code: r for r in response_set.responses.select_related("item")}
    # Refuse before changing anything (a unit removed since the table was read, say).
    if any(row.code not in responses for row in rows):
        raise DisclosureError()
    if any(key not in units for row in rows for key in row.unit_keys):
        raise DisclosureError(_("A unit of another agency cannot be assigned."))
    changed = 0
    for row in rows:
        response = responses[row.code]
        wanted = [units[key] for key in row.unit_keys]
        if {u.pk for u in response.units.all()} != {u.pk for u in wanted}:
            assign_units(response, wanted, by=by)
            changed += 1
    log_action(
        response_set,
        "oit.assignment_table_applied",
        user=by,
        data={"rows": len(rows), "changed": changed},
    )
    return changed
