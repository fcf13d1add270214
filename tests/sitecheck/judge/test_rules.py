"""Item rules met on the hold-out sites, each on a hand-made crawl result (no server)."""

from __future__ import annotations

from urllib.parse import quote

from openita.frameworks.schema import Framework
from openita.sitecheck.crawl.types import Link
from openita.sitecheck.index_page import IndexEntry, IndexLink
from openita.sitecheck.judge.site import SiteView

from .test_verdict import SITE, fw, home, judge, page

__all__ = ["fw"]  # the framework fixture, shared with test_verdict

CONTACT = (
    "ที่อยู่ 222 ถนนศรีนคร ตำบลศรีนคราม โทรศัพท์ 0 4271 5500 E-mail saraban@example.go.th "
    "สอบถามผ่าน LINE Official Account"
)


def index(*entries: tuple[str, list[str]]) -> object:
    listed = [IndexEntry(code, "x", [IndexLink(SITE + p, "คลิก") for p in paths])
              for code, paths in entries]  # fmt: skip
    listed += [IndexEntry(f"O{n}", "x", []) for n in range(20, 26)]
    return page("ita", title="ITA ปีงบประมาณ พ.ศ. 2568", index=listed)


def test_a_numbered_detail_is_looked_for_even_after_a_show_verb(fw: Framework) -> None:
    contact = page("contact", title="ติดต่อเรา", text=CONTACT, own_text=CONTACT)
    o3 = judge(fw, [home(("contact", "ติดต่อเรา")), contact])["O3"]
    assert o3.verdict == "partial"
    assert o3.elements_missing == ["แสดงข้อมูลการติดต่อของหน่วยงาน (4) แผนที่ตั้ง"]
    mapped = page("contact", title="ติดต่อเรา", text=CONTACT + " [แผนที่]",
                  own_text=CONTACT + " [แผนที่]")  # fmt: skip
    assert judge(fw, [home(("contact", "ติดต่อเรา")), mapped])["O3"].verdict == "found"


def test_a_page_under_construction_publishes_nothing(fw: Framework) -> None:
    text = "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล อยู่ระหว่างปรับปรุง ขออภัยในความไม่สะดวก"
    repair = page("hr", depth=2, parent=SITE + "ita", title="รายงานผลการบริหารทรัพยากรบุคคล",
                  text=text, own_text=text)  # fmt: skip
    o15 = judge(fw, [home(("ita", "ITA")), index(("O15", ["hr"])), repair])["O15"]
    assert o15.verdict == "missing"
    assert "still being prepared" in " ".join(o15.reasons)


def test_an_item_page_whose_every_document_fails_is_broken(fw: Framework) -> None:
    text = "รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2567 ดาวน์โหลดเอกสาร"
    pdf = [Link(SITE + "files/o13.pdf", "ดาวน์โหลด")]
    item = page("ita/o13", depth=2, parent=SITE + "ita", title="O13 รายงานผลการจัดซื้อจัดจ้าง",
                text=text, own_text=text, links=pdf)  # fmt: skip
    dead = page("files/o13.pdf", depth=3, parent=SITE + "ita/o13", outcome="broken",
                detail="HTTP 404", kind="other")  # fmt: skip
    o13 = judge(fw, [home(("ita", "ITA")), index(("O13", ["ita/o13"])), item, dead])["O13"]
    assert o13.verdict == "broken"
    assert any("HTTP 404" in reason for reason in o13.reasons)


PLAN = (
    "แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2568 โครงการ/กิจกรรม ผลผลิต งบประมาณ (บาท) "
    "ระยะเวลาดำเนินการ ต.ค. 2567 - ก.ย. 2568 ผลการใช้จ่ายงบประมาณ"
)


def _o6(fw: Framework, progress: str) -> object:
    docs = [("plan.pdf", "แผนปฏิบัติราชการ 2568", PLAN), ("progress.pdf", "รายงาน", progress)]
    pages = [home(("ita", "ITA")), index(("O6", [d[0] for d in docs]))]
    pages += [page(p, depth=2, parent=SITE + "ita", kind="pdf", title=t, text=x, via_text=t)
              for p, t, x in docs]  # fmt: skip
    return judge(fw, pages)["O6"]


