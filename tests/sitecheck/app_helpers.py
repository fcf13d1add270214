"""Helpers of the pre-check app tests: a site report for the mini framework, a finished check.

The crawler is replaced by a function returning a ready SiteReport, so these tests need no
network and no crawler; test_models_services.py runs the real one once, on a local site.
"""

from __future__ import annotations

from typing import Any

from openita.agencies import services as agencies
from openita.sitecheck import services
from openita.sitecheck.report import Evidence, ItemResult, SiteReport

SITE = "https://www.example.go.th"
TITLES = {
    "O1": "โครงสร้าง",
    "O7": "ข่าวประชาสัมพันธ์",
    "O31": "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
    "O28": "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
}


def item_result(code: str, verdict: str, **extra: Any) -> ItemResult:
    evidence = extra.pop("evidence", None)
    if evidence is None:
        evidence = [Evidence(url=f"{SITE}/ita/{code.lower()}", quote=f"{TITLES[code]} ปี 2566")]
    return ItemResult(
        code=code,
        title=TITLES[code],
        verdict=verdict,
        confidence=0.8,
        evidence=evidence if verdict != "missing" else [],
        **extra,
    )


def site_report(verdicts: dict[str, str], **extra: Any) -> SiteReport:
    """A report on the mini framework (FY2566) with one verdict per item code given."""
    return SiteReport(
        site=SITE,
        framework="mini-2566",
        fiscal_year=2566,
        pages_fetched=12,
        documents_read=2,
        duration_s=3.5,
        items=[item_result(code, verdict) for code, verdict in verdicts.items()],
        **extra,
    )


def give_website(agency: Any, url: str = SITE) -> Any:
    return agencies.update_agency(agency, by=None, website=url)


def fake_crawler(monkeypatch: Any, report: SiteReport | Exception) -> list[dict[str, Any]]:
    """Replace the crawler; returns the list of calls it receives (url, options)."""
    calls: list[dict[str, Any]] = []

    def check_site(url: str, framework: Any, **options: Any) -> SiteReport:
        calls.append({"url": url, "framework": framework, **options})
        if isinstance(report, Exception):
            raise report
        return report

    monkeypatch.setattr(services, "check_site", check_site)
    return calls


def finished_check(
    monkeypatch: Any, agency: Any, framework: Any, report: SiteReport, **options: Any
) -> Any:
    """A check requested and run to the end with ``report`` as the crawler's answer."""
    if not agency.website:
        give_website(agency)
    fake_crawler(monkeypatch, report)
    check = services.request_check(agency, framework, by=options.pop("by", None), **options)
    services.run_check(check.pk)
    check.refresh_from_db()
    return check
