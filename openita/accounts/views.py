from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openita.accounts import services


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    new_token = request.session.pop("new_token", None)
    rows = request.user.api_tokens.filter(revoked_at=None)  # type: ignore[union-attr]
    return render(request, "accounts/tokens.html", {"tokens": rows, "new_token": new_token})


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    name = request.POST.get("name", "").strip()
    if not name:
        messages.error(request, _("Give the token a name, such as the system that will use it."))
        return redirect("accounts:tokens")
    _token, raw = services.create_token(request.user, name, by=request.user)  # type: ignore[arg-type]
    request.session["new_token"] = raw
    return redirect("accounts:tokens")


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_uuid: UUID) -> HttpResponse:
    token = get_object_or_404(request.user.api_tokens, uuid=token_uuid)  # type: ignore[union-attr]
    services.revoke_token(token, by=request.user)
    messages.info(request, _("The token was revoked."))
    return redirect("accounts:tokens")
