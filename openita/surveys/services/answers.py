"""The respondent's path: find a survey by its link, check it takes answers, store one.

This is the hot path (load-tested at hundreds of answers a second), so it stays lean:
one query finds the survey (its framework's questionnaire comes from a per-process cache),
one the calendar phase, then one INSERT for an answer given by open link, or a locked SELECT,
one UPDATE and the INSERT for an answer given with a code. Nothing is written to a session,
nothing is audited (an audit entry would time-stamp a respondent), and scores are recomputed
in the background after every OPENITA_SURVEY_REFRESH_EVERY answers, never on the request.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openita.frameworks.models import Framework
from openita.surveys import guard
from openita.surveys.codes import TOKEN_ALPHABET, TOKEN_LENGTH, hash_code, normalize_code
from openita.surveys.errors import Kind, Problem, SurveyError
from openita.surveys.forms import AnswerForm, Reading, build_form, read_answers
from openita.surveys.models import AccessCode, Instrument, Survey, SurveyAnswer, SurveyStatus
from openita.surveys.services.runs import request_refresh
from openita.timeline.errors import PhaseClosed
from openita.timeline.models import PhaseKind
from openita.timeline.services import ensure_open

_FORMS: dict[tuple[Any, ...], AnswerForm | None] = {}
_FORMS_KEPT = 64


class IncompleteAnswers(SurveyError):
    """Some questions are unanswered or answered outside their scale; ``reading`` says which
    and keeps what was entered, for the form shown again."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        message = _("Some questions are not answered yet. They are marked below.")
        super().__init__([Problem(Kind.MISSING_VALUE, message)])


def _needed() -> Problem:
    return Problem(Kind.CODE_NEEDED, _("Enter the code printed on your slip."))


def _unknown() -> Problem:
    return Problem(Kind.CODE_UNKNOWN, _("This code is not a code of this survey. Check it."))


def _used() -> Problem:
    message = _("This code has already been used to answer. Each code answers once.")
    return Problem(Kind.CODE_USED, message)


# At the national peak thousands of answers a second share a few thousand surveys. Each web
# process keeps a survey (and whether its calendar phase is open) for a couple of seconds, so
# the answer POST costs one INSERT; closing a survey takes effect within that time.
_RECENT: dict[str, tuple[float, Survey | None, Problem | None]] = {}
_RECENT_KEPT = 5000


def recent_survey(token: str) -> tuple[Survey | None, Problem | None]:
    """public_survey and answering_problem, kept for OPENITA_SURVEY_LOOKUP_SECONDS."""
    ttl = settings.OPENITA_SURVEY_LOOKUP_SECONDS
    now = time.monotonic()
    hit = _RECENT.get(token)
    if hit is not None and now - hit[0] < ttl:
        return hit[1], hit[2]
    survey = public_survey(token)
    problem = answering_problem(survey) if survey is not None else None
    if ttl > 0:
        if len(_RECENT) >= _RECENT_KEPT:
            _RECENT.clear()
        _RECENT[token] = (now, survey, problem)
    return survey, problem


def public_survey(token: str) -> Survey | None:
    """The survey behind a link, with just what the answer pages need (one query)."""
    if len(token) != TOKEN_LENGTH or not set(token) <= set(TOKEN_ALPHABET):
        return None
    fields = ["id", "uuid", "token", "status", "instrument", "code_required", "coded_units",
              "agency", "agency__name", "framework", "framework__fiscal_year",
              "framework__sha256", "framework__updated_at", "framework__name"]  # fmt: skip
    query = Survey.objects.select_related("agency", "framework").only(*fields)
    try:
        return query.get(token=token)  # get(): no ORDER BY over the joined tables
    except Survey.DoesNotExist:
        return None


def answer_form(survey: Survey) -> AnswerForm | None:
    """The survey's form, built once per process and framework version."""
    fw = survey.framework
    key = (fw.pk, fw.sha256, fw.updated_at, survey.instrument)
    if key not in _FORMS:
        doc = Framework.objects.values_list("document", flat=True).get(pk=fw.pk)
        if len(_FORMS) >= _FORMS_KEPT:
            _FORMS.clear()
        _FORMS[key] = build_form(doc, survey.instrument)
    return _FORMS[key]


def answering_problem(survey: Survey, *, today: dt.date | None = None) -> Problem | None:
    """Why the survey takes no answers now, or None when it does."""
    if survey.status == SurveyStatus.DRAFT:
        return Problem(Kind.CLOSED, _("This survey has not been opened yet."))
    if survey.status == SurveyStatus.CLOSED:
        return Problem(Kind.CLOSED, _("This survey is closed and takes no more answers."))
    try:
        ensure_open(survey.framework.fiscal_year, PhaseKind.SURVEYS, today=today)
    except PhaseClosed as exc:
        return Problem(Kind.CLOSED, str(exc.message))
    return None


def takes_codes(survey: Survey) -> bool:
    """Whether a code given with an answer counts: IIT codes do, required or not."""
    return survey.instrument == Instrument.IIT


def needs_code(survey: Survey) -> bool:
    return takes_codes(survey) and survey.code_required


def code_problem(survey: Survey, code: str) -> Problem | None:
    """Whether a code can answer this survey (for the page shown before answering)."""
    if not normalize_code(code):
        return _needed()
    used = (
        AccessCode.objects.filter(survey=survey, code_hash=hash_code(survey.token, code))
        .values_list("used", flat=True)
        .first()
    )
    if used is None:
        return _unknown()
    return _used() if used else None


def submit_answer(
    survey: Survey,
    form: AnswerForm,
    data: Mapping[str, Any],
    *,
    code: str = "",
    today: dt.date | None = None,
    open_checked: bool = False,
) -> None:
    """Store one respondent's answers, or raise SurveyError having stored nothing.

    open_checked: the caller has just found answering_problem empty (recent_survey).

    Refusals: the survey or the calendar phase is not open (Kind.CLOSED); a code is needed,
    unknown or used (Kind.CODE_*); IncompleteAnswers when a part is unanswered or answered
    outside its scale.
    """
    problem = None if open_checked else answering_problem(survey, today=today)
    if problem is not None:
        raise SurveyError([problem])
    code = normalize_code(code) if takes_codes(survey) else ""
    if needs_code(survey) and not code:
        raise SurveyError([_needed()])
    reading = read_answers(form, data)
    if not reading.complete:
        raise IncompleteAnswers(reading)
    day = today or timezone.localdate()
    if not code:
        SurveyAnswer.objects.create(survey=survey, answered_on=day, answers=reading.answers)
    else:
        with transaction.atomic():
            unit_id = _use_code(survey, code)
            SurveyAnswer.objects.create(
                survey=survey, answered_on=day, answers=reading.answers, unit_id=unit_id
            )
    if guard.count_answer(survey.pk, settings.OPENITA_SURVEY_REFRESH_EVERY):
        request_refresh(survey)


def _use_code(survey: Survey, code: str) -> int | None:
    """Mark a code used (locked, and only if it was unused); the unit the answer may keep."""
    row = (
        AccessCode.objects.select_for_update()
        .filter(survey=survey, code_hash=hash_code(survey.token, code))
        .values_list("pk", "unit_id", "used")
        .first()
    )
    if row is None:
        raise SurveyError([_unknown()])
    pk, unit_id, used = row
    if used or AccessCode.objects.filter(pk=pk, used=False).update(used=True) != 1:
        raise SurveyError([_used()])
    return unit_id if unit_id in survey.coded_units else None
