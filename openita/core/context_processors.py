from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def nav(request: HttpRequest) -> dict[str, Any]:
    """The roles the user holds anywhere, for the menu (queried only when a page asks)."""

    def roles() -> set[str]:
        from openita.agencies.models import Membership

        user = request.user
        if not user.is_authenticated:
            return set()
        held = set(Membership.objects.filter(user=user).values_list("role", flat=True))
        return held | {"assessor", "overseer"} if user.is_superuser else held

    return {"nav_roles": SimpleLazyObject(roles)}
