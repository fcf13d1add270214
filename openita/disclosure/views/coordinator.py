"""Coordinator tools: dashboard, Excel assignment, link checks, submission, exports, QR code."""

from __future__ import annotations

import io
import logging
from uuid import UUID

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openita.agencies import access
from openita.core.downloads import attachment, pdf_unavailable
from openita.disclosure import assignment_table, dashboard, services
from openita.disclosure.estimate import estimate
from openita.disclosure.forms import EitLinkForm, TableUploadForm
from openita.disclosure.models import EvidenceLink
from openita.disclosure.public import build_report
from openita.disclosure.views.common import attempt
from openita.frameworks.models import Framework
from openita.reports.render import FORMATS, PdfRenderError
from openita.sitecheck import findings as sitecheck

logger = logging.getLogger(__name__)


def _coordinated_set(request: HttpRequest, set_uuid: UUID):  # type: ignore[no-untyped-def]
    rs = access.get_response_set_for_user(request.user, set_uuid)
    if not access.is_coordinator(request.user, rs.agency):
        raise Http404("No such response set")
    return rs


@login_required
def dashboard_page(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs = _coordinated_set(request, set_uuid)
    context = {
        "rs": rs,
        "d": dashboard.build(rs, now=timezone.now()),
        "estimate": estimate(rs),
        "table_form": TableUploadForm(),
        "eit_form": EitLinkForm(initial={"url": rs.eit_survey_url}),
        "formats": FORMATS,
        "precheck": sitecheck.overview(request.user, rs),
    }
    return render(request, "disclosure/dashboard.html", context)


def _export_rows(rs):  # type: ignore[no-untyped-def]
    names = {s["code"]: s["name"] for s in rs.framework.document["sub_indicators"]}
    return [
        assignment_table.ExportRow(
            code=r.item.code,
            title=r.item.title,
            elements=r.item.element_texts(),
            units=[u.short_name or u.name for u in r.units.all()],
            sub_indicator=r.item.sub_indicator,
            sub_indicator_name=names.get(r.item.sub_indicator, ""),
        )
        for r in rs.responses.select_related("item__framework").prefetch_related("units")
    ]


@login_required
def assignment_export(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs = _coordinated_set(request, set_uuid)
    title = _("Assignment of ITA items, fiscal year %(fy)s") % {"fy": rs.framework.fiscal_year}
    data = assignment_table.write_assignment_table(title=title, rows=_export_rows(rs))
    return attachment(data, FORMATS["xlsx"][1], f"oit-assignments-{rs.framework.fiscal_year}.xlsx")


@login_required
@require_POST
def assignment_upload(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs = _coordinated_set(request, set_uuid)
    form = TableUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose an Excel file (.xlsx) to upload."))
        return redirect("disclosure:dashboard", set_uuid)
    units = [
        assignment_table.UnitRef(str(u.pk), u.name, u.short_name) for u in rs.agency.units.all()
    ]
    codes = rs.responses.values_list("item__code", flat=True)
    try:
        rows = assignment_table.read_assignment_table(
            form.cleaned_data["table"].read(), item_codes=list(codes), units=units
        )
    except assignment_table.AssignmentTableError as exc:
        for error in exc.errors:
            messages.error(request, error)
        return redirect("disclosure:dashboard", set_uuid)
    holder: list[int] = []
    if attempt(
        request, lambda: holder.append(services.apply_assignment_table(rs, rows, by=request.user))
    ):
        messages.success(
            request, _("Assignment table applied: %(n)s items changed.") % {"n": holder[0]}
        )
    return redirect("disclosure:dashboard", set_uuid)


@login_required
@require_POST
def check_links(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs = _coordinated_set(request, set_uuid)
    n = services.request_checks(EvidenceLink.objects.filter(response__response_set=rs))
    messages.success(request, _("%(n)s links will be checked in the background.") % {"n": n})
    return redirect("disclosure:dashboard", set_uuid)


@login_required
@require_POST
def submit(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs = _coordinated_set(request, set_uuid)
    attempt(
        request,
        lambda: services.submit(rs, by=request.user),
        _("Submitted. Every link is being captured as proof of what it showed."),
    )
    return redirect("disclosure:dashboard", set_uuid)


@login_required
@require_POST
def eit_link(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs = _coordinated_set(request, set_uuid)
    url = request.POST.get("url", "")
    attempt(
        request,
        lambda: services.set_eit_survey_url(rs, url, by=request.user),
        _("EIT survey link saved."),
    )
    return redirect("disclosure:dashboard", set_uuid)


@login_required
def eit_qr(request: HttpRequest, set_uuid: UUID, fmt: str) -> HttpResponse:
    rs = access.get_response_set_for_user(request.user, set_uuid)
    if not rs.eit_survey_url or fmt not in ("svg", "png"):
        raise Http404("No EIT survey link yet")
    out = io.BytesIO()
    # make_qr, not make: a short link would otherwise become a Micro QR, which phone cameras
    # do not read.
    segno.make_qr(rs.eit_survey_url, error="m").save(out, kind=fmt, scale=10, border=4)
    mime = "image/svg+xml" if fmt == "svg" else "image/png"
    return attachment(out.getvalue(), mime, f"eit-qr-{rs.framework.fiscal_year}.{fmt}")


@login_required
def export(request: HttpRequest, set_uuid: UUID, fmt: str) -> HttpResponse:
    rs = access.get_response_set_for_user(request.user, set_uuid)
    return export_response(rs, fmt)


def export_response(rs, fmt: str) -> HttpResponse:  # type: ignore[no-untyped-def]
    if fmt not in FORMATS:
        raise Http404("Unknown format")
    render_fn, mime, ext = FORMATS[fmt]
    try:
        data = render_fn(build_report(rs))
    except PdfRenderError:
        logger.exception("PDF export failed")
        return pdf_unavailable()
    return attachment(data, mime, f"oit-{rs.framework.fiscal_year}.{ext}")


@login_required
@require_POST
def start(request: HttpRequest, agency_uuid: UUID) -> HttpResponse:
    agency = access.get_agency_for_user(request.user, agency_uuid)
    if not access.is_coordinator(request.user, agency):
        raise Http404("No such agency")
    framework = Framework.objects.filter(code=request.POST.get("framework", "")).first()
    if framework is None:
        messages.error(request, _("Choose a framework."))
        return redirect("agencies:detail", agency_uuid)
    rs = services.start_response_set(
        agency, framework, by=request.user, carry_forward=bool(request.POST.get("carry_forward"))
    )
    return redirect("disclosure:dashboard", rs.uuid)
