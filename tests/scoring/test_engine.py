"""The engine against cases worked out by hand from the rules (methodology.md §2)."""

from decimal import Decimal
from fractions import Fraction

import pytest

from openita.frameworks import schema
from openita.frameworks.services import LIBRARY_DIR
from openita.scoring import Inputs, ScoringError, Spec, published, score, what_if


def spec_of(code: str) -> Spec:
    return Spec.from_document(schema.dump(schema.load_yaml(LIBRARY_DIR / f"{code}.yaml")))


LETTERS = spec_of("ita-2565")  # AA-F bands
LABELS = spec_of("ita-2566")  # pass labels with the per-instrument rule
SURVEYS = {n: Fraction(100) for n in range(1, 9)}  # indicators 1-8 (IIT, EIT) at 100


def uniform(value: str) -> Inputs:
    """Every indicator at the same score: every level, the total included, equals it."""
    return Inputs(indicators={n: Fraction(value) for n in range(1, 11)})


def all_items(spec: Spec, **overrides: int) -> dict[str, Fraction]:
    return {code: Fraction(overrides.get(code, 100)) for code in spec.items}


def test_it_weights_instruments_30_30_40_over_equal_indicators():
    ind = {1: "93.55", 2: "90.1", 3: "88.2", 4: "91", 5: "87.5", 6: "92.3", 7: "89.9",
           8: "86.4", 9: "80", 10: "65.56"}  # fmt: skip
    result = score(LABELS, Inputs(indicators={k: Fraction(v) for k, v in ind.items()}))
    # IIT = 450.35 / 5; EIT = 268.6 / 3 = 89.5333…; OIT = 145.56 / 2
    assert result.instruments == {
        "IIT": Decimal("90.07"), "EIT": Decimal("89.53"), "OIT": Decimal("72.78"),
    }  # fmt: skip
    # 0.3 × 90.07 + 0.3 × 89.5333… + 0.4 × 72.78 = 82.993
    assert result.total == Decimal("82.99")
    assert result.exact.total == Fraction(82993, 1000)


def test_it_reproduces_published_oit_values_from_items():
    # methodology §2.1: one of 9 items missing in 9.1 gives indicator 9 = 97.78,
    # one of 8 missing in 10.1 gives indicator 10 = 93.75.
    nine_one = next(c for c, s in LETTERS.items.items() if s == "9.1")
    ten_one = next(c for c, s in LETTERS.items.items() if s == "10.1")
    items = all_items(LETTERS, **{nine_one: 0, ten_one: 0})
    result = score(LETTERS, Inputs(indicators=SURVEYS, items=items))
    assert result.sub_indicators["9.1"] == Decimal("88.89")
    assert result.indicators[9] == Decimal("97.78")
    assert result.indicators[10] == Decimal("93.75")
    # OIT = (97.777… + 93.75) / 2; ITA = 60 + 0.4 × OIT
    assert result.instruments["OIT"] == Decimal("95.76")
    assert result.total == Decimal("98.31")


@pytest.mark.parametrize(
    ("value", "grade", "passed"),
    [
        ("100", "AA", True),
        ("95", "AA", True),
        ("94.995", "AA", True),  # published as 95.00
        ("94.9949", "A", True),  # published as 94.99
        ("85", "A", True),
        ("84.995", "A", True),  # published as 85.00: passes
        ("84.9949", "B", False),
        ("75", "B", False),
        ("74.99", "C", False),
        ("65", "C", False),
        ("64.99", "D", False),
        ("55", "D", False),
        ("54.99", "E", False),
        ("50", "E", False),
        ("49.995", "E", False),
        ("49.99", "F", False),
        ("0", "F", False),
    ],
)
def test_it_grades_letters_on_the_published_total(value, grade, passed):
    result = score(LETTERS, uniform(value))
    assert (result.rating, result.passed) == (grade, passed)


def _by_instrument(iit: str, eit: str, oit: str) -> Inputs:
    values = {"IIT": iit, "EIT": eit, "OIT": oit}
    return Inputs(
        indicators={n: Fraction(values[i.code]) for i in LABELS.instruments for n in i.indicators}
    )


