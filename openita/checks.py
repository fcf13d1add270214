"""Start-up checks of the settings (`openita check`, and before every server start)."""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


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
