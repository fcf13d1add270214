"""Writing IIT/EIT scores: entered by hand or imported from a file, always audited."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from openita.agencies.models import Agency
from openita.audit.services import log_action
from openita.frameworks.models import Framework
from openita.scoring.engine import published
from openita.surveys.document import SCORE_DECIMALS, all_indicators, survey_indicators
from openita.surveys.errors import Kind, Problem, SurveyError
from openita.surveys.importing import ImportResult, read_score_file
from openita.surveys.models import Source, SurveyScore
from openita.surveys.tables import to_decimal


def enter_scores(
    agency: Agency,
    framework: Framework,
    scores: Mapping[int, Decimal],
    *,
    by: Any,
    respondents: Mapping[int, int | None] | None = None,
    source: str = Source.ENTERED,
    data: Mapping[str, Any] | None = None,
) -> list[SurveyScore]:
    """Set the scores of some IIT/EIT indicators, all or none.

    Every value is checked before anything is written; SurveyError lists every problem.
    An indicator given without a respondent count gets none (an older count belonged to the
    older score). ``data`` is added to the audit entry (the file name of an import, say).
    """
    if source not in Source.values:
        raise ValueError(f"unknown source {source!r}")
    clean, counts = _validated(framework.document, scores, respondents or {})
    instruments = survey_indicators(framework.document)
    with transaction.atomic():
        existing = {
            row.indicator: row
            for row in SurveyScore.objects.select_for_update().filter(
                agency=agency, framework=framework, indicator__in=clean
            )
        }
        before = {n: _state(row) for n, row in existing.items()}
        saved = []
        for indicator, score in sorted(clean.items()):
            values = {
                "instrument": instruments[indicator],
                "score": score,
                "respondents": counts.get(indicator),
                "source": source,
                "updated_by": by if getattr(by, "pk", None) else None,
            }
            saved.append(_write(agency, framework, indicator, existing.get(indicator), values))
        log_action(
            agency,
            "surveys.scores_set",
            user=by,
            before=before,
            after={row.indicator: _state(row) for row in saved},
            data={"framework": framework.code, "source": source, **(data or {})},
        )
    return saved


def _write(
    agency: Agency,
    framework: Framework,
    indicator: int,
    row: SurveyScore | None,
    values: dict[str, Any],
) -> SurveyScore:
    if row is None:
        return SurveyScore.objects.create(
            agency=agency, framework=framework, indicator=indicator, **values
        )
    for name, value in values.items():
        setattr(row, name, value)
    row.save()
    return row


def _state(row: SurveyScore) -> dict[str, Any]:
    return {"score": row.score, "respondents": row.respondents, "source": row.source}


def _validated(
    doc: Mapping[str, Any], scores: Mapping[int, Any], respondents: Mapping[int, Any]
) -> tuple[dict[int, Decimal], dict[int, int]]:
    problems: list[Problem] = []
    if not scores:
        problems.append(Problem(Kind.EMPTY, _("No scores were given.")))
    known, surveyed = all_indicators(doc), survey_indicators(doc)
    clean: dict[int, Decimal] = {}
    for indicator, value in scores.items():
        ok = _check_indicator(indicator, known, surveyed, problems)
        score = _check_score(indicator, value, problems)
        if ok and score is not None:
            clean[indicator] = score
    counts: dict[int, int] = {}
    for indicator, value in respondents.items():
        if value is None:
            continue
        if indicator not in scores:
            message = _("Indicator %(indicator)s: respondents are given without a score.")
            problems.append(Problem(Kind.MISSING_VALUE, message % {"indicator": indicator}))
        elif isinstance(value, bool) or not isinstance(value, int) or value < 0:
            message = _("Indicator %(indicator)s: the respondents must be a whole number ≥ 0.")
            problems.append(Problem(Kind.NEGATIVE, message % {"indicator": indicator}))
        else:
            counts[indicator] = value
    if problems:
        raise SurveyError(problems)
    return clean, counts


def _check_indicator(
    indicator: Any, known: set[int], surveyed: dict[int, str], problems: list[Problem]
) -> bool:
    where = {"indicator": indicator}
    if isinstance(indicator, bool) or not isinstance(indicator, int) or indicator not in known:
        message = _("Indicator %(indicator)s is not in this framework.") % where
        problems.append(Problem(Kind.UNKNOWN_INDICATOR, message))
        return False
    if indicator not in surveyed:
        message = _("Indicator %(indicator)s is not measured by the IIT or EIT survey.") % where
        problems.append(Problem(Kind.NOT_SURVEY_INDICATOR, message))
        return False
    return True


def _check_score(indicator: Any, value: Any, problems: list[Problem]) -> Decimal | None:
    where = {"indicator": indicator, "value": value}
    number = to_decimal(value)
    if number is None:
        message = _("Indicator %(indicator)s: the score %(value)s is not a number.") % where
        problems.append(Problem(Kind.NOT_A_NUMBER, message))
        return None
    if not 0 <= number <= 100:
        message = _("Indicator %(indicator)s: the score %(value)s is outside 0–100.") % where
        problems.append(Problem(Kind.OUT_OF_RANGE, message))
        return None
    return published(Fraction(number), SCORE_DECIMALS)


def import_scores(
    agency: Agency, framework: Framework, data: bytes, filename: str, *, by: Any
) -> ImportResult:
    """Read a results file and save its scores, or raise SurveyError having saved nothing."""
    result = read_score_file(data, filename, framework_document=framework.document)
    details = {"filename": filename, "shape": result.shape, "questions": result.questions}
    enter_scores(
        agency,
        framework,
        result.scores,
        by=by,
        respondents=result.respondents,
        source=Source.IMPORTED,
        data=details,
    )
    return result


def scores_for(agency: Agency, framework: Framework) -> dict[int, Decimal]:
    """Indicator -> score of an agency in a framework, as plain data for the scoring engine."""
    rows = SurveyScore.objects.filter(agency=agency, framework=framework).order_by("indicator")
    return dict(rows.values_list("indicator", "score"))


def sources_for(agency: Agency, framework: Framework) -> dict[int, str]:
    """Indicator -> where its score came from (entered, imported or native answers)."""
    rows = SurveyScore.objects.filter(agency=agency, framework=framework)
    return {n: Source(src).label for n, src in rows.values_list("indicator", "source")}