@pytest.mark.parametrize(
    ("iit", "eit", "oit", "label"),
    [
        ("95", "95", "95", "ผ่านดีเยี่ยม"),
        ("100", "94.995", "100", "ผ่านดีเยี่ยม"),  # EIT published as 95.00
        ("100", "94.99", "100", "ผ่านดี"),  # total 98.50, but EIT below 95
        ("85", "85", "85", "ผ่านดี"),
        ("100", "84.99", "100", "ผ่าน"),  # total 95.50 ≥ 85, EIT below 85
        ("100", "100", "63", "ผ่าน"),  # total 85.20, OIT far below 85
        ("84.99", "84.99", "84.99", "ต้องปรับปรุง"),
        ("70", "70", "70", "ต้องปรับปรุง"),
        ("69.995", "69.995", "69.995", "ต้องปรับปรุง"),  # published as 70.00
        ("69.99", "69.99", "69.99", "ต้องปรับปรุงโดยด่วน"),
        ("0", "0", "0", "ต้องปรับปรุงโดยด่วน"),
    ],
)
def test_it_applies_the_per_instrument_rule_of_the_pass_labels(iit, eit, oit, label):
    assert score(LABELS, _by_instrument(iit, eit, oit)).rating == label


def test_it_rounds_half_up_exactly():
    assert published(Fraction("2.675"), 2) == Decimal("2.68")  # a float would give 2.67
    assert published(Fraction(1, 3) * 100, 2) == Decimal("33.33")
    assert published(Fraction(2, 3) * 100, 2) == Decimal("66.67")
    assert published(Fraction("84.995"), 2) == Decimal("85.00")


def test_it_sorts_what_if_gains_largest_first():
    # FY2566: 9.3 has 4 items, 9.1 has 10; a failed 9.3 item costs more than a 9.1 one.
    small = next(c for c, s in LABELS.items.items() if s == "9.1")
    large = next(c for c, s in LABELS.items.items() if s == "9.3")
    inputs = Inputs(indicators=SURVEYS, items=all_items(LABELS, **{small: 0, large: 0}))
    base = score(LABELS, inputs).total
    gains = what_if(LABELS, inputs)
    assert [g.item for g in gains] == [large, small]
    # 9.3 at 75 → indicator 9 loses 5 → OIT loses 2.5 → ITA loses 1.00
    assert gains[0].gain == Decimal("1.00")
    assert gains[0].total == base + gains[0].gain
    # 9.1 at 90 → indicator 9 loses 2 → ITA loses 0.40
    assert gains[1].gain == Decimal("0.40")


def test_it_lists_every_input_problem_at_once():
    items = all_items(LABELS)
    first = next(iter(items))
    del items[first]
    items["O99"] = Fraction(100)
    items[next(iter(items))] = Fraction(50)  # binary framework
    bad = {**SURVEYS, 3: Fraction(101), 10: Fraction(90)}
    with pytest.raises(ScoringError) as refused:
        score(LABELS, Inputs(indicators=bad, items=items))
    problems = " | ".join(refused.value.problems)
    assert "unknown item code O99" in problems
    assert f"no verdict for items {first}" in problems
    assert "is not 0 or 100" in problems
    assert "indicator 3: 101.0 is outside 0-100" in problems
    assert "indicator 10 is given and also computed from items" in problems


def test_it_wants_every_indicator_when_no_items_are_given():
    with pytest.raises(ScoringError) as refused:
        score(LABELS, Inputs(indicators={1: Fraction(90)}))
    assert refused.value.problems == ["no score for indicators 2, 3, 4, 5, 6, 7, 8, 9, 10"]


@pytest.mark.parametrize("seed", range(5))
def test_it_computes_what_if_gains_as_a_full_rescoring_would(seed):
    import random

    rng = random.Random(seed)
    spec = spec_of("ita-2568")
    items = {c: Fraction(100 if rng.random() < 0.7 else 0) for c in spec.items}
    indicators = {n: Fraction(rng.randint(5000, 10000), 100) for n in range(1, 9)}
    inputs = Inputs(indicators=indicators, items=items)
    base = score(spec, inputs).total
    for gain in what_if(spec, inputs):
        again = score(spec, Inputs(indicators, {**items, gain.item: Fraction(100)}))
        assert (gain.total, gain.gain, gain.rating) == (again.total, again.total - base,
                                                        again.rating)  # fmt: skip
