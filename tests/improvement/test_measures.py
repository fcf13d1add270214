"""Measures: every rule checked at once, a refused form keeps what was typed."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import translation

from openita.audit.models import AuditEntry
from openita.improvement import services
from openita.improvement.errors import ImprovementError, MeasureInvalid, NotAllowed
from openita.improvement.models import Measure, Weakness
from openita.lib.thaidate import format_thai_date
from tests.conftest import login
from tests.improvement.conftest import measure_input, weakness


def test_it_creates_a_measure_with_an_audit_entry(plan, coordinator):
    made = services.create_measure(plan, by=coordinator, data=measure_input(plan, questions=["i1"]))
    assert made.position == 1 and made.questions == ["i1"]
    assert [w.code for w in made.weaknesses.all()] == ["6"]
    entry = AuditEntry.objects.get(action="improvement.measure_created")
    assert entry.after["weaknesses"] == ["6"] and entry.after["budget"] == "50000"
    second = services.create_measure(plan, by=coordinator, data=measure_input(plan))
    assert second.position == 2


def test_it_refuses_an_end_before_the_start_in_thai_dates(plan, coordinator):
    data = measure_input(plan, starts_on=dt.date(2023, 3, 1), ends_on=dt.date(2023, 2, 1))
    with translation.override("th"), pytest.raises(MeasureInvalid) as refused:
        services.create_measure(plan, by=coordinator, data=data)
    message = str(refused.value.message)
    # Buddhist-era dates in Thai; the sentence around them is Thai once the catalog has it.
    assert format_thai_date(dt.date(2023, 2, 1), style="long") in message  # 1 กุมภาพันธ์ 2566
    assert "1 มีนาคม 2566" in message
    assert not Measure.objects.exists()


def test_it_lists_every_problem_at_once(plan, coordinator, agency_b, outsider):
    data = measure_input(
        plan, title=" ", steps="", monitoring="", budget=Decimal(-1), starts_on=None,
        unit=agency_b.units.first(), responsible=outsider, questions=["i9", "e1"],
    )  # fmt: skip
    with pytest.raises(MeasureInvalid) as refused:
        services.create_measure(plan, by=coordinator, data=data)
    assert len(refused.value.problems) == 8


def test_it_refuses_weaknesses_of_another_plan(plan, coordinator, measure):
    stranger = Weakness(plan_id=plan.pk + 1, kind="indicator", code="6")
    other = measure_input(plan, weaknesses=[stranger])
    with pytest.raises(MeasureInvalid):
        services.update_measure(measure, by=coordinator, data=other)


def test_it_lets_only_coordinators_change_measures(plan, measure, unit_editor):
    with pytest.raises(NotAllowed):
        services.create_measure(plan, by=unit_editor, data=measure_input(plan))
    with pytest.raises(NotAllowed):
        services.delete_measure(measure, by=unit_editor)


def test_it_updates_a_measure_with_before_and_after(measure, coordinator):
    data = measure_input(measure.plan, title="มาตรการใหม่", weaknesses=[])
    services.update_measure(measure, by=coordinator, data=data)
    measure.refresh_from_db()
    assert measure.title == "มาตรการใหม่" and not measure.weaknesses.exists()
    entry = AuditEntry.objects.get(action="improvement.measure_updated")
    assert entry.before["weaknesses"] == ["6"] and entry.after["weaknesses"] == []


def test_it_keeps_a_measure_someone_reported_on(measure, coordinator):
    services.add_progress(measure, by=coordinator, reported_on=dt.date(2023, 1, 5), outcome="ทำแล้ว")
    with pytest.raises(ImprovementError):
        services.delete_measure(measure, by=coordinator)
    assert Measure.objects.filter(pk=measure.pk).exists()


def test_the_form_keeps_what_was_typed_when_the_dates_are_wrong(plan, coordinator):
    client = login(coordinator)
    url = f"/improvement/{plan.response_set.uuid}/measures/new/"
    assert client.get(url).status_code == 200
    w6 = weakness(plan, "6")
    data = {
        "title": "มาตรการเปิดเผยข้อมูลเชิงรุก", "steps": "จัดทำแผนผังโครงสร้าง",
        "monitoring": "รายงานทุกเดือน", "starts_on": "2023-09-30", "ends_on": "2023-01-01",
        "weaknesses": [str(w6.pk)], "expected_result": "ประชาชนเข้าถึงข้อมูล",
    }  # fmt: skip
    page = client.post(url, data, headers={"accept-language": "th"})
    assert page.status_code == 400
    body = page.content.decode()
    assert "1 มกราคม 2566" in body and "30 กันยายน 2566" in body
    for typed in ("มาตรการเปิดเผยข้อมูลเชิงรุก", "จัดทำแผนผังโครงสร้าง", "รายงานทุกเดือน",
                  "ประชาชนเข้าถึงข้อมูล", 'value="2023-01-01"'):  # fmt: skip
        assert typed in body
    assert re.search(f'value="{w6.pk}" id="id_weaknesses_\\d+" checked', body)
    assert not Measure.objects.exists()
    data["ends_on"] = "2023-12-31"
    made = client.post(url, data)
    assert made.status_code == 302
    assert Measure.objects.get().ends_on == dt.date(2023, 12, 31)
