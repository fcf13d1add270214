"""Minimum samples from the default rules (data/sample-rules.yaml), at their edges."""

import pytest

from openita.surveys.sampling import default_rule, minimum_sample, unit_targets


@pytest.mark.parametrize(
    ("population", "target"),
    [(0, 0), (1, 1), (24, 24), (25, 25), (26, 25), (29, 25), (30, 25), (4000, 25), (4001, 25)],
)
def test_it_asks_the_iit_of_everyone_under_25_and_of_25_above(population, target):
    assert minimum_sample(default_rule("IIT"), population) == target


@pytest.mark.parametrize(
    ("population", "target"),
    [
        (24, 24), (25, 25), (29, 29),  # all when fewer than 30
        (30, 30), (299, 30), (300, 30), (301, 31),  # 10 %, at least 30, rounded up
        (3999, 400), (4000, 400), (4001, 400), (100_000, 400),  # 400 above 4,000
    ],
)  # fmt: skip
def test_it_asks_the_eit_of_ten_percent_between_30_and_400(population, target):
    assert minimum_sample(default_rule("EIT"), population) == target


def test_it_marks_the_defaults_as_not_nacc_rules_and_copies_them():
    rule = default_rule("EIT")
    assert rule["rule"] == "minimum_share" and rule["nacc"] is False
    rule["params"]["minimum"] = 1
    assert default_rule("EIT")["params"]["minimum"] == 30


def test_it_shares_a_target_out_over_units_in_proportion():
    assert unit_targets(30, {1: 100, 2: 50, 3: 2}) == {1: 20, 2: 10, 3: 1}
    assert unit_targets(25, {1: 3}) == {1: 3}  # never above the unit's population
    assert unit_targets(0, {}) == {}
