"""``{% improvement_links rs %}``: links from results and dashboards to the measures pages."""

from __future__ import annotations

from typing import Any

from django import template

from openita.agencies import access
from openita.agencies.models import Role
from openita.improvement.models import Plan
from openita.review.models import Review, ReviewStatus

register = template.Library()


@register.inclusion_tag("improvement/_links.html", takes_context=True)
def improvement_links(context: dict[str, Any], rs: Any) -> dict[str, Any]:
    """The plan drawn from this set's final results, and the plan whose measures run in this
    set's year; only for the people who may open them (coordinators and unit editors)."""
    user = context["request"].user
    roles = access.roles_at(user, rs.agency)
    if not (access.is_coordinator(user, rs.agency) or Role.UNIT_EDITOR in roles):
        return {"links": []}
    links = []
    if Review.objects.filter(response_set=rs, status=ReviewStatus.FINAL).exists():
        links.append(("own", rs.uuid, rs.framework.fiscal_year))
    earlier = Plan.objects.filter(
        response_set__agency=rs.agency,
        response_set__framework__fiscal_year=rs.framework.fiscal_year - 1,
    ).select_related("response_set__framework")
    links += [("earlier", p.response_set.uuid, p.fiscal_year) for p in earlier]
    return {"links": links}
