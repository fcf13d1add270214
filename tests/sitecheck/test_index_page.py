"""The agency's own ITA/OIT index page → item → links (issue 5, step 3a)."""

from __future__ import annotations

import ast
from pathlib import Path

from openita.sitecheck import index_page
from openita.sitecheck.index_page import IndexEntry, IndexLink, looks_like_index, parse_index_page

FIXTURES = Path(__file__).parent / "fixtures"
BASE = "https://www.example.go.th/ita/2567/index.html"


def parse(name: str, **kwargs: object) -> list[IndexEntry]:
    html = (FIXTURES / name).read_text(encoding="utf-8")
    return parse_index_page(html, BASE, **kwargs)  # type: ignore[arg-type]


def by_code(entries: list[IndexEntry]) -> dict[str, IndexEntry]:
    return {entry.code: entry for entry in entries}


def urls(entry: IndexEntry) -> list[str]:
    return [link.url for link in entry.links]


def test_it_reads_a_table_with_codes_in_the_first_cell() -> None:
    entries = parse("index_table.html")
    assert [e.code for e in entries] == ["O1", "O2", "O3", "O4", "O5", "O7"]
    assert [e.title for e in entries][:4] == [
        "โครงสร้าง",
        "ข้อมูลผู้บริหาร",
        "อำนาจหน้าที่",
        "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
    ]
    o1 = entries[0]
    assert o1.links == [IndexLink("https://www.example.go.th/about/structure.html", "(คลิ๊ก)")]
    assert urls(by_code(entries)["O3"]) == ["https://www.example.go.th/ita/duty.pdf"]
    assert looks_like_index(entries)


def test_it_merges_duplicate_codes_keeping_first_place_and_uniting_links() -> None:
    o2 = by_code(parse("index_table.html"))["O2"]
    assert o2.title == "ข้อมูลผู้บริหาร"
    assert urls(o2) == [
        "https://www.example.go.th/ita/2567/executives.php?id=1",
        "https://www.pathumthani.go.th/heads",
        "https://www.example.go.th/deputies",
    ]


def test_it_skips_javascript_mailto_and_anchor_links() -> None:
    entries = by_code(parse("index_table.html"))
    assert urls(entries["O5"]) == ["https://www.example.go.th/contact"]
    assert all(link.url.startswith("https://") for e in entries.values() for link in e.links)
    accordion = by_code(parse("index_accordion.html"))
    assert urls(accordion["O4"]) == ["https://www.example.go.th/th/strategy"]


def test_it_does_not_take_sub_indicators_for_codes() -> None:
    entries = parse("index_table.html")
    assert "O10" not in by_code(entries)
    assert all("/sub" not in url for e in entries for url in urls(e))


def test_it_reads_an_accordion_with_panels() -> None:
    entries = parse("index_accordion.html")
    assert [e.code for e in entries] == ["O1", "O2", "O3", "O4", "O5", "O6"]
    assert entries[3].title == "แผนยุทธศาสตร์ด้านการพัฒนาอุตสาหกรรมของจังหวัด"
    o1 = entries[0]
    assert o1.title == "โครงสร้าง"
    assert urls(o1) == [
        "https://phichit.industry.go.th/",
        "https://www.example.go.th/th/about/structure",
    ]
    assert o1.menu_path == 'เลือกเมนู "เกี่ยวกับสำนักงาน" > เมนูย่อย "โครงสร้างองค์กร"'
    assert urls(entries[2]) == ["https://www.example.go.th/th/about/duty"]  # fragment dropped
    assert entries[1].menu_path == ""


