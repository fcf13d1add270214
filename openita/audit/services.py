"""The one way to write the audit log."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from typing import Any

from django.db import models

from openita.audit.models import AuditEntry


def _plain(value: Any) -> Any:
    """Make a value JSON-friendly so before/after can be stored as they were."""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, (dt.date, dt.datetime, uuid.UUID, decimal.Decimal)):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    return value


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    """The named field values of an object, ready for ``before``/``after``."""
    return {name: _plain(getattr(obj, name)) for name in fields}


def _agency_of(obj: models.Model | None) -> Any:
    from openita.agencies.models import Agency

    if isinstance(obj, Agency):
        return obj
    return getattr(obj, "agency", None)


def log_action(
    obj: models.Model | None,
    action: str,
    *,
    user: Any,
    agency: Any = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record a state change. Call it inside the service's transaction."""
    actor = user if getattr(user, "pk", None) else None
    return AuditEntry.objects.create(
        actor=actor,
        actor_label=str(user) if user is not None else "system",
        agency=agency or _agency_of(obj),
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(getattr(obj, "pk", "") or ""),
        object_label=str(obj)[:300] if obj is not None else "",
        before=_plain(before) if before is not None else None,
        after=_plain(after) if after is not None else None,
        data=_plain(data or {}),
    )
