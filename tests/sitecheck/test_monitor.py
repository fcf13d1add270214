"""Weekly re-checks and the mails sent when an item falls off an agency's website.

Django 6.1's test environment replaces every MAILERS alias with the locmem backend, so
``mailoutbox`` receives what ``send_mail`` sends.
"""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from openita.accounts.services import create_user
from openita.agencies import services as agencies
from openita.agencies.models import Role
from openita.audit.models import AuditEntry
from openita.core import mail as core_mail
from openita.disclosure import services as disclosure
from openita.sitecheck import monitor
from openita.sitecheck.models import RegressionNotice, SiteCheck
from openita.sitecheck.tasks import notify_regressions as notify_task
from openita.sitecheck.tasks import weekly_recheck as weekly_recheck_task
from tests.conftest import PASSWORD
from tests.disclosure.helpers import approve_all
from tests.sitecheck.app_helpers import fake_crawler, finished_check, give_website, site_report

BEFORE = {"O1": "found", "O7": "partial", "O31": "found", "O28": "found"}
AFTER = {"O1": "missing", "O7": "outdated", "O31": "found", "O28": "broken"}


@pytest.fixture
def people(response_set_a: Any, coordinator: Any, unit_editor: Any) -> dict[str, Any]:
    """O1 → the บค. unit (editor_a); O7 → the ยศ. unit (no editor) and a responsible person;
    O31 and O28 → nobody, so the coordinator hears about them."""
    responsible = create_user("resp_a", PASSWORD, email="resp_a@example.test", by=None)
    agencies.add_member(response_set_a.agency, responsible, Role.UNIT_EDITOR, by=None)
    o7 = response_set_a.responses.get(item__code="O7")
    disclosure.assign(
        o7, by=coordinator, units=list(o7.units.all()), responsible=responsible, due_date=None
    )
    give_website(response_set_a.agency)
    return {"coordinator": coordinator, "editor": unit_editor, "responsible": responsible}


def _weekly_pair(monkeypatch: Any, rs: Any, before: dict[str, str], after: dict[str, str]) -> Any:
    finished_check(monkeypatch, rs.agency, rs.framework, site_report(before))
    return finished_check(
        monkeypatch, rs.agency, rs.framework, site_report(after), trigger="weekly"
    )


def _mails_by_address(outbox: list[Any]) -> dict[str, Any]:
    assert all(len(mail.to) == 1 for mail in outbox)
    return {mail.to[0]: mail for mail in outbox}


# --- which sites are due -------------------------------------------------------------------------


def test_it_finds_open_sets_of_agencies_with_a_website_unchecked_for_a_week(
    response_set_a: Any, response_set_b: Any, monkeypatch: Any
) -> None:
    assert monitor.due_rechecks() == []  # no agency has a website yet
    give_website(response_set_a.agency)
    assert monitor.due_rechecks() == [response_set_a]  # never checked
    check = finished_check(
        monkeypatch, response_set_a.agency, response_set_a.framework, site_report(BEFORE)
    )
    assert monitor.due_rechecks() == []
    assert monitor.due_rechecks(timezone.now() + dt.timedelta(days=6, hours=23)) == []
    assert monitor.due_rechecks(timezone.now() + dt.timedelta(days=7, minutes=1)) == [
        response_set_a
    ]
    SiteCheck.objects.filter(pk=check.pk).update(created_at=timezone.now() - dt.timedelta(days=8))
    assert monitor.due_rechecks() == [response_set_a]


def test_it_leaves_submitted_sets_alone(response_set_a: Any, coordinator: Any) -> None:
    give_website(response_set_a.agency)
    approve_all(response_set_a, coordinator)
    disclosure.submit(response_set_a, by=coordinator)
    assert monitor.due_rechecks() == []


