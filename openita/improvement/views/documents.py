"""Document downloads (DOCX, PDF) and attaching them as evidence to next year's item."""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openita.core.downloads import attachment, pdf_unavailable
from openita.improvement import access, documents, services
from openita.improvement.views.common import attempt
from openita.reports.render.pdf import PdfRenderError

DOWNLOAD_FORMATS = ("docx", "pdf")


@login_required
def download(request: HttpRequest, set_uuid: UUID, kind: str, fmt: str) -> HttpResponse:
    plan = access.coordinator_plan(request.user, set_uuid)
    if fmt not in DOWNLOAD_FORMATS:
        raise Http404("No such format")
    try:
        rendered = documents.render(plan, kind, fmt)
    except PdfRenderError:
        return pdf_unavailable()
    return attachment(rendered.content, rendered.mime, rendered.filename)


@login_required
@require_POST
def attach(request: HttpRequest, set_uuid: UUID, kind: str) -> HttpResponse:
    plan = access.coordinator_plan(request.user, set_uuid)
    fmt = request.POST.get("format", "pdf")
    attempt(
        request,
        lambda: services.attach_document(plan, kind, by=request.user, fmt=fmt),
        _("The document was attached as evidence to next year's item."),
    )
    return redirect(reverse("improvement:plan", args=[set_uuid]) + "#documents")