def test_progress_details_are_looked_for_in_the_progress_report_only(fw: Framework) -> None:
    result = _o6(fw, "รายงานความก้าวหน้า รอบ 6 เดือน ข้อมูล ณ วันที่ 31 มีนาคม 2568 "
                     "ผลการดำเนินงานของแต่ละโครงการ ร้อยละ 50")  # fmt: skip
    assert result.verdict == "partial"  # the plan names spending; the report shows none
    assert any("(2) ผลการใช้จ่ายงบประมาณ" in e for e in result.elements_missing)
    spent = _o6(fw, "รายงานความก้าวหน้า รอบ 6 เดือน ข้อมูล ณ วันที่ 31 มีนาคม 2568 "
                    "ผลการดำเนินงานของแต่ละโครงการ เบิกจ่ายแล้ว (บาท) 34,200")  # fmt: skip
    assert spent.verdict == "found"


def test_a_first_quarter_report_does_not_reach_the_31_march_cut_off(fw: Framework) -> None:
    result = _o6(fw, "รายงานความก้าวหน้า ไตรมาสที่ 1 (1 ตุลาคม - 31 ธันวาคม 2567) "
                     "ผลการดำเนินงาน ผลการเบิกจ่าย (บาท)")  # fmt: skip
    assert result.verdict == "partial"
    assert any("31 มีนาคม" in e for e in result.elements_missing)


def test_a_six_month_report_as_of_february_does_not_reach_the_cut_off(fw: Framework) -> None:
    report = ("รายงานผลการดำเนินงาน รอบ ๖ เดือน ประจำปีงบประมาณ ๒๕๖๘ (ข้อมูล ณ วันที่ ๒๘ "
              "กุมภาพันธ์ ๒๕๖๘) เสนอสภา ๑๐ มีนาคม ๒๕๖๘ ผลการดำเนินงาน เบิกจ่ายแล้ว (บาท)")  # fmt: skip
    result = _o6(fw, report)
    assert result.verdict == "partial"
    assert any("31 มีนาคม" in e for e in result.elements_missing)
    assert _o6(fw, report.replace("๒๘ กุมภาพันธ์", "๓๑ มีนาคม")).verdict == "found"


def test_a_fiscal_year_is_not_a_budget(fw: Framework) -> None:
    text = ("แผนพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. 2568 โครงการ/กิจกรรม กลุ่มเป้าหมาย "
            "ระยะเวลาดำเนินการ ธ.ค. 2567 - มี.ค. 2568")  # fmt: skip
    hr = page("hr-plan.pdf", kind="pdf", title="แผนพัฒนาบุคลากร 2568", text=text,
              via_text="แผนพัฒนาบุคลากร")  # fmt: skip
    o14 = judge(fw, [home(("hr-plan.pdf", "แผนพัฒนาบุคลากร")), hr])["O14"]
    assert o14.verdict == "partial"
    assert any("(2) งบประมาณ" in e for e in o14.elements_missing)


def test_an_item_claims_the_pages_its_whole_title_names(fw: Framework) -> None:
    text = "สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ปีงบประมาณ พ.ศ. 2567 ทั้งหมด 3 เรื่อง"
    stats = page("stats.png", depth=2, parent=SITE + "complaint", kind="image", embedded=True,
                 title="", text=text, via_text="สถิติเรื่องร้องเรียน ปี 2567")  # fmt: skip
    results = judge(fw, [home(("complaint", "ร้องเรียน")), stats])
    assert [e.url for e in results["O19"].evidence] == [SITE + "stats.png"]
    assert all(e.url != SITE + "stats.png" for e in results["O18"].evidence)


def test_an_ita_page_that_lists_items_by_title_only_is_the_index(fw: Framework) -> None:
    titles = {item.code: item.title for item in fw.items[:12]}
    links = [Link(SITE + f"doc/{code}.pdf", title) for code, title in titles.items()]
    links.append(Link(SITE + "news", "ข่าวสารล่าสุด"))
    ita = page("governance/ita", title="การประเมินคุณธรรมและความโปร่งใส (ITA) 2568", links=links)
    url, entries = SiteView([home(("governance/ita", "ITA")), ita], SITE).title_index(
        2568, fw.items
    )
    assert url == SITE + "governance/ita"
    assert set(entries) == set(titles)
    assert [link.url for link in entries["O2"].links] == [SITE + "doc/O2.pdf"]
    # A page that is not about the ITA is no index, whatever it links.
    menu = page("sitemap", title="แผนผังเว็บไซต์", links=links)
    assert SiteView([home(), menu], SITE).title_index(2568, fw.items) == ("", {})


