import datetime as dt

import pytest

from openita.lib.thaidate import MONTHS_LONG, MONTHS_SHORT
from openita.lib.thaitext import normalize
from openita.lib.thaiyears import (
    DateMention,
    YearMention,
    find_dates,
    find_years,
    fiscal_years_of,
)

TODAY = 2568  # fixed "now" for two-digit years, so the tests do not age


def years(text: str) -> list[tuple[int, str]]:
    return [(m.year_be, m.kind) for m in find_years(text, today_be=TODAY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("พ.ศ. 2567", [(2567, "be")]),
        ("พ.ศ.2567", [(2567, "be")]),
        ("พ.ศ ๒๕๖๗", [(2567, "be")]),
        ("พศ 2567", [(2567, "be")]),
        ("ปี พ.ศ. ๒๕๖๗", [(2567, "be")]),
        ("รายงานประจำปี 2567", [(2567, "be")]),
        ("ข้อมูลปี2567", [(2567, "be")]),
        ("สรุปผล 2567 แล้ว", [(2567, "be")]),
        ("ปีงบประมาณ พ.ศ. 2568", [(2568, "fiscal")]),
        ("ปีงบประมาณ 2568", [(2568, "fiscal")]),
        ("ปีงบประมาณพ.ศ.2568", [(2568, "fiscal")]),
        ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", [(2568, "fiscal")]),
        ("ปีงบ. 2568", [(2568, "fiscal")]),
        ("FY2024", [(2567, "fiscal")]),
        ("FY 2568", [(2568, "fiscal")]),
        ("fiscal year 2024", [(2567, "fiscal")]),
        ("Fiscal Year 2024", [(2567, "fiscal")]),
        ("ค.ศ. 2024", [(2567, "ce")]),
        ("ค.ศ.2024", [(2567, "ce")]),
        ("ปี ค.ศ. ๒๐๒๔", [(2567, "ce")]),
        ("report 2024", [(2567, "ce")]),
        ("ปีงบ 68", [(2568, "short")]),
        ("ปีงบประมาณ ๖๘", [(2568, "short")]),
        ("ปี 67", [(2567, "short")]),
        ("พ.ศ. 67", [(2567, "short")]),
        ("พ.ศ.๖๗", [(2567, "short")]),
    ],
)
def test_it_finds_every_written_form_of_a_year(text: str, expected: list[tuple[int, str]]) -> None:
    assert years(text) == expected


def test_it_reports_the_matched_text_and_offset_in_the_normalized_text() -> None:
    text = "แผนงาน\u200b ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ของหน่วยงาน"
    [mention] = find_years(text, today_be=TODAY)
    assert mention == YearMention(2568, "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", 7, "fiscal")
    normalized = normalize(text)
    assert normalized[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("text", "expected", "fiscal_years"),
    [
        ("พ.ศ. 2566-2570", [(2566, "be"), (2570, "be")], set(range(2566, 2571))),
        ("2566 – 2570", [(2566, "be"), (2570, "be")], set(range(2566, 2571))),
        ("ปี 2566 ถึง 2570", [(2566, "be"), (2570, "be")], set(range(2566, 2571))),
        ("แผน 5 ปี (พ.ศ. ๒๕๖๖ - ๒๕๗๐)", [(2566, "be"), (2570, "be")], set(range(2566, 2571))),
        ("พ.ศ. 2566 ถึง พ.ศ. 2568", [(2566, "be"), (2568, "be")], {2566, 2567, 2568}),
        ("ปีงบประมาณ 2566-70", [(2566, "fiscal"), (2570, "fiscal")], set(range(2566, 2571))),
        ("ปี 67-68", [(2567, "short"), (2568, "short")], {2567, 2568}),
        ("ค.ศ. 2023-2025", [(2566, "ce"), (2568, "ce")], {2566, 2567, 2568}),
    ],
)
def test_it_reads_ranges_as_both_ends_and_every_year_between(
    text: str, expected: list[tuple[int, str]], fiscal_years: set[int]
) -> None:
    assert years(text) == expected
    assert fiscal_years_of(text, today_be=TODAY) == fiscal_years


