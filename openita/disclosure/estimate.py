"""What the agency's self-check ticks would score, before submission (openita.scoring)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from openita.disclosure.models import ResponseSet
from openita.scoring import Gain, Spec, scorable, score, what_if


@dataclass(frozen=True)
class Estimate:
    oit: Decimal
    ita: Decimal | None  # when the survey scores are in
    rating: str | None
    passing: int
    total_items: int
    gains: list[Gain]


def _self_passed(response: Any) -> bool:
    """An item the agency believes passes: every element ticked, or a 'none' declaration."""
    if response.none_declared:
        return True
    return len(set(response.element_checks)) >= len(response.item.elements)


def estimate(response_set: ResponseSet) -> Estimate:
    spec = Spec.from_document(response_set.framework.document)
    rows = list(response_set.responses.select_related("item"))
    items = {r.item.code: Fraction(100 if _self_passed(r) else 0) for r in rows}
    from openita.surveys.services import scores_for

    saved = scores_for(response_set.agency, response_set.framework)
    spec, inputs, complete = scorable(spec, items, {n: Fraction(v) for n, v in saved.items()})
    result = score(spec, inputs)
    return Estimate(
        oit=result.instruments.get("OIT", result.total),
        ita=result.total if complete else None,
        rating=result.rating if complete else None,
        passing=sum(1 for v in items.values() if v == 100),
        total_items=len(items),
        gains=what_if(spec, inputs, base=result.exact),
    )
