"""Responses for exported files, shared by every app that offers downloads."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext as _


def attachment(data: bytes, mime: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def pdf_unavailable() -> HttpResponse:
    """What to answer when Chromium cannot print: say so and point at the other formats."""
    return HttpResponse(
        _("The PDF cannot be made right now. Download the Word or Excel version."),
        status=503,
        content_type="text/plain; charset=utf-8",
    )
