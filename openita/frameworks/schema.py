"""The shape of a framework file, validated as a whole.

A framework document (YAML on disk, rows in the database, sheets in Excel) always passes
through :func:`validate_document`, which returns every problem at once with the path of the
field it concerns, so that a coordinator can fix a file in one go.

This module imports no Django: `python -m openita.frameworks.schema FILE...` validates files
on their own.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationError,
    field_validator,
    model_validator,
)

from openita.lib.itemcodes import ItemCodeError, normalize_item_code

# The coverage vocabulary: which period an item's evidence must cover.
COVERAGE_RULES: dict[str, str] = {
    "in_force": "in force during the fiscal year (plans, policies, manuals, structure)",
    "fy_data": "data or activities of the fiscal year (news, announcements, activities)",
    "first_half": "first half of the fiscal year, up to 31 March (6-month reports, monthly data)",
    "previous_fy": "report of the previous fiscal year",
    "current_executive": "issued by the top executive currently in office",
    "channel": "a channel that works continuously (Q&A, e-service, complaint channel)",
}
CHANNEL_KINDS = ("qa", "social", "eservice", "complaint", "opinion", "form", "chat")


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


# Exact decimals while validating (weights must sum to exactly 100), plain numbers in JSON.
Number = Annotated[Decimal, PlainSerializer(_number, return_type=int | float, when_used="json")]
Confidence = Literal["confirmed", "single_source", "inferred", "low"]
InstrumentCode = Literal["IIT", "EIT", "OIT"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False)


class Source(Strict):
    ref: str = Field(min_length=1, description="seed000…seed004, S1…, or a URL")
    note: str = ""


class Provenance(Strict):
    summary: str = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)


class Instrument(Strict):
    code: InstrumentCode
    name: str = Field(min_length=1)
    weight: Number = Field(ge=0, le=100)
    indicators: list[int] = Field(min_length=1)


class Indicator(Strict):
    number: int = Field(ge=1)
    name: str = Field(min_length=1)


class SubIndicator(Strict):
    code: str = Field(pattern=r"^\d+\.\d+$")
    indicator: int
    name: str = Field(min_length=1)
    topics: list[str] = []


class Element(Strict):
    text: str = Field(min_length=1)
    required: bool = True
    keywords: list[str] = []


class Hints(Strict):
    keywords: list[str] = []
    channels: list[Literal[CHANNEL_KINDS]] = []  # type: ignore[valid-type]
    file_types: list[Literal["pdf", "docx", "xlsx", "image", "html"]] = []
    checks: list[Literal["document_content", "channel", "link", "period"]] = []


class Item(Strict):
    code: str
    title: str = Field(min_length=1)
    sub_indicator: str
    topic: str = ""
    elements: list[Element] = Field(min_length=1)
    coverage: str
    none_allowed: bool = False
    none_note: str = ""
    hints: Hints = Hints()
    continues: list[str] = Field(default=[], description="item codes of the previous framework")
    confidence: Confidence | None = None
    note: str = ""

    @field_validator("code", mode="before")
    @classmethod
    def _normalise_code(cls, value: Any) -> str:
        try:
            return normalize_item_code(str(value))
        except ItemCodeError as exc:
            raise ValueError(str(exc)) from exc

    @field_validator("continues", mode="before")
    @classmethod
    def _normalise_continues(cls, value: Any) -> list[str]:
        try:
            return [normalize_item_code(str(code)) for code in value or []]
        except ItemCodeError as exc:
            raise ValueError(str(exc)) from exc

    @field_validator("coverage")
    @classmethod
    def _known_coverage(cls, value: str) -> str:
        if value not in COVERAGE_RULES:
            known = ", ".join(COVERAGE_RULES)
            raise ValueError(f"unknown coverage rule {value!r}; known rules: {known}")
        return value


class Question(Strict):
    code: str = Field(pattern=r"^[ie]\d+[a-z]?$")
    text: str = Field(min_length=1)
    indicator: int
    scale: Literal["four_level", "yes_no"]
    reversed: bool = False
    sub_items: list[QuestionPart] = []


class QuestionPart(Strict):
    code: str = Field(pattern=r"^[a-z]$")
    text: str = Field(min_length=1)
    reversed: bool | None = None


class Questionnaire(Strict):
    instrument: Literal["IIT", "EIT"]
    confidence: Confidence
    source: str = ""
    scale_values: dict[str, list[Number]] = {}
    questions: list[Question] = []


class Scoring(Strict):
    item: Literal["binary", "partial"] = "binary"
    sub_indicator: Literal["mean_of_items"] = "mean_of_items"
    indicator: Literal["mean_of_sub_indicators"] = "mean_of_sub_indicators"
    instrument: Literal["mean_of_indicators"] = "mean_of_indicators"
    total: Literal["weighted_instruments"] = "weighted_instruments"
    decimals: int = Field(default=2, ge=0, le=4)


class LetterBand(Strict):
    label: str = Field(min_length=1)
    min: Number = Field(ge=0, le=100)


class PassTier(Strict):
    label: str = Field(min_length=1)
    min_total: Number = Field(ge=0, le=100)
    min_each_instrument: Number | None = Field(default=None, ge=0, le=100)


class Grading(Strict):
    scheme: Literal["letters", "pass_labels"]
    pass_mark: Number = Field(ge=0, le=100)
    bands: list[LetterBand] = []
    tiers: list[PassTier] = []
    confidence: Confidence = "confirmed"
    note: str = ""

    @model_validator(mode="after")
    def _levels_present(self) -> Grading:
        levels = self.bands if self.scheme == "letters" else self.tiers
        if not levels:
            field = "bands" if self.scheme == "letters" else "tiers"
            raise ValueError(f"scheme {self.scheme!r} needs a non-empty '{field}' list")
        floors = [b.min for b in self.bands] or [t.min_total for t in self.tiers]
        if floors != sorted(floors, reverse=True) or floors[-1] != 0:
            raise ValueError("levels must go from the highest floor down to a floor of 0")
        return self


class Gap(Strict):
    codes: list[str] = []
    note: str = Field(min_length=1)


class Framework(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{2,48}$")]
    fiscal_year: int = Field(ge=2550, le=2700)
    name: str = Field(min_length=1)
    owner: str = Field(min_length=1, description="who issues the list: NACC or a ministry")
    based_on: str = ""
    previous: str = Field(default="", description="id of the framework the crosswalk points to")
    complete: bool = True
    confidence: Confidence
    provenance: Provenance
    instruments: list[Instrument] = Field(min_length=1)
    indicators: list[Indicator] = Field(min_length=1)
    sub_indicators: list[SubIndicator] = Field(min_length=1)
    items: list[Item] = Field(min_length=1)
    gaps: list[Gap] = []
    questionnaires: list[Questionnaire] = []
    scoring: Scoring = Scoring()
    grading: Grading

    @field_validator("instruments")
    @classmethod
    def _instruments(cls, value: list[Instrument]) -> list[Instrument]:
        _unique([i.code for i in value], "instrument code")
        total = sum((i.weight for i in value), Decimal(0))
        if total != 100:
            raise ValueError(f"instrument weights sum to {total}, not 100")
        return value

    @field_validator("indicators")
    @classmethod
    def _indicators(cls, value: list[Indicator]) -> list[Indicator]:
        _unique([i.number for i in value], "indicator number")
        return value

    @field_validator("sub_indicators")
    @classmethod
    def _sub_indicators(cls, value: list[SubIndicator]) -> list[SubIndicator]:
        _unique([s.code for s in value], "sub-indicator code")
        return value

    @field_validator("items")
    @classmethod
    def _items(cls, value: list[Item]) -> list[Item]:
        _unique([i.code for i in value], "item code")
        return value

    @field_validator("questionnaires")
    @classmethod
    def _questionnaires(cls, value: list[Questionnaire]) -> list[Questionnaire]:
        _unique([q.code for qn in value for q in qn.questions], "question code")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Framework:
        problems = _cross_reference_problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self


Question.model_rebuild()


def _unique(values: list[Any], label: str) -> None:
    seen: set[Any] = set()
    dups = sorted({v for v in values if v in seen or seen.add(v)}, key=str)
    if dups:
        raise ValueError(f"duplicate {label}: {', '.join(map(str, dups))}")


def _cross_reference_problems(fw: Framework) -> list[str]:
    """Rules that tie one part of the file to another."""
    problems: list[str] = []
    indicators = {i.number for i in fw.indicators}
    claimed = [n for inst in fw.instruments for n in inst.indicators]
    for n in sorted(set(claimed) - indicators):
        problems.append(f"an instrument names indicator {n}, which is not defined")
    for n in sorted(indicators - set(claimed)):
        problems.append(f"indicator {n} belongs to no instrument")
    if len(claimed) != len(set(claimed)):
        problems.append("an indicator belongs to more than one instrument")
    subs = {s.code: s for s in fw.sub_indicators}
    for sub in fw.sub_indicators:
        if sub.indicator not in indicators:
            problems.append(f"sub-indicator {sub.code} names unknown indicator {sub.indicator}")
    for item in fw.items:
        sub_ = subs.get(item.sub_indicator)
        if sub_ is None:
            problems.append(f"item {item.code} names unknown sub-indicator {item.sub_indicator!r}")
        elif item.topic and sub_.topics and item.topic not in sub_.topics:
            problems.append(f"item {item.code} topic {item.topic!r} is not a topic of {sub_.code}")
    if fw.complete:
        for code in sorted(set(subs) - {item.sub_indicator for item in fw.items}):
            problems.append(f"sub-indicator {code} has no items")
    for qn in fw.questionnaires:
        for q in qn.questions:
            if q.indicator not in indicators:
                problems.append(f"question {q.code} names unknown indicator {q.indicator}")
    if fw.previous == fw.id:
        problems.append("a framework cannot continue itself")
    if any(item.continues for item in fw.items) and not fw.previous:
        problems.append("items name 'continues' codes but 'previous' is empty")
    return problems


class FrameworkFileError(Exception):
    """A framework document failed validation; ``errors`` lists 'where: what' lines."""

    def __init__(self, source: str, errors: list[str]) -> None:
        self.source = source
        self.errors = errors
        super().__init__(f"{source}: {len(errors)} error(s)\n" + "\n".join(errors))


def _where(loc: tuple[int | str, ...], doc: Any) -> str:
    """Turn a pydantic location into a readable path, naming items by their code."""
    parts: list[str] = []
    node = doc
    for step in loc:
        if isinstance(step, int) and isinstance(node, list):
            entry = node[step] if step < len(node) else None
            label = entry.get("code") or entry.get("number") if isinstance(entry, dict) else None
            parts[-1] = f"{parts[-1]}[{step}]" + (f" ({label})" if label else "")
            node = entry
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return ".".join(parts) or "(document)"


Locator = Callable[[tuple[int | str, ...]], str | None]


def validate_document(doc: Any, *, source: str, locate: Locator | None = None) -> Framework:
    """Validate a parsed document and return the model, or raise FrameworkFileError.

    ``locate`` may name where a field came from (an Excel sheet and row, say); its answer is
    put in front of the field path.
    """
    if not isinstance(doc, dict):
        raise FrameworkFileError(source, ["(document): must be a mapping of fields"])
    try:
        return Framework.model_validate(doc)
    except ValidationError as exc:
        errors = []
        for err in exc.errors():
            msg = err["msg"].removeprefix("Value error, ")
            loc = tuple(err["loc"])
            origin = locate(loc) if locate else None
            where = _where(loc, doc)
            errors.append(f"{origin}, {where}: {msg}" if origin else f"{where}: {msg}")
        raise FrameworkFileError(source, errors) from None


def load_yaml(path: Path) -> Framework:
    """Read and validate one framework file."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise FrameworkFileError(str(path), [f"(file): cannot be read: {exc}"]) from None
    except yaml.YAMLError as exc:
        raise FrameworkFileError(str(path), [f"(file): not valid YAML: {exc}"]) from None
    return validate_document(doc, source=str(path))


def dump(fw: Framework) -> dict[str, Any]:
    """The canonical JSON-ready form of a framework, as stored and exported."""
    return fw.model_dump(mode="json")


def to_yaml(doc: dict[str, Any]) -> str:
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)


def main(argv: list[str]) -> int:
    status = 0
    for name in argv:
        try:
            fw = load_yaml(Path(name))
        except FrameworkFileError as exc:
            print(exc, file=sys.stderr)
            status = 1
        else:
            print(f"{name}: ok ({fw.id}, FY{fw.fiscal_year}, {len(fw.items)} OIT items)")
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
