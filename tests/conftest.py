"""The cast: two agencies, a coordinator, a unit editor, an assessor and an outsider."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from openita.accounts.services import create_user
from openita.agencies import services as agencies
from openita.agencies.models import Role
from openita.disclosure.services import assign_units, start_response_set
from openita.frameworks import schema
from openita.frameworks import services as frameworks

FIXTURES = Path(__file__).parent / "fixtures"
PASSWORD = "correct-horse-battery-staple"


_LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "", None})


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name.split("%", 1)[0])
    except ValueError:
        return False
    return True  # a literal address is "resolved" without asking anyone


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may reach the internet: name lookups other than the local host fail, unless a
    test answers them itself (tests.support.fake_dns)."""
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name not in _LOCAL_NAMES and not _is_address(name):
            raise socket.gaierror(socket.EAI_NONAME, f"tests do not resolve {name!r}")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture(autouse=True)
def _tmp_data_dir(settings: Any, tmp_path: Path) -> None:
    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache() -> Any:
    """Each test starts with an empty cache: rate-limit counters and form tokens do not carry
    over from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def mini(db: Any) -> Any:
    """The small test framework, installed."""
    fw, _ = frameworks.install(
        schema.load_yaml(FIXTURES / "mini-2566.yaml"), source="mini", by=None
    )
    return fw


@pytest.fixture
def agency_a(db: Any) -> Any:
    agency = agencies.create_agency(
        by=None, name="จังหวัดทดสอบเอ", kind="province", province="ปทุมธานี"
    )
    agencies.add_unit(agency, "กลุ่มงานบริหารทรัพยากรบุคคล", short_name="บค.", by=None)
    agencies.add_unit(agency, "กลุ่มงานยุทธศาสตร์", short_name="ยศ.", by=None)
    return agency


@pytest.fixture
def agency_b(db: Any) -> Any:
    agency = agencies.create_agency(
        by=None, name="องค์การบริหารส่วนจังหวัดบี", kind="pao", province="พะเยา"
    )
    agencies.add_unit(agency, "กองคลัง", short_name="กองคลัง", by=None)
    return agency


def _user(name: str, agency: Any = None, role: str = "", units: Any = None) -> Any:
    user = create_user(name, PASSWORD, email=f"{name}@example.test", by=None)
    if agency is not None:
        agencies.add_member(agency, user, role, units=units, by=None)
    return user


@pytest.fixture
def coordinator(agency_a: Any) -> Any:
    return _user("coord_a", agency_a, Role.COORDINATOR)


@pytest.fixture
def unit_editor(agency_a: Any) -> Any:
    return _user(
        "editor_a", agency_a, Role.UNIT_EDITOR, units=list(agency_a.units.filter(short_name="บค."))
    )


@pytest.fixture
def assessor(agency_a: Any) -> Any:
    return _user("assessor_a", agency_a, Role.ASSESSOR)


@pytest.fixture
def outsider(db: Any) -> Any:
    return _user("outsider")


@pytest.fixture
def coordinator_b(agency_b: Any) -> Any:
    return _user("coord_b", agency_b, Role.COORDINATOR)


@pytest.fixture
def response_set_a(agency_a: Any, mini: Any) -> Any:
    rs = start_response_set(agency_a, mini, by=None)
    hr, strategy = agency_a.units.get(short_name="บค."), agency_a.units.get(short_name="ยศ.")
    rows = list(rs.responses.select_related("item"))
    assign_units(rows[0], [hr], by=None)
    assign_units(rows[1], [strategy], by=None)
    return rs


@pytest.fixture
def response_set_b(agency_b: Any, mini: Any) -> Any:
    return start_response_set(agency_b, mini, by=None)


def login(user: Any) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client
