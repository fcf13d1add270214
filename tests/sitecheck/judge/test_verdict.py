"""The item rules on hand-made crawl results (no server): one rule per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from openita.frameworks.schema import Framework, load_yaml
from openita.sitecheck.crawl.types import Channel, Link, StoredPage
from openita.sitecheck.index_page import IndexEntry, IndexLink
from openita.sitecheck.judge.site import SiteView
from openita.sitecheck.judge.verdict import accepted_years, judge_all
from openita.sitecheck.report import ItemResult

SITE = "https://www.example.go.th/"


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_yaml(Path("openita/frameworks/data/ita-2568.yaml"))


def page(path: str, *, depth: int = 1, parent: str = SITE, **fields: object) -> StoredPage:
    url = SITE + path.lstrip("/")
    return StoredPage(url=url, final_url=url, depth=depth, parent=parent if depth else "",
                      **fields)  # type: ignore[arg-type]  # fmt: skip


def home(*links: tuple[str, str], **fields: object) -> StoredPage:
    return page("", depth=0, title="หน้าแรก",
                links=[Link(SITE + p.lstrip("/"), t) for p, t in links], **fields)  # fmt: skip


def judge(fw: Framework, pages: list[StoredPage]) -> dict[str, ItemResult]:
    _url, results = judge_all(fw, SiteView(pages, SITE))
    return {r.code: r for r in results}


def test_it_takes_the_evidence_named_on_the_agencys_index_page(fw: Framework) -> None:
    index = page("ita", title="ITA ปีงบประมาณ พ.ศ. 2568", index=[
        IndexEntry("O1", "โครงสร้าง", [IndexLink(SITE + "org", "ลิงก์")]),
    ] + [IndexEntry(f"O{n}", "x", []) for n in range(2, 8)])  # fmt: skip
    org = page("org", depth=2, parent=SITE + "ita", via_text="ลิงก์", title="โครงสร้างองค์กร",
               text="แผนผังโครงสร้างองค์กร สำนักปลัด กองคลัง กองช่าง อำนาจหน้าที่ของ อบต.")  # fmt: skip
    results = judge(fw, [home(("ita", "ITA")), index, org])
    o1 = results["O1"]
    assert o1.verdict == "found" and o1.evidence[0].url == SITE + "org"
    assert o1.confidence >= 0.85 and o1.evidence[0].depth == 2
    assert "index page lists O1" in o1.reasons[0]
    assert results["O2"].verdict == "missing"
    assert "links nothing" in " ".join(results["O2"].reasons)


def test_it_calls_an_item_broken_when_every_evidence_link_fails(fw: Framework) -> None:
    dead = page("exec", outcome="broken", detail="HTTP 404", via_text="ข้อมูลผู้บริหาร",
                kind="other")  # fmt: skip
    result = judge(fw, [home(("exec", "ข้อมูลผู้บริหาร")), dead])["O2"]
    assert result.verdict == "broken" and "HTTP 404" in " ".join(result.reasons)


def test_a_login_wall_is_broken_too(fw: Framework) -> None:
    walled = page("plan", outcome="login_required", detail="redirected to sign-in page",
                  via_text="แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2568", kind="other")  # fmt: skip
    result = judge(fw, [home(("plan", "แผนปฏิบัติการป้องกันการทุจริต")), walled])["O25"]
    assert result.verdict == "broken"


def test_it_calls_a_document_of_the_wrong_year_outdated(fw: Framework) -> None:
    doc = page("docs/plan.pdf", kind="pdf", title="",
               via_text="แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2566",
               text="แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2566 โครงการ งบประมาณ "
               "ระยะเวลา ต.ค. 2565 - ก.ย. 2566")  # fmt: skip
    result = judge(fw, [home(("docs/plan.pdf", "แผนปฏิบัติการป้องกันการทุจริต")), doc])["O25"]
    assert result.verdict == "outdated" and 2566 in result.years and 2568 not in result.years
    assert "needs 2568" in " ".join(result.reasons)


def test_a_report_of_the_previous_year_is_what_a_previous_fy_item_needs(fw: Framework) -> None:
    assert accepted_years(next(i for i in fw.items if i.code == "O26"), 2568) == {2567}
    doc = page("docs/r.pdf", kind="pdf", via_text="รายงานผลการดำเนินการป้องกันการทุจริต ปี 2567",
               text="รายงานผลการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2567 "
               "ผลการดำเนินการ โครงการ งบประมาณ ปัญหา/อุปสรรค ข้อเสนอแนะ")  # fmt: skip
    result = judge(fw, [home(("docs/r.pdf", "รายงาน")), doc])["O26"]
    assert result.verdict == "found", result.elements_missing
    assert result.years == [2567]


def test_missing_detail_elements_make_an_item_partial(fw: Framework) -> None:
    doc = page("docs/r.pdf", kind="pdf", via_text="รายงานผลการดำเนินการป้องกันการทุจริต ปี 2567",
               text="รายงานผลการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2567 "
               "ผลการดำเนินการ โครงการ งบประมาณ")  # fmt: skip
    result = judge(fw, [home(("docs/r.pdf", "รายงาน")), doc])["O26"]
    assert result.verdict == "partial"
    missing = " ".join(result.elements_missing)
    assert "ปัญหา/อุปสรรค" in missing and "ข้อเสนอแนะ" in missing
    assert not any("ผลการดำเนินการแต่ละ" in e for e in result.elements_missing)


def test_broken_sara_am_in_a_document_still_matches(fw: Framework) -> None:
    doc = page("docs/r.pdf", kind="pdf", via_text="เอกสาร",
               text="รายงานผลการดาเนินการป้องกันการทุจริต ประจาปีงบประมาณ พ.ศ. 2567 "
               "ผลการดาเนินการ งบประมาณ ปัญหา/อุปสรรค ข้อเสนอแนะ")  # fmt: skip
    result = judge(fw, [home(("docs/r.pdf", "เอกสาร")), doc])["O26"]
    assert result.verdict == "found"


def test_a_page_goes_to_the_item_that_names_it_most_precisely(fw: Framework) -> None:
    report = page("proc-report", title="รายงานผลการจัดซื้อจัดจ้างประจำปี 2567",
                  text="สรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2567")  # fmt: skip
    results = judge(fw, [home(("proc-report", "รายงานผลการจัดซื้อจัดจ้าง")), report])
    assert results["O13"].verdict != "missing"
    assert results["O12"].verdict == "missing"


def test_channel_items_are_judged_from_forms_and_widgets(fw: Framework) -> None:
    form = page("complaint", title="แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                text="แจ้งเรื่องร้องเรียนการทุจริต ช่องทางแยกต่างหาก",
                channels=[Channel("form", SITE + "complaint", "ชื่อ รายละเอียด ส่ง")])  # fmt: skip
    results = judge(fw, [home(("complaint", "แจ้งเบาะแสการทุจริต")), form])
    assert results["O18"].verdict == "found"
    assert results["O18"].evidence[0].url == SITE + "complaint"


def test_a_general_form_is_not_a_corruption_complaint_channel(fw: Framework) -> None:
    form = page("contact", title="ติดต่อสอบถาม", text="ส่งข้อความถึงเรา",
                channels=[Channel("form", SITE + "contact", "ส่ง")])  # fmt: skip
    results = judge(fw, [home(("contact", "ติดต่อเรา")), form])
    assert results["O18"].verdict == "missing"


def test_nothing_matching_means_missing_with_every_element_listed(fw: Framework) -> None:
    results = judge(fw, [home()])
    o8 = results["O8"]
    assert o8.verdict == "missing" and o8.evidence == []
    required = [e.text for e in next(i for i in fw.items if i.code == "O8").elements if e.required]
    assert o8.elements_missing == required


def test_a_crawl_cut_short_lowers_the_confidence_of_missing(fw: Framework) -> None:
    _url, full = judge_all(fw, SiteView([home()], SITE))
    _url, cut = judge_all(fw, SiteView([home()], SITE), crawl_complete=False)
    assert cut[0].confidence < full[0].confidence
    assert "limit" in cut[0].reasons[-1]


def test_element_texts_in_the_report_carry_the_fiscal_year(fw: Framework) -> None:
    o4 = judge(fw, [home()])["O4"]
    assert any("2568" in text for text in o4.elements_missing)
    assert not any("{fy" in text for text in o4.elements_missing)


def test_the_quote_is_cut_between_words_around_the_keyword(fw: Framework) -> None:
    doc = page("docs/p.pdf", kind="pdf", via_text="แผนปฏิบัติการป้องกันการทุจริต",
               text="องค์การบริหารส่วนตำบลบ้านสวน " * 8 + "แผนปฏิบัติการป้องกันการทุจริต "
               "ประจำปีงบประมาณ พ.ศ. 2568 โครงการ งบประมาณ ระยะเวลา")  # fmt: skip
    o25 = judge(fw, [home(("docs/p.pdf", "แผน")), doc])["O25"]
    assert "แผนปฏิบัติการป้องกันการทุจริต" in o25.evidence[0].quote
    assert o25.evidence[0].quote.startswith("…")
