"""The item list and the item page: where units enter links, files and answers."""

from __future__ import annotations

from functools import cache
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openita.agencies import access
from openita.disclosure import services
from openita.disclosure.errors import DisclosureError, EditConflict
from openita.disclosure.forms import AssignForm, FileForm, ItemAnswerForm, LinkForm
from openita.disclosure.models import ItemStatus
from openita.disclosure.views.common import attempt
from openita.sitecheck import findings as sitecheck


@login_required
def response_set(request: HttpRequest, set_uuid: UUID) -> HttpResponse:
    rs = access.get_response_set_for_user(request.user, set_uuid)
    rows = access.responses_visible_to(request.user, rs).prefetch_related("links", "files")
    context = {
        "rs": rs,
        "rows": rows,
        "is_coordinator": access.is_coordinator(request.user, rs.agency),
        "precheck": sitecheck.overview(request.user, rs),
    }
    return render(request, "disclosure/response_set.html", context)


def _answer_form(response, data=None):  # type: ignore[no-untyped-def]
    initial = {
        "version": response.version,
        "explanation": response.explanation,
        "element_checks": response.element_checks,
        "none_declared": response.none_declared,
        "none_reason": response.none_reason,
    }
    return ItemAnswerForm(
        data,
        initial=initial,
        elements=response.item.element_texts(),
        none_allowed=response.item.none_allowed,
    )


def _item_context(request: HttpRequest, response, **extra):  # type: ignore[no-untyped-def]
    agency = response.response_set.agency
    coordinator = access.is_coordinator(request.user, agency)
    links = list(response.links.all())
    return {
        "rs": response.response_set,
        "r": response,
        "item": response.item,
        "can_edit": access.can_edit_response(request.user, response)
        and not response.response_set.is_submitted
        and (coordinator or response.status != ItemStatus.APPROVED),
        "is_coordinator": coordinator,
        "form": _answer_form(response),
        "link_form": LinkForm(),
        "file_form": FileForm(),
        "assign_form": AssignForm(
            agency=agency,
            initial={
                "units": response.units.all(),
                "responsible": response.responsible,
                "due_date": response.due_date,
            },
        )
        if coordinator
        else None,
        "links": links,
        "files": response.files.all(),
        "pending": any(link.checked_at is None for link in links),
        # Called by the template only where it shows the finding (not in the links partial).
        "precheck": cache(lambda: sitecheck.item_finding(response, links)),
        "statuses": ItemStatus,
        **extra,
    }


@login_required
def item(request: HttpRequest, set_uuid: UUID, item_uuid: UUID) -> HttpResponse:
    response = access.get_response_for_user(request.user, set_uuid, item_uuid)
    if request.method != "POST":
        return render(request, "disclosure/item.html", _item_context(request, response))
    form = _answer_form(response, request.POST)
    theirs, status = None, 400
    if form.is_valid():
        try:
            services.update_item(response, by=request.user, **form.cleaned_data)
            return redirect("disclosure:item", set_uuid, item_uuid)
        except EditConflict as exc:
            form.add_error(None, str(exc.message))
            response.refresh_from_db()
            theirs, status = response, 409
            form.data = form.data.copy()
            form.data["version"] = str(response.version)  # saving again means "mine wins"
        except DisclosureError as exc:
            form.add_error(None, str(exc.message))
    context = _item_context(request, response, form=form, theirs=theirs)
    return render(request, "disclosure/item.html", context, status=status)


@login_required
def links(request: HttpRequest, set_uuid: UUID, item_uuid: UUID) -> HttpResponse:
    """The links section alone: polled by HTMX while checks are pending; POST adds a link."""
    response = access.get_response_for_user(request.user, set_uuid, item_uuid)
    link_form = LinkForm(request.POST or None)
    if request.method == "POST" and link_form.is_valid():
        try:
            services.add_link(response, by=request.user, **link_form.cleaned_data)
            link_form = LinkForm()
        except DisclosureError as exc:
            link_form.add_error("url", str(exc.message))
    if not request.htmx:
        if link_form.errors:
            return render(
                request,
                "disclosure/item.html",
                _item_context(request, response, link_form=link_form),
                status=400,
            )
        return redirect("disclosure:item", set_uuid, item_uuid)
    context = _item_context(request, response, link_form=link_form)
    return render(request, "disclosure/item.html#links", context)


