"""Answer counts per question turned into indicator scores.

1. Each row gives the number of respondents who chose each answer level of one question, or
   of one sub-item of a question.
2. Its score is Σ count × level value / Σ count, with the level values of the framework's
   questionnaire (four levels 0, 100/3, 200/3, 100 and yes/no 0, 100 unless the framework
   gives others), kept as exact fractions.
3. A reversed question or sub-item scores 100 − that.
4. A question with sub-items scores the mean of its sub-items.
5. An indicator scores the mean of its questions, and counts as many respondents as its
   most-answered row.
6. Only then are scores rounded, half up, to SCORE_DECIMALS.

Steps 4 and 5 are inferred from replicas of the forms, not from NACC text (methodology
§2.1: "How sub-items and respondents are aggregated … is [inferred]"). Step 5 weighs the
questions equally whatever their number of respondents, which is what a mean over
respondents gives when everyone answers every question.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext as _

from openita.scoring.engine import published
from openita.surveys.document import HUNDRED, SCORE_DECIMALS, Part, Questions, questions
from openita.surveys.errors import Kind, Problem
from openita.surveys.tables import COLUMNS, Row, Table, missing_columns, read_count, to_decimal

# The file columns of each answer scale, lowest level first.
SCALE_COLUMNS = {
    "four_level": ("level_0", "level_1", "level_2", "level_3"),
    "yes_no": ("no", "yes"),
}
# The first letter of a question code names its instrument (the framework schema's pattern).
_PREFIXES = {"i": "IIT", "e": "EIT"}


@dataclass
class Counted:
    scores: dict[int, Decimal] = field(default_factory=dict)
    respondents: dict[int, int] = field(default_factory=dict)
    questions: dict[str, Decimal] = field(default_factory=dict)


@dataclass
class _Seen:
    rows: dict[str, int] = field(default_factory=dict)  # part code -> first row
    tallies: dict[str, tuple[int, ...]] = field(default_factory=dict)  # part code -> counts
    reported: set[str] = field(default_factory=set)  # scales whose missing columns were told


def read_question_rows(table: Table, doc: Mapping[str, Any], problems: list[Problem]) -> Counted:
    """Read a counts file; problems are added to ``problems``, scores only come without any."""
    index = questions(doc)
    if not index.instruments:
        message = _(
            "This framework has no IIT or EIT question list, so answer counts per question "
            "cannot be scored. Import the score of each indicator instead."
        )
        problems.append(Problem(Kind.NO_QUESTIONNAIRE, message, table.header_row))
        return Counted()
    if not any(k in table.columns for keys in SCALE_COLUMNS.values() for k in keys):
        why = _("a file of answer counts needs one column per answer.")
        every = [k for keys in SCALE_COLUMNS.values() for k in keys]
        problems.append(missing_columns(table.header_row, every, why))
        return Counted()
    seen = _Seen()
    for number, row in table.data_rows():
        part = _part(number, table.value(row, "question"), index, problems)
        if part is None:
            continue
        tally = _tally(number, row, table, part.scale, problems, seen.reported)
        if part.code in seen.rows:
            problems.append(_duplicate(number, part.code, seen.rows[part.code]))
            continue
        seen.rows[part.code] = number
        if tally is not None:
            seen.tallies[part.code] = tally
    _check_complete(index, seen.rows, problems)
    return Counted() if problems else _aggregate(index, seen.tallies)


def _part(number: int, value: Any, index: Questions, problems: list[Problem]) -> Part | None:
    where = {"row": number, "code": f"“{value}”"}
    if value is None:
        message = _("Row %(row)s: the question code is empty.") % where
        problems.append(Problem(Kind.MISSING_VALUE, message, number))
        return None
    part = index.find(str(value))
    if part is not None:
        return part
    whole = index.whole_question(str(value))
    instrument = _PREFIXES.get(str(value).strip()[:1].casefold())
    if whole is not None:
        where["parts"] = ", ".join(index.by_question[whole])
        message = (
            _("Row %(row)s: question %(code)s has sub-items; give one row for each of %(parts)s.")
            % where
        )
        problems.append(Problem(Kind.SUB_ITEM_REQUIRED, message, number))
    elif instrument is not None and instrument not in index.instruments:
        where["instrument"] = instrument
        message = (
            _(
                "Row %(row)s: this framework has no %(instrument)s question list, so %(code)s "
                "cannot be scored. Import the %(instrument)s indicator scores instead."
            )
            % where
        )
        problems.append(Problem(Kind.NO_QUESTIONNAIRE, message, number))
    else:
        message = _("Row %(row)s: %(code)s is not a question of this framework.") % where
        problems.append(Problem(Kind.UNKNOWN_QUESTION, message, number))
    return None


def _tally(
    number: int, row: Row, table: Table, scale: str, problems: list[Problem], reported: set[str]
) -> tuple[int, ...] | None:
    """The counts of one row in the columns of its scale, or None when they are unusable."""
    keys = SCALE_COLUMNS[scale]
    absent = [k for k in keys if k not in table.columns]
    if absent:
        if scale not in reported:  # once per file is enough; every later row lacks them too
            reported.add(scale)
            why = _("questions of this answer scale need them.")
            problems.append(missing_columns(number, absent, why))
        return None
    values = [table.value(row, k) for k in keys]
    tally = [
        0 if v is None else read_count(number, v, table.labels[k], problems)
        for k, v in zip(keys, values, strict=True)
    ]
    _check_other_scale(number, row, table, scale, problems)
    if any(t is None for t in tally):
        return None
    if sum(t for t in tally if t is not None) == 0:
        message = _("Row %(row)s: every count is zero; a question needs answers.") % {"row": number}
        problems.append(Problem(Kind.NO_RESPONSES, message, number))
        return None
    return tuple(t for t in tally if t is not None)


def _check_other_scale(
    number: int, row: Row, table: Table, scale: str, problems: list[Problem]
) -> None:
    """Counts under another scale's answers mean the row is misread; say so, not ignore it."""
    for other, keys in SCALE_COLUMNS.items():
        if other == scale:
            continue
        cells = {k: table.value(row, k) for k in keys}
        filled = [k for k, v in cells.items() if v is not None and to_decimal(v) != 0]
        if filled:
            message = _(
                "Row %(row)s: this question is answered in the columns %(columns)s; the "
                "columns %(others)s must be empty for it."
            ) % {
                "row": number,
                "columns": ", ".join(f"“{COLUMNS[k][1]}”" for k in SCALE_COLUMNS[scale]),
                "others": ", ".join(f"“{table.labels[k]}”" for k in filled),
            }
            problems.append(Problem(Kind.WRONG_SCALE, message, number))


