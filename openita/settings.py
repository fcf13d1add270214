"""OpenITA settings: one module, driven by environment variables.

Every variable is documented in docs/configuration.md. Values are checked at start-up by the
system checks in openita/checks.py (ids openita.E00x / openita.W00x).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import dj_database_url

from openita.lib import env
from openita.lib.env import env_list, env_str

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("OPENITA_DATA_DIR", str(BASE_DIR.parent / "data"))).resolve()
# SQLite cannot create its folder; a failure here is reported by the check openita.E002.
with contextlib.suppress(OSError):
    DATA_DIR.mkdir(parents=True, exist_ok=True)

# Malformed variables do not stop the import: they are collected here, replaced by their
# default, and reported by the start-up check openita.E003 with the variable's name.
ENV_ERRORS: list[str] = []


def env_bool(name: str, default: bool = False) -> bool:
    try:
        return env.env_bool(name, default)
    except env.EnvError as exc:
        ENV_ERRORS.append(str(exc))
        return default


def env_int(name: str, default: int) -> int:
    try:
        return env.env_int(name, default)
    except env.EnvError as exc:
        ENV_ERRORS.append(str(exc))
        return default


def _database(url: str) -> dict[str, object]:
    if url:
        try:
            return dict(
                dj_database_url.parse(url, conn_max_age=env_int("OPENITA_DB_CONN_MAX_AGE", 60))
            )
        except ValueError as exc:
            ENV_ERRORS.append(f"DATABASE_URL cannot be used: {exc}")
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "openita.sqlite3",
        "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
    }


DEBUG = env_bool("OPENITA_DEBUG", False)
# An insecure key is allowed only with OPENITA_DEBUG; the system check openita.E001 refuses
# to start a production server without a real one.
SECRET_KEY = env_str("OPENITA_SECRET_KEY", "") or "insecure-development-key-change-me"
ALLOWED_HOSTS = env_list("OPENITA_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("OPENITA_CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("OPENITA_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "openita.core",
    "openita.accounts",
    "openita.agencies",
    "openita.audit",
    "openita.frameworks",
    "django_tasks_db",
    "openita.disclosure",
    "openita.reports",
    "openita.timeline",
    "openita.surveys",
    "openita.review",
    "openita.sitecheck",
    "openita.improvement",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "openita.urls"
WSGI_APPLICATION = "openita.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "openita.core.context_processors.nav",
            ],
            "builtins": ["openita.core.templatetags.thai"],
        },
    }
]

DATABASE_URL = env_str("DATABASE_URL", "")
DATABASES = {"default": _database(DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Lockout after repeated failed logins (django-axes): per user name and address pair.
AXES_FAILURE_LIMIT = env_int("OPENITA_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("OPENITA_LOGIN_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Uploaded evidence files: size limit per file, in megabytes.
OPENITA_MAX_UPLOAD_MB = env_int("OPENITA_MAX_UPLOAD_MB", 20)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Outgoing fetches (link checks, captures at submission, site pre-check). Private, loopback
# and link-local addresses are refused (SSRF) unless this is set, which only tests should do.
OPENITA_FETCH_ALLOW_PRIVATE = env_bool("OPENITA_FETCH_ALLOW_PRIVATE", False)
OPENITA_FETCH_TIMEOUT = env_int("OPENITA_FETCH_TIMEOUT", 15)
OPENITA_CAPTURE_MAX_MB = env_int("OPENITA_CAPTURE_MAX_MB", 20)
# A link checked longer ago than this is shown as stale on the dashboard.
OPENITA_LINK_STALE_DAYS = env_int("OPENITA_LINK_STALE_DAYS", 7)
OPENITA_CHROMIUM = env_str("OPENITA_CHROMIUM", "")
# Site pre-check: pages and documents read per check of an agency's website.
OPENITA_SITECHECK_MAX_PAGES = env_int("OPENITA_SITECHECK_MAX_PAGES", 600)

# Shared cache: rate-limit counters and one-time form tokens of the public survey pages. Every
# server process must see the same counters, so production sets OPENITA_CACHE_URL to Redis
# (redis://host:6379/1); the default memory cache holds for one process only.
OPENITA_CACHE_URL = env_str("OPENITA_CACHE_URL", "")


def _cache(url: str) -> dict[str, object]:
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if url:
        ENV_ERRORS.append(f"OPENITA_CACHE_URL must be a redis:// address, not {url!r}")
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


CACHES = {"default": _cache(OPENITA_CACHE_URL)}

# Native IIT/EIT surveys (docs/surveys.md). Access codes are stored as HMACs with this pepper;
# set it apart from the secret key so that rotating the key does not void printed codes.
OPENITA_SURVEY_CODE_PEPPER = env_str("OPENITA_SURVEY_CODE_PEPPER", "") or SECRET_KEY
# Answer submissions (and code look-ups) per client address and survey, per window (seconds);
# 0 switches the limit off (load tests only). Offices behind one NAT address share it.
OPENITA_SURVEY_RATE_LIMIT = env_int("OPENITA_SURVEY_RATE_LIMIT", 60)
OPENITA_SURVEY_RATE_WINDOW = env_int("OPENITA_SURVEY_RATE_WINDOW", 600)
# Largest answer POST body, bytes (a 30-question answer is under 2 kB).
OPENITA_SURVEY_MAX_BODY = env_int("OPENITA_SURVEY_MAX_BODY", 16384)
# Hours a one-time form token stays valid; scores are recomputed after every N answers.
OPENITA_SURVEY_FORM_HOURS = env_int("OPENITA_SURVEY_FORM_HOURS", 24)
# Seconds a web process keeps a survey and its calendar state for answer POSTs.
OPENITA_SURVEY_LOOKUP_SECONDS = env_int("OPENITA_SURVEY_LOOKUP_SECONDS", 2)
OPENITA_SURVEY_REFRESH_EVERY = env_int("OPENITA_SURVEY_REFRESH_EVERY", 25)
# Reverse proxies in front of the server that append to X-Forwarded-For (0: none, use the
# connection's address). The client address only feeds the rate limit; it is never stored.
OPENITA_PROXY_HOPS = env_int("OPENITA_PROXY_HOPS", 0)

# Background tasks (django.tasks). The embedded default stores tasks in the database and
# `make run` starts its worker (`openita db_worker`). For several machines, set
# OPENITA_TASKS_BACKEND=openita.core.taskqueue.rq_backend.RQBackend: RQ on the Redis of
# OPENITA_REDIS_URL, worked by `openita rq_worker` (docs/deploy.md).
OPENITA_REDIS_URL = env_str("OPENITA_REDIS_URL", "redis://127.0.0.1:6379/0")
TASKS = {
    "default": {
        "BACKEND": env_str("OPENITA_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
        # Read by the RQ backend; the database backend ignores it.
        "OPTIONS": {"REDIS_URL": OPENITA_REDIS_URL},
    }
}


def _periodic(defaults: dict[str, dict[str, object]]) -> dict[str, object]:
    """The default schedule changed by OPENITA_PERIODIC: entries merged by name, null drops one."""
    try:
        changes = env.env_json("OPENITA_PERIODIC", {})
    except env.EnvError as exc:
        ENV_ERRORS.append(str(exc))
        return dict(defaults)
    if not isinstance(changes, dict):
        ENV_ERRORS.append("OPENITA_PERIODIC must be a JSON object: job name → entry, or null")
        return dict(defaults)
    merged: dict[str, object] = dict(defaults)
    for name, change in changes.items():
        if change is None:
            merged.pop(name, None)
        elif isinstance(change, dict) and isinstance(merged.get(name), dict):
            merged[name] = {**defaults[name], **change}
        else:
            merged[name] = change  # a malformed entry is named by the check openita.E004
    return merged


# Periodic jobs, enqueued through django.tasks by `openita scheduler` (any number of them, on
# any machines: each run is enqueued once). "cron" is read in Asia/Bangkok unless the entry
# names a "timezone"; "{date}" in "args" is the run's local date. The site monitor re-checks
# each site whose last check is 7 days old: asking it every hour keeps a site's week from
# slipping to two (a weekly run finds last week's check a few seconds short of 7 days).
OPENITA_PERIODIC = _periodic(
    {
        "reminders": {
            "task": "openita.timeline.tasks.send_reminders",
            "cron": "0 7 * * *",
            "args": ["{date}"],
        },
        "stale-links": {
            "task": "openita.disclosure.tasks.recheck_stale_links",
            "cron": "30 2 * * *",
        },
        "site-rechecks": {"task": "openita.sitecheck.tasks.weekly_recheck", "cron": "15 * * * *"},
    }
)

MAILERS = {
    "default": {
        "BACKEND": env_str(
            "OPENITA_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
        ),
        "OPTIONS": {
            k: v
            for k, v in {
                "host": env_str("OPENITA_EMAIL_HOST", ""),
                "port": env_int("OPENITA_EMAIL_PORT", 0) or None,
                "username": env_str("OPENITA_EMAIL_USER", ""),
                "password": env_str("OPENITA_EMAIL_PASSWORD", ""),
                "use_tls": env_bool("OPENITA_EMAIL_TLS", False) or None,
            }.items()
            if v
        },
    }
}
DEFAULT_FROM_EMAIL = env_str("OPENITA_FROM_EMAIL", "OpenITA <noreply@openita.local>")

SESSION_COOKIE_SECURE = env_bool("OPENITA_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Behind nginx (OPENITA_PROXY_HOPS >= 1, docs/deploy.md): HTTPS is told by the proxy's
# X-Forwarded-Proto, and log-in lockouts count the client's address as the survey rate limits
# do. The proxy must set both headers itself (checks openita.W003, openita.W004).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if OPENITA_PROXY_HOPS > 0 else None
AXES_CLIENT_IP_CALLABLE = "openita.core.proxy.client_ip"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"openita": {"handlers": ["console"], "level": "INFO"}},
}
