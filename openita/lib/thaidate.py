"""Buddhist-era dates and Thai fiscal years: the one place that knows them.

A Thai fiscal year (ปีงบประมาณ) runs from 1 October to 30 September and carries the
Buddhist-era number of the year it ends in: FY2568 = 1 Oct 2024 – 30 Sep 2025. Its first
half, the period of the "6-month" OIT reports, ends on 31 March.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

BANGKOK = ZoneInfo("Asia/Bangkok")
BE_OFFSET = 543

MONTHS_LONG = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip

_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_FROM_THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def to_thai_digits(text: str) -> str:
    return text.translate(_TO_THAI)


def from_thai_digits(text: str) -> str:
    return text.translate(_FROM_THAI)


def be_year(ce_year: int) -> int:
    """Christian-era year → Buddhist-era year (2024 → 2567)."""
    return ce_year + BE_OFFSET


def ce_year(be_year: int) -> int:
    """Buddhist-era year → Christian-era year (2567 → 2024)."""
    return be_year - BE_OFFSET


def local_date(value: dt.date | dt.datetime) -> dt.date:
    """The calendar date in Bangkok; aware datetimes are converted, dates pass through."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime: OpenITA stores aware datetimes only")
        return value.astimezone(BANGKOK).date()
    return value


def format_thai_date(
    value: dt.date | dt.datetime,
    *,
    style: Literal["short", "long"] = "short",
    thai_digits: bool = False,
    with_time: bool = False,
) -> str:
    """Format a date the Thai way: ``21 ม.ค. 2565`` or ``๒๑ มกราคม ๒๕๖๕``.

    Aware datetimes are shown in Asia/Bangkok; ``with_time`` appends ``HH:MM น.``.
    """
    day = local_date(value)
    months = MONTHS_SHORT if style == "short" else MONTHS_LONG
    text = f"{day.day} {months[day.month - 1]} {be_year(day.year)}"
    if with_time and isinstance(value, dt.datetime):
        text += f" {value.astimezone(BANGKOK):%H:%M} น."
    return to_thai_digits(text) if thai_digits else text


@dataclass(frozen=True, order=True)
class FiscalYear:
    """A Thai fiscal year, identified by its Buddhist-era number."""

    year: int

    @classmethod
    def of(cls, value: dt.date | dt.datetime) -> FiscalYear:
        """The fiscal year a date falls in (October starts the next one)."""
        day = local_date(value)
        return cls(be_year(day.year + 1) if day.month >= 10 else be_year(day.year))

    @property
    def start(self) -> dt.date:
        return dt.date(ce_year(self.year) - 1, 10, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(ce_year(self.year), 9, 30)

    @property
    def first_half_end(self) -> dt.date:
        return dt.date(ce_year(self.year), 3, 31)

    @property
    def second_half_start(self) -> dt.date:
        return dt.date(ce_year(self.year), 4, 1)

    @property
    def previous(self) -> FiscalYear:
        return FiscalYear(self.year - 1)

    @property
    def next(self) -> FiscalYear:
        return FiscalYear(self.year + 1)

    def contains(self, value: dt.date | dt.datetime) -> bool:
        return self.start <= local_date(value) <= self.end

    def in_first_half(self, value: dt.date | dt.datetime) -> bool:
        return self.start <= local_date(value) <= self.first_half_end

    def label(self, *, thai_digits: bool = False) -> str:
        text = f"ปีงบประมาณ พ.ศ. {self.year}"
        return to_thai_digits(text) if thai_digits else text

    def __str__(self) -> str:
        return f"FY{self.year}"


def fill_year_placeholders(text: str, fiscal_year: int) -> str:
    """Replace ``{fy}``, ``{fy_prev}`` and ``{fy_next}`` in framework texts.

    Framework texts never hold literal years, so one file can describe its year and be copied
    to the next. Other braces are left as they are.
    """
    return (
        text.replace("{fy}", str(fiscal_year))
        .replace("{fy_prev}", str(fiscal_year - 1))
        .replace("{fy_next}", str(fiscal_year + 1))
    )
