"""Scores of a review from its verdicts and the agency's survey scores (openita.scoring)."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from typing import Any

from openita.review.models import Review
from openita.scoring import Spec, scorable, score, what_if


def _survey_scores(review: Review) -> dict[int, Fraction]:
    from openita.surveys.models import SurveyScore

    rows = SurveyScore.objects.filter(
        agency=review.response_set.agency, framework=review.response_set.framework
    ).values_list("indicator", "score")
    return {indicator: Fraction(value) for indicator, value in rows}


def _fraction(value: Decimal | None) -> Fraction:
    """Stored scores as exact fractions; whole ones (most verdicts) the cheap way."""
    if value is None:
        return Fraction(0)
    whole = int(value)
    return Fraction(whole) if whole == value else Fraction(value)


def _num(value: Decimal) -> float:
    return float(value)


def _inputs(review: Review) -> tuple[Spec, dict[str, Fraction], dict[int, Fraction]]:
    spec = Spec.from_document(review.response_set.framework.document)
    items = {
        r.response.item.code: _fraction(r.score)
        for r in review.items.select_related("response__item")
    }
    return spec, items, _survey_scores(review)


def gains(review: Review) -> list[dict[str, Any]]:
    """What passing each failed item would add, from the current verdicts (not stored: it
    is derived, and cheap for one agency)."""
    spec, items, surveys = _inputs(review)
    spec, inputs, _complete = scorable(spec, items, surveys)
    return [
        {"item": g.item, "ita": _num(g.total), "gain": _num(g.gain)} for g in what_if(spec, inputs)
    ]


def compute(review: Review) -> dict[str, Any]:
    """Published figures of every level; without complete surveys, the OIT levels only.

    Items not judged yet count as 0 (what the agency would get if nothing changed).
    """
    return figures(*_inputs(review))


def figures(spec: Spec, items: dict[str, Fraction], surveys: dict[int, Fraction]) -> dict[str, Any]:
    """The stored results for item scores and survey indicator scores (pure)."""
    scored, inputs, complete = scorable(spec, items, surveys)
    result = score(scored, inputs)
    return {
        "complete": complete,
        "instruments": {k: _num(v) for k, v in result.instruments.items()},
        "indicators": {str(k): _num(v) for k, v in result.indicators.items()},
        "sub_indicators": {k: _num(v) for k, v in result.sub_indicators.items()},
        "ita": _num(result.total) if complete else None,
        "rating": result.rating if complete else None,
        "passed": result.passed if complete else None,
    }


def recompute_all(framework: Any, *, include_final: bool = False) -> int:
    """Rescore every review of a framework in a handful of queries (after a correction of the
    framework or a bulk survey import). Final results are locked unless ``include_final``."""
    from openita.review.models import ItemReview, ReviewStatus
    from openita.surveys.models import SurveyScore

    spec = Spec.from_document(framework.document)
    reviews = Review.objects.filter(response_set__framework=framework).select_related(
        "response_set"
    )
    if not include_final:
        reviews = reviews.exclude(status=ReviewStatus.FINAL)
    reviews = list(reviews)
    items: dict[int, dict[str, Fraction]] = {r.pk: {} for r in reviews}
    verdicts = ItemReview.objects.filter(review__response_set__framework=framework)
    for review_id, code, value in verdicts.values_list(
        "review_id", "response__item__code", "score"
    ):
        if review_id not in items:  # a final review left as it is
            continue
        items[review_id][code] = _fraction(value)
    surveys: dict[int, dict[int, Fraction]] = {}
    for agency_id, indicator, value in SurveyScore.objects.filter(framework=framework).values_list(
        "agency_id", "indicator", "score"
    ):
        surveys.setdefault(agency_id, {})[indicator] = Fraction(value)
    for review in reviews:
        agency_scores = surveys.get(review.response_set.agency_id, {})
        review.results = figures(spec, items[review.pk], agency_scores)
    _store(reviews)
    return len(reviews)


def _store(reviews: list[Review]) -> None:
    """Write every review's results in one batch of single-row updates.

    bulk_update() builds one CASE expression per batch, which is several times slower here
    than executemany() of a plain UPDATE; the SQL is written by hand for that reason only.
    """
    from django.db import connection, transaction

    table = connection.ops.quote_name(Review._meta.db_table)
    value = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
    sql = f"UPDATE {table} SET results = {value} WHERE id = %s"  # noqa: S608 (names only)
    rows = [(json.dumps(r.results, ensure_ascii=False), r.pk) for r in reviews]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, rows)
