"""Attach a generated document as evidence to the matching item of the next response set."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from openita.audit.services import log_action
from openita.disclosure.errors import DisclosureError
from openita.disclosure.models import ItemResponse, ResponseSet
from openita.disclosure.services.evidence import add_file
from openita.frameworks.models import Framework
from openita.improvement import documents, matching
from openita.improvement.errors import ImprovementError
from openita.improvement.models import AttachedDocument, DocumentKind, Plan
from openita.improvement.services.draft import ensure_coordinator
from openita.reports.render.pdf import PdfRenderError

LABELS = {
    DocumentKind.MEASURES: "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    DocumentKind.REPORT: "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
}
ATTACH_FORMATS = ("pdf", "docx")


@dataclass(frozen=True)
class Target:
    """Where a document goes: an item of a later response set, or why there is none."""

    response: ItemResponse | None
    fiscal_year: int | None = None
    problem: str = ""

    @property
    def code(self) -> str:
        return self.response.item.code if self.response is not None else ""


def next_response_set(plan: Plan) -> ResponseSet | None:
    """The agency's set for the framework that continues the plan's, else for the next year's."""
    framework = plan.response_set.framework
    sets = ResponseSet.objects.filter(agency_id=plan.response_set.agency_id).select_related(
        "framework"
    )
    following = sets.filter(framework__previous_code=framework.code).first()
    if following is not None:
        return following
    year = sets.filter(framework__fiscal_year=framework.fiscal_year + 1)
    return year.order_by("framework__code").first()


def _texts(framework: Framework) -> list[matching.ItemText]:
    rows = framework.items.values("code", "number", "title", "topic", "hints", "continues")
    return [matching.item_text(row["code"], row["number"], row) for row in rows]


def find_target(plan: Plan, kind: str) -> Target:
    """The item of the next response set that takes this document (see ``matching``)."""
    following = next_response_set(plan)
    if following is None:
        return Target(
            None,
            problem=_("Start the response set of fiscal year %(year)s first.")
            % {"year": plan.measures_year},
        )
    found = matching.matching_item(
        kind, _texts(following.framework), _texts(plan.response_set.framework)
    )
    if found is None:
        return Target(
            None,
            following.framework.fiscal_year,
            _("%(framework)s has no item for this document.")
            % {"framework": following.framework.name},
        )
    response = following.responses.select_related("item").get(item__code=found.code)
    response.response_set = following
    return Target(response, following.framework.fiscal_year)


def attach_document(plan: Plan, kind: str, *, by: Any, fmt: str = "pdf") -> AttachedDocument:
    """Render the document and keep it as an evidence file (with its SHA-256) on the item.

    1. Only coordinators attach; the format is PDF (searchable Thai) or DOCX.
    2. The target item is found from the frameworks' data (``find_target``).
    3. The disclosure service stores the file: the set must still be open, the file type and
       size are checked, the hash is kept and the upload is audited as oit.file_added.
    4. The plan keeps a record of it, audited as improvement.document_attached.
    """
    ensure_coordinator(by, plan.agency)
    if kind not in DocumentKind.values or fmt not in ATTACH_FORMATS:
        raise ImprovementError(_("Unknown document."))
    target = find_target(plan, kind)
    if target.response is None:
        raise ImprovementError(target.problem)
    try:
        rendered = documents.render(plan, kind, fmt)
    except PdfRenderError as exc:
        raise ImprovementError(
            _("The PDF cannot be made right now. Attach the Word version.")
        ) from exc
    label = f"{LABELS[DocumentKind(kind)]} ประจำปีงบประมาณ พ.ศ. {plan.measures_year}"
    with transaction.atomic():
        try:
            evidence = add_file(
                target.response, by=by, name=rendered.filename, content=rendered.content,
                label=label,
            )  # fmt: skip
        except DisclosureError as exc:
            raise ImprovementError(exc.message) from exc
        record = AttachedDocument.objects.create(
            plan=plan, kind=kind, evidence=evidence, item_code=target.code,
            fiscal_year=target.fiscal_year, sha256=evidence.sha256,
            attached_by=by if getattr(by, "pk", None) else None,
        )  # fmt: skip
        log_action(
            plan,
            "improvement.document_attached",
            user=by,
            after={"kind": kind, "format": fmt, "item": target.code,
                   "fiscal_year": target.fiscal_year, "sha256": evidence.sha256},
        )  # fmt: skip
    return record
