"""The overseer dashboard as plain data, and its CSV and Excel renderers.

An overseer (a provincial office, a ministry) follows many agencies: how far each one is,
how they scored, which indicators and items they fail, who is late. ``build`` turns the
agencies the user may see into one ``Overview`` in a fixed number of queries, whatever the
number of agencies; the page and both exports are rendered from it.

Scores are read from ``Review.results`` of released and final assessments only: figures of
an assessment still in progress are not published to anyone, the agency included.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from statistics import fmean
from typing import Any
from uuid import UUID

from django.db.models import Count, Min, Q, QuerySet, TextChoices
from django.http import Http404
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from openita.agencies import access
from openita.agencies.models import Agency, AgencyKind, Membership, Role
from openita.disclosure.dashboard import DONE
from openita.disclosure.models import ItemResponse, ResponseSet, SetStatus
from openita.frameworks.models import Framework
from openita.review.models import ItemReview, ReviewStatus
from openita.timeline.models import PhaseKind
from openita.timeline.services import phase_state

PUBLISHED = (ReviewStatus.RELEASED, ReviewStatus.FINAL)
WEAKEST_ITEMS = 10


class Stage(TextChoices):
    NOT_STARTED = "not_started", gettext_lazy("Not started")
    ANSWERING = "answering", gettext_lazy("Answering")
    SUBMITTED = "submitted", gettext_lazy("Submitted")
    IN_REVIEW = "in_review", gettext_lazy("In review")
    RELEASED = "released", gettext_lazy("Preliminary results released")
    FINAL = "final", gettext_lazy("Final")


@dataclass(frozen=True)
class Filters:
    """What the user asked for; empty means everything."""

    fiscal_year: int | None = None
    region: str = ""
    province: str = ""
    parent_body: str = ""
    kind: str = ""

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> Filters:
        year = query.get("fiscal_year", "").strip()
        return cls(
            fiscal_year=int(year) if year.isdigit() else None,
            region=query.get("region", "").strip(),
            province=query.get("province", "").strip(),
            parent_body=query.get("parent_body", "").strip(),
            kind=query.get("kind", "").strip(),
        )

    def apply(self, agencies: QuerySet[Agency]) -> QuerySet[Agency]:
        wanted = {
            "region": self.region,
            "province": self.province,
            "parent_body": self.parent_body,
            "kind": self.kind,
        }
        return agencies.filter(**{name: value for name, value in wanted.items() if value})


@dataclass(frozen=True)
class Choices:
    """The values the filters offer, taken from every agency the user may see."""

    years: list[int]
    regions: list[str]
    provinces: list[str]
    parent_bodies: list[str]
    kinds: list[tuple[str, str]]  # (code, label)


@dataclass(frozen=True)
class AgencyRow:
    uuid: UUID
    name: str
    province: str
    parent_body: str
    kind: str
    stage: str
    set_uuid: UUID | None = None
    scores: tuple[float | None, ...] = ()  # of the instruments of ``Overview.instruments``
    ita: float | None = None
    rating: str | None = None
    passed: bool | None = None
    indicators: Mapping[str, float] = field(default_factory=dict)  # "1"…"10": score
    overdue: int = 0  # items of an open set past their due date and not ready

    @property
    def kind_label(self) -> str:
        return str(AgencyKind(self.kind).label) if self.kind in AgencyKind.values else self.kind

    @property
    def stage_label(self) -> str:
        return str(Stage(self.stage).label)


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    width: int  # percent of the longest bar, for the chart


@dataclass(frozen=True)
class IndicatorMean:
    number: int
    name: str
    mean: float
    agencies: int


@dataclass(frozen=True)
class ItemShare:
    code: str
    title: str
    assessed: int  # agencies whose assessment judged the item
    failed: int

    @property
    def pass_share(self) -> float:
        return round(100 * (self.assessed - self.failed) / self.assessed, 2)


@dataclass(frozen=True)
class Behind:
    agency: AgencyRow
    reasons: list[str]


@dataclass(frozen=True)
class Overview:
    filters: Filters
    fiscal_year: int | None  # the year shown: the one asked for, else the latest
    choices: Choices
    instruments: list[str]  # codes of the year's instruments (IIT, EIT, OIT)
    agencies: list[AgencyRow]  # by name
    stages: list[tuple[str, int]]  # (label, count) in the order of the process
    distribution: list[Bar]
    ranking: list[tuple[int, AgencyRow]]  # (rank, row); equal totals share a rank
    mean_ita: float | None
    passed: int
    rated: int  # agencies with an ITA total
    weakest_indicators: list[IndicatorMean]
    weakest_items: list[ItemShare]
    behind: list[Behind]

    @property
    def pass_rate(self) -> float | None:
        return round(100 * self.passed / self.rated, 2) if self.rated else None


def agencies_overseen_by(user: Any) -> QuerySet[Agency]:
    """Every agency for site admins, the ones overseen for overseers, 404 for anyone else."""
    if access.is_site_admin(user):
        return Agency.objects.all()
    if not Membership.objects.filter(user=user, role=Role.OVERSEER).exists():
        raise Http404("No overview")
    return Agency.objects.filter(memberships__user=user, memberships__role=Role.OVERSEER).distinct()


def build(agencies: QuerySet[Agency], filters: Filters, *, today: dt.date) -> Overview:
    """The dashboard of ``agencies`` narrowed by ``filters``.

    1. Filter choices and fiscal years come from every agency given, so that a filter never
       hides the way back; the year defaults to the latest one with a response set.
    2. One query each loads the year's frameworks, the agencies in scope, their sets of the
       year with the reviews, the overdue counts, the item verdicts and the answering phase.
    3. Everything else is arithmetic on those rows.
    """
    choices = _choices(agencies)
    year = filters.fiscal_year or (choices.years[0] if choices.years else _latest_framework_year())
    scope = filters.apply(agencies)
    documents = _documents(year)
    instruments = _codes(i["code"] for d in documents for i in d.get("instruments", []))
    rows = _rows(scope, year, today, instruments)
    rated = [r for r in rows if r.ita is not None]
    totals = [r.ita for r in rated if r.ita is not None]
    answering_closed = year is not None and _answering_closed(year, today)
    return Overview(
        filters=filters,
        fiscal_year=year,
        choices=choices,
        instruments=instruments,
        agencies=rows,
        stages=_stages(rows),
        distribution=_distribution(rows, documents),
        ranking=_ranking(rated),
        mean_ita=round(fmean(totals), 2) if totals else None,
        passed=sum(1 for r in rated if r.passed),
        rated=len(rated),
        weakest_indicators=_indicator_means(rows, documents),
        weakest_items=_weakest_items(scope, year),
        behind=_behind(rows, answering_closed=answering_closed),
    )


def _choices(agencies: QuerySet[Agency]) -> Choices:
    values = list(
        agencies.order_by().values_list("province", "parent_body", "kind", "region").distinct()
    )
    years = (
        ResponseSet.objects.filter(agency__in=agencies)
        .order_by("-framework__fiscal_year")
        .values_list("framework__fiscal_year", flat=True)
        .distinct()
    )
    provinces, bodies, kinds, regions = ({v[i] for v in values} - {""} for i in range(4))
    return Choices(
        years=list(years),
        regions=sorted(regions),
        provinces=sorted(provinces),
        parent_bodies=sorted(bodies),
        kinds=[(code, str(label)) for code, label in AgencyKind.choices if code in kinds],
    )


def _latest_framework_year() -> int | None:
    # No agency has started yet: show the newest framework's year, everyone not started.
    return Framework.objects.order_by("-fiscal_year").values_list("fiscal_year", flat=True).first()


def _documents(year: int | None) -> list[Mapping[str, Any]]:
    if year is None:
        return []
    return list(Framework.objects.filter(fiscal_year=year).values_list("document", flat=True))


def _codes(codes: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(codes))  # in order, once each


def _sets_of_year(scope: QuerySet[Agency], year: int | None) -> QuerySet[ResponseSet]:
    if year is None:
        return ResponseSet.objects.none()
    return ResponseSet.objects.filter(agency__in=scope, framework__fiscal_year=year)


def _rows(
    scope: QuerySet[Agency], year: int | None, today: dt.date, instruments: list[str]
) -> list[AgencyRow]:
    sets = {
        rs.agency_id: rs  # the latest set wins if a year has two frameworks
        for rs in _sets_of_year(scope, year).select_related("review").order_by("created_at")
    }
    overdue = dict(
        ItemResponse.objects.filter(
            response_set__in=_sets_of_year(scope, year).filter(status=SetStatus.OPEN),
            due_date__lt=today,
        )
        .exclude(status__in=DONE)
        .order_by()
        .values("response_set__agency_id")
        .annotate(n=Count("id"))
        .values_list("response_set__agency_id", "n")
    )
    return [
        _row(agency, sets.get(agency.pk), overdue.get(agency.pk, 0), instruments)
        for agency in scope.order_by("name")
    ]


def _row(agency: Agency, rs: ResponseSet | None, overdue: int, instruments: list[str]) -> AgencyRow:
    stage = _stage(rs)
    results: Mapping[str, Any] = {}
    if rs is not None and stage in (Stage.RELEASED, Stage.FINAL):
        results = rs.review.results or {}
    scores = results.get("instruments") or {}
    return AgencyRow(
        uuid=agency.uuid,
        name=agency.name,
        province=agency.province,
        parent_body=agency.parent_body,
        kind=agency.kind,
        stage=stage,
        set_uuid=rs.uuid if rs is not None else None,
        scores=tuple(scores.get(code) for code in instruments),
        indicators=results.get("indicators") or {},
        ita=results.get("ita"),
        rating=results.get("rating"),
        passed=results.get("passed"),
        overdue=overdue if stage == Stage.ANSWERING else 0,
    )


def _stage(rs: ResponseSet | None) -> str:
    if rs is None:
        return Stage.NOT_STARTED
    if rs.status == SetStatus.OPEN:
        return Stage.ANSWERING
    review = getattr(rs, "review", None)  # selected with the set: no query
    if review is None:
        return Stage.SUBMITTED
    return {
        ReviewStatus.IN_REVIEW: Stage.IN_REVIEW,
        ReviewStatus.RELEASED: Stage.RELEASED,
        ReviewStatus.FINAL: Stage.FINAL,
    }[review.status]


def _stages(rows: list[AgencyRow]) -> list[tuple[str, int]]:
    counts = Counter(r.stage for r in rows)
    return [(str(label), counts[stage]) for stage, label in Stage.choices]


def _rating_labels(documents: Iterable[Mapping[str, Any]]) -> list[str]:
    """Rating labels from the best down, as the year's frameworks grade."""
    levels = (
        level
        for document in documents
        for level in document["grading"].get("tiers") or document["grading"].get("bands") or []
    )
    return _codes(level["label"] for level in levels)


