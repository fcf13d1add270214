"""Start-up checks of the settings."""

import subprocess
import sys

from django.core.checks import run_checks


def _check_with(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "openita", "check"],
        capture_output=True,
        text=True,
        env={**env, "PATH": "/usr/bin:/bin"},
        check=False,
    )


def test_it_passes_the_checks_with_a_real_secret_key(db, settings):
    settings.SECRET_KEY = "a-real-secret-key-for-this-test-only-0123456789abcdef"
    assert [m.id for m in run_checks() if m.is_serious()] == []


def test_it_refuses_to_start_without_a_secret_key_outside_debug(tmp_path):
    result = _check_with({"OPENITA_DATA_DIR": str(tmp_path), "OPENITA_DEBUG": "0"})
    assert result.returncode != 0 and "openita.E001" in result.stderr


def test_it_names_a_malformed_variable(tmp_path):
    result = _check_with(
        {
            "OPENITA_DATA_DIR": str(tmp_path),
            "OPENITA_DEBUG": "1",
            "OPENITA_LOGIN_FAILURE_LIMIT": "five",
        }
    )
    assert result.returncode != 0
    assert "openita.E003" in result.stderr and "OPENITA_LOGIN_FAILURE_LIMIT='five'" in result.stderr


def test_it_names_an_unusable_database_url(tmp_path):
    result = _check_with(
        {
            "OPENITA_DATA_DIR": str(tmp_path),
            "OPENITA_DEBUG": "1",
            "DATABASE_URL": "oracle-ish://nowhere",
        }
    )
    assert result.returncode != 0 and "DATABASE_URL cannot be used" in result.stderr
