"""The coordinator's side of a native survey: prepare, open, close, populations, access codes,
and indicator scores recomputed from the answers. Every change is audited; nothing audited
here can identify a respondent (codes are never logged, answers never read one by one)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from openita.agencies.models import Agency, Unit
from openita.audit.services import log_action
from openita.frameworks.models import Framework
from openita.surveys import codes as codes_
from openita.surveys.counts import score_tallies, tally_answers
from openita.surveys.document import SURVEY_INSTRUMENTS, questions, survey_indicators
from openita.surveys.errors import Kind, Problem, SurveyError
from openita.surveys.forms import build_form
from openita.surveys.models import (
    AccessCode,
    Instrument,
    Population,
    Source,
    Survey,
    SurveyAnswer,
    SurveyStatus,
)
from openita.surveys.privacy import MIN_GROUP
from openita.surveys.progress import snapshot
from openita.surveys.sampling import default_rule
from openita.surveys.services.scores import enter_scores

MAX_CODES = 1000  # per batch: a print run, not a mailing list


def _refuse(kind: Kind, message: str) -> SurveyError:
    return SurveyError([Problem(kind, message)])


def _new_token() -> str:
    for _attempt in range(10):
        token = codes_.new_token()
        if not Survey.objects.filter(token=token).exists():
            return token
    raise RuntimeError("no free survey token after 10 tries")  # 8.5e11 tokens: never


def create_survey(agency: Agency, framework: Framework, instrument: str, *, by: Any) -> Survey:
    """Prepare (not open) the agency's survey of one instrument; the same one if it exists."""
    if instrument not in SURVEY_INSTRUMENTS:
        raise _refuse(Kind.NOT_ALLOWED, _("Choose the IIT or the EIT."))
    if build_form(framework.document, instrument) is None:
        message = _(
            "This framework has no %(instrument)s question list, so OpenITA cannot run the "
            "survey. Import the %(instrument)s indicator scores instead."
        )
        raise _refuse(Kind.NO_QUESTIONNAIRE, message % {"instrument": instrument})
    with transaction.atomic():
        existing = Survey.objects.filter(
            agency=agency, framework=framework, instrument=instrument
        ).first()
        if existing is not None:
            return existing
        survey = Survey.objects.create(
            agency=agency,
            framework=framework,
            instrument=instrument,
            token=_new_token(),
            sample_rule=default_rule(instrument),
        )
        after = {"instrument": instrument, "framework": framework.code, "rule": survey.sample_rule}
        log_action(survey, "surveys.survey_created", user=by, after=after)
    return survey


def _set_status(survey: Survey, status: str, action: str, *, by: Any) -> Survey:
    with transaction.atomic():
        locked = Survey.objects.select_for_update().get(pk=survey.pk)
        if locked.status == status:
            return locked
        before = {"status": locked.status}
        locked.status = status
        locked.save(update_fields=["status"])
        log_action(locked, action, user=by, before=before, after={"status": status})
    return locked


def open_survey(survey: Survey, *, by: Any) -> Survey:
    """Take answers at the survey's link (while the calendar's survey phase is open too)."""
    return _set_status(survey, SurveyStatus.OPEN, "surveys.survey_opened", by=by)


def close_survey(survey: Survey, *, by: Any) -> Survey:
    """Stop taking answers and recompute the scores from every answer received."""
    closed = _set_status(survey, SurveyStatus.CLOSED, "surveys.survey_closed", by=by)
    request_refresh(closed)
    return closed


def set_code_required(survey: Survey, required: bool, *, by: Any) -> Survey:
    """Whether answers need a single-use code (IIT only: service users get no codes)."""
    if survey.instrument != Instrument.IIT and required:
        raise _refuse(Kind.NOT_ALLOWED, _("Only the IIT can be answered with access codes."))
    with transaction.atomic():
        locked = Survey.objects.select_for_update().get(pk=survey.pk)
        if locked.code_required != required:
            locked.code_required = required
            locked.save(update_fields=["code_required"])
            log_action(
                locked,
                "surveys.code_rule_set",
                user=by,
                before={"code_required": not required},
                after={"code_required": required},
            )
    return locked


def _check_counts(agency: Agency, counts: Mapping[int | None, Any]) -> dict[int | None, int | None]:
    units = set(agency.units.values_list("pk", flat=True))
    problems, clean = [], {}
    for unit_id, value in counts.items():
        if unit_id is not None and unit_id not in units:
            problems.append(Problem(Kind.NOT_ALLOWED, _("That unit is not a unit of this agency.")))
        elif value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            problems.append(Problem(Kind.NOT_A_NUMBER, _("A population is a whole number.")))
        elif value is not None and value < 0:
            problems.append(Problem(Kind.NEGATIVE, _("A population cannot be negative.")))
        else:
            clean[unit_id] = value
    if problems:
        raise SurveyError(problems)
    return clean


