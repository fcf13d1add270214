"""The plan page: the analysis draft, the list of measures, the documents."""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openita.improvement import access, services
from openita.improvement.forms import PlanForm
from openita.improvement.models import DocumentKind, Level
from openita.improvement.services.draft import SETTINGS_FIELDS
from openita.improvement.views.common import attempt


def _coordinator_extras(plan):  # type: ignore[no-untyped-def]
    weaknesses = list(plan.weaknesses.all())
    return {
        "urgent": [w for w in weaknesses if w.level == Level.URGENT],
        "improve": [w for w in weaknesses if w.level == Level.IMPROVE],
        "plan_form": PlanForm(initial={name: getattr(plan, name) for name in SETTINGS_FIELDS}),
        "documents": [
            (kind, label, services.find_target(plan, kind)) for kind, label in DocumentKind.choices
        ],
        "attachments": plan.attachments.select_related("attached_by"),
    }


@login_required
def plan_page(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    found = access.plan_access(request.user, set_uuid)
    context = {
        "rs": found.response_set,
        "plan": found.plan,
        "final": found.review is not None,
        "is_coordinator": found.coordinator,
        "measures": list(found.measures()),
    }
    if found.coordinator and found.plan is not None:
        context.update(_coordinator_extras(found.plan))
    return render(request, "improvement/plan.html", context)


@login_required
@require_POST
def generate(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    found = access.coordinator_access(request.user, set_uuid)
    attempt(
        request,
        lambda: services.generate_draft(found.response_set, by=request.user),
        _("The analysis draft was drawn from the final results; your texts were kept."),
    )
    return redirect("improvement:plan", set_uuid)


@login_required
@require_POST
def edit_weakness(request: HttpRequest, set_uuid: UUID, weakness_uuid: UUID) -> HttpResponse:
    weakness = access.get_weakness(request.user, set_uuid, weakness_uuid)
    attempt(
        request,
        lambda: services.edit_analysis(
            weakness, by=request.user, analysis=request.POST.get("analysis", "")
        ),
        _("Analysis saved."),
    )
    return redirect(reverse("improvement:plan", args=[set_uuid]) + f"#w-{weakness.uuid}")


@login_required
@require_POST
def plan_settings(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    plan = access.coordinator_plan(request.user, set_uuid)
    form = PlanForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: services.update_plan(plan, by=request.user, **form.cleaned_data),
            _("Saved."),
        )
    return redirect(reverse("improvement:plan", args=[set_uuid]) + "#documents")