@login_required
@require_POST
def link_action(
    request: HttpRequest, set_uuid: UUID, item_uuid: UUID, link_uuid: UUID
) -> HttpResponse:
    response = access.get_response_for_user(request.user, set_uuid, item_uuid)
    link = get_object_or_404(response.links, uuid=link_uuid)
    if request.POST.get("action") == "remove":
        attempt(request, lambda: services.remove_link(link, by=request.user), _("Link removed."))
    else:
        services.request_checks([link])
        messages.success(request, _("The link will be checked in a moment."))
    return redirect("disclosure:item", set_uuid, item_uuid)


@login_required
@require_POST
def upload(request: HttpRequest, set_uuid: UUID, item_uuid: UUID) -> HttpResponse:
    response = access.get_response_for_user(request.user, set_uuid, item_uuid)
    form = FileForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(
            request,
            "disclosure/item.html",
            _item_context(request, response, file_form=form),
            status=400,
        )
    upload = form.cleaned_data["file"]
    try:
        services.add_file(
            response,
            by=request.user,
            name=upload.name,
            content=upload.read(),
            label=form.cleaned_data["label"],
        )
    except DisclosureError as exc:
        form.add_error("file", str(exc.message))
        return render(
            request,
            "disclosure/item.html",
            _item_context(request, response, file_form=form),
            status=400,
        )
    return redirect("disclosure:item", set_uuid, item_uuid)


@login_required
@require_POST
def remove_file(
    request: HttpRequest, set_uuid: UUID, item_uuid: UUID, file_uuid: UUID
) -> HttpResponse:
    response = access.get_response_for_user(request.user, set_uuid, item_uuid)
    evidence = get_object_or_404(response.files, uuid=file_uuid)
    attempt(request, lambda: services.remove_file(evidence, by=request.user), _("File removed."))
    return redirect("disclosure:item", set_uuid, item_uuid)


@login_required
@require_POST
def status(request: HttpRequest, set_uuid: UUID, item_uuid: UUID) -> HttpResponse:
    response = access.get_response_for_user(request.user, set_uuid, item_uuid)
    new = request.POST.get("status", "")
    attempt(
        request,
        lambda: services.change_status(response, new, by=request.user),
        _("Status changed."),
    )
    return redirect("disclosure:item", set_uuid, item_uuid)


@login_required
@require_POST
def assign(request: HttpRequest, set_uuid: UUID, item_uuid: UUID) -> HttpResponse:
    response = access.get_response_for_user(request.user, set_uuid, item_uuid)
    form = AssignForm(request.POST, agency=response.response_set.agency)
    if form.is_valid():
        attempt(
            request,
            lambda: services.assign(response, by=request.user, **form.cleaned_data),
            _("Assignment saved."),
        )
    else:
        messages.error(request, form.errors.as_text())
    return redirect("disclosure:item", set_uuid, item_uuid)


@login_required
def download(
    request: HttpRequest, set_uuid: UUID, item_uuid: UUID, file_uuid: UUID
) -> FileResponse:
    response = access.get_response_for_user(request.user, set_uuid, item_uuid)
    evidence = get_object_or_404(response.files, uuid=file_uuid)
    return file_response(evidence)


def file_response(evidence) -> FileResponse:  # type: ignore[no-untyped-def]
    """Serve an evidence file under its original name, never sniffed as HTML by browsers."""
    served = FileResponse(
        evidence.file.open("rb"),
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
    served["X-Content-Type-Options"] = "nosniff"
    return served
