"""Who may open an assessment: its assessors (and site admins); agencies see released results."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import Http404

from openita.agencies import access
from openita.agencies.models import Role
from openita.review.models import Review, ReviewStatus


def reviews_for(user: Any) -> QuerySet[Review]:
    reviews = Review.objects.select_related("response_set__agency", "response_set__framework")
    if access.is_site_admin(user):
        return reviews
    return reviews.filter(Q(assessor=user) | Q(second_assessor=user))


def get_review_for_assessor(user: Any, review_uuid: UUID | str) -> Review:
    review = reviews_for(user).filter(uuid=review_uuid).first()
    if review is None:
        raise Http404("No such review")
    return review


def unassessed_sets_for(user: Any) -> QuerySet[Any]:
    """Submitted sets of the agencies the user assesses that have no review yet."""
    from openita.disclosure.models import ResponseSet, SetStatus

    agencies = access.agencies_for(user).filter(
        memberships__user=user, memberships__role=Role.ASSESSOR
    )
    return ResponseSet.objects.select_related("agency", "framework").filter(
        agency__in=agencies, status=SetStatus.SUBMITTED, review__isnull=True
    )


def get_released_review(user: Any, set_uuid: UUID | str) -> tuple[Any, Review | None]:
    """The set (404 outside the user's agencies) and its review once results are released."""
    rs = access.get_response_set_for_user(user, set_uuid)
    review = Review.objects.filter(response_set=rs).exclude(status=ReviewStatus.IN_REVIEW).first()
    return rs, review
