from typing import Any
from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Schema

from openita.agencies import access

router = Router(tags=["OIT disclosure"])


class ItemResponseOut(Schema):
    uuid: UUID
    code: str
    title: str
    sub_indicator: str
    status: str
    units: list[str]


class ResponseSetOut(Schema):
    uuid: UUID
    agency: UUID
    framework: str
    fiscal_year: int
    items: list[ItemResponseOut]


@router.get("/{set_uuid}", response=ResponseSetOut, summary="An agency's OIT response set")
def get_response_set(request: HttpRequest, set_uuid: UUID) -> dict[str, Any]:
    rs = access.get_response_set_for_user(request.user, set_uuid)
    rows = access.responses_visible_to(request.user, rs)
    return {
        "uuid": rs.uuid,
        "agency": rs.agency.uuid,
        "framework": rs.framework.code,
        "fiscal_year": rs.framework.fiscal_year,
        "items": [
            {
                "uuid": r.uuid,
                "code": r.item.code,
                "title": r.item.title,
                "sub_indicator": r.item.sub_indicator,
                "status": r.status,
                "units": [u.name for u in r.units.all()],
            }
            for r in rows
        ],
    }
