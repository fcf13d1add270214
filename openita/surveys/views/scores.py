"""IIT/EIT scores of an agency for one framework: shown to its members, set by assessors."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openita.agencies import access
from openita.agencies.models import Role
from openita.surveys import services
from openita.surveys.document import survey_indicators
from openita.surveys.errors import SurveyError


def _may_set(user: Any, agency: Any) -> bool:
    """Scores come from outside the agency: its assessors (or site admins) set them."""
    return bool({Role.ASSESSOR, "site_admin"} & access.roles_at(user, agency))


def _rescore(rs: Any) -> None:
    from openita.review.services import refresh_results

    refresh_results(rs)


@login_required
def scores(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs = access.get_response_set_for_user(request.user, set_uuid)
    names = {i["number"]: i["name"] for i in rs.framework.document["indicators"]}
    current = services.scores_for(rs.agency, rs.framework)
    sources = services.sources_for(rs.agency, rs.framework)
    rows = [
        {
            "number": n,
            "instrument": code,
            "name": names.get(n, ""),
            "score": current.get(n),
            "source": sources.get(n, ""),
        }
        for n, code in sorted(survey_indicators(rs.framework.document).items())
    ]
    context = {
        "rs": rs,
        "rows": rows,
        "may_set": _may_set(request.user, rs.agency),
        "may_run": access.is_coordinator(request.user, rs.agency),
    }
    return render(request, "surveys/scores.html", context)


def _refuse(request: HttpRequest, exc: SurveyError) -> None:
    for error in exc.errors:
        messages.error(request, str(error))


@login_required
@require_POST
def enter(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs = access.get_response_set_for_user(request.user, set_uuid)
    if not _may_set(request.user, rs.agency):
        return redirect("surveys:scores", set_uuid)
    given: dict[int, Any] = {}
    for n in survey_indicators(rs.framework.document):
        raw = request.POST.get(f"indicator_{n}", "").strip()
        if raw:
            try:
                given[n] = Decimal(raw)
            except InvalidOperation:
                given[n] = raw  # the service names it as not a number
    try:
        services.enter_scores(rs.agency, rs.framework, given, by=request.user)
    except SurveyError as exc:
        _refuse(request, exc)
    else:
        _rescore(rs)
        messages.success(request, _("Survey scores saved."))
    return redirect("surveys:scores", set_uuid)


@login_required
@require_POST
def upload(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs = access.get_response_set_for_user(request.user, set_uuid)
    upload = request.FILES.get("file")
    if not _may_set(request.user, rs.agency) or upload is None:
        messages.error(request, _("Choose a CSV or Excel file to import."))
        return redirect("surveys:scores", set_uuid)
    try:
        services.import_scores(rs.agency, rs.framework, upload.read(), upload.name, by=request.user)
    except SurveyError as exc:
        _refuse(request, exc)
    else:
        _rescore(rs)
        messages.success(request, _("Survey scores imported."))
    return redirect("surveys:scores", set_uuid)
