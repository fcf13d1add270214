from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from typing import Any

import pytest

from openita.surveys.errors import Kind, SurveyError
from openita.surveys.importing import read_score_file
from tests.surveys.files import (
    COUNTS_HEADER,
    csv_bytes,
    four,
    real_document,
    survey_document,
    xlsx_bytes,
    yes_no,
)

D = Decimal

# The complete counts file of survey_document(), and what it must give (worked by hand).
COMPLETE = [
    COUNTS_HEADER,
    four("i1.a", 0, 0, 1, 1),  # (66.67 + 100) / 2 = 83.333…
    four("i1.b", 0, 0, 0, 2),  # 100; i1 = 91.666…
    four("i2", 1, 1, 1, 1),  # (0 + 33.33 + 66.67 + 100) / 4 = 50
    four("i7", 0, 0, 1, 1),  # 83.333…
    four("i16", 0, 0, 1, 1),  # reversed: 100 − 83.333… = 16.666…
    yes_no("i19", 1, 3),  # reversed: 100 − 75 = 25
    yes_no("i26", 1, 3),  # 75
    four("e1.a", 0, 0, 1, 1),  # 83.333…
    four("e1.b", 0, 0, 1, 1),  # the sub-item is reversed: 16.666…; e1 = 50
    yes_no("e2.a", 1, 3),  # reversed: 25
    yes_no("e2.b", 4, 0),  # reversed: 100; e2 = 62.5
]


def read(data: bytes, filename: str = "results.csv", doc: Any = None) -> Any:
    return read_score_file(data, filename, framework_document=doc or survey_document())


def problems_of(data: bytes, filename: str = "results.csv", doc: Any = None) -> set[tuple]:
    with pytest.raises(SurveyError) as caught:
        read(data, filename, doc)
    assert len(caught.value.errors) == len(caught.value.problems)
    return {(p.row, p.kind) for p in caught.value.problems}


# --- indicator scores -------------------------------------------------------------------


def test_it_reads_indicator_scores_from_csv():
    data = csv_bytes([["indicator", "score", "respondents"], [1, "90.5", 120], [6, 88, ""]])
    result = read(data)
    assert result.shape == "indicator"
    assert result.scores == {1: D("90.500"), 6: D("88.000")}
    assert result.respondents == {1: 120}


def test_it_reads_thai_headers_a_bom_and_semicolons():
    rows = [["ตัวชี้วัด", "คะแนน", "จำนวนผู้ตอบ"], ["๒", "91.25", "๔๐"], [7, "100", ""]]
    result = read(csv_bytes(rows, delimiter=";", bom=True))
    assert result.scores == {2: D("91.250"), 7: D("100.000")}
    assert result.respondents == {2: 40}


def test_it_reads_indicator_scores_from_xlsx_below_a_title_row():
    rows = [["ผลการประเมิน IIT/EIT ปี 2566"], [], ["Indicator", "Score"], [3, 83.33], [8, 75]]
    result = read(xlsx_bytes(rows), "results.xlsx")
    assert result.scores == {3: D("83.330"), 8: D("75.000")}
    assert result.respondents == {}


def test_it_rounds_a_long_score_half_up_to_three_decimals():
    data = csv_bytes([["indicator", "score"], [1, "83.33349"], [2, "83.3335"]])
    assert read(data).scores == {1: D("83.333"), 2: D("83.334")}


def test_it_reads_a_cp874_csv_saved_by_excel_on_thai_windows():
    text = "ตัวชี้วัด,คะแนน\r\n5,77.5\r\n"
    assert read(text.encode("cp874")).scores == {5: D("77.500")}


# --- answer counts per question ---------------------------------------------------------


