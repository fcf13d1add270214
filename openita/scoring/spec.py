"""What the engine needs of a framework, and what it is given to score."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cached_property
from typing import Any


class ScoringError(ValueError):
    """Input that cannot be scored; ``problems`` lists every reason at once."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True)
class Instrument:
    code: str  # IIT, EIT, OIT
    weight: Fraction  # percent of the total
    indicators: tuple[int, ...]


@dataclass(frozen=True)
class Tier:
    label: str
    min_total: Fraction
    min_each_instrument: Fraction | None = None


@dataclass(frozen=True)
class Spec:
    """A framework reduced to its scoring rules."""

    framework: str
    instruments: tuple[Instrument, ...]
    sub_indicators: Mapping[str, int]  # "9.1" -> 9
    items: Mapping[str, str]  # "O1" -> "9.1"
    scheme: str  # "letters" or "pass_labels"
    tiers: tuple[Tier, ...]  # highest floor first; letters are tiers without instrument floors
    pass_mark: Fraction
    decimals: int = 2
    partial_items: bool = False

    @classmethod
    def from_document(cls, doc: Mapping[str, Any]) -> Spec:
        """Build from a validated framework document (the YAML file as a dict)."""
        grading = doc["grading"]
        if grading["scheme"] == "letters":
            tiers = tuple(Tier(b["label"], number(b["min"])) for b in grading["bands"])
        else:
            tiers = tuple(
                Tier(t["label"], number(t["min_total"]), _optional(t.get("min_each_instrument")))
                for t in grading["tiers"]
            )
        scoring = doc.get("scoring") or {}
        return cls(
            framework=doc["id"],
            instruments=tuple(
                Instrument(i["code"], number(i["weight"]), tuple(i["indicators"]))
                for i in doc["instruments"]
            ),
            sub_indicators={s["code"]: s["indicator"] for s in doc["sub_indicators"]},
            items={i["code"]: i["sub_indicator"] for i in doc["items"]},
            scheme=grading["scheme"],
            tiers=tiers,
            pass_mark=number(grading["pass_mark"]),
            decimals=int(scoring.get("decimals", 2)),
            partial_items=scoring.get("item") == "partial",
        )

    def instrument_of(self, indicator: int) -> Instrument | None:
        return next((i for i in self.instruments if indicator in i.indicators), None)

    @cached_property
    def item_indicators(self) -> set[int]:
        """Indicators computed from items (the OIT ones)."""
        return {self.sub_indicators[s] for s in self.items.values()}


@dataclass(frozen=True)
class Inputs:
    """Indicator scores given directly, and item scores (0-100) for the item-based indicators."""

    indicators: Mapping[int, Fraction] = field(default_factory=dict)
    items: Mapping[str, Fraction] = field(default_factory=dict)


def number(value: Any) -> Fraction:
    """An exact number from JSON/YAML (floats through their shortest decimal text)."""
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, Fraction):
        return value
    try:
        return Fraction(Decimal(str(value)))
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"not a number: {value!r}") from exc


def _optional(value: Any) -> Fraction | None:
    return None if value is None else number(value)


def scorable(
    spec: Spec, items: Mapping[str, Fraction], surveys: Mapping[int, Fraction]
) -> tuple[Spec, Inputs, bool]:
    """What can be scored now: everything when the survey indicators are all given, else only
    the instruments computed from items (the spec narrowed to them). The flag says which."""
    needed = {n for i in spec.instruments for n in i.indicators} - spec.item_indicators
    if needed <= set(surveys):
        return spec, Inputs({n: surveys[n] for n in needed}, dict(items)), True
    computed = tuple(i for i in spec.instruments if set(i.indicators) <= spec.item_indicators)
    return dataclasses.replace(spec, instruments=computed), Inputs(items=dict(items)), False
