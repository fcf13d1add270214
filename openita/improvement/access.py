"""Who may open the improvement pages: the agency's coordinators see and change everything,
unit editors see the measures of their units and report on them; everyone else gets a 404."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404

from openita.agencies import access
from openita.agencies.models import Role
from openita.improvement.models import Measure, Plan, Weakness
from openita.review.models import Review, ReviewStatus


@dataclass
class PlanAccess:
    response_set: Any
    review: Review | None  # the final review, when the results are final
    plan: Plan | None
    coordinator: bool
    unit_ids: set[int]  # the units a unit editor reports for (empty for coordinators)

    def measures(self) -> QuerySet[Measure]:
        if self.plan is None:
            return Measure.objects.none()
        rows = self.plan.measures.select_related("unit", "responsible").prefetch_related(
            "weaknesses"
        )
        return rows if self.coordinator else rows.filter(unit__in=self.unit_ids)


def plan_access(user: Any, set_uuid: UUID | str) -> PlanAccess:
    """The set's improvement plan as the user may see it, else 404."""
    rs = access.get_response_set_for_user(user, set_uuid)
    roles = access.roles_at(user, rs.agency)
    coordinator = access.is_coordinator(user, rs.agency)
    if not coordinator and Role.UNIT_EDITOR not in roles:
        raise Http404("No such plan")
    unit_ids = set() if coordinator else (access.unit_ids_for(user, rs.agency) or set())
    review = Review.objects.filter(response_set=rs, status=ReviewStatus.FINAL).first()
    plan = Plan.objects.filter(response_set=rs).first()
    if plan is not None:
        plan.response_set = rs
    return PlanAccess(rs, review, plan, coordinator, unit_ids)


def coordinator_access(user: Any, set_uuid: UUID | str) -> PlanAccess:
    found = plan_access(user, set_uuid)
    if not found.coordinator:
        raise Http404("No such plan")
    return found


def coordinator_plan(user: Any, set_uuid: UUID | str) -> Plan:
    """The plan, for its coordinators only; 404 when there is none yet."""
    plan = coordinator_access(user, set_uuid).plan
    if plan is None:
        raise Http404("No such plan")
    return plan


def get_weakness(user: Any, set_uuid: UUID | str, weakness_uuid: UUID | str) -> Weakness:
    plan = coordinator_plan(user, set_uuid)
    weakness = plan.weaknesses.filter(uuid=weakness_uuid).first()
    if weakness is None:
        raise Http404("No such weakness")
    weakness.plan = plan
    return weakness


def get_measure(
    user: Any, set_uuid: UUID | str, measure_uuid: UUID | str
) -> tuple[PlanAccess, Measure]:
    """A measure the user may see (coordinators: all; unit editors: their units'), else 404."""
    found = plan_access(user, set_uuid)
    measure = found.measures().filter(uuid=measure_uuid).first()
    if measure is None:
        raise Http404("No such measure")
    assert found.plan is not None  # measures() is empty without a plan
    measure.plan = found.plan
    return found, measure


def can_report(user: Any, measure: Measure) -> bool:
    """Coordinators and the editors of the measure's unit add progress updates."""
    if access.is_coordinator(user, measure.plan.agency):
        return True
    units = access.unit_ids_for(user, measure.plan.agency) or set()
    return measure.unit_id is not None and measure.unit_id in units