def test_it_scores_answer_counts_per_methodology():
    result = read(csv_bytes(COMPLETE))
    assert result.shape == "question"
    assert result.scores == {
        1: D("70.833"),  # mean of i1 (91.666…) and i2 (50)
        2: D("83.333"),
        3: D("16.667"),
        4: D("25.000"),
        5: D("75.000"),
        6: D("50.000"),
        7: D("62.500"),
    }
    assert result.respondents == {1: 4, 2: 2, 3: 2, 4: 4, 5: 4, 6: 2, 7: 4}
    assert result.questions["i1.a"] == D("83.333") and result.questions["i1"] == D("91.667")
    assert result.questions["e1.b"] == D("16.667") and result.questions["e2"] == D("62.500")


def test_it_reads_counts_from_xlsx_with_thai_headers():
    header = ["ข้อคำถาม", "น้อยที่สุดหรือไม่มีเลย", "น้อย", "มาก", "มากที่สุด", "ไม่มี", "มี"]
    rows = [header, ["i7", 0, 0, 1, 1, None, None], ["i16", 0, 0, 1, 1, None, None]]
    result = read(xlsx_bytes(rows), "counts.xlsx")
    assert result.scores == {2: D("83.333"), 3: D("16.667")}


@pytest.mark.parametrize("a, b", [("i1.a", "i1.b"), ("I1A", "i1B"), ("i1 (a)", "i1-b")])
def test_it_reads_every_spelling_of_a_sub_item_code(a, b):
    rows = [COUNTS_HEADER, four(a, 0, 0, 1, 1), four(b, 0, 0, 0, 2), four("i2", 1, 1, 1, 1)]
    assert read(csv_bytes(rows)).scores == {1: D("70.833")}


def test_it_keeps_the_framework_level_values_when_they_are_not_equal_steps():
    doc = survey_document()
    doc["questionnaires"][0]["scale_values"]["four_level"] = [0, 33, 67, 100]
    rows = [COUNTS_HEADER, four("i7", 0, 0, 1, 1)]
    assert read(csv_bytes(rows), doc=doc).scores == {2: D("83.500")}


def test_it_scores_the_real_fy2565_iit_form():
    doc = real_document("ita-2565.yaml")
    rows = [COUNTS_HEADER]
    for question in doc["questionnaires"][0]["questions"]:
        codes = [f"{question['code']}.{s['code']}" for s in question["sub_items"]]
        for code in codes or [question["code"]]:
            # Everyone answers the highest level: reversed questions then score 0.
            four_level = question["scale"] == "four_level"
            rows.append(four(code, 0, 0, 0, 10) if four_level else yes_no(code, 0, 10))
    result = read(csv_bytes(rows), doc=doc)
    assert set(result.scores) == {1, 2, 3, 4, 5}
    assert result.questions["i4"] == D("0.000") and result.questions["i11.b"] == D("0.000")
    assert result.questions["i11"] == D("50.000") and result.questions["i26"] == D("100.000")
    assert result.scores[5] == D("100.000")
    assert all(n == 10 for n in result.respondents.values())


# --- problems ---------------------------------------------------------------------------


def test_it_lists_every_problem_of_an_indicator_file_with_its_row():
    rows = [
        ["indicator", "score", "respondents"],
        [1, "abc", ""],  # row 2
        [2, "100.5", ""],  # row 3
        [3, "-1", ""],  # row 4
        [11, "80", ""],  # row 5
        [9, "80", ""],  # row 6
        [4, "80", "-3"],  # row 7
        [4, "81", ""],  # row 8
        ["", "80", ""],  # row 9
        [5, "", "1.5"],  # row 10
    ]
    assert problems_of(csv_bytes(rows)) == {
        (2, Kind.NOT_A_NUMBER),
        (3, Kind.OUT_OF_RANGE),
        (4, Kind.OUT_OF_RANGE),
        (5, Kind.UNKNOWN_INDICATOR),
        (6, Kind.NOT_SURVEY_INDICATOR),
        (7, Kind.NEGATIVE),
        (8, Kind.DUPLICATE),
        (9, Kind.MISSING_VALUE),
        (10, Kind.MISSING_VALUE),
        (10, Kind.NOT_WHOLE),
    }


