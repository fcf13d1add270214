"""The assignment table: which unit of an agency is responsible for which OIT item.

Agencies already keep this table in Word or Excel, shaped like the official NACC form
(columns ข้อ | ข้อมูล | องค์ประกอบด้านข้อมูล | หน่วยงานรับผิดชอบ, with sub-indicator and topic
rows and repeated header rows in between). This module reads such a table from an .xlsx
upload and writes one for download, so a coordinator can round-trip it through Excel.

Everything here is plain data in and out: no models and no database. The caller turns
``UnitRef.key`` back into its own units and applies the rows all at once.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from openita.lib.itemcodes import ItemCodeError, normalize_item_code
from openita.lib.thaitext import normalize_for_match

# The header of the official form. The writer always uses these Thai labels, whatever the
# interface language, because they are what the reader (and the agencies) recognise.
HEADERS = ("ข้อ", "ข้อมูล", "องค์ประกอบด้านข้อมูล", "หน่วยงานรับผิดชอบ")
SECTION_PREFIX = "ตัวชี้วัดย่อยที่"
# Tables converted from Word carry a few title lines above the header; 30 rows is plenty.
HEADER_SCAN_ROWS = 30

_CODE_HEADERS = frozenset({"ข้อ", "ข้อที่", "item", "code", "item code"})
_UNITS_HEADERS = ("หน่วยงานรับผิดชอบ", "ผู้รับผิดชอบ", "responsible")
_TITLE_HEADERS = frozenset({"ข้อมูล", "title"})
_ELEMENTS_HEADERS = ("องค์ประกอบ", "element")

# Separators between unit tokens; " และ " only with spaces here, glued "และ" is a fallback
# (see _match_piece) because full unit names often contain "และ" themselves.
_SEPARATORS = re.compile(r"[/,;、\n\r]+|\s+และ\s+")
_AND = re.compile(r"\s*และ\s*")
_SPACES = re.compile(r"\s+")
_PARENS = re.compile(r"[(（]([^()（）]*)[)）]")
_EVERY_UNIT_PREFIX = "ทุก"  # ทุกกลุ่มงาน, ทุกส่วนราชการ, ทุกหน่วยงาน
_EVERY_UNIT_WORDS = frozenset({"all", "all units"})


@dataclass(frozen=True)
class UnitRef:
    """A unit of the agency as plain data; ``key`` is whatever id the caller uses."""

    key: str
    name: str
    short_name: str


@dataclass(frozen=True)
class TableRow:
    """One item row read from the upload.

    ``unit_keys`` is empty when the units cell is empty: the caller should read that as
    "clear the assignment of this item", not as "leave it alone".
    """

    row: int  # 1-based Excel row number
    code: str  # canonical item code, "O1"
    unit_keys: list[str]  # matched UnitRef.key values, in order, no duplicates
    units_text: str  # the raw cell, for showing back to the user


@dataclass(frozen=True)
class ExportRow:
    """One item of the table to write."""

    code: str
    title: str
    elements: list[str]
    units: list[str]
    sub_indicator: str = ""
    sub_indicator_name: str = ""


class AssignmentTableError(Exception):
    """The upload cannot be used; ``errors`` lists every problem found, row by row."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class _Columns:
    """Where the header row is (1-based) and which columns (0-based) hold what."""

    row: int
    code: int
    units: int
    title: int | None = None
    elements: int | None = None


@dataclass
class _Collector:
    """Accumulates rows and errors so that every problem is reported in one go."""

    rows: list[TableRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    first_row: dict[str, int] = field(default_factory=dict)


# --- reading --------------------------------------------------------------------------


def read_assignment_table(
    data: bytes, *, item_codes: Iterable[str], units: Sequence[UnitRef]
) -> list[TableRow]:
    """Read the item rows of an assignment table (.xlsx, first worksheet).

    Rows without an item code in the ``ข้อ`` column (titles, sub-indicator and topic rows,
    repeated headers, continuation lines of a long cell) are skipped. A row whose units
    cell is empty is returned with ``unit_keys=[]``, meaning "nobody is assigned".

    Raises AssignmentTableError listing every problem if anything is wrong; rows are only
    returned when the whole table is usable.
    """
    rows = _load_rows(data)
    columns = _find_columns(rows)
    if columns is None:
        raise AssignmentTableError([_missing_header_message()])
    known = {_canonical(code) for code in item_codes}
    found = _Collector()
    for number, values in enumerate(rows[columns.row :], start=columns.row + 1):
        _read_row(number, values, columns, known, units, found)
    if found.errors:
        raise AssignmentTableError(found.errors)
    return found.rows


def _load_rows(data: bytes) -> list[tuple[Any, ...]]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError, InvalidFileException):
        # Whatever openpyxl chokes on (.xls, .docx, .csv, random bytes), the user's remedy
        # is the same, so one message serves them all.
        raise AssignmentTableError(
            [
                _(
                    "The file is not an Excel workbook (.xlsx). Save the table as an Excel "
                    "workbook (.xlsx) and upload it again."
                )
            ]
        ) from None
    sheet = book.worksheets[0]
    return list(sheet.iter_rows(min_row=1, values_only=True))


