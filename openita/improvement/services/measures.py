"""Integrity measures: create, change and remove them, with every rule checked at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from openita.agencies.models import Membership
from openita.audit.services import log_action, snapshot
from openita.improvement.errors import ImprovementError, MeasureInvalid
from openita.improvement.models import Measure, Plan, Weakness
from openita.improvement.questions import plan_questions
from openita.improvement.services.draft import ensure_coordinator
from openita.lib.thaidate import format_thai_date

FIELDS = [
    "title", "steps", "expected_result", "unit", "responsible", "responsible_name",
    "starts_on", "ends_on", "monitoring", "budget", "suggestions", "questions",
]  # fmt: skip


@dataclass
class MeasureInput:
    """What a person gives for a measure (the form's cleaned data)."""

    title: str = ""
    steps: str = ""
    expected_result: str = ""
    unit: Any = None
    responsible: Any = None
    responsible_name: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    monitoring: str = ""
    budget: Decimal | None = None
    suggestions: str = ""
    weaknesses: Sequence[Weakness] = field(default_factory=list)
    questions: Sequence[str] = field(default_factory=list)


def _long(day: dt.date) -> str:
    return format_thai_date(day, style="long")


def _text_problems(data: MeasureInput) -> list[str]:
    problems = []
    if not data.title.strip():
        problems.append(_("Give the measure a title."))
    if not data.steps.strip():
        problems.append(_("Say how the measure is carried out (its steps)."))
    if not data.monitoring.strip():
        problems.append(_("Say how the measure is followed up and reported on."))
    if data.budget is not None and data.budget < 0:
        problems.append(_("The budget cannot be negative."))
    return problems


def _date_problems(data: MeasureInput) -> list[str]:
    if data.starts_on is None or data.ends_on is None:
        return [_("Give the day the measure starts and the day it ends.")]
    if data.ends_on < data.starts_on:
        return [
            _("The measure cannot end (%(end)s) before it starts (%(start)s).")
            % {"end": _long(data.ends_on), "start": _long(data.starts_on)}
        ]
    return []


def _tenant_problems(plan: Plan, data: MeasureInput) -> list[str]:
    """Units, people, entries and questions must all belong to this plan's agency."""
    problems = []
    agency = plan.agency
    if data.unit is not None and data.unit.agency_id != agency.pk:
        problems.append(_("The unit is not a unit of this agency."))
    if (
        data.responsible is not None
        and not Membership.objects.filter(user=data.responsible, agency=agency).exists()
    ):
        problems.append(_("The responsible person is not a member of this agency."))
    if any(w.plan_id != plan.pk for w in data.weaknesses):
        problems.append(_("Choose the weaknesses from this plan's analysis."))
    known = {q.code for q in plan_questions(plan)}
    unknown = sorted(set(data.questions) - known)
    if unknown:
        problems.append(
            _("These survey questions are not among the draft's indicators: %(codes)s")
            % {"codes": ", ".join(unknown)}
        )
    return problems


def measure_problems(plan: Plan, data: MeasureInput) -> list[str]:
    """Why these values cannot make a measure (translated); empty when they can."""
    return _text_problems(data) + _date_problems(data) + _tenant_problems(plan, data)


def _apply(measure: Measure, data: MeasureInput) -> None:
    measure.title = " ".join(data.title.split())[:500]  # one line: it heads mails and tables
    measure.steps, measure.monitoring = data.steps.strip(), data.monitoring.strip()
    measure.expected_result, measure.suggestions = (
        data.expected_result.strip(),
        data.suggestions.strip(),
    )
    measure.unit, measure.responsible = data.unit, data.responsible
    measure.responsible_name = data.responsible_name.strip()[:200]
    assert data.starts_on is not None and data.ends_on is not None  # checked before
    measure.starts_on, measure.ends_on = data.starts_on, data.ends_on
    measure.budget = data.budget
    measure.questions = sorted(set(data.questions))


def _state(measure: Measure) -> dict[str, Any]:
    state = snapshot(measure, FIELDS)
    state["weaknesses"] = sorted(w.code for w in measure.weaknesses.all())
    return state


@transaction.atomic
def create_measure(plan: Plan, *, by: Any, data: MeasureInput) -> Measure:
    ensure_coordinator(by, plan.agency)
    problems = measure_problems(plan, data)
    if problems:
        raise MeasureInvalid(problems)
    last = plan.measures.aggregate(last=Max("position"))["last"]
    measure = Measure(plan=plan, position=(last or 0) + 1)
    _apply(measure, data)
    measure.save()
    measure.weaknesses.set(data.weaknesses)
    log_action(measure, "improvement.measure_created", user=by, after=_state(measure))
    return measure


@transaction.atomic
def update_measure(measure: Measure, *, by: Any, data: MeasureInput) -> Measure:
    current = Measure.objects.select_for_update().select_related("plan").get(pk=measure.pk)
    ensure_coordinator(by, current.plan.agency)
    problems = measure_problems(current.plan, data)
    if problems:
        raise MeasureInvalid(problems)
    before = _state(current)
    _apply(current, data)
    current.save()
    current.weaknesses.set(data.weaknesses)
    log_action(
        current, "improvement.measure_updated", user=by, before=before, after=_state(current)
    )
    return current


@transaction.atomic
def delete_measure(measure: Measure, *, by: Any) -> None:
    """Remove a measure nobody reported on yet; the audit entry keeps everything it said."""
    ensure_coordinator(by, measure.plan.agency)
    if measure.updates.exists():
        raise ImprovementError(
            _("This measure has progress updates and cannot be removed; change it instead.")
        )
    log_action(measure, "improvement.measure_deleted", user=by, before=_state(measure))
    measure.delete()
