"""The assignment table: reading the agencies' own Excel table, and writing one that reads back.

Messages are translated when the Thai catalog is active, so the tests look at the row
numbers and tokens in them, never at their English wording.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from openita.disclosure.assignment_table import (
    HEADERS,
    AssignmentTableError,
    ExportRow,
    TableRow,
    UnitRef,
    match_units,
    read_assignment_table,
    write_assignment_table,
)

YS = UnitRef("1", "กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด", "ยศ.")
BK = UnitRef("2", "กลุ่มงานบริหารทรัพยากรบุคคล", "บค.")
ADMIN = UnitRef("3", "กลุ่มงานอำนวยการ", "อำนวยการ")
STT = UnitRef("4", "ศูนย์ดำรงธรรมจังหวัด", "ศตธ.")
UNITS = [YS, BK, ADMIN, STT]
EVERY = [u.key for u in UNITS]
CODES = [f"O{n}" for n in range(1, 44)]
PROVINCE = "สำนักงานจังหวัดฯ (ยศ./บค.)"


def xlsx(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read(rows: list[list[Any]], codes: list[str] | None = None) -> list[TableRow]:
    return read_assignment_table(xlsx(rows), item_codes=codes or CODES, units=UNITS)


def errors_of(rows: list[list[Any]]) -> list[str]:
    with pytest.raises(AssignmentTableError) as info:
        read(rows)
    return info.value.errors


def numbers(message: str) -> set[int]:
    """The standalone numbers in a message (row numbers), whatever its language."""
    return {int(n) for n in re.findall(r"\b\d+\b", message)}


def assigned(rows: list[TableRow]) -> dict[str, list[str]]:
    return {r.code: r.unit_keys for r in rows}


# The first rows of seed 002, as a province's office typed them.
SEED_002 = [
    ["ตารางการมอบหมายผู้รับผิดชอบในแต่ละประเด็นการประเมิน ITA ของปีงบประมาณ พ.ศ. 2566"],
    [" แบบการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment : OIT)"],
    [" ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ประกอบด้วย 5 ตัวชี้วัดย่อย ดังนี้"],
    [" ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน"],
    [],
    list(HEADERS),
    ["01", "โครงสร้าง", "- แสดงแผนผังโครงสร้างการแบ่งส่วนราชการของหน่วยงาน*", PROVINCE],
    ["02", "ข้อมูลผู้บริหาร", "- แสดงข้อมูลของผู้บริหารสูงสุด", PROVINCE],
    ["03", "อำนาจหน้าที่", "- แสดงข้อมูลเฉพาะที่อธิบายถึงหน้าที่และอำนาจของหน่วยงาน*", PROVINCE],
    ["04", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", "- แสดงแผนการดำเนินงาน", "สำนักงานจังหวัดฯ (ยศ.)"],
    [],
    list(HEADERS),
    ["05", "ข้อมูลการติดต่อ", "- แสดงข้อมูลการติดต่อของหน่วยงาน", PROVINCE],
    ["06", "กฎหมายที่เกี่ยวข้อง", "- แสดงกฎหมายที่เกี่ยวข้อง", "สำนักงานจังหวัดฯ (ทุกกลุ่มงาน)"],
    [None, None, "(3) การพัฒนาบุคลากร - เป็นหลักเกณฑ์ที่ใช้บังคับในปี พ.ศ. 2566", None],
    [],
    ["การประชาสัมพันธ์"],
    [],
    list(HEADERS),
    ["07", "ข่าวประชาสัมพันธ์", "- แสดงข้อมูลข่าวสารต่าง ๆ", "ทุกส่วนราชการ"],
]  # fmt: skip


# --- reading --------------------------------------------------------------------------


def test_it_reads_a_table_shaped_like_seed_002():
    rows = read(SEED_002)

    assert assigned(rows) == {
        "O1": ["1", "2"],
        "O2": ["1", "2"],
        "O3": ["1", "2"],
        "O4": ["1"],
        "O5": ["1", "2"],
        "O6": EVERY,
        "O7": EVERY,
    }
    assert [r.row for r in rows] == [7, 8, 9, 10, 13, 14, 20]
    assert rows[0].units_text == PROVINCE


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("๐๑", "O1"),
        ("o2", "O2"),
        ("○3", "O3"),
        (4, "O4"),
        (5.0, "O5"),
        ("O 6", "O6"),
        ("010", "O10"),
    ],
)
def test_it_reads_every_spelling_of_the_item_code(cell, code):
    rows = read([list(HEADERS), [cell, "ข้อมูล", "", "ยศ."]])

    assert assigned(rows) == {code: ["1"]}


def test_it_finds_the_columns_by_their_headers_not_their_position():
    rows = read(
        [
            ["Responsible unit", "Title", "Code"],
            ["บค.", "Structure", "O1"],
        ]
    )

    assert assigned(rows) == {"O1": ["2"]}


def test_an_empty_units_cell_clears_the_assignment():
    rows = read([list(HEADERS), ["O1", "โครงสร้าง", "", None], ["O2", "ผู้บริหาร", "", "  "]])

    assert assigned(rows) == {"O1": [], "O2": []}


def test_item_codes_given_in_any_spelling_are_understood():
    rows = read([list(HEADERS), ["01", "", "", "ยศ."]], codes=["๐๑"])

    assert assigned(rows) == {"O1": ["1"]}


# --- unit matching --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("ยศ., บค.", ["1", "2"]),
        ("ยศ./บค.", ["1", "2"]),
        ("ยศ; บค", ["1", "2"]),
        ("ยศ.、บค.", ["1", "2"]),
        ("ยศ.\nบค.", ["1", "2"]),
        ("ยศ. และ บค.", ["1", "2"]),
        ("ยศ.และบค.", ["1", "2"]),
        ("ยศ. บค.", ["1", "2"]),
        ("บค./ยศ./บค.", ["2", "1"]),
        ("สำนักงานจังหวัดฯ (อำนวยการ/บค.)", ["3", "2"]),
        ("สำนักงานจังหวัดฯ (ศตธ.)", ["4"]),
        ("กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด", ["1"]),
        ("กลุ่มงานบริหารทรัพยากรบุคคล, ศูนย์ดำรงธรรมจังหวัด", ["2", "4"]),
        ("ทุกหน่วยงาน", EVERY),
        ("สำนักงานจังหวัดฯ (ทุกกลุ่มงาน)", EVERY),
        ("All", EVERY),
        ("", []),
    ],
)
def test_it_matches_the_ways_units_are_written(text, keys):
    assert match_units(text, UNITS) == (keys, [])


def test_it_matches_english_names_regardless_of_case():
    units = [UnitRef("a", "Planning Division", "PLN"), UnitRef("b", "Human Resources", "HR")]

    assert match_units("pln / human resources", units) == (["a", "b"], [])


def test_a_unit_name_with_parentheses_is_not_cut_down():
    units = [UnitRef("a", "กลุ่มงาน (ก)", ""), UnitRef("b", "กลุ่มงาน (ข)", "")]

    assert match_units("กลุ่มงาน (ก), กลุ่มงาน (ข)", units) == (["a", "b"], [])


def test_it_returns_the_tokens_it_does_not_know():
    keys, unknown = match_units("สำนักงานจังหวัดฯ (ยศ./กพ./xyz)", UNITS)

    assert keys == ["1"]
    assert unknown == ["กพ.", "xyz"]


# --- errors ---------------------------------------------------------------------------


def test_a_file_that_is_not_xlsx_gives_one_error():
    with pytest.raises(AssignmentTableError) as info:
        read_assignment_table(os.urandom(2048), item_codes=CODES, units=UNITS)

    assert len(info.value.errors) == 1


def test_a_zip_that_is_not_a_workbook_gives_one_error():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")

    with pytest.raises(AssignmentTableError) as info:
        read_assignment_table(out.getvalue(), item_codes=CODES, units=UNITS)

    assert len(info.value.errors) == 1


def test_a_table_without_a_header_row_is_rejected():
    errors = errors_of([["01", "โครงสร้าง", "", "ยศ."], ["02", "ผู้บริหาร", "", "บค."]])

    assert len(errors) == 1
    assert HEADERS[0] in errors[0]
    assert HEADERS[3] in errors[0]


def test_the_header_must_be_in_the_first_30_rows():
    errors = errors_of([[f"บรรทัด {n}"] for n in range(30)] + [list(HEADERS), ["O1", "", "", ""]])

    assert len(errors) == 1


def test_an_unknown_item_code_is_reported_with_its_row():
    errors = errors_of([list(HEADERS), ["O1", "", "", "ยศ."], ["O99", "", "", "ยศ."]])

    assert len(errors) == 1
    assert numbers(errors[0]) == {3}
    assert "O99" in errors[0]


def test_a_duplicated_item_names_the_first_row():
    errors = errors_of(
        [
            ["ตาราง"],
            list(HEADERS),
            ["O1", "", "", "ยศ."],
            ["O2", "", "", "ยศ."],
            ["๐๑", "", "", "บค."],
        ]
    )

    assert len(errors) == 1
    assert numbers(errors[0]) == {5, 3}
    assert "O1" in errors[0]


def test_an_unknown_unit_lists_the_token_and_the_known_units():
    errors = errors_of([list(HEADERS), ["O1", "", "", "สำนักงานจังหวัดฯ (ยศ./กพ.)"]])

    assert len(errors) == 1
    assert numbers(errors[0]) == {2}
    assert "กพ." in errors[0]
    for unit in UNITS:
        assert unit.short_name in errors[0]


def test_every_bad_row_is_reported_at_once():
    errors = errors_of(
        [
            list(HEADERS),
            ["O1", "", "", "ยศ."],
            ["O2", "", "", "กพ."],
            ["O3", "", "", "บค."],
            ["O98", "", "", "บค."],
        ]
    )

    assert len(errors) == 2
    assert numbers(errors[0]) == {3}
    assert "กพ." in errors[0]
    assert numbers(errors[1]) == {5}
    assert "O98" in errors[1]


# --- writing --------------------------------------------------------------------------

EXPORT = [
    ExportRow("O1", "โครงสร้าง", ["แผนผังโครงสร้าง", "ตำแหน่งที่สำคัญ"], ["ยศ.", "บค."],
              "9.1", "ข้อมูลพื้นฐาน"),
    ExportRow("O2", "ข้อมูลผู้บริหาร", ["ผู้บริหารสูงสุด"], ["ยศ."], "9.1", "ข้อมูลพื้นฐาน"),
    ExportRow("O11", "แผนดำเนินงาน", [], [], "9.2", "การบริหารงาน"),
    ExportRow("O27", "แนวปฏิบัติ", ["คู่มือ"], ["ศตธ.", "อำนวยการ"], "9.5", "การส่งเสริมความโปร่งใส"),
]  # fmt: skip


def test_a_written_table_reads_back_to_the_same_assignments():
    data = write_assignment_table(title="ตารางการมอบหมาย ITA 2566", rows=EXPORT)

    rows = read_assignment_table(data, item_codes=CODES, units=UNITS)

    assert assigned(rows) == {"O1": ["1", "2"], "O2": ["1"], "O11": [], "O27": ["4", "3"]}


def test_a_written_table_is_shaped_like_the_agencies_own():
    data = write_assignment_table(title="ตารางการมอบหมาย ITA 2566", rows=EXPORT)

    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert values[0] == ["ตารางการมอบหมาย ITA 2566"]
    assert values[1] == list(HEADERS)
    assert values[2] == ["ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน"]
    assert values[3] == ["O1", "โครงสร้าง", "- แผนผังโครงสร้าง\n- ตำแหน่งที่สำคัญ", "ยศ., บค."]
    assert values[5] == ["ตัวชี้วัดย่อยที่ 9.2 การบริหารงาน"]
    assert values[6] == ["O11", "แผนดำเนินงาน"]
    assert values[7] == ["ตัวชี้วัดย่อยที่ 9.5 การส่งเสริมความโปร่งใส"]
    assert sheet.freeze_panes == "A3"
    assert sheet["C4"].alignment.wrap_text
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["A"].width
