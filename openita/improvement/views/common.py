from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest

from openita.improvement.errors import ImprovementError


def attempt(request: HttpRequest, action: Callable[[], Any], success: object = None) -> bool:
    """Run a service call; a refused change becomes a message, never a lost page."""
    try:
        action()
    except ImprovementError as exc:
        messages.error(request, str(exc.message))
        return False
    if success is not None:
        messages.success(request, str(success))
    return True