def set_populations(survey: Survey, counts: Mapping[int | None, Any], *, by: Any) -> None:
    """Set how many people the survey is for: ``None`` is the whole agency, other keys are
    unit ids; a value of None removes that figure."""
    clean = _check_counts(survey.agency, counts)
    with transaction.atomic():
        rows = {p.unit_id: p for p in Population.objects.select_for_update().filter(survey=survey)}
        before = {str(k or "agency"): p.count for k, p in rows.items()}
        for unit_id, value in clean.items():
            row = rows.get(unit_id)
            if value is None and row is not None:
                row.delete()
            elif value is not None and row is None:
                Population.objects.create(survey=survey, unit_id=unit_id, count=value)
            elif value is not None and row is not None and row.count != value:
                row.count = value
                row.save(update_fields=["count"])
        after = {
            str(p.unit_id or "agency"): p.count for p in Population.objects.filter(survey=survey)
        }
        if after != before:
            log_action(survey, "surveys.population_set", user=by, before=before, after=after)


def generate_codes(survey: Survey, count: int, *, unit: Unit | None = None, by: Any) -> list[str]:
    """Make ``count`` single-use codes, optionally for one unit; returns them once.

    Only their keyed hashes are stored. A unit whose codes reach MIN_GROUP joins
    ``coded_units``: answers given with its codes then keep the unit. Issuing codes also
    makes them required for the survey (the coordinator may switch that back).
    """
    if survey.instrument != Instrument.IIT:
        raise _refuse(Kind.NOT_ALLOWED, _("Only the IIT can be answered with access codes."))
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_CODES:
        message = _("Ask for between 1 and %(max)s codes at a time.") % {"max": MAX_CODES}
        raise _refuse(Kind.OUT_OF_RANGE, message)
    if unit is not None and unit.agency_id != survey.agency_id:
        raise _refuse(Kind.NOT_ALLOWED, _("That unit is not a unit of this agency."))
    made = {codes_.new_code() for _i in range(count)}
    while len(made) < count:
        made.add(codes_.new_code())
    with transaction.atomic():
        locked = Survey.objects.select_for_update().get(pk=survey.pk)
        AccessCode.objects.bulk_create(
            AccessCode(survey=locked, code_hash=codes_.hash_code(locked.token, c), unit=unit)
            for c in made
        )
        _update_code_groups(locked, unit)
        log_action(
            locked,
            "surveys.codes_generated",
            user=by,
            data={"count": count, "unit": unit.name if unit else None},
        )
    return sorted(made)


def _update_code_groups(survey: Survey, unit: Unit | None) -> None:
    changed = []
    grown = unit is not None and unit.pk not in survey.coded_units
    if grown and AccessCode.objects.filter(survey=survey, unit=unit).count() >= MIN_GROUP:
        survey.coded_units = sorted([*survey.coded_units, unit.pk])  # type: ignore[union-attr]
        changed.append("coded_units")
    if not survey.code_required:
        survey.code_required = True
        changed.append("code_required")
    if changed:
        survey.save(update_fields=changed)


def request_refresh(survey: Survey) -> None:
    """Recompute the survey's scores in the background, once the current transaction commits."""
    from openita.surveys.tasks import refresh_survey_scores

    survey_id = survey.pk
    transaction.on_commit(lambda: refresh_survey_scores.enqueue(survey_id))


def refresh_scores(survey: Survey, *, force: bool = False) -> dict[int, Decimal]:
    """Score the survey's indicators from all of its answers and store them (source "native").

    1. Count, per question part, the answers at each level (``counts.tally_answers``).
    2. Score them exactly as a counts file would be scored (``counts.score_tallies``).
    3. Write nothing from fewer than MIN_GROUP answers, nor while an open survey has fewer
       than MIN_GROUP answers more than its last scoring: two scorings one answer apart would
       give that answer away. A closed survey (or ``force``) is scored whatever the step.
    4. The scores replace whatever the indicators held (entered or imported), audited as
       surveys.scores_set; the survey keeps the snapshot its coordinator sees.
    5. Released review results of the agency are recomputed.
    Safe to run twice: the same answers give the same scores.
    """
    survey = Survey.objects.select_related("agency", "framework").get(pk=survey.pk)
    rows = SurveyAnswer.objects.filter(survey=survey).values_list("answers", flat=True)
    answers = list(rows.iterator(chunk_size=2000))
    step = len(answers) - survey.scored_answers
    final = force or survey.status == SurveyStatus.CLOSED
    if len(answers) < MIN_GROUP or step <= 0 or (step < MIN_GROUP and not final):
        return {}
    doc = survey.framework.document
    index = questions(doc)
    counted = score_tallies(index, tally_answers(index, answers))
    own = survey_indicators(doc)
    scores = {n: s for n, s in counted.scores.items() if own.get(n) == survey.instrument}
    with transaction.atomic():
        if scores:
            enter_scores(
                survey.agency,
                survey.framework,
                scores,
                by=None,
                respondents={n: counted.respondents[n] for n in scores},
                source=Source.NATIVE,
                data={"survey": str(survey.uuid), "answers": len(answers)},
            )
        Survey.objects.filter(pk=survey.pk).update(
            scored_answers=len(answers), scored=snapshot(doc, counted)
        )
    _rescore(survey)
    return scores


def _rescore(survey: Survey) -> None:
    from openita.disclosure.models import ResponseSet
    from openita.review.services import refresh_results

    for rs in ResponseSet.objects.filter(agency=survey.agency, framework=survey.framework):
        refresh_results(rs)