def _missing_header_message() -> str:
    return _(
        "No header row found in the first %(count)s rows of the first sheet. The table "
        "needs a column headed %(code)s and a column headed %(units)s."
    ) % {"count": HEADER_SCAN_ROWS, "code": f"“{HEADERS[0]}”", "units": f"“{HEADERS[3]}”"}


def _fold(value: Any) -> str:
    return normalize_for_match("" if value is None else str(value)).casefold()


def _find_columns(rows: list[tuple[Any, ...]]) -> _Columns | None:
    for index, values in enumerate(rows[:HEADER_SCAN_ROWS]):
        cells = [_fold(v) for v in values]
        code = _first(cells, lambda c: c in _CODE_HEADERS)
        units = _first(cells, lambda c: any(h in c for h in _UNITS_HEADERS))
        if code is None or units is None:
            continue
        return _Columns(
            row=index + 1,
            code=code,
            units=units,
            title=_first(cells, lambda c: c in _TITLE_HEADERS),
            elements=_first(cells, lambda c: any(h in c for h in _ELEMENTS_HEADERS)),
        )
    return None


def _first(cells: list[str], test: Callable[[str], bool]) -> int | None:
    return next((i for i, cell in enumerate(cells) if test(cell)), None)


def _canonical(code: str) -> str:
    try:
        return normalize_item_code(code)
    except ItemCodeError:
        return code  # a caller's odd code can still match itself; never a reason to fail


