"""Writes to accounts and API tokens."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from openita.accounts.models import ApiToken, User, hash_token
from openita.audit.services import log_action


@transaction.atomic
def create_user(
    username: str,
    password: str,
    *,
    email: str = "",
    display_name: str = "",
    is_superuser: bool = False,
    by: Any,
) -> User:
    user = User(
        username=username,
        email=email,
        display_name=display_name,
        is_superuser=is_superuser,
        is_staff=is_superuser,
    )
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    log_action(
        user, "account.created", user=by, after={"username": username, "site_admin": is_superuser}
    )
    return user


@transaction.atomic
def create_token(user: User, name: str, *, by: Any) -> tuple[ApiToken, str]:
    """Create a token and return it with its secret, which is never shown again."""
    raw = ApiToken.generate()
    token = ApiToken.objects.create(
        user=user, name=name[:100] or "API", prefix=raw[:9], key_hash=hash_token(raw)
    )
    log_action(
        token, "account.token_created", user=by, after={"name": token.name, "prefix": token.prefix}
    )
    return token, raw


@transaction.atomic
def revoke_token(token: ApiToken, *, by: Any) -> None:
    token.revoked_at = timezone.now()
    token.save()
    log_action(token, "account.token_revoked", user=by, data={"prefix": token.prefix})


def user_for_token(raw: str) -> User | None:
    """The active user behind a token, or None. Marks the token as used."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked_at=None)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
