"""Helpers shared by the workspace page tests."""

from __future__ import annotations

from typing import Any

from openita.disclosure import services
from openita.disclosure.models import ItemStatus

PDF_BYTES = b"%PDF-1.4\n% OpenITA test evidence\n"
EIT_LINK = "https://forms.example.test/eit-2566"
TITLES = ["โครงสร้าง", "ข่าวประชาสัมพันธ์", "ประกาศเจตนารมณ์นโยบาย No Gift Policy"]


def _responses(rs: Any) -> dict[str, Any]:
    return {r.item.code: r for r in rs.responses.select_related("item", "response_set")}


def _oit(rs: Any, tail: str = "") -> str:
    return f"/oit/{rs.uuid}/{tail}"


def _item_url(rs: Any, response: Any, tail: str = "") -> str:
    return f"/oit/{rs.uuid}/items/{response.uuid}/{tail}"


def _approve_all(rs: Any, coordinator: Any) -> None:
    for code, response in _responses(rs).items():
        services.add_link(response, by=coordinator, url=f"https://example.test/{code}")
        services.change_status(response, ItemStatus.APPROVED, by=coordinator)


def _page(response: Any) -> str:
    return response.content.decode()
