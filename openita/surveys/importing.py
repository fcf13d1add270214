"""Read IIT/EIT results from a CSV or Excel file, in one of two shapes.

(a) **Indicator scores**: columns ``indicator`` / ``ตัวชี้วัด`` and ``score`` / ``คะแนน``
    (0–100), optionally ``respondents`` / ``จำนวนผู้ตอบ``. One row per indicator.
(b) **Answer counts per question**: column ``question`` / ``ข้อ`` / ``ข้อคำถาม`` holding a
    question code of the framework's questionnaires, and one column per answer level:
    ``level_0``…``level_3`` (``น้อยที่สุดหรือไม่มีเลย``, ``น้อย``, ``มาก``, ``มากที่สุด``)
    for four-level questions, ``no``, ``yes`` (``ไม่มี``, ``มี``) for yes/no questions.
    A question with sub-items is given one row per sub-item, coded ``i1.a`` (``i1a``,
    ``I1 (a)`` and ``i1-a`` are read the same). See ``counts`` for the conversion.

The shape is told by the header: a ``question`` column means (b). Every problem of the file
is collected with its row number and raised at once as SurveyError; nothing is returned
from a file that is wrong anywhere. Plain data in and out: no models, no database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext as _

from openita.scoring.engine import published
from openita.surveys import counts
from openita.surveys.document import SCORE_DECIMALS, all_indicators, survey_indicators
from openita.surveys.errors import Kind, Problem, SurveyError
from openita.surveys.tables import Row, Table, load_table, missing_columns, read_count, to_decimal


@dataclass(frozen=True)
class ImportResult:
    shape: str  # "indicator" or "question"
    scores: dict[int, Decimal]  # indicator -> score 0–100, rounded to SCORE_DECIMALS
    respondents: dict[int, int] = field(default_factory=dict)  # only where the file tells
    # Per-question and per-sub-item scores of a counts file, to show how a score came about.
    questions: dict[str, Decimal] = field(default_factory=dict)


def read_score_file(
    data: bytes, filename: str, *, framework_document: Mapping[str, Any]
) -> ImportResult:
    """Read a results file against a framework document, or raise SurveyError."""
    table = load_table(data, filename)
    problems = list(table.problems)
    if "question" in table.columns:
        found = counts.read_question_rows(table, framework_document, problems)
        result = ImportResult("question", found.scores, found.respondents, found.questions)
    else:
        result = _read_indicator_rows(table, framework_document, problems)
    if problems:
        raise SurveyError(problems)
    if not result.scores:
        raise SurveyError([Problem(Kind.EMPTY, _("The file has no rows of results."))])
    return result


def _read_indicator_rows(
    table: Table, doc: Mapping[str, Any], problems: list[Problem]
) -> ImportResult:
    if "score" not in table.columns:
        why = _("a file of indicator scores needs it.")
        problems.append(missing_columns(table.header_row, ["score"], why))
        return ImportResult("indicator", {})
    known, surveyed = all_indicators(doc), survey_indicators(doc)
    scores: dict[int, Decimal] = {}
    respondents: dict[int, int] = {}
    first: dict[int, int] = {}
    for number, row in table.data_rows():
        indicator = indicator_of(number, table.value(row, "indicator"), known, surveyed, problems)
        score = _score(number, table, row, problems)
        raw_count = table.value(row, "respondents")
        label = table.labels.get("respondents", "")
        count = None if raw_count is None else read_count(number, raw_count, label, problems)
        if indicator is None:
            continue
        if indicator in first:
            problems.append(_duplicate(number, indicator, first[indicator]))
            continue
        first[indicator] = number
        if score is not None:
            scores[indicator] = score
        if count is not None:
            respondents[indicator] = count
    return ImportResult("indicator", scores, respondents)


def indicator_of(
    number: int, value: Any, known: set[int], surveyed: dict[int, str], problems: list[Problem]
) -> int | None:
    """The survey indicator a cell names; problems are added, None returned."""
    where = {"row": number, "value": f"“{value}”"}
    if value is None:
        message = _("Row %(row)s: the indicator is empty.") % where
        problems.append(Problem(Kind.MISSING_VALUE, message, number))
        return None
    amount = to_decimal(value)
    if amount is None or amount != amount.to_integral_value():
        message = _("Row %(row)s: %(value)s is not an indicator number.") % where
        problems.append(Problem(Kind.NOT_A_NUMBER, message, number))
        return None
    indicator = int(amount)
    if indicator not in known:
        message = _("Row %(row)s: indicator %(value)s is not in this framework.") % where
        problems.append(Problem(Kind.UNKNOWN_INDICATOR, message, number))
        return None
    if indicator not in surveyed:
        message = (
            _("Row %(row)s: indicator %(value)s is not measured by the IIT or EIT survey.") % where
        )
        problems.append(Problem(Kind.NOT_SURVEY_INDICATOR, message, number))
        return None
    return indicator


def _score(number: int, table: Table, row: Row, problems: list[Problem]) -> Decimal | None:
    value = table.value(row, "score")
    where = {"row": number, "value": f"“{value}”"}
    if value is None:
        message = _("Row %(row)s: the score is empty.") % where
        problems.append(Problem(Kind.MISSING_VALUE, message, number))
        return None
    amount = to_decimal(value)
    if amount is None:
        message = _("Row %(row)s: the score %(value)s is not a number.") % where
        problems.append(Problem(Kind.NOT_A_NUMBER, message, number))
        return None
    if not 0 <= amount <= 100:
        message = _("Row %(row)s: the score %(value)s is outside 0–100.") % where
        problems.append(Problem(Kind.OUT_OF_RANGE, message, number))
        return None
    return published(Fraction(amount), SCORE_DECIMALS)


def _duplicate(number: int, indicator: int, first: int) -> Problem:
    message = _("Row %(row)s: indicator %(indicator)s already appears in row %(first)s.") % {
        "row": number,
        "indicator": indicator,
        "first": first,
    }
    return Problem(Kind.DUPLICATE, message, number)
