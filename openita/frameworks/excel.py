"""Frameworks to and from Excel workbooks, one sheet per part of the document.

A coordinator can fill in next year's list in Excel the day NACC publishes it. The workbook
goes through exactly the same validation as a YAML file, and errors name the sheet and row.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from openita.frameworks import schema
from openita.lib.itemcodes import normalize_item_code

LIST_SEP = ";"
# sheet name → columns, in order. The first row of every sheet holds these headers.
SHEETS: dict[str, list[str]] = {
    "framework": ["field", "value"],
    "sources": ["ref", "note"],
    "instruments": ["code", "name", "weight", "indicators"],
    "indicators": ["number", "name"],
    "sub_indicators": ["code", "indicator", "name", "topics"],
    "items": [
        "code", "title", "sub_indicator", "topic", "coverage", "none_allowed", "none_note",
        "continues", "confidence", "note", "keywords", "channels", "file_types", "checks",
    ],
    "elements": ["item", "text", "required", "keywords"],
    "gaps": ["codes", "note"],
    "questionnaires": ["instrument", "confidence", "source", "four_level", "yes_no"],
    "questions": ["instrument", "code", "part", "text", "indicator", "scale", "reversed"],
    "grading": ["label", "min", "min_each_instrument"],
}  # fmt: skip
HEADER_FIELDS = [
    "id", "fiscal_year", "name", "owner", "based_on", "previous", "complete", "confidence",
    "provenance", "scoring_item", "scoring_decimals", "grading_scheme", "pass_mark",
    "grading_confidence", "grading_note",
]  # fmt: skip
REQUIRED_SHEETS = ["framework", "sources", "instruments", "indicators", "sub_indicators",
                   "items", "elements", "grading"]  # fmt: skip


def _join(values: Iterable[Any]) -> str:
    return f"{LIST_SEP} ".join(str(v) for v in values)


def _split(value: Any) -> list[str]:
    if value is None:
        return []
    return [part.strip() for part in str(value).split(LIST_SEP) if part.strip()]


def _yes(value: bool) -> str:
    return "yes" if value else "no"


# --- export ---------------------------------------------------------------------------


def _header_rows(doc: dict[str, Any]) -> list[list[Any]]:
    grading, scoring = doc["grading"], doc["scoring"]
    values = {
        **{k: doc[k] for k in ("id", "fiscal_year", "name", "owner", "based_on", "previous")},
        "complete": _yes(doc["complete"]),
        "confidence": doc["confidence"],
        "provenance": doc["provenance"]["summary"],
        "scoring_item": scoring["item"],
        "scoring_decimals": scoring["decimals"],
        "grading_scheme": grading["scheme"],
        "pass_mark": grading["pass_mark"],
        "grading_confidence": grading["confidence"],
        "grading_note": grading["note"],
    }
    return [[key, values[key]] for key in HEADER_FIELDS]


def _item_rows(doc: dict[str, Any]) -> tuple[list[list[Any]], list[list[Any]]]:
    items, elements = [], []
    for it in doc["items"]:
        hints = it["hints"]
        items.append([
            it["code"], it["title"], it["sub_indicator"], it["topic"], it["coverage"],
            _yes(it["none_allowed"]), it["none_note"], _join(it["continues"]),
            it["confidence"] or "", it["note"], _join(hints["keywords"]),
            _join(hints["channels"]), _join(hints["file_types"]), _join(hints["checks"]),
        ])  # fmt: skip
        for el in it["elements"]:
            elements.append([it["code"], el["text"], _yes(el["required"]), _join(el["keywords"])])
    return items, elements


def _question_rows(doc: dict[str, Any]) -> tuple[list[list[Any]], list[list[Any]]]:
    sets, questions = [], []
    for qn in doc["questionnaires"]:
        scales = qn["scale_values"]
        sets.append(
            [
                qn["instrument"],
                qn["confidence"],
                qn["source"],
                _join(scales.get("four_level", [])),
                _join(scales.get("yes_no", [])),
            ]
        )
        for q in qn["questions"]:
            questions.append(
                [
                    qn["instrument"],
                    q["code"],
                    "",
                    q["text"],
                    q["indicator"],
                    q["scale"],
                    _yes(q["reversed"]),
                ]
            )
            for part in q["sub_items"]:
                rev = "" if part["reversed"] is None else _yes(part["reversed"])
                questions.append(
                    [qn["instrument"], q["code"], part["code"], part["text"], "", "", rev]
                )
    return sets, questions


def export_workbook(doc: dict[str, Any]) -> bytes:
    """A workbook holding the whole framework document."""
    items, elements = _item_rows(doc)
    sets, questions = _question_rows(doc)
    grading = doc["grading"]
    levels = (
        [[b["label"], b["min"], ""] for b in grading["bands"]]
        if grading["scheme"] == "letters"
        else [
            [t["label"], t["min_total"], t["min_each_instrument"] or ""] for t in grading["tiers"]
        ]
    )
    rows: dict[str, list[list[Any]]] = {
        "framework": _header_rows(doc),
        "sources": [[s["ref"], s["note"]] for s in doc["provenance"]["sources"]],
        "instruments": [[i["code"], i["name"], i["weight"], _join(i["indicators"])]
                        for i in doc["instruments"]],
        "indicators": [[i["number"], i["name"]] for i in doc["indicators"]],
        "sub_indicators": [[s["code"], s["indicator"], s["name"], _join(s["topics"])]
                           for s in doc["sub_indicators"]],
        "items": items,
        "elements": elements,
        "gaps": [[_join(g["codes"]), g["note"]] for g in doc["gaps"]],
        "questionnaires": sets,
        "questions": questions,
        "grading": levels,
    }  # fmt: skip
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, columns in SHEETS.items():
        _write_sheet(book.create_sheet(name), columns, rows[name])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write_sheet(sheet: Worksheet, columns: list[str], rows: list[list[Any]]) -> None:
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for letter, width in zip("ABCDEFGHIJKLMN", (12, 60, 14, 30, 14), strict=False):
        sheet.column_dimensions[letter].width = width
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


# --- import ---------------------------------------------------------------------------


class _Reader:
    """Reads rows as dicts and remembers which row each list entry came from."""

    def __init__(self, book: Any, source: str) -> None:
        self.book = book
        self.source = source
        self.errors: list[str] = []
        self.origins: dict[tuple[str | int, ...], str] = {}

    def rows(self, name: str) -> list[tuple[int, dict[str, Any]]]:
        if name not in self.book.sheetnames:
            if name in REQUIRED_SHEETS:
                self.errors.append(f"sheet '{name}': missing")
            return []
        sheet = self.book[name]
        values = list(sheet.iter_rows(values_only=True))
        if not values:
            self.errors.append(f"sheet '{name}': empty, expected headers {SHEETS[name]}")
            return []
        headers = [str(h).strip() if h is not None else "" for h in values[0]]
        missing = [c for c in SHEETS[name] if c not in headers]
        if missing:
            self.errors.append(f"sheet '{name}': missing column(s) {', '.join(missing)}")
            return []
        out = []
        for number, row in enumerate(values[1:], start=2):
            record = {h: _cell(v) for h, v in zip(headers, row, strict=False) if h}
            if any(v not in ("", None) for v in record.values()):
                out.append((number, record))
        return out

    def remember(self, path: tuple[str | int, ...], sheet: str, row: int) -> None:
        self.origins[path] = f"sheet '{sheet}' row {row}"

    def locate(self, loc: tuple[int | str, ...]) -> str | None:
        for end in range(len(loc), 0, -1):
            if loc[:end] in self.origins:
                return self.origins[loc[:end]]
        return None


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return "" if value is None else value


def _bool(value: Any) -> Any:
    text = str(value).strip().lower()
    if text in ("yes", "true", "1", "ใช่", "y"):
        return True
    if text in ("no", "false", "0", "ไม่", "n", ""):
        return False
    return value  # left for the schema to reject with its own message


def _header(reader: _Reader) -> dict[str, Any]:
    fields = {}
    for number, row in reader.rows("framework"):
        key = str(row["field"])
        fields[key] = row["value"]
        reader.remember((key,), "framework", number)
    for key in ("id", "fiscal_year", "name", "owner", "confidence", "grading_scheme", "pass_mark"):
        if fields.get(key) in (None, ""):
            reader.errors.append(f"sheet 'framework': field '{key}' is missing")
    return fields


def _items(reader: _Reader) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    index: dict[str, dict[str, Any]] = {}
    for number, row in reader.rows("items"):
        reader.remember(("items", len(items)), "items", number)
        entry = {
            "code": row["code"], "title": row["title"], "sub_indicator": str(row["sub_indicator"]),
            "topic": row["topic"], "coverage": row["coverage"],
            "none_allowed": _bool(row["none_allowed"]), "none_note": row["none_note"],
            "continues": _split(row["continues"]), "confidence": row["confidence"] or None,
            "note": row["note"], "elements": [],
            "hints": {k: _split(row[k]) for k in ("keywords", "channels", "file_types", "checks")},
        }  # fmt: skip
        items.append(entry)
        index[_code_key(row["code"])] = entry
    for number, row in reader.rows("elements"):
        owner = index.get(_code_key(row["item"]))
        if owner is None:
            reader.errors.append(f"sheet 'elements' row {number}: unknown item {row['item']!r}")
            continue
        position = ("items", items.index(owner), "elements", len(owner["elements"]))
        reader.remember(position, "elements", number)
        owner["elements"].append(
            {
                "text": row["text"],
                "required": _bool(row["required"] or "yes"),
                "keywords": _split(row["keywords"]),
            }
        )
    return items


def _code_key(value: Any) -> str:
    try:
        return normalize_item_code(str(value))
    except ValueError:
        return str(value)


def _questionnaires(reader: _Reader) -> list[dict[str, Any]]:
    sets: dict[str, dict[str, Any]] = {}
    for _number, row in reader.rows("questionnaires"):
        scales = {k: [float(v) for v in _split(row[k])] for k in ("four_level", "yes_no")}
        sets[row["instrument"]] = {
            "instrument": row["instrument"], "confidence": row["confidence"],
            "source": row["source"], "questions": [],
            "scale_values": {k: v for k, v in scales.items() if v},
        }  # fmt: skip
    for number, row in reader.rows("questions"):
        qn = sets.get(row["instrument"])
        if qn is None:
            reader.errors.append(
                f"sheet 'questions' row {number}: no questionnaire {row['instrument']!r}"
            )
        elif row["part"]:
            parent = next((q for q in qn["questions"] if q["code"] == row["code"]), None)
            if parent is None:
                reader.errors.append(f"sheet 'questions' row {number}: part before question")
                continue
            rev = None if row["reversed"] == "" else _bool(row["reversed"])
            parent["sub_items"].append({"code": row["part"], "text": row["text"], "reversed": rev})
        else:
            qn["questions"].append({
                "code": row["code"], "text": row["text"], "indicator": row["indicator"],
                "scale": row["scale"], "reversed": _bool(row["reversed"]), "sub_items": [],
            })  # fmt: skip
    return list(sets.values())


def _grading(reader: _Reader, head: dict[str, Any]) -> dict[str, Any]:
    scheme = head.get("grading_scheme")
    levels = []
    for _number, row in reader.rows("grading"):
        if scheme == "letters":
            levels.append({"label": row["label"], "min": row["min"]})
        else:
            each = row["min_each_instrument"]
            levels.append(
                {
                    "label": row["label"],
                    "min_total": row["min"],
                    "min_each_instrument": None if each == "" else each,
                }
            )
    return {
        "scheme": scheme, "pass_mark": head.get("pass_mark"),
        "confidence": head.get("grading_confidence") or "confirmed",
        "note": head.get("grading_note") or "",
        "bands" if scheme == "letters" else "tiers": levels,
    }  # fmt: skip


def read_document(reader: _Reader) -> dict[str, Any]:
    head = _header(reader)
    return {
        **{k: head.get(k, "") for k in ("id", "fiscal_year", "name", "owner", "based_on",
                                        "previous", "confidence")},
        "complete": _bool(head.get("complete", "yes")),
        "provenance": {
            "summary": head.get("provenance", ""),
            "sources": [{"ref": r["ref"], "note": r["note"]} for _, r in reader.rows("sources")],
        },
        "instruments": [
            {"code": r["code"], "name": r["name"], "weight": r["weight"],
             "indicators": [int(n) for n in _split(r["indicators"]) if n.isdigit()]}
            for _, r in reader.rows("instruments")
        ],
        "indicators": [{"number": r["number"], "name": r["name"]}
                       for _, r in reader.rows("indicators")],
        "sub_indicators": [
            {"code": str(r["code"]), "indicator": r["indicator"], "name": r["name"],
             "topics": _split(r["topics"])}
            for _, r in reader.rows("sub_indicators")
        ],
        "items": _items(reader),
        "gaps": [{"codes": _split(r["codes"]), "note": r["note"]} for _, r in reader.rows("gaps")],
        "questionnaires": _questionnaires(reader),
        "scoring": {"item": head.get("scoring_item") or "binary",
                    "decimals": head.get("scoring_decimals") or 2},
        "grading": _grading(reader, head),
    }  # fmt: skip


def import_workbook(data: bytes | Path, *, source: str) -> schema.Framework:
    """Read a workbook and validate it; raise FrameworkFileError listing every problem."""
    try:
        raw = data.read_bytes() if isinstance(data, Path) else data
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise schema.FrameworkFileError(
            source, [f"(file): not a readable Excel .xlsx workbook ({exc.__class__.__name__})"]
        ) from None
    reader = _Reader(book, source)
    doc = read_document(reader)
    book.close()
    if reader.errors:
        raise schema.FrameworkFileError(source, reader.errors)
    return schema.validate_document(doc, source=source, locate=reader.locate)
