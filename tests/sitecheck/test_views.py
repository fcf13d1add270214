"""The pre-check in the workspace and the review: who sees what, the progress panel, the hints.

The UI is Thai by default, so the tests read Thai labels, item codes, URLs and status codes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

import openita
from openita.disclosure import services as disclosure
from openita.review.services import start_review
from openita.sitecheck.models import SiteCheck
from openita.sitecheck.report import Evidence
from openita.sitecheck.services import run_check
from tests.conftest import login
from tests.disclosure.helpers import approve_all
from tests.sitecheck.app_helpers import (
    SITE,
    fake_crawler,
    finished_check,
    give_website,
    item_result,
    site_report,
)

BUTTON = "ตรวจเว็บไซต์ของฉันตอนนี้"
HINT = "ผลตรวจล่วงหน้าโดยระบบ — ใช้ประกอบเท่านั้น ไม่ใช่คะแนน"
NOT_IN_LINKS = "พบบนเว็บไซต์ของคุณ แต่ไม่อยู่ในลิงก์ที่ให้ไว้"
VERDICTS = {"O1": "found", "O7": "outdated", "O31": "partial", "O28": "missing"}


def _set_url(rs: Any, tail: str = "") -> str:
    return f"/oit/{rs.uuid}/{tail}"


def _sc_url(rs: Any, tail: str) -> str:
    return f"/sitecheck/sets/{rs.uuid}/{tail}"


def _item(rs: Any, code: str) -> Any:
    return rs.responses.select_related("item").get(item__code=code)


def _item_url(rs: Any, code: str) -> str:
    return _set_url(rs, f"items/{_item(rs, code).uuid}/")


def _checked(monkeypatch: Any, rs: Any, verdicts: dict[str, str] = VERDICTS) -> Any:
    return finished_check(monkeypatch, rs.agency, rs.framework, site_report(verdicts))


def _text(response: Any) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# --- starting a check and following it ------------------------------------------------------------


def test_it_shows_coordinators_the_button_and_nobody_else(
    response_set_a: Any, coordinator: Any, unit_editor: Any, assessor: Any
) -> None:
    give_website(response_set_a.agency)
    page = _text(login(coordinator).get(_set_url(response_set_a)))
    assert BUTTON in page and "ตรวจเว็บไซต์ล่วงหน้า" in page
    assert BUTTON not in _text(login(assessor).get(_set_url(response_set_a)))
    editor_page = _text(login(unit_editor).get(_set_url(response_set_a)))
    assert BUTTON not in editor_page and 'id="sitecheck"' not in editor_page


def test_it_starts_a_check_and_polls_its_progress_with_htmx(
    response_set_a: Any, coordinator: Any, monkeypatch: Any
) -> None:
    give_website(response_set_a.agency)
    client = login(coordinator)
    panel = _text(client.post(_sc_url(response_set_a, "start/"), headers={"HX-Request": "true"}))
    check = SiteCheck.objects.get()
    assert check.status == "queued" and check.requested_by == coordinator
    assert 'hx-trigger="every 2s"' in panel and _sc_url(response_set_a, "panel/") in panel
    assert "รอคิวตรวจ" in panel and BUTTON not in panel
    SiteCheck.objects.filter(pk=check.pk).update(status="running", pages_done=42)
    polled = client.get(_sc_url(response_set_a, "panel/"), headers={"HX-Request": "true"})
    running = _text(polled)
    assert "HX-Refresh" not in polled.headers
    assert "กำลังอ่านเว็บไซต์: 42 จากไม่เกิน 600 หน้า" in running
    assert '<progress max="600" value="42">' in running
    SiteCheck.objects.filter(pk=check.pk).update(status="queued")
    fake_crawler(monkeypatch, site_report(VERDICTS))
    run_check(check.pk)
    last_poll = client.get(_sc_url(response_set_a, "panel/"), headers={"HX-Request": "true"})
    assert last_poll.headers["HX-Refresh"] == "true"  # the item list shows the verdicts too
    done = _text(client.get(_sc_url(response_set_a, "panel/")))
    assert "hx-trigger" not in done and BUTTON in done
    assert f"/sitecheck/checks/{check.uuid}/" in done
    assert f"/sitecheck/checks/{check.uuid}/report.json" in done
    for verdict in VERDICTS.values():
        assert f'data-verdict="{verdict}"><strong>1</strong>' in done


def test_it_starts_a_check_from_a_plain_form_and_says_so(
    response_set_a: Any, coordinator: Any
) -> None:
    give_website(response_set_a.agency)
    client = login(coordinator)
    response = client.post(_sc_url(response_set_a, "start/"))
    assert response.status_code == 302 and response["Location"] == _set_url(response_set_a)
    assert "เริ่มตรวจเว็บไซต์ของคุณแล้ว" in _text(client.get(_set_url(response_set_a)))
    again = client.post(_sc_url(response_set_a, "start/"), follow=True)
    assert "มีการตรวจเว็บไซต์นี้อยู่ในคิว" in _text(again)
    assert SiteCheck.objects.count() == 1


def test_it_explains_in_thai_why_a_site_without_an_address_cannot_be_checked(
    response_set_a: Any, coordinator: Any
) -> None:
    client = login(coordinator)
    assert BUTTON not in _text(client.get(_set_url(response_set_a)))
    panel = _text(client.post(_sc_url(response_set_a, "start/"), headers={"HX-Request": "true"}))
    assert "ยังไม่มีที่อยู่เว็บไซต์ในระบบ" in panel
    assert not SiteCheck.objects.exists()


def test_it_answers_404_to_those_who_may_not_start_or_watch_a_check(
    response_set_a: Any, response_set_b: Any, unit_editor: Any, assessor: Any,
    coordinator: Any, outsider: Any,
) -> None:  # fmt: skip
    give_website(response_set_a.agency)
    for user in (unit_editor, assessor, outsider):
        assert login(user).post(_sc_url(response_set_a, "start/")).status_code == 404
    for user in (unit_editor, outsider):
        assert login(user).get(_sc_url(response_set_a, "panel/")).status_code == 404
    assert login(assessor).get(_sc_url(response_set_a, "panel/")).status_code == 200
    client = login(coordinator)
    assert client.post(_sc_url(response_set_b, "start/")).status_code == 404
    assert client.get(_sc_url(response_set_a, "start/")).status_code == 405
    assert not SiteCheck.objects.exists()


# --- the report --------------------------------------------------------------------------------


def test_it_serves_the_full_report_and_its_json(
    response_set_a: Any, coordinator: Any, monkeypatch: Any
) -> None:
    check = _checked(monkeypatch, response_set_a)
    client = login(coordinator)
    page = client.get(f"/sitecheck/checks/{check.uuid}/")
    assert HINT in _text(page) and "ไม่เป็นปัจจุบัน" in _text(page)
    assert "script-src" not in page["Content-Security-Policy"]
    assert page["Content-Security-Policy"].startswith("default-src 'none'")
    download = client.get(f"/sitecheck/checks/{check.uuid}/report.json")
    assert download.status_code == 200 and download["Content-Type"] == "application/json"
    assert download["Content-Disposition"].startswith('attachment; filename="sitecheck-2566-')
    assert json.loads(download.content) == check.report
    assert "โครงสร้าง" in download.content.decode()  # Thai kept as it is, not \\u-escaped


def test_it_hides_whole_site_reports_from_unit_editors_and_unfinished_checks(
    response_set_a: Any, coordinator: Any, unit_editor: Any, monkeypatch: Any
) -> None:
    check = _checked(monkeypatch, response_set_a)
    for tail in ("", "report.json"):
        assert login(unit_editor).get(f"/sitecheck/checks/{check.uuid}/{tail}").status_code == 404
    queued = SiteCheck.objects.create(
        agency=response_set_a.agency, framework=response_set_a.framework, start_url=SITE
    )
    for tail in ("", "report.json"):
        assert login(coordinator).get(f"/sitecheck/checks/{queued.uuid}/{tail}").status_code == 404


# --- the item list and the item page -----------------------------------------------------------


def test_it_shows_each_items_verdict_in_the_list(
    response_set_a: Any, coordinator: Any, unit_editor: Any, monkeypatch: Any
) -> None:
    _checked(monkeypatch, response_set_a)
    page = _text(login(coordinator).get(_set_url(response_set_a)))
    for verdict in VERDICTS.values():
        assert f'data-verdict="{verdict}">' in page
    # The unit editor's list holds their unit's item (O1) only, with its verdict.
    editor_page = _text(login(unit_editor).get(_set_url(response_set_a)))
    assert 'data-verdict="found">พบ</span>' in editor_page
    assert 'data-verdict="missing"' not in editor_page


def test_it_shows_the_finding_beside_the_items_own_links(
    response_set_a: Any, coordinator: Any, monkeypatch: Any
) -> None:
    o1 = _item(response_set_a, "O1")
    result = item_result(
        "O1",
        "partial",
        evidence=[
            Evidence(url="http://example.go.th/ita/o1/", quote="แผนผังโครงสร้าง <b>2566</b>"),
            Evidence(
                url=f"{SITE}/about/structure.pdf", quote="โครงสร้างกอง", path=["หน้าแรก", "ITA"]
            ),
            Evidence(url="javascript:alert(1)", quote=""),
        ],
        elements_found=["แสดงแผนผังโครงสร้าง"],
        elements_missing=["แสดงตำแหน่งที่สำคัญ"],
        years=[2566, 2565],
    )
    report = site_report({})
    report.items = [result]
    disclosure.add_link(o1, by=coordinator, url=f"{SITE}/ita/o1")  # same page as the first
    finished_check(monkeypatch, response_set_a.agency, response_set_a.framework, report)
    page = _text(login(coordinator).get(_set_url(response_set_a, f"items/{o1.uuid}/")))
    assert HINT in page and "พบบางส่วน" in page
    assert "แผนผังโครงสร้าง &lt;b&gt;2566&lt;/b&gt;" in page
    assert page.count(NOT_IN_LINKS) == 2  # the PDF and the javascript: one, not the listed page
    assert 'data-in-links="yes"' in page
    assert "หน้าแรก › ITA" in page and "2566, 2565" in page
    assert "แสดงตำแหน่งที่สำคัญ" in page and "องค์ประกอบที่ไม่พบ" in page
    assert 'href="javascript:' not in page


def test_it_shows_unit_editors_the_finding_of_their_items(
    response_set_a: Any, unit_editor: Any, monkeypatch: Any
) -> None:
    _checked(monkeypatch, response_set_a)
    client = login(unit_editor)
    page = _text(client.get(_item_url(response_set_a, "O1")))
    assert 'id="precheck" data-verdict="found"' in page
    o28 = _item(response_set_a, "O28")
    assert client.get(_set_url(response_set_a, f"items/{o28.uuid}/")).status_code == 404


def test_it_shows_no_finding_before_any_check(response_set_a: Any, coordinator: Any) -> None:
    page = _text(login(coordinator).get(_item_url(response_set_a, "O1")))
    assert 'id="precheck"' not in page


def _list_queries(client: Any, url: str) -> int:
    client.get(url)  # warm the session and the content types
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_it_lists_verdicts_in_a_fixed_number_of_queries(
    response_set_a: Any, coordinator: Any, monkeypatch: Any
) -> None:
    agency, framework = response_set_a.agency, response_set_a.framework
    finished_check(monkeypatch, agency, framework, site_report({"O1": "found"}))
    client = login(coordinator)
    few = _list_queries(client, _set_url(response_set_a))
    big = site_report(VERDICTS)
    for item in big.items:
        item.evidence = [Evidence(url=f"{SITE}/{item.code}/{n}", quote="ข่าว") for n in range(30)]
    finished_check(monkeypatch, agency, framework, big)
    assert _list_queries(client, _set_url(response_set_a)) == few


def test_it_shows_the_panel_on_the_coordinator_dashboard(
    response_set_a: Any, coordinator: Any, monkeypatch: Any
) -> None:
    _checked(monkeypatch, response_set_a)
    page = _text(login(coordinator).get(_set_url(response_set_a, "dashboard/")))
    assert 'id="sitecheck"' in page and "รายงานฉบับเต็ม" in page and BUTTON in page


# --- the review page -----------------------------------------------------------------------------


def test_it_gives_the_assessor_each_items_verdict_as_a_hint(
    response_set_a: Any, coordinator: Any, assessor: Any, monkeypatch: Any
) -> None:
    _checked(monkeypatch, response_set_a)
    approve_all(response_set_a, coordinator)
    submitted = disclosure.submit(response_set_a, by=coordinator)
    review = start_review(submitted, assessor=assessor, by=None)
    client = login(assessor)
    page = _text(client.get(f"/review/{review.uuid}/"))
    assert page.count(HINT) == 4
    for verdict in VERDICTS.values():
        assert f'class="msg precheck-hint" data-verdict="{verdict}"' in page
    with CaptureQueriesContext(connection) as queries:
        client.get(f"/review/{review.uuid}/")
    assert sum("sitecheck_sitecheck" in q["sql"] for q in queries.captured_queries) == 1


def test_it_keeps_the_pre_check_out_of_scoring() -> None:
    """Verdicts, estimates and results never read the pre-check: it is a hint only."""
    root = Path(openita.__file__).parent
    scoring = [
        *root.joinpath("scoring").rglob("*.py"),
        *root.joinpath("reports").rglob("*.py"),
        root / "review" / "services.py",
        root / "review" / "results.py",
        root / "review" / "report.py",
        root / "review" / "overview.py",
        root / "disclosure" / "estimate.py",
        root / "disclosure" / "dashboard.py",
    ]
    assert len(scoring) > 8
    for path in scoring:
        assert "sitecheck" not in path.read_text(encoding="utf-8"), path
