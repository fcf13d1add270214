"""Scores of a review from its verdicts and the agency's survey scores (openita.scoring)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from fractions import Fraction
from typing import Any

from openita.review.models import Review
from openita.scoring import Inputs, Spec, score, what_if


def _survey_scores(review: Review) -> dict[int, Fraction]:
    from openita.surveys.models import SurveyScore

    rows = SurveyScore.objects.filter(
        agency=review.response_set.agency, framework=review.response_set.framework
    ).values_list("indicator", "score")
    return {indicator: Fraction(value) for indicator, value in rows}


def _num(value: Decimal) -> float:
    return float(value)


def compute(review: Review) -> dict[str, Any]:
    """Published figures of every level; without complete surveys, the OIT levels only.

    Items not judged yet count as 0 (what the agency would get if nothing changed).
    """
    spec = Spec.from_document(review.response_set.framework.document)
    items = {
        r.response.item.code: Fraction(r.score if r.score is not None else 0)
        for r in review.items.select_related("response__item")
    }
    surveys = _survey_scores(review)
    needed = {n for i in spec.instruments for n in i.indicators} - spec.item_indicators
    complete = needed <= set(surveys)
    if not complete:  # score what can be scored: the instruments computed from items
        computed = tuple(i for i in spec.instruments if set(i.indicators) <= spec.item_indicators)
        spec = dataclasses.replace(spec, instruments=computed)
        surveys = {}
    inputs = Inputs(indicators={n: v for n, v in surveys.items() if n in needed}, items=items)
    result = score(spec, inputs)
    return {
        "complete": complete,
        "instruments": {k: _num(v) for k, v in result.instruments.items()},
        "indicators": {str(k): _num(v) for k, v in result.indicators.items()},
        "sub_indicators": {k: _num(v) for k, v in result.sub_indicators.items()},
        "ita": _num(result.total) if complete else None,
        "rating": result.rating if complete else None,
        "passed": result.passed if complete else None,
        "what_if": [
            {"item": g.item, "ita": _num(g.total), "gain": _num(g.gain)}
            for g in what_if(spec, inputs)
        ],
    }