def test_it_reads_a_list_with_zero_and_thai_digit_codes() -> None:
    entries = parse("index_list.html")
    assert [e.code for e in entries] == ["O1", "O2", "O3", "O4", "O5", "O7"]
    assert [e.title for e in entries][:4] == [
        "โครงสร้าง",
        "ข้อมูลผู้บริหาร",
        "อำนาจหน้าที่",
        "แผนพัฒนาหน่วยงาน",
    ]
    assert entries[0].links == [
        IndexLink("https://www.example.go.th/ita/2567/files/structure.pdf", "ดาวน์โหลด")
    ]
    assert urls(entries[3]) == [
        "https://www.example.go.th/ita/2567/plan.pdf",
        "https://www.example.go.th/ita/2567/plan-en.pdf",
    ]
    assert entries[4].title == "ข้อมูลการติดต่อ"  # the title is the link text
    assert urls(entries[5]) == ["https://www.example.go.th/news/"]


def test_it_does_not_start_a_block_at_a_date_or_a_year() -> None:
    entries = parse("index_list.html")
    found = [url for e in entries for url in urls(e)]
    assert not any(url.endswith(("holiday.html", "annual.pdf")) for url in found)


def test_it_reads_plain_paragraphs_with_circle_codes_and_a_menu_path() -> None:
    entries = parse("index_paragraphs.html")
    assert [e.code for e in entries] == ["O1", "O2", "O3", "O4", "O5", "O6"]
    o1 = entries[0]
    assert o1.title == "โครงสร้าง"
    assert o1.links == [
        IndexLink("https://www.example.go.th/wp-content/uploads/2024/01/structure.pdf", "ดาวน์โหลด")
    ]
    assert o1.menu_path == 'เลือกเมนู "เกี่ยวกับสำนักงาน" > เมนูย่อย "โครงสร้างองค์กร"'
    assert urls(entries[1]) == ["https://www.example.go.th/executives/"]


def test_it_splits_a_paragraph_at_line_breaks() -> None:
    entries = by_code(parse("index_paragraphs.html"))
    assert entries["O5"].title == "ข้อมูลการติดต่อ"
    assert urls(entries["O5"]) == ["https://www.example.go.th/contact/"]
    assert entries["O6"].title == "กฎหมายที่เกี่ยวข้อง"
    assert urls(entries["O6"]) == ["https://www.example.go.th/law/"]


def test_it_filters_codes_by_known_codes() -> None:
    entries = parse("index_list.html", known_codes=["o1", "O3", "๐๕", "O99", "not a code"])
    assert [e.code for e in entries] == ["O1", "O3", "O5"]
    assert urls(entries[1]) == ["https://www.example.go.th/ita/2567/duty.html"]


def test_it_does_not_mistake_a_news_page_for_an_index() -> None:
    entries = parse("news_page.html")
    assert entries == []
    assert not looks_like_index(entries)


def test_it_requires_a_share_of_the_known_codes() -> None:
    entries = parse("index_accordion.html")
    assert looks_like_index(entries)
    assert not looks_like_index(entries, minimum=7)
    known = [f"O{n}" for n in range(1, 31)]
    assert not looks_like_index(entries, known_codes=known)  # 6 of 30 < 30%
    assert looks_like_index(entries, known_codes=known[:20])  # 6 of 20
    assert not looks_like_index(entries, known_codes=["O1", "O2", "O40"])  # under minimum


def test_it_finds_a_code_after_a_category_cell_and_in_bold() -> None:
    html = """<table>
      <tr><td rowspan="2">ข้อมูลพื้นฐาน</td><td>O1 โครงสร้าง</td><td><a href="a.pdf">(คลิก)</a></td></tr>
      <tr><td><b>O2</b> ผู้บริหาร</td><td><a href="b.pdf">(คลิก)</a></td></tr>
    </table>
    <details><summary>O 3: อำนาจหน้าที่</summary><a href="c.pdf">ดู</a></details>"""
    entries = parse_index_page(html, "http://agency.go.th/ita/")
    assert [(e.code, e.title, urls(e)) for e in entries] == [
        ("O1", "โครงสร้าง", ["http://agency.go.th/ita/a.pdf"]),
        ("O2", "ผู้บริหาร", ["http://agency.go.th/ita/b.pdf"]),
        ("O3", "อำนาจหน้าที่", ["http://agency.go.th/ita/c.pdf"]),
    ]


