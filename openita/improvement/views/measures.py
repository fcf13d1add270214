"""Measures: the form, the measure page with its progress updates, evidence downloads."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openita.improvement import access, services
from openita.improvement.citations import citations_for
from openita.improvement.errors import ImprovementError, MeasureInvalid
from openita.improvement.forms import MeasureForm, ProgressForm, measure_initial
from openita.improvement.models import ProgressFile
from openita.improvement.views.common import attempt
from openita.lib.thaidate import FiscalYear


def _form_errors(form: Any, exc: ImprovementError) -> None:
    problems = exc.problems if isinstance(exc, MeasureInvalid) else [str(exc.message)]
    for problem in problems:
        form.add_error(None, str(problem))


def _form_page(request: HttpRequest, form: MeasureForm, plan: Any, measure: Any = None) -> Any:
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "plan": plan, "rs": plan.response_set, "measure": measure}
    return render(request, "improvement/measure_form.html", context, status=status)


@login_required
def measure_new(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    plan = access.coordinator_plan(request.user, set_uuid)
    year = FiscalYear(plan.measures_year)
    initial = {"starts_on": year.start, "ends_on": year.end}
    form = MeasureForm(request.POST or None, plan=plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            measure = services.create_measure(plan, by=request.user, data=form.measure_input())
            return redirect("improvement:measure", set_uuid, measure.uuid)
        except ImprovementError as exc:
            _form_errors(form, exc)
    return _form_page(request, form, plan)


@login_required
def measure_edit(request: HttpRequest, set_uuid: UUID, measure_uuid: UUID) -> HttpResponse:
    found, measure = access.get_measure(request.user, set_uuid, measure_uuid)
    if not found.coordinator:
        raise Http404("No such measure")
    plan = measure.plan
    form = MeasureForm(request.POST or None, plan=plan, initial=measure_initial(measure))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_measure(measure, by=request.user, data=form.measure_input())
            return redirect("improvement:measure", set_uuid, measure.uuid)
        except ImprovementError as exc:
            _form_errors(form, exc)
    return _form_page(request, form, plan, measure)


@login_required
@require_POST
def measure_delete(request: HttpRequest, set_uuid: UUID, measure_uuid: UUID) -> HttpResponse:
    found, measure = access.get_measure(request.user, set_uuid, measure_uuid)
    if not found.coordinator:
        raise Http404("No such measure")
    if attempt(request, lambda: services.delete_measure(measure, by=request.user), _("Removed.")):
        return redirect("improvement:plan", set_uuid)
    return redirect("improvement:measure", set_uuid, measure.uuid)


def _measure_page(request: HttpRequest, found: Any, measure: Any, form: Any = None) -> Any:
    context = {
        "rs": found.response_set,
        "plan": measure.plan,
        "measure": measure,
        "is_coordinator": found.coordinator,
        "citations": citations_for([measure], measure.plan)[measure.pk],
        "updates": measure.updates.prefetch_related("links", "files").select_related("created_by"),
        "can_report": access.can_report(request.user, measure),
        "form": form or ProgressForm(initial={"reported_on": timezone.localdate()}),
    }
    return render(request, "improvement/measure.html", context, status=400 if form else 200)


@login_required
def measure_page(request: HttpRequest, set_uuid: UUID, measure_uuid: UUID) -> HttpResponse:
    found, measure = access.get_measure(request.user, set_uuid, measure_uuid)
    return _measure_page(request, found, measure)


@login_required
@require_POST
def progress_add(request: HttpRequest, set_uuid: UUID, measure_uuid: UUID) -> HttpResponse:
    found, measure = access.get_measure(request.user, set_uuid, measure_uuid)
    form = ProgressForm(request.POST, request.FILES)
    if not form.is_valid():
        return _measure_page(request, found, measure, form)
    files = [services.Upload(f.name, f.read()) for f in form.cleaned_data["files"]]
    try:
        services.add_progress(
            measure, by=request.user, reported_on=form.cleaned_data["reported_on"],
            outcome=form.cleaned_data["outcome"], links=form.link_list(), files=files,
        )  # fmt: skip
    except ImprovementError as exc:
        form.add_error(None, str(exc.message))
        return _measure_page(request, found, measure, form)
    return redirect("improvement:measure", set_uuid, measure.uuid)


@login_required
def progress_file(
    request: HttpRequest, set_uuid: UUID, measure_uuid: UUID, update_uuid: UUID, file_uuid: UUID
) -> FileResponse:
    _found, measure = access.get_measure(request.user, set_uuid, measure_uuid)
    stored = ProgressFile.objects.filter(
        update__measure=measure, update__uuid=update_uuid, uuid=file_uuid
    ).first()
    if stored is None:
        raise Http404("No such file")
    served = FileResponse(
        stored.file.open("rb"), filename=stored.original_name, content_type=stored.content_type
    )
    served["X-Content-Type-Options"] = "nosniff"
    return served
