from typing import Any
from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Schema

from openita.agencies import access

router = Router(tags=["OIT disclosure"])


class LinkOut(Schema):
    uuid: UUID
    url: str
    label: str
    menu_path: str
    check_outcome: str
    check_status: int | None
    needs_recheck: bool


class FileOut(Schema):
    uuid: UUID
    name: str
    size: int
    sha256: str


class ItemResponseOut(Schema):
    uuid: UUID
    code: str
    title: str
    sub_indicator: str
    status: str
    units: list[str]
    none_declared: bool
    links: list[LinkOut]
    files: list[FileOut]


class ResponseSetOut(Schema):
    uuid: UUID
    agency: UUID
    framework: str
    fiscal_year: int
    status: str
    items: list[ItemResponseOut]


def _item(r: Any) -> dict[str, Any]:
    return {
        "uuid": r.uuid, "code": r.item.code, "title": r.item.title,
        "sub_indicator": r.item.sub_indicator, "status": r.status,
        "units": [u.name for u in r.units.all()], "none_declared": r.none_declared,
        "links": list(r.links.all()),
        "files": [{"uuid": f.uuid, "name": f.original_name, "size": f.size, "sha256": f.sha256}
                  for f in r.files.all()],
    }  # fmt: skip


@router.get("/{set_uuid}", response=ResponseSetOut, summary="An agency's OIT response set")
def get_response_set(request: HttpRequest, set_uuid: UUID) -> dict[str, Any]:
    rs = access.get_response_set_for_user(request.user, set_uuid)
    rows = access.responses_visible_to(request.user, rs).prefetch_related("links", "files")
    return {
        "uuid": rs.uuid, "agency": rs.agency.uuid, "framework": rs.framework.code,
        "fiscal_year": rs.framework.fiscal_year, "status": rs.status,
        "items": [_item(r) for r in rows],
    }  # fmt: skip