def test_it_ignores_scripts_and_handles_empty_pages() -> None:
    assert parse_index_page("", BASE) == []
    html = "<script>document.write('<p>O1 โครงสร้าง</p>')</script><p>O2 ผู้บริหาร</p>"
    assert [e.code for e in parse_index_page(html, BASE)] == ["O2"]


def test_it_cuts_long_titles() -> None:
    html = "<p>O1 " + "ก" * 300 + "</p>"
    (entry,) = parse_index_page(html, BASE)
    assert len(entry.title) == index_page.TITLE_MAX


def test_it_imports_no_django() -> None:
    tree = ast.parse(Path(index_page.__file__).read_text(encoding="utf-8"))
    modules = [
        name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in (
            [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module]
        )
    ]
    assert not any(str(name).startswith("django") for name in modules)


def test_it_takes_the_title_from_the_next_element_after_a_lone_code() -> None:
    html = """<p>O10</p><p></p><p>แผนดำเนินงาน</p><p><a href="/plan.pdf">(คลิก)</a></p>
    <p>O11</p><p>2567</p><p><a href="/x.pdf">(คลิก)</a></p>"""
    entries = parse_index_page(html, "https://agency.go.th/ita/")
    assert [(e.code, e.title, urls(e)) for e in entries] == [
        ("O10", "แผนดำเนินงาน", ["https://agency.go.th/plan.pdf", "https://agency.go.th/x.pdf"])
    ]


def test_it_reads_codes_written_in_brackets():
    html = "".join(
        f'<li><span class="code">{code}</span> หัวข้อ {n} : <a href="/d{n}.pdf">ลิงก์</a></li>'
        for n, code in enumerate(["(O1)", "(o 2)", "(O๓)", "[O4]", "O5", "(O17)"], start=1)
    )
    entries = parse_index_page(f"<ul>{html}</ul>", "https://x.go.th/ita/")
    assert [e.code for e in entries] == ["O1", "O2", "O3", "O4", "O5", "O17"]
    assert entries[-1].links[0].url == "https://x.go.th/d6.pdf"


def test_it_reads_codes_after_the_word_for_item_and_picture_buttons() -> None:
    html = (
        "<div><h5>ข้อ O5 แผนพัฒนาท้องถิ่น</h5><a href='/plan.pdf'>คลิก</a></div>"
        "<div><h5>O.6 แผนดำเนินงาน</h5><a href='/ap.pdf'>คลิก</a></div>"
        "<div><a href='/org.pdf'><img src='/i/o1.png' alt='O1 โครงสร้าง'></a></div>"
        "<div><a href='/exec.html'><img src='/i/o2.png' alt='O2'></a><p>ผู้บริหาร</p></div>"
    )
    entries = by_code(parse_index_page(html, BASE))
    assert urls(entries["O5"]) == ["https://www.example.go.th/plan.pdf"]
    assert urls(entries["O6"]) == ["https://www.example.go.th/ap.pdf"]
    assert urls(entries["O1"]) == ["https://www.example.go.th/org.pdf"]
    assert urls(entries["O2"]) == ["https://www.example.go.th/exec.html"]


def test_items_numbered_only_by_the_word_for_item_count_on_the_ita_page() -> None:
    from openita.sitecheck.crawl.parse import parse_html

    rows = "".join(
        f'<p>ข้อ {n}. {title} <a href="/doc/{n}.pdf">เปิด</a></p>'
        for n, title in enumerate(
            ["โครงสร้าง", "ข้อมูลผู้บริหาร", "ข้อมูลการติดต่อ", "ข่าวประชาสัมพันธ์", "แผนพัฒนา",
             "แผนการดำเนินงาน"], start=1,
        )
    )  # fmt: skip
    ita = f"<html><head><title>ITA 2569 อบต.ทดสอบ - O1-O10</title></head><body>{rows}</body></html>"
    index = parse_html(ita, "https://sites.google.com/view/a/o1-o10").index
    assert [e.code for e in index] == ["O1", "O2", "O3", "O4", "O5", "O6"]
    assert index[5].title.startswith("แผนการดำเนินงาน")
    assert index[1].links[0].url == "https://sites.google.com/doc/2.pdf"
    # The clauses of a regulation are numbered so too: not an index unless the page is ITA's.
    rule = ita.replace("ITA 2569 อบต.ทดสอบ - O1-O10", "ระเบียบว่าด้วยการรับของขวัญ")
    assert parse_html(rule, "https://a.go.th/rule").index == []


