"""Survey questions a measure may answer: those of the indicators in the analysis draft.

IIT/EIT results are kept per indicator only, so a question is cited with its indicator's
score; the question list itself comes from the framework's questionnaires.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from openita.improvement.models import Kind, Plan


@dataclass(frozen=True)
class Question:
    code: str  # "i1", "e3"
    text: str
    indicator: int


def framework_questions(doc: Mapping[str, Any]) -> dict[str, Question]:
    return {
        q["code"]: Question(q["code"], q["text"], int(q["indicator"]))
        for questionnaire in doc.get("questionnaires") or []
        for q in questionnaire.get("questions") or []
    }


def plan_questions(plan: Plan) -> list[Question]:
    """The questions of the indicators the draft lists, in questionnaire order."""
    indicators = set(
        plan.weaknesses.filter(kind=Kind.INDICATOR).values_list("indicator", flat=True)
    )
    questions = framework_questions(plan.response_set.framework.document).values()
    return [q for q in questions if q.indicator in indicators]
