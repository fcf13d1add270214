"""Results files and a framework document with one question of each kind, for the tests."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from openita.frameworks import schema

FIXTURES = Path(__file__).parent.parent / "fixtures"
DATA = Path(__file__).parent.parent.parent / "openita" / "frameworks" / "data"

_FOUR = {"scale": "four_level"}
_YES_NO = {"scale": "yes_no"}
# One indicator per case, so that each indicator's score shows one rule at work.
QUESTIONS = {
    "IIT": [
        {"code": "i1", "indicator": 1, **_FOUR, "sub_items": [{"code": "a"}, {"code": "b"}]},
        {"code": "i2", "indicator": 1, **_FOUR},
        {"code": "i7", "indicator": 2, **_FOUR},
        {"code": "i16", "indicator": 3, **_FOUR, "reversed": True},
        {"code": "i19", "indicator": 4, **_YES_NO, "reversed": True},
        {"code": "i26", "indicator": 5, **_YES_NO},
    ],
    "EIT": [
        {"code": "e1", "indicator": 6, **_FOUR,
         "sub_items": [{"code": "a"}, {"code": "b", "reversed": True}]},
        {"code": "e2", "indicator": 7, **_YES_NO, "reversed": True,
         "sub_items": [{"code": "a"}, {"code": "b"}]},
    ],
}  # fmt: skip


def _with_text(entry: dict[str, Any]) -> dict[str, Any]:
    subs = [{**s, "text": f"ข้อย่อย {s['code']}"} for s in entry.get("sub_items", [])]
    return {**entry, "text": f"คำถาม {entry['code']}", "sub_items": subs}


def survey_document(instruments: tuple[str, ...] = ("IIT", "EIT")) -> dict[str, Any]:
    """The mini framework with questionnaires for the given instruments."""
    doc = schema.dump(schema.load_yaml(FIXTURES / "mini-2566.yaml"))
    doc["questionnaires"] = [
        {
            "instrument": instrument,
            "confidence": "inferred",
            "scale_values": {"four_level": [0, 33.33, 66.67, 100], "yes_no": [0, 100]},
            "questions": [_with_text(q) for q in QUESTIONS[instrument]],
        }
        for instrument in instruments
    ]
    return schema.dump(schema.validate_document(doc, source="test"))


def real_document(name: str) -> dict[str, Any]:
    return schema.dump(schema.load_yaml(DATA / name))


def csv_bytes(rows: list[list[Any]], *, delimiter: str = ",", bom: bool = False) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


FOUR = ["level_0", "level_1", "level_2", "level_3"]
YES_NO = ["no", "yes"]
COUNTS_HEADER = ["question", *FOUR, *YES_NO]


def four(code: str, *levels: int) -> list[Any]:
    """A counts row of a four-level question (yes/no cells left empty)."""
    return [code, *levels, None, None]


def yes_no(code: str, no: int, yes: int) -> list[Any]:
    return [code, None, None, None, None, no, yes]
