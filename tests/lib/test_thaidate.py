import datetime as dt

import pytest

from openita.lib.thaidate import (
    FiscalYear,
    be_year,
    ce_year,
    fill_year_placeholders,
    format_thai_date,
    from_thai_digits,
    to_thai_digits,
)


def test_it_formats_short_buddhist_era_dates():
    assert format_thai_date(dt.date(2022, 1, 21)) == "21 ม.ค. 2565"


def test_it_formats_long_dates_with_thai_digits():
    assert format_thai_date(dt.date(2022, 1, 21), style="long", thai_digits=True) == (
        "๒๑ มกราคม ๒๕๖๕"
    )


def test_it_shows_aware_times_in_bangkok():
    late_utc = dt.datetime(2024, 9, 30, 20, 30, tzinfo=dt.UTC)  # 03:30 on 1 Oct in Bangkok
    assert format_thai_date(late_utc, with_time=True) == "1 ต.ค. 2567 03:30 น."
    assert FiscalYear.of(late_utc) == FiscalYear(2568)


def test_it_refuses_naive_datetimes():
    with pytest.raises(ValueError, match="naive"):
        format_thai_date(dt.datetime(2024, 1, 1, 12, 0))


def test_it_knows_the_bounds_of_fiscal_year_2568():
    fy = FiscalYear(2568)
    assert (fy.start, fy.end) == (dt.date(2024, 10, 1), dt.date(2025, 9, 30))
    assert fy.first_half_end == dt.date(2025, 3, 31)
    assert fy.previous == FiscalYear(2567) and fy.next == FiscalYear(2569)


@pytest.mark.parametrize(
    ("day", "year"),
    [((2024, 9, 30), 2567), ((2024, 10, 1), 2568), ((2025, 3, 31), 2568), ((2025, 10, 1), 2569)],
)
def test_it_finds_the_fiscal_year_of_a_date(day, year):
    assert FiscalYear.of(dt.date(*day)).year == year


def test_it_tells_whether_a_date_is_in_the_first_half():
    fy = FiscalYear(2568)
    assert fy.in_first_half(dt.date(2025, 3, 31))
    assert not fy.in_first_half(dt.date(2025, 4, 1))
    assert fy.contains(dt.date(2025, 4, 1)) and not fy.contains(dt.date(2025, 10, 1))


def test_it_converts_eras_and_digits_both_ways():
    assert be_year(2024) == 2567 and ce_year(2567) == 2024
    assert to_thai_digits("2565") == "๒๕๖๕" and from_thai_digits("๒๕๖๕") == "2565"
    assert FiscalYear(2565).label(thai_digits=True) == "ปีงบประมาณ พ.ศ. ๒๕๖๕"


def test_it_fills_year_placeholders_in_framework_texts():
    text = "แผนครอบคลุมปี พ.ศ. {fy} รายงานปี {fy_prev} {other}"
    assert fill_year_placeholders(text, 2566) == "แผนครอบคลุมปี พ.ศ. 2566 รายงานปี 2565 {other}"
