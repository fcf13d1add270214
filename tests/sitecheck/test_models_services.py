"""The pre-check services: asking for a check, running it, keeping its pages and report.

The crawler is replaced by a function returning a SiteReport (see app_helpers.fake_crawler),
so no test here touches the network.
"""

from __future__ import annotations

import datetime as dt
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest
from django.utils import timezone, translation

from openita.audit.models import AuditEntry
from openita.disclosure import services as disclosure
from openita.sitecheck import services
from openita.sitecheck.crawl.types import Link, StoredPage
from openita.sitecheck.errors import AlreadyRunning, NotAllowed, NoWebsite
from openita.sitecheck.models import SiteCheck, SitePage
from openita.sitecheck.pages import TEXT_LIMIT, DatabaseStore, page_row
from openita.sitecheck.report import SiteReport, to_json
from openita.sitecheck.tasks import run_sitecheck
from tests.sitecheck.app_helpers import (
    SITE,
    fake_crawler,
    finished_check,
    give_website,
    site_report,
)
from tests.support import local_server

ALL_FOUND = {"O1": "found", "O7": "found", "O31": "partial", "O28": "missing"}


def _actions(check: SiteCheck) -> list[str]:
    entries = AuditEntry.objects.filter(object_type="sitecheck.sitecheck", object_id=str(check.pk))
    return list(entries.order_by("pk").values_list("action", flat=True))


def _page(n: int, **extra: Any) -> StoredPage:
    return StoredPage(url=f"{SITE}/p{n}", final_url=f"{SITE}/p{n}", depth=1, **extra)


# --- asking for a check -----------------------------------------------------------------------


def test_it_refuses_a_check_of_an_agency_without_a_website_in_thai(
    agency_a: Any, mini: Any, coordinator: Any
) -> None:
    with pytest.raises(NoWebsite) as refused, translation.override("th"):
        services.request_check(agency_a, mini, by=coordinator)
    with translation.override("th"):
        assert "เว็บไซต์" in str(refused.value.message)
    assert not SiteCheck.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="sitecheck.").exists()


def test_it_queues_a_check_audits_it_and_enqueues_the_task_on_commit(
    agency_a: Any, mini: Any, coordinator: Any, django_capture_on_commit_callbacks: Any
) -> None:
    give_website(agency_a)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        check = services.request_check(agency_a, mini, by=coordinator)
    assert len(callbacks) == 1
    assert (check.status, check.trigger, check.start_url) == ("queued", "manual", SITE)
    assert check.page_limit == 600 and check.requested_by == coordinator
    entry = AuditEntry.objects.get(action="sitecheck.requested")
    assert entry.actor == coordinator and entry.agency == agency_a
    assert entry.after == {"url": SITE, "framework": "mini-2566", "trigger": "manual"}


def test_it_refuses_a_second_check_while_one_is_queued_or_running(
    agency_a: Any, mini: Any, coordinator: Any
) -> None:
    give_website(agency_a)
    first = services.request_check(agency_a, mini, by=coordinator)
    with pytest.raises(AlreadyRunning):
        services.request_check(agency_a, mini, by=coordinator)
    SiteCheck.objects.filter(pk=first.pk).update(status="running")
    with pytest.raises(AlreadyRunning):
        services.request_check(agency_a, mini, by=None, trigger="weekly")
    assert SiteCheck.objects.count() == 1
    assert _actions(first) == ["sitecheck.requested"]


def test_it_lets_only_coordinators_ask_for_a_check(
    agency_a: Any, mini: Any, unit_editor: Any, assessor: Any, coordinator_b: Any
) -> None:
    give_website(agency_a)
    for user in (unit_editor, assessor, coordinator_b):
        with pytest.raises(NotAllowed):
            services.request_check(agency_a, mini, by=user)
    assert not SiteCheck.objects.exists()


def test_it_fails_a_check_left_running_by_a_dead_worker_and_starts_a_new_one(
    agency_a: Any, mini: Any, coordinator: Any
) -> None:
    give_website(agency_a)
    stuck = services.request_check(agency_a, mini, by=coordinator)
    long_ago = timezone.now() - dt.timedelta(hours=7)
    SiteCheck.objects.filter(pk=stuck.pk).update(status="running", created_at=long_ago)
    fresh = services.request_check(agency_a, mini, by=coordinator)
    stuck.refresh_from_db()
    assert stuck.status == "failed" and "interrupted" in stuck.error
    assert fresh.status == "queued"
    assert _actions(stuck) == ["sitecheck.requested", "sitecheck.failed"]


# --- running it -------------------------------------------------------------------------------


