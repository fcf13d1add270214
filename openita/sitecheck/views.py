"""Pre-check pages: start a check, its progress panel (HTMX), the full report, the JSON."""

from __future__ import annotations

import json
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openita.core.downloads import attachment
from openita.sitecheck import access, findings, services
from openita.sitecheck.errors import SiteCheckError
from openita.sitecheck.render import render_html

# The report quotes other sites' text: it may link out, but it runs and loads nothing.
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def _panel(
    request: HttpRequest, rs, error: str = "", *, reload_when_done: bool = False
) -> HttpResponse:  # type: ignore[no-untyped-def]
    overview = findings.overview(request.user, rs)
    context = {"rs": rs, "precheck": overview, "error": error}
    response = render(request, "sitecheck/_panel.html", context)
    if reload_when_done and request.htmx and not error and not overview.active:
        # The verdicts also sit in the item list around the panel: reload the whole page.
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def start(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs = access.get_set_for_coordinator(request.user, set_uuid)
    error = ""
    try:
        services.request_check(rs.agency, rs.framework, by=request.user)
    except SiteCheckError as exc:
        error = str(exc.message)
    if request.htmx:
        return _panel(request, rs, error, reload_when_done=True)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("The pre-check of your website has started."))
    return redirect("disclosure:response_set", rs.uuid)


@login_required
def panel(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    """The pre-check panel alone: polled by HTMX while a check is queued or running."""
    rs = access.get_set_for_site_results(request.user, set_uuid)
    return _panel(request, rs, reload_when_done=True)


@login_required
def report_page(request: HttpRequest, check_uuid: UUID) -> HttpResponse:
    check = access.get_check_for_user(request.user, check_uuid)
    report = services.report_of(check)
    if report is None:
        raise Http404("This pre-check has no report")
    response = HttpResponse(render_html(report))
    response["Content-Security-Policy"] = REPORT_CSP
    return response


@login_required
def report_json(request: HttpRequest, check_uuid: UUID) -> HttpResponse:
    check = access.get_check_for_user(request.user, check_uuid)
    if not check.report:
        raise Http404("This pre-check has no report")
    data = json.dumps(check.report, ensure_ascii=False, indent=2).encode()
    name = f"sitecheck-{check.framework.fiscal_year}-{check.created_at:%Y%m%d-%H%M}.json"
    return attachment(data, "application/json", name)
