"""The analysis draft: drawn from final results at the thresholds' edges, edits never lost."""

from decimal import Decimal

import pytest

from openita.audit.models import AuditEntry
from openita.improvement import services
from openita.improvement.analysis import Scored, Thresholds, classify
from openita.improvement.errors import NotAllowed, NotFinal
from openita.improvement.models import Kind, Level
from tests.improvement.conftest import measure_input, weakness

D = Decimal


def _entries(plan):
    return [(w.kind, w.code, w.level) for w in plan.weaknesses.order_by("position")]


def test_it_sorts_results_at_the_edges_of_the_thresholds(plan):
    assert _entries(plan) == [
        ("indicator", "1", "urgent"),  # 84.99
        ("indicator", "6", "urgent"),  # 82.55
        ("indicator", "9", "urgent"),  # 50.00: O7 failed
        ("item", "O7", "urgent"),
        ("indicator", "2", "improve"),  # 85.00
        ("indicator", "3", "improve"),  # 94.99
        ("indicator", "7", "improve"),  # 90.48
    ]  # 4 (95.00), 5, 8 and 10 are left out
    assert weakness(plan, "1").score == D("84.99")
    assert weakness(plan, "O7", Kind.ITEM).title == "ข่าวประชาสัมพันธ์"
    assert plan.thresholds == {"urgent_below": "85", "improve_below": "95"}


def test_it_classifies_published_figures_as_people_read_them():
    t = Thresholds(D(85), D(95))
    values = [D("84.99"), D("85.00"), D("94.99"), D("95.00"), D("100")]
    rows = [Scored("indicator", str(n), "", n, v) for n, v in enumerate(values, start=1)]
    rows.append(Scored("item", "O9", "", 9, D("99.99")))  # a partial item short of 100 fails
    assert [(f.code, f.level) for f in classify(rows, t)] == [
        ("1", "urgent"), ("O9", "urgent"), ("2", "improve"), ("3", "improve"),
    ]  # fmt: skip


def test_it_takes_the_thresholds_from_settings(final, coordinator, settings):
    settings.OPENITA_IMPROVEMENT_URGENT_BELOW = "90"
    settings.OPENITA_IMPROVEMENT_IMPROVE_BELOW = "99"
    plan = services.generate_draft(final.response_set, by=coordinator)
    assert weakness(plan, "2").level == Level.URGENT
    assert weakness(plan, "4").level == Level.IMPROVE


def test_it_shows_the_change_from_last_years_final_results(last_year, final, coordinator):
    plan = services.generate_draft(final.response_set, by=coordinator)
    assert (weakness(plan, "1").previous, weakness(plan, "1").change) == (D("80.00"), D("4.99"))
    assert weakness(plan, "6").change == D("-3.00")
    assert weakness(plan, "2").previous is None  # not in last year's figures
    # O7 continues last year's O7, which passed.
    assert weakness(plan, "O7", Kind.ITEM).change == D("-100.00")


def test_it_has_no_change_without_last_years_results(plan):
    assert {w.previous for w in plan.weaknesses.all()} == {None}


def test_it_needs_final_results_and_a_coordinator(response_set_a, final, unit_editor, coordinator):
    with pytest.raises(NotAllowed):
        services.generate_draft(final.response_set, by=unit_editor)
    final.status = "released"
    final.save()
    with pytest.raises(NotFinal):
        services.generate_draft(response_set_a, by=coordinator)


def test_it_keeps_edited_analysis_when_drawn_again(plan, coordinator, last_year):
    edited = services.edit_analysis(
        weakness(plan, "6"), by=coordinator, analysis="ผู้รับบริการยังไม่ทราบขั้นตอน"
    )
    again = services.generate_draft(plan.response_set, by=coordinator)
    assert weakness(again, "6").analysis == "ผู้รับบริการยังไม่ทราบขั้นตอน"
    assert weakness(again, "6").uuid == edited.uuid
    assert weakness(again, "6").previous == D("85.55")  # the figures are refreshed
    entry = AuditEntry.objects.filter(action="improvement.analysis_edited").get()
    assert entry.before == {"analysis": ""}
    assert entry.after["analysis"] == "ผู้รับบริการยังไม่ทราบขั้นตอน"
    assert AuditEntry.objects.filter(action="improvement.draft_generated").count() == 2


def test_it_keeps_entries_the_results_no_longer_call_for_if_edited_or_cited(
    plan, coordinator, settings
):
    services.edit_analysis(weakness(plan, "3"), by=coordinator, analysis="ยังต้องพัฒนา")
    services.create_measure(
        plan, by=coordinator, data=measure_input(plan, weaknesses=[weakness(plan, "7")])
    )
    settings.OPENITA_IMPROVEMENT_IMPROVE_BELOW = "85"  # no more points to improve
    again = services.generate_draft(plan.response_set, by=coordinator)
    kept = {w.code: w.in_results for w in again.weaknesses.filter(level=Level.IMPROVE)}
    assert kept == {"3": False, "7": False}  # "2", untouched, is gone
    assert weakness(again, "3").analysis == "ยังต้องพัฒนา"
    entry = AuditEntry.objects.filter(action="improvement.draft_generated").first()
    assert (entry.data["kept"], entry.data["removed"]) == (2, 1)


def test_it_edits_plan_settings_with_an_audit_entry(plan, coordinator, unit_editor):
    with pytest.raises(NotAllowed):
        services.update_plan(
            plan, by=unit_editor, head_name="x", head_position="", thai_digits=True
        )
    services.update_plan(
        plan, by=coordinator, head_name="นายสมชาย ใจดี", head_position="ผู้ว่าราชการจังหวัด",
        thai_digits=True,
    )  # fmt: skip
    plan.refresh_from_db()
    assert (plan.head_name, plan.thai_digits) == ("นายสมชาย ใจดี", True)
    assert AuditEntry.objects.filter(action="improvement.plan_updated").exists()
