"""Fixtures and helpers of the native survey tests: the mini framework with an IIT and an EIT
questionnaire (tests/surveys/files.py), open surveys of agency A, and complete answers."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from openita.frameworks import schema
from openita.frameworks import services as frameworks
from openita.surveys.guard import issue_form_token
from openita.surveys.services import answers, runs
from tests.surveys.files import survey_document


@pytest.fixture
def surveyed(mini: Any) -> Any:
    """The mini framework again, now with both questionnaires (same code, same items)."""
    doc = schema.validate_document(survey_document(), source="test")
    framework, _changed = frameworks.install(doc, source="test", by=None)
    return framework


@pytest.fixture
def survey_set(agency_a: Any, surveyed: Any, response_set_a: Any) -> Any:
    response_set_a.refresh_from_db()
    return response_set_a


@pytest.fixture
def iit(agency_a: Any, surveyed: Any) -> Any:
    survey = runs.create_survey(agency_a, surveyed, "IIT", by=None)
    return runs.open_survey(survey, by=None)


@pytest.fixture
def eit(agency_a: Any, surveyed: Any) -> Any:
    survey = runs.create_survey(agency_a, surveyed, "EIT", by=None)
    return runs.open_survey(survey, by=None)


def parts(survey: Any) -> dict[str, int]:
    """Part code -> number of levels, as the answer form has them."""
    form = answers.answer_form(answers.public_survey(survey.token))
    assert form is not None
    return dict(form.levels)


def answer_fields(survey: Any, level: int | dict[str, int] = 0, **extra: Any) -> dict[str, str]:
    """The POST fields of a complete answer: every part at ``level`` (or per part), a token."""
    levels = parts(survey)
    chosen = {c: level if isinstance(level, int) else level[c] for c in levels}
    fields = {code: str(min(value, levels[code] - 1)) for code, value in chosen.items()}
    return {**fields, "form_token": issue_form_token(survey.token), **extra}


def post(survey: Any, fields: dict[str, str], client: Client | None = None, **kw: Any) -> Any:
    return (client or Client()).post(f"/s/{survey.token}/", fields, **kw)


def submit(survey: Any, values: dict[str, int], *, code: str = "") -> None:
    """Store an answer through the service (the view's checks skipped)."""
    fresh = answers.public_survey(survey.token)
    form = answers.answer_form(fresh)
    data = {k: str(v) for k, v in values.items()}
    answers.submit_answer(fresh, form, data, code=code)
