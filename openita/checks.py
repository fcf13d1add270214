"""Start-up checks of the settings (`openita check`, and before every server start)."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.http.request import validate_host


@register(Tags.security, deploy=False)
def check_secret_key(app_configs: Any, **kwargs: Any) -> list[Error]:
    if settings.DEBUG or os.environ.get("OPENITA_SECRET_KEY"):
        return []
    if settings.SECRET_KEY.startswith("insecure-"):
        return [Error(
            "OPENITA_SECRET_KEY is not set and OPENITA_DEBUG is off.",
            hint="Set OPENITA_SECRET_KEY to a long random value, or OPENITA_DEBUG=1 locally.",
            id="openita.E001",
        )]  # fmt: skip
    return []


@register()
def check_data_dir(app_configs: Any, **kwargs: Any) -> list[Error]:
    data_dir = settings.DATA_DIR
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return [
            Error(
                f"The data directory {data_dir} cannot be created: {exc}",
                hint="Set OPENITA_DATA_DIR to a writable folder.",
                id="openita.E002",
            )
        ]
    if not os.access(data_dir, os.W_OK):
        return [
            Error(
                f"The data directory {data_dir} is not writable.",
                hint="Set OPENITA_DATA_DIR to a writable folder.",
                id="openita.E002",
            )
        ]
    return []


@register()
def check_environment_values(app_configs: Any, **kwargs: Any) -> list[Error]:
    return [
        Error(message, hint="See docs/configuration.md.", id="openita.E003")
        for message in getattr(settings, "ENV_ERRORS", [])
    ]


@register()
def check_database(app_configs: Any, **kwargs: Any) -> list[Error | Warning]:
    engine = settings.DATABASES["default"]["ENGINE"]
    if settings.DATABASE_URL and not engine.endswith(("postgresql", "sqlite3")):
        return [
            Warning(
                f"DATABASE_URL selects {engine}; OpenITA is tested on PostgreSQL and SQLite only.",
                id="openita.W001",
            )
        ]
    return []


@register()
def check_periodic_jobs(app_configs: Any, **kwargs: Any) -> list[Error]:
    from openita.core.taskqueue import periodic

    return [
        Error(
            f"OPENITA_PERIODIC: {message}",
            hint="See docs/configuration.md (periodic jobs).",
            id="openita.E004",
        )
        for message in periodic.problems(settings.OPENITA_PERIODIC)
    ]


@register(Tags.security)
def check_public_address(app_configs: Any, **kwargs: Any) -> list[Warning]:
    """The public address must be served: its host allowed, its HTTPS seen through a proxy."""
    if settings.DEBUG:
        return []
    url = urlsplit(settings.SITE_URL)
    found = []
    if url.hostname and not validate_host(url.hostname, settings.ALLOWED_HOSTS):
        found.append(
            Warning(
                f"The host of OPENITA_SITE_URL ({url.hostname}) is not in OPENITA_ALLOWED_HOSTS: "
                "links in e-mails would lead to an error page.",
                hint="Add it to OPENITA_ALLOWED_HOSTS.",
                id="openita.W003",
            )
        )
    if url.scheme == "https" and settings.SECURE_PROXY_SSL_HEADER is None:
        found.append(
            Warning(
                "OPENITA_SITE_URL is https:// but OPENITA_PROXY_HOPS is 0: behind a proxy "
                "that ends TLS, Django takes every request for plain HTTP and refuses forms "
                "sent from the https:// page (CSRF).",
                hint="Set OPENITA_PROXY_HOPS=1 behind nginx (docs/deploy.md); ignore this "
                "if gunicorn itself serves HTTPS.",
                id="openita.W004",
            )
        )
    return found
