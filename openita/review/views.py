"""Assessor pages (queue, review) and the agency's results page with disputes."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openita.agencies import access as agency_access
from openita.core.downloads import attachment, pdf_unavailable
from openita.disclosure.views.common import attempt
from openita.reports.render.pdf import PdfRenderError
from openita.reports.render.results import results_pdf, results_xlsx
from openita.review import access, report, services
from openita.review.models import ItemReview
from openita.review.results import gains as gains_of
from openita.sitecheck import findings as sitecheck

RESULT_FORMATS = {
    "pdf": (results_pdf, "application/pdf"),
    "xlsx": (results_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    context = {
        "reviews": access.reviews_for(request.user),
        "waiting": access.unassessed_sets_for(request.user),
    }
    return render(request, "review/queue.html", context)


@login_required
@require_POST
def start(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs = get_object_or_404(access.unassessed_sets_for(request.user), uuid=set_uuid)
    review = services.start_review(rs, assessor=request.user, by=request.user)
    return redirect("review:review", review.uuid)


def _rows(review):  # type: ignore[no-untyped-def]
    return review.items.select_related("response__item__framework", "dispute").prefetch_related(
        "response__links__captures", "response__files", "dispute__links"
    )


@login_required
def review_page(request: HttpRequest, review_uuid: UUID) -> HttpResponse:
    review = access.get_review_for_assessor(request.user, review_uuid)
    # The site pre-check is shown as a hint beside each item; scoring never reads it.
    checked, hints = sitecheck.review_hints(review.response_set)
    rows = list(_rows(review))
    for row in rows:
        row.precheck = hints.get(row.response.item.code)
    context = {"review": review, "rows": rows, "precheck_at": checked and checked.finished_at}
    return render(request, "review/review.html", context)


@login_required
@require_POST
def verdict(request: HttpRequest, review_uuid: UUID, item_uuid: UUID) -> HttpResponse:
    review = access.get_review_for_assessor(request.user, review_uuid)
    row = get_object_or_404(ItemReview, review=review, response__uuid=item_uuid)
    raw = request.POST.get("score", "")
    score = Decimal(raw) if raw in ("0", "100") else None
    attempt(
        request,
        lambda: services.record_verdict(
            row,
            by=request.user,
            version=int(request.POST.get("version") or 0),
            score=score,
            element_checks=[int(i) for i in request.POST.getlist("elements") if i.isdigit()],
            comment=request.POST.get("comment", ""),
            draft="draft" in request.POST,
            needs_correction=bool(request.POST.get("needs_correction")),
        ),
        _("Verdict saved."),
    )
    return redirect(
        reverse("review:review", args=[review.uuid]) + f"#item-{row.response.item.code}"
    )


@login_required
@require_POST
def release(request: HttpRequest, review_uuid: UUID) -> HttpResponse:
    review = access.get_review_for_assessor(request.user, review_uuid)
    attempt(
        request,
        lambda: services.release(review, by=request.user),
        _("Preliminary results released to the agency."),
    )
    return redirect("review:review", review.uuid)


@login_required
@require_POST
def decide(request: HttpRequest, review_uuid: UUID, item_uuid: UUID) -> HttpResponse:
    review = access.get_review_for_assessor(request.user, review_uuid)
    row = get_object_or_404(ItemReview, review=review, response__uuid=item_uuid)
    if not hasattr(row, "dispute"):
        raise Http404("No dispute")
    accept = request.POST.get("decision") == "accept"
    attempt(
        request,
        lambda: services.decide(
            row.dispute, by=request.user, accept=accept, comment=request.POST.get("comment", "")
        ),
        _("Decision saved."),
    )
    return redirect("review:review", review.uuid)


@login_required
def results(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs, review = access.get_released_review(request.user, set_uuid)
    context = {
        "rs": rs,
        "review": review,
        "rows": _rows(review) if review else [],
        "gains": gains_of(review) if review else [],
        "report": report.build(review) if review else None,
        "is_coordinator": agency_access.is_coordinator(request.user, rs.agency),
    }
    return render(request, "review/results.html", context)


@login_required
@require_POST
def dispute(request: HttpRequest, set_uuid: UUID, item_uuid: UUID) -> HttpResponse:
    rs, review = access.get_released_review(request.user, set_uuid)
    row = get_object_or_404(ItemReview, review=review, response__uuid=item_uuid)
    attempt(
        request,
        lambda: services.dispute(
            row,
            by=request.user,
            explanation=request.POST.get("explanation", ""),
            urls=request.POST.getlist("urls"),
        ),
        _("Clarification sent to the assessor."),
    )
    return redirect("review:results", rs.uuid)


@login_required
@require_POST
def confirm(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs, review = access.get_released_review(request.user, set_uuid)
    if review is None:
        raise Http404("No released results")
    attempt(
        request,
        lambda: services.confirm(review, by=request.user),
        _("Results confirmed: they are now final."),
    )
    return redirect("review:results", rs.uuid)


@login_required
def results_export(request: HttpRequest, set_uuid: UUID, fmt: str) -> HttpResponse:
    rs, review = access.get_released_review(request.user, set_uuid)
    if review is None or fmt not in RESULT_FORMATS:
        raise Http404("No released results in that format")
    render_fn, mime = RESULT_FORMATS[fmt]
    try:
        data = render_fn(report.build(review))
    except PdfRenderError:
        return pdf_unavailable()
    return attachment(data, mime, f"ita-results-{rs.framework.fiscal_year}.{fmt}")


@login_required
@require_POST
def second_opinion(request: HttpRequest, review_uuid: UUID, item_uuid: UUID) -> HttpResponse:
    review = access.get_review_for_assessor(request.user, review_uuid)
    row = get_object_or_404(ItemReview, review=review, response__uuid=item_uuid)
    raw = request.POST.get("score", "")
    if raw not in ("0", "100"):
        messages.error(request, _("Choose pass or fail."))
    else:
        attempt(
            request,
            lambda: services.record_second_opinion(
                row, by=request.user, score=Decimal(raw), comment=request.POST.get("comment", "")
            ),
            _("Second opinion saved."),
        )
    return redirect(
        reverse("review:review", args=[review.uuid]) + f"#item-{row.response.item.code}"
    )
