"""Mail that must reach each person once, even with several runs or machines at work."""

from __future__ import annotations

import logging
from typing import Any

from django.core.mail import send_mail
from django.db import IntegrityError, models, transaction

logger = logging.getLogger(__name__)


def send_once(
    record: type[models.Model],
    claim: dict[str, Any],
    *,
    to: str,
    subject: str,
    body: str,
    extra: dict[str, Any] | None = None,
) -> bool:
    """Claim the mail by creating a `record` row (its unique constraint on the `claim`
    fields lets only one run win), then send it; a failed send gives the claim back so
    that the next run tries again. True when this call sent the mail."""
    try:
        with transaction.atomic():
            record._default_manager.create(**claim, **(extra or {}))
    except IntegrityError:
        return False  # another run claimed this mail first
    try:
        send_mail(subject, body, None, [to])
    except OSError:  # smtplib's errors are OSErrors too
        logger.exception("mail to %s failed (%s)", to, record.__name__)
        record._default_manager.filter(**claim).delete()
        return False
    return True
