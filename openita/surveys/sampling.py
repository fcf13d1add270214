"""Minimum samples: a named rule with parameters, stored as data (data/sample-rules.yaml).

A survey keeps a copy of its rule (``Survey.sample_rule``). A framework file could one day
name its own rule per questionnaire; until the schema has such a key, the defaults apply.
Per-unit targets share the agency's target out in proportion to the units' populations
(rounded up, never above a unit's population).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import yaml

RULES_FILE = Path(__file__).parent / "data" / "sample-rules.yaml"


def _minimum_share(population: int, params: Mapping[str, Any]) -> int:
    minimum = int(params.get("minimum") or 0)
    if population < minimum:
        return population
    cap_above, cap = params.get("cap_above"), params.get("cap")
    if cap_above is not None and cap is not None and population > int(cap_above):
        return int(cap)
    share = Fraction(Decimal(str(params.get("share") or 0)))
    return max(minimum, math.ceil(share * population))


RULES: dict[str, Callable[[int, Mapping[str, Any]], int]] = {"minimum_share": _minimum_share}


@cache
def _defaults() -> dict[str, dict[str, Any]]:
    return yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))


def default_rule(instrument: str) -> dict[str, Any]:
    """A copy of the default rule of an instrument, ready to store on a survey."""
    rule = _defaults()[instrument]
    return {**rule, "params": dict(rule["params"])}


def minimum_sample(rule: Mapping[str, Any], population: int) -> int:
    """The minimum number of respondents for a population under a stored rule."""
    if population <= 0:
        return 0
    return min(population, RULES[rule["rule"]](population, rule.get("params") or {}))


def unit_targets(target: int, populations: Mapping[Any, int]) -> dict[Any, int]:
    """The agency's target shared out over units in proportion to their populations."""
    total = sum(populations.values())
    if total <= 0:
        return {unit: 0 for unit in populations}
    return {
        unit: min(count, math.ceil(Fraction(target * count, total)))
        for unit, count in populations.items()
    }
