"""Public pages of an agency's OIT disclosure: no login, stable URLs per agency and year."""

from __future__ import annotations

from uuid import UUID

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.clickjacking import xframe_options_exempt

from openita.disclosure.models import EvidenceFile, ResponseSet
from openita.disclosure.public import PUBLIC_STATUSES, build_report, manifest, public_url
from openita.disclosure.views.coordinator import export_response
from openita.disclosure.views.workspace import file_response
from openita.reports.render import FORMATS, render_html

EXPORT_CACHE_SECONDS = 300


def _public_set(agency_uuid: UUID, fiscal_year: int) -> ResponseSet:
    rs = (
        ResponseSet.objects.select_related("agency", "framework")
        .filter(agency__uuid=agency_uuid, framework__fiscal_year=fiscal_year)
        .order_by("-created_at")
        .first()
    )
    if rs is None:
        raise Http404("No OIT page for this agency and year")
    return rs


def page(request: HttpRequest, agency_uuid: UUID, fiscal_year: int) -> HttpResponse:
    rs = _public_set(agency_uuid, fiscal_year)
    report = build_report(rs)
    embed_url = public_url(rs, "public:embed")
    snippet = render(request, "disclosure/public_snippet.html", {"report": report}).content.decode()
    context = {
        "rs": rs,
        "report": report,
        "embed_url": embed_url,
        "snippet": snippet,
        "formats": FORMATS,
        "manifest_url": public_url(rs, "public:manifest"),
    }
    return render(request, "disclosure/public_page.html", context)


@xframe_options_exempt
def embed(request: HttpRequest, agency_uuid: UUID, fiscal_year: int) -> HttpResponse:
    rs = _public_set(agency_uuid, fiscal_year)
    return HttpResponse(render_html(build_report(rs), embed=True))


def manifest_json(request: HttpRequest, agency_uuid: UUID, fiscal_year: int) -> JsonResponse:
    rs = _public_set(agency_uuid, fiscal_year)
    response = JsonResponse(manifest(build_report(rs)), json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"  # read by other sites and tools
    return response


def export(request: HttpRequest, agency_uuid: UUID, fiscal_year: int, fmt: str) -> HttpResponse:
    # Anyone may ask, and a PDF costs a Chromium run: keep each export for a few minutes.
    key = f"oit-public-export:{agency_uuid}:{fiscal_year}:{fmt}"
    cached = cache.get(key)
    if cached is None:
        cached = export_response(_public_set(agency_uuid, fiscal_year), fmt)
        cache.set(key, cached, EXPORT_CACHE_SECONDS)
    return cached


def public_file(
    request: HttpRequest, agency_uuid: UUID, fiscal_year: int, file_uuid: UUID
) -> HttpResponse:
    rs = _public_set(agency_uuid, fiscal_year)
    evidence = get_object_or_404(
        EvidenceFile,
        uuid=file_uuid,
        response__response_set=rs,
        response__status__in=PUBLIC_STATUSES,
    )
    return file_response(evidence)
