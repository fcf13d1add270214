from typing import Any
from uuid import UUID

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from openita.agencies import access

router = Router(tags=["agencies"])


class AgencyOut(Schema):
    uuid: UUID
    name: str
    name_en: str
    kind: str
    region: str
    province: str
    parent_body: str
    website: str
    roles: list[str]


class UnitOut(Schema):
    uuid: UUID
    name: str
    short_name: str


class AuditOut(Schema):
    uuid: UUID
    at: str
    actor: str
    action: str
    object: str
    before: Any
    after: Any


class ResponseSetRef(Schema):
    uuid: UUID
    framework: str
    fiscal_year: int


def _agency_out(user: Any, agency: Any) -> dict[str, Any]:
    fields = ("uuid", "name", "name_en", "kind", "region", "province", "parent_body", "website")
    return {
        **{f: getattr(agency, f) for f in fields},
        "roles": sorted(access.roles_at(user, agency)),
    }


@router.get("", response=list[AgencyOut], summary="Agencies you may see")
def list_agencies(request: HttpRequest) -> list[dict[str, Any]]:
    return [_agency_out(request.user, a) for a in access.agencies_for(request.user)]


@router.get("/{agency_uuid}", response=AgencyOut)
def get_agency(request: HttpRequest, agency_uuid: UUID) -> dict[str, Any]:
    return _agency_out(request.user, access.get_agency_for_user(request.user, agency_uuid))


@router.get("/{agency_uuid}/units", response=list[UnitOut])
def list_units(request: HttpRequest, agency_uuid: UUID) -> Any:
    return access.get_agency_for_user(request.user, agency_uuid).units.all()


@router.get("/{agency_uuid}/response-sets", response=list[ResponseSetRef])
def list_response_sets(request: HttpRequest, agency_uuid: UUID) -> list[dict[str, Any]]:
    agency = access.get_agency_for_user(request.user, agency_uuid)
    return [
        {"uuid": rs.uuid, "framework": rs.framework.code, "fiscal_year": rs.framework.fiscal_year}
        for rs in agency.response_sets.select_related("framework")
    ]


@router.get("/{agency_uuid}/audit", response=list[AuditOut], summary="The agency's audit log")
def list_audit(request: HttpRequest, agency_uuid: UUID, limit: int = 100) -> list[dict[str, Any]]:
    agency = access.get_agency_for_user(request.user, agency_uuid)
    if not access.can_read_audit(request.user, agency):
        raise Http404("No such agency")
    entries = agency.audit_entries.all()[: max(1, min(limit, 1000))]
    return [
        {
            "uuid": e.uuid,
            "at": e.at.isoformat(),
            "actor": e.actor_label,
            "action": e.action,
            "object": e.object_label,
            "before": e.before,
            "after": e.after,
        }
        for e in entries
    ]