def test_an_index_split_over_linked_pages_is_read_as_one(fw: Framework) -> None:
    def part(path: str, title: str, codes: range, links: list[Link]) -> object:
        listed = [IndexEntry(f"O{n}", "x", [IndexLink(SITE + f"doc/{n}.pdf", "คลิก")])
                  for n in codes]  # fmt: skip
        return page(path, depth=2, parent=SITE + "ita", title=title, index=listed, links=links)

    hub = page("ita", title="ITA 2568", links=[Link(SITE + "ita/a", "O1-O10")])
    first = part("ita/a", "ITA 2568 ตัวชี้วัดที่ 9", range(1, 11), [Link(SITE + "ita/b", "ถัดไป")])
    second = part("ita/b", "ตัวชี้วัดที่ 10", range(11, 20), [])
    old = part("ita-2567", "ITA 2567", range(20, 29), [Link(SITE + "ita/a", "ปีนี้")])
    codes = {item.code for item in fw.items}
    url, entries = SiteView([home(), hub, first, second, old], SITE).index_entries(2568, codes)
    assert url == SITE + "ita/a"
    assert set(entries) == {f"O{n}" for n in range(1, 20)}  # not last year's page
    assert [link.url for link in entries["O12"].links] == [SITE + "doc/12.pdf"]


def test_details_shown_in_a_picture_named_for_the_item_are_taken_as_shown(fw: Framework) -> None:
    caption = "ข้อมูลสถิติเรื่องร้องเรียนการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ [ภาพ]"
    picture = SITE + "uploads/" + quote("สถิติ-ร้องเรียน-67.jpg")
    post = page("?p=12", depth=2, parent=SITE + "ita", title="สถิติเรื่องร้องเรียนการทุจริต 2567",
                text=caption, own_text=caption, links=[Link(picture, "")])  # fmt: skip
    image = page(picture.removeprefix(SITE), depth=3, parent=SITE + "?p=12", kind="image",
                 text="")  # fmt: skip
    o19 = judge(fw, [home(("ita", "ITA")), index(("O19", ["?p=12"])), post, image])["O19"]
    assert o19.verdict == "found" and o19.confidence < 0.75
    assert any("picture" in reason for reason in o19.reasons)
    # A news item's cover photo names nothing: its missing details stay missing.
    news = page("?p=13", depth=2, parent=SITE + "ita", title="สถิติเรื่องร้องเรียนการทุจริต 2567",
                text=caption, own_text=caption, images=[Link(SITE + "cover.jpg", "")])  # fmt: skip
    o19 = judge(fw, [home(("ita", "ITA")), index(("O19", ["?p=13"])), news])["O19"]
    assert o19.verdict == "partial"


PROGRESS = (
    "ความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ (รายเดือน) ข้อมูล ณ วันที่ 31 มีนาคม 2568 "
    "งานที่ซื้อหรือจ้าง วงเงินงบประมาณที่ได้รับจัดสรร แหล่งที่มาของงบประมาณ สถานะการจัดซื้อจัดจ้าง "
    "วิธีการจัดซื้อจัดจ้าง ราคากลาง ราคาที่ตกลงซื้อหรือจ้าง เลขประจำตัวผู้เสียภาษี "
    "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก เลขที่โครงการ วันที่ลงนามในสัญญา วันสิ้นสุดสัญญา"
)
LIST = (
    "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ งบลงทุน ประจำปีงบประมาณ พ.ศ. 2568 งานที่ซื้อหรือจ้าง "
    "วงเงินงบประมาณที่ได้รับจัดสรร แหล่งที่มาของงบประมาณ วิธีการจัดซื้อจัดจ้าง "
    "ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการ"
)


def test_a_page_named_less_precisely_joins_when_it_shows_what_is_lacking(fw: Framework) -> None:
    progress = page("files/progress-68.xlsx", depth=2, parent=SITE + "procure", kind="xlsx",
                    title="ความก้าวหน้าการจัดซื้อจัดจ้าง ณ 31 มีนาคม 2568", text=PROGRESS,
                    via_text="ความก้าวหน้าฯ ณ 31 มี.ค.68")  # fmt: skip
    plan = page("files/plan-68.pdf", depth=2, parent=SITE + "procure", kind="pdf",
                title="รายการจัดซื้อจัดจ้างงบลงทุน ปีงบประมาณ 2568", text=LIST,
                via_text="แผนจัดซื้อจัดจ้าง งบลงทุน 68")  # fmt: skip
    old = page("files/plan-67.pdf", depth=2, parent=SITE + "procure", kind="pdf",
               title="รายการจัดซื้อจัดจ้างงบลงทุน ปีงบประมาณ 2567",
               text=LIST.replace("2568", "2567"), via_text="แผนจัดซื้อจัดจ้าง งบลงทุน 67")  # fmt: skip
    o12 = judge(fw, [home(("procure", "จัดซื้อจัดจ้าง")), progress, old])["O12"]
    assert o12.verdict == "partial"  # last year's list does not fill in this year's
    o12 = judge(fw, [home(("procure", "จัดซื้อจัดจ้าง")), progress, plan])["O12"]
    assert o12.verdict == "found", o12.elements_missing
    assert {e.url for e in o12.evidence} == {progress.url, plan.url}