def _distribution(rows: list[AgencyRow], documents: list[Mapping[str, Any]]) -> list[Bar]:
    counts = Counter(r.rating for r in rows if r.rating)
    labels = _rating_labels(documents)
    labels += sorted(set(counts) - set(labels))  # a label from an older grading, if any
    top = max(counts.values(), default=0)
    return [
        Bar(label, counts[label], round(100 * counts[label] / top) if top else 0)
        for label in labels
    ]


def _ranking(rated: list[AgencyRow]) -> list[tuple[int, AgencyRow]]:
    ordered = sorted(rated, key=lambda r: (-(r.ita or 0), r.name))
    ranking: list[tuple[int, AgencyRow]] = []
    for position, row in enumerate(ordered, start=1):
        tied = bool(ranking) and ranking[-1][1].ita == row.ita
        ranking.append((ranking[-1][0] if tied else position, row))
    return ranking


def _indicator_means(
    rows: list[AgencyRow], documents: list[Mapping[str, Any]]
) -> list[IndicatorMean]:
    """Mean of each indicator over the published results, weakest first."""
    values: dict[int, list[float]] = {}
    for row in rows:
        for number, value in row.indicators.items():
            values.setdefault(int(number), []).append(float(value))
    names = {i["number"]: i["name"] for doc in documents for i in doc.get("indicators", [])}
    means = [
        IndicatorMean(number, names.get(number, ""), round(fmean(scores), 2), len(scores))
        for number, scores in values.items()
    ]
    return sorted(means, key=lambda m: (m.mean, m.number))


