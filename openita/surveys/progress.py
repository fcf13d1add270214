"""What the coordinator sees of a survey: progress against the sample target, per unit, and a
preview of the scores, with every group of fewer than MIN_GROUP hidden (privacy.shown)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from openita.surveys.counts import Counted
from openita.surveys.document import questions
from openita.surveys.models import AccessCode, Population, Survey, SurveyAnswer
from openita.surveys.privacy import MIN_GROUP, shown
from openita.surveys.sampling import minimum_sample, unit_targets


@dataclass
class UnitRow:
    uuid: Any
    name: str
    population: int | None
    target: int | None
    codes: int  # codes issued for the unit (not about respondents)
    used: int | None  # codes used, hidden under MIN_GROUP
    answers: int | None  # answers that kept the unit, hidden under MIN_GROUP


@dataclass
class Preview:
    indicators: list[tuple[int, str, Decimal]] = field(default_factory=list)
    questions: list[tuple[str, Decimal]] = field(default_factory=list)


@dataclass
class Progress:
    answers: int
    entered: int | None  # the whole agency's population as entered (None: sum of the units)
    population: int | None
    target: int | None
    percent: int | None
    codes: int
    used: int
    units: list[UnitRow]
    preview: Preview | None


def describe_rule(rule: dict[str, Any]) -> str:
    """The sample rule in words, from its stored parameters."""
    p = rule.get("params") or {}
    words = _("at least %(minimum)s respondents, everyone when fewer") % {"minimum": p["minimum"]}
    if Decimal(str(p.get("share") or 0)):
        share = f"{(Decimal(str(p['share'])) * 100).normalize():f}"
        words = _("%(share)s%% of the population, ") % {"share": share} + words
    if p.get("cap_above") is not None:
        words += _("; %(cap)s when the population is above %(above)s") % {
            "cap": p["cap"],
            "above": f"{int(p['cap_above']):,}",
        }
    return words


def _populations(survey: Survey) -> tuple[int | None, int | None, dict[int, int]]:
    rows = dict(Population.objects.filter(survey=survey).values_list("unit_id", "count"))
    units = {k: v for k, v in rows.items() if k is not None}
    entered = rows.get(None)
    whole = sum(units.values()) if entered is None and units else entered
    return entered, whole, units


def progress(survey: Survey) -> Progress:
    entered, whole, unit_pops = _populations(survey)
    target = minimum_sample(survey.sample_rule, whole) if whole is not None else None
    targets = unit_targets(target or 0, unit_pops) if target is not None else {}
    answered = dict(
        SurveyAnswer.objects.filter(survey=survey)
        .values("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
    )
    codes = {
        row["unit_id"]: (row["issued"], row["used"])
        for row in AccessCode.objects.filter(survey=survey)
        .values("unit_id")
        .annotate(issued=Count("id"), used=Count("id", filter=Q(used=True)))
    }
    total = sum(answered.values())
    units = [
        UnitRow(
            uuid=unit.uuid,
            name=unit.name,
            population=unit_pops.get(unit.pk),
            target=targets.get(unit.pk),
            codes=codes.get(unit.pk, (0, 0))[0],
            used=shown(codes.get(unit.pk, (0, 0))[1]),
            answers=shown(answered.get(unit.pk, 0)),
        )
        for unit in survey.agency.units.all()
    ]
    return Progress(
        answers=total,
        entered=entered,
        population=whole,
        target=target,
        percent=min(100, total * 100 // target) if target else None,
        codes=sum(c[0] for c in codes.values()),
        used=sum(c[1] for c in codes.values()),
        units=units,
        preview=preview(survey),
    )


def snapshot(doc: dict[str, Any], counted: Counted) -> dict[str, Any]:
    """The scores of one scoring, as stored on the survey for the coordinator's page."""
    index = questions(doc)
    names = {i["number"]: i["name"] for i in doc.get("indicators", [])}
    ordered = [
        code
        for q, parts in index.by_question.items()
        for code in (q, *(c for c in parts if c != q))
        if code in counted.questions
    ]
    return {
        "indicators": [[n, names.get(n, ""), str(s)] for n, s in sorted(counted.scores.items())],
        "questions": [[code, str(counted.questions[code])] for code in ordered],
    }


def preview(survey: Survey) -> Preview | None:
    """The scores of the last scoring, or None before one counted MIN_GROUP answers."""
    if survey.scored_answers < MIN_GROUP or not survey.scored:
        return None
    return Preview(
        indicators=[(n, name, Decimal(s)) for n, name, s in survey.scored["indicators"]],
        questions=[(code, Decimal(s)) for code, s in survey.scored["questions"]],
    )
