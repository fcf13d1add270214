"""Background tasks of the native surveys: thin, take ids, call one service, safe to rerun."""

from __future__ import annotations

from django.tasks import task


@task()
def refresh_survey_scores(survey_id: int) -> int:
    """Recompute one survey's indicator scores from its answers; returns how many were set."""
    from openita.surveys.models import Survey
    from openita.surveys.services.runs import refresh_scores

    survey = Survey.objects.select_related("agency", "framework").filter(pk=survey_id).first()
    if survey is None:
        return 0
    return len(refresh_scores(survey))