def test_it_keeps_the_range_ends_apart_in_the_text() -> None:
    first, second = find_years("พ.ศ. 2566-2570", today_be=TODAY)
    assert (first.text, first.start) == ("พ.ศ. 2566", 0)
    assert (second.text, second.start) == ("2570", 10)


@pytest.mark.parametrize(
    "text",
    [
        "โทร. 02-141-2567",
        "โทร 02 141 2567",
        "เบอร์ ๐๒-๑๔๑-๒๕๖๗",
        "จำนวนเงิน 2,567.50 บาท",
        "จำนวนเงิน 2567.50 บาท",
        "งบประมาณ 2567,000",
        "ค่าใช้จ่าย 2024 บาท",
        "ราคา 2000-2500 บาท",
        "ISBN 978-616-2567-12-3",
        "ISBN 9786162567123",
        "เลขที่ 125670",
        "รหัส 2567890",
        "จำนวน 1500 ราย",
        "ภายใน 15 วัน",
        "FY24",
        "ปี 2 ครั้ง",
    ],
)
def test_it_ignores_numbers_that_are_not_years(text: str) -> None:
    assert find_years(text, today_be=TODAY) == []
    assert fiscal_years_of(text, today_be=TODAY) == set()


@pytest.mark.parametrize(
    ("text", "today_be", "expected"),
    [
        ("ปี 67", 2568, [2567]),
        ("ปี 50", 2568, [2550]),
        ("ปี 78", 2568, [2578]),  # exactly ten years ahead: still plausible
        ("ปี 79", 2568, []),  # further ahead: more likely a count than a year
        ("ปีงบ 79", 2569, [2579]),
    ],
)
def test_it_resolves_two_digit_years_against_today(
    text: str, today_be: int, expected: list[int]
) -> None:
    assert [m.year_be for m in find_years(text, today_be=today_be)] == expected


def test_it_defaults_today_to_the_current_year() -> None:
    assert [m.year_be for m in find_years("ปีงบ 68")] == [2568]


def test_it_leaves_two_digit_numbers_without_a_keyword_alone() -> None:
    assert find_years("ข้อ 67 และ 68", today_be=TODAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 ตุลาคม 2566", dt.date(2023, 10, 1)),
        ("1 ต.ค. 2566", dt.date(2023, 10, 1)),
        ("1ต.ค.2566", dt.date(2023, 10, 1)),
        ("1 ตค 2566", dt.date(2023, 10, 1)),
        ("1 ต. ค. 2566", dt.date(2023, 10, 1)),
        ("๑ ต.ค. ๖๖", dt.date(2023, 10, 1)),
        ("๐๑ ตุลาคม ๒๕๖๖", dt.date(2023, 10, 1)),
        ("30 กันยายน พ.ศ. 2567", dt.date(2024, 9, 30)),
        ("30 ก.ย. พ.ศ.2567", dt.date(2024, 9, 30)),
        ("30 September", None),
        ("15/03/2567", dt.date(2024, 3, 15)),
        ("15/3/2567", dt.date(2024, 3, 15)),
        ("๑๕/๐๓/๒๕๖๗", dt.date(2024, 3, 15)),
        ("15/03/2024", dt.date(2024, 3, 15)),
        ("15/03/67", dt.date(2024, 3, 15)),
        ("15-03-2567", dt.date(2024, 3, 15)),
        ("15.03.2567", dt.date(2024, 3, 15)),
        ("2024-03-15", dt.date(2024, 3, 15)),
        ("2567-03-15", dt.date(2024, 3, 15)),
        ("5 มี.ค. 2024", dt.date(2024, 3, 5)),
    ],
)
def test_it_finds_every_written_form_of_a_date(text: str, expected: dt.date | None) -> None:
    assert [m.date for m in find_dates(text)] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("month", "name"),
    [(i, name) for i, name in enumerate(MONTHS_LONG, 1)]
    + [(i, name) for i, name in enumerate(MONTHS_SHORT, 1)]
    + [(i, name.replace(".", "")) for i, name in enumerate(MONTHS_SHORT, 1)],
)
def test_it_knows_every_month_name(month: int, name: str) -> None:
    assert [m.date for m in find_dates(f"วันที่ 5 {name} 2567")] == [dt.date(2024, month, 5)]


