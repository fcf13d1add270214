"""The coordinator's page of the native surveys: prepare, open and close them, the link and
its QR code, single-use codes and their print sheet, populations, progress and scores."""

from __future__ import annotations

import io
from typing import Any
from uuid import UUID

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openita.core.downloads import attachment
from openita.surveys import access
from openita.surveys.codes import spaced, survey_url
from openita.surveys.document import SURVEY_INSTRUMENTS
from openita.surveys.errors import SurveyError
from openita.surveys.forms import INSTRUMENT_TITLES, build_form
from openita.surveys.models import Survey
from openita.surveys.progress import describe_rule, progress
from openita.surveys.services import runs


def _attempt(request: HttpRequest, action: Any, success: str) -> bool:
    try:
        action()
    except SurveyError as exc:
        for error in exc.errors:
            messages.error(request, str(error))
        return False
    messages.success(request, success)
    return True


def _panel(rs: Any, instrument: str, survey: Survey | None) -> dict[str, Any]:
    panel: dict[str, Any] = {"instrument": instrument, "title": INSTRUMENT_TITLES[instrument]}
    panel["has_questions"] = build_form(rs.framework.document, instrument) is not None
    panel["survey"] = survey
    if survey is not None:
        panel["url"] = survey_url(survey.token)
        panel["progress"] = progress(survey)
        panel["rule"] = describe_rule(survey.sample_rule)
        panel["rule_is_nacc"] = bool(survey.sample_rule.get("nacc"))
    return panel


@login_required
def page(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs = access.get_coordinated_set(request.user, set_uuid)
    surveys = {
        s.instrument: s for s in Survey.objects.filter(agency=rs.agency, framework=rs.framework)
    }
    panels = [_panel(rs, i, surveys.get(i)) for i in SURVEY_INSTRUMENTS]
    units = list(rs.agency.units.all())
    return render(request, "surveys/runs.html", {"rs": rs, "panels": panels, "units": units})


@login_required
@require_POST
def create(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs = access.get_coordinated_set(request.user, set_uuid)
    instrument = request.POST.get("instrument", "")
    _attempt(
        request,
        lambda: runs.create_survey(rs.agency, rs.framework, instrument, by=request.user),
        _("The survey is ready. Open it when people may answer."),
    )
    return redirect("surveys:runs", set_uuid)


@login_required
@require_POST
def status(request: HttpRequest, set_uuid: UUID, survey_uuid: UUID) -> HttpResponse:
    _rs, survey = access.get_survey_for_coordinator(request.user, set_uuid, survey_uuid)
    if request.POST.get("action") == "open":
        runs.open_survey(survey, by=request.user)
        messages.success(request, _("The survey is open for answers."))
    elif request.POST.get("action") == "close":
        runs.close_survey(survey, by=request.user)
        messages.success(request, _("The survey is closed. Its scores are being recomputed."))
    return redirect("surveys:runs", set_uuid)


@login_required
@require_POST
def code_rule(request: HttpRequest, set_uuid: UUID, survey_uuid: UUID) -> HttpResponse:
    _rs, survey = access.get_survey_for_coordinator(request.user, set_uuid, survey_uuid)
    required = request.POST.get("required") == "1"
    _attempt(
        request,
        lambda: runs.set_code_required(survey, required, by=request.user),
        _("Saved."),
    )
    return redirect("surveys:runs", set_uuid)


def _count(raw: str) -> int | str | None:
    raw = raw.strip().replace(",", "")
    if not raw:
        return None
    return int(raw) if raw.isdigit() else raw  # the service names a non-number


@login_required
@require_POST
def population(request: HttpRequest, set_uuid: UUID, survey_uuid: UUID) -> HttpResponse:
    rs, survey = access.get_survey_for_coordinator(request.user, set_uuid, survey_uuid)
    counts: dict[int | None, Any] = {None: _count(request.POST.get("agency", ""))}
    for unit in rs.agency.units.all():
        counts[unit.pk] = _count(request.POST.get(f"unit_{unit.uuid}", ""))
    _attempt(
        request,
        lambda: runs.set_populations(survey, counts, by=request.user),
        _("Population saved."),
    )
    return redirect("surveys:runs", set_uuid)


@login_required
@require_POST
def codes(request: HttpRequest, set_uuid: UUID, survey_uuid: UUID) -> HttpResponse:
    rs, survey = access.get_survey_for_coordinator(request.user, set_uuid, survey_uuid)
    unit = rs.agency.units.filter(uuid=request.POST.get("unit") or None).first()
    raw = request.POST.get("count", "").strip()
    count: Any = int(raw) if raw.isdigit() else raw
    try:
        made = runs.generate_codes(survey, count, unit=unit, by=request.user)
    except SurveyError as exc:
        for error in exc.errors:
            messages.error(request, str(error))
        return redirect("surveys:runs", set_uuid)
    return _print_sheet(request, rs, survey, unit, made)


def _qr_svg(url: str) -> str:
    # segno writes the SVG itself from a URL it encodes; nothing of the request enters it.
    return mark_safe(segno.make_qr(url, error="m").svg_inline(scale=3, border=2))  # noqa: S308


def _print_sheet(
    request: HttpRequest, rs: Any, survey: Survey, unit: Any, made: list[str]
) -> HttpResponse:
    slips = [{"code": spaced(c), "qr": _qr_svg(survey_url(survey.token, c))} for c in made]
    context = {
        "rs": rs,
        "survey": survey,
        "unit": unit,
        "slips": slips,
        "title": INSTRUMENT_TITLES[survey.instrument],
        "url": survey_url(survey.token),
    }
    response = render(request, "surveys/codes_print.html", context)
    response["Cache-Control"] = "no-store"  # the codes exist on this page only
    return response


@login_required
def qr(request: HttpRequest, set_uuid: UUID, survey_uuid: UUID, fmt: str) -> HttpResponse:
    _rs, survey = access.get_survey_for_coordinator(request.user, set_uuid, survey_uuid)
    if fmt not in ("svg", "png"):
        raise Http404("Unknown format")
    out = io.BytesIO()
    # make_qr, not make: a short link would otherwise become a Micro QR, which phones do not read.
    segno.make_qr(survey_url(survey.token), error="m").save(out, kind=fmt, scale=10, border=4)
    mime = "image/svg+xml" if fmt == "svg" else "image/png"
    name = f"{survey.instrument.lower()}-qr-{survey.framework.fiscal_year}.{fmt}"
    return attachment(out.getvalue(), mime, name)


@login_required
@require_POST
def refresh(request: HttpRequest, set_uuid: UUID, survey_uuid: UUID) -> HttpResponse:
    _rs, survey = access.get_survey_for_coordinator(request.user, set_uuid, survey_uuid)
    runs.request_refresh(survey)
    messages.success(request, _("The scores are being recomputed from the answers."))
    return redirect("surveys:runs", set_uuid)
