"""A results table read from CSV or .xlsx: the header row, the columns it names, the cells.

Files come from spreadsheets that people keep by hand or export from survey tools, so the
reader is lenient where intent is clear (a byte-order mark, semicolons, Thai headers and
digits, title rows above the header, blank lines) and strict about the numbers themselves.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from openita.lib.thaitext import normalize_for_match
from openita.surveys.errors import Kind, Problem, SurveyError

Row = tuple[Any, ...]
# Exports often carry a title or a date above the header; 30 rows is plenty.
HEADER_SCAN_ROWS = 30
# Column keys and the headers that name them. Headers are compared folded (see _fold), and
# exactly: "น้อย" is part of "น้อยที่สุดหรือไม่มีเลย" and "มี" of "ไม่มี".
COLUMNS: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "ตัวชี้วัด", "ตัวชี้วัดที่"),
    "score": ("score", "คะแนน"),
    "respondents": ("respondents", "จำนวนผู้ตอบ"),
    "question": ("question", "ข้อ", "ข้อที่", "ข้อคำถาม"),
    "level_0": ("level_0", "น้อยที่สุดหรือไม่มีเลย"),
    "level_1": ("level_1", "น้อย"),
    "level_2": ("level_2", "มาก"),
    "level_3": ("level_3", "มากที่สุด"),
    "no": ("no", "ไม่มี"),
    "yes": ("yes", "มี"),
}
_DELIMITERS = (",", ";", "\t")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format


def _fold(value: Any) -> str:
    text = normalize_for_match("" if value is None else str(value)).casefold()
    return "".join(ch for ch in text if not ch.isspace() and ch not in "_-")


_ALIASES = {_fold(alias): key for key, aliases in COLUMNS.items() for alias in aliases}


def column_label(key: str) -> str:
    """How a column is named in messages: the English key and its Thai header."""
    english, thai = COLUMNS[key][0], COLUMNS[key][1]
    return f"“{english}” / “{thai}”"


@dataclass
class Table:
    rows: list[Row]
    header_row: int  # 1-based
    columns: dict[str, int]  # column key -> 0-based position
    labels: dict[str, str]  # column key -> the header as written in the file
    problems: list[Problem] = field(default_factory=list)

    def data_rows(self) -> Iterator[tuple[int, Row]]:
        """(1-based row number, cells) of every non-blank row below the header."""
        for number, row in enumerate(self.rows[self.header_row :], start=self.header_row + 1):
            if any(cell(row, i) is not None for i in range(len(row))):
                yield number, row

    def value(self, row: Row, key: str) -> Any:
        return cell(row, self.columns[key]) if key in self.columns else None


def load_table(data: bytes, filename: str) -> Table:
    """The table of a CSV or .xlsx file, or SurveyError when no header row is found."""
    if data.startswith(_ZIP_MAGIC):
        table = _find_header(_xlsx_rows(data))
    elif data.startswith(_OLE_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm", ".xls")):
        raise SurveyError([_unreadable()])
    else:
        table = _csv_table(_decode(data))
    if table is None:
        message = _(
            "No header row found in the first %(count)s rows. A file of indicator scores "
            "needs the columns %(indicator)s and %(score)s; a file of answer counts needs "
            "the column %(question)s and one column per answer."
        ) % {
            "count": HEADER_SCAN_ROWS,
            "indicator": column_label("indicator"),
            "score": column_label("score"),
            "question": column_label("question"),
        }
        raise SurveyError([Problem(Kind.MISSING_COLUMN, message)])
    return table


def _unreadable() -> Problem:
    return Problem(
        Kind.UNREADABLE,
        _(
            "The file cannot be read. Save it as an Excel workbook (.xlsx) or as CSV "
            "(UTF-8) and upload it again."
        ),
    )


def _xlsx_rows(data: bytes) -> list[Row]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError, InvalidFileException):
        # .docx, damaged files and anything else zipped: the user's remedy is the same.
        raise SurveyError([_unreadable()]) from None
    try:
        return [tuple(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def _decode(data: bytes) -> str:
    # Excel on Thai Windows saves "CSV" in the ANSI code page (cp874), not UTF-8.
    for encoding in ("utf-8-sig", "cp874"):
        try:
            text = codecs.decode(data, encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise SurveyError([_unreadable()])


def _csv_table(text: str) -> Table | None:
    """Try each delimiter; the one whose rows show a known header wins."""
    for delimiter in _DELIMITERS:
        try:
            rows = [tuple(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
        except csv.Error:
            raise SurveyError([_unreadable()]) from None
        table = _find_header(rows)
        if table is not None:
            return table
    return None


def _find_header(rows: list[Row]) -> Table | None:
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        columns: dict[str, int] = {}
        labels: dict[str, str] = {}
        problems: list[Problem] = []
        for position, value in enumerate(row):
            key = _ALIASES.get(_fold(value))
            if key is None:
                continue
            if key in columns:
                problems.append(_duplicate_column(index + 1, str(value).strip(), key))
                continue
            columns[key], labels[key] = position, str(value).strip()
        if "question" in columns or "indicator" in columns:
            return Table(rows, index + 1, columns, labels, problems)
    return None


def _duplicate_column(row: int, text: str, key: str) -> Problem:
    message = _("Row %(row)s: two columns are headed %(label)s (%(text)s); keep one.") % {
        "row": row,
        "label": column_label(key),
        "text": f"“{text}”",
    }
    return Problem(Kind.DUPLICATE_COLUMN, message, row)


def cell(row: Row, position: int) -> Any:
    """A cell's value; empty text is None, like an empty Excel cell."""
    value = row[position] if position < len(row) else None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def to_decimal(value: Any) -> Decimal | None:
    """A cell as an exact number, or None when it is not one (Thai digits are fine)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        text = str(value)  # the shortest text of a float: 83.33, not 83.3299999…
    else:
        text = str(value).translate(_THAI_DIGITS).replace("\u00a0", "").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def read_count(number: int, value: Any, label: str, problems: list[Problem]) -> int | None:
    """A whole, non-negative number from a cell; problems are added, None returned."""
    amount = to_decimal(value)
    where = {"row": number, "column": f"“{label}”", "value": f"“{value}”"}
    if amount is None:
        message = _("Row %(row)s, column %(column)s: %(value)s is not a number.") % where
        problems.append(Problem(Kind.NOT_A_NUMBER, message, number))
        return None
    if amount < 0:
        message = _("Row %(row)s, column %(column)s: %(value)s is below zero.") % where
        problems.append(Problem(Kind.NEGATIVE, message, number))
        return None
    if amount != amount.to_integral_value():
        message = _("Row %(row)s, column %(column)s: %(value)s is not a whole number.") % where
        problems.append(Problem(Kind.NOT_WHOLE, message, number))
        return None
    return int(amount)


def missing_columns(number: int, keys: list[str], why: str) -> Problem:
    """A problem naming the columns that the file lacks (``why`` says what needs them)."""
    message = _("Row %(row)s: the column(s) %(columns)s are missing; %(why)s") % {
        "row": number,
        "columns": ", ".join(column_label(k) for k in keys),
        "why": why,
    }
    return Problem(Kind.MISSING_COLUMN, message, number)