def test_a_page_with_this_years_table_and_last_years_in_tabs_keeps_them_apart() -> None:
    from openita.sitecheck.judge.site import _of_year

    def rows(year: int) -> str:
        return "".join(
            f'<tr><td>O{n}</td><td>ข้อมูลข้อ {n}</td><td><a href="/{year}/{n}.pdf">คลิก</a></td></tr>'
            for n in range(1, 7)
        )

    html = (
        '<ul class="nav-tabs"><li><a href="#y68">ITA ปี 2568</a></li>'
        '<li><a href="#y67">ITA ปี 2567</a></li></ul>'
        f'<div id="y68" class="tab-pane"><table>{rows(2568)}</table></div>'
        f'<div id="y67" class="tab-pane" style="display:none"><table>{rows(2567)}</table></div>'
    )
    entries = parse_index_page(html, "https://a.go.th/ita.php")
    assert {e.section for e in entries} == {"ITA ปี 2568", "ITA ปี 2567"}
    this_year = _of_year(entries, 2568)
    assert len(this_year) == 6
    assert all(link.url.startswith("https://a.go.th/2568/") for e in this_year for link in e.links)
    # Tables under headings naming the years are kept apart the same way.
    headed = f"<h2>OIT ปีงบประมาณ 2568</h2><table>{rows(2568)}</table>"
    headed += f"<h2>OIT ปีงบประมาณ 2567</h2><table>{rows(2567)}</table>"
    assert len(_of_year(parse_index_page(headed, "https://a.go.th/ita"), 2568)) == 6
    # A page naming no year keeps every entry.
    plain = parse_index_page(f"<table>{rows(2568)}</table>", "https://a.go.th/ita")
    assert _of_year(plain, 2569) == plain


def test_picture_buttons_named_after_their_items_without_alt_text() -> None:
    buttons = "".join(
        f'<a href="/doc/{n}.pdf"><img src="/images/ita2569/o{n}.png"></a>' for n in range(1, 7)
    )
    entries = parse_index_page(f"<div>{buttons}<img src='/img/logo.png'></div>", "https://a.go.th/")
    assert [e.code for e in entries] == [f"O{n}" for n in range(1, 7)]
    assert entries[2].links[0].url == "https://a.go.th/doc/3.pdf"


def test_titles_first_with_the_code_in_brackets_at_the_end() -> None:
    items = ["โครงสร้างหน่วยงาน", "ข้อมูลผู้บริหาร", "อำนาจหน้าที่", "แผนพัฒนาท้องถิ่น", "ข่าวประชาสัมพันธ์"]
    html = "<h2>๙.๑ ข้อมูลพื้นฐาน</h2>" + "".join(
        f'<p>{title} (O{n})</p><p>รายละเอียด : <a href="/d/{n}">คลิก</a></p>'
        for n, title in enumerate(items, start=1)
    )
    html += (
        '<p>แผนการดำเนินงาน (O6)</p><p><a href="/d/6a">ไฟล์ 1</a></p><p><a href="/d/6b">ไฟล์ 2</a></p>'
    )
    entries = parse_index_page(html, "https://a.go.th/ita/2569")
    assert [e.code for e in entries] == [f"O{n}" for n in range(1, 7)]
    assert entries[0].title == "โครงสร้างหน่วยงาน"
    assert [link.url for link in entries[5].links] == [
        "https://a.go.th/d/6a",
        "https://a.go.th/d/6b",
    ]
