from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from openita.agencies import access


@login_required
def response_set(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs = access.get_response_set_for_user(request.user, set_uuid)
    rows = access.responses_visible_to(request.user, rs)
    return render(request, "disclosure/response_set.html", {"rs": rs, "rows": rows})