def test_it_runs_a_check_to_done_with_its_pages_report_and_audit(
    agency_a: Any, mini: Any, coordinator: Any, monkeypatch: Any
) -> None:
    give_website(agency_a)
    report = site_report(ALL_FOUND)
    seen: dict[str, Any] = {}

    def crawler(url: str, framework: Any, *, settings: Any, store: Any, progress: Any, **kw: Any):
        seen.update(url=url, framework=framework, settings=settings, extra=kw.get("extra_urls"))
        for n in range(250):  # more than two batches of the database store
            store.add(_page(n, title=f"หน้า {n}", links=[Link(f"{SITE}/p{n + 1}", "ถัดไป")]))
            progress(n + 1, settings.max_pages)
        return report

    monkeypatch.setattr(services, "check_site", crawler)
    o1 = disclosure.start_response_set(agency_a, mini, by=None).responses.get(item__code="O1")
    disclosure.add_link(o1, by=coordinator, url=f"{SITE}/ita/o1")
    check = services.request_check(agency_a, mini, by=coordinator)
    assert services.run_check(check.pk) is not None
    check.refresh_from_db()
    assert check.status == "done" and check.finished_at and check.started_at
    assert check.report == to_json(report)
    assert check.counts == {"found": 2, "partial": 1, "outdated": 0, "broken": 0, "missing": 1}
    assert check.pages_done == report.pages_fetched
    assert SitePage.objects.filter(site_check=check).count() == 250
    assert SitePage.objects.get(site_check=check, url=f"{SITE}/p3").links == [
        {"url": f"{SITE}/p4", "text": "ถัดไป"}
    ]
    assert seen["framework"].id == "mini-2566" and seen["url"] == SITE
    assert (seen["settings"].max_pages, seen["settings"].allow_private) == (600, True)
    assert seen["settings"].timeout_s == 5.0
    assert seen["extra"] == [f"{SITE}/ita/o1"]  # the agency's own links are read too
    assert _actions(check) == ["sitecheck.requested", "sitecheck.started", "sitecheck.done"]


