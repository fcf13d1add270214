"""The assessment calendar: set its phases, ask whether one is open, remind before it ends.

Dates are calendar days in Asia/Bangkok and both ends of a phase are inclusive. ``today``
defaults to ``timezone.localdate()``, the Bangkok date because TIME_ZONE is Asia/Bangkok.

Other apps call ``ensure_open`` before an action that belongs to a phase, so this module
imports none of them; it reaches response sets through the ORM relation only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import groupby
from typing import Any, Literal

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from openita.agencies.models import Agency, Membership, Role
from openita.audit.services import log_action, snapshot
from openita.core.mail import send_once
from openita.lib.thaidate import FiscalYear, format_thai_date, local_date
from openita.timeline.errors import CalendarInvalid, InvalidPhase, PhaseClosed
from openita.timeline.models import Phase, PhaseKind, ReminderSent

State = Literal["not_set", "upcoming", "open", "closed"]
FIELDS = ["fiscal_year", "kind", "starts_on", "ends_on", "note"]
# Days before a phase's last day on which its actors are reminded; a deployment may set
# OPENITA_REMINDER_DAYS to another tuple.
REMINDER_DAYS: tuple[int, ...] = (7, 3, 1)
# Who acts in each phase. Coordinators hold the agency's ITAS account (registration, survey
# links, OIT answers, clarification, confirmation); assessors review. Publication is NACC's.
PHASE_ROLES: dict[str, tuple[str, ...]] = {
    PhaseKind.REGISTRATION: (Role.COORDINATOR,),
    PhaseKind.SURVEYS: (Role.COORDINATOR,),
    PhaseKind.OIT_ANSWERING: (Role.COORDINATOR,),
    PhaseKind.REVIEW: (Role.ASSESSOR,),
    PhaseKind.CLARIFICATION: (Role.COORDINATOR,),
    PhaseKind.CONFIRMATION: (Role.COORDINATOR,),
    PhaseKind.PUBLICATION: (),
}
# Fiscal years are Buddhist-era numbers; anything outside this range is a Christian-era year
# or a typo, and would silently create a calendar nobody looks at.
BE_YEARS = range(2500, 2800)


def _today(today: dt.date | None) -> dt.date:
    return today if today is not None else timezone.localdate()


def _to_date(value: Any) -> dt.date | None:
    """A date from a date, an aware datetime or an ISO ``YYYY-MM-DD`` string; else None."""
    try:
        if isinstance(value, dt.datetime):
            return local_date(value)
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None
    return None


def _long(day: dt.date) -> str:
    return format_thai_date(day, style="long")


def phase_problems(fiscal_year: Any, kind: Any, starts_on: Any, ends_on: Any) -> list[str]:
    """Why these values cannot make a phase (translated); empty when they can."""
    problems = []
    if kind not in PhaseKind.values:
        problems.append(_("“%(kind)s” is not a phase of the calendar.") % {"kind": kind})
    if isinstance(fiscal_year, bool) or not isinstance(fiscal_year, int):
        fiscal_year = None
    if fiscal_year not in BE_YEARS:
        problems.append(_("The fiscal year must be a Buddhist-era year, such as 2568."))
    start, end = _to_date(starts_on), _to_date(ends_on)
    if start is None or end is None:
        problems.append(_("Give both dates, as YYYY-MM-DD in the Christian era."))
    elif end < start:
        problems.append(
            _("The phase cannot end (%(end)s) before it starts (%(start)s).")
            % {"start": _long(start), "end": _long(end)}
        )
    elif fiscal_year is not None and not _near_fiscal_year(fiscal_year, start, end):
        problems.append(
            _("The dates %(start)s – %(end)s are too far from fiscal year %(year)s.")
            % {"start": _long(start), "end": _long(end), "year": fiscal_year}
        )
    return problems


def _near_fiscal_year(fiscal_year: int, start: dt.date, end: dt.date) -> bool:
    """Within the fiscal year or the one on either side (calendars are announced early).

    This catches a Buddhist-era year typed into a Christian-era date, 543 years off.
    """
    fy = FiscalYear(fiscal_year)
    return fy.previous.start <= start and end <= fy.next.end


def set_phase(
    fiscal_year: int,
    kind: str,
    starts_on: dt.date | str,
    ends_on: dt.date | str,
    *,
    by: Any,
    note: str | None = None,
) -> Phase:
    """Create or change one phase of a fiscal year's calendar; audited as timeline.phase_set.

    ``note=None`` keeps the current note. Setting the same values again writes nothing.
    Raises InvalidPhase (nothing saved) when ``phase_problems`` finds anything.
    """
    problems = phase_problems(fiscal_year, kind, starts_on, ends_on)
    if problems:
        raise InvalidPhase(" ".join(problems))
    with transaction.atomic():
        return _write_phase(fiscal_year, kind, starts_on, ends_on, note=note, by=by)


def _write_phase(
    fiscal_year: int, kind: str, starts_on: Any, ends_on: Any, *, note: str | None, by: Any
) -> Phase:
    phase = Phase.objects.select_for_update().filter(fiscal_year=fiscal_year, kind=kind).first()
    before = snapshot(phase, FIELDS) if phase is not None else None
    if phase is None:
        phase = Phase(fiscal_year=fiscal_year, kind=kind)
    phase.starts_on, phase.ends_on = _to_date(starts_on), _to_date(ends_on)
    if note is not None:
        phase.note = note.strip()
    after = snapshot(phase, FIELDS)
    if after == before:
        return phase
    if before is None:
        phase.save()
    else:
        phase.save(update_fields=["starts_on", "ends_on", "note", "updated_at"])
    log_action(phase, "timeline.phase_set", user=by, before=before, after=after)
    return phase


@transaction.atomic
def remove_phase(phase: Phase, *, by: Any) -> None:
    """Delete a phase; its actions are then open again (see ``is_open``)."""
    log_action(phase, "timeline.phase_removed", user=by, before=snapshot(phase, FIELDS))
    phase.delete()


def load_calendar(fiscal_year: int, rows: Iterable[Mapping[str, Any]], *, by: Any) -> list[Phase]:
    """Set several phases of one fiscal year at once: all of them, or none.

    ``rows`` are mappings with ``kind``, ``starts_on`` and ``ends_on`` (dates or ISO strings)
    and an optional ``note``. Every row is checked before anything is written, so
    CalendarInvalid lists every problem in ``errors``, each prefixed with its row number.
    Phases of the year that the rows do not name are left as they are.
    """
    rows = list(rows)
    errors = _calendar_errors(fiscal_year, rows)
    if errors:
        raise CalendarInvalid(errors)
    with transaction.atomic():
        return [
            _write_phase(
                fiscal_year,
                row["kind"],
                row["starts_on"],
                row["ends_on"],
                note=row.get("note"),
                by=by,
            )
            for row in rows
        ]


def _calendar_errors(fiscal_year: int, rows: list[Any]) -> list[str]:
    if not rows:
        return [_("The calendar has no phases.")]
    errors: list[str] = []
    seen: list[Any] = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            problems = [_("each row needs a phase, a start date and an end date.")]
        else:
            kind = row.get("kind")
            problems = phase_problems(fiscal_year, kind, row.get("starts_on"), row.get("ends_on"))
            if kind in seen:
                problems.append(_("this phase is already given in an earlier row."))
            seen.append(kind)
        errors += [_("Row %(row)s: %(problem)s") % {"row": number, "problem": p} for p in problems]
    return errors


def _state_of(phase: Phase | None, today: dt.date) -> State:
    if phase is None:
        return "not_set"
    if today < phase.starts_on:
        return "upcoming"
    if today > phase.ends_on:
        return "closed"
    return "open"


def _get(fiscal_year: int, kind: str) -> Phase | None:
    return Phase.objects.filter(fiscal_year=fiscal_year, kind=kind).first()


def phase_state(fiscal_year: int, kind: str, *, today: dt.date | None = None) -> State:
    """``not_set``, ``upcoming``, ``open`` (first to last day, inclusive) or ``closed``."""
    return _state_of(_get(fiscal_year, kind), _today(today))


def is_open(fiscal_year: int, kind: str, *, today: dt.date | None = None) -> bool:
    """Whether the actions of this phase are allowed today.

    A phase that is not set counts as open: an installation without a configured calendar
    (a single agency preparing on its own, or a year whose calendar is not announced yet)
    must not be blocked. Only a set phase whose dates exclude today closes its actions.
    """
    return phase_state(fiscal_year, kind, today=today) in ("open", "not_set")


def ensure_open(fiscal_year: int, kind: str, *, today: dt.date | None = None) -> None:
    """Raise PhaseClosed, naming the phase and its dates, unless ``is_open`` holds."""
    phase = _get(fiscal_year, kind)
    state = _state_of(phase, _today(today))
    if phase is None or state == "open":
        return
    values = {
        "phase": phase.get_kind_display(),
        "year": fiscal_year,
        "start": _long(phase.starts_on),
        "end": _long(phase.ends_on),
    }
    if state == "upcoming":
        message = _(
            "%(phase)s of fiscal year %(year)s has not opened yet: it runs from %(start)s to "
            "%(end)s."
        )
    else:
        message = _(
            "%(phase)s of fiscal year %(year)s closed on %(end)s; it ran from %(start)s to %(end)s."
        )
    raise PhaseClosed(message % values, phase=phase, state=state)


def reminder_days() -> tuple[int, ...]:
    return tuple(getattr(settings, "OPENITA_REMINDER_DAYS", REMINDER_DAYS))


def due_reminders(
    today: dt.date | None = None, *, days: Iterable[int] | None = None
) -> list[tuple[Phase, int]]:
    """The phases whose last day is exactly one of the reminder days away, with days left."""
    day = _today(today)
    offsets = tuple(days) if days is not None else reminder_days()
    ends = {day + dt.timedelta(days=n): n for n in offsets}
    return [(phase, ends[phase.ends_on]) for phase in Phase.objects.filter(ends_on__in=list(ends))]


@dataclass(frozen=True)
class Reminder:
    """One reminder mail: to one user, about one phase, naming the agencies concerned."""

    phase: Phase
    days_left: int
    user: Any
    agencies: tuple[str, ...]


def planned_reminders(today: dt.date | None = None) -> list[Reminder]:
    """The reminders due today that have not gone out yet, one per user and phase."""
    day = _today(today)
    plan: list[Reminder] = []
    for phase, days_left in due_reminders(day):
        plan += _reminders_for(phase, days_left, day)
    return plan


def _reminders_for(phase: Phase, days_left: int, day: dt.date) -> list[Reminder]:
    roles = PHASE_ROLES.get(phase.kind, ())
    if not roles:
        return []
    # An agency takes part in a year when it has a response set for a framework of that year.
    taking_part = Agency.objects.filter(
        response_sets__framework__fiscal_year=phase.fiscal_year
    ).values("pk")
    memberships = (
        Membership.objects.filter(role__in=roles, agency__in=taking_part, user__is_active=True)
        .exclude(user__email="")
        .exclude(user__in=ReminderSent.objects.filter(phase=phase, sent_on=day).values("user"))
        .select_related("user", "agency")
        .order_by("user__username", "agency__name")
    )
    users: dict[int, Any] = {}
    agencies: dict[int, list[str]] = {}
    for membership in memberships:
        users[membership.user_id] = membership.user
        names = agencies.setdefault(membership.user_id, [])
        if membership.agency.name not in names:
            names.append(membership.agency.name)
    return [Reminder(phase, days_left, users[pk], tuple(names)) for pk, names in agencies.items()]


def send_reminders(today: dt.date | None = None, *, dry_run: bool = False) -> list[Reminder]:
    """Mail the reminders due today; returns those sent (with ``dry_run``, those planned).

    1. Find the phases ending in exactly one of the reminder days (``due_reminders``).
    2. Find the active members with an e-mail address whose role acts in each phase, at the
       agencies taking part in its fiscal year; a user gets one mail per phase, whatever
       their number of roles and agencies.
    3. Skip users already reminded of that phase today, so reruns and retries are harmless.
    4. Claim each mail in ReminderSent, then send it; a failed mail releases its claim so
       the next run tries again.
    5. Audit each phase's mails as timeline.reminders_sent.
    """
    day = _today(today)
    plan = planned_reminders(day)
    if dry_run:
        return plan
    sent = [reminder for reminder in plan if _deliver(reminder, day)]
    for phase, group in groupby(sent, key=lambda reminder: reminder.phase):
        reminders = list(group)
        log_action(
            phase,
            "timeline.reminders_sent",
            user=None,
            data={
                "date": day,
                "days_left": reminders[0].days_left,
                "recipients": [r.user.get_username() for r in reminders],
            },
        )
    return sent


def _deliver(reminder: Reminder, day: dt.date) -> bool:
    claim = {"phase": reminder.phase, "user": reminder.user, "sent_on": day}
    subject, body = reminder_message(reminder)
    return send_once(
        ReminderSent, claim, to=reminder.user.email, subject=subject, body=body,
        extra={"days_left": reminder.days_left},
    )  # fmt: skip


def reminder_message(reminder: Reminder) -> tuple[str, str]:
    """Subject and body in Thai, the language of every ITA participant."""
    with translation.override("th"):
        values = {
            "name": str(reminder.user),
            "phase": str(reminder.phase.get_kind_display()),
            "year": reminder.phase.fiscal_year,
            "end": _long(reminder.phase.ends_on),
            "days": reminder.days_left,
            "agencies": "\n".join(f"  • {name}" for name in reminder.agencies),
            "url": f"{settings.SITE_URL}/",
        }
        subject = ngettext(
            "OpenITA: %(phase)s ends in %(days)s day (%(end)s)",
            "OpenITA: %(phase)s ends in %(days)s days (%(end)s)",
            reminder.days_left,
        )
        body = ngettext(
            "Dear %(name)s,\n\n%(phase)s of the ITA assessment, fiscal year %(year)s, ends on "
            "%(end)s, in %(days)s day. Please finish your part for:\n\n%(agencies)s\n\n"
            "OpenITA: %(url)s\n",
            "Dear %(name)s,\n\n%(phase)s of the ITA assessment, fiscal year %(year)s, ends on "
            "%(end)s, in %(days)s days. Please finish your part for:\n\n%(agencies)s\n\n"
            "OpenITA: %(url)s\n",
            reminder.days_left,
        )
        return subject % values, body % values
