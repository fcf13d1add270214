"""Which native surveys a user may run: the coordinators of the agency (and site admins).

Respondents reach a survey by its public link only (``services.answers.public_survey``).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import Http404

from openita.agencies import access
from openita.surveys.models import Survey


def get_coordinated_set(user: Any, set_uuid: UUID | str) -> Any:
    """A response set whose agency the user coordinates, else 404."""
    rs = access.get_response_set_for_user(user, set_uuid)
    if not access.is_coordinator(user, rs.agency):
        raise Http404("No such response set")
    return rs


def get_survey_for_coordinator(
    user: Any, set_uuid: UUID | str, survey_uuid: UUID | str
) -> tuple[Any, Survey]:
    """The response set and one of its agency's surveys for the same framework, else 404."""
    rs = get_coordinated_set(user, set_uuid)
    survey = (
        Survey.objects.select_related("agency", "framework")
        .filter(uuid=survey_uuid, agency=rs.agency, framework=rs.framework)
        .first()
    )
    if survey is None:
        raise Http404("No such survey")
    return rs, survey
