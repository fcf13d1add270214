"""Agency A's final FY2566 results (the `mini` framework), last year's, and next year's set.

Survey scores sit on the thresholds' edges: indicator 1 at 84.99 (urgent), 2 at 85.00 and 3 at
94.99 (points to improve), 4 at 95.00 (left out). O7 fails, so indicator 9 is 50.00.
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
import yaml

from openita.disclosure import services as disclosure
from openita.disclosure.models import ItemStatus
from openita.frameworks import schema
from openita.frameworks import services as frameworks
from openita.improvement import services
from openita.improvement.models import Kind
from openita.review import services as review
from openita.review.models import ItemReview, Review, ReviewStatus
from openita.surveys.services import enter_scores
from tests.conftest import FIXTURES

SITE = "https://example.go.th"
PDF = b"%PDF-1.4\n% a small test document\n%%EOF\n"
SCORES = {
    1: Decimal("84.99"), 2: Decimal("85.00"), 3: Decimal("94.99"), 4: Decimal("95.00"),
    5: Decimal("98.38"), 6: Decimal("82.55"), 7: Decimal("90.48"), 8: Decimal("100"),
}  # fmt: skip
MEASURES_TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
REPORT_ITEM_TITLE = "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"


def mini_document() -> dict[str, Any]:
    return yaml.safe_load((FIXTURES / "mini-2566.yaml").read_text(encoding="utf-8"))


def install(doc: dict[str, Any]) -> Any:
    framework, _ = frameworks.install(
        schema.validate_document(doc, source=doc["id"]), source=doc["id"], by=None
    )
    return framework


def _measures_item(code: str, title: str) -> dict[str, Any]:
    return {
        "code": code, "title": title, "sub_indicator": "10.1", "coverage": "fy_data",
        "elements": [{"text": "แสดงมาตรการและผลการดำเนินการ"}],
    }  # fmt: skip


@pytest.fixture
def last_year(agency_a: Any, db: Any) -> Review:
    """FY2565 final results stored as the review app stores them: O7 passed then."""
    doc = copy.deepcopy(mini_document())
    doc.update(id="mini-2565", fiscal_year=2565, previous="")
    for entry in doc["items"]:
        entry.pop("continues", None)
    rs = disclosure.start_response_set(agency_a, install(doc), by=None)
    rs.status = "submitted"
    rs.save()
    results = {"indicators": {"1": 80.0, "6": 85.55, "9": 100.0}, "ita": 88.0}
    old = Review.objects.create(response_set=rs, status=ReviewStatus.FINAL, results=results)
    for response in rs.responses.all():
        ItemReview.objects.create(review=old, response=response, score=100, is_draft=False)
    return old


@pytest.fixture
def final(response_set_a: Any, assessor: Any, coordinator: Any, agency_a: Any, mini: Any) -> Any:
    """Agency A's FY2566 results, reviewed and confirmed through the services."""
    for response in response_set_a.responses.select_related("item"):
        disclosure.add_link(response, by=None, url=f"{SITE}/{response.item.code}")
        disclosure.change_status(response, ItemStatus.APPROVED, by=None)
    submitted = disclosure.submit(response_set_a, by=None)
    started = review.start_review(submitted, assessor=assessor, by=None)
    for row in started.items.select_related("response__item"):
        fail = row.response.item.code == "O7"
        review.record_verdict(
            row, by=assessor, version=row.version, score=Decimal(0 if fail else 100),
            comment="ไม่พบข่าวประชาสัมพันธ์ปี 2566" if fail else "",
        )  # fmt: skip
    released = review.release(started, by=assessor)
    enter_scores(agency_a, mini, SCORES, by=None)
    review.refresh_results(response_set_a)
    return review.confirm(released, by=coordinator)


@pytest.fixture
def plan(final: Any, coordinator: Any) -> Any:
    return services.generate_draft(final.response_set, by=coordinator)


def weakness(plan: Any, code: str, kind: str = Kind.INDICATOR) -> Any:
    return plan.weaknesses.get(kind=kind, code=code)


def measure_input(plan: Any, **changes: Any) -> services.MeasureInput:
    if "unit" not in changes:
        changes["unit"] = plan.agency.units.get(short_name="บค.")
    if "weaknesses" not in changes:
        changes["weaknesses"] = [weakness(plan, "6")]
    values: dict[str, Any] = {
        "title": "มาตรการยกระดับคุณภาพการดำเนินงาน",
        "steps": "1. จัดทำคู่มือการให้บริการ\n2. ประชาสัมพันธ์คู่มือ",
        "expected_result": "ผู้รับบริการได้รับความสะดวก รวดเร็ว",
        "starts_on": dt.date(2022, 10, 1),
        "ends_on": dt.date(2023, 9, 30),
        "monitoring": "รายงานผลต่อผู้บริหารทุกไตรมาส",
        "budget": Decimal("50000"),
    }
    values.update(changes)
    return services.MeasureInput(**values)


@pytest.fixture
def measure(plan: Any, coordinator: Any) -> Any:
    return services.create_measure(plan, by=coordinator, data=measure_input(plan))


@pytest.fixture
def next_set(agency_a: Any, final: Any) -> Any:
    """FY2567 set of a framework that continues `mini` and has the two measures items."""
    doc = copy.deepcopy(mini_document())
    doc.update(id="mini-next-2567", fiscal_year=2567, previous="mini-2566")
    for entry in doc["items"]:
        entry["continues"] = [entry["code"] if entry["code"] != "01" else "O1"]
    doc["items"] += [
        _measures_item("O41", REPORT_ITEM_TITLE),  # listed first: order must not decide
        _measures_item("O40", MEASURES_TITLE),
    ]
    return disclosure.start_response_set(agency_a, install(doc), by=None)
