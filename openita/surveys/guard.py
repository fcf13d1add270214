"""Protections of the public answer pages, kept in the cache and never in the database.

1. Rate limit: a fixed-window counter per survey and client address; the address enters the
   key only as a keyed hash, so not even the cache holds it.
2. One-time form tokens: every form page carries a signed token with a random nonce. A submit
   claims the nonce in the cache (an atomic add); a second submit with the same token (double
   click, back-and-resend, replay) finds it claimed and stores nothing.
"""

from __future__ import annotations

import hashlib
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

_SALT = "openita.surveys.form"
_PREFIX = "openita:survey:"


def _address_key(survey_token: str, address: str) -> str:
    pepper = settings.OPENITA_SURVEY_CODE_PEPPER
    digest = hashlib.sha256(f"{pepper}|{survey_token}|{address}".encode()).hexdigest()[:32]
    window = max(settings.OPENITA_SURVEY_RATE_WINDOW, 1)
    return f"{_PREFIX}rate:{digest}:{int(time.time() // window)}"


def within_rate(survey_token: str, address: str) -> bool:
    """Count one request of this address; False once the window's limit is passed."""
    limit = settings.OPENITA_SURVEY_RATE_LIMIT
    if limit <= 0:
        return True
    key = _address_key(survey_token, address)
    if cache.add(key, 1, settings.OPENITA_SURVEY_RATE_WINDOW + 1):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, settings.OPENITA_SURVEY_RATE_WINDOW + 1)
        count = 1
    return count <= limit


def _max_age() -> int:
    return max(settings.OPENITA_SURVEY_FORM_HOURS, 1) * 3600


def issue_form_token(survey_token: str) -> str:
    """A fresh one-time token for one answer form of this survey.

    A load tool may call this directly (or run ``openita surveys form-tokens``) to obtain as
    many valid tokens as it will post answers; each token stores at most one answer.
    """
    return signing.dumps([survey_token, secrets.token_urlsafe(12)], salt=_SALT, compress=False)


def read_form_token(survey_token: str, value: str) -> str | None:
    """The nonce of a valid, unexpired token of this survey, else None."""
    try:
        token, nonce = signing.loads(value, salt=_SALT, max_age=_max_age())
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if token != survey_token or not isinstance(nonce, str):
        return None
    return nonce


def claim_nonce(nonce: str) -> bool:
    """True the first time a nonce is claimed, False on every later try."""
    return bool(cache.add(f"{_PREFIX}nonce:{nonce}", 1, _max_age() + 60))


def release_nonce(nonce: str) -> None:
    """Give a nonce back when nothing was stored for a reason the person can fix."""
    cache.delete(f"{_PREFIX}nonce:{nonce}")


def count_answer(survey_id: int, every: int) -> bool:
    """Count an answer stored; True on every ``every``-th one (time to recompute scores)."""
    if every <= 0:
        return False
    key = f"{_PREFIX}answers:{survey_id}"
    try:
        count = cache.incr(key)  # one round trip once the counter exists
    except ValueError:
        count = 1 if cache.add(key, 1, None) else cache.incr(key)
    return count % every == 0
