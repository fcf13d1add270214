"""The JSON form of scoring input and output (documented in docs/scoring.md)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from openita.lib.itemcodes import ItemCodeError, normalize_item_code
from openita.scoring.engine import Result, what_if
from openita.scoring.spec import Inputs, ScoringError, Spec, number

VERDICT_WORDS = {"pass": 100, "fail": 0, "ผ่าน": 100, "ไม่ผ่าน": 0, True: 100, False: 0}


def read_inputs(doc: Mapping[str, Any]) -> Inputs:
    """Inputs from a document with ``indicators`` and/or ``items``; every problem at once."""
    problems: list[str] = []
    indicators: dict[int, Fraction] = {}
    items: dict[str, Fraction] = {}
    raw_indicators = doc.get("indicators") or {}
    raw_items = doc.get("items") or {}
    if not isinstance(raw_indicators, Mapping) or not isinstance(raw_items, Mapping):
        raise ScoringError(["'indicators' and 'items' must be objects"])
    for key, value in raw_indicators.items():
        try:
            indicators[int(str(key))] = number(value)
        except ValueError:
            problems.append(f"indicator {key!r}: {value!r} is not a number")
    for key, value in raw_items.items():
        try:
            code = normalize_item_code(str(key))
            items[code] = number(VERDICT_WORDS.get(value, value))
        except (ItemCodeError, ValueError, TypeError):
            problems.append(f"item {key!r}: {value!r} is not a verdict (pass, fail or 0-100)")
    if not indicators and not items and not problems:
        problems.append("give 'indicators' (scores by indicator) and/or 'items' (OIT verdicts)")
    if problems:
        raise ScoringError(problems)
    return Inputs(indicators, items)


def _num(value: Any) -> float:
    return float(value)


def write_result(spec: Spec, inputs: Inputs, result: Result) -> dict[str, Any]:
    """Every level as published (2 decimals by default), plus what-if gains when items are given."""
    out: dict[str, Any] = {"framework": result.framework}
    out.update({code.lower(): _num(v) for code, v in result.instruments.items()})
    out["ita"] = _num(result.total)
    out["rating"] = result.rating
    out["passed"] = result.passed
    out["indicators"] = {str(k): _num(v) for k, v in result.indicators.items()}
    if result.sub_indicators:
        out["sub_indicators"] = {k: _num(v) for k, v in result.sub_indicators.items()}
    if inputs.items:
        out["what_if"] = [
            {"item": g.item, "ita": _num(g.total), "gain": _num(g.gain), "rating": g.rating}
            for g in what_if(spec, inputs)
        ]
    return out