def test_it_queues_one_weekly_check_per_due_site(
    response_set_a: Any, monkeypatch: Any, django_capture_on_commit_callbacks: Any
) -> None:
    give_website(response_set_a.agency)
    calls = fake_crawler(monkeypatch, site_report(BEFORE))
    with django_capture_on_commit_callbacks(execute=True):
        queued = monitor.weekly_recheck()
    assert [(c.trigger, c.agency_id) for c in queued] == [("weekly", response_set_a.agency_id)]
    assert SiteCheck.objects.get().status == "done" and len(calls) == 1
    assert AuditEntry.objects.get(action="sitecheck.requested").actor is None
    assert monitor.weekly_recheck() == []  # checked just now


def test_it_replaces_a_weekly_check_whose_task_never_ran(response_set_a: Any) -> None:
    give_website(response_set_a.agency)
    [first] = monitor.weekly_recheck()  # queued; its task is never run here
    assert monitor.weekly_recheck() == []
    SiteCheck.objects.filter(pk=first.pk).update(created_at=timezone.now() - dt.timedelta(days=8))
    assert len(monitor.weekly_recheck()) == 1
    first.refresh_from_db()
    assert first.status == "failed" and SiteCheck.objects.count() == 2


# --- regressions and mails ------------------------------------------------------------------------


def test_it_finds_only_items_that_went_from_found_to_bad(
    response_set_a: Any, people: Any, monkeypatch: Any
) -> None:
    check = _weekly_pair(monkeypatch, response_set_a, BEFORE, AFTER)
    found = {r.code: (r.before, r.after) for r in monitor.regressions(check)}
    assert found == {
        "O1": ("found", "missing"),
        "O7": ("partial", "outdated"),
        "O28": ("found", "broken"),
    }
    o1 = response_set_a.responses.get(item__code="O1")
    urls = {r.code: r.url for r in monitor.regressions(check)}
    assert urls["O1"].endswith(f"/oit/{response_set_a.uuid}/items/{o1.uuid}/")


@pytest.mark.parametrize(
    ("before", "after"),
    [("found", "found"), ("missing", "missing"), ("partial", "found"), ("broken", "missing"),
     ("outdated", "missing"), ("found", "partial")],
)  # fmt: skip
def test_it_sends_nothing_without_a_regression(
    response_set_a: Any, people: Any, monkeypatch: Any, mailoutbox: Any, before: str, after: str
) -> None:
    check = _weekly_pair(monkeypatch, response_set_a, {"O1": before}, {"O1": after})
    assert monitor.notify_regressions(check.pk) == []
    assert mailoutbox == []


def test_it_mails_each_person_once_about_all_their_items_in_thai(
    response_set_a: Any, people: Any, monkeypatch: Any, mailoutbox: Any
) -> None:
    check = _weekly_pair(monkeypatch, response_set_a, BEFORE, AFTER)
    sent = monitor.notify_regressions(check.pk)
    assert len(sent) == len(mailoutbox) == 3
    mails = _mails_by_address(mailoutbox)
    assert set(mails) == {"editor_a@example.test", "resp_a@example.test", "coord_a@example.test"}
    editor, responsible, coordinator = (
        mails["editor_a@example.test"],
        mails["resp_a@example.test"],
        mails["coord_a@example.test"],
    )
    assert "O1 โครงสร้าง: พบ → ไม่พบ" in editor.body and "O7" not in editor.body
    assert "O7 ข่าวประชาสัมพันธ์: พบบางส่วน → ไม่เป็นปัจจุบัน" in responsible.body
    assert "O28" in coordinator.body and "O1 " not in coordinator.body
    assert "O31" not in coordinator.body
    assert editor.subject.startswith("OpenITA: ข้อมูล OIT บนเว็บไซต์")
    assert "เรียน editor_a" in editor.body and "ไม่ใช่คะแนน" in editor.body
    entry = AuditEntry.objects.get(action="sitecheck.regressions_notified")
    assert entry.data["items"] == ["O1", "O28", "O7"]
    assert sorted(entry.data["recipients"]) == ["coord_a", "editor_a", "resp_a"]