def _weakest_items(scope: QuerySet[Agency], year: int | None) -> list[ItemShare]:
    """Items most often failed, by the share of assessed agencies that passed them."""
    agency = "review__response_set__agency"
    verdicts = (
        ItemReview.objects.filter(
            review__response_set__in=_sets_of_year(scope, year),
            review__status__in=PUBLISHED,
            score__isnull=False,
        )
        .order_by()
        .values("response__item__code")
        .annotate(
            title=Min("response__item__title"),
            assessed=Count(agency, distinct=True),
            fails=Count(agency, distinct=True, filter=Q(score__lt=100)),
        )
    )
    shares = [
        ItemShare(v["response__item__code"], v["title"], v["assessed"], v["fails"])
        for v in verdicts
        if v["fails"]
    ]
    return sorted(shares, key=lambda s: (s.pass_share, -s.failed, s.code))[:WEAKEST_ITEMS]


def _answering_closed(year: int, today: dt.date) -> bool:
    return phase_state(year, PhaseKind.OIT_ANSWERING, today=today) == "closed"


def _behind(rows: list[AgencyRow], *, answering_closed: bool) -> list[Behind]:
    behind = []
    for row in rows:
        reasons = []
        if row.stage == Stage.NOT_STARTED:
            reasons.append(_("No OIT response set for this year"))
        if row.overdue:
            text = ngettext(
                "%(n)d item past its due date", "%(n)d items past their due date", row.overdue
            )
            reasons.append(text % {"n": row.overdue})
        if row.stage == Stage.ANSWERING and answering_closed:
            reasons.append(_("Not submitted and the OIT answering phase has closed"))
        if reasons:
            behind.append(Behind(row, reasons))
    return behind


