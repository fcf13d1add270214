"""Score computation.

1. Items (0 or 100; partial scores only where the framework says so) give each sub-indicator
   the mean of its items.
2. A computed indicator is the mean of its sub-indicators; other indicators (the surveys) are
   given as inputs.
3. An instrument is the mean of its indicators; the total is the weighted sum of instruments.
4. Every figure is kept exact (fractions); published figures are rounded half-up to the
   framework's decimals, and the rating is decided on the published figures, as people read
   them (84.996 is published as 85.00 and passes).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from openita.scoring.spec import Inputs, ScoringError, Spec

HUNDRED = Fraction(100)


@dataclass(frozen=True)
class Scores:
    """Exact scores of every level."""

    sub_indicators: dict[str, Fraction]
    indicators: dict[int, Fraction]
    instruments: dict[str, Fraction]
    total: Fraction


@dataclass(frozen=True)
class Result:
    """Published figures (rounded) and the rating."""

    framework: str
    sub_indicators: dict[str, Decimal]
    indicators: dict[int, Decimal]
    instruments: dict[str, Decimal]
    total: Decimal
    rating: str
    passed: bool
    exact: Scores


def published(value: Fraction, decimals: int) -> Decimal:
    """Round half up, exactly: integer arithmetic on the fraction, no floating point."""
    num, den = value.numerator, value.denominator
    units = (2 * abs(num) * 10**decimals + den) // (2 * den)
    return Decimal(units if num >= 0 else -units).scaleb(-decimals)


def _mean(values: list[Fraction]) -> Fraction:
    # Verdicts are mostly whole numbers: add integers when they are (Fraction sums are slow).
    if all(v.denominator == 1 for v in values):
        return Fraction(sum(v.numerator for v in values), len(values))
    return sum(values, Fraction(0)) / len(values)


def _within(value: Fraction) -> bool:
    return 0 <= value.numerator <= 100 * value.denominator


def _check(spec: Spec, inputs: Inputs) -> None:
    problems: list[str] = []
    computed = spec.item_indicators
    if inputs.items:
        given_items = inputs.items.keys()
        unknown = sorted(given_items - spec.items.keys())
        missing = sorted(spec.items.keys() - given_items, key=_item_order(spec))
        problems += [f"unknown item code {code}" for code in unknown]
        if missing:
            problems.append(f"no verdict for items {', '.join(missing)}")
        both = sorted(computed & set(inputs.indicators))
        problems += [f"indicator {n} is given and also computed from items" for n in both]
    for code, value in inputs.items.items():
        if not _within(value):
            problems.append(f"item {code}: {float(value)} is outside 0-100")
        elif not spec.partial_items and not (
            value.denominator == 1 and value.numerator in (0, 100)
        ):
            problems.append(f"item {code}: {float(value)} is not 0 or 100 (binary scoring)")
    for number, value in inputs.indicators.items():
        if spec.instrument_of(number) is None:
            problems.append(f"unknown indicator {number}")
        elif not _within(value):
            problems.append(f"indicator {number}: {float(value)} is outside 0-100")
    given = set(inputs.indicators) | (computed if inputs.items else set())
    needed = {n for i in spec.instruments for n in i.indicators}
    if missing_ind := sorted(needed - given):
        problems.append(f"no score for indicators {', '.join(map(str, missing_ind))}")
    if problems:
        raise ScoringError(problems)


def _item_order(spec: Spec) -> Callable[[str], int]:
    order = {code: n for n, code in enumerate(spec.items)}
    return lambda code: order.get(code, len(order))


def compute(spec: Spec, inputs: Inputs) -> Scores:
    """Exact scores of every level; raises ScoringError listing every input problem."""
    _check(spec, inputs)
    by_sub: dict[str, list[Fraction]] = {}
    for code, value in inputs.items.items():
        by_sub.setdefault(spec.items[code], []).append(value)
    subs = {code: _mean(values) for code, values in by_sub.items()}
    indicators = dict(inputs.indicators)
    by_indicator: dict[int, list[Fraction]] = {}
    for code, value in subs.items():
        by_indicator.setdefault(spec.sub_indicators[code], []).append(value)
    indicators.update({n: _mean(values) for n, values in by_indicator.items()})
    instruments = {i.code: _mean([indicators[n] for n in i.indicators]) for i in spec.instruments}
    weights = sum((i.weight for i in spec.instruments), Fraction(0))
    total = sum((i.weight * instruments[i.code] for i in spec.instruments), Fraction(0)) / weights
    return Scores(subs, dict(sorted(indicators.items())), instruments, total)


def rate(spec: Spec, total: Decimal, instruments: dict[str, Decimal]) -> str:
    """The label for published figures: the first tier whose floors are all met."""
    for tier in spec.tiers:
        if total < tier.min_total:
            continue
        floor = tier.min_each_instrument
        if floor is None or all(value >= floor for value in instruments.values()):
            return tier.label
    return spec.tiers[-1].label


def score(spec: Spec, inputs: Inputs) -> Result:
    exact = compute(spec, inputs)
    d = spec.decimals
    instruments = {k: published(v, d) for k, v in exact.instruments.items()}
    total = published(exact.total, d)
    return Result(
        framework=spec.framework,
        sub_indicators={k: published(v, d) for k, v in exact.sub_indicators.items()},
        indicators={k: published(v, d) for k, v in exact.indicators.items()},
        instruments=instruments,
        total=total,
        rating=rate(spec, total, instruments),
        passed=total >= spec.pass_mark,
        exact=exact,
    )


@dataclass(frozen=True)
class Gain:
    item: str
    total: Decimal  # the published total had this item passed
    gain: Decimal
    rating: str


def what_if(spec: Spec, inputs: Inputs, base: Scores | None = None) -> list[Gain]:
    """For every item below 100: the total had it scored 100, largest gain first.

    One item moves only its own chain (sub-indicator → indicator → instrument → total), each
    by its share of the mean above it, so the gain is computed exactly without rescoring.
    """
    base = base or compute(spec, inputs)
    d = spec.decimals
    base_total = published(base.total, d)
    per_sub = Counter(spec.items[code] for code in inputs.items)
    per_indicator = Counter(spec.sub_indicators[sub] for sub in base.sub_indicators)
    weights = sum((i.weight for i in spec.instruments), Fraction(0))
    gains = []
    for code, value in inputs.items.items():
        if value >= HUNDRED:
            continue
        sub = spec.items[code]
        indicator = spec.sub_indicators[sub]
        instrument = spec.instrument_of(indicator)
        assert instrument is not None  # _check made sure
        rise = (HUNDRED - value) / per_sub[sub] / per_indicator[indicator]
        rise /= len(instrument.indicators)
        total = published(base.total + instrument.weight * rise / weights, d)
        instruments = {
            k: published(v + (rise if k == instrument.code else 0), d)
            for k, v in base.instruments.items()
        }
        gains.append(Gain(code, total, total - base_total, rate(spec, total, instruments)))
    order = _item_order(spec)
    return sorted(gains, key=lambda g: (-g.gain, order(g.item)))
