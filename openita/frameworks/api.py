from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from openita.frameworks.models import Framework

router = Router(tags=["frameworks"])


class FrameworkOut(Schema):
    id: str
    fiscal_year: int
    name: str
    owner: str
    oit_items: int
    complete: bool
    confidence: str
    previous: str | None


@router.get("", response=list[FrameworkOut], auth=None, summary="Frameworks in the library")
def list_frameworks(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {"id": fw.code, "fiscal_year": fw.fiscal_year, "name": fw.name, "owner": fw.owner,
         "oit_items": fw.n_items, "complete": fw.complete, "confidence": fw.confidence,
         "previous": fw.previous_code or None}
        for fw in Framework.objects.annotate_items()
    ]  # fmt: skip


@router.get("/{code}", response=dict[str, Any], auth=None, summary="One framework, whole")
def get_framework(request: HttpRequest, code: str) -> dict[str, Any]:
    return get_object_or_404(Framework, code=code).document  # type: ignore[no-any-return]