# Exports: one row per agency, the same rows for CSV and Excel.


def _field_label(name: str) -> str:
    return capfirst(str(getattr(Agency._meta.get_field(name), "verbose_name", name)))


def export_header(overview: Overview) -> list[str]:
    places = [_field_label(name) for name in ("province", "parent_body", "kind")]
    return [_("Agency"), *places, _("Status"), *overview.instruments, "ITA", _("Rating")]


def export_rows(overview: Overview) -> Iterator[list[str | float | None]]:
    for row in overview.agencies:
        text = [row.name, row.province, row.parent_body, row.kind_label, row.stage_label]
        yield [*text, *row.scores, row.ita, row.rating or ""]


def _safe_text(value: str | float | None) -> str | float | None:
    # Text starting like a formula would run in the spreadsheet that opens the file.
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
        return "'" + value
    return value


def render_csv(overview: Overview) -> bytes:
    """UTF-8 with a byte-order mark: Excel on Thai Windows reads Thai text right only so."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(export_header(overview))
    for values in export_rows(overview):
        writer.writerow(["" if v is None else _safe_text(v) for v in values])
    return buffer.getvalue().encode("utf-8-sig")


def render_xlsx(overview: Overview) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "ITA"
    sheet.append(export_header(overview))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in export_rows(overview):
        sheet.append([_clean(v) for v in values])
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # agency-supplied text stays text
                cell.data_type = "s"
    widths = (40, 16, 30, 24, 22, *(8,) * len(overview.instruments), 8, 18)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _clean(value: str | float | None) -> str | float | None:
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value
