"""Writes of the assessment: verdicts, release, clarification, decision, confirmation."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openita.agencies import access
from openita.agencies.models import Role
from openita.audit.services import log_action, snapshot
from openita.disclosure.errors import DisclosureError, EditConflict, NotAllowed
from openita.disclosure.models import EvidenceLink, ResponseSet
from openita.disclosure.services.common import ensure_phase
from openita.review import results
from openita.review.models import Dispute, DisputeStatus, ItemReview, Review, ReviewStatus

VERDICT_FIELDS = ["score", "element_checks", "comment", "is_draft", "needs_correction"]


class ReviewError(DisclosureError):
    default = _("This assessment step cannot be taken now.")


class ResultLocked(ReviewError):
    default = _("The results are final and locked.")


def _has_role(user: Any, agency: Any, role: str) -> bool:
    return role in access.roles_at(user, agency) or access.is_site_admin(user)


@transaction.atomic
def start_review(response_set: ResponseSet, *, assessor: Any, by: Any) -> Review:
    """Open the assessment of a submitted set, one verdict row per item."""
    if not response_set.is_submitted:
        raise ReviewError(_("Only a submitted response set can be assessed."))
    if not _has_role(assessor, response_set.agency, Role.ASSESSOR):
        raise ReviewError(_("The assessor must hold the assessor role for this agency."))
    review, created = Review.objects.get_or_create(
        response_set=response_set, defaults={"assessor": assessor}
    )
    if created:
        ItemReview.objects.bulk_create(
            ItemReview(review=review, response=r) for r in response_set.responses.all()
        )
        log_action(review, "review.started", user=by, after={"assessor": str(assessor)})
    return review


@transaction.atomic
def assign_second_assessor(review: Review, *, assessor: Any, by: Any) -> Review:
    """Ask another assessor of the agency for an optional second review."""
    rs = review.response_set
    if not _has_role(assessor, rs.agency, Role.ASSESSOR) or assessor == review.assessor:
        raise ReviewError(_("The second assessor must be another assessor of this agency."))
    if review.status == ReviewStatus.FINAL:
        raise ResultLocked()
    review.second_assessor = assessor
    review.save()
    log_action(review, "review.second_assessor", user=by, after={"assessor": str(assessor)})
    return review


def _lock(item: ItemReview) -> ItemReview:
    return (
        ItemReview.objects.select_for_update()
        .select_related("review__response_set__framework", "response__item")
        .get(pk=item.pk)
    )


def _valid_score(item: ItemReview, score: Decimal) -> Decimal:
    partial = (item.review.response_set.framework.document.get("scoring") or {}).get("item")
    if not Decimal(0) <= score <= Decimal(100):
        raise ReviewError(_("A score goes from 0 to 100."))
    if partial != "partial" and score not in (Decimal(0), Decimal(100)):
        raise ReviewError(_("This framework scores items pass (100) or fail (0) only."))
    return score


@transaction.atomic
def record_verdict(
    item: ItemReview,
    *,
    by: Any,
    version: int,
    score: Decimal | None,
    element_checks: Iterable[int] = (),
    comment: str = "",
    draft: bool = False,
    needs_correction: bool = False,
) -> ItemReview:
    """Save the assessor's verdict; a final fail needs a comment. Drafts may be incomplete."""
    current = _lock(item)
    review = current.review
    if review.status != ReviewStatus.IN_REVIEW:
        raise ResultLocked() if review.status == ReviewStatus.FINAL else ReviewError()
    if by is not None and by != review.assessor and not access.is_site_admin(by):
        raise NotAllowed()
    ensure_phase(review.response_set.framework.fiscal_year, "review")
    if current.version != version:
        raise EditConflict()
    if score is not None:
        score = _valid_score(current, score)
    if not draft and score is None:
        raise ReviewError(_("Choose pass or fail before saving the verdict as final."))
    if not draft and score is not None and score < 100 and not comment.strip():
        raise ReviewError(_("Say why the item fails: a comment is required on every fail."))
    before = snapshot(current, VERDICT_FIELDS)
    current.score, current.comment = score, comment.strip()
    current.element_checks = sorted(set(element_checks))
    current.is_draft, current.needs_correction = draft, needs_correction
    current.reviewed_by = by if getattr(by, "pk", None) else None
    current.reviewed_at = timezone.now()
    current.version += 1
    current.save()
    log_action(
        current, "review.verdict", user=by, before=before, after=snapshot(current, VERDICT_FIELDS)
    )
    return current


@transaction.atomic
def record_second_opinion(item: ItemReview, *, by: Any, score: Decimal, comment: str) -> ItemReview:
    """The optional second reviewer's score, kept beside the first one."""
    current = _lock(item)
    if current.review.second_assessor_id is None or by != current.review.second_assessor:
        raise NotAllowed()
    if current.review.status == ReviewStatus.FINAL:
        raise ResultLocked()
    current.second_score = _valid_score(current, score)
    current.second_comment = comment.strip()
    current.save()
    log_action(
        current,
        "review.second_opinion",
        user=by,
        after={"score": current.second_score, "comment": current.second_comment},
    )
    return current


def _refresh_results(review: Review) -> None:
    review.results = results.compute(review)
    review.save()


