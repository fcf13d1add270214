"""The public results page of an agency, once its results are final and published."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from openita.review.models import Review, ReviewStatus


def results(request: HttpRequest, agency_uuid: UUID, fiscal_year: int) -> HttpResponse:
    from openita.timeline.services import phase_state

    review = (
        Review.objects.select_related("response_set__agency", "response_set__framework")
        .filter(
            response_set__agency__uuid=agency_uuid,
            response_set__framework__fiscal_year=fiscal_year,
            status=ReviewStatus.FINAL,
        )
        .first()
    )
    # Final results stay private until the publication phase opens (when it is set).
    if review is None or phase_state(fiscal_year, "publication") in ("upcoming",):
        raise Http404("No published results")
    rows = review.items.select_related("response__item").order_by("response__item__number")
    return render(request, "review/public_results.html", {"review": review, "rows": rows})
