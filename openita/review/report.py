"""Build the results report (openita.reports.results) from a review and last year's."""

from __future__ import annotations

from typing import Any

from openita.reports.results import Gain, ItemResult, Level, ResultsReport
from openita.review import results
from openita.review.models import Review, ReviewStatus


def _previous(review: Review) -> dict[str, Any]:
    """Last fiscal year's final results of the same agency, when there are any."""
    rs = review.response_set
    before = (
        Review.objects.filter(
            response_set__agency=rs.agency,
            response_set__framework__fiscal_year=rs.framework.fiscal_year - 1,
            status=ReviewStatus.FINAL,
        )
        .values_list("results", flat=True)
        .first()
    )
    return before or {}


def build(review: Review) -> ResultsReport:
    rs = review.response_set
    doc = rs.framework.document
    res, old = review.results or {}, _previous(review)
    instruments = {i["code"]: i["name"] for i in doc["instruments"]}
    indicators = {str(i["number"]): i["name"] for i in doc["indicators"]}
    subs = {s["code"]: s["name"] for s in doc["sub_indicators"]}
    rows = review.items.select_related("response__item", "dispute").order_by(
        "response__item__number"
    )
    return ResultsReport(
        agency_name=rs.agency.name,
        framework_name=rs.framework.name,
        fiscal_year=rs.framework.fiscal_year,
        status=review.get_status_display(),
        ita=res.get("ita"),
        rating=res.get("rating"),
        previous_ita=old.get("ita"),
        instruments=[
            Level(k, instruments.get(k, ""), v, old.get("instruments", {}).get(k))
            for k, v in res.get("instruments", {}).items()
        ],
        indicators=[
            Level(k, indicators.get(k, ""), v, old.get("indicators", {}).get(k))
            for k, v in res.get("indicators", {}).items()
        ],
        sub_indicators=[
            Level(k, subs.get(k, ""), v) for k, v in res.get("sub_indicators", {}).items()
        ],
        items=[_item(row) for row in rows],
        gains=[Gain(g["item"], g["ita"], g["gain"]) for g in results.gains(review)],
    )


def _item(row: Any) -> ItemResult:
    dispute = getattr(row, "dispute", None)
    return ItemResult(
        code=row.response.item.code,
        title=row.response.item.title,
        passed=not row.failed,
        score=float(row.score or 0),
        comment=row.comment,
        dispute=dispute.get_status_display() if dispute else "",
    )
