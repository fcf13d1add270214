"""The scores a measure cites, filled in from the results, never typed.

"ตัวชี้วัดที่ 6 ได้คะแนน 82.55" comes from the analysis entry the measure answers (the final
results of the plan's year); when the next year's results are final too, its figure is cited
beside it ("… และ 88.10 ในปีงบประมาณ พ.ศ. 2567"): indicators by number, items through the next
framework's ``continues`` crosswalk.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from openita.improvement.analysis import figure
from openita.improvement.models import Kind, Measure, Plan
from openita.improvement.questions import framework_questions
from openita.lib.thaidate import to_thai_digits
from openita.review.models import Review, ReviewStatus


@dataclass(frozen=True)
class Citation:
    subject: str  # "ตัวชี้วัดที่ 6", "ข้อ O7", "ตัวชี้วัดที่ 1 (ข้อ i1)": a question's indicator
    score: Decimal | None
    year: int
    later: Decimal | None = None
    later_year: int | None = None

    def sentence(self, *, thai_digits: bool = False) -> str:
        if self.score is None:
            text = f"{self.subject}: ไม่มีคะแนนในผลการประเมินปีงบประมาณ พ.ศ. {self.year}"
        elif self.later is None:
            text = f"{self.subject} ได้คะแนน {self.score:.2f}"
        else:
            text = (
                f"{self.subject} ได้คะแนน {self.score:.2f} ในปีงบประมาณ พ.ศ. {self.year} "
                f"และ {self.later:.2f} ในปีงบประมาณ พ.ศ. {self.later_year}"
            )
        return to_thai_digits(text) if thai_digits else text


@dataclass
class Later:
    """The next fiscal year's final figures, when there are any."""

    year: int | None = None
    indicators: dict[str, Decimal] = field(default_factory=dict)
    items: dict[str, Decimal] = field(default_factory=dict)  # keyed by the plan year's code


def later_results(plan: Plan) -> Later:
    review = (
        Review.objects.filter(
            response_set__agency=plan.agency,
            response_set__framework__fiscal_year=plan.fiscal_year + 1,
            status=ReviewStatus.FINAL,
        )
        .select_related("response_set__framework")
        .first()
    )
    if review is None:
        return Later()
    later = Later(year=review.response_set.framework.fiscal_year)
    later.indicators = {
        k: figure(v) for k, v in (review.results or {}).get("indicators", {}).items()
    }
    rows = review.items.exclude(score=None).values_list("response__item__continues", "score")
    for continues, score in rows:
        for code in continues or []:
            later.items[code] = figure(score)
    return later


def _indicator_scores(plan: Plan) -> dict[str, Decimal]:
    review = Review.objects.filter(response_set_id=plan.response_set_id).first()
    indicators = (review.results or {}).get("indicators", {}) if review else {}
    return {k: figure(v) for k, v in indicators.items()}


def citations_for(measures: Iterable[Measure], plan: Plan) -> dict[int, list[Citation]]:
    """Every measure's citations, by measure id, in a few queries for the whole plan."""
    later = later_results(plan)
    indicators = _indicator_scores(plan)
    questions = framework_questions(plan.response_set.framework.document)
    cited: dict[int, list[Citation]] = {}
    for measure in measures:
        rows = []
        for weakness in measure.weaknesses.all():
            if weakness.kind == Kind.INDICATOR:
                subject, ahead = f"ตัวชี้วัดที่ {weakness.code}", later.indicators
            else:
                subject, ahead = f"ข้อ {weakness.code}", later.items
            rows.append(
                Citation(subject, weakness.score, plan.fiscal_year, ahead.get(weakness.code),
                         later.year if weakness.code in ahead else None)
            )  # fmt: skip
        for code in measure.questions:
            question = questions.get(code)
            if question is None:
                continue
            number = str(question.indicator)
            rows.append(
                Citation(f"ตัวชี้วัดที่ {number} (ข้อ {code})", indicators.get(number),
                         plan.fiscal_year, later.indicators.get(number),
                         later.year if number in later.indicators else None)
            )  # fmt: skip
        cited[measure.pk] = rows
    return cited
