from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from openita.agencies import access
from openita.frameworks.models import Framework


@login_required
def home(request: HttpRequest) -> HttpResponse:
    agencies = [
        (a, sorted(access.roles_at(request.user, a))) for a in access.agencies_for(request.user)
    ]
    return render(request, "agencies/home.html", {"agencies": agencies})


@login_required
def agency_detail(request: HttpRequest, agency_uuid: UUID) -> HttpResponse:
    agency = access.get_agency_for_user(request.user, agency_uuid)
    context = {
        "agency": agency,
        "roles": access.roles_at(request.user, agency),
        "units": agency.units.all(),
        "members": agency.memberships.select_related("user").prefetch_related("units"),
        "response_sets": agency.response_sets.select_related("framework"),
        "can_read_audit": access.can_read_audit(request.user, agency),
        "can_start": access.is_coordinator(request.user, agency),
        "startable": Framework.objects.exclude(response_sets__agency=agency).filter(complete=True),
    }
    return render(request, "agencies/detail.html", context)


@login_required
def agency_audit(request: HttpRequest, agency_uuid: UUID) -> HttpResponse:
    agency = access.get_agency_for_user(request.user, agency_uuid)
    if not access.can_read_audit(request.user, agency):
        raise Http404("No such agency")
    entries = agency.audit_entries.select_related("actor")[:200]
    return render(request, "audit/agency_log.html", {"agency": agency, "entries": entries})