@transaction.atomic
def refresh_results(response_set: ResponseSet) -> None:
    """Recompute released results after survey scores change; final results stay as they are."""
    review = Review.objects.filter(response_set=response_set, status=ReviewStatus.RELEASED).first()
    if review is not None:
        _refresh_results(review)


@transaction.atomic
def release(review: Review, *, by: Any) -> Review:
    """Release the preliminary results: every item judged, no drafts left."""
    locked = Review.objects.select_for_update().get(pk=review.pk)
    if locked.status != ReviewStatus.IN_REVIEW:
        raise ReviewError(_("These results were already released."))
    open_items = list(
        locked.items.filter(is_draft=True).values_list("response__item__code", flat=True)
    ) + list(locked.items.filter(score=None).values_list("response__item__code", flat=True))
    if open_items:
        raise ReviewError(
            _("Items still without a final verdict: %(codes)s")
            % {"codes": ", ".join(sorted(set(open_items)))}
        )
    locked.status, locked.released_at = ReviewStatus.RELEASED, timezone.now()
    _refresh_results(locked)
    log_action(locked, "review.released", user=by, after={"results": locked.results})
    return locked


@transaction.atomic
def dispute(item: ItemReview, *, by: Any, explanation: str, urls: Iterable[str]) -> Dispute:
    """The agency disputes a failed item, citing only links it submitted."""
    current = _lock(item)
    review = current.review
    rs = review.response_set
    if by is not None and not access.is_coordinator(by, rs.agency):
        raise NotAllowed()
    if review.status != ReviewStatus.RELEASED:
        raise ReviewError(_("Disputes are made while the preliminary results are released."))
    ensure_phase(rs.framework.fiscal_year, "clarification")
    if not current.failed:
        raise ReviewError(_("Only a failed item can be disputed."))
    if Dispute.objects.filter(item_review=current).exists():
        raise ReviewError(_("This item was already disputed."))
    links = _submitted_links(rs, urls)
    if not explanation.strip():
        raise ReviewError(_("Explain where the assessor can find the information."))
    made = Dispute.objects.create(
        item_review=current,
        explanation=explanation.strip(),
        created_by=by if getattr(by, "pk", None) else None,
    )
    made.links.set(links)
    log_action(
        made,
        "review.disputed",
        user=by,
        after={"item": current.response.item.code, "urls": [x.url for x in links]},
    )
    return made


def _submitted_links(rs: ResponseSet, urls: Iterable[str]) -> list[EvidenceLink]:
    wanted = [u.strip() for u in urls if u.strip()]
    if not wanted:
        raise ReviewError(_("Cite at least one of the links you submitted."))
    known = {link.url: link for link in EvidenceLink.objects.filter(response__response_set=rs)}
    never = [u for u in wanted if u not in known]
    if never:
        raise ReviewError(
            _("These links were never submitted and cannot be cited: %(urls)s")
            % {"urls": ", ".join(never)}
        )
    return [known[u] for u in dict.fromkeys(wanted)]


@transaction.atomic
def decide(item_dispute: Dispute, *, by: Any, accept: bool, comment: str = "") -> Dispute:
    """The assessor re-checks a disputed item: accepting it passes the item."""
    current = Dispute.objects.select_for_update().get(pk=item_dispute.pk)
    item = _lock(current.item_review)
    review = item.review
    if by is not None and by != review.assessor and not access.is_site_admin(by):
        raise NotAllowed()
    if review.status != ReviewStatus.RELEASED or current.status != DisputeStatus.OPEN:
        raise ReviewError(_("This dispute is already decided."))
    if not accept and not comment.strip():
        raise ReviewError(_("Say why the dispute is rejected."))
    current.status = DisputeStatus.ACCEPTED if accept else DisputeStatus.REJECTED
    current.decision_comment, current.decided_at = comment.strip(), timezone.now()
    current.decided_by = by if getattr(by, "pk", None) else None
    current.save()
    if accept:
        item.score = Decimal(100)
        item.version += 1
        item.save()
    _refresh_results(review)
    log_action(
        current,
        "review.dispute_decided",
        user=by,
        after={"status": current.status, "comment": current.decision_comment},
    )
    return current


@transaction.atomic
def confirm(review: Review, *, by: Any) -> Review:
    """The agency confirms (or the window closes, by=None): results become final and locked."""
    locked = Review.objects.select_for_update().get(pk=review.pk)
    rs = locked.response_set
    if by is not None and not access.is_coordinator(by, rs.agency):
        raise NotAllowed()
    if locked.status != ReviewStatus.RELEASED:
        raise ReviewError(_("Only released results can be confirmed."))
    if Dispute.objects.filter(item_review__review=locked, status=DisputeStatus.OPEN).exists():
        raise ReviewError(_("A dispute is still waiting for the assessor's decision."))
    locked.status, locked.final_at = ReviewStatus.FINAL, timezone.now()
    locked.confirmed_by = by if getattr(by, "pk", None) else None
    _refresh_results(locked)
    log_action(
        locked,
        "review.final",
        user=by,
        data={"confirmed_by_agency": by is not None, "results": locked.results},
    )
    return locked
