"""The address a request came from, for rate limits only (never stored).

Behind ``hops`` trusted reverse proxies that each append to X-Forwarded-For, the client is
the ``hops``-th address from the right; anything further left was written by the client
itself and could be forged. With no proxy (``hops == 0``) the connection's address counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def client_address(meta: Mapping[str, Any], hops: int = 0) -> str:
    remote = str(meta.get("REMOTE_ADDR") or "")
    if hops <= 0:
        return remote
    forwarded = [a.strip() for a in str(meta.get("HTTP_X_FORWARDED_FOR") or "").split(",")]
    forwarded = [a for a in forwarded if a]
    if len(forwarded) < hops:
        return forwarded[0] if forwarded else remote
    return forwarded[-hops]