def test_it_runs_the_task_once_the_request_commits(
    agency_a: Any, mini: Any, coordinator: Any, monkeypatch: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:  # fmt: skip
    give_website(agency_a)
    calls = fake_crawler(monkeypatch, site_report(ALL_FOUND))
    with django_capture_on_commit_callbacks(execute=True):
        check = services.request_check(agency_a, mini, by=coordinator)
    check.refresh_from_db()
    assert check.status == "done" and len(calls) == 1


def test_it_runs_a_check_only_once_whatever_the_number_of_tasks(
    agency_a: Any, mini: Any, coordinator: Any, monkeypatch: Any
) -> None:
    give_website(agency_a)
    calls = fake_crawler(monkeypatch, site_report(ALL_FOUND))
    check = services.request_check(agency_a, mini, by=coordinator)
    assert run_sitecheck.call(check.pk) == "done"
    assert run_sitecheck.call(check.pk) == "skipped"
    assert services.run_check(check.pk) is None
    assert services.run_check(999_999) is None
    assert len(calls) == 1
    assert _actions(check).count("sitecheck.done") == 1


def test_it_marks_a_crashed_check_failed_and_keeps_the_last_good_report(
    agency_a: Any, mini: Any, coordinator: Any, monkeypatch: Any
) -> None:
    good = finished_check(monkeypatch, agency_a, mini, site_report(ALL_FOUND))

    def crawler(url: str, framework: Any, *, store: Any, **kw: Any) -> SiteReport:
        store.add(_page(1))
        raise RuntimeError("the site answered nonsense")

    monkeypatch.setattr(services, "check_site", crawler)
    check = services.request_check(agency_a, mini, by=coordinator)
    assert run_sitecheck.call(check.pk) == "failed"
    check.refresh_from_db()
    assert check.status == "failed" and check.error == "the site answered nonsense"
    assert check.report is None and check.finished_at is not None
    assert SitePage.objects.filter(site_check=check).count() == 1  # what was reached is kept
    assert services.latest_done(agency_a, mini) == good
    assert services.latest_report(agency_a, mini) == site_report(ALL_FOUND)
    assert services.latest_check(agency_a, mini) == check
    assert _actions(check) == ["sitecheck.requested", "sitecheck.started", "sitecheck.failed"]


def test_it_fails_a_check_whose_report_has_an_unknown_verdict(
    agency_a: Any, mini: Any, monkeypatch: Any
) -> None:
    check = finished_check(monkeypatch, agency_a, mini, site_report({"O1": "excellent"}))
    assert check.status == "failed" and check.report is None
    assert services.latest_report(agency_a, mini) is None


def test_it_writes_progress_at_most_once_a_second(
    agency_a: Any, mini: Any, coordinator: Any
) -> None:
    give_website(agency_a)
    check = services.request_check(agency_a, mini, by=coordinator)
    SiteCheck.objects.filter(pk=check.pk).update(status="running")
    now = [100.0]
    progress = services.ProgressRecorder(check.pk, clock=lambda: now[0])

    def done_after(pages: int, seconds: float) -> int:
        now[0] += seconds
        progress(pages, 50)
        return SiteCheck.objects.get(pk=check.pk).pages_done

    assert done_after(1, 0) == 1
    assert done_after(5, 0.4) == 1  # too soon: not written
    assert done_after(9, 0.7) == 9
    assert SiteCheck.objects.get(pk=check.pk).page_limit == 50
    SiteCheck.objects.filter(pk=check.pk).update(status="done")
    assert done_after(20, 5) == 9  # a finished check is not moved back


def test_it_takes_the_crawl_limits_from_the_settings(settings: Any) -> None:
    settings.OPENITA_SITECHECK_MAX_PAGES = 40
    settings.OPENITA_FETCH_ALLOW_PRIVATE = False
    settings.OPENITA_FETCH_TIMEOUT = 9
    crawl = services.crawl_settings()
    assert (crawl.max_pages, crawl.allow_private, crawl.timeout_s) == (40, False, 9.0)
    assert services.crawl_settings(7).max_pages == 7


# --- pages --------------------------------------------------------------------------------------


def test_it_bounds_page_text_and_drops_nul_characters() -> None:
    page = _page(
        1, title="ก\x00ข", text="ข้อมูล" * 10_000, status=0, links=[Link("x\x00y", "z")] * 500
    )
    row = page_row(1, page)
    assert row.title == "กข" and len(row.text) == TEXT_LIMIT
    assert row.status is None and len(row.links) == 300
    assert row.links[0] == {"url": "xy", "text": "z"}


def test_it_stores_pages_in_batches(
    agency_a: Any, mini: Any, coordinator: Any, django_assert_num_queries: Any
) -> None:
    give_website(agency_a)
    check = services.request_check(agency_a, mini, by=coordinator)
    store = DatabaseStore(check.pk, batch=10)
    with django_assert_num_queries(3):
        for n in range(25):
            store.add(_page(n))
        store.flush()
    assert store.written == 25 and SitePage.objects.count() == 25


# --- reading results ----------------------------------------------------------------------------


def test_it_gives_the_latest_finished_report_by_item(
    agency_a: Any, mini: Any, monkeypatch: Any
) -> None:
    older = finished_check(monkeypatch, agency_a, mini, site_report({"O1": "missing"}))
    newer = finished_check(monkeypatch, agency_a, mini, site_report(ALL_FOUND))
    assert services.latest_done(agency_a, mini) == newer
    assert services.latest_done(agency_a, mini, before=newer) == older
    found = services.findings_by_item(services.latest_report(agency_a, mini))
    assert {code: r.verdict for code, r in found.items()} == ALL_FOUND
    assert services.findings_by_item(None) == {}


def test_it_keeps_each_agencys_results_apart(
    agency_a: Any, agency_b: Any, mini: Any, monkeypatch: Any
) -> None:
    finished_check(monkeypatch, agency_b, mini, site_report(ALL_FOUND))
    assert services.latest_report(agency_a, mini) is None
    assert services.latest_check(agency_a, mini) is None


# --- end to end: the real crawler on a tiny local site -------------------------------------------

SMALL_SITE = {
    "/": '<html><body><h1>เทศบาลทดสอบ</h1><a href="/ita">ITA</a></body></html>',
    "/ita": (
        "<html><body><h1>การเปิดเผยข้อมูลสาธารณะ (OIT) ปี 2566</h1><table>"
        '<tr><td>O1 โครงสร้าง</td><td><a href="/structure">แผนผังโครงสร้าง</a></td></tr>'
        '<tr><td>O7 ข่าวประชาสัมพันธ์</td><td><a href="/news">ข่าว</a></td></tr>'
        "</table></body></html>"
    ),
    "/structure": (
        "<html><body><h1>โครงสร้างหน่วยงาน</h1><p>แผนผังโครงสร้างการแบ่งส่วนราชการของหน่วยงาน "
        "ประจำปีงบประมาณ พ.ศ. 2566: สำนักปลัด กองคลัง กองช่าง</p></body></html>"
    ),
    "/news": "<html><body><h1>ข่าวประชาสัมพันธ์</h1><p>ข่าวเดือนมกราคม 2566</p></body></html>",
}


class _SmallSite(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        body = SMALL_SITE.get(self.path.split("?")[0])
        data = (body or "<html><body>ไม่พบหน้า</body></html>").encode()
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def test_it_checks_a_small_local_site_with_the_real_crawler(
    agency_a: Any, mini: Any, coordinator: Any
) -> None:
    with local_server(_SmallSite) as base:
        give_website(agency_a, f"{base}/")
        check = services.request_check(agency_a, mini, by=coordinator)
        services.run_check(check.pk)
    check.refresh_from_db()
    assert check.status == "done", check.error
    urls = set(SitePage.objects.filter(site_check=check).values_list("url", flat=True))
    assert {f"{base}/", f"{base}/ita", f"{base}/structure"} <= urls
    report = services.report_of(check)
    assert report is not None and report.pages_fetched >= 3
    verdicts = {item.code: item.verdict for item in report.items}
    assert set(verdicts) == {"O1", "O7", "O31", "O28"}
    assert verdicts["O1"] in ("found", "partial")
    assert sum(check.counts.values()) == 4
