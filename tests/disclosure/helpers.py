"""Helpers shared by the workspace service tests."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.conf import settings

from openita.audit.models import AuditEntry
from openita.disclosure import services
from openita.disclosure.models import (
    EvidenceFile,
    EvidenceLink,
    ItemResponse,
    ItemStatus,
    ResponseSet,
)

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 17
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
HTML = b"<!doctype html><html><body><h1>structure</h1></body></html>"
SITE = "https://www.example.go.th"


def item(response_set: ResponseSet, code: str) -> ItemResponse:
    """A fresh copy of one item, as a view would load it."""
    return response_set.responses.select_related("item", "response_set__agency").get(
        item__code=code
    )


def unit(agency: Any, short_name: str) -> Any:
    return agency.units.get(short_name=short_name)


def saved(response_set: ResponseSet) -> dict[str, Any]:
    """What a set holds, its stored files and the audit log, to compare around a refusal."""
    rows = response_set.responses.order_by("pk").values(
        "pk", "status", "version", "explanation", "element_checks", "none_declared",
        "none_reason", "responsible", "due_date", "updated_by",
    )  # fmt: skip
    root = Path(settings.MEDIA_ROOT)
    return {
        "set": list(
            ResponseSet.objects.filter(pk=response_set.pk).values(
                "status", "submitted_at", "submitted_by", "eit_survey_url"
            )
        ),
        "responses": [
            {**row, "units": sorted(ItemResponse.objects.get(pk=row["pk"]).units.values_list("pk"))}
            for row in rows
        ],
        "links": list(
            EvidenceLink.objects.filter(response__response_set=response_set)
            .order_by("pk")
            .values("pk", "response", "url", "label", "menu_path", "check_outcome")
        ),
        "files": list(
            EvidenceFile.objects.filter(response__response_set=response_set)
            .order_by("pk")
            .values("pk", "response", "file", "sha256", "size", "original_name")
        ),
        "stored": sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()),
        "audit": list(AuditEntry.objects.order_by("pk").values_list("pk", "action")),
    }


def codes_in(message: object) -> list[str]:
    return re.findall(r"\bO\d+\b", str(message))


def approve(response: ItemResponse, by: Any) -> None:
    services.add_link(response, by=by, url=f"{SITE}/{response.item.code}")
    services.change_status(response, ItemStatus.APPROVED, by=by)


def approve_all(response_set: ResponseSet, by: Any) -> None:
    for response in response_set.responses.select_related("item"):
        approve(response, by)
