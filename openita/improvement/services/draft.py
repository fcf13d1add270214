"""The analysis draft: drawn from final results, edited by the coordinator, never lost."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from openita.agencies import access
from openita.audit.services import log_action
from openita.improvement.analysis import Finding, Scored, classify, current_thresholds, figure
from openita.improvement.errors import NotAllowed, NotFinal
from openita.improvement.models import Measure, Plan, Weakness
from openita.review.models import Review, ReviewStatus

ANALYSIS_FIELDS = ["analysis"]
SETTINGS_FIELDS = ["head_name", "head_position", "thai_digits"]


def ensure_coordinator(by: Any, agency: Any) -> None:
    if by is not None and not access.is_coordinator(by, agency):  # None: system actions
        raise NotAllowed()


def final_review(response_set: Any) -> Review:
    review = Review.objects.filter(response_set=response_set, status=ReviewStatus.FINAL).first()
    if review is None:
        raise NotFinal()
    return review


def previous_review(review: Review) -> Review | None:
    """Last fiscal year's final results of the agency: the framework the current one
    continues, else any framework of the year before (as the results report finds them)."""
    rs = review.response_set
    finals = Review.objects.filter(response_set__agency=rs.agency, status=ReviewStatus.FINAL)
    if rs.framework.previous_code:
        found = finals.filter(response_set__framework__code=rs.framework.previous_code).first()
        if found is not None:
            return found
    year = finals.filter(response_set__framework__fiscal_year=rs.framework.fiscal_year - 1)
    return year.order_by("response_set__framework__code").first()


def _item_scores(review: Review) -> dict[str, Decimal]:
    rows = review.items.exclude(score=None).values_list("response__item__code", "score")
    return {code: figure(score) for code, score in rows}


def _previous_item(codes: list[str], before: dict[str, Decimal]) -> Decimal | None:
    """An item's score last year through its ``continues`` crosswalk (the mean of merged items)."""
    known = [before[code] for code in codes if code in before]
    return figure(sum(known) / len(known)) if known else None


def scored_entries(review: Review) -> list[Scored]:
    """Every indicator and item of the results, with last year's figures where known."""
    doc = review.response_set.framework.document
    names = {str(i["number"]): i["name"] for i in doc["indicators"]}
    old = previous_review(review)
    old_indicators = (old.results or {}).get("indicators", {}) if old else {}
    old_items = _item_scores(old) if old else {}
    indicators = (review.results or {}).get("indicators", {})
    entries = [
        Scored("indicator", code, names.get(code, ""), int(code), figure(value),
               figure(old_indicators[code]) if code in old_indicators else None)
        for code, value in sorted(indicators.items(), key=lambda kv: int(kv[0]))
    ]  # fmt: skip
    rows = review.items.select_related("response__item").order_by("response__item__number")
    for row in rows.exclude(score=None):
        item = row.response.item
        entries.append(
            Scored("item", item.code, item.title, item.indicator, figure(row.score),
                   _previous_item(list(item.continues), old_items))
        )  # fmt: skip
    return entries


def generate_draft(response_set: Any, *, by: Any) -> Plan:
    """Draw (or draw again) the analysis draft from the set's final results.

    1. Refuse unless the results are final and the actor coordinates the agency.
    2. Classify every indicator and item against the thresholds (``improvement.analysis``).
    3. Update the entries already there in place: their analysis text is kept as written.
    4. An entry the results no longer call for stays, marked, if it was edited or a measure
       cites it; only untouched ones are removed. Nothing a person wrote is lost.
    5. Audit the counts as improvement.draft_generated.
    """
    ensure_coordinator(by, response_set.agency)
    review = final_review(response_set)
    thresholds = current_thresholds()
    findings = classify(scored_entries(review), thresholds)
    with transaction.atomic():
        plan, created = Plan.objects.select_for_update().get_or_create(response_set=response_set)
        counts = _merge(plan, findings)
        plan.thresholds = thresholds.as_dict()
        plan.generated_at = timezone.now()
        plan.save()
        log_action(
            plan,
            "improvement.draft_generated",
            user=by,
            data={"created": created, **counts, "thresholds": plan.thresholds},
        )
    return plan


def _merge(plan: Plan, findings: list[Finding]) -> dict[str, int]:
    existing = {(w.kind, w.code): w for w in plan.weaknesses.all()}
    cited = set(
        Measure.weaknesses.through.objects.filter(measure__plan=plan).values_list(
            "weakness_id", flat=True
        )
    )
    counts = {"added": 0, "updated": 0, "kept": 0, "removed": 0}
    for position, found in enumerate(findings):
        weakness = existing.pop((found.kind, found.code), None)
        counts["updated" if weakness else "added"] += 1
        weakness = weakness or Weakness(plan=plan, kind=found.kind, code=found.code)
        weakness.title, weakness.indicator, weakness.level = (
            found.title,
            found.indicator,
            found.level,
        )
        weakness.score, weakness.previous = found.score, found.previous
        weakness.position, weakness.in_results = position, True
        weakness.save()
    for offset, weakness in enumerate(existing.values(), start=len(findings)):
        if weakness.analysis.strip() or weakness.pk in cited:
            weakness.in_results, weakness.position = False, offset
            weakness.save()
            counts["kept"] += 1
        else:
            weakness.delete()
            counts["removed"] += 1
    return counts


@transaction.atomic
def edit_analysis(weakness: Weakness, *, by: Any, analysis: str) -> Weakness:
    """The coordinator's analysis of one entry; audited with the text before and after."""
    current = Weakness.objects.select_for_update().select_related("plan").get(pk=weakness.pk)
    ensure_coordinator(by, current.plan.agency)
    before = {"analysis": current.analysis}
    current.analysis = analysis.strip()
    current.edited_at = timezone.now()
    current.edited_by = by if getattr(by, "pk", None) else None
    current.save()
    log_action(
        current,
        "improvement.analysis_edited",
        user=by,
        before=before,
        after={"analysis": current.analysis, "entry": current.code},
    )
    return current


@transaction.atomic
def update_plan(
    plan: Plan, *, by: Any, head_name: str, head_position: str, thai_digits: bool
) -> Plan:
    """The head of the agency who signs the documents, and their digits."""
    current = Plan.objects.select_for_update().get(pk=plan.pk)
    ensure_coordinator(by, current.agency)
    before = {name: getattr(current, name) for name in SETTINGS_FIELDS}
    current.head_name, current.head_position = head_name.strip(), head_position.strip()
    current.thai_digits = bool(thai_digits)
    current.save()
    after = {name: getattr(current, name) for name in SETTINGS_FIELDS}
    log_action(current, "improvement.plan_updated", user=by, before=before, after=after)
    return current
