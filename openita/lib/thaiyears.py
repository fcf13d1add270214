"""Years, fiscal years and dates mentioned in agencies' Thai text.

The site pre-check reads agencies' pages and PDFs and must tell which fiscal year or period
a document covers. Agencies write years in many ways: ``ปีงบประมาณ พ.ศ. ๒๕๖๘``, ``ปีงบ 68``,
``FY2024``, ``พ.ศ. 2566-2570``, ``1 ต.ค. 66``, ``15/03/2567``, ``2024-03-15``. This module
finds them in ``thaitext.normalize``-d text; every offset refers to that normalised text.

Thai digits map one-to-one onto ASCII digits, so matching runs on a digit-translated copy
of the normalised text and offsets stay valid for both.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from openita.lib.thaidate import (
    BANGKOK,
    MONTHS_LONG,
    MONTHS_SHORT,
    FiscalYear,
    be_year,
    ce_year,
    from_thai_digits,
)
from openita.lib.thaitext import normalize

# How far ahead a two-digit year may point before it is taken for something else
# ("ปี 99" in 2568 is more likely a count than the year 2599).
SHORT_YEAR_HORIZON = 10
# Longest span read as a range of years; a wider "2000-2500" is a pair of numbers.
MAX_RANGE_YEARS = 20

# Bare four-digit numbers are only years in these windows: wide enough for any document an
# agency publishes, narrow enough to leave most amounts and codes alone.
_BARE_BE = range(2500, 2701)
_BARE_CE = range(1990, 2101)
# After an explicit era marker the number is a year whatever it is, within reason.
_MARKED_BE = range(2400, 2801)
_MARKED_CE = range(1900, 2201)

_ERA = r"(?:พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)"
_YEAR_RE = re.compile(
    r"(?:(?P<kw>(?:ประจำ)?ปี\s*งบ(?:\s*ประมาณ)?\.?|(?<![A-Za-z])(?i:fy|fiscal\s+year)|ปี)\s*)?"
    rf"(?:(?P<era>{_ERA})\s*)?"
    r"(?<![0-9])(?P<y1>[0-9]{4}|[0-9]{2})(?![0-9])"
    r"(?:\s*(?:[-–—]|ถึง)\s*(?:ปี\s*)?"
    rf"(?P<end2>(?:{_ERA}\s*)?(?P<y2>[0-9]{{4}}|[0-9]{{2}})(?![0-9])))?"
)


def _abbreviation(abbr: str) -> str:
    """``ม.ค.`` → a pattern that also takes ``มค``, ``ม. ค.`` and ``ม.ค``."""
    parts = [re.escape(part) for part in abbr.split(".") if part]
    return r"\.?\s*".join(parts) + r"\.?"


# Full names first: the alternation takes the first that matches, and an abbreviation
# without dots must not cut a full name short.
_MONTH = "|".join([*map(re.escape, MONTHS_LONG), *map(_abbreviation, MONTHS_SHORT)])
_MONTH_NUMBER = {
    **{name: number for number, name in enumerate(MONTHS_LONG, 1)},
    **{abbr.replace(".", ""): number for number, abbr in enumerate(MONTHS_SHORT, 1)},
}
_THAI_DATE_RE = re.compile(
    rf"(?<![0-9])(?P<d>[0-9]{{1,2}})\s*(?P<m>{_MONTH})\s*"
    rf"(?:(?P<era>{_ERA})\s*)?(?P<y>[0-9]{{4}}|[0-9]{{2}})(?![0-9])"
)
# d/m/y with one separator throughout. Two-digit years only with "/": "1.2.30" and "1-2-30"
# are far more often section numbers than dates.
_NUMERIC_DATE_RE = re.compile(
    r"(?<![0-9./-])(?P<d>[0-9]{1,2})(?P<sep>[/.-])(?P<m>[0-9]{1,2})(?P=sep)"
    r"(?P<y>[0-9]{4}|(?<=/)[0-9]{2})(?![0-9]|[./-][0-9])"
)
_ISO_DATE_RE = re.compile(r"(?<![0-9])(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9])")
# Amounts: a bare number followed by these words is money, not a year.
_MONEY_AFTER = re.compile(r"\s*(?:บาท|ล้าน|แสน|หมื่น)")


@dataclass(frozen=True)
class YearMention:
    """A year written in the text; ``year_be`` is always Buddhist-era."""

    year_be: int
    text: str
    start: int
    kind: str  # "fiscal", "be", "ce" or "short"

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _current_be() -> int:
    return be_year(dt.datetime.now(BANGKOK).year)


def _date_year(raw: str, era: str | None) -> int | None:
    """The Christian-era year of a date's year field, or None when it cannot be a year."""
    year = int(raw)
    if len(raw) == 2:
        # Thai documents abbreviate the Buddhist-era year: "๑ ต.ค. ๖๖" is 2566.
        return None if era and era.startswith("ค") else ce_year(2500 + year)
    if era:
        marked = _MARKED_CE if era.startswith("ค") else _MARKED_BE
        if year not in marked:
            return None
        return year if era.startswith("ค") else ce_year(year)
    if year in _MARKED_BE:
        return ce_year(year)
    return year if year in _MARKED_CE else None