@pytest.mark.parametrize(
    "text", ["31 ก.พ. 2567", "30 กุมภาพันธ์ 2567", "32 ม.ค. 2567", "31/02/2567", "2024-13-01"]
)
def test_it_skips_impossible_dates(text: str) -> None:
    assert find_dates(text) == []


def test_it_still_sees_the_year_of_an_impossible_date() -> None:
    assert years("31 ก.พ. 2567") == [(2567, "be")]


def test_it_does_not_read_section_numbers_as_dates() -> None:
    assert find_dates("ข้อ 1.2.30 และ 2-1-15") == []


def test_it_reports_dates_once_and_not_their_years() -> None:
    text = "ประกาศ ณ วันที่ 1 ต.ค. 2566 ปีงบประมาณ 2567"
    assert find_dates(text) == [DateMention(dt.date(2023, 10, 1), "1 ต.ค. 2566", 16)]
    assert years(text) == [(2567, "fiscal")]


def test_it_does_not_read_a_date_as_the_end_of_a_range() -> None:
    text = "พ.ศ. 2566 - 30 ก.ย. 2567"
    assert years(text) == [(2566, "be")]
    assert [m.date for m in find_dates(text)] == [dt.date(2024, 9, 30)]


def test_it_sorts_mentions_by_position() -> None:
    text = "ปี 2569 และ พ.ศ. 2566-2567 และ FY2024"
    starts = [m.start for m in find_years(text, today_be=TODAY)]
    assert starts == sorted(starts)
    assert len(starts) == len(set(starts)) == 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 ก.ย. 2567", {2567}),
        ("1 ต.ค. 2567", {2568}),
        ("30 กันยายน ๒๕๖๗", {2567}),
        ("๑ ตุลาคม ๒๕๖๗", {2568}),
        ("30/09/2024", {2567}),
        ("2024-10-01", {2568}),
        ("1 ต.ค. 66", {2567}),
    ],
)
def test_it_counts_a_date_in_the_fiscal_year_containing_it(text: str, expected: set[int]) -> None:
    assert fiscal_years_of(text, today_be=TODAY) == expected


def test_it_counts_fiscal_plain_and_ce_years_by_their_number() -> None:
    assert fiscal_years_of("ปีงบประมาณ 2568 เทียบกับ พ.ศ. 2567 และ 2024", today_be=TODAY) == {
        2567,
        2568,
    }


def test_it_reads_a_realistic_agency_page() -> None:
    text = (
        "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n"
        "เพื่อให้การดำเนินงานเป็นไปด้วยความโปร่งใส ตรวจสอบได้ ติดต่อสอบถาม โทร. ๐๒-๑๔๑-๒๕๖๗ "
        "งบประมาณทั้งสิ้น ๒,๕๖๗.๕๐ บาท\n"
        "ประกาศ ณ วันที่ ๑๕ ตุลาคม ๒๕๖๗"
    )
    assert fiscal_years_of(text, today_be=TODAY) == {2568}
    assert [m.kind for m in find_years(text, today_be=TODAY)] == ["fiscal"]
    assert [m.date for m in find_dates(text)] == [dt.date(2024, 10, 15)]


def test_it_reads_a_five_year_plan_from_a_pdf() -> None:
    # PDF extraction leaves positional tone marks (U+F70B) and breaks lines anywhere.
    text = "แผนยุทธศาสตร์ ๕ ปี (พ.ศ. ๒๕๖๖ –\n๒๕๗๐) ฉบับทบทวน ปี\uf70b ๒๕๖๘"
    assert fiscal_years_of(text, today_be=TODAY) == set(range(2566, 2571))


def test_it_finds_nothing_in_text_without_years() -> None:
    assert find_years("", today_be=TODAY) == []
    assert find_dates("ไม่มีปี") == []
    assert fiscal_years_of("การเปิดเผยข้อมูลสาธารณะ", today_be=TODAY) == set()