def _cell_code(value: Any) -> str | None:
    """The item code in a cell, or None when the cell is not an item row's code."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # "01" typed into a number-formatted cell comes back as 1.0
    try:
        return normalize_item_code(str(value))
    except ItemCodeError:
        return None


def _cell_text(values: tuple[Any, ...], column: int) -> str:
    value = values[column] if column < len(values) else None
    return "" if value is None else str(value)


def _read_row(
    number: int,
    values: tuple[Any, ...],
    columns: _Columns,
    known: set[str],
    units: Sequence[UnitRef],
    found: _Collector,
) -> None:
    raw_code = values[columns.code] if columns.code < len(values) else None
    code = _cell_code(raw_code)
    if code is None:
        return
    if code not in known:
        found.errors.append(
            _("Row %(row)s: %(code)s is not an item of this framework.")
            % {"row": number, "code": str(raw_code).strip()}
        )
        return
    if code in found.first_row:
        found.errors.append(
            _("Row %(row)s: item %(code)s already appears in row %(first)s.")
            % {"row": number, "code": code, "first": found.first_row[code]}
        )
        return
    found.first_row[code] = number
    text = _cell_text(values, columns.units)
    keys, unknown = match_units(text, units)
    if unknown:
        found.errors.append(
            _("Row %(row)s: unknown unit(s) %(tokens)s. Known units: %(known)s.")
            % {
                "row": number,
                "tokens": ", ".join(f"“{t}”" for t in unknown),
                "known": ", ".join(f"“{u.short_name or u.name}”" for u in units) or "-",
            }
        )
        return
    found.rows.append(TableRow(row=number, code=code, unit_keys=keys, units_text=text))


# --- unit matching --------------------------------------------------------------------


def match_units(text: str, units: Sequence[UnitRef]) -> tuple[list[str], list[str]]:
    """Match a units cell against the agency's units: (matched keys, unknown tokens).

    Tokens are split on "/", ",", ";", "、", new lines and "และ", and compared with each
    unit's short name and name, ignoring case, spacing and a trailing ".". When the cell
    reads like "สำนักงานจังหวัดฯ (ยศ./บค.)" only the text in parentheses names the units.
    A token starting with "ทุก" (ทุกกลุ่มงาน, ทุกส่วนราชการ…) or "all" means every unit.
    An empty cell gives ([], []).
    """
    index: dict[str, str] = {}
    for unit in units:
        for label in (unit.short_name, unit.name):
            index.setdefault(_unit_label(label), unit.key)
    index.pop("", None)
    every = [unit.key for unit in units]
    # The whole cell first: unit names may contain parentheses themselves, and a list of
    # such names must not be cut down to the text inside them.
    keys, unknown = _match_tokens(text, index, every)
    inner = _PARENS.findall(text)
    if unknown and inner:
        keys, unknown = _match_tokens("/".join(inner), index, every)
    return list(dict.fromkeys(keys)), unknown


def _unit_label(text: str) -> str:
    return _fold(text).rstrip(".").strip()


def _match_tokens(
    text: str, index: dict[str, str], every: list[str]
) -> tuple[list[str], list[str]]:
    keys: list[str] = []
    unknown: list[str] = []
    for piece in _SEPARATORS.split(text):
        if not _unit_label(piece):
            continue
        matched = _match_piece(piece, index, every)
        if matched is None:
            unknown.append(normalize_for_match(piece))
        else:
            keys.extend(matched)
    return keys, unknown


def _match_piece(piece: str, index: dict[str, str], every: list[str]) -> list[str] | None:
    """Keys named by one token, or None. Falls back to "ยศ.และบค." and "ยศ. บค." forms."""
    whole = _match_label(_unit_label(piece), index, every)
    if whole is not None:
        return whole
    for splitter in (_AND, _SPACES):
        parts = [_unit_label(p) for p in splitter.split(piece) if _unit_label(p)]
        if len(parts) < 2:
            continue
        matches = [_match_label(p, index, every) for p in parts]
        if all(m is not None for m in matches):
            return [key for m in matches if m is not None for key in m]
    return None


def _match_label(label: str, index: dict[str, str], every: list[str]) -> list[str] | None:
    if label in index:
        return [index[label]]
    if label.startswith(_EVERY_UNIT_PREFIX) or label in _EVERY_UNIT_WORDS:
        return list(every)
    return None


# --- writing --------------------------------------------------------------------------

_WIDTHS = {"A": 8, "B": 40, "C": 70, "D": 32}
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
_SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")
_WRAP = Alignment(wrap_text=True, vertical="top")


def write_assignment_table(*, title: str, rows: Sequence[ExportRow]) -> bytes:
    """An .xlsx table shaped like the agencies' own, which reads back unchanged.

    A title row, the header row, then the items, with a "ตัวชี้วัดย่อยที่ …" row each time
    the sub-indicator changes. The panes are frozen below the header.
    """
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook always has its one sheet
    sheet.title = "OIT"
    _merged_row(sheet, 1, title, Font(bold=True, size=14), None)
    sheet.append(list(HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    current = None
    for item in rows:
        if item.sub_indicator and item.sub_indicator != current:
            label = f"{SECTION_PREFIX} {item.sub_indicator} {item.sub_indicator_name}".strip()
            _merged_row(sheet, sheet.max_row + 1, label, Font(bold=True), _SECTION_FILL)
        current = item.sub_indicator
        _item_row(sheet, item)
    for letter, width in _WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _merged_row(
    sheet: Worksheet, row: int, text: str, font: Font, fill: PatternFill | None
) -> None:
    cell = sheet.cell(row=row, column=1, value=text)
    cell.font = font
    cell.alignment = Alignment(vertical="center")
    if fill is not None:
        cell.fill = fill  # the anchor's fill covers the whole merged range
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(HEADERS))


def _item_row(sheet: Worksheet, item: ExportRow) -> None:
    elements = "\n".join(f"- {text}" for text in item.elements)
    units = ", ".join(item.units)
    # Empty cells rather than "" so that an unassigned item looks unassigned in Excel.
    sheet.append([item.code, item.title, elements or None, units or None])
    for cell in sheet[sheet.max_row]:
        cell.alignment = _WRAP
    # Text format keeps Excel from turning a retyped "01" into the number 1.
    sheet.cell(row=sheet.max_row, column=1).number_format = "@"
