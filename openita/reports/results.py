"""An agency's assessment results as plain data, for the results page, PDF and Excel."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Level:
    code: str  # "IIT", "9", "9.1"
    name: str
    score: float
    previous: float | None = None  # the same level last fiscal year, when known


@dataclass(frozen=True)
class ItemResult:
    code: str
    title: str
    passed: bool
    score: float
    comment: str = ""
    dispute: str = ""  # the clarification's outcome, if any


@dataclass(frozen=True)
class Gain:
    item: str
    ita: float
    gain: float


@dataclass(frozen=True)
class ResultsReport:
    agency_name: str
    framework_name: str
    fiscal_year: int
    status: str
    ita: float | None
    rating: str | None
    previous_ita: float | None
    instruments: list[Level]
    indicators: list[Level]
    sub_indicators: list[Level]
    items: list[ItemResult]
    gains: list[Gain] = field(default_factory=list)
