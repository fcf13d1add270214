"""The standalone HTML page of a pre-check report (the workspace and the command line)."""

from __future__ import annotations

import re

from django.utils import translation

from openita.sitecheck.labels import VERDICT_CSS
from openita.sitecheck.render import render_html
from openita.sitecheck.report import VERDICTS, Evidence, from_json, to_json
from tests.sitecheck.app_helpers import SITE, item_result, site_report

EVERY_VERDICT = {"O1": "found", "O7": "outdated", "O31": "partial", "O28": "missing"}
THAI_LABELS = {
    "found": "พบ",
    "partial": "พบบางส่วน",
    "outdated": "ไม่เป็นปัจจุบัน",
    "broken": "ลิงก์เสีย",
    "missing": "ไม่พบ",
}


def _report(**extra):  # type: ignore[no-untyped-def]
    report = site_report(EVERY_VERDICT, index_page=f"{SITE}/ita", **extra)
    report.items.append(item_result("O1", "broken", evidence=[Evidence(url=f"{SITE}/gone")]))
    return report


def test_it_is_a_whole_page_in_thai_by_default() -> None:
    html = render_html(_report())
    assert html.lstrip().startswith("<!doctype html>") and 'lang="th"' in html
    assert "ผลตรวจล่วงหน้าโดยระบบ — ใช้ประกอบเท่านั้น ไม่ใช่คะแนน" in html
    assert "ผลรายข้อ" in html and "จำนวนหน้าที่อ่าน" in html
    assert "<style>" in html and "<script" not in html and 'rel="stylesheet"' not in html


def test_it_shows_every_verdict_with_its_count_and_label() -> None:
    html = render_html(_report())
    counts = dict(re.findall(r'<tr data-verdict="(\w+)">.*?<td>(\d+)</td>', html))
    assert counts == {"found": "1", "partial": "1", "outdated": "1", "broken": "1", "missing": "1"}
    sections = re.findall(r'<section class="item" id="item-\w+" data-verdict="(\w+)">', html)
    assert sorted(sections) == sorted(VERDICTS)
    for verdict in VERDICTS:
        assert f'<span class="badge {VERDICT_CSS[verdict]}">{THAI_LABELS[verdict]}</span>' in html


def test_it_renders_in_english_when_asked() -> None:
    html = render_html(_report(), language="en")
    assert 'lang="en"' in html and "for reference only, not a score" in html
    assert "Partly found" in html and "Outdated" in html
    with translation.override("en"):
        assert 'lang="en"' in render_html(_report())


def test_it_shows_the_evidence_elements_years_and_reasons() -> None:
    report = site_report({})
    report.items = [
        item_result(
            "O1",
            "partial",
            evidence=[
                Evidence(url=f"{SITE}/ita/o1", quote="แผนผังโครงสร้าง", path=["หน้าแรก", "ITA"])
            ],
            elements_found=["แสดงแผนผังโครงสร้าง"],
            elements_missing=["แสดงตำแหน่งที่สำคัญ"],
            years=[2566],
            reasons=["index page links O1 to /ita/o1"],
        )
    ]
    report.problems = [f"{SITE}/broken: broken — HTTP 404"]
    html = render_html(report)
    expected = ["แผนผังโครงสร้าง", "หน้าแรก › ITA", "แสดงตำแหน่งที่สำคัญ", "2566", "HTTP 404"]
    expected += ["index page links O1 to /ita/o1", f'href="{SITE}/ita/o1"']
    for text in expected:
        assert text in html, text


def test_it_escapes_what_the_site_said_and_links_only_web_addresses() -> None:
    report = site_report({})
    report.site = "https://evil.example/<x>"
    report.items = [
        item_result(
            "O1",
            "found",
            evidence=[
                Evidence(url="javascript:alert(1)", quote="<script>alert('q')</script>"),
                Evidence(url='https://ok.example/"onmouseover="x', title="<b>t</b>"),
            ],
            reasons=["<img src=x onerror=alert(1)>"],
        )
    ]
    report.items[0].title = "<script>alert('title')</script>"
    html = render_html(report)
    assert "<script>" not in html and "<img" not in html and "<b>t</b>" not in html
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html and "javascript:alert(1)" in html
    assert 'onmouseover="x' not in html
    assert "https://evil.example/&lt;x&gt;" in html


def test_it_renders_a_report_read_back_from_json() -> None:
    report = _report(stopped_by="max_pages", problems=["robots.txt refused /admin"])
    assert render_html(from_json(to_json(report))) == render_html(report)
    assert "max_pages" in render_html(report)