def test_a_dead_document_in_this_years_section_is_broken_not_outdated(fw: Framework) -> None:
    stats = "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ปีงบประมาณ พ.ศ. 2566 จำนวน 2 เรื่อง"
    links = [Link(SITE + "up/x1.pdf", "ดาวน์โหลด", context="ปีงบประมาณ 2568"),
             Link(SITE + "up/x0.pdf", "ดาวน์โหลด", context="ปีงบประมาณ 2566")]  # fmt: skip
    topic = page("data/stats", depth=2, parent=SITE + "ita", links=links,
                 title="สถิติเรื่องร้องเรียนการทุจริต", text="สถิติเรื่องร้องเรียนการทุจริต")  # fmt: skip
    old = page("up/x0.pdf", depth=3, parent=SITE + "data/stats", kind="pdf", text=stats,
               title="สถิติเรื่องร้องเรียนการทุจริต 2566")  # fmt: skip
    dead = page("up/x1.pdf", depth=3, parent=SITE + "data/stats", kind="other",
                outcome="broken", detail="HTTP 404")  # fmt: skip
    pages = [home(("ita", "ITA")), index(("O19", ["data/stats"])), topic, old]
    assert judge(fw, pages)["O19"].verdict == "outdated"
    o19 = judge(fw, [*pages, dead])["O19"]
    assert o19.verdict == "broken"
    assert any("HTTP 404" in reason for reason in o19.reasons)


def test_a_download_link_is_named_by_its_row_and_a_file_by_its_thai_name(fw: Framework) -> None:
    from urllib.parse import quote as q

    listing = page("list", title="เอกสารเผยแพร่", links=[
        Link(SITE + "f/1.pdf", "ดาวน์โหลด", row="รายงานผลการจัดการความเสี่ยงการทุจริต ดาวน์โหลด"),
        Link(SITE + "f/" + q("สถิติเรื่องร้องเรียนการทุจริต-2567.docx"), "ดาวน์โหลด"),
    ])  # fmt: skip
    site = SiteView([home(("list", "เอกสาร")), listing, page("f/1.pdf", kind="pdf", text="x"),
                     page("f/" + q("สถิติเรื่องร้องเรียนการทุจริต-2567.docx"), kind="docx",
                          text="x")], SITE)  # fmt: skip
    labels = {v.page.url.rsplit("/", 1)[-1]: v.label for v in site.views}
    assert "จัดการความเสียงการทุจริต" in labels["1.pdf"]
    assert "สถิติเรืองรองเรียนการทุจริต" in labels[q("สถิติเรื่องร้องเรียนการทุจริต-2567.docx")]


def test_last_years_index_linked_after_the_last_item_is_no_evidence(fw: Framework) -> None:
    last_year = page("ita-2567", title="ITA 2567", index=[IndexEntry(f"O{n}", "x", [])
                                                         for n in range(1, 8)])  # fmt: skip
    o28 = judge(fw, [home(("ita", "ITA")), index(("O28", ["ita-2567"])), last_year])["O28"]
    assert o28.verdict == "missing"
    assert all(e.url != SITE + "ita-2567" for e in o28.evidence)


def test_any_one_example_after_such_as_shows_the_detail() -> None:
    from openita.frameworks.schema import Element
    from openita.lib.thaitext import fold
    from openita.sitecheck.judge.elements import check

    element = Element(text="มีรายละเอียดของแต่ละงาน (4) ช่องทางให้บริการ เช่น สถานที่ "
                           "ส่วนงานที่รับผิดชอบ E-Service One Stop Service")  # fmt: skip
    place = fold("ยื่นคำขอได้ที่ ห้องเวชระเบียน ชั้น 1 (สถานที่ให้บริการ)")
    assert check(element, place, reachable=True, period_ok=None).found
    nothing = fold("ขั้นตอนการขอสำเนาเวชระเบียน 1. กรอกแบบคำขอ 2. ชำระค่าธรรมเนียม")
    assert not check(element, nothing, reachable=True, period_ok=None).found