def _make_date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31 ก.พ., month 13: a typo or not a date at all
        return None


def _scan_dates(text: str, digits: str) -> list[DateMention]:
    found: list[DateMention] = []
    for m in _THAI_DATE_RE.finditer(digits):
        month = _MONTH_NUMBER[re.sub(r"[.\s]", "", m["m"])]
        day = _make_date(_date_year(m["y"], m["era"]), month, int(m["d"]))
        if day:
            found.append(DateMention(day, text[m.start() : m.end()], m.start()))
    for m in _NUMERIC_DATE_RE.finditer(digits):
        day = _make_date(_date_year(m["y"], None), int(m["m"]), int(m["d"]))
        if day:
            found.append(DateMention(day, text[m.start() : m.end()], m.start()))
    for m in _ISO_DATE_RE.finditer(digits):
        day = _make_date(_date_year(m["y"], None), int(m["m"]), int(m["d"]))
        if day:
            found.append(DateMention(day, text[m.start() : m.end()], m.start()))
    # The patterns cannot overlap in practice; keep the first, longest one if they ever do.
    found.sort(key=lambda d: (d.start, -len(d.text)))
    kept: list[DateMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _resolve(raw: str, era: str | None, *, short_ok: bool, today_be: int) -> tuple[int, str] | None:
    """A year field → (Buddhist-era year, "be" | "ce" | "short"), or None if not a year."""
    year = int(raw)
    if len(raw) == 2:
        if not short_ok:
            return None
        year_be = 2500 + year
        return (year_be, "short") if year_be <= today_be + SHORT_YEAR_HORIZON else None
    if era is not None:
        if era == "ce":
            return (be_year(year), "ce") if year in _MARKED_CE else None
        return (year, "be") if year in _MARKED_BE else None
    if year in _BARE_BE:
        return year, "be"
    if year in _BARE_CE:
        return be_year(year), "ce"
    return None


def _bare_context_ok(digits: str, start: int, end: int) -> bool:
    """Whether a number without keyword or era stands alone enough to be a year.

    Rejects pieces of phone numbers and codes (``02-141-2567``, ``02 141 2567``, ISBNs),
    decimals and thousands (``2567.50``, ``2567,000``) and amounts (``2024 บาท``).
    """
    before = digits[max(0, start - 2) : start]
    if len(before) == 2 and before[0].isdigit() and before[1] in "-.,/ ":
        return False
    after = digits[end : end + 2]
    if len(after) == 2 and after[0] in "-.,/" and after[1].isdigit():
        return False
    return not _MONEY_AFTER.match(digits, end)


def _decimal_follows(digits: str, end: int) -> bool:
    return len(digits) > end + 1 and digits[end] in ".," and digits[end + 1].isdigit()


def _range_end(
    m: re.Match[str], era: str | None, first: tuple[int, str], today_be: int
) -> tuple[int, str] | None:
    """The second year of ``2566-2570`` / ``2566 ถึง 70``, or None if it is no range."""
    raw1, raw2 = m["y1"], m["y2"]
    if len(raw1) == 4 and len(raw2) == 2:
        # "2566-70": the short end shares the century of the first.
        raw2 = str(int(raw1) // 100 * 100 + int(raw2))
    second = _resolve(raw2, era, short_ok=len(raw1) == 2, today_be=today_be)
    if second is None or second[1] != first[1]:
        return None  # "2000-2500" mixes eras: two numbers, not a span of years
    if not 0 < second[0] - first[0] <= MAX_RANGE_YEARS:
        return None
    return second


def _mentions_at(m: re.Match[str], text: str, digits: str, today_be: int) -> list[YearMention]:
    """The one or two year mentions a match of ``_YEAR_RE`` stands for (none if rejected)."""
    kw, era_text = m["kw"], m["era"]
    era = None if era_text is None else ("ce" if era_text.startswith("ค") else "be")
    fiscal = kw is not None and ("งบ" in kw or kw[0] in "Ff")
    # Two-digit years only after Thai keywords: "FY24" could be either era.
    short_ok = era == "be" or (era is None and kw is not None and kw[0] == "ป")
    first = _resolve(m["y1"], era, short_ok=short_ok, today_be=today_be)
    if first is None:
        return []
    second = _range_end(m, era, first, today_be) if m["y2"] else None
    end1 = m.end("y1")
    end = m.end() if second else end1
    if _decimal_follows(digits, end):
        return []
    if kw is None and era is None and not _bare_context_ok(digits, m.start(), end):
        return []

    def kind(resolved: tuple[int, str]) -> str:
        return "fiscal" if fiscal and resolved[1] != "short" else resolved[1]

    found = [YearMention(first[0], text[m.start() : end1], m.start(), kind(first))]
    if second:
        start2 = m.start("end2")
        found.append(YearMention(second[0], text[start2 : m.end()], start2, kind(second)))
    return found


def _scan(text: str, today_be: int | None) -> tuple[list[DateMention], list[list[YearMention]]]:
    """Dates, then year mentions outside them, grouped so that a range stays together."""
    today = _current_be() if today_be is None else today_be
    digits = from_thai_digits(text)
    dates = _scan_dates(text, digits)
    # Blank the dates out (same length, so offsets hold): their years are the dates'.
    masked = list(digits)
    for mention in dates:
        masked[mention.start : mention.end] = "\x00" * len(mention.text)
    digits = "".join(masked)
    groups = [_mentions_at(m, text, digits, today) for m in _YEAR_RE.finditer(digits)]
    return dates, [group for group in groups if group]


def find_years(text: str, *, today_be: int | None = None) -> list[YearMention]:
    """Years mentioned in ``text``, in order of position, outside dates (see ``find_dates``).

    A range (``พ.ศ. 2566-2570``) gives one mention per end, both of the kind its prefix
    gives. Two-digit years are read only after ``ปี``, ``ปีงบ(ประมาณ)`` or ``พ.ศ.``, as 25yy,
    and dropped when more than ``SHORT_YEAR_HORIZON`` years after ``today_be`` (default:
    this year in Bangkok).
    """
    normalized = normalize(text)
    _, groups = _scan(normalized, today_be)
    return [mention for group in groups for mention in group]


def find_dates(text: str) -> list[DateMention]:
    """Calendar dates in ``text``, in order of position; impossible dates are skipped.

    Reads ``1 ตุลาคม 2566``, ``1 ต.ค. 66`` (full or abbreviated months, with or without dots
    and spaces, optional ``พ.ศ.``/``ค.ศ.``), ``15/03/2567``, ``15/03/2024``, ``15/03/67`` and
    ``2024-03-15``. Four-digit years from 2400 are Buddhist-era, others Christian-era;
    two-digit years are Buddhist-era (``๖๖`` → 2566).
    """
    normalized = normalize(text)
    return _scan_dates(normalized, from_thai_digits(normalized))


def fiscal_years_of(text: str, *, today_be: int | None = None) -> set[int]:
    """The fiscal years (Buddhist-era numbers) a text refers to; the union of:

    - explicit fiscal-year mentions (``ปีงบประมาณ 2568``, ``FY2024`` → 2567): that year;
    - dates: the fiscal year containing them (``1 ต.ค. 2566`` → 2567, as fiscal years start
      on 1 October);
    - plain years (``พ.ศ. 2567``, ``ปี 67``, ``2024``): that year's number, because agencies
      write "ปี 2567" mostly meaning the fiscal year;
    - ranges (``พ.ศ. 2566-2570``): every year from one end to the other, as a five-year
      plan covers each of its years.
    """
    dates, groups = _scan(normalize(text), today_be)
    years = {FiscalYear.of(mention.date).year for mention in dates}
    for group in groups:
        years.update(range(group[0].year_be, group[-1].year_be + 1))
    return years