def _check_complete(index: Questions, rows: dict[str, int], problems: list[Problem]) -> None:
    """An indicator is scored from all of its questions or not at all."""
    indicators = sorted({index.by_code[code].indicator for code in rows})
    for indicator in indicators:
        expected = [c for q in index.by_indicator[indicator] for c in index.by_question[q]]
        lacking = [c for c in expected if c not in rows]
        if lacking:
            message = _(
                "Indicator %(indicator)s: rows are missing for %(codes)s; every question of "
                "an indicator is needed to score it."
            ) % {"indicator": indicator, "codes": ", ".join(lacking)}
            problems.append(Problem(Kind.INCOMPLETE, message))


def part_score(part: Part, tally: tuple[int, ...]) -> Fraction:
    total = sum(tally)
    score = sum((n * v for n, v in zip(tally, part.values, strict=True)), Fraction(0)) / total
    return HUNDRED - score if part.reversed else score


def _mean(values: list[Fraction]) -> Fraction:
    return sum(values, Fraction(0)) / len(values)


def tally_answers(index: Questions, answers: Iterable[Mapping[str, int]]) -> dict[str, list[int]]:
    """Count, per part, how many answers chose each level (native answers: code -> level)."""
    tallies = {code: [0] * len(part.values) for code, part in index.by_code.items()}
    for answer in answers:
        for code, level in answer.items():
            counts = tallies.get(code)
            if counts is not None and 0 <= level < len(counts):
                counts[level] += 1
    return tallies


def score_tallies(index: Questions, tallies: Mapping[str, Iterable[int]]) -> Counted:
    """Scores of every indicator whose parts all have answers (steps 2–6 above)."""
    given = {code: tuple(t) for code, t in tallies.items() if sum(t) > 0}
    return _aggregate(index, given)


def _aggregate(index: Questions, tallies: dict[str, tuple[int, ...]]) -> Counted:
    parts = {code: part_score(index.by_code[code], t) for code, t in tallies.items()}
    by_question = {
        q: _mean([parts[c] for c in codes])
        for q, codes in index.by_question.items()
        if all(c in parts for c in codes)
    }
    found = Counted()
    for indicator, question_codes in sorted(index.by_indicator.items()):
        if not all(q in by_question for q in question_codes):
            continue  # not in the file (a partly given indicator was refused before)
        score = _mean([by_question[q] for q in question_codes])
        found.scores[indicator] = published(score, SCORE_DECIMALS)
        found.respondents[indicator] = max(
            sum(tallies[c]) for q in question_codes for c in index.by_question[q]
        )
    for code, value in {**parts, **by_question}.items():
        found.questions[code] = published(value, SCORE_DECIMALS)
    return found


def _duplicate(number: int, code: str, first: int) -> Problem:
    message = _("Row %(row)s: question %(code)s already appears in row %(first)s.") % {
        "row": number,
        "code": code,
        "first": first,
    }
    return Problem(Kind.DUPLICATE, message, number)