def test_it_lists_every_problem_of_a_counts_file_with_its_row():
    rows = [
        COUNTS_HEADER,
        four("i7", 0, "x", 1, 1),  # row 2
        four("i16", 0, -1, 1, 1),  # row 3
        four("i99", 0, 0, 1, 1),  # row 4
        four("i1", 0, 0, 1, 1),  # row 5: i1 has sub-items
        four("i2", 0, 0, 0, 0),  # row 6
        four("i2", 0, 0, 1, 1),  # row 7
        ["i26", None, 1, None, None, 1, 3],  # row 8: a yes/no question with a level count
        yes_no("i19", 1, 2.5),  # row 9
    ]
    assert problems_of(csv_bytes(rows)) == {
        (2, Kind.NOT_A_NUMBER),
        (3, Kind.NEGATIVE),
        (4, Kind.UNKNOWN_QUESTION),
        (5, Kind.SUB_ITEM_REQUIRED),
        (6, Kind.NO_RESPONSES),
        (7, Kind.DUPLICATE),
        (8, Kind.WRONG_SCALE),
        (9, Kind.NOT_WHOLE),
        (None, Kind.INCOMPLETE),  # indicator 1 lacks i1.a and i1.b
    }


def test_an_indicator_given_in_part_is_refused():
    rows = [COUNTS_HEADER, four("i1.a", 0, 0, 1, 1), four("i2", 0, 0, 1, 1)]
    with pytest.raises(SurveyError) as caught:
        read(csv_bytes(rows))
    [problem] = caught.value.problems
    assert problem.kind == Kind.INCOMPLETE and "i1.b" in problem.message


def test_it_names_missing_columns():
    assert problems_of(csv_bytes([["indicator", "respondents"], [1, 5]])) == {
        (1, Kind.MISSING_COLUMN)
    }
    assert problems_of(csv_bytes([["question", "total"], ["i7", 5]])) == {(1, Kind.MISSING_COLUMN)}
    # Yes/no columns only: the four-level row is told, once for the whole file.
    rows = [["ข้อ", "ไม่มี", "มี"], ["i26", 1, 3], ["i7", 1, 1], ["i16", 1, 1]]
    assert problems_of(csv_bytes(rows)) == {(3, Kind.MISSING_COLUMN)}


def test_a_file_without_a_known_header_is_refused():
    assert problems_of(csv_bytes([["ชื่อ", "ค่า"], ["a", 1]])) == {(None, Kind.MISSING_COLUMN)}
    assert problems_of(b"") == {(None, Kind.MISSING_COLUMN)}


def test_a_repeated_column_is_refused():
    rows = [["indicator", "score", "คะแนน"], [1, 80, 81]]
    assert problems_of(csv_bytes(rows)) == {(1, Kind.DUPLICATE_COLUMN)}


def test_counts_are_refused_without_a_question_list():
    no_eit = survey_document(("IIT",))
    rows = [COUNTS_HEADER, four("e1.a", 0, 0, 1, 1), four("e1.b", 0, 0, 1, 1)]
    assert problems_of(csv_bytes(rows), doc=no_eit) == {
        (2, Kind.NO_QUESTIONNAIRE),
        (3, Kind.NO_QUESTIONNAIRE),
    }
    none = real_document("ita-2568.yaml")
    assert problems_of(csv_bytes([COUNTS_HEADER, four("i1", 0, 0, 1, 1)]), doc=none) == {
        (1, Kind.NO_QUESTIONNAIRE)
    }


def test_a_header_alone_is_refused():
    assert problems_of(csv_bytes([["indicator", "score"]])) == {(None, Kind.EMPTY)}


@pytest.mark.parametrize(
    "data, filename",
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "results.xls"),
        (b"indicator,score\n1,80\n", "results.xlsx"),
        (b"a,b\x00c", "results.csv"),
    ],
)
def test_a_file_that_cannot_be_read_gives_one_problem(data, filename):
    assert problems_of(data, filename) == {(None, Kind.UNREADABLE)}


def test_a_zip_that_is_not_a_workbook_gives_one_problem():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert problems_of(out.getvalue(), "results.docx") == {(None, Kind.UNREADABLE)}
