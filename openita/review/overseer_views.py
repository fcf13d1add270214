"""The overseer dashboard: every agency a province, ministry or agency type oversees."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from openita.review import overview

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORTS: dict[str, tuple[str, Callable[[overview.Overview], bytes]]] = {
    "csv": ("text/csv; charset=utf-8", overview.render_csv),
    "xlsx": (XLSX, overview.render_xlsx),
}


def _build(request: HttpRequest) -> overview.Overview:
    agencies = overview.agencies_overseen_by(request.user)
    filters = overview.Filters.from_query(request.GET)
    return overview.build(agencies, filters, today=timezone.localdate())


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    context = {"o": _build(request), "query": request.GET.urlencode()}
    return render(request, "review/overview.html", context)


@login_required
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in EXPORTS:
        raise Http404("No such format")
    data = _build(request)
    content_type, render_file = EXPORTS[fmt]
    response = HttpResponse(render_file(data), content_type=content_type)
    name = f"ita-overview-{data.fiscal_year or 'all'}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
