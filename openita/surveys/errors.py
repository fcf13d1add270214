"""Refusals of the survey app. Messages are translatable and shown to users as-is.

Each problem also carries a ``kind`` and, for file imports, the row it concerns, so that a
page can mark the rows and tests can check what was found without reading the wording.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    UNREADABLE = "unreadable"  # not a CSV or .xlsx file we can read
    MISSING_COLUMN = "missing_column"
    DUPLICATE_COLUMN = "duplicate_column"
    MISSING_VALUE = "missing_value"
    NOT_A_NUMBER = "not_a_number"
    NOT_WHOLE = "not_whole"  # a count or respondent number with a fraction
    NEGATIVE = "negative"
    OUT_OF_RANGE = "out_of_range"  # a score outside 0–100
    UNKNOWN_INDICATOR = "unknown_indicator"
    NOT_SURVEY_INDICATOR = "not_survey_indicator"  # an OIT indicator, say
    UNKNOWN_QUESTION = "unknown_question"
    SUB_ITEM_REQUIRED = "sub_item_required"  # a question with sub-items given as a whole
    WRONG_SCALE = "wrong_scale"  # counts in columns of the other answer scale
    NO_RESPONSES = "no_responses"  # every count of a question is zero
    INCOMPLETE = "incomplete"  # some questions of an indicator are missing
    NO_QUESTIONNAIRE = "no_questionnaire"
    DUPLICATE = "duplicate"
    EMPTY = "empty"  # nothing to save
    FRAMEWORK = "framework"  # the framework document itself cannot be used
    # Native surveys
    CLOSED = "closed"  # the survey or the calendar's survey phase is not open
    CODE_NEEDED = "code_needed"  # the survey takes answers with a code only
    CODE_UNKNOWN = "code_unknown"  # no such code for this survey
    CODE_USED = "code_used"  # the code has answered already
    NOT_ALLOWED = "not_allowed"  # a change the survey's state or instrument does not allow


@dataclass(frozen=True)
class Problem:
    kind: Kind
    message: str
    row: int | None = None  # 1-based row of the file, as a spreadsheet shows it


class SurveyError(ValueError):
    """A refused import or entry; ``errors`` lists every reason, ``problems`` the details."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        self.errors = [p.message for p in self.problems]
        super().__init__("\n".join(self.errors))
