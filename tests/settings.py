"""Test settings: the project's settings with tasks run at once and local fetches allowed.

Tests fetch only from servers they start on 127.0.0.1, so the SSRF guard's private-address
refusal is switched off here; the tests of the guard switch it back on.
"""

from openita.settings import *  # noqa: F403

TASKS = {
    "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
    # The embedded production backend, exercised by its own test with the worker command.
    "db": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
OPENITA_FETCH_ALLOW_PRIVATE = True
OPENITA_FETCH_TIMEOUT = 5
# Test users need no strong hashing; it is most of the suite's set-up time otherwise.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Every answer POST reads its survey afresh, so tests that close a survey see it at once.
OPENITA_SURVEY_LOOKUP_SECONDS = 0
