"""The client's address for log-in lockouts (django-axes), read as the survey rate limits do."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from openita.lib.clientaddr import client_address


def client_ip(request: Any) -> str | None:
    """Behind OPENITA_PROXY_HOPS proxies, the address the outermost one saw; else the peer's.

    Without this, every log-in behind nginx would come from 127.0.0.1, and a stranger's five
    wrong passwords would lock the real user out.
    """
    return client_address(request.META, settings.OPENITA_PROXY_HOPS) or None