def test_it_never_sends_the_same_mail_twice(
    response_set_a: Any, people: Any, monkeypatch: Any, mailoutbox: Any
) -> None:
    check = _weekly_pair(monkeypatch, response_set_a, BEFORE, AFTER)
    assert notify_task.call(check.pk) == 3
    assert notify_task.call(check.pk) == 0
    assert monitor.notify_regressions(check.pk) == []
    assert len(mailoutbox) == 3 and RegressionNotice.objects.count() == 3
    assert AuditEntry.objects.filter(action="sitecheck.regressions_notified").count() == 1


def test_it_tries_a_failed_mail_again_next_time(
    response_set_a: Any, people: Any, monkeypatch: Any, mailoutbox: Any
) -> None:
    check = _weekly_pair(monkeypatch, response_set_a, BEFORE, AFTER)

    def broken_smtp(*args: Any, **kwargs: Any) -> int:
        raise OSError("connection refused")

    monkeypatch.setattr(core_mail, "send_mail", broken_smtp)
    assert monitor.notify_regressions(check.pk) == []
    assert not RegressionNotice.objects.exists()
    assert not AuditEntry.objects.filter(action="sitecheck.regressions_notified").exists()
    monkeypatch.undo()
    assert len(monitor.notify_regressions(check.pk)) == 3


def test_it_does_not_mail_after_a_check_asked_for_by_hand(
    response_set_a: Any, people: Any, monkeypatch: Any, mailoutbox: Any
) -> None:
    agency, framework = response_set_a.agency, response_set_a.framework
    finished_check(monkeypatch, agency, framework, site_report(BEFORE))
    manual = finished_check(monkeypatch, agency, framework, site_report(AFTER))
    assert monitor.notify_regressions(manual.pk) == []
    assert mailoutbox == []


def test_it_mails_when_the_weekly_check_finishes_in_the_background(
    response_set_a: Any, people: Any, monkeypatch: Any, mailoutbox: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:  # fmt: skip
    agency, framework = response_set_a.agency, response_set_a.framework
    previous = finished_check(monkeypatch, agency, framework, site_report(BEFORE))
    SiteCheck.objects.filter(pk=previous.pk).update(
        created_at=timezone.now() - dt.timedelta(days=8)
    )
    fake_crawler(monkeypatch, site_report(AFTER))
    with django_capture_on_commit_callbacks(execute=True):
        assert len(monitor.weekly_recheck()) == 1
    assert len(mailoutbox) == 3


def test_it_skips_people_without_an_address_or_no_longer_active(
    response_set_a: Any, people: Any, monkeypatch: Any, mailoutbox: Any
) -> None:
    people["editor"].email = ""
    people["editor"].save()
    people["responsible"].is_active = False
    people["responsible"].save()
    check = _weekly_pair(monkeypatch, response_set_a, BEFORE, AFTER)
    monitor.notify_regressions(check.pk)
    mails = _mails_by_address(mailoutbox)
    assert set(mails) == {"coord_a@example.test"}  # the coordinator stands in for both
    assert all(code in mails["coord_a@example.test"].body for code in ("O1", "O7", "O28"))


# --- the command -------------------------------------------------------------------------------


def test_the_command_queues_due_sites_and_has_a_dry_run(response_set_a: Any) -> None:
    give_website(response_set_a.agency)
    out = StringIO()
    call_command("sitecheck_monitor", "--dry-run", stdout=out)
    assert "due: จังหวัดทดสอบเอ · mini-2566" in out.getvalue()
    assert not SiteCheck.objects.exists()
    out = StringIO()
    call_command("sitecheck_monitor", stdout=out)
    assert "1 pre-check(s) queued" in out.getvalue()
    assert SiteCheck.objects.get().trigger == "weekly"


def test_the_periodic_task_queues_due_sites_like_the_command(response_set_a: Any) -> None:
    give_website(response_set_a.agency)
    assert weekly_recheck_task.enqueue().return_value == 1
    assert weekly_recheck_task.enqueue().return_value == 0  # queued already
    assert SiteCheck.objects.get().trigger == "weekly"
