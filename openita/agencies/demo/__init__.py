"""Demo data: agencies like those of the seed documents, one user per role, assignments.

Everything comes from demo.yaml beside this module; running it again refreshes the demo users'
passwords and leaves other data alone.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from openita.accounts.models import User
from openita.accounts.services import create_user
from openita.agencies import services
from openita.agencies.models import Agency, Unit
from openita.disclosure.services import assign_units, start_response_set
from openita.frameworks.models import Framework
from openita.lib.itemcodes import normalize_item_code

DEMO_FILE = Path(__file__).with_name("demo.yaml")


class DemoError(Exception):
    pass


@dataclass
class Login:
    username: str
    password: str
    role: str
    agency: str


@dataclass
class DemoResult:
    agencies: dict[str, Agency] = field(default_factory=dict)
    logins: list[Login] = field(default_factory=list)


def _password() -> str:
    # Readable but random: the demo runs on people's laptops, never with fixed passwords.
    return "-".join(secrets.token_hex(3) for _ in range(3))


def _agency(spec: dict[str, Any]) -> Agency:
    agency = Agency.objects.filter(name=spec["name"]).first()
    if agency is None:
        fields = {k: spec[k] for k in ("name", "name_en", "kind", "province", "parent_body",
                                       "website")}  # fmt: skip
        agency = services.create_agency(by=None, **fields)
    for unit in spec["units"]:
        if not agency.units.filter(name=unit["name"]).exists():
            services.add_unit(agency, unit["name"], short_name=unit["short"], by=None)
    return agency


def _user(spec: dict[str, Any], agencies: dict[str, Agency]) -> Login:
    password = _password()
    user = User.objects.filter(username=spec["username"]).first()
    if user is None:
        user = create_user(
            spec["username"],
            password,
            display_name=spec["name"],
            email=f"{spec['username']}@demo.openita.local",
            is_superuser=spec["role"] == "site_admin",
            by=None,
        )
    else:
        user.set_password(password)
        user.save()
    scope = (
        list(agencies.values())
        if spec.get("agency") == "*"
        else ([agencies[spec["agency"]]] if spec.get("agency") else [])
    )
    for agency in scope:
        units = list(agency.units.filter(short_name__in=spec.get("units", [])))
        services.add_member(agency, user, spec["role"], units=units or None, by=None)
    label = "ทุกหน่วยงานตัวอย่าง" if spec.get("agency") == "*" else (scope[0].name if scope else "")
    return Login(spec["username"], password, spec["role"], label)


def _assignments(agency: Agency, framework: Framework, table: dict[str, list[str]]) -> None:
    response_set = start_response_set(agency, framework, by=None)
    units = {u.short_name: u for u in Unit.objects.filter(agency=agency)}
    rows = {r.item.code: r for r in response_set.responses.select_related("item")}
    for code, names in table.items():
        row = rows.get(normalize_item_code(code))
        if row is None:
            raise DemoError(f"demo.yaml assigns {code}, which {framework.code} does not have")
        if not row.units.exists():
            assign_units(row, [units[n] for n in names], by=None)


@transaction.atomic
def build_demo(path: Path = DEMO_FILE) -> DemoResult:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    framework = Framework.objects.filter(code=spec["framework"]).first()
    if framework is None:
        raise DemoError(
            f"framework {spec['framework']} is not loaded; run: openita frameworks load"
        )
    result = DemoResult()
    for agency_spec in spec["agencies"]:
        result.agencies[agency_spec["key"]] = _agency(agency_spec)
    for key, table in spec["assignments"].items():
        _assignments(result.agencies[key], framework, table)
    result.logins = [_user(u, result.agencies) for u in spec["users"]]
    return result
